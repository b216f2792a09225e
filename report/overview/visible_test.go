package overview_test

import (
	"testing"

	"spur/report/compose"
	"spur/report/overview"
)

// TestNewVisible: the rows' user texts are shown, chosen and sorted as
// report.Visible makes them, and the caller's rows are left as they were.
func TestNewVisible(t *testing.T) {
	rows := []overview.Row{
		{Unit: "\u202eBeta", Specialty: "Allmän\u200bmedicin", Region: "Region\u00ad Skåne\x1b", Organisation: "AB\ufeff", Visit: "2025-01-01"},
		{Unit: "Alfa", Specialty: "Allmänmedicin", Region: "Region Skåne", Visit: "2025-01-02"},
		{Unit: "Gamma", Specialty: "Kirurgi", Visit: "2025-01-03"},
	}
	v := compose.Overview(rows, overview.Filter{Specialty: []string{"Allmänmedicin\u2060"}}, "sv")
	if v.Filter != "Specialitet: Allmänmedicin" {
		t.Errorf("filter %q", v.Filter)
	}
	if len(v.Rows) != 2 {
		t.Fatalf("%d rows chosen, want 2 (a zero-width space makes no other specialty)", len(v.Rows))
	}
	got := v.Rows[1]
	if got.Unit != "[U+202E]Beta" || got.Specialty != "Allmänmedicin" || got.Region != "Region Skåne" || got.Organisation != "AB" {
		t.Errorf("row %+v", got.Row)
	}
	if rows[0].Unit != "\u202eBeta" || rows[0].Specialty != "Allmän\u200bmedicin" {
		t.Error("New changed the caller's rows")
	}
}
