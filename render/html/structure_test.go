package html_test

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"spur/corpus"
	"spur/grade"
	"spur/input"
	"spur/render/html"
	"spur/render/markdown"
	"spur/report"
	"spur/report/compose"
)

// TestSameHeadingsAsMarkdown renders the report and the action plan of
// the fixture and of generated inspections as HTML and as Markdown and
// asserts that a reader finds the same headings in the same order in
// both, and every criterion and field of the plan in the HTML (issue 10,
// part 5; render/structure_test.go holds the PDF to the Markdown).
func TestSameHeadingsAsMarkdown(t *testing.T) {
	paths := []string{fixture}
	gen, err := corpus.Generate(t.TempDir(), 6, 10)
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range append(paths, gen...) {
		in, err := input.File(path, grade.DefaultPolicy())
		if err != nil || !in.OK() {
			t.Fatalf("%s: %v %s", path, err, in.Diags)
		}
		for _, lang := range []string{"sv", "en"} {
			r := compose.Report(in.Inspection, in.Grades, report.Options{Lang: lang})
			name := filepath.Base(path) + "/" + lang
			t.Run(name+"/report", func(t *testing.T) {
				var md bytes.Buffer
				if err := markdown.Render(&md, r); err != nil {
					t.Fatal(err)
				}
				same(t, r, md.Bytes(), render(t, html.Report, r), true)
			})
			if r.Plan == nil {
				continue
			}
			t.Run(name+"/plan", func(t *testing.T) {
				var md bytes.Buffer
				if err := markdown.RenderPlan(&md, r); err != nil {
					t.Fatal(err)
				}
				same(t, r, md.Bytes(), render(t, html.Plan, r), false)
			})
		}
	}
}

func same(t *testing.T, r *report.Report, md, doc []byte, full bool) {
	t.Helper()
	root := parse(t, doc)
	titles, hh := headings(root)
	mt, mh := mdHeadings(md)
	if len(titles) != 1 || len(mt) != 1 || titles[0] != mt[0] {
		t.Errorf("titles: html %q, markdown %q", titles, mt)
	}
	if a, b := strs(hh), strs(mh); a != b {
		t.Errorf("headings differ\nhtml:\n%s\n\nmarkdown:\n%s", a, b)
	}
	structure(t, doc, r.L.Lang)
	htext := textOf(root)
	var want []string
	if full {
		for _, g := range r.Groups {
			for _, a := range g.Areas {
				for _, p := range a.Parts {
					want = append(want, p.Intro, p.Lead)
					for _, c := range p.Criteria {
						want = append(want, c.ID, c.Text, c.Comment)
					}
				}
			}
		}
	}
	if r.Plan != nil {
		want = append(want, r.Plan.Intro)
		for _, e := range r.Plan.Entries {
			want = append(want, e.CriterionText, e.Due, e.DueRead, e.Responsible, e.FollowUp, e.FollowUpRead, e.FollowUpBy)
			want = append(want, leaves(e.Action)...)
		}
	}
	for _, w := range want {
		if w = flat(w); w != "" && !strings.Contains(htext, w) {
			t.Errorf("html: %q missing", w)
		}
	}
}

func strs(hs []heading) string {
	var b strings.Builder
	for _, h := range hs {
		fmt.Fprintf(&b, "%d %s\n", h.Level, h.Text)
	}
	return b.String()
}

var gfm = goldmark.New(goldmark.WithExtensions(extension.GFM))

// mdHeadings returns the Markdown's titles (level 1) and its other
// headings, "##" as level 0.
func mdHeadings(md []byte) (titles []string, hs []heading) {
	doc := gfm.Parser().Parse(text.NewReader(md))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		s := flat(plain(h, md))
		if h.Level == 1 {
			titles = append(titles, s)
		} else {
			hs = append(hs, heading{h.Level - 2, s})
		}
		return ast.WalkSkipChildren, nil
	})
	return titles, hs
}

// plain is the text of a Markdown node: escapes and entities resolved.
func plain(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			v := c.Value(src)
			if !c.IsRaw() {
				v = util.UnescapePunctuations(util.ResolveNumericReferences(util.ResolveEntityNames(v)))
			}
			b.Write(v)
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// leaves is the pieces of text of a Markdown field (a planned action).
func leaves(t report.Text) []string {
	var out []string
	var inl func([]report.Inline)
	inl = func(ins []report.Inline) {
		for _, n := range ins {
			switch n := n.(type) {
			case report.Str:
				out = append(out, strings.Split(string(n), "\n")...)
			case report.Code:
				out = append(out, string(n))
			case report.Emph:
				inl(n.Children)
			case report.Strong:
				inl(n.Children)
			case report.Link:
				inl(n.Children)
			}
		}
	}
	var blk func([]report.Block)
	blk = func(bs []report.Block) {
		for _, b := range bs {
			switch b := b.(type) {
			case report.Paragraph:
				inl(b.Inlines)
			case report.List:
				for _, it := range b.Items {
					blk(it)
				}
			}
		}
	}
	blk(t.Blocks)
	return out
}
