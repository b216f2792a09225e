package markdown

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"spur/report/compose/comparetest"
)

// TestComparison reads the comparison with the previous visit back from
// the Markdown, as goldmark parses it, and checks it against what the two
// inspections' lists say (comparetest): the section after the grade
// overview, the grades side by side, the criteria newly unmet and newly
// met, and the earlier plan's action for each criterion still unmet.
func TestComparison(t *testing.T) {
	cur, prev := comparetest.Visits(t)
	e := comparetest.Expect(t, cur, prev)
	for _, lang := range []string{"sv", "en"} {
		t.Run(lang, func(t *testing.T) {
			r := comparetest.Report(t, lang)
			md := render(t, r, false)
			got, order := readComparison(t, md, r.L.NewlyUnmet, r.L.NewlyMet)
			comparetest.Check(t, r, e, got)
			// After the grade overview, before the areas.
			if want := []string{r.L.Overview, r.Comparison.Heading, r.Groups[0].Name}; strings.Join(order, "|") != strings.Join(want, "|") {
				t.Errorf("sections %q, want %q", order, want)
			}
			if s := parseShape(t, md); s.HTML != 0 {
				t.Errorf("%d raw HTML nodes", s.HTML)
			}
		})
	}
}

// readComparison is the comparison section as a reader of md finds it,
// and the level-2 headings around it: the one before, its own, the one
// after.
func readComparison(t *testing.T, md []byte, unmet, met string) (comparetest.Reading, []string) {
	t.Helper()
	doc := gfm.Parser().Parse(text.NewReader(md))
	var (
		got     = comparetest.Reading{Still: map[string]string{}}
		in      bool
		h3, id  string
		order   []string
		before  string
		trailer bool
	)
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok {
			title := nodeText(h, md)
			if h.Level == 2 {
				switch {
				case in:
					order = append(order, title)
					in, trailer = false, true
				case !trailer && (strings.HasPrefix(title, "Jämförelse") || strings.HasPrefix(title, "Comparison")):
					order = append(order, before, title)
					in = true
				}
				before = title
			}
			if !in {
				continue
			}
			got.Headings = append(got.Headings, title)
			switch h.Level {
			case 3:
				h3, id = title, ""
			case 4:
				id = title[strings.LastIndexByte(title, ' ')+1:]
				got.Still[id] = ""
			}
			continue
		}
		if !in {
			continue
		}
		switch n := n.(type) {
		case *east.Table:
			if h3 == "" {
				for row := n.FirstChild(); row != nil; row = row.NextSibling() {
					if _, ok := row.(*east.TableRow); !ok {
						continue
					}
					var cells []string
					for c := row.FirstChild(); c != nil; c = c.NextSibling() {
						cells = append(cells, nodeText(c, md))
					}
					got.Grades = append(got.Grades, cells)
				}
				continue
			}
		case *ast.List:
			for it := n.FirstChild(); it != nil; it = it.NextSibling() {
				first := strings.Fields(nodeText(it, md))[0]
				switch h3 {
				case unmet:
					got.NewlyUnmet = append(got.NewlyUnmet, first)
				case met:
					got.NewlyMet = append(got.NewlyMet, first)
				}
			}
		}
		if id != "" {
			got.Still[id] = collapse(got.Still[id] + " " + nodeText(n, md))
		}
	}
	return got, order
}
