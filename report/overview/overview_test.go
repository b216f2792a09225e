package overview_test

import (
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"spur/grade"
	"spur/input"
	"spur/report/compose"
	"spur/report/overview"
)

const fixture = "../../fixtures/almaklinikens-vardcentral-2025.yaml"

// row loads the fixture, edited by pairs of old and new texts.
func row(t *testing.T, report string, edits ...string) overview.Row {
	t.Helper()
	src, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	s := string(src)
	for i := 0; i+1 < len(edits); i += 2 {
		if !strings.Contains(s, edits[i]) {
			t.Fatalf("the fixture has no %q", edits[i])
		}
		s = strings.ReplaceAll(s, edits[i], edits[i+1])
	}
	in := input.Bytes("test.yaml", []byte(s), grade.DefaultPolicy())
	if !in.OK() {
		t.Fatalf("%s", in.Diags)
	}
	return compose.Row(in.Inspection, in.Grades, report)
}

// TestRowOfSeedReport: the row of the seed report says what the report
// says (spur-model.md: The seed report as a fixture).
func TestRowOfSeedReport(t *testing.T) {
	r := row(t, "2025/alma.md")
	if r.Unit != "Almaklinikens vårdcentral" || r.Specialty != "Allmänmedicin" || r.Region != "Region Stockholm" ||
		r.Visit != "2025-02-11" || !r.Final {
		t.Errorf("row %+v", r)
	}
	if got := strings.Join(r.Grades, ""); got != "BACCCBCD" {
		t.Errorf("grades %s, want BACCCBCD (C, D, E, G adjusted to C, H D kvarstår)", got)
	}
	// Four areas accepted, H not: partly.
	if r.Plan != overview.PlanPartly {
		t.Errorf("plan state %d, want partly accepted", r.Plan)
	}
	for _, id := range []string{"A4", "C1", "D7", "D13", "E4", "E10", "G1", "H9", "H11"} {
		if !slices.Contains(r.Unmet, id) {
			t.Errorf("%s is not among the unmet %v", id, r.Unmet)
		}
	}
	if !r.Date.Equal(time.Date(2025, 5, 20, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("date %v, want the plan's 2025-05-20", r.Date)
	}
}

func TestPlanStates(t *testing.T) {
	tests := []struct {
		name  string
		edits []string
		want  overview.PlanState
	}{
		{"every D accepted", []string{"plan_decision: not_accepted", "plan_decision: accepted"}, overview.PlanAccepted},
		{"every D kept", []string{"plan_decision: accepted ", "plan_decision: not_accepted "}, overview.PlanNotAccepted},
		{"not decided yet", []string{"status: final", "status: preliminary", "    plan_decision: accepted ", "    # ",
			"    plan_decision: not_accepted ", "    # "}, overview.PlanIn},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := row(t, "", tt.edits...).Plan; got != tt.want {
				t.Errorf("plan state %d, want %d", got, tt.want)
			}
		})
	}
	prelim := input.Bytes("p.yaml", []byte("catalog: \"2025\"\nstatus: preliminary\nunit: {name: X}\nvisit: 2025-01-01\n"+
		"areas: {A: {met: all}, B: {met: all}, C: {met: all}, D: {met: all}, E: {met: all}, F: {met: all}, G: {met: all}, H: {met: all}}\n"),
		grade.DefaultPolicy())
	if r := compose.Row(prelim.Inspection, prelim.Grades, ""); r.Plan != overview.PlanNone || r.Final || len(r.Unmet) != 0 {
		t.Errorf("a preliminary report without a plan: %+v", r)
	}
}

func mk(unit, specialty, region, visit string, grades string, unmet ...string) overview.Row {
	var g []string
	for _, c := range grades {
		if c == '-' {
			g = append(g, "")
		} else {
			g = append(g, string(c))
		}
	}
	d, _ := time.Parse(time.DateOnly, visit)
	return overview.Row{Unit: unit, Specialty: specialty, Region: region, Visit: visit, Final: true, Grades: g,
		Unmet: unmet, Report: visit[:4] + "/" + strings.ToLower(unit) + ".md", Date: d}
}

func TestOverview(t *testing.T) {
	rows := []overview.Row{
		mk("Beta", "Kirurgi", "Region Skåne", "2024-05-01", "ABCDABCD", "B7", "D1", "E4"),
		mk("Alfa", "Kirurgi", "Region Skåne", "2025-03-01", "AAAAAAA-", "E4", "D1"),
		mk("Gamma", "Allmänmedicin", "Region Halland", "2023-09-09", "BBBBBBBB", "E4"),
		mk("Delta (ny)", "Kirurgi", "Region Halland", "2025-01-15", "DDDDDDDD", "H1"),
	}
	v := compose.Overview(rows, overview.Filter{}, "sv")
	var order []string
	for _, r := range v.Rows {
		order = append(order, r.Unit)
	}
	// By specialty, then region, then unit.
	if want := []string{"Gamma", "Delta (ny)", "Alfa", "Beta"}; !slices.Equal(order, want) {
		t.Errorf("order %v, want %v", order, want)
	}
	if v.Count != "4 inspektioner" || v.Filter != "" {
		t.Errorf("count %q filter %q", v.Count, v.Filter)
	}
	if !v.Date.Equal(time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("date %v, want the latest, 2025-03-01", v.Date)
	}
	if v.Rows[1].Link != "2025/delta%20%28ny%29.md" {
		t.Errorf("link %q", v.Rows[1].Link)
	}
	// Area H: A from none, B from Gamma, D from Beta and Delta, none from Alfa.
	h := v.Areas[7]
	if h.Letter != "H" || !slices.Equal(h.Counts, []int{0, 1, 0, 2}) || h.None != 1 {
		t.Errorf("area H %+v", h)
	}
	// E4 in three, D1 in two; B7 and H1 in one each, in catalogue order.
	var unmet []string
	for _, u := range v.Unmet {
		unmet = append(unmet, u.ID+" "+u.Share)
	}
	if want := []string{"E4 75 %", "D1 50 %", "B7 25 %", "H1 25 %"}; !slices.Equal(unmet, want) {
		t.Errorf("most often unmet %v, want %v", unmet, want)
	}
	if v.Unmet[0].Kind != "F" || !strings.HasPrefix(v.Unmet[0].Text, "Den huvudansvariga handledaren bedömer") {
		t.Errorf("E4: %+v", v.Unmet[0])
	}

	since, _ := time.Parse(time.DateOnly, "2025-01-01")
	f := compose.Overview(rows, overview.Filter{Specialty: []string{"kirurgi"}, Region: []string{"Region Halland", "region skåne"}, Since: since}, "en")
	order = order[:0]
	for _, r := range f.Rows {
		order = append(order, r.Unit)
	}
	if !slices.Equal(order, []string{"Delta (ny)", "Alfa"}) || f.Count != "2 inspections" {
		t.Errorf("filtered: %v, %q", order, f.Count)
	}
	if f.Filter != "Specialty: kirurgi; Region: Region Halland, region skåne; visits from 2025-01-01" {
		t.Errorf("filter described as %q", f.Filter)
	}
}

func TestTopUnmetIsBounded(t *testing.T) {
	ids := []string{"A1", "A2", "A3", "A4", "B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8"}
	v := compose.Overview([]overview.Row{mk("X", "S", "R", "2025-01-01", "DDDDDDDD", ids...)}, overview.Filter{}, "sv")
	if len(v.Unmet) != overview.TopUnmet || v.Unmet[0].ID != "A1" || v.Unmet[9].ID != "B6" {
		t.Errorf("%d criteria, first %s", len(v.Unmet), v.Unmet[0].ID)
	}
}
