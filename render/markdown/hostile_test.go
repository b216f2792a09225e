package markdown

import (
	"strings"
	"testing"

	"spur/report"
	"spur/report/compose"
)

// hostile is text no report should be broken by.
var hostile = []string{
	"Enhet | med | streck",
	"# Inte en rubrik",
	"* inte en lista",
	"+ inte heller",
	"- inte heller",
	"> inte ett citat",
	"1. inte numrerad",
	"<script>alert(1)</script>",
	"[x](javascript:alert(1))",
	"`kod` och ``mer``",
	"_under_ och ~~över~~ och **fet**",
	"😀 emoji 🇸🇪 och å ä ö",
	"rad ett\r\nrad två\r\n",
	"slutar med två mellanslag  ",
	"&amp; &#60; AT&T",
	"C:\\temp\\",
	"---",
	"| --- | --- |",
	"- [ ] ingen uppgift",
	strings.Repeat("Ett mycket långt stycke utan slut. ", 290), // over 10,000 characters
}

// TestHostile fills every user field of the fixture's report with hostile
// text and checks that the document keeps its shape and shows the text.
func TestHostile(t *testing.T) {
	clean := build(t, "sv")
	want := parseShape(t, render(t, clean, false))
	wantPlan := parseShape(t, render(t, clean, true))

	r := hostileReport(t)

	for _, plan := range []bool{false, true} {
		md := render(t, r, plan)
		got := parseShape(t, md)
		w := want
		if plan {
			w = wantPlan
		}
		if len(got.Headings) != len(w.Headings) || got.Tables != w.Tables || got.Checked != w.Checked ||
			got.Unchecked != w.Unchecked || got.HTML != 0 {
			t.Errorf("plan %v: shape changed:\n got  %d headings, %d tables, %d/%d tasks, %d HTML\n want %d, %d, %d/%d, 0",
				plan, len(got.Headings), got.Tables, got.Checked, got.Unchecked, got.HTML,
				len(w.Headings), w.Tables, w.Checked, w.Unchecked)
		}
		for i := range min(len(got.Headings), len(w.Headings)) {
			if got.Headings[i].Level != w.Headings[i].Level {
				t.Errorf("plan %v: heading %d at level %d, want %d (%q)", plan, i, got.Headings[i].Level, w.Headings[i].Level, got.Headings[i].Text)
				break
			}
		}
		for i, rows := range w.TableRows {
			if i == 0 && !plan {
				rows = len(hostile) // the summary: one row per strength
			}
			if i < len(got.TableRows) && rows != got.TableRows[i] {
				t.Errorf("plan %v: table %d has %d rows, want %d", plan, i, got.TableRows[i], rows)
			}
		}
		text := plainText(t, md)
		literal := append([]string{"<script>x</script>", "[x](javascript:alert(1))"}, hostile...)
		if !plan {
			literal = append(literal, "<div>", "Rubrik i berättelsen")
		}
		for _, h := range literal {
			if !strings.Contains(text, collapse(h)) {
				t.Errorf("plan %v: %.60q not shown as text", plan, h)
			}
		}
	}
}

// hostileReport is the fixture's report with hostile text in every user
// field.
func hostileReport(t testing.TB) *report.Report {
	r := build(t, "sv")
	pick := func(i int) string { return hostile[i%len(hostile)] }
	n := 0
	next := func() string { n++; return pick(n) }
	r.Unit.Name, r.Unit.Organisation, r.Unit.Place = pick(1), pick(7), pick(8)
	r.Inspectors = []string{pick(0), pick(9)}
	r.Summary.Strengths = append([]string(nil), hostile...)
	r.Summary.Weaknesses = append([]string(nil), hostile[:len(hostile)-1]...)
	r.Summary.Improvements = []string{pick(19), pick(13)}
	for g := range r.Groups {
		for i := range r.Groups[g].Areas {
			a := &r.Groups[g].Areas[i]
			// A narrative is Markdown: its structure is its own, but it
			// must stay inside the area.
			a.Narrative = compose.Text("# Rubrik i berättelsen\r\n\r\n" + pick(i) + "\r\n\r\n<div>\r\n" + pick(i+7) +
				"\r\n</div>\r\n\r\n| a | b |\r\n|---|---|\r\n\r\n- [ ] " + pick(i+3) + "\r\n\r\n" + hostile[len(hostile)-1])
			for s := range a.Parts {
				for c := range a.Parts[s].Criteria {
					if cr := &a.Parts[s].Criteria[c]; cr.Comment != "" {
						cr.Comment = next()
					}
				}
			}
		}
	}
	for i := range r.Plan.Entries {
		e := &r.Plan.Entries[i]
		e.Action = compose.Text("## " + pick(i) + "\n\n" + pick(i+1) + "\n\n- " + pick(i+2) + "\n  - [x](javascript:alert(1))\n\n<script>x</script>")
		e.Due, e.Responsible, e.FollowUp, e.FollowUpBy = pick(i+3), pick(i+4), pick(i+5), pick(i+6)
	}
	return r
}
