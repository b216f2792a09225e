package html

import (
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"spur/report"
)

// commonmark parses what users write: plain CommonMark without the GFM
// extensions, as render/markdown parses it, so that a table, a task list
// or a strikethrough in a narrative stays text. goldmark keeps its state
// in a per-call context; the parser is shared.
var commonmark = sync.OnceValue(func() parser.Parser { return goldmark.New().Parser() })

// maxDepth is the deepest list nesting kept, as in render/markdown:
// deeper lists are set as the paragraphs of their parent item.
const maxDepth = 8

// markdown writes src, Markdown as an inspector or a unit wrote it, as
// HTML of the subset every format keeps (render/markdown's Safe):
// paragraphs, line breaks, bullet and numbered lists, emphasis, strong
// emphasis, code spans and links to the addresses report.LinkAllowed
// allows. Headings become bold paragraphs (the document's headings are
// ours); block quotes give their content; code and HTML blocks become
// paragraphs of their text; raw HTML, images (their text) and links to
// other addresses are text; thematic breaks go. Every text is escaped.
func (p *page) markdown(src string) {
	src = clean(src)
	if strings.TrimSpace(src) == "" {
		return
	}
	b := []byte(src)
	doc, err := parse(b)
	if err != nil {
		p.literal(src)
		return
	}
	m := mdWriter{p: p, src: b}
	m.blocks(doc, 0)
}

// parse guards against a panic in the parser, which is not ours to fix:
// the text is then shown as literal paragraphs.
func parse(src []byte) (n ast.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("markdown parser: %v", r)
		}
	}()
	return commonmark().Parse(text.NewReader(src)), nil
}

// literal writes text as paragraphs: a blank line starts one, other line
// ends are line breaks.
func (p *page) literal(s string) {
	for _, para := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
		var lines []string
		for _, l := range strings.Split(para, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, esc(l))
			}
		}
		if len(lines) > 0 {
			p.raw("<p>", strings.Join(lines, "<br>\n"), "</p>\n")
		}
	}
}

type mdWriter struct {
	p   *page
	src []byte
}

func (m *mdWriter) blocks(n ast.Node, depth int) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		m.block(c, depth)
	}
}

func (m *mdWriter) block(n ast.Node, depth int) {
	p := m.p
	switch n := n.(type) {
	case *ast.Paragraph:
		if s := m.inlines(n); s != "" {
			p.raw("<p>", s, "</p>\n")
		}
	case *ast.TextBlock:
		// The text of a tight list item: no paragraph of its own.
		if s := m.inlines(n); s != "" {
			p.raw(s, "\n")
		}
	case *ast.Heading:
		if s := m.inlines(n); s != "" {
			p.raw("<p><strong>", s, "</strong></p>\n")
		}
	case *ast.List:
		m.list(n, depth)
	case *ast.Blockquote:
		m.blocks(n, depth)
	case *ast.ThematicBreak, *ast.LinkReferenceDefinition:
	case *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock:
		p.literal(m.lines(n))
	default:
		if n.HasChildren() {
			m.blocks(n, depth)
		} else if n.Lines().Len() > 0 {
			p.literal(m.lines(n))
		}
	}
}

// list writes a list; past maxDepth its items' blocks are written in the
// parent item. Empty items are left out, as in the Markdown.
func (m *mdWriter) list(l *ast.List, depth int) {
	p := m.p
	if depth >= maxDepth {
		for item := l.FirstChild(); item != nil; item = item.NextSibling() {
			m.blocks(item, depth)
		}
		return
	}
	tag := "ul"
	if l.IsOrdered() {
		tag = "ol"
	}
	var items []ast.Node
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		if m.hasContent(item) {
			items = append(items, item)
		}
	}
	if len(items) == 0 {
		return
	}
	p.raw("<", tag)
	if l.IsOrdered() && l.Start != 1 {
		p.raw(" start=\"", strconv.Itoa(l.Start), "\"")
	}
	p.raw(">\n")
	for _, item := range items {
		p.raw("<li>")
		m.blocks(item, depth+1)
		p.raw("</li>\n")
	}
	p.raw("</", tag, ">\n")
}

// hasContent reports whether a list item gives any text.
func (m *mdWriter) hasContent(item ast.Node) bool {
	found := false
	_ = ast.Walk(item, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			found = found || strings.TrimSpace(string(n.Segment.Value(m.src))) != ""
		case *ast.String:
			found = found || strings.TrimSpace(string(n.Value)) != ""
		case *ast.RawHTML, *ast.AutoLink:
			found = true
		case *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock:
			found = found || strings.TrimSpace(m.lines(n)) != ""
		}
		if found {
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

// lines returns the source lines of a block node (and the closing line of
// an HTML block).
func (m *mdWriter) lines(n ast.Node) string {
	var b strings.Builder
	ls := n.Lines()
	for i := range ls.Len() {
		seg := ls.At(i)
		b.Write(seg.Value(m.src))
	}
	if h, ok := n.(*ast.HTMLBlock); ok && h.HasClosure() {
		b.Write(h.ClosureLine.Value(m.src))
	}
	return b.String()
}

// inlines returns the inline content of n as HTML, trimmed; hard breaks
// are <br>, a break at either end is dropped.
func (m *mdWriter) inlines(n ast.Node) string {
	var b strings.Builder
	m.inline(&b, n)
	s := strings.TrimSpace(b.String())
	for {
		t := strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(s, "<br>"), "<br>"))
		if t == s {
			return s
		}
		s = t
	}
}

func (m *mdWriter) inline(b *strings.Builder, n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		m.node(b, c)
	}
}

func (m *mdWriter) node(b *strings.Builder, n ast.Node) {
	switch n := n.(type) {
	case *ast.Text:
		v := n.Segment.Value(m.src)
		if n.IsRaw() {
			b.WriteString(esc(string(v)))
		} else {
			b.WriteString(esc(decode(v)))
		}
		switch {
		case n.HardLineBreak():
			b.WriteString("<br>\n")
		case n.SoftLineBreak():
			b.WriteByte('\n')
		}
	case *ast.String:
		b.WriteString(esc(string(n.Value)))
	case *ast.CodeSpan:
		var s strings.Builder
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				s.Write(c.Segment.Value(m.src))
			case *ast.String:
				s.Write(c.Value)
			}
		}
		b.WriteString("<code>" + esc(strings.ReplaceAll(s.String(), "\n", " ")) + "</code>")
	case *ast.Emphasis:
		tag := "em"
		if n.Level >= 2 {
			tag = "strong"
		}
		var s strings.Builder
		m.inline(&s, n)
		if strings.TrimSpace(s.String()) == "" {
			b.WriteString(s.String())
			return
		}
		b.WriteString("<" + tag + ">" + s.String() + "</" + tag + ">")
	case *ast.Link:
		dest := decode(n.Destination)
		if !report.LinkAllowed(dest) {
			// Shown as it was written, as text.
			s := "[" + m.plain(n) + "](" + dest
			if n.Title != nil {
				s += ` "` + decode(n.Title) + `"`
			}
			b.WriteString(esc(s + ")"))
			return
		}
		var s strings.Builder
		m.inline(&s, n)
		b.WriteString(`<a href="` + esc(strings.TrimSpace(dest)) + `">` + s.String() + "</a>")
	case *ast.AutoLink:
		u, label := string(n.URL(m.src)), string(n.Label(m.src))
		if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(u), "mailto:") {
			u = "mailto:" + u
		}
		if !report.LinkAllowed(u) {
			b.WriteString(esc("<" + label + ">"))
			return
		}
		b.WriteString(`<a href="` + esc(u) + `">` + esc(label) + "</a>")
	case *ast.RawHTML:
		for i := range n.Segments.Len() {
			seg := n.Segments.At(i)
			b.WriteString(esc(string(seg.Value(m.src))))
		}
	default:
		// An image gives its text; anything else its children.
		m.inline(b, n)
	}
}

// plain gives the text of n's inline content without markup.
func (m *mdWriter) plain(n ast.Node) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(m.src)
			if _, code := c.Parent().(*ast.CodeSpan); code || c.IsRaw() {
				b.Write(v)
			} else {
				b.WriteString(decode(v))
			}
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.AutoLink:
			b.Write(c.Label(m.src))
		case *ast.RawHTML:
			for i := range c.Segments.Len() {
				seg := c.Segments.At(i)
				b.Write(seg.Value(m.src))
			}
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// decode gives the text a Text node or a link destination stands for:
// backslash escapes and entity references resolved.
func decode(raw []byte) string {
	return string(util.UnescapePunctuations(util.ResolveNumericReferences(util.ResolveEntityNames(raw))))
}
