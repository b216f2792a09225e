package compose

import (
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"spur/grade"
	"spur/input"
	"spur/report"
	"spur/schema"
)

func buildFixture(t *testing.T, lang string) *report.Report {
	t.Helper()
	insp, diags, err := input.Load("../../fixtures/almaklinikens-vardcentral-2025.yaml")
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

// withFixture loads the fixture after edit, grades it and builds its view,
// whatever diagnostics the edited file has; they are returned.
func withFixture(t *testing.T, lang string, edit func(string) string) (*report.Report, schema.Diagnostics) {
	t.Helper()
	src, err := os.ReadFile("../../fixtures/almaklinikens-vardcentral-2025.yaml")
	if err != nil {
		t.Fatal(err)
	}
	insp, diags := schema.Load("insp.yaml", []byte(edit(string(src))))
	if insp == nil {
		t.Fatalf("not loaded: %s", diags)
	}
	res, gd := grade.Inspection(insp, grade.DefaultPolicy())
	return Report(insp, res, report.Options{Lang: lang}), append(diags, gd...)
}

func areaOf(r *report.Report, letter string) report.Area {
	for _, g := range r.Groups {
		for _, a := range g.Areas {
			if a.Letter == letter {
				return a
			}
		}
	}
	return report.Area{}
}

// TestPlanNote: an area's plan_note is printed instead of the standard
// sentence on the action plan, with its lines, in either language; the
// explanation keeps the standard sentence; areas without one keep the
// standard sentence (issue 11, section 4, item 2).
func TestPlanNote(t *testing.T) {
	const note = "Under granskningen påvisades brister vad gäller följsamheten till Socialstyrelsens föreskrifter och allmänna råd.\n" +
		"Verksamheten har efter granskningen inkommit med handlingsplan för åtgärder. Graderingen är ändrad till C."
	addNote := func(s string) string {
		return strings.Replace(s, "    plan_decision: accepted          # \"Handlingsplan inkommen, gradering justerad till C.\"\n  D:",
			"    plan_decision: accepted\n    plan_note: |\n      Under granskningen påvisades brister vad gäller följsamheten till Socialstyrelsens föreskrifter och allmänna råd.  \n"+
				"      Verksamheten har efter granskningen inkommit med handlingsplan för åtgärder. Graderingen är ändrad till C.\n  D:", 1)
	}
	for _, lang := range []string{"sv", "en"} {
		r, diags := withFixture(t, lang, addNote)
		if len(diags) != 0 {
			t.Fatalf("diagnostics: %s", diags)
		}
		c, e := areaOf(r, "C"), areaOf(r, "E")
		if c.Note != note {
			t.Errorf("%s: area C's note %q, want %q", lang, c.Note, note)
		}
		standard := map[string]string{"sv": "Handlingsplan inkommen, gradering justerad till C.", "en": "Action plan received, grade adjusted to C."}[lang]
		if e.Note != standard || !slices.Contains(c.Reasons, standard) {
			t.Errorf("%s: area E's note %q; area C's reasons %q", lang, e.Note, c.Reasons)
		}
	}
}

// TestNoNoteWithoutPlan: with the plan taken out and the decisions left in
// (an error at each plan_decision key), no area is adjusted and no area
// says that a plan came in, also where it has a plan_note (issue 11,
// section 4, item 4).
func TestNoNoteWithoutPlan(t *testing.T) {
	r, diags := withFixture(t, "sv", func(s string) string {
		s = s[:strings.Index(s, "\naction_plan:")+1]
		return strings.Replace(s, "    plan_decision: accepted          # \"Handlingsplan inkommen, gradering justerad till C.\"\n  D:",
			"    plan_decision: accepted\n    plan_note: Graderingen är ändrad till C.\n  D:", 1)
	})
	errs := 0
	for _, d := range diags {
		if strings.Contains(d.Message, "but the inspection has no action plan") {
			errs++
		}
	}
	if errs != 5 {
		t.Errorf("%d errors for a decision without a plan, want 5 (C, D, E, G, H):\n%s", errs, diags)
	}
	for _, g := range r.Groups {
		for _, a := range g.Areas {
			if a.Note != "" || a.Adjusted != "" {
				t.Errorf("area %s: note %q, adjusted %q", a.Letter, a.Note, a.Adjusted)
			}
			for _, rs := range a.Reasons {
				if strings.Contains(rs, "andlingsplan") {
					t.Errorf("area %s: %q", a.Letter, rs)
				}
			}
		}
	}
}

// TestCommentLines: a comment keeps the lines its inspector typed.
func TestCommentLines(t *testing.T) {
	r, diags := withFixture(t, "sv", func(s string) string {
		return strings.Replace(s, "      C1: Ombyggbar gynstol finns men öronmikroskop saknas. Åtgärd krävs.\n",
			"      C1: |\n        Ombyggbar gynstol finns.\n        Öronmikroskop saknas. Åtgärd krävs.\n", 1)
	})
	if len(diags) != 0 {
		t.Fatalf("diagnostics: %s", diags)
	}
	for _, p := range areaOf(r, "C").Parts {
		for _, c := range p.Criteria {
			if c.ID == "C1" && c.Comment != "Ombyggbar gynstol finns.\nÖronmikroskop saknas. Åtgärd krävs." {
				t.Errorf("comment %q", c.Comment)
			}
		}
	}
}
