package schema

import (
	"os"
	"strings"
	"testing"
)

func TestIdentity(t *testing.T) {
	alma := Unit{Name: "Almaklinikens vårdcentral", Organisation: "Almakliniken AB"}
	for _, tc := range []struct {
		name string
		a, b Unit
		same bool
	}{
		{"as written", alma, alma, true},
		{"case", alma, Unit{Name: "ALMAKLINIKENS Vårdcentral", Organisation: "almakliniken ab"}, true},
		{"spaces around and between", alma, Unit{Name: "  Almaklinikens \t vårdcentral\n", Organisation: "Almakliniken  AB "}, true},
		{"no-break space", alma, Unit{Name: "Almaklinikens\u00a0vårdcentral", Organisation: "Almakliniken AB"}, true},
		{"decomposed å (macOS)", alma, Unit{Name: "Almaklinikens va\u030ardcentral", Organisation: "Almakliniken AB"}, true},
		{"zero-width space and soft hyphen", alma, Unit{Name: "Almaklinikens vård\u00adcen\u200btral", Organisation: "Almakliniken AB"}, true},
		{"bidirectional control", alma, Unit{Name: "Almaklinikens\u202e vårdcentral", Organisation: "Almakliniken AB"}, true},
		{"full-width letters", Unit{Name: "VC Alma", Organisation: "X"}, Unit{Name: "ＶＣ Alma", Organisation: "X"}, true},
		{"place, region and specialty do not count", alma,
			Unit{Name: "Almaklinikens vårdcentral", Organisation: "Almakliniken AB", Place: "Barkarby", Region: "Region Stockholm", Specialty: "Allmänmedicin"}, true},
		{"ids alike, names differ (a unit renamed)", Unit{ID: "SE2321000016-ABCD", Name: "Almaklinikens vårdcentral"},
			Unit{ID: " se2321000016-abcd ", Name: "Vårdcentralen Alma"}, true},

		{"two units of one organisation", alma, Unit{Name: "Almaklinikens barnmottagning", Organisation: "Almakliniken AB"}, false},
		{"one name in two organisations", alma, Unit{Name: "Almaklinikens vårdcentral", Organisation: "Region Uppsala"}, false},
		{"a word more", alma, Unit{Name: "Almaklinikens vårdcentral Syd", Organisation: "Almakliniken AB"}, false},
		{"punctuation counts", alma, Unit{Name: "Almaklinikens vårdcentral", Organisation: "Almakliniken AB."}, false},
		{"å is not a", alma, Unit{Name: "Almaklinikens vardcentral", Organisation: "Almakliniken AB"}, false},
		{"the words are not moved between the parts", Unit{Name: "B C", Organisation: "A"}, Unit{Name: "C", Organisation: "A B"}, false},
		{"ids differ, names alike", Unit{ID: "1", Name: "Alma", Organisation: "X"}, Unit{ID: "2", Name: "Alma", Organisation: "X"}, false},
		{"an id in one file only", Unit{ID: "1", Name: "Alma", Organisation: "X"}, Unit{Name: "Alma", Organisation: "X"}, false},
		{"an id is not a name", Unit{ID: "Alma"}, Unit{Name: "Alma"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, b := tc.a.Identity(), tc.b.Identity()
			if (a == b) != tc.same {
				t.Errorf("Identity %q and %q: same %v, want %v", a, b, a == b, tc.same)
			}
		})
	}
}

func TestPreviousOf(t *testing.T) {
	unit := Unit{Name: "Almaklinikens vårdcentral", Organisation: "Almakliniken AB"}
	insp := func(file, visit string, status ReportStatus, u Unit) *Inspection {
		d, ok := ParseISODate(visit)
		if !ok {
			t.Fatalf("date %q", visit)
		}
		return &Inspection{File: file, Visit: d, Status: status, Unit: u}
	}
	cur := insp("2025.yaml", "2025-02-11", Final, unit)
	renamed := unit
	renamed.Name = "ALMAKLINIKENS  VÅRDCENTRAL"
	v2019 := insp("2019.yaml", "2019-05-02", Final, unit)
	v2022pre := insp("2022-pre.yaml", "2022-03-08", Preliminary, unit)
	v2022 := insp("2022.yaml", "2022-03-08", Final, renamed)
	other := insp("other.yaml", "2024-01-10", Final, Unit{Name: "Björkens vårdcentral", Organisation: "Almakliniken AB"})
	later := insp("2026.yaml", "2026-01-10", Final, unit)
	sameDay := insp("2025-again.yaml", "2025-02-11", Final, unit)

	for _, tc := range []struct {
		name string
		all  []*Inspection
		want *Inspection
	}{
		{"none", []*Inspection{cur, other, later}, nil},
		{"the latest before", []*Inspection{v2019, cur, v2022, later, other}, v2022},
		{"order does not matter", []*Inspection{other, later, v2022, cur, v2019}, v2022},
		{"final before preliminary on one day", []*Inspection{v2022pre, v2022, v2019}, v2022},
		{"final before preliminary, the other order", []*Inspection{v2022, v2022pre}, v2022},
		{"a preliminary one when it is the latest", []*Inspection{v2019, v2022pre}, v2022pre},
		{"not itself nor one of its day", []*Inspection{cur, sameDay}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := PreviousOf(cur, tc.all)
			if got != tc.want {
				name := func(i *Inspection) string {
					if i == nil {
						return "nil"
					}
					return i.File
				}
				t.Errorf("PreviousOf = %s, want %s", name(got), name(tc.want))
			}
		})
	}

	if err := CheckPrevious(cur, v2022); err != nil {
		t.Errorf("CheckPrevious(2022): %v", err)
	}
	for _, tc := range []struct {
		prev *Inspection
		want []string
	}{
		{other, []string{"other.yaml", `"Björkens vårdcentral"`, `"Almaklinikens vårdcentral"`, "2025.yaml"}},
		{later, []string{"2026.yaml", "2026-01-10", "not before", "2025-02-11"}},
		{sameDay, []string{"2025-again.yaml", "not before"}},
	} {
		err := CheckPrevious(cur, tc.prev)
		if err == nil {
			t.Errorf("CheckPrevious(%s): no error", tc.prev.File)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("CheckPrevious(%s) = %q, want %q in it", tc.prev.File, err, w)
			}
		}
	}
}

// TestUnitIDLoads: unit.id is read from the file, and an inspection of the
// fixture's unit with an id is known by it.
func TestUnitIDLoads(t *testing.T) {
	src, err := os.ReadFile("../fixtures/almaklinikens-vardcentral-2025.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(src), "  place: Barkarby, Järfälla\n", "  place: Barkarby, Järfälla\n  id: SE2321000016-A1B2\n", 1)
	insp, diags := Load("alma.yaml", []byte(s))
	if insp == nil || len(diags) > 0 {
		t.Fatalf("%s", diags)
	}
	if insp.Unit.ID != "SE2321000016-A1B2" {
		t.Errorf("unit.id = %q", insp.Unit.ID)
	}
	if got, want := insp.Unit.Identity(), (Unit{ID: "se2321000016-a1b2"}).Identity(); got != want {
		t.Errorf("Identity %q, want %q", got, want)
	}
}
