package compose

import (
	"strings"
	"testing"
	"time"

	"spur/grade"
	"spur/report"
	"spur/schema"
)

func buildFixture(t *testing.T, lang string) *report.Report {
	t.Helper()
	insp, diags, err := schema.LoadFile("../../fixtures/almaklinikens-vardcentral-2025.yaml")
	if err != nil || diags.HasErrors() {
		t.Fatalf("%v %s", err, diags)
	}
	res, gd := grade.Inspection(insp, grade.DefaultPolicy())
	if gd.HasErrors() {
		t.Fatal(gd)
	}
	return Report(insp, res, report.Options{Lang: lang})
}

// TestBuildFixture checks the view against the seed report's structure.
func TestBuildFixture(t *testing.T) {
	r := buildFixture(t, "sv")
	if r.Slug != "almaklinikens-vardcentral-2025-02-11" || r.Visit != "11 februari 2025" || r.Status != "Slutlig rapport" {
		t.Errorf("header: %q %q %q", r.Slug, r.Visit, r.Status)
	}
	if len(r.Groups) != 2 || r.Groups[0].Name != "STRUKTUR" || len(r.Groups[0].Areas) != 3 || r.Groups[1].Name != "PROCESS" || len(r.Groups[1].Areas) != 5 {
		t.Fatalf("groups: %+v", r.Groups)
	}
	n := 0
	for _, g := range r.Groups {
		for _, a := range g.Areas {
			chosen := 0
			for _, o := range a.Options {
				if o.Chosen {
					chosen++
					if o.Grade != a.Final {
						t.Errorf("area %s: option %s chosen, final %s", a.Letter, o.Grade, a.Final)
					}
				}
			}
			if chosen != 1 {
				t.Errorf("area %s: %d options chosen", a.Letter, chosen)
			}
			for _, s := range a.Parts {
				n += len(s.Criteria)
				for _, c := range s.Criteria {
					if c.State == report.Unassessed || c.ResultLabel == "" {
						t.Errorf("%s unassessed in the view", c.ID)
					}
				}
			}
		}
	}
	if n != 74 {
		t.Errorf("%d criteria in the view", n)
	}
	e := r.Groups[1].Areas[1]
	if e.Letter != "E" || e.Note != "Handlingsplan inkommen, gradering justerad till C." || e.Parts[0].Heading != "Föreskrift" || e.Parts[1].Heading != "Allmänna råd" {
		t.Errorf("area E: %q %q", e.Note, e.Parts[0].Heading)
	}
	h := r.Groups[1].Areas[4]
	if h.Note != "Handlingsplan inkommen, gradering D kvarstår." || h.Parts[2].Heading != "Kvalitetsindikatorer" {
		t.Errorf("area H: %q %q", h.Note, h.Parts[2].Heading)
	}
	if r.Plan == nil || len(r.Plan.Entries) != 14 {
		t.Fatalf("plan: %+v", r.Plan)
	}
	c1 := r.Plan.Entries[0]
	if c1.AreaHeading != "C. Lokaler och utrustning" || c1.CriterionText != "Utrustning för diagnostik, utredning och behandling är adekvat." ||
		c1.Due != "20251231" || c1.DueRead != "2025-12-31" || c1.FollowUp != "om sex månader" || c1.FollowUpRead != "2025-11-20" {
		t.Errorf("first entry: %+v", c1)
	}
	if want := time.Date(2025, 5, 20, 0, 0, 0, 0, time.UTC); !r.Date.Equal(want) {
		t.Errorf("document date %v, want the plan's date", r.Date)
	}
}

func TestBuildEnglish(t *testing.T) {
	r := buildFixture(t, "en")
	e := r.Groups[1].Areas[1]
	if r.Status != "Final report" || r.Visit != "11 February 2025" || e.Parts[0].Heading != "Regulation (föreskrift)" ||
		e.Note != "Action plan received, grade adjusted to C." {
		t.Errorf("%q %q %q %q", r.Status, r.Visit, e.Parts[0].Heading, e.Note)
	}
	if e.Parts[0].Criteria[0].Text != "Varje ST-läkare ges kontinuerligt handledning i form av stöd och vägledning med utgångspunkt i det individuella utbildningsprogrammet." {
		t.Error("criteria must keep their official Swedish texts")
	}
}

// TestParts pins the areas' parts as the printed report has them
// (spur-model.md: The report, in order): area D has its lead-in with the
// derived criteria under "Föreskrift", then its own föreskrifter under a
// second "Föreskrift".
func TestParts(t *testing.T) {
	r := buildFixture(t, "sv")
	want := map[string][]string{
		"A": {"Föreskrift", "Kvalitetsindikator"},
		"D": {"Föreskrift", "Föreskrift", "Allmänna råd", "Kvalitetsindikator"},
		"E": {"Föreskrift", "Allmänna råd", "Kvalitetsindikator"},
		"H": {"Föreskrift", "Allmänna råd", "Kvalitetsindikatorer"},
	}
	for _, g := range r.Groups {
		for _, a := range g.Areas {
			var got []string
			for i, p := range a.Parts {
				got = append(got, p.Heading)
				if (p.Kind == report.LeadIn) != (p.Intro != "") || (p.Kind == report.LeadIn && i != 0) {
					t.Errorf("area %s part %d: kind %d, intro %q", a.Letter, i, p.Kind, p.Intro)
				}
				if len(p.Criteria) == 0 && p.Kind != report.LeadIn {
					t.Errorf("area %s part %d is empty", a.Letter, i)
				}
			}
			if w, ok := want[a.Letter]; ok && strings.Join(got, "|") != strings.Join(w, "|") {
				t.Errorf("area %s: parts %q, want %q", a.Letter, got, w)
			}
			if a.Letter == "D" {
				if ids := a.Parts[0].Criteria; len(ids) != 3 || ids[0].ID != "D1" || a.Parts[1].Criteria[0].ID != "D4" {
					t.Errorf("area D: lead-in %+v, then %+v", a.Parts[0].Criteria, a.Parts[1].Criteria)
				}
				if a.Parts[0].Lead != "Vilket enligt SPUR-modellen innebär att:" {
					t.Errorf("area D: lead %q", a.Parts[0].Lead)
				}
			}
		}
	}
}

// TestStateString: report.State spells a result as the input file does,
// without importing schema to say so.
func TestStateString(t *testing.T) {
	for _, r := range []schema.Result{schema.Met, schema.NotMet, schema.NotApplicable, ""} {
		if got := stateOf(r).String(); got != string(r) {
			t.Errorf("stateOf(%q).String() = %q", r, got)
		}
	}
}
