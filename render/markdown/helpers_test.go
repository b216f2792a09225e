package markdown

import (
	"bytes"
	stdhtml "html"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"spur/grade"
	"spur/input"
	"spur/report"
	"spur/report/compose"
)

const fixture = "../../fixtures/almaklinikens-vardcentral-2025.yaml"

// build returns the fixture's report in lang.
func build(t testing.TB, lang string) *report.Report {
	t.Helper()
	insp, diags, err := input.Load(fixture)
	if err != nil || diags.HasErrors() {
		t.Fatalf("%v %s", err, diags)
	}
	res, gd := grade.Inspection(insp, grade.DefaultPolicy())
	if gd.HasErrors() {
		t.Fatal(gd)
	}
	return compose.Report(insp, res, report.Options{Lang: lang})
}

// gfm is how a reader's tool sees the output: GitHub-flavoured Markdown.
var gfm = goldmark.New(goldmark.WithExtensions(extension.GFM))

// heading is a heading as a reader sees it.
type heading struct {
	Level int
	Text  string
}

// shape is the structure a reader relies on, as goldmark parses it.
type shape struct {
	Headings           []heading
	Tables             int
	TableRows          []int // body rows of each table
	Tasks              []string
	Checked, Unchecked int
	ListItems          int
	HTML               int // raw HTML nodes: must stay 0
}

func parseShape(t *testing.T, md []byte) shape {
	t.Helper()
	doc := gfm.Parser().Parse(text.NewReader(md))
	var s shape
	err := ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			s.Headings = append(s.Headings, heading{n.Level, nodeText(n, md)})
		case *east.Table:
			s.Tables++
			rows := 0
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if _, ok := c.(*east.TableRow); ok {
					rows++
				}
			}
			s.TableRows = append(s.TableRows, rows)
		case *ast.ListItem:
			s.ListItems++
		case *east.TaskCheckBox:
			if n.IsChecked {
				s.Checked++
			} else {
				s.Unchecked++
			}
			s.Tasks = append(s.Tasks, nodeText(n.Parent(), md))
		case *ast.HTMLBlock, *ast.RawHTML:
			s.HTML++
		}
		return ast.WalkContinue, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// nodeText is the text of n as a reader sees it: escapes and entities
// resolved, markup gone, line breaks as spaces.
func nodeText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(src)
			if _, code := c.Parent().(*ast.CodeSpan); code {
				b.Write(v)
			} else {
				b.Write(util.UnescapePunctuations(util.ResolveNumericReferences(util.ResolveEntityNames(v))))
			}
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.AutoLink:
			b.Write(c.Label(src))
		}
		return ast.WalkContinue, nil
	})
	return strings.Join(strings.Fields(b.String()), " ")
}

var tag = regexp.MustCompile(`<[^>]*>`)

// plainText is the whole document as goldmark's HTML shows it, tags
// removed: text that survives as text, whitespace collapsed.
func plainText(t *testing.T, md []byte) string {
	t.Helper()
	var buf bytes.Buffer
	if err := gfm.Convert(md, &buf); err != nil {
		t.Fatal(err)
	}
	s := stdhtml.UnescapeString(tag.ReplaceAllString(buf.String(), " "))
	return strings.Join(strings.Fields(s), " ")
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// render runs Render or RenderPlan into a byte slice.
func render(t testing.TB, r *report.Report, plan bool) []byte {
	t.Helper()
	var buf bytes.Buffer
	f := Render
	if plan {
		f = RenderPlan
	}
	if err := f(&buf, r); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
