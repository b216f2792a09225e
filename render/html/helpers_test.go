package html_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"

	"spur/grade"
	"spur/input"
	"spur/report"
	"spur/report/compose"
	"spur/report/overview"
)

const fixture = "../../fixtures/almaklinikens-vardcentral-2025.yaml"

// load loads the fixture, edited by pairs of old and new texts.
func load(t *testing.T, edits ...string) *input.Inspection {
	t.Helper()
	src, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	s := string(src)
	for i := 0; i+1 < len(edits); i += 2 {
		if !strings.Contains(s, edits[i]) {
			t.Fatalf("the fixture has no %q", edits[i])
		}
		s = strings.Replace(s, edits[i], edits[i+1], 1)
	}
	in := input.Bytes("test.yaml", []byte(s), grade.DefaultPolicy())
	if !in.OK() {
		t.Fatalf("%s", in.Diags)
	}
	return in
}

// build is the fixture's report in lang, as spur report makes it.
func build(t *testing.T, lang string) *report.Report {
	t.Helper()
	in, err := input.File(fixture, grade.DefaultPolicy())
	if err != nil || !in.OK() {
		t.Fatalf("%v %s", err, in.Diags)
	}
	return compose.Report(in.Inspection, in.Grades, report.Options{Lang: lang})
}

// view is an overview of the fixture and a second inspection (the fixture
// a year later, a unit elsewhere), linking their Markdown reports.
func view(t *testing.T, lang string) *overview.View {
	t.Helper()
	a := load(t)
	b := load(t, "name: Almaklinikens vårdcentral", "name: Björkens vårdcentral", "visit: 2025-02-11", "visit: 2026-03-02",
		"region: Region Stockholm", "region: Region Uppsala", "date: 2025-05-20", "date: 2026-05-20")
	rows := []overview.Row{
		compose.Row(a.Inspection, a.Grades, "2025/almaklinikens-vardcentral-2025-02-11.md"),
		compose.Row(b.Inspection, b.Grades, "2026/björkens vårdcentral-2026-03-02.md"),
	}
	return compose.Overview(rows, overview.Filter{}, lang)
}

// parse parses a document as a browser does.
func parse(t *testing.T, b []byte) *xhtml.Node {
	t.Helper()
	doc, err := xhtml.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// each calls f for every element under n, in document order.
func each(n *xhtml.Node, f func(*xhtml.Node)) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == xhtml.ElementNode {
			f(c)
		}
		each(c, f)
	}
}

func attr(n *xhtml.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// textOf is the text of n with its white space made single spaces.
func textOf(n *xhtml.Node) string {
	var b strings.Builder
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		switch {
		case n.Type == xhtml.TextNode:
			b.WriteString(n.Data)
		case n.Type == xhtml.ElementNode && (n.Data == "style" || n.Data == "title" && n.Parent != nil && n.Parent.Data == "head"):
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == xhtml.ElementNode {
			switch n.Data {
			case "p", "li", "td", "th", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "br", "div", "section":
				b.WriteByte(' ')
			}
		}
	}
	walk(n)
	return flat(b.String())
}

// flat is s with its white space made single spaces.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// heading is a heading below the document's title: level 0 is h2.
type heading struct {
	Level int
	Text  string
}

// headings returns the h1 texts and the other headings in order.
func headings(doc *xhtml.Node) (titles []string, hs []heading) {
	each(doc, func(n *xhtml.Node) {
		if len(n.Data) == 2 && n.Data[0] == 'h' && n.Data[1] >= '1' && n.Data[1] <= '6' {
			if n.Data[1] == '1' {
				titles = append(titles, textOf(n))
			} else {
				hs = append(hs, heading{int(n.Data[1] - '2'), textOf(n)})
			}
		}
	})
	return titles, hs
}
