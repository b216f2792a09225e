package markdown

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
// invisible format characters, and controls other than "\n" and "\t".
func hiddenRune(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	case r >= 0x200b && r <= 0x200d, r == 0x2060, r == 0xfeff, r == 0x00ad:
		return true
	}
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
}

// checkNoHidden reports every hidden code point in doc, with its line.
func checkNoHidden(t *testing.T, what string, doc []byte) {
	t.Helper()
	for n, line := range strings.Split(string(doc), "\n") {
		for _, r := range line {
			if hiddenRune(r) {
				t.Errorf("%s line %d holds %U: %+q", what, n+1, r, line)
				break
			}
		}
	}
}

// hiddenInspection is the fixture as a person might have written it to
// mislead a reviewer: an RLO in the unit's name, a bidi isolate in a
// narrative, a zero-width space inside a word of a planned action, an ESC
// in a comment, and more of the kind in the other fields.
func hiddenInspection(t *testing.T) *report.Report {
	t.Helper()
	insp, diags, err := input.Load(fixture)
	if err != nil || diags.HasErrors() {
		t.Fatalf("%v %s", err, diags)
	}
	insp.Unit.Name = "Alma\u202eneknilk\u202c vårdcentral"
	insp.Unit.Region = "Region\u200b Stockholm\u2060"
	insp.Unit.Place = "Barkarby\u200f, Järfälla"
	insp.Inspectors = []string{"Anna \u2067Svensson\u2069", "\ufeffBo Berg\u00ad"}
	insp.Summary.Strengths = append(insp.Summary.Strengths, "Engagerad \u202dhandledare\u202c")
	e := insp.Areas["E"]
	e.Narrative = "Handledning ges \u2066varannan vecka\u2069 enligt plan.\n\n- punkt \u061cett\n- punkt två\x07\n\n" + e.Narrative
	for i := range e.Assessments {
		if e.Assessments[i].Comment != "" {
			e.Assessments[i].Comment = "Kommentar med \x1b[31mESC\x1b[0m och \u200dZWJ"
			break
		}
	}
	insp.Areas["A"].Override = &schema.Override{Grade: "B", Reason: "Se \u2068bilaga\u2069\r\nrad två\vrad tre"}
	p := &insp.ActionPlan.Entries[0]
	p.Action = "Inköp av öron\u200bmikroskop"
	p.Responsible = "Verksamhets\u200cchefen\u202a"
	p.FollowUpBy = "\u202bVerksamhetschefen"
	res, gd := grade.Inspection(insp, grade.DefaultPolicy())
	if gd.HasErrors() {
		t.Fatal(gd)
	}
	return compose.Report(insp, res, report.Options{Lang: "sv"})
}

// TestHiddenCharacters: the report and the plan of an inspection with
// bidi controls, zero-width characters and controls in its user text hold
// none of them; each bidi control is shown as "[U+…]" where it was; the
// document parses as the clean fixture's does.
func TestHiddenCharacters(t *testing.T) {
	r := hiddenInspection(t)
	clean := build(t, "sv")
	for _, plan := range []bool{false, true} {
		md := render(t, r, plan)
		what := map[bool]string{false: "report", true: "plan"}[plan]
		checkNoHidden(t, what, md)

		// In the source, as a reviewer reads it in a diff.
		src := string(md)
		for _, w := range []string{
			"- **Verksamhet:** Alma\\[U+202E\\]neknilk\\[U+202C\\] vårdcentral\n",
			"- **Region:** Region Stockholm\n",
			"Inköp av öronmikroskop",
			"| 20251231 *(tolkat som 2025-12-31)* | Verksamhetschefen\\[U+202A\\] | om sex månader *(tolkat som 2025-11-20)* | \\[U+202B\\]Verksamhetschefen |",
		} {
			if !strings.Contains(src, w) {
				t.Errorf("%s: the source lacks %q", what, w)
			}
		}
		if !plan {
			for _, w := range []string{
				"- **Ort:** Barkarby\\[U+200F\\], Järfälla\n",
				"- **Inspektörer:** Anna \\[U+2067\\]Svensson\\[U+2069\\], Bo Berg\n",
				"Handledning ges \\[U+2066\\]varannan vecka\\[U+2069\\] enligt plan.\n",
				"- punkt \\[U+061C\\]ett\n- punkt två\n",
				"*Kommentar:* Kommentar med \\[31mESC\\[0m och ZWJ\n",
				"*Motivering:* Se \\[U+2068\\]bilaga\\[U+2069\\] rad två rad tre\n",
			} {
				if !strings.Contains(src, w) {
					t.Errorf("%s: the source lacks %q", what, w)
				}
			}
		}

		// As a reader sees it.
		text := plainText(t, md)
		want := []string{"Alma[U+202E]neknilk[U+202C] vårdcentral", "Inköp av öronmikroskop", "Verksamhetschefen[U+202A]"}
		if !plan {
			want = append(want, "Anna [U+2067]Svensson[U+2069]", "Engagerad [U+202D]handledare[U+202C]",
				"Handledning ges [U+2066]varannan vecka[U+2069] enligt plan.", "Kommentar med [31mESC[0m och ZWJ")
		}
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: a reader does not see %q", what, w)
			}
		}

		// The same structure as the clean fixture's.
		got, w := parseShape(t, md), parseShape(t, render(t, clean, plan))
		if len(got.Headings) != len(w.Headings) || got.Tables != w.Tables || got.Checked != w.Checked ||
			got.Unchecked != w.Unchecked || got.HTML != 0 {
			t.Errorf("%s: shape changed:\n got  %d headings, %d tables, %d/%d tasks, %d HTML\n want %d, %d, %d/%d, 0",
				what, len(got.Headings), got.Tables, got.Checked, got.Unchecked, got.HTML,
				len(w.Headings), w.Tables, w.Checked, w.Unchecked)
		}
		for i := range min(len(got.Headings), len(w.Headings)) {
			if got.Headings[i].Level != w.Headings[i].Level {
				t.Errorf("%s: heading %d at level %d, want %d (%q)", what, i, got.Headings[i].Level, w.Headings[i].Level, got.Headings[i].Text)
				break
			}
		}
		for i := range min(len(got.TableRows), len(w.TableRows)) {
			rows := w.TableRows[i]
			if i == 0 && !plan {
				rows = len(r.Summary.Rows()) // the summary: one strength more
			}
			if got.TableRows[i] != rows {
				t.Errorf("%s: table %d has %d rows, want %d", what, i, got.TableRows[i], rows)
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
		{Unit: "Beta", Specialty: "Allmänmedicin", Region: "Region\ufeff Skåne", Visit: "2024-01-01"},
	}, overview.Filter{Specialty: []string{"Allmänmedicin\u2060"}, Region: []string{"Region Halland", "Region Skåne\u200b", "Region \u2067Halland\u2069"}}, "sv")
	var buf bytes.Buffer
	if err := Index(&buf, v); err != nil {
		t.Fatal(err)
	}
	md := buf.Bytes()
	checkNoHidden(t, "index", md)
	for _, w := range []string{
		"**Urval:** Specialitet: Allmänmedicin; Region: Region Halland, Region Skåne, Region \\[U+2067\\]Halland\\[U+2069\\]\n",
		"| [Alma\\[U+202E\\]neknilk\\[U+202C\\]\\[1m](2025/alma.md) | Allmänmedicin | Region \\[U+2067\\]Halland\\[U+2069\\] |",
		"| Beta | Allmänmedicin | Region Skåne |",
	} {
		if !bytes.Contains(md, []byte(w)) {
			t.Errorf("the index lacks %q:\n%s", w, md)
		}
	}
	if text := plainText(t, md); !strings.Contains(text, "Alma[U+202E]neknilk[U+202C][1m") {
		t.Errorf("a reader does not see the marked name: %s", text)
	}
}
