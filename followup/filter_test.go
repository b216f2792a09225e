package followup_test

import (
	"reflect"
	"slices"
	"testing"

	"spur/followup"
	"spur/schema"
)

// TestCheckFilters: each --region or --specialty value that no inspection
// has is named with the values present, once each and in Swedish order,
// and the one it most likely meant: a slip of a letter or two, or the
// only name that holds it. A value that differs only in case or outer
// spaces matches. The count is of the inspections the choice keeps.
func TestCheckFilters(t *testing.T) {
	var insps []*schema.Inspection
	add := func(region, specialty string) {
		insp := load(t, fixture)[0]
		insp.Unit.Region, insp.Unit.Specialty = region, specialty
		insps = append(insps, insp)
	}
	add("Region Stockholm", "Allmänmedicin")
	add("Region Skåne", "Psykiatri")
	add("region  skåne", "Psykiatri") // the same region, as compared
	add("Region Örebro län", "Barn- och ungdomspsykiatri")
	add("Region Östergötland", "Allmänmedicin")
	add("", "") // gives neither: adds nothing to the names present
	regions := []string{"Region Skåne", "Region Stockholm", "Region Örebro län", "Region Östergötland"}
	specialties := []string{"Allmänmedicin", "Barn- och ungdomspsykiatri", "Psykiatri"}

	for _, c := range []struct {
		name              string
		region, specialty []string
		want              []followup.Unmatched
		chosen            int
	}{
		{"no choice", nil, nil, nil, 6},
		{"case and spaces", []string{" REGION STOCKHOLM ", "region skåne"}, nil, nil, 2},
		{"a letter", []string{"Region Skane"}, nil,
			[]followup.Unmatched{{Field: "region", Value: "Region Skane", Present: regions, Suggest: "Region Skåne"}}, 0},
		{"two letters", nil, []string{"Allmänmedecin"},
			[]followup.Unmatched{{Field: "specialty", Value: "Allmänmedecin", Present: specialties, Suggest: "Allmänmedicin"}}, 0},
		{"the name without Region", []string{"Östergötland"}, nil,
			[]followup.Unmatched{{Field: "region", Value: "Östergötland", Present: regions, Suggest: "Region Östergötland"}}, 0},
		{"held by two", nil, []string{"psykiatri "}, nil, 2},
		{"held by two, no guess", nil, []string{"psyk"},
			[]followup.Unmatched{{Field: "specialty", Value: "psyk", Present: specialties}}, 0},
		{"far from all", []string{"Region Gotland"}, nil,
			[]followup.Unmatched{{Field: "region", Value: "Region Gotland", Present: regions}}, 0},
		{"one of two", []string{"Region Stockholm", "Region Stokholm"}, nil,
			[]followup.Unmatched{{Field: "region", Value: "Region Stokholm", Present: regions, Suggest: "Region Stockholm"}}, 1},
		{"each matches, together none", []string{"Region Skåne"}, []string{"Allmänmedicin"}, nil, 0},
		{"both wrong", []string{"Skåne län"}, []string{"Kirurgi"}, []followup.Unmatched{
			{Field: "region", Value: "Skåne län", Present: regions},
			{Field: "specialty", Value: "Kirurgi", Present: specialties}}, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, chosen := followup.CheckFilters(insps, followup.Options{Region: c.region, Specialty: c.specialty})
			if !reflect.DeepEqual(got, c.want) || chosen != c.chosen {
				t.Errorf("got %+v, %d chosen\nwant %+v, %d chosen", got, chosen, c.want, c.chosen)
			}
		})
	}

	// The names present do not depend on the order of the inspections.
	rev := slices.Clone(insps)
	slices.Reverse(rev)
	got, _ := followup.CheckFilters(rev, followup.Options{Region: []string{"x"}})
	if len(got) != 1 || !slices.Equal(got[0].Present, regions) {
		t.Errorf("reversed: %+v", got)
	}
}
