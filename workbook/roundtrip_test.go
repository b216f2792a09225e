package workbook

import (
	"reflect"
	"strconv"
	"testing"
)

func fmtInt(n int) string { return strconv.Itoa(n) }

// The done-when: the fixture's plan goes out as a template, is typed
// in, comes back, and equals the fixture's plan field for field.
func TestPlanRoundTrip(t *testing.T) {
	insp := fixture(t)
	data := fillPlan(t, template(t, insp), insp.ActionPlan)
	plan, diags := read(t, "plan.xlsx", data, insp)
	if len(diags) > 0 {
		t.Errorf("diagnostics on a faithfully filled plan:\n%s", diags)
	}
	if plan == nil {
		t.Fatal("no plan")
	}
	if plan.Date != insp.ActionPlan.Date {
		t.Errorf("date = %s, want %s", plan.Date, insp.ActionPlan.Date)
	}
	if len(plan.Entries) != len(insp.ActionPlan.Entries) {
		t.Fatalf("%d entries, want %d", len(plan.Entries), len(insp.ActionPlan.Entries))
	}
	for i, want := range insp.ActionPlan.Entries {
		got := plan.Entries[i]
		if !reflect.DeepEqual(got, want) {
			t.Errorf("entry %d (%s):\n got %#v\nwant %#v", i, want.Criterion, got, want)
		}
	}
}
