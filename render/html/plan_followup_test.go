package html_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"

	"spur/render/html"
	"spur/render/markdown"
	"spur/report"
	"spur/report/compose/plantest"
)

// TestGoldenFollowUps compares the documents of the fixture with
// follow-ups (plantest.Written) with testdata/; go test ./render/html
// -run TestGoldenFollowUps -update rewrites them.
func TestGoldenFollowUps(t *testing.T) {
	for _, g := range []struct {
		file string
		doc  docFunc
		lang string
	}{
		{"actionplan.followup.sv.html", html.Plan, "sv"},
		{"report.followup.en.html", html.Report, "en"},
	} {
		t.Run(g.file, func(t *testing.T) {
			got := render(t, g.doc, plantest.Report(t, g.lang, plantest.Written))
			path := filepath.Join("testdata", g.file)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (go test ./render/html -run TestGoldenFollowUps -update writes it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the output; review with -update and git diff\n%s", path, firstDiff(got, want))
			}
		})
	}
}

// TestPlanFollowUps reads each action's follow-ups back from the report
// and the action plan as a browser parses them, in both languages, and
// checks them against the follow-ups as written (plantest): rows of the
// action's table, the latest whole with the note's line breaks, the
// earlier ones a line each, the latest first. Hostile text in a note and
// in who followed up is text: no element of its own, the right-to-left
// override a visible marker. The pages keep their structure and the
// headings of the Markdown.
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
					doc, mdf := html.Report, markdown.Render
					if plan {
						doc, mdf = html.Plan, markdown.RenderPlan
					}
					page := render(t, doc, r)
					var md bytes.Buffer
					if err := mdf(&md, r); err != nil {
						t.Fatal(err)
					}
					same(t, r, md.Bytes(), page, !plan)
					if bytes.ContainsRune(page, '\u202E') {
						t.Error("the right-to-left override is in the page")
					}
					got, breaks := readFollowUps(t, parse(t, page), r.L)
					plantest.Check(t, want, got)
					for id, w := range want {
						b := breaks[id]
						if n := strings.Count(w.Last, "\n"); b[0] != n {
							t.Errorf("%s: %d line breaks in the latest follow-up, want %d", id, b[0], n)
						}
						if n := max(len(w.Earlier)-1, 0); b[1] != n {
							t.Errorf("%s: %d line breaks in the earlier follow-ups, want %d", id, b[1], n)
						}
					}
				})
			}
		}
	}
}

// TestNoFollowUpsNoRow: an inspection without follow-ups has no row for
// them (the goldens of the fixture hold it byte for byte).
func TestNoFollowUpsNoRow(t *testing.T) {
	r := build(t, "sv")
	got, _ := readFollowUps(t, parse(t, render(t, html.Plan, r)), r.L)
	plantest.Check(t, nil, got)
}

// readFollowUps is each action's follow-ups as a reader of the page finds
// them, by criterion: the cells of the rows of its table headed by the
// labels, and the number of line breaks in each. Any element in a cell
// but <br> fails t.
func readFollowUps(t *testing.T, doc *xhtml.Node, l report.Labels) (map[string]plantest.Found, map[string][2]int) {
	t.Helper()
	got, breaks := map[string]plantest.Found{}, map[string][2]int{}
	each(doc, func(sec *xhtml.Node) {
		if sec.Data != "section" {
			return
		}
		// An action's section begins with its heading.
		h := sec.FirstChild
		for h != nil && h.Type != xhtml.ElementNode {
			h = h.NextSibling
		}
		if h == nil || len(h.Data) != 2 || h.Data[0] != 'h' || !strings.HasPrefix(textOf(h), l.Criterion+" ") {
			return
		}
		id := strings.TrimPrefix(textOf(h), l.Criterion+" ")
		f, b := got[id], breaks[id]
		each(sec, func(tr *xhtml.Node) {
			if tr.Data != "tr" {
				return
			}
			var th, td *xhtml.Node
			for c := tr.FirstChild; c != nil; c = c.NextSibling {
				switch c.Data {
				case "th":
					th = c
				case "td":
					td = c
				}
			}
			if th == nil || td == nil {
				return
			}
			label := textOf(th)
			if label != l.LastFollowUp && label != l.EarlierFollowUps {
				return
			}
			brs := 0
			each(td, func(e *xhtml.Node) {
				if e.Data == "br" {
					brs++
				} else {
					t.Errorf("%s: <%s> in the follow-up %q", id, e.Data, textOf(td))
				}
			})
			if label == l.LastFollowUp {
				f.Last, b[0] = textOf(td), brs
			} else {
				f.Earlier, b[1] = textOf(td), brs
			}
		})
		got[id], breaks[id] = f, b
	})
	return got, breaks
}
