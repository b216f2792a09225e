package render_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
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
	"spur/render/markdown"
	"spur/render/pdf"
	"spur/report"
	"spur/report/compose"
)

const fixture = "../fixtures/almaklinikens-vardcentral-2025.yaml"

// heading is a heading as a reader meets it: its level below the
// document's title (0: a section such as STRUKTUR, 1: an area, 2: a part
// of an area or an entry of the plan) and its text.
type heading struct {
	Level int
	Text  string
}

func (h heading) String() string { return fmt.Sprintf("%d %s", h.Level, h.Text) }

// TestSameStructure renders the report and the action plan of the fixture
// and of generated inspections as PDF and as Markdown, and asserts that a
// reader finds the same headings in the same order in both (the PDF's
// outline, each entry also printed in that order; the Markdown's headings
// below its title), and every criterion and every field of the plan in
// both (issue 10, part 5).
func TestSameStructure(t *testing.T) {
	tool(t, "qpdf")
	tool(t, "pdftotext")
	paths := []string{fixture}
	gen, err := corpus.Generate(t.TempDir(), 4, 10)
	if err != nil {
		t.Fatal(err)
	}
	paths = append(paths, gen...)
	for _, path := range paths {
		insp, diags, err := input.Load(path)
		if err != nil || diags.HasErrors() {
			t.Fatalf("%s: %v %s", path, err, diags)
		}
		res, _ := grade.Inspection(insp, grade.DefaultPolicy())
		for _, lang := range []string{"sv", "en"} {
			r := compose.Report(insp, res, report.Options{Lang: lang})
			name := filepath.Base(path) + "/" + lang
			t.Run(name+"/report", func(t *testing.T) {
				var md, doc bytes.Buffer
				if err := markdown.Render(&md, r); err != nil {
					t.Fatal(err)
				}
				if _, err := pdf.Report(&doc, r); err != nil {
					t.Fatal(err)
				}
				same(t, r, md.Bytes(), doc.Bytes(), true)
			})
			if r.Plan == nil {
				continue
			}
			t.Run(name+"/plan", func(t *testing.T) {
				var md, doc bytes.Buffer
				if err := markdown.RenderPlan(&md, r); err != nil {
					t.Fatal(err)
				}
				if _, err := pdf.Plan(&doc, r); err != nil {
					t.Fatal(err)
				}
				same(t, r, md.Bytes(), doc.Bytes(), false)
			})
		}
	}
}

// TestAreaDHasTwoRegulationParts: in the fixture's area D the criteria
// derived from the lead-in (D1–D3) and the area's own föreskrifter
// (D4–D8) are under a heading "Föreskrift" each, in the PDF as in the
// Markdown and the printed report.
func TestAreaDHasTwoRegulationParts(t *testing.T) {
	tool(t, "qpdf")
	tool(t, "pdftotext")
	r := build(t, fixture, "sv")
	var md, doc bytes.Buffer
	if err := markdown.Render(&md, r); err != nil {
		t.Fatal(err)
	}
	if _, err := pdf.Report(&doc, r); err != nil {
		t.Fatal(err)
	}
	want := "1 D. Tjänstgöringens upplägg|2 Föreskrift|2 Föreskrift|2 Allmänna råd|2 Kvalitetsindikator|2 Gradering|1 E."
	for name, hs := range map[string][]heading{"markdown": mdHeadings(t, md.Bytes()), "pdf": pdfHeadings(t, doc.Bytes())} {
		var b strings.Builder
		for _, h := range hs {
			b.WriteString(h.String() + "|")
		}
		if !strings.Contains(b.String(), want) {
			t.Errorf("%s: area D is not %q:\n%s", name, want, b.String())
		}
	}
	// D4 follows the second heading, not the lead-in's sentence.
	flat := pdfText(t, r, doc.Bytes())
	if !regexp.MustCompile(`innebär att: (\S+ )?D1 .* D3 .* Föreskrift (\S+ )?D4 `).MatchString(flat) {
		t.Errorf("PDF: D4 does not follow a heading of its own")
	}
}

func build(t *testing.T, path, lang string) *report.Report {
	t.Helper()
	insp, diags, err := input.Load(path)
	if err != nil || diags.HasErrors() {
		t.Fatalf("%s: %v %s", path, err, diags)
	}
	res, _ := grade.Inspection(insp, grade.DefaultPolicy())
	return compose.Report(insp, res, report.Options{Lang: lang})
}

// same asserts that md and doc have the same headings and hold every
// criterion (in a report) and every field of the plan.
func same(t *testing.T, r *report.Report, md, doc []byte, full bool) {
	t.Helper()
	mh, ph := mdHeadings(t, md), pdfHeadings(t, doc)
	if strings.Join(strs(mh), "\n") != strings.Join(strs(ph), "\n") {
		t.Errorf("headings differ\nmarkdown:\n%s\n\npdf:\n%s", strings.Join(strs(mh), "\n"), strings.Join(strs(ph), "\n"))
	}
	ptext := pdfText(t, r, doc)
	// Each heading of the outline is printed, in that order.
	at := 0
	for _, h := range ph {
		i := strings.Index(ptext[at:], flat(h.Text))
		if i < 0 {
			t.Errorf("PDF: heading %q not printed after offset %d", h.Text, at)
			break
		}
		at += i + len(flat(h.Text))
	}
	mtext := mdText(t, md)
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
		w = flat(w)
		if w == "" {
			continue
		}
		if !strings.Contains(mtext, w) {
			t.Errorf("markdown: %q missing", w)
		}
		if !strings.Contains(ptext, w) {
			t.Errorf("pdf: %q missing", w)
		}
	}
}

func strs(hs []heading) []string {
	out := make([]string, len(hs))
	for i, h := range hs {
		out[i] = h.String()
	}
	return out
}

// flat is s with its white space made single spaces.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

var gfm = goldmark.New(goldmark.WithExtensions(extension.GFM))

// mdHeadings returns the Markdown's headings below its title (level 1):
// "##" is level 0.
func mdHeadings(t *testing.T, md []byte) []heading {
	t.Helper()
	doc := gfm.Parser().Parse(text.NewReader(md))
	var out []heading
	titles := 0
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		if h.Level == 1 {
			titles++
		} else {
			out = append(out, heading{h.Level - 2, flat(plain(h, md))})
		}
		return ast.WalkSkipChildren, nil
	})
	if titles != 1 {
		t.Errorf("markdown: %d titles", titles)
	}
	return out
}

// mdText is the text of the Markdown as a reader sees it.
func mdText(t *testing.T, md []byte) string {
	t.Helper()
	return flat(plain(gfm.Parser().Parse(text.NewReader(md)), md))
}

// plain is the text of n: escapes and entities resolved, blocks and line
// breaks as spaces.
func plain(n ast.Node, src []byte) string {
	var b strings.Builder
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		switch n := n.(type) {
		case *ast.Text:
			v := n.Value(src)
			if !n.IsRaw() {
				v = util.UnescapePunctuations(util.ResolveNumericReferences(util.ResolveEntityNames(v)))
			}
			b.Write(v)
			if n.SoftLineBreak() || n.HardLineBreak() {
				b.WriteByte(' ')
			}
			return
		case *ast.String:
			b.Write(n.Value)
			return
		case *ast.CodeSpan:
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if tx, ok := c.(*ast.Text); ok {
					b.Write(tx.Value(src))
				}
			}
			return
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			walk(c)
		}
		if n.Type() == ast.TypeBlock {
			b.WriteByte(' ')
		}
	}
	walk(n)
	return b.String()
}

// leaves is the pieces of text of a Markdown field (a planned action): each
// is printed whole in every format, whatever the format makes of the
// emphasis and lists around it.
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

type outline struct {
	Title string    `json:"title"`
	Kids  []outline `json:"kids"`
}

// pdfHeadings returns the PDF's outline, depth first.
func pdfHeadings(t *testing.T, b []byte) []heading {
	t.Helper()
	out, err := exec.Command(tool(t, "qpdf"), "--json", "--json-key=outlines", temp(t, b)).Output()
	if err != nil {
		t.Fatalf("qpdf --json: %v", err)
	}
	var v struct{ Outlines []outline }
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatal(err)
	}
	var hs []heading
	var walk func([]outline, int)
	walk = func(os []outline, level int) {
		for _, o := range os {
			hs = append(hs, heading{level, flat(o.Title)})
			walk(o.Kids, level+1)
		}
	}
	walk(v.Outlines, 0)
	return hs
}

var pageLabel = regexp.MustCompile(`^(Sida|Page) \d+ (av|of) \d+$`)

// pdfText is the PDF's text through pdftotext, without the running header
// and the page labels.
func pdfText(t *testing.T, r *report.Report, b []byte) string {
	t.Helper()
	out, err := exec.Command(tool(t, "pdftotext"), "-enc", "UTF-8", temp(t, b), "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	header := flat(r.Unit.Name + " – " + r.Visit)
	// A plan entry split across pages repeats its criterion row at the top
	// of the next page, as a table header; a reader skips it, and so does
	// the comparison. The entry's first header follows its heading
	// ("Kriterium E5"), so a page that starts with the row is a repeat.
	var repeats []string
	if r.Plan != nil {
		for _, e := range r.Plan.Entries {
			repeats = append(repeats, flat(e.CriterionID+" "+e.CriterionText))
		}
	}
	var pages []string
	for _, page := range strings.Split(string(out), "\f") {
		var body []string
		for _, l := range strings.Split(page, "\n") {
			l = flat(strings.Trim(l, " "))
			if l == "" || l == header || pageLabel.MatchString(l) {
				continue
			}
			body = append(body, l)
		}
		text := flat(strings.Join(body, " "))
		if len(pages) > 0 {
			for _, rep := range repeats {
				if strings.HasPrefix(text, rep) {
					text = strings.TrimSpace(strings.TrimPrefix(text, rep))
					break
				}
			}
		}
		pages = append(pages, text)
	}
	return flat(strings.Join(pages, " "))
}

func temp(t *testing.T, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// tool returns the path of an outside program, or skips the test: CI
// (.ci/run) installs poppler-utils and qpdf, so there it never skips.
func tool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s is not installed (poppler-utils, qpdf)", name)
	}
	return p
}
