package plan

import (
	"strings"
	"testing"

	"spur/grade"
	"spur/schema"
)

// Check is the net under every import: a merge that changed anything
// outside the plan, or lost the plan, or broke the file, is refused.
func TestCheckRefusesAnyOtherChange(t *testing.T) {
	src, old := load(t)
	plan := *old.ActionPlan
	if d := Check(fixture, old, src, &plan, grade.DefaultPolicy()); d.HasErrors() {
		t.Fatalf("the file itself is refused:\n%s", d)
	}
	for _, tc := range []struct{ name, from, to, want string }{
		{"a unit field", "name: Almaklinikens vårdcentral", "name: Almaklinikens VC", "unit.name would change"},
		{"a narrative", "Fina stora lokaler", "Fina lokaler", "would change"},
		{"a plan text", "Inköp av öronmikroskop", "Inköp av mikroskop", "would not read back"},
		{"the file broken", "catalog:", "catalog: [", "could not be read back"},
		{"a new error", "visit: 2025-02-11", "visit: 2025-02-11\nvisit: 2025-02-12", "1 new errors"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bad := strings.Replace(string(src), tc.from, tc.to, 1)
			if bad == string(src) {
				t.Fatalf("%q is not in the fixture", tc.from)
			}
			d := Check(fixture, old, []byte(bad), &plan, grade.DefaultPolicy())
			if !d.HasErrors() || !strings.Contains(d.String(), tc.want) {
				t.Errorf("got:\n%s\nwant an error with %q", d, tc.want)
			}
		})
	}
}

// Losses names each entry whose text a plan would erase or drop, at the
// entry's line; with force they are warnings.
func TestLosses(t *testing.T) {
	_, in := load(t)
	insp := in.Inspection
	next := *insp.ActionPlan
	next.Entries = append([]schema.PlanEntry(nil), next.Entries[1:]...) // C1 dropped
	next.Entries[0].Responsible = ""                                    // D7's responsible erased
	d := Losses(insp, &next, "plan.xlsx", false)
	s := d.String()
	for _, want := range []string{"no entry for C1", "D7 has text in Ansvarig för genomförandet", "would erase 6 fields", "--force"} {
		if !strings.Contains(s, want) {
			t.Errorf("lacks %q:\n%s", want, s)
		}
	}
	if !d.HasErrors() || !strings.Contains(s, fixture+":") {
		t.Errorf("not errors at the inspection's lines:\n%s", s)
	}
	if d := Losses(insp, &next, "plan.xlsx", true); d.HasErrors() || len(d) != 2 {
		t.Errorf("with force:\n%s", d)
	}
	if d := Losses(insp, insp.ActionPlan, "plan.xlsx", false); len(d) != 0 {
		t.Errorf("the same plan loses something:\n%s", d)
	}
}
