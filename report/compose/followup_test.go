package compose_test

import (
	"strings"
	"testing"

	"spur/report"
	"spur/report/compose/plantest"
	"spur/schema"
)

// TestPlanFollowUps: each action of the plan carries its follow-ups, the
// latest whole and the earlier ones, the latest first, as computed from
// the follow-ups as written (plantest); an action without any carries
// none.
func TestPlanFollowUps(t *testing.T) {
	for _, lang := range []string{"sv", "en"} {
		t.Run(lang, func(t *testing.T) {
			for _, tc := range []struct {
				name string
				recs map[string][]plantest.Record
			}{{"written", plantest.Written}, {"hostile", plantest.Hostile()}} {
				r := plantest.Report(t, lang, tc.recs)
				want := plantest.Expect(lang, tc.recs)
				got := map[string]plantest.Found{}
				for _, e := range r.Plan.Entries {
					var f plantest.Found
					if e.LastFollowUp != nil {
						f.Last = e.LastFollowUp.Line()
					}
					f.Earlier = e.EarlierLines()
					got[e.CriterionID] = f
					// The lines as printed, before any format flattens them.
					if w, ok := want[e.CriterionID]; ok {
						if f.Last != w.Last || f.Earlier != strings.Join(w.Earlier, "\n") {
							t.Errorf("%s %s:\n got  %q %q\n want %q %q", tc.name, e.CriterionID, f.Last, f.Earlier, w.Last, w.Earlier)
						}
					}
				}
				for id, f := range got {
					got[id] = plantest.Found{Last: plantest.Flat(f.Last), Earlier: plantest.Flat(f.Earlier)}
				}
				plantest.Check(t, want, got)
			}
		})
	}
}

// TestFollowUpOfOneDay: of two follow-ups on one day, the one written
// last is the action's state, as schema.PlanEntry.Latest says, and the
// other is the first of the earlier ones.
func TestFollowUpOfOneDay(t *testing.T) {
	r := plantest.Report(t, "sv", plantest.Written)
	for _, e := range r.Plan.Entries {
		if e.CriterionID != "E4" {
			continue
		}
		if e.LastFollowUp == nil || e.LastFollowUp.By != "Per Ek" || len(e.EarlierFollowUps) != 2 || e.EarlierFollowUps[0].By != "Anna Berg" ||
			e.EarlierFollowUps[0].Date != "2026-01-10" || e.EarlierFollowUps[1].Date != "2025-09-15" {
			t.Errorf("E4: %+v, earlier %+v", e.LastFollowUp, e.EarlierFollowUps)
		}
		return
	}
	t.Fatal("no E4 in the plan")
}

// TestFollowUpWords: the Swedish labels of the statuses are the words of
// the follow-up workbook's drop-down (schema), and every status has a
// word in each language.
func TestFollowUpWords(t *testing.T) {
	for _, lang := range []string{"sv", "en"} {
		l, _ := report.LabelsFor(lang)
		for _, s := range []schema.FollowUpStatus{schema.Done, schema.Partly, schema.NotDone, schema.Postponed} {
			w := l.FollowUpStatus[string(s)]
			if w == "" {
				t.Errorf("%s: no word for %s", lang, s)
			}
			if lang == "sv" && w != s.Swedish() {
				t.Errorf("sv: %s is %q, the workbook says %q", s, w, s.Swedish())
			}
		}
		if len(l.FollowUpStatus) != 4 {
			t.Errorf("%s: %d status words, want 4", lang, len(l.FollowUpStatus))
		}
	}
}

// TestFollowUpLine: the line of a follow-up with parts missing.
func TestFollowUpLine(t *testing.T) {
	for _, tc := range []struct {
		f           report.FollowUp
		line, brief string
	}{
		{report.FollowUp{Date: "2026-02-15", Status: "genomförd", Note: "På plats.\nKlart.", By: "Eva Lund"},
			"2026-02-15: genomförd — På plats.\nKlart. (Eva Lund)", "2026-02-15: genomförd (Eva Lund)"},
		{report.FollowUp{Date: "2026-02-15", Status: "genomförd"}, "2026-02-15: genomförd", "2026-02-15: genomförd"},
		{report.FollowUp{Status: "uppskjuten", Note: "Senare."}, "uppskjuten — Senare.", "uppskjuten"},
		{report.FollowUp{Date: "2026-02-15", By: "Eva"}, "2026-02-15 (Eva)", "2026-02-15 (Eva)"},
		{report.FollowUp{Note: "Bara en not."}, "Bara en not.", "–"},
		{report.FollowUp{By: "Eva"}, "Eva", "Eva"},
		{report.FollowUp{}, "–", "–"},
	} {
		if got := tc.f.Line(); got != tc.line {
			t.Errorf("%+v: Line %q, want %q", tc.f, got, tc.line)
		}
		if got := tc.f.Brief(); got != tc.brief {
			t.Errorf("%+v: Brief %q, want %q", tc.f, got, tc.brief)
		}
	}
}
