package pdf

import (
	"bytes"
	"cmp"
	"fmt"
	"html"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"spur/corpus"
	"spur/grade"
	"spur/input"
	"spur/report"
	"spur/report/compose"
)

// The pages as a reader gets them: pdftotext -bbox-layout gives each
// line's place on its page, whatever the engine recorded. This check
// knows nothing of the engine, so it ran unchanged on the engine before
// the page-breaking rules, and failed there (see TestPagesAsRead).

type pageLine struct {
	top, bottom float64 // mm from the top of the page
	text        string
}

var (
	bboxPageOpen = regexp.MustCompile(`<page [^>]*>`)
	bboxLineEl   = regexp.MustCompile(`(?s)<line xMin="[^"]*" yMin="([^"]*)" xMax="[^"]*" yMax="([^"]*)">(.*?)</line>`)
	bboxWordText = regexp.MustCompile(`<word [^>]*>([^<]*)</word>`)
)

// readPages returns the body lines of each page, without the running
// header and the footer.
func readPages(t testing.TB, b []byte) [][]pageLine {
	t.Helper()
	out, err := exec.Command(tool(t, "pdftotext"), "-bbox-layout", "-enc", "UTF-8", writeTemp(t, b), "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext -bbox-layout: %v\n%s", err, out)
	}
	chunks := bboxPageOpen.Split(string(out), -1)[1:]
	pages := make([][]pageLine, len(chunks))
	const mm = 25.4 / 72
	for i, c := range chunks {
		for _, m := range bboxLineEl.FindAllStringSubmatch(c, -1) {
			top, _ := strconv.ParseFloat(m[1], 64)
			bottom, _ := strconv.ParseFloat(m[2], 64)
			var words []string
			for _, w := range bboxWordText.FindAllStringSubmatch(m[3], -1) {
				words = append(words, html.UnescapeString(w[1]))
			}
			l := pageLine{top * mm, bottom * mm, strings.Join(words, " ")}
			for _, box := range invisible {
				l.text = strings.TrimPrefix(l.text, box+" ")
			}
			if l.top > 18 && l.bottom < 280 {
				pages[i] = append(pages[i], l)
			}
		}
		// Reading order is by blocks, table cells one after another:
		// the page's order is from the top.
		slices.SortStableFunc(pages[i], func(a, b pageLine) int { return cmp.Compare(a.top, b.top) })
	}
	return pages
}

// headingsOf lists the headings of a report and which of them start a
// section.
func headingsOf(r *report.Report) (all, sections map[string]bool) {
	all, sections = map[string]bool{}, map[string]bool{}
	for _, s := range []string{r.L.Summary, r.L.Overview, r.L.Plan} {
		all[s], sections[s] = true, true
	}
	all[r.L.Grading] = true
	for _, g := range r.Groups {
		all[g.Name], sections[g.Name] = true, true
		for _, a := range g.Areas {
			all[a.Heading] = true
			for _, p := range a.Parts {
				all[p.Heading] = true
			}
		}
	}
	if r.Plan != nil {
		for _, pa := range r.Plan.ByArea() {
			all[pa.Heading] = true
			for _, e := range pa.Entries {
				all[e.Heading] = true
			}
		}
	}
	return all, sections
}

// TestPagesAsRead: in the fixture's report as pdftotext reads it, no page
// ends with a heading, the grade overview is on one page, and every page
// but the last and those before a section is at least 60 % full; in the
// reports of a generated corpus, no page ends with a heading and the
// overview is on one page.
func TestPagesAsRead(t *testing.T) {
	for _, bad := range pagesAsRead(t, fixtureReport(t, "sv"), true) {
		t.Errorf("fixture: %s", bad)
	}
	files, err := corpus.GenerateFrom([]string{"../../fixtures/almaklinikens-vardcentral-2025.yaml"}, t.TempDir(), 12, 5)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		insp, diags, err := input.Load(f)
		if err != nil || diags.HasErrors() {
			t.Fatalf("%s: %v %s", f, err, diags)
		}
		res, _ := grade.Inspection(insp, grade.DefaultPolicy())
		for _, bad := range pagesAsRead(t, compose.Report(insp, res, report.Options{Lang: "sv"}), false) {
			t.Errorf("%s: %s", filepath.Base(f), bad)
		}
	}
}

func pagesAsRead(t *testing.T, r *report.Report, full bool) (bad []string) {
	var buf bytes.Buffer
	if _, err := Report(&buf, r); err != nil {
		t.Fatal(err)
	}
	pages := readPages(t, buf.Bytes())
	headings, sections := headingsOf(r)
	const room = 297.0 - 22 - 25
	for i, p := range pages {
		if len(p) == 0 {
			bad = append(bad, fmt.Sprintf("page %d is empty", i+1))
			continue
		}
		last := p[len(p)-1]
		if headings[last.text] {
			bad = append(bad, fmt.Sprintf("page %d ends with the heading %q", i+1, last.text))
		}
		fill := (last.bottom - 25) / room
		next := ""
		if i+1 < len(pages) && len(pages[i+1]) > 0 {
			next = pages[i+1][0].text
		}
		if full && i+1 < len(pages) && !sections[next] && fill < 0.6 {
			bad = append(bad, fmt.Sprintf("page %d is %.0f %% full (next page starts %q)", i+1, 100*fill, next))
		}
	}
	// The overview's rows are the first lines that start with each area's
	// letter and title.
	where := map[int]bool{}
	for _, o := range r.Overview {
		prefix := o.Letter + ". " + strings.Fields(o.Title)[0]
	find:
		for i, p := range pages {
			for _, l := range p {
				if strings.HasPrefix(l.text, prefix) {
					where[i+1] = true
					break find
				}
			}
		}
	}
	if len(where) != 1 {
		bad = append(bad, fmt.Sprintf("the grade overview is on pages %v", where))
	}
	return bad
}
