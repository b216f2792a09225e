package pdf

import (
	"bytes"
	"strings"
	"testing"

	"spur/report"
	"spur/report/compose/plantest"
)

// TestPlanFollowUps reads each action's follow-ups back from the report
// and the action plan through pdftotext, in both languages, and checks
// them against the follow-ups as written (plantest): the latest whole,
// each line of its note starting a line, the earlier ones a line each,
// the latest first. Hostile text in a note is printed as it is written,
// the right-to-left override as its marker. Both documents keep the
// layout's rules with the added rows.
func TestPlanFollowUps(t *testing.T) {
	for _, tc := range []struct {
		name string
		recs map[string][]plantest.Record
	}{{"written", plantest.Written}, {"hostile", plantest.Hostile()}} {
		for _, lang := range []string{"sv", "en"} {
			r := plantest.Report(t, lang, tc.recs)
			want := plantest.Expect(lang, tc.recs)
			for _, plan := range []bool{false, true} {
				name := tc.name + " " + lang + map[bool]string{false: " report", true: " plan"}[plan]
				t.Run(name, func(t *testing.T) {
					doc := func() *Doc {
						if plan {
							return planDoc(r, nil)
						}
						return reportDoc(r, nil)
					}
					d := doc()
					var buf bytes.Buffer
					if err := d.Output(&buf); err != nil {
						t.Fatal(err)
					}
					if w := d.Warnings(); len(w) > 0 {
						t.Errorf("warnings: %q", w)
					}
					if lang == "sv" {
						qpdfCheck(t, buf.Bytes())
					}
					lines := bodyLines(t, buf.Bytes(), r)
					got := readFollowUps(t, lines, r, plan)
					plantest.CheckWith(t, want, got, squeeze)
					// Each line of a note, and each earlier follow-up,
					// starts a line of the page.
					starts := map[string]bool{}
					for _, l := range lines {
						if s := squeeze(l); len(s) >= 12 {
							starts[s[:12]] = true
						}
					}
					for id, w := range want {
						for i, l := range append(strings.Split(w.Last, "\n"), w.Earlier...) {
							if s := squeeze(l); i > 0 && len(s) >= 12 && !starts[s[:12]] {
								t.Errorf("%s: no line starts with %q", id, l)
							}
						}
					}
					assertLayout(t, name, finish(t, doc()))
				})
			}
		}
	}
}

// squeeze is s without white space: pdftotext does not always put a
// space where the page has one ("| a |" is read "|a|").
func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

// bodyLines is the text of the document as pdftotext reads it, line by
// line, without the running header and the page labels.
func bodyLines(t *testing.T, b []byte, r *report.Report) []string {
	t.Helper()
	header := r.Unit.Name + " – " + r.Visit
	var out []string
	for _, page := range pdftotext(t, b) {
		for _, l := range strings.Split(page, "\n") {
			l = strings.TrimSpace(l)
			if l == "" || l == header || strings.HasPrefix(l, strings.SplitN(r.L.Page(1, 1), " ", 2)[0]+" ") {
				continue
			}
			out = append(out, l)
		}
	}
	return out
}

// readFollowUps is each action's follow-ups as a reader of the lines
// finds them, by criterion: in the plan (after its heading in the
// report), from the action's heading to the next one, the text after
// the label of the latest follow-up and after that of the earlier ones,
// without the area heading that may follow the action.
func readFollowUps(t *testing.T, lines []string, r *report.Report, alone bool) map[string]plantest.Found {
	t.Helper()
	l := r.L
	areas := map[string]bool{}
	for _, pa := range r.Plan.ByArea() {
		areas[pa.Heading] = true
	}
	got := map[string]plantest.Found{}
	in := alone
	var id, field string
	for _, line := range lines {
		switch {
		case !alone && line == l.Plan:
			in = true
			continue
		case !in:
			continue
		case strings.HasPrefix(line, l.Criterion+" ") && !strings.Contains(line[len(l.Criterion)+1:], " "):
			id, field = strings.TrimPrefix(line, l.Criterion+" "), ""
			got[id] = plantest.Found{}
			continue
		case id == "":
			continue
		case line == l.LastFollowUp || line == l.EarlierFollowUps:
			field = line
			continue
		case areas[line]:
			field = ""
			continue
		}
		f := got[id]
		switch field {
		case l.LastFollowUp:
			f.Last = strings.TrimSpace(f.Last + " " + line)
		case l.EarlierFollowUps:
			f.Earlier = strings.TrimSpace(f.Earlier + " " + line)
		}
		got[id] = f
	}
	return got
}
