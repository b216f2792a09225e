package markdown

import (
	"reflect"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"spur/report"
	"spur/report/compose"
)

func TestSafe(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", " \n\t\n", ""},
		{"paragraphs, lines kept", "ett\ntvå\n\n\ntre", "ett\\\ntvå\n\ntre"},
		{"plain prose unchanged", "ST-läkare (Mini-CEX) 2025-12-31: 1 timme/ vecka, 250%.", "ST-läkare (Mini-CEX) 2025-12-31: 1 timme/ vecka, 250%."},
		{"inline markup", "Text *em*, **strong**, `kod` och [länk](https://example.com/a_(b)?x=1&y=2).",
			"Text *em*, **strong**, `kod` och [länk](https://example.com/a_\\(b\\)?x=1\\&y=2)."},
		{"heading becomes bold", "# Rubrik #\n\nText", "**Rubrik**\n\nText"},
		{"setext headings", "Rubrik\n===\n\nUnder\n---", "**Rubrik**\n\n**Under**"},
		{"strong inside heading dropped", "## *em* och **fet**", "***em* och fet**"},
		{"javascript link as text", "[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"},
		{"relative link as text", "[rutin](rutin.pdf \"t\")", "\\[rutin\\](rutin.pdf \"t\")"},
		{"mailto kept", "[skriv](mailto:a@b.se)", "[skriv](mailto:a@b.se)"},
		{"empty link text", "[](https://x.se)", "[https://x.se](https://x.se)"},
		{"autolinks", "<https://x.se/a> <foo@bar.se> <javascript:alert(1)>",
			"[https://x.se/a](https://x.se/a) [foo@bar.se](mailto:foo@bar.se) \\<javascript:alert(1)>"},
		{"url spaces and brackets", "<https://x.se/a b>", "\\<https://x.se/a b>"},
		{"destination encoded", "[a](<https://x.se/a b\"c>)", "[a](https://x.se/a%20b%22c)"},
		{"raw html as text", "a <script>alert(1)</script> <b>b</b>", "a \\<script>alert(1)\\</script> \\<b>b\\</b>"},
		{"html block as text", "<div>\nhtml\n</div>\n\nefter", "\\<div>\\\nhtml\\\n\\</div>\n\nefter"},
		{"image keeps its text", "![bild](https://x.se/a.png)", "bild"},
		{"bang before link", "Wow\\![länk](https://x.se)", "Wow\\![länk](https://x.se)"},
		{"entities", "&amp; &lt;b&gt; &#35; &copy; \\* \\_ &amp;copy;", "& \\<b> \\# © \\* \\_ \\&copy;"},
		{"code spans", "`` a`b `` och ` `` ` och `|`", "``a`b`` och ``` `` ``` och `|`"},
		{"tight nested lists", "- a\n- b\n  - c\n    1. d\n    2. e\n- f", "- a\n- b\n  - c\n    1. d\n    2. e\n- f"},
		{"loose list", "- a\n\n- b\n\n  para", "- a\n\n- b\n\n  para"},
		{"ordered start kept", "3. tre\n4. fyra", "3. tre\n4. fyra"},
		{"adjacent lists stay apart", "- a\n* b\n+ c\n\n1. x\n2) y", "- a\n\n* b\n\n- c\n\n1. x\n\n2) y"},
		{"empty items dropped", "- \n- a\n-\n", "- a"},
		{"number in text", "text\n2. inte lista", "text\\\n2\\. inte lista"},
		{"escaped markers stay escaped", "1\\. inte\n\n\\# inte\n\n\\- inte\n\n\\> inte", "1\\. inte\n\n\\# inte\n\n\\- inte\n\n\\> inte"},
		{"quote flattened", "> citat\n> - lista", "citat\n\n- lista"},
		{"code block as text", "```\nkod | med\n# rubrik\n```\n\n    indrag", "kod \\| med\\\n\\# rubrik\n\nindrag"},
		{"table as text", "| a | b |\n|---|---|\n| c | d |", "\\| a \\| b \\|\\\n\\|---\\|---\\|\\\n\\| c \\| d \\|"},
		{"task list as text", "- [ ] uppgift\n- [x] klar", "- \\[ \\] uppgift\n- \\[x\\] klar"},
		{"strikethrough as text", "~~del~~ ~sub~", "\\~\\~del\\~\\~ \\~sub\\~"},
		{"hard breaks", "rad ett  \nrad två\\\n\\\ntre", "rad ett\\\nrad två\\\ntre"},
		{"line start after break", "a\\\n-b\\\n=c\\\n3) d", "a\\\n\\-b\\\n\\=c\\\n3\\) d"},
		{"hard break in list item", "- a\\\n  b", "- a\\\n  b"},
		{"rules dropped", "a\n\n***\n\n---\n\n___\n\nb", "a\n\nb"},
		{"reference definition dropped", "[ref]\n\n[ref]: https://x.se \"t\"", "[ref](https://x.se)"},
		{"windows line breaks", "ett\r\ntvå\r\n\r\ntre\rfyra", "ett\\\ntvå\n\ntre\\\nfyra"},
		{"line break in emphasis", "*ett\ntvå* tre", "*ett\\\ntvå* tre"},
		{"line break in a link", "[ett\ntvå](https://x.se)", "[ett\\\ntvå](https://x.se)"},
		{"line break in nested emphasis", "*a **b\nc** d*", "*a **b\\\nc** d*"},
		{"break at the start of emphasis is a space", "*\\\nb*", "*b*"},
		{"break in emphasis in a list item", "- *a\n  b*\n- c", "- *a\\\n  b*\n- c"},
		{"controls dropped", "a\x00b\x1bc\x7fd", "abcd"},
		{"invalid utf-8", "a\xffb", "a\uFFFDb"},
		{"emoji", "😀 och 🇸🇪", "😀 och 🇸🇪"},
		{"spaces inside emphasis", "a ** b** c", "a \\*\\* b\\*\\* c"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := safe(tc.in); got != tc.want {
				t.Errorf("Safe(%q)\n got  %q\n want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestSafeLineBreaks: a line break anywhere in a paragraph, inside
// emphasis and links too, is written as the CommonMark hard break
// (backslash, newline), and what is written reads back as the same tree;
// a break at the start of markup is a space, one at its end is set after
// it, and the line after a break never opens a block.
func TestSafeLineBreaks(t *testing.T) {
	type in = []report.Inline
	br := report.LineBreak{}
	s := func(x string) report.Inline { return report.Str(x) }
	em := func(c ...report.Inline) report.Inline { return report.Emph{Children: c} }
	strong := func(c ...report.Inline) report.Inline { return report.Strong{Children: c} }
	link := func(c ...report.Inline) report.Inline { return report.Link{URL: "https://x.se", Children: c} }
	para := func(ins ...report.Inline) report.Text {
		return report.Text{Blocks: []report.Block{report.Paragraph{Inlines: ins}}}
	}
	for _, tc := range []struct {
		name  string
		text  report.Text
		want  string
		reads report.Text // the tree the output reads back as, when not text
	}{
		{"between words", para(s("ett"), br, s("två")), "ett\\\ntvå", report.Text{}},
		{"in emphasis", para(em(s("ett"), br, s("två")), s(" tre")), "*ett\\\ntvå* tre", report.Text{}},
		{"line starts escaped in emphasis", para(strong(s("ett"), br, s("- två"), br, s("="), br, s("1. tre"))),
			"**ett\\\n\\- två\\\n\\=\\\n1\\. tre**", report.Text{}},
		{"in a link", para(link(s("ett"), br, s("två"))), "[ett\\\ntvå](https://x.se)", report.Text{}},
		{"nested", para(em(s("a "), strong(s("b"), br, s("c")), s(" d"))), "*a **b\\\nc** d*", report.Text{}},
		{"at the end of emphasis", para(em(s("a"), br), s("b")), "*a*\\\nb", para(em(s("a")), br, s("b"))},
		{"at the start of emphasis is a space", para(s("x "), em(br, s("b"))), "x  *b*", para(s("x  "), em(s("b")))},
		{"after a backslash", para(s(`C:\temp\`), br, em(s(`a\`), br, s("b"))), "C:\\\\temp&#92;\\\n*a&#92;\\\nb*", report.Text{}},
		{"two in a row", para(em(s("a"), br, br, s("b"))), "*a\\\nb*", para(em(s("a"), br, s("b")))},
		{"in a list item", report.Text{Blocks: []report.Block{report.List{Tight: true, Items: [][]report.Block{
			{report.Paragraph{Inlines: in{em(s("a"), br, s("b")), br, s("c")}}}, {report.Paragraph{Inlines: in{s("d")}}}}}}},
			"- *a\\\n  b*\\\n  c\n- d", report.Text{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Safe(tc.text)
			if got != tc.want {
				t.Errorf("Safe\n got  %q\n want %q", got, tc.want)
			}
			want := tc.reads
			if want.Blocks == nil {
				want = tc.text
			}
			if back := compose.Text(got); !reflect.DeepEqual(back, want) {
				t.Errorf("%q reads back as\n %#v\nwant\n %#v", got, back, want)
			}
		})
	}
}

// TestSafeContained puts Safe's output between a report's own blocks and
// checks that it opened nothing: no heading, table, HTML, task or quote,
// and the list that follows is still the template's own.
func TestSafeContained(t *testing.T) {
	inputs := []string{
		"# h\n\n## h2\n\nh3\n===\n\n| a | b |\n|---|---|\n\n<div>x</div>\n\n- [ ] t\n\n> q\n\n    code",
		"- a\n- b\n\n  - c\n\n1. x",
		"3. tre",
		"*",
		"**",
		"- - -",
		"text\\",
		"`` ` ``",
		"x\n\n* * *\n\n1)",
		strings.Repeat("- ", 50) + "djup",
		strings.Repeat("> ", 50) + "# djup",
		"<!-- kommentar -->",
		"<?php x ?>",
		"[x]: https://x.se\n[x]",
		"a|b\n-|-",
	}
	for _, in := range inputs {
		md := "## Rubrik\n\n" + safe(in) + "\n\n*Not.*\n\n- [x] **E1** mall\n"
		s := parseShape(t, []byte(md))
		if len(s.Headings) != 1 || s.Tables != 0 || s.HTML != 0 || s.Checked != 1 || s.Unchecked != 0 {
			t.Errorf("Safe(%q) escaped its place: %+v\n%s", in, s, md)
		}
		doc := gfm.Parser().Parse(text.NewReader([]byte(md)))
		last := doc.LastChild()
		if l, ok := last.(*ast.List); !ok || l.ChildCount() != 1 || l.PreviousSibling().Kind() != ast.KindParagraph {
			t.Errorf("Safe(%q): the template's list is not its own\n%s", in, md)
		}
		ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			switch n.(type) {
			case *ast.Blockquote, *ast.CodeBlock, *ast.FencedCodeBlock, *ast.ThematicBreak, *ast.Image:
				t.Errorf("Safe(%q) made a %s", in, n.Kind())
			}
			return ast.WalkContinue, nil
		})
	}
}

// FuzzSafe: whatever the input, the output opens nothing but paragraphs,
// lists, emphasis, code spans and links to allowed addresses.
func FuzzSafe(f *testing.F) {
	for _, s := range []string{"# h\n- a\n  1. b", "[x](javascript:1)", "<b>x</b>", "| a |\n|---|", "`a`", "> q\n```\nc\n```", "a\\\n-b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := safe(in)
		src := []byte("## R\n\n" + out + "\n\n*Not.*\n")
		doc := gfm.Parser().Parse(text.NewReader(src))
		headings := 0
		ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			switch n := n.(type) {
			case *ast.Heading:
				headings++
			case *ast.Link:
				if !report.LinkAllowed(string(n.Destination)) {
					t.Errorf("link to %q", n.Destination)
				}
			case *ast.Paragraph, *ast.TextBlock, *ast.List, *ast.ListItem, *ast.Text, *ast.Emphasis, *ast.CodeSpan,
				*ast.AutoLink, *ast.Document:
			default:
				t.Errorf("%s in the output of %q:\n%s", n.Kind(), in, out)
			}
			return ast.WalkContinue, nil
		})
		if headings != 1 || doc.LastChild().Kind() != ast.KindParagraph {
			t.Errorf("structure escaped for %q:\n%s", in, out)
		}
	})
}

// safe parses in as compose does and writes it back.
func safe(in string) string { return Safe(compose.Text(in)) }
