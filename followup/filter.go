package followup

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"spur/report/overview"
	"spur/schema"
)

// Unmatched is a value of Options.Region or Options.Specialty that no
// inspection has: most often a slip ("Region Skane"), which would
// otherwise give an empty list and no word of why.
type Unmatched struct {
	Field string // "region" or "specialty"
	Value string // as given
	// Present are the field's values of the inspections, one per name as
	// compared (case, spacing and the form of accents aside), in Swedish
	// order; an inspection that gives none adds nothing.
	Present []string
	// Suggest is the one of Present the value most likely meant, "" when
	// none is near: at a small edit distance (schema.EditDistance), else
	// the only one that holds the value ("Skåne" for "Region Skåne").
	Suggest string
}

// CheckFilters compares opt's choice of regions and specialties with
// insps: each value that no inspection has, in the order given (the
// regions first), and how many of insps the choice keeps (all of them
// when there is no choice). It is the choice only: the day (opt.AsOf)
// leaves nothing out here.
func CheckFilters(insps []*schema.Inspection, opt Options) (unmatched []Unmatched, chosen int) {
	coll := collate.New(language.Swedish)
	for _, f := range []struct {
		field string
		list  []string
		of    func(*schema.Inspection) string
		only  func(v string) overview.Filter // the filter of v alone
	}{
		{"region", opt.Region, func(i *schema.Inspection) string { return i.Unit.Region },
			func(v string) overview.Filter { return overview.Filter{Region: []string{v}} }},
		{"specialty", opt.Specialty, func(i *schema.Inspection) string { return i.Unit.Specialty },
			func(v string) overview.Filter { return overview.Filter{Specialty: []string{v}} }},
	} {
		if len(f.list) == 0 {
			continue
		}
		var present []string
		for _, v := range f.list {
			only := f.only(v)
			if slices.ContainsFunc(insps, func(i *schema.Inspection) bool { return i != nil && only.Chooses(i.Unit.Specialty, i.Unit.Region) }) {
				continue
			}
			if present == nil {
				present = presentValues(insps, f.of, coll)
			}
			unmatched = append(unmatched, Unmatched{Field: f.field, Value: v, Present: present, Suggest: suggest(v, present)})
		}
	}
	filter := opt.filter()
	for _, insp := range insps {
		if insp != nil && filter.Chooses(insp.Unit.Specialty, insp.Unit.Region) {
			chosen++
		}
	}
	return unmatched, chosen
}

// presentValues are the values of insps, one for each name as fold
// compares them, in Swedish order. Of a name's spellings the one most
// inspections write is shown; of two as common, the first in byte order
// (capitals first: "Region Skåne" before "region skåne").
func presentValues(insps []*schema.Inspection, of func(*schema.Inspection) string, coll *collate.Collator) []string {
	count := map[string]int{}     // spelling → inspections
	byName := map[string]string{} // folded → spelling shown
	for _, insp := range insps {
		if insp == nil {
			continue
		}
		if v := line(of(insp)); v != "" {
			count[v]++
		}
	}
	for v, n := range count {
		k := fold(v)
		w, ok := byName[k]
		if !ok || cmp.Or(cmp.Compare(count[w], n), cmp.Compare(v, w)) < 0 {
			byName[k] = v
		}
	}
	out := make([]string, 0, len(byName))
	for _, v := range byName {
		out = append(out, v)
	}
	slices.SortFunc(out, func(x, y string) int { return cmp.Or(coll.CompareString(x, y), cmp.Compare(x, y)) })
	return out
}

// suggest is the one of names that v most likely meant: the nearest by
// edit distance of the folded names, within a third of the name's length
// (1 to 3 edits, as spur suggests keys and words elsewhere), the first in
// the order of names on a tie; else the only name that holds v (of three
// letters or more); else "".
func suggest(v string, names []string) string {
	fv := fold(v)
	n := utf8.RuneCountInString(fv)
	if n == 0 || n > 64 {
		return ""
	}
	best, bestDist := "", 0
	for _, name := range names {
		fn := fold(name)
		nn := utf8.RuneCountInString(fn)
		limit := max(1, min(3, nn/3))
		if n-nn > limit || nn-n > limit {
			continue
		}
		if d := schema.EditDistance(fv, fn); d <= limit && (best == "" || d < bestDist) {
			best, bestDist = name, d
		}
	}
	if best != "" || n < 3 {
		return best
	}
	for _, name := range names {
		if strings.Contains(fold(name), fv) {
			if best != "" {
				return "" // more than one holds it: no guess
			}
			best = name
		}
	}
	return best
}
