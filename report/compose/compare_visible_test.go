package compose

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"spur/report"
	"spur/schema"
)

// TestCompareVisible: the earlier plan's actions enter the comparison as
// every text a person wrote enters the view, through report.Visible.
func TestCompareVisible(t *testing.T) {
	insp, res := hostileInspection(t)
	prev, prevRes := hostileInspection(t)
	prev.Visit = schema.NewDate(2023, 3, 14)
	// Not met then and now, with a hostile action in the earlier plan.
	prev.ActionPlan.Entries = prev.ActionPlan.Entries[:1]
	r := Report(insp, res, report.Options{Lang: "sv"})
	Compare(r, insp, res, prev, prevRes)
	c := r.Comparison
	i := slices.IndexFunc(c.StillUnmet, func(s report.StillUnmet) bool { return s.ID == "C1" })
	if i < 0 || len(c.StillUnmet[i].Actions) != 1 {
		t.Fatalf("C1 has no earlier action: %+v", c.StillUnmet)
	}
	walkStrings(reflect.ValueOf(r.Comparison), "Comparison", func(path, s string) {
		if i := strings.IndexFunc(s, hidden); i >= 0 {
			t.Errorf("%s holds %U: %+q", path, []rune(s[i:])[0], s)
		}
	})
	if e := c.StillUnmet[i].Actions[0]; e.Due != "[U+202E]20251231[U+202C][U+2066][1m[U+2069]" {
		t.Errorf("due %q", e.Due)
	}
}
