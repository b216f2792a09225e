package pdf

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"spur/report"
	"spur/report/compose/comparetest"
)

// TestComparison reads the comparison with the previous visit back from
// the PDF, through pdftotext and the outline, and checks it against what
// the two inspections' lists say (comparetest): a bookmarked section after
// the grade overview, the grades side by side, the criteria newly unmet
// and newly met, and the earlier plan's action for each criterion still
// unmet.
func TestComparison(t *testing.T) {
	cur, prev := comparetest.Visits(t)
	e := comparetest.Expect(t, cur, prev)
	for _, lang := range []string{"sv", "en"} {
		t.Run(lang, func(t *testing.T) {
			r := comparetest.Report(t, lang)
			b := renderReport(t, r)
			qpdfCheck(t, b)
			l := r.L
			got := comparetest.Reading{Still: map[string]string{}}

			// The outline: the section at the top level, after the grade
			// overview and before the first group of areas, with its
			// headings below it.
			var top []string
			var walk func([]outline)
			walk = func(os []outline) {
				for _, o := range os {
					got.Headings = append(got.Headings, o.Title)
					walk(o.Kids)
				}
			}
			for _, o := range outlines(t, b) {
				top = append(top, o.Title)
				if o.Title == r.Comparison.Heading {
					walk([]outline{o})
				}
			}
			if want := l.Overview + "|" + r.Comparison.Heading + "|" + r.Groups[0].Name; !strings.Contains(strings.Join(top, "|"), want) {
				t.Errorf("outline %q, want %q in it", top, want)
			}

			// The text, past the running header and footer, from the
			// section's heading to the first group's.
			text := body(t, r, b)
			from := strings.Index(text, r.Comparison.Heading+" ")
			to := strings.Index(text, " "+r.Groups[0].Name+" ")
			if from < 0 || to < from {
				t.Fatalf("no section %q before %q", r.Comparison.Heading, r.Groups[0].Name)
			}
			sec := text[from:to]
			for _, ca := range cur.Insp.Cat.Areas {
				row := regexp.MustCompile(regexp.QuoteMeta(ca.Letter+". "+flatText(ca.Title)) + ` (\S+) (\S+) (\S+) `).FindStringSubmatch(sec)
				if row == nil {
					t.Errorf("no grade row for area %s", ca.Letter)
					continue
				}
				got.Grades = append(got.Grades, []string{ca.Letter + ". " + ca.Title, row[1], row[2], row[3]})
			}
			part := func(from, to string) string {
				i := strings.Index(sec, " "+from+" ")
				j := strings.Index(sec, " "+to+" ")
				if i < 0 || j < i {
					t.Fatalf("no %q before %q", from, to)
				}
				return sec[i:j]
			}
			item := regexp.MustCompile(`• ([A-H][0-9]+) `)
			for _, m := range item.FindAllStringSubmatch(part(l.NewlyUnmet, l.NewlyMet), -1) {
				got.NewlyUnmet = append(got.NewlyUnmet, m[1])
			}
			for _, m := range item.FindAllStringSubmatch(part(l.NewlyMet, l.StillUnmet), -1) {
				got.NewlyMet = append(got.NewlyMet, m[1])
			}
			still := sec[strings.Index(sec, " "+l.StillUnmet+" "):]
			heads := regexp.MustCompile(regexp.QuoteMeta(l.Criterion)+` ([A-H][0-9]+) `).FindAllStringSubmatchIndex(still, -1)
			for i, h := range heads {
				end := len(still)
				if i+1 < len(heads) {
					end = heads[i+1][0]
				}
				got.Still[still[h[2]:h[3]]] = strings.TrimSpace(still[h[1]:end])
			}
			comparetest.Check(t, r, e, got)
		})
	}
}

// TestComparisonIsDeterministic: two renders of the report with the
// comparison are the same bytes.
func TestComparisonIsDeterministic(t *testing.T) {
	a, b := renderReport(t, comparetest.Report(t, "sv")), renderReport(t, comparetest.Report(t, "sv"))
	if !bytes.Equal(a, b) {
		t.Fatal("two renders of the same comparison differ")
	}
}

// body is the text of the PDF as a person reads it, past the running
// header and footer, its white space made single spaces.
func body(t *testing.T, r *report.Report, b []byte) string {
	t.Helper()
	header := r.Unit.Name + " – " + r.Visit
	var lines []string
	for _, page := range pdftotext(t, b) {
		for _, l := range strings.Split(page, "\n") {
			l = strings.TrimSpace(l)
			if l == header || regexp.MustCompile(`^(Sida|Page) \d+ (av|of) \d+$`).MatchString(l) {
				continue
			}
			lines = append(lines, l)
		}
	}
	return " " + flatText(strings.Join(lines, " ")) + " "
}

func flatText(s string) string { return strings.Join(strings.Fields(s), " ") }
