package pdf

import (
	"bytes"
	"strings"
	"testing"
	"unicode"

	"spur/grade"
	"spur/input"
	"spur/report"
	"spur/report/compose"
	"spur/report/overview"
	"spur/schema"
)

// hiddenRune reports the code points that must not reach a document from
// user text: bidirectional controls and marks, zero-width and other
// invisible format characters, and controls other than "\n" and "\t"
// (and the form feed pdftotext puts between pages).
func hiddenRune(r rune) bool {
	switch {
	case r == '\n' || r == '\t' || r == '\f':
		return false
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	case r >= 0x200b && r <= 0x200d, r == 0x2060, r == 0xfeff, r == 0x00ad:
		return true
	}
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
}

// hiddenReport is the fixture's report with bidi controls, zero-width
// characters and controls in its user text: an RLO in the unit's name, a
// bidi isolate in a narrative, a zero-width space inside a word of a
// planned action, an ESC in a comment.
func hiddenReport(t *testing.T) *report.Report {
	t.Helper()
	insp, diags, err := input.Load("../../fixtures/almaklinikens-vardcentral-2025.yaml")
	if err != nil || diags.HasErrors() {
		t.Fatalf("%v %s", err, diags)
	}
	insp.Unit.Name = "Alma\u202eneknilk\u202c vårdcentral"
	insp.Unit.Region = "Region\u200b Stockholm\u2060"
	insp.Inspectors = []string{"Anna \u2067Svensson\u2069", "\ufeffBo Berg\u00ad"}
	insp.Summary.Strengths = append(insp.Summary.Strengths, "Engagerad \u202dhandledare\u202c")
	e := insp.Areas["E"]
	e.Narrative = "Handledning ges \u2066varannan vecka\u2069 enligt plan.\n\n" + e.Narrative
	for i := range e.Assessments {
		if e.Assessments[i].Comment != "" {
			e.Assessments[i].Comment = "Kommentar med \x1b[31mESC\x1b[0m och \u200dZWJ"
			break
		}
	}
	insp.Areas["A"].Override = &schema.Override{Grade: "B", Reason: "Se \u2068bilaga\u2069"}
	p := &insp.ActionPlan.Entries[0]
	p.Action = "Inköp av öron\u200bmikroskop"
	p.Responsible = "Verksamhets\u200cchefen\u202a"
	res, gd := grade.Inspection(insp, grade.DefaultPolicy())
	if gd.HasErrors() {
		t.Fatal(gd)
	}
	return compose.Report(insp, res, report.Options{Lang: "sv"})
}

// TestReportHiddenCharacters: what a reader of the PDF sees holds none of
// the hidden characters of the user text, and "[U+…]" where a bidi
// control was, as the Markdown does.
func TestReportHiddenCharacters(t *testing.T) {
	r := hiddenReport(t)
	for _, plan := range []bool{false, true} {
		f, what := Report, "report"
		if plan {
			f, what = Plan, "plan"
		}
		var buf bytes.Buffer
		warnings, err := f(&buf, r)
		if err != nil {
			t.Fatal(err)
		}
		if len(warnings) > 0 {
			t.Errorf("%s: warnings: %v", what, warnings)
		}
		qpdfCheck(t, buf.Bytes())
		text := strings.Join(pdftotext(t, buf.Bytes()), "")
		if i := strings.IndexFunc(text, hiddenRune); i >= 0 {
			t.Errorf("%s: the text holds %U: %+q", what, []rune(text[i:])[0], text[max(0, i-40):min(len(text), i+40)])
		}
		flat := strings.Join(strings.Fields(text), " ")
		want := []string{"Alma[U+202E]neknilk[U+202C] vårdcentral", "Region Stockholm", "Inköp av öronmikroskop",
			"Verksamhetschefen[U+202A]"}
		if !plan {
			want = append(want, "Anna [U+2067]Svensson[U+2069], Bo Berg", "Engagerad [U+202D]handledare[U+202C]",
				"Handledning ges [U+2066]varannan vecka[U+2069] enligt plan.", "Kommentar med [31mESC[0m och ZWJ",
				"Se [U+2068]bilaga[U+2069]")
		}
		for _, w := range want {
			if !strings.Contains(flat, w) {
				t.Errorf("%s: a reader does not see %q", what, w)
			}
		}
	}
}

// TestIndexHiddenCharacters: the overview treats the names, regions and
// specialties of units as a report treats its user text.
func TestIndexHiddenCharacters(t *testing.T) {
	v := compose.Overview([]overview.Row{
		{Unit: "Alma\u202eneknilk\u202c\x1b[1m", Specialty: "Allmän\u200bmedicin", Region: "Region \u2067Halland\u2069",
			Visit: "2025-02-11", Report: "2025/alma.md", Grades: []string{"A", "B"}},
	}, overview.Filter{Region: []string{"Region \u2067Halland\u2069"}}, "sv")
	var buf bytes.Buffer
	warnings, err := Index(&buf, v)
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) > 0 {
		t.Errorf("warnings: %v", warnings)
	}
	text := strings.Join(pdftotext(t, buf.Bytes()), "")
	if i := strings.IndexFunc(text, hiddenRune); i >= 0 {
		t.Errorf("the text holds %U: %+q", []rune(text[i:])[0], text[max(0, i-40):min(len(text), i+40)])
	}
	flat := strings.Join(strings.Fields(text), " ")
	for _, w := range []string{"Urval: Region: Region [U+2067]Halland[U+2069]", "Allmänmedicin"} {
		if !strings.Contains(flat, w) {
			t.Errorf("a reader does not see %q:\n%s", w, flat)
		}
	}
	// The name is one long word in a narrow column, broken across lines.
	if w := "Alma[U+202E]neknilk[U+202C][1m"; !strings.Contains(strings.Join(strings.Fields(text), ""), w) {
		t.Errorf("a reader does not see %q:\n%s", w, flat)
	}
}
