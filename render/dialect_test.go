package render_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"

	"spur/render/html"
	"spur/render/markdown"
	"spur/render/pdf"
	"spur/report"
	"spur/report/compose"
)

// narrative has a piece of each construct the dialect (report's doc)
// decides on, between the words ALFA and OMEGA.
const narrative = "ALFA ~~gammal~~ text.\n\n---\n\n*em* och **strong** och `kod`.\\\nNy rad efter brytningen.\n\n" +
	"- punkt ett\n- punkt två\n\n" +
	"Se [rutinen](https://example.se/rutin) och [klick](javascript:alert(1)) och <b>x</b> OMEGA"

// TestOneDialect renders a narrative through all three formats and asserts
// that a reader of each sees the same words: strikethrough stays "~~",
// the thematic break is drawn in none, raw HTML and a javascript: link
// are text, emphasis, the list, the hard break and the allowed link keep
// their words. The PDF shows a link's address after its text, for paper;
// that is left out of the comparison.
func TestOneDialect(t *testing.T) {
	want := "ALFA ~~gammal~~ text. em och strong och kod. Ny rad efter brytningen. punkt ett punkt två " +
		"Se rutinen och [klick](javascript:alert(1)) och <b>x</b> OMEGA"
	tool(t, "pdftotext")
	r := withNarrative(t, narrative)
	md, doc, page := renderAll(t, r)
	between := func(s string) string {
		i, j := strings.Index(s, "ALFA"), strings.LastIndex(s, "OMEGA")
		if i < 0 || j < i {
			t.Fatalf("narrative not found in %q", s)
		}
		return flat(s[i : j+len("OMEGA")])
	}
	got := map[string]string{
		"markdown": between(mdText(t, md)),
		"pdf":      between(strings.ReplaceAll(strings.ReplaceAll(pdfText(t, r, doc), " (https://example.se/rutin)", ""), "• ", "")),
		"html":     between(htmlText(t, page)),
	}
	for format, s := range got {
		if s != want {
			t.Errorf("%s:\n got  %q\n want %q", format, s, want)
		}
	}
	// The structure each format gives it.
	if !bytes.Contains(doc, []byte("/URI (https://example.se/rutin)")) || bytes.Contains(doc, []byte("/URI (javascript")) {
		t.Error("pdf: the allowed link is not clickable, or the javascript: link is")
	}
	for _, s := range []string{`<a href="https://example.se/rutin">rutinen</a>`, "<em>em</em>", "<strong>strong</strong>", "<code>kod</code>", "<br>", "<li>punkt ett"} {
		if !bytes.Contains(page, []byte(s)) {
			t.Errorf("html: no %s", s)
		}
	}
	if bytes.Contains(page, []byte("<hr")) || bytes.Contains(page, []byte("<s>")) || bytes.Contains(page, []byte("<del>")) || bytes.Contains(page, []byte("<b>x")) {
		t.Error("html: a rule, a strikethrough or raw HTML")
	}
	for _, s := range []string{"\\~\\~gammal\\~\\~", "*em* och **strong** och `kod`.\\\nNy rad", "- punkt ett\n- punkt två", "[rutinen](https://example.se/rutin)"} {
		if !bytes.Contains(md, []byte(s)) {
			t.Errorf("markdown: no %q", s)
		}
	}
	// The thematic break is dropped in every format: without it, every
	// document is the same, byte for byte.
	md2, doc2, page2 := renderAll(t, withNarrative(t, strings.Replace(narrative, "---\n\n", "", 1)))
	if !bytes.Equal(md, md2) || !bytes.Equal(doc, doc2) || !bytes.Equal(page, page2) {
		t.Errorf("--- changes the output: markdown %v, pdf %v, html %v", !bytes.Equal(md, md2), !bytes.Equal(doc, doc2), !bytes.Equal(page, page2))
	}
}

// withNarrative is the fixture's report with area A's narrative src,
// parsed as compose parses it.
func withNarrative(t *testing.T, src string) *report.Report {
	t.Helper()
	r := build(t, fixture, "sv")
	r.Groups[0].Areas[0].Narrative = compose.Text(src)
	return r
}

func renderAll(t *testing.T, r *report.Report) (md, doc, page []byte) {
	t.Helper()
	var m, p, h bytes.Buffer
	if err := markdown.Render(&m, r); err != nil {
		t.Fatal(err)
	}
	if _, err := pdf.Report(&p, r); err != nil {
		t.Fatal(err)
	}
	if _, err := html.Report(&h, r); err != nil {
		t.Fatal(err)
	}
	return m.Bytes(), p.Bytes(), h.Bytes()
}

// inlineTag is an HTML element that does not separate words.
var inlineTag = regexp.MustCompile(`^(a|em|strong|code|span|abbr)$`)

// htmlText is the text of an HTML document's body as a reader sees it:
// entities resolved, blocks and line breaks as spaces.
func htmlText(t *testing.T, page []byte) string {
	t.Helper()
	z := xhtml.NewTokenizer(bytes.NewReader(page))
	var b strings.Builder
	skip := 0
	for {
		tt := z.Next()
		switch tt {
		case xhtml.ErrorToken:
			return flat(b.String())
		case xhtml.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case xhtml.StartTagToken, xhtml.EndTagToken, xhtml.SelfClosingTagToken:
			name, _ := z.TagName()
			switch n := string(name); {
			case n == "style" || n == "title" || n == "script" || n == "svg":
				if tt == xhtml.StartTagToken {
					skip++
				} else if tt == xhtml.EndTagToken {
					skip--
				}
			case !inlineTag.MatchString(n):
				b.WriteByte(' ')
			}
		}
	}
}
