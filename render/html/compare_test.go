package html_test

import (
	"bytes"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"

	"spur/render/html"
	"spur/render/markdown"
	"spur/report/compose/comparetest"
)

// TestComparison reads the comparison with the previous visit back from
// the HTML, as a browser parses it, and checks it against what the two
// inspections' lists say (comparetest); the page keeps its structure (a
// named table with headers, headings in order) and has the headings of
// the Markdown.
func TestComparison(t *testing.T) {
	cur, prev := comparetest.Visits(t)
	e := comparetest.Expect(t, cur, prev)
	for _, lang := range []string{"sv", "en"} {
		t.Run(lang, func(t *testing.T) {
			r := comparetest.Report(t, lang)
			page := render(t, html.Report, r)
			var md bytes.Buffer
			if err := markdown.Render(&md, r); err != nil {
				t.Fatal(err)
			}
			same(t, r, md.Bytes(), page, true)

			sec := comparisonSection(t, parse(t, page), r.Comparison.Heading)
			got := comparetest.Reading{Still: map[string]string{}}
			var h3, id string
			each(sec, func(n *xhtml.Node) {
				switch n.Data {
				case "h2", "h3", "h4":
					title := textOf(n)
					got.Headings = append(got.Headings, title)
					switch n.Data {
					case "h3":
						h3, id = title, ""
					case "h4":
						id = title[strings.LastIndexByte(title, ' ')+1:]
						got.Still[id] = ""
						// The text of the criterion's section after its
						// heading.
						for s := n.NextSibling; s != nil; s = s.NextSibling {
							if s.Type == xhtml.ElementNode {
								got.Still[id] = flat(got.Still[id] + " " + textOf(s))
							}
						}
					}
				case "table":
					if h3 != "" {
						return
					}
					// The grade table: a header for each column, a row
					// header for each area.
					each(n, func(tr *xhtml.Node) {
						if tr.Data != "tr" || tr.Parent.Data != "tbody" {
							return
						}
						var cells []string
						for c := tr.FirstChild; c != nil; c = c.NextSibling {
							if c.Type == xhtml.ElementNode {
								cells = append(cells, textOf(c))
							}
						}
						if tr.FirstChild.Data != "th" {
							t.Errorf("grade row %q without a row header", cells)
						}
						got.Grades = append(got.Grades, cells)
					})
					var heads []string
					each(n, func(th *xhtml.Node) {
						if th.Data == "th" && th.Parent.Parent.Data == "thead" {
							heads = append(heads, textOf(th))
						}
					})
					if want := []string{r.L.Area, r.L.ComparePrevious, r.L.CompareCurrent, r.L.CompareChange}; strings.Join(heads, "|") != strings.Join(want, "|") {
						t.Errorf("grade table headers %q, want %q", heads, want)
					}
				case "li":
					first := strings.Fields(textOf(n))[0]
					switch {
					case h3 == r.L.NewlyUnmet && id == "":
						got.NewlyUnmet = append(got.NewlyUnmet, first)
					case h3 == r.L.NewlyMet && id == "":
						got.NewlyMet = append(got.NewlyMet, first)
					}
				}
			})
			comparetest.Check(t, r, e, got)
		})
	}
}

// comparisonSection is the <section> whose h2 is heading, after the grade
// overview's and before the first area group's.
func comparisonSection(t *testing.T, doc *xhtml.Node, heading string) *xhtml.Node {
	t.Helper()
	var found *xhtml.Node
	var h2s []string
	each(doc, func(n *xhtml.Node) {
		if n.Data != "h2" {
			return
		}
		h2s = append(h2s, textOf(n))
		if textOf(n) == heading {
			found = n.Parent
		}
	})
	if found == nil || found.Data != "section" {
		t.Fatalf("no section %q among %q", heading, h2s)
	}
	i := strings.Index(strings.Join(h2s, "|"), heading)
	if !strings.HasSuffix(strings.Join(h2s, "|")[:i], "Graderingar|") && !strings.HasSuffix(strings.Join(h2s, "|")[:i], "Grades|") {
		t.Errorf("the comparison does not follow the grade overview: %q", h2s)
	}
	return found
}
