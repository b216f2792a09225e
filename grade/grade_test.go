package grade

import (
	"slices"
	"strings"
	"testing"

	"spur/schema"
)

func catalogArea(t *testing.T, version, letter string) *schema.CatalogArea {
	t.Helper()
	c, ok := schema.CatalogVersion(version)
	if !ok {
		t.Fatalf("no catalogue %s", version)
	}
	a, ok := c.Area(letter)
	if !ok {
		t.Fatalf("no area %s", letter)
	}
	return a
}

// assess gives every criterion of ca the result met, except those named.
func assess(ca *schema.CatalogArea, results map[string]schema.Result) []schema.Assessment {
	var as []schema.Assessment
	for i := range ca.Criteria {
		r, ok := results[ca.Criteria[i].ID]
		if !ok {
			r = schema.Met
		}
		as = append(as, schema.Assessment{Criterion: &ca.Criteria[i], Result: r})
	}
	return as
}

const (
	met = schema.Met
	not = schema.NotMet
	na  = schema.NotApplicable
	un  = schema.Unassessed
)

func TestCompute(t *testing.T) {
	onlyRegulations := &schema.CatalogArea{Letter: "X", Options: catalogArea(t, "2025", "B").Options,
		Criteria: []schema.Criterion{{ID: "X1", Kind: "F", Text: "x"}, {ID: "X2", Kind: "F*", Text: "y"}}}
	tests := []struct {
		name     string
		area     *schema.CatalogArea
		results  map[string]schema.Result
		policy   Policy
		want     schema.Grade
		decisive []string
		reason   string // a reason that must be among the explanation, in Swedish
	}{
		{name: "all met", area: catalogArea(t, "2025", "B"), want: "A",
			reason: "A: alla föreskrifter och det allmänna rådet är uppfyllda, liksom alla 3 kvalitetsindikatorer."},
		{name: "one indicator of three unmet is an isolated exception", area: catalogArea(t, "2025", "B"),
			results: map[string]schema.Result{"B9": not}, want: "A", decisive: []string{"B9"},
			reason: "A: alla föreskrifter och det allmänna rådet är uppfyllda; 1 av 3 kvalitetsindikatorer är inte uppfylld (B9), högst 1 är tillåten som enstaka undantag."},
		{name: "two indicators unmet is B", area: catalogArea(t, "2025", "B"),
			results: map[string]schema.Result{"B8": not, "B10": not}, want: "B", decisive: []string{"B8", "B10"},
			reason: "B: alla föreskrifter och det allmänna rådet är uppfyllda, men 2 av 3 kvalitetsindikatorer är inte uppfyllda (B8 och B10); A tillåter högst 1."},
		{name: "two indicators unmet within a raised limit", area: catalogArea(t, "2025", "B"), policy: Policy{MaxUnmetIndicators: 2},
			results: map[string]schema.Result{"B8": not, "B10": not}, want: "A", decisive: []string{"B8", "B10"}},
		{name: "the only indicator unmet is never an isolated exception", area: catalogArea(t, "2025", "A"),
			results: map[string]schema.Result{"A4": not}, want: "B", decisive: []string{"A4"},
			reason: "B: alla föreskrifter är uppfyllda, men kvalitetsindikatorn är inte uppfylld (A4); A kräver att den är uppfylld."},
		{name: "all indicators unmet allowed by policy", area: catalogArea(t, "2025", "A"), policy: Policy{MaxUnmetIndicators: 1, AllowAllIndicatorsUnmet: true},
			results: map[string]schema.Result{"A4": not}, want: "A"},
		{name: "an allmänt råd unmet is C", area: catalogArea(t, "2025", "E"),
			results: map[string]schema.Result{"E11": not, "E12": not}, want: "C", decisive: []string{"E11", "E12"},
			reason: "C: alla föreskrifter är uppfyllda, men de allmänna råden E11 och E12 är inte uppfyllda."},
		{name: "a föreskrift unmet is D", area: catalogArea(t, "2025", "E"),
			results: map[string]schema.Result{"E4": not, "E5": not, "E11": not}, want: "D", decisive: []string{"E4", "E5"},
			reason: "D: föreskrifterna E4 och E5 är inte uppfyllda."},
		{name: "advice also listed under D", area: catalogArea(t, "2025", "E"),
			results: map[string]schema.Result{"E4": not, "E11": not}, want: "D", decisive: []string{"E4"},
			reason: "Dessutom är det allmänna rådet E11 inte uppfyllt."},
		{name: "a derived föreskrift (F*) unmet is D", area: catalogArea(t, "2025", "C"),
			results: map[string]schema.Result{"C1": not}, want: "D", decisive: []string{"C1"},
			reason: "D: föreskriften C1 är inte uppfylld."},
		{name: "unassessed föreskrift counts as not met", area: catalogArea(t, "2025", "C"),
			results: map[string]schema.Result{"C2": un}, want: "D", decisive: []string{"C2"},
			reason: "Ej bedömda, räknas som ej uppfyllda: C2."},
		{name: "unassessed indicator counts as not met", area: catalogArea(t, "2025", "C"),
			results: map[string]schema.Result{"C3": un, "C4": un}, want: "B", decisive: []string{"C3", "C4"}},
		{name: "not applicable counts neither way", area: catalogArea(t, "2025", "E"),
			results: map[string]schema.Result{"E9": na, "E13": na}, want: "A",
			reason: "Ej tillämpliga, räknas varken för eller emot: E9 och E13."},
		{name: "a not applicable indicator leaves the others", area: catalogArea(t, "2025", "G"),
			results: map[string]schema.Result{"G9": na, "G10": not}, want: "A", decisive: []string{"G10"}},
		{name: "every indicator not applicable", area: catalogArea(t, "2025", "C"),
			results: map[string]schema.Result{"C3": na, "C4": na}, want: "A",
			reason: "A: alla föreskrifter är uppfyllda och det finns inga tillämpliga kvalitetsindikatorer."},
		{name: "area without allmänna råd or indicators", area: onlyRegulations, want: "A"},
		{name: "area without allmänna råd, föreskrift unmet", area: onlyRegulations,
			results: map[string]schema.Result{"X2": not}, want: "D", decisive: []string{"X2"}},
		{name: "all criteria not applicable", area: catalogArea(t, "2025", "C"),
			results: map[string]schema.Result{"C1": na, "C2": na, "C3": na, "C4": na}, want: "",
			reason: "Alla kriterier är ej tillämpliga: ingen gradering kan beräknas, inspektörerna anger den."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := tc.policy
			if p == (Policy{}) {
				p = DefaultPolicy()
			}
			got := Compute(tc.area, assess(tc.area, tc.results), p)
			if got.Computed != tc.want || got.Final != tc.want {
				t.Errorf("computed %q final %q, want %q; reasons: %v", got.Computed, got.Final, tc.want, got.Reasons)
			}
			if tc.decisive != nil && !slices.Equal(got.Decisive, tc.decisive) {
				t.Errorf("decisive %v, want %v", got.Decisive, tc.decisive)
			}
			if tc.reason != "" {
				var texts []string
				for _, r := range got.Reasons {
					texts = append(texts, r.In("sv"))
				}
				if !slices.Contains(texts, tc.reason) {
					t.Errorf("reason missing\nwant: %s\ngot:  %s", tc.reason, strings.Join(texts, "\n      "))
				}
			}
		})
	}
}

// inspection builds a final inspection from a template with one area's
// findings set, and loads it.
func inspection(t *testing.T, catalog, area, findings, plan string) *schema.Inspection {
	t.Helper()
	var b strings.Builder
	b.WriteString("catalog: \"" + catalog + "\"\nstatus: final\nunit: {name: Testenheten}\nvisit: 2025-02-11\ninspectors: [Karin Ek]\nareas:\n")
	for _, l := range "ABCDEFGH" {
		if string(l) == area {
			b.WriteString("  " + area + ": " + findings + "\n")
		} else {
			b.WriteString("  " + string(l) + ": {met: all}\n")
		}
	}
	b.WriteString(plan)
	insp, diags := schema.Load("t.yaml", []byte(b.String()))
	if diags.HasErrors() {
		t.Fatalf("fixture invalid:\n%s", diags)
	}
	return insp
}

const (
	planC1 = "action_plan:\n  date: 2025-05-20\n  entries:\n    - {criterion: C1, action: Köp in, due: \"20251231\"}\n"
	planC3 = "action_plan:\n  date: 2025-05-20\n  entries:\n    - {criterion: C3, action: Ordna arbetsplatser}\n"
)

func TestDecisions(t *testing.T) {
	tests := []struct {
		name                        string
		catalog, findings, plan     string
		computed, override, adj, fi schema.Grade
		outside                     bool
		reason                      string
	}{
		{name: "accepted plan adjusts D to C", catalog: "2025", findings: "{met: all, not_met: [C1], plan_decision: accepted}", plan: planC1,
			computed: "D", adj: "C", fi: "C", reason: "Handlingsplan inkommen, gradering justerad till C."},
		{name: "plan not accepted, D stands", catalog: "2025", findings: "{met: all, not_met: [C1], plan_decision: not_accepted}", plan: planC1,
			computed: "D", fi: "D", reason: "Handlingsplan inkommen, gradering D kvarstår."},
		{name: "adjusted C where the area has no C option", catalog: "2023", findings: "{met: all, not_met: [C1], plan_decision: accepted}", plan: planC1,
			computed: "D", adj: "C", fi: "C", outside: true,
			reason: "Handlingsplan inkommen, gradering justerad till C. Området har i kriterieversion 2023 inget alternativ C (alternativ: A, B, D); justeringen anges därför i ord."},
		{name: "override keeps both figures", catalog: "2025", findings: "{met: all, not_met: [C3, C4], override: {grade: A, reason: Kalibreringsmöte 2025-03-01}}",
			computed: "B", override: "A", fi: "A", reason: "Inspektörerna har satt gradering A (beräknad: B): Kalibreringsmöte 2025-03-01"},
		{name: "override to D, then plan accepted", catalog: "2025", findings: "{met: all, not_met: [C3, C4], override: {grade: D, reason: Allvarlig brist}, plan_decision: accepted}", plan: planC3,
			computed: "B", override: "D", adj: "C", fi: "C"},
		{name: "override of an ungradable area", catalog: "2025", findings: "{not_applicable: [C1, C2, C3, C4], override: {grade: B, reason: Bedömt i samtal}}",
			computed: "", override: "B", fi: "B"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			insp := inspection(t, tc.catalog, "C", tc.findings, tc.plan)
			res, diags := Inspection(insp, DefaultPolicy())
			if len(diags) != 0 {
				t.Fatalf("diagnostics: %s", diags)
			}
			a, _ := res.Area("C")
			if a.Computed != tc.computed || a.Override != tc.override || a.Adjusted != tc.adj || a.Final != tc.fi || a.AdjustedOutsideOptions != tc.outside {
				t.Errorf("got computed %q override %q adjusted %q final %q outside %v", a.Computed, a.Override, a.Adjusted, a.Final, a.AdjustedOutsideOptions)
			}
			if tc.reason != "" {
				var texts []string
				for _, r := range a.Reasons {
					texts = append(texts, r.String())
				}
				if !slices.Contains(texts, tc.reason) {
					t.Errorf("reason missing\nwant: %s\ngot:  %s", tc.reason, strings.Join(texts, "\n      "))
				}
			}
		})
	}
}

func TestDecisionDiagnostics(t *testing.T) {
	tests := []struct{ name, findings, plan, want string }{
		{"decision on an area that was not D", "{met: all, not_met: [C3], plan_decision: accepted}", planC3,
			"t.yaml:9:47: area C is graded A, not D: a decision on the action plan applies only to an area graded D; remove plan_decision"},
		{"note and decision on an area that was not D", "{met: all, not_met: [C3], plan_decision: accepted, plan_note: Ändrad till C.}", planC3,
			"t.yaml:9:47: area C is graded A, not D: a decision on the action plan applies only to an area graded D; remove plan_decision and plan_note"},
		{"final report without a decision on a D area", "{met: all, not_met: [C1]}", planC1,
			"t.yaml:9:3: area C is graded D: a final report records the inspectors' decision on the action plan (plan_decision: accepted or not_accepted)"},
		{"ungradable area without override", "{not_applicable: [C1, C2, C3, C4]}", "",
			"t.yaml:9:3: area C: every criterion is not applicable, so no grade can be computed; set one with override: {grade: ..., reason: ...}"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			insp := inspection(t, "2025", "C", tc.findings, tc.plan)
			_, diags := Inspection(insp, DefaultPolicy())
			if got := strings.TrimSpace(diags.String()); got != tc.want {
				t.Errorf("got:  %s\nwant: %s", got, tc.want)
			}
		})
	}
}

func TestReasonsInEnglish(t *testing.T) {
	a := catalogArea(t, "2025", "E")
	got := Compute(a, assess(a, map[string]schema.Result{"E4": not, "E5": not, "E6": not}), DefaultPolicy())
	if s := got.Reasons[0].In("en"); s != "D: regulations E4, E5 and E6 are not met." {
		t.Errorf("got %q", s)
	}
}

// TestDecisionWithoutPlan: a plan_decision before the plan is in (an error
// package schema reports at the key) adjusts nothing and explains nothing
// of a plan: a preliminary report must not say "Handlingsplan inkommen"
// (issue 11, section 4, item 4).
func TestDecisionWithoutPlan(t *testing.T) {
	for _, decision := range []string{"accepted", "not_accepted"} {
		t.Run(decision, func(t *testing.T) {
			src := "catalog: \"2025\"\nstatus: preliminary\nunit: {name: Testenheten}\nvisit: 2025-02-11\nareas:\n" +
				"  C:\n    met: all\n    not_met: [C1]\n    plan_decision: " + decision + "\n    plan_note: Graderingen är ändrad till C.\n"
			for _, l := range "ABDEFGH" {
				src += "  " + string(l) + ": {met: all}\n"
			}
			insp, diags := schema.Load("t.yaml", []byte(src))
			want := "t.yaml:9:5: area C has plan_decision: " + decision + ", but the inspection has no action plan"
			if !strings.HasPrefix(strings.TrimSpace(diags.String()), want) || len(diags) != 1 {
				t.Fatalf("schema diagnostics:\n%s\nwant one starting %q", diags, want)
			}
			res, gd := Inspection(insp, DefaultPolicy())
			if len(gd) != 0 {
				t.Errorf("grade diagnostics: %s", gd)
			}
			a, _ := res.Area("C")
			if a.Final != "D" || a.Adjusted != "" || a.Decision != "" {
				t.Errorf("final %q adjusted %q decision %q, want D, none, none", a.Final, a.Adjusted, a.Decision)
			}
			for _, r := range a.Reasons {
				if strings.Contains(r.String(), "andlingsplan") {
					t.Errorf("a reason speaks of a plan: %s", r)
				}
			}
		})
	}
}
