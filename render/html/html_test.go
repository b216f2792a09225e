package html_test

import (
	"bytes"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"

	"spur/render/html"
	"spur/report"
	"spur/report/compose"
	"spur/report/compose/comparetest"
	"spur/report/overview"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

type docFunc func(io.Writer, *report.Report) ([]string, error)

func render(t *testing.T, f docFunc, r *report.Report) []byte {
	t.Helper()
	var b bytes.Buffer
	warnings, err := f(&b, r)
	if err != nil || len(warnings) > 0 {
		t.Fatalf("%v %v", err, warnings)
	}
	return b.Bytes()
}

func index(t *testing.T, v *overview.View) []byte {
	t.Helper()
	var b bytes.Buffer
	if _, err := html.Index(&b, v); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestGolden compares the fixture's documents with testdata/, byte for
// byte; go test ./render/html -update rewrites them.
func TestGolden(t *testing.T) {
	for _, g := range []struct {
		file string
		doc  func(t *testing.T) []byte
	}{
		{"report.sv.html", func(t *testing.T) []byte { return render(t, html.Report, build(t, "sv")) }},
		{"report.en.html", func(t *testing.T) []byte { return render(t, html.Report, build(t, "en")) }},
		{"actionplan.sv.html", func(t *testing.T) []byte { return render(t, html.Plan, build(t, "sv")) }},
		{"report.compare.sv.html", func(t *testing.T) []byte { return render(t, html.Report, comparetest.Report(t, "sv")) }},
		{"index.sv.html", func(t *testing.T) []byte { return index(t, view(t, "sv")) }},
	} {
		t.Run(g.file, func(t *testing.T) {
			got := g.doc(t)
			path := filepath.Join("testdata", g.file)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (go test ./render/html -update writes it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the output; review with -update and git diff\n%s", path, firstDiff(got, want))
			}
		})
	}
}

func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := range max(len(g), len(w)) {
		var a, b string
		if i < len(g) {
			a = g[i]
		}
		if i < len(w) {
			b = w[i]
		}
		if a != b {
			return "line " + strconv.Itoa(i+1) + ":\n got: " + a + "\nwant: " + b
		}
	}
	return ""
}

// TestDeterministic: the same tree gives the same bytes.
func TestDeterministic(t *testing.T) {
	r := build(t, "sv")
	if !bytes.Equal(render(t, html.Report, r), render(t, html.Report, build(t, "sv"))) {
		t.Error("report: two renderings differ")
	}
	if !bytes.Equal(render(t, html.Plan, r), render(t, html.Plan, r)) {
		t.Error("plan: two renderings differ")
	}
	if !bytes.Equal(index(t, view(t, "sv")), index(t, view(t, "sv"))) {
		t.Error("index: two renderings differ")
	}
}

// TestStructure checks what a browser and a screen reader meet in every
// document of the fixture: the page's head, one landmark holding all
// content, one h1, headings without a skipped level, table headers with
// a scope, no script, nothing loaded from outside, no form controls.
func TestStructure(t *testing.T) {
	docs := map[string][]byte{
		"report.sv": render(t, html.Report, build(t, "sv")),
		"report.en": render(t, html.Report, build(t, "en")),
		"plan.sv":   render(t, html.Plan, build(t, "sv")),
		"index.sv":  index(t, view(t, "sv")),
		"index.en":  index(t, view(t, "en")),
	}
	for _, name := range []string{"report.sv", "report.en", "plan.sv", "index.sv", "index.en"} {
		t.Run(name, func(t *testing.T) {
			b := docs[name]
			if !bytes.HasPrefix(b, []byte("<!DOCTYPE html>\n")) {
				t.Error("no doctype first")
			}
			structure(t, b, name[len(name)-2:])
		})
	}
}

func structure(t *testing.T, b []byte, lang string) {
	t.Helper()
	doc := parse(t, b)
	var mains, titles int
	var hasCharset, hasViewport bool
	each(doc, func(n *xhtml.Node) {
		switch n.Data {
		case "html":
			if v, _ := attr(n, "lang"); v != lang {
				t.Errorf("lang %q, want %q", v, lang)
			}
		case "meta":
			if v, _ := attr(n, "charset"); v == "utf-8" {
				hasCharset = true
			}
			if v, _ := attr(n, "name"); v == "viewport" {
				hasViewport = true
			}
		case "title":
			if n.Parent.Data == "head" {
				titles++
				if n.FirstChild == nil || flat(n.FirstChild.Data) == "" {
					t.Error("empty <title>")
				}
			}
		case "main":
			mains++
		case "script", "iframe", "object", "embed", "img", "link", "input", "form", "base":
			t.Errorf("<%s> in the page", n.Data)
		case "th":
			if v, _ := attr(n, "scope"); v != "col" && v != "row" {
				t.Errorf("<th> without scope: %q", textOf(n))
			}
		case "table":
			if _, ok := attr(n, "aria-labelledby"); !ok {
				t.Error("a table without a name")
			}
		case "svg":
			if v, _ := attr(n, "role"); v != "img" {
				t.Error("an svg not role=img")
			}
			id, _ := attr(n, "aria-labelledby")
			found := false
			each(n, func(c *xhtml.Node) {
				if v, _ := attr(c, "id"); c.Data == "title" && v == id && textOf(c) != "" {
					found = true
				}
			})
			if !found {
				t.Errorf("the svg is not labelled by a <title> of its own (%q)", id)
			}
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") || a.Key == "src" || a.Key == "srcset" || a.Key == "style" {
				t.Errorf("<%s %s=%q>", n.Data, a.Key, a.Val)
			}
			if a.Key == "href" && n.Data != "a" {
				t.Errorf("<%s href=%q>", n.Data, a.Val)
			}
		}
	})
	if !hasCharset || !hasViewport || titles != 1 || mains != 1 {
		t.Errorf("charset %v, viewport %v, %d titles, %d main", hasCharset, hasViewport, titles, mains)
	}
	// Every piece of content is in <main>: the body holds nothing else.
	each(doc, func(n *xhtml.Node) {
		if n.Data != "body" {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == xhtml.ElementNode && c.Data != "main" || c.Type == xhtml.TextNode && strings.TrimSpace(c.Data) != "" {
				t.Errorf("content outside <main>: %q", c.Data)
			}
		}
	})
	h1, hs := headings(doc)
	if len(h1) != 1 {
		t.Errorf("%d h1, want 1", len(h1))
	}
	prev := -1
	for _, h := range hs {
		if h.Level > prev+1 {
			t.Errorf("heading %q skips a level after level %d", h.Text, prev+2)
		}
		if h.Text == "" {
			t.Error("an empty heading")
		}
		prev = h.Level
	}
	// Lists hold only items.
	each(doc, func(n *xhtml.Node) {
		if n.Data != "ul" && n.Data != "ol" {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == xhtml.ElementNode && c.Data != "li" || c.Type == xhtml.TextNode && strings.TrimSpace(c.Data) != "" {
				t.Errorf("<%s> holds %q", n.Data, c.Data)
			}
		}
	})
}

// TestCriteriaSpoken: every criterion is a list item whose state is text
// (visually hidden) before it, and whose glyph is hidden from screen
// readers; the chosen grade option says so in words.
func TestCriteriaSpoken(t *testing.T) {
	r := build(t, "sv")
	doc := parse(t, render(t, html.Report, r))
	var items []string
	each(doc, func(n *xhtml.Node) {
		if n.Data != "li" || n.Parent == nil {
			return
		}
		if cls, _ := attr(n.Parent, "class"); cls != "criteria" {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == xhtml.ElementNode {
				if v, _ := attr(c, "aria-hidden"); v == "true" {
					continue
				}
			}
			items = append(items, textOf(c))
			break
		}
	})
	var want []string
	chosen := 0
	for _, g := range r.Groups {
		for _, a := range g.Areas {
			for _, p := range a.Parts {
				for _, c := range p.Criteria {
					want = append(want, c.ResultLabel+":")
				}
			}
			for _, o := range a.Options {
				if o.Chosen {
					chosen++
				}
			}
		}
	}
	if strings.Join(items, "|") != strings.Join(want, "|") {
		t.Errorf("the criteria's spoken states:\n%v\nwant\n%v", items, want)
	}
	text := textOf(doc)
	if n := strings.Count(text, "(vald)"); n != chosen {
		t.Errorf("%d options said to be chosen, want %d", n, chosen)
	}
}

// TestIndexLinksHTML: the overview in HTML links every inspection's HTML
// report (the registry links the Markdown), draws the grades per area and
// keeps the table of numbers.
func TestIndexLinksHTML(t *testing.T) {
	v := view(t, "sv")
	doc := parse(t, index(t, v))
	var links []string
	each(doc, func(n *xhtml.Node) {
		if n.Data == "a" {
			h, _ := attr(n, "href")
			links = append(links, h)
		}
	})
	want := []string{"2025/almaklinikens-vardcentral-2025-02-11.html", "2026/bj%C3%B6rkens%20v%C3%A5rdcentral-2026-03-02.html"}
	if strings.Join(links, " ") != strings.Join(want, " ") {
		t.Errorf("links %q, want %q", links, want)
	}
	var svgs, bars int
	each(doc, func(n *xhtml.Node) {
		if n.Data == "svg" {
			svgs++
			each(n, func(c *xhtml.Node) {
				if c.Data == "rect" && c.FirstChild != nil {
					bars++
				}
			})
		}
	})
	// Every area has two inspections: at least one segment each. Each
	// year of the compilation adds its grades, its D shares and, with
	// actions, their states (report/overview tests them).
	charts := 1
	for _, y := range v.Years {
		charts += 2
		if y.Total.Total > 0 {
			charts++
		}
	}
	if svgs != charts || bars < len(v.Areas) {
		t.Errorf("%d charts, %d bars", svgs, bars)
	}
	text := textOf(doc)
	for _, a := range v.Areas {
		if !strings.Contains(text, a.Letter+". "+a.Title) {
			t.Errorf("the table lacks %s", a.Letter)
		}
	}
	// No inspections: no chart, the sentence instead.
	empty := textOf(parse(t, index(t, compose.Overview(nil, overview.Filter{}, "sv"))))
	if !strings.Contains(empty, v.L.NoInspections) {
		t.Errorf("empty overview: %s", empty)
	}
}

// TestPlanWithoutEntries and without a plan.
func TestPlanEdges(t *testing.T) {
	r := build(t, "sv")
	r.Plan = nil
	if _, err := html.Plan(io.Discard, r); err != html.ErrNoPlan {
		t.Errorf("Plan without a plan: %v", err)
	}
	r = build(t, "en")
	r.Plan.Entries = nil
	text := textOf(parse(t, render(t, html.Plan, r)))
	if !strings.Contains(text, r.L.NoPlanEntries) {
		t.Errorf("an empty plan does not say so: %s", text)
	}
}
