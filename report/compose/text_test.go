package compose

import (
	"reflect"
	"strings"
	"testing"

	"spur/report"
)

// TestText: the one Markdown dialect (report's doc), as a tree.
func TestText(t *testing.T) {
	type (
		in  = []report.Inline
		bl  = []report.Block
		str = report.Str
	)
	p := func(ins ...report.Inline) report.Block { return report.Paragraph{Inlines: ins} }
	br := report.LineBreak{}
	item := func(ins ...report.Inline) bl { return bl{p(ins...)} }
	for _, c := range []struct {
		name, src string
		want      bl
	}{
		{"empty", " \n\t\n", nil},
		{"paragraphs, a line end is a line break", "ett\ntvå\n\n\ntre", bl{p(str("ett"), br, str("två")), p(str("tre"))}},
		{"spaces before a line end dropped", "ett \t\n två\t \nтри", bl{p(str("ett"), br, str("två"), br, str("три"))}},
		{"line breaks in a list item", "- a\n  b\nc\n- d", bl{report.List{Tight: true, Items: []bl{item(str("a"), br, str("b"), br, str("c")), item(str("d"))}}}},
		{"line break in emphasis and a link", "*a\nb* [c\nd](https://x.se)",
			bl{p(report.Emph{Children: in{str("a"), br, str("b")}}, str(" "), report.Link{URL: "https://x.se", Children: in{str("c"), br, str("d")}})}},
		{"line break in a heading", "a\nb\n===", bl{p(report.Strong{Children: in{str("a"), br, str("b")}})}},
		{"code span across lines", "`a\nb`", bl{p(report.Code("a b"))}},
		{"blank code span after a line end", "00\n`` ``", bl{p(str("00"))}},
		{"breaks in a row are one", "a\n\\\nb  \n\\\nc", bl{p(str("a"), br, str("b"), br, str("c"))}},
		{"break at the edge of strong set before it", "a **\\\nb** c", bl{p(str("a"), br, report.Strong{Children: in{str("b")}}, str(" c"))}},
		{"break at the edge of strong at the start", "**\\\nb**", bl{p(report.Strong{Children: in{str("b")}})}},
		{"break at the edge of a heading", "\\\nb\\\n-", bl{p(report.Strong{Children: in{str("b\\")}})}},
		{"blank code span before a line end", "`` ``\n00", bl{p(str("00"))}},
		{"hard breaks", "a\\\nb  \nc", bl{p(str("a"), br, str("b"), br, str("c"))}},
		{"break at the end dropped", "a\\", bl{p(str("a\\"))}},
		{"emphasis", "*em* **strong** `kod`",
			bl{p(report.Emph{Children: in{str("em")}}, str(" "), report.Strong{Children: in{str("strong")}}, str(" "), report.Code("kod"))}},
		{"blank emphasis is its text", "a *&#32;* b", bl{p(str("a   b"))}},
		{"heading becomes strong", "# Rubrik #\n\nText", bl{p(report.Strong{Children: in{str("Rubrik")}}), p(str("Text"))}},
		{"strong inside heading is text", "## *a* **b**", bl{p(report.Strong{Children: in{report.Emph{Children: in{str("a")}}, str(" b")}})}},
		{"thematic break dropped", "a\n\n---\n\nb", bl{p(str("a")), p(str("b"))}},
		{"strikethrough stays", "~~gammal~~", bl{p(str("~~gammal~~"))}},
		{"table stays text", "| a |\n|---|", bl{p(str("| a |"), br, str("|---|"))}},
		{"allowed link", "[rutin](https://x.se/a)", bl{p(report.Link{URL: "https://x.se/a", Children: in{str("rutin")}})}},
		{"empty label is the address", "[](https://x.se)", bl{p(report.Link{URL: "https://x.se", Children: in{str("https://x.se")}})}},
		{"javascript link is text", "[x](javascript:alert(1) \"t\")", bl{p(str("[x](javascript:alert(1) \"t\")"))}},
		{"email autolink", "<a@b.se>", bl{p(report.Link{URL: "mailto:a@b.se", Children: in{str("a@b.se")}})}},
		{"autolink not allowed", "<javascript:x>", bl{p(str("<javascript:x>"))}},
		{"raw html is text", "a <b>x</b>", bl{p(str("a <b>x</b>"))}},
		{"html block as lines", "<div>\nx\n</div>", bl{p(str("<div>"), br, str("x"), br, str("</div>"))}},
		{"code block as lines", "    kod  här\n    rad", bl{p(str("kod  här"), br, str("rad"))}},
		{"quote is its content", "> citat", bl{p(str("citat"))}},
		{"image is its text", "![alt](https://x.se/a.png)", bl{p(str("alt"))}},
		{"entities and escapes", "&lt;b&gt; \\*", bl{p(str("<b> *"))}},
		{"control characters", "a\x00b\r\nc", bl{p(str("ab"), br, str("c"))}},
		{"tight list", "- a\n- b", bl{report.List{Tight: true, Start: 0, Items: []bl{item(str("a")), item(str("b"))}}}},
		{"loose numbered list", "3. a\n\n4. b", bl{report.List{Ordered: true, Start: 3, Items: []bl{item(str("a")), item(str("b"))}}}},
		{"empty item left out", "- \n- b", bl{report.List{Tight: true, Items: []bl{item(str("b"))}}}},
		{"nested", "- a\n  1. b", bl{report.List{Tight: true, Items: []bl{{p(str("a")), report.List{Ordered: true, Start: 1, Tight: true, Items: []bl{item(str("b"))}}}}}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := Text(c.src).Blocks; !reflect.DeepEqual(got, c.want) {
				t.Errorf("Text(%q)\n got  %#v\n want %#v", c.src, got, c.want)
			}
		})
	}
}

// TestTextDepth: lists deeper than maxDepth are flattened, not lost.
func TestTextDepth(t *testing.T) {
	var b strings.Builder
	for i := range 12 {
		b.WriteString(strings.Repeat("  ", i) + "- x\n")
	}
	depth, items := 0, 0
	var walk func(bs []report.Block, d int)
	walk = func(bs []report.Block, d int) {
		for _, blk := range bs {
			switch blk := blk.(type) {
			case report.Paragraph:
				items += strings.Count(report.Plain(blk.Inlines), "x")
			case report.List:
				depth = max(depth, d+1)
				for _, it := range blk.Items {
					walk(it, d+1)
				}
			}
		}
	}
	walk(Text(b.String()).Blocks, 0)
	if depth != maxDepth || items != 12 {
		t.Errorf("depth %d, want %d; %d items' texts, want 12", depth, maxDepth, items)
	}
}

// FuzzText: whatever the input, the tree keeps the promises its types
// make: no empty item or list, no link to an address not allowed, no line
// break at either end of a paragraph or of markup, no two breaks in a
// row, nesting within maxDepth.
func FuzzText(f *testing.F) {
	for _, s := range []string{"# h\n- a\n  1. b", "[x](javascript:1)", "<b>x</b>", "| a |\n|---|", "`a`", "> q\n```\nc\n```", "a\\\n-b", "~~s~~\n\n---", "*a\\\nb*"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		edge := func(ins []report.Inline) {
			if n := len(ins); n > 0 {
				_, first := ins[0].(report.LineBreak)
				_, last := ins[n-1].(report.LineBreak)
				if first || last {
					t.Errorf("a break at the edge of markup from %q", src)
				}
			}
		}
		var inl func([]report.Inline)
		inl = func(ins []report.Inline) {
			for i, n := range ins {
				if _, ok := n.(report.LineBreak); ok && i > 0 {
					if _, twice := ins[i-1].(report.LineBreak); twice {
						t.Errorf("two breaks in a row from %q", src)
					}
				}
				switch n := n.(type) {
				case report.Link:
					if !report.LinkAllowed(n.URL) || len(n.Children) == 0 {
						t.Errorf("link %q with %d children from %q", n.URL, len(n.Children), src)
					}
					edge(n.Children)
					inl(n.Children)
				case report.Emph:
					edge(n.Children)
					inl(n.Children)
				case report.Strong:
					edge(n.Children)
					inl(n.Children)
				}
			}
		}
		var walk func(bs []report.Block, d int)
		walk = func(bs []report.Block, d int) {
			if d > maxDepth {
				t.Errorf("nesting %d from %q", d, src)
			}
			for _, b := range bs {
				switch b := b.(type) {
				case report.Paragraph:
					if n := len(b.Inlines); n > 0 {
						_, first := b.Inlines[0].(report.LineBreak)
						_, last := b.Inlines[n-1].(report.LineBreak)
						if first || last {
							t.Errorf("a break at a paragraph's end from %q", src)
						}
					}
					inl(b.Inlines)
				case report.List:
					if len(b.Items) == 0 {
						t.Errorf("empty list from %q", src)
					}
					for _, it := range b.Items {
						if len(it) == 0 {
							t.Errorf("empty item from %q", src)
						}
						walk(it, d+1)
					}
				default:
					t.Errorf("block %T from %q", b, src)
				}
			}
		}
		walk(Text(src).Blocks, 0)
	})
}

// TestLines: plain text keeps the lines its writer typed, and nothing else
// of its layout.
func TestLines(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"en rad", "en rad"},
		{"  rad ett  \n\trad två\n", "rad ett\nrad två"},
		{"a\n\n\nb\r\nc\rd", "a\nb\nc\nd"},
		{"*inte* Markdown\\\n- ingen lista", "*inte* Markdown\\\n- ingen lista"},
		{" \n \t\n", ""},
		{"dold\u200btext\u202e", "doldtext[U+202E]"},
	} {
		if got := Lines(c.in); got != c.want {
			t.Errorf("Lines(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
