package html

import (
	"strconv"
	"strings"

	"spur/report"
)

// userText writes t, Markdown an inspector or a unit wrote as report/compose
// parsed it, as HTML: paragraphs, line breaks, bullet and numbered lists,
// emphasis, strong emphasis, code spans and links. Every text is escaped.
func (p *page) userText(t report.Text) {
	p.blocks(t.Blocks, false)
}

// blocks writes blocks; in a tight list item a paragraph is its text
// alone, without a <p> of its own.
func (p *page) blocks(bs []report.Block, tight bool) {
	for _, b := range bs {
		switch b := b.(type) {
		case report.Paragraph:
			s := inlines(b.Inlines)
			switch {
			case s == "":
			case tight:
				p.raw(s, "\n")
			default:
				p.raw("<p>", s, "</p>\n")
			}
		case report.List:
			p.list(b)
		}
	}
}

func (p *page) list(l report.List) {
	tag := "ul"
	if l.Ordered {
		tag = "ol"
	}
	p.raw("<", tag)
	if l.Ordered && l.Start != 1 {
		p.raw(" start=\"", strconv.Itoa(l.Start), "\"")
	}
	p.raw(">\n")
	for _, item := range l.Items {
		p.raw("<li>")
		p.blocks(item, l.Tight)
		p.raw("</li>\n")
	}
	p.raw("</", tag, ">\n")
}

// inlines returns inlines as HTML; a soft line break stays a newline.
func inlines(ins []report.Inline) string {
	var b strings.Builder
	inline(&b, ins)
	return b.String()
}

func inline(b *strings.Builder, ins []report.Inline) {
	for _, n := range ins {
		switch n := n.(type) {
		case report.Str:
			b.WriteString(esc(string(n)))
		case report.LineBreak:
			b.WriteString("<br>\n")
		case report.Code:
			b.WriteString("<code>" + esc(string(n)) + "</code>")
		case report.Emph:
			b.WriteString("<em>")
			inline(b, n.Children)
			b.WriteString("</em>")
		case report.Strong:
			b.WriteString("<strong>")
			inline(b, n.Children)
			b.WriteString("</strong>")
		case report.Link:
			b.WriteString(`<a href="` + esc(strings.TrimSpace(n.URL)) + `">`)
			inline(b, n.Children)
			b.WriteString("</a>")
		}
	}
}
