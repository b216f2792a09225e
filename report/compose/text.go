package compose

import (
	"bufio"
	"bytes"
	"fmt"
	stdhtml "html"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"

	"spur/report"
)

// commonmark parses what users write: plain CommonMark without the GFM
// extensions, so that a table, a task list or a strikethrough in a
// narrative stays text and never adds to the report's own structure. The
// parser keeps its state in a per-call context and is shared.
var commonmark = sync.OnceValue(func() parser.Parser { return goldmark.New().Parser() })

// maxDepth is the deepest list nesting kept; the items of a list deeper
// than that are set as blocks of their parent item.
const maxDepth = 8

// Text parses src, Markdown as a person wrote it, into the tree every
// format prints, in the dialect the report package documents. It never
// fails: should the parser panic, the text is kept as literal paragraphs.
func Text(src string) report.Text {
	src = report.Visible(src) // idempotent: valid UTF-8, "\n" line ends, no controls
	if strings.TrimSpace(src) == "" {
		return report.Text{}
	}
	b := []byte(src)
	doc, err := parse(b)
	if err != nil {
		return report.Text{Blocks: literal(src)}
	}
	p := textParser{src: b}
	return report.Text{Blocks: p.blocks(doc, 0)}
}

// parse guards against a panic in the parser, which is not ours to fix.
func parse(src []byte) (n ast.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("markdown parser: %v", r)
		}
	}()
	return commonmark().Parse(text.NewReader(src)), nil
}

type textParser struct {
	src []byte
}

func (p *textParser) blocks(n ast.Node, depth int) []report.Block {
	var out []report.Block
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = p.block(out, c, depth)
	}
	return out
}

func (p *textParser) block(out []report.Block, n ast.Node, depth int) []report.Block {
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		if ins := paragraph(p.inlines(n, false)); ins != nil {
			out = append(out, report.Paragraph{Inlines: ins})
		}
	case *ast.Heading:
		if ins := paragraph(p.inlines(n, true)); ins != nil {
			out = append(out, report.Paragraph{Inlines: []report.Inline{report.Strong{Children: ins}}})
		}
	case *ast.List:
		if depth >= maxDepth {
			for item := n.FirstChild(); item != nil; item = item.NextSibling() {
				out = append(out, p.blocks(item, depth)...)
			}
			return out
		}
		l := report.List{Ordered: n.IsOrdered(), Start: n.Start, Tight: n.IsTight}
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			if bs := p.blocks(item, depth+1); len(bs) > 0 {
				l.Items = append(l.Items, bs)
			}
		}
		if len(l.Items) > 0 {
			out = append(out, l)
		}
	case *ast.Blockquote:
		out = append(out, p.blocks(n, depth)...)
	case *ast.ThematicBreak, *ast.LinkReferenceDefinition:
	case *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock:
		out = append(out, literal(p.lines(n))...)
	default:
		if n.HasChildren() {
			out = append(out, p.blocks(n, depth)...)
		} else if n.Lines().Len() > 0 {
			out = append(out, literal(p.lines(n))...)
		}
	}
	return out
}

// lines returns the source lines of a block node (and the closing line of
// an HTML block).
func (p *textParser) lines(n ast.Node) string {
	var b strings.Builder
	ls := n.Lines()
	for i := range ls.Len() {
		seg := ls.At(i)
		b.Write(seg.Value(p.src))
	}
	if h, ok := n.(*ast.HTMLBlock); ok && h.HasClosure() {
		b.Write(h.ClosureLine.Value(p.src))
	}
	return b.String()
}

// literal sets text as paragraphs of lines: a blank line starts a
// paragraph, other line ends are hard breaks.
func literal(s string) []report.Block {
	var out []report.Block
	var cur []report.Inline
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			if len(cur) > 0 {
				out = append(out, report.Paragraph{Inlines: cur})
				cur = nil
			}
			continue
		}
		if len(cur) > 0 {
			cur = append(cur, report.LineBreak{})
		}
		cur = append(cur, report.Str(l))
	}
	if len(cur) > 0 {
		out = append(out, report.Paragraph{Inlines: cur})
	}
	return out
}

// paragraph trims a paragraph's inlines: no breaks or spaces at its ends.
// Nothing left gives nil.
func paragraph(ins []report.Inline) []report.Inline {
	// Trimming text can bare a break ("a" break " " at the end), and
	// dropping a break can bare text: until neither changes anything.
	for n := -1; n != len(ins); {
		n = len(ins)
		for len(ins) > 0 {
			if _, ok := ins[0].(report.LineBreak); !ok {
				break
			}
			ins = ins[1:]
		}
		for len(ins) > 0 {
			if _, ok := ins[len(ins)-1].(report.LineBreak); !ok {
				break
			}
			ins = ins[:len(ins)-1]
		}
		ins = trim(ins)
	}
	if strings.TrimSpace(report.Plain(ins)) == "" && !hasMarkup(ins) {
		return nil
	}
	return ins
}

// trim removes white space at the start of the first and the end of the
// last inline, where they are text.
func trim(ins []report.Inline) []report.Inline {
	if len(ins) == 0 {
		return ins
	}
	if s, ok := ins[0].(report.Str); ok {
		if s = report.Str(strings.TrimLeft(string(s), " \t\n")); s == "" {
			return trim(ins[1:])
		}
		ins[0] = s
	}
	if s, ok := ins[len(ins)-1].(report.Str); ok {
		if s = report.Str(strings.TrimRight(string(s), " \t\n")); s == "" {
			return trim(ins[:len(ins)-1])
		}
		ins[len(ins)-1] = s
	}
	return ins
}

// hasMarkup reports whether inlines hold a code span or a link, which
// print something even where their text is blank.
func hasMarkup(ins []report.Inline) bool {
	for _, in := range ins {
		switch in := in.(type) {
		case report.Code, report.Link:
			return true
		case report.Emph:
			if hasMarkup(in.Children) {
				return true
			}
		case report.Strong:
			if hasMarkup(in.Children) {
				return true
			}
		}
	}
	return false
}

// inlines builds n's inline content; noStrong sets strong emphasis as its
// text, inside a heading made strong.
func (p *textParser) inlines(n ast.Node, noStrong bool) []report.Inline {
	var out []report.Inline
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = p.inline(out, c, noStrong)
	}
	return out
}

// lineBreak appends a line break. The spaces before it go, and a break
// right after another adds nothing: several in a row are one, as a blank
// line, not a run of breaks, is what separates paragraphs.
func lineBreak(out []report.Inline) []report.Inline {
	out = trimEnd(out)
	if n := len(out); n > 0 {
		if _, ok := out[n-1].(report.LineBreak); ok {
			return out
		}
	}
	return append(out, report.LineBreak{})
}

// edges takes the line breaks off either end of the inlines of emphasis
// or a link, to be set before and after it: a break belongs between the
// words, not at the edge of the markup.
func edges(ins []report.Inline) (lead bool, mid []report.Inline, tail bool) {
	for len(ins) > 0 {
		if _, ok := ins[0].(report.LineBreak); !ok {
			break
		}
		ins, lead = ins[1:], true
	}
	for len(ins) > 0 {
		if _, ok := ins[len(ins)-1].(report.LineBreak); !ok {
			break
		}
		ins, tail = ins[:len(ins)-1], true
	}
	return lead, ins, tail
}

// trimEnd drops the spaces and tabs a line ends with before its break.
func trimEnd(out []report.Inline) []report.Inline {
	if n := len(out); n > 0 {
		if s, ok := out[n-1].(report.Str); ok {
			if s = report.Str(strings.TrimRight(string(s), " \t")); s == "" {
				return out[:n-1]
			}
			out[n-1] = s
		}
	}
	return out
}

// Lines returns s, plain text a person wrote (a criterion's comment, an
// area's plan_note, the short fields of the action plan), as every format
// prints it: report.Visible, each line trimmed, blank lines left out. A
// "\n" in the result is a line break the writer typed, which the formats
// keep (the Markdown sets it as a hard break, the HTML as <br>, the PDF as
// a new line), except where a line cannot break: in a Markdown table cell
// it is a space. Plain text is not Markdown: "*" is a star.
func Lines(s string) string {
	s = report.Visible(s)
	if !strings.ContainsAny(s, "\n\t ") {
		return s
	}
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

// str appends text, to the Str before it where there is one.
func str(out []report.Inline, s string) []report.Inline {
	if s == "" {
		return out
	}
	if n := len(out); n > 0 {
		if prev, ok := out[n-1].(report.Str); ok {
			out[n-1] = prev + report.Str(s)
			return out
		}
	}
	return append(out, report.Str(s))
}

// splice appends inlines, joining text that touches.
func splice(out, ins []report.Inline) []report.Inline {
	for _, in := range ins {
		switch in := in.(type) {
		case report.Str:
			out = str(out, string(in))
		case report.LineBreak:
			out = lineBreak(out)
		default:
			out = append(out, in)
		}
	}
	return out
}

func (p *textParser) inline(out []report.Inline, n ast.Node, noStrong bool) []report.Inline {
	src := p.src
	switch n := n.(type) {
	case *ast.Text:
		v := n.Segment.Value(src)
		if n.IsRaw() {
			out = str(out, string(v))
		} else {
			out = str(out, decode(v))
		}
		// A line end inside a paragraph is kept as the writer typed it,
		// whether CommonMark calls it hard (backslash, two spaces) or
		// soft: printed reports keep the inspectors' and the unit's lines.
		if n.HardLineBreak() || n.SoftLineBreak() {
			out = lineBreak(out)
		}
	case *ast.String:
		out = str(out, string(n.Value))
	case *ast.CodeSpan:
		s := strings.ReplaceAll(p.code(n), "\n", " ")
		if strings.Trim(s, " ") == "" {
			return str(out, s)
		}
		out = append(out, report.Code(s))
	case *ast.Emphasis:
		lead, ins, tail := edges(p.inlines(n, noStrong))
		if lead {
			out = lineBreak(out)
		}
		switch {
		case n.Level >= 2 && noStrong, strings.TrimSpace(report.Plain(ins)) == "" && !hasMarkup(ins):
			out = splice(out, ins)
		case n.Level >= 2:
			out = append(out, report.Strong{Children: ins})
		default:
			out = append(out, report.Emph{Children: ins})
		}
		if tail {
			out = lineBreak(out)
		}
	case *ast.Link:
		dest := decode(n.Destination)
		if !report.LinkAllowed(dest) {
			s := "[" + p.plain(n) + "](" + dest
			if n.Title != nil {
				s += ` "` + decode(n.Title) + `"`
			}
			return str(out, s+")")
		}
		lead, ins, tail := edges(p.inlines(n, noStrong))
		if strings.TrimSpace(report.Plain(ins)) == "" && !hasMarkup(ins) {
			ins = []report.Inline{report.Str(dest)}
		}
		if lead {
			out = lineBreak(out)
		}
		out = append(out, report.Link{URL: dest, Children: ins})
		if tail {
			out = lineBreak(out)
		}
	case *ast.AutoLink:
		u, label := string(n.URL(src)), string(n.Label(src))
		if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(u), "mailto:") {
			u = "mailto:" + u
		}
		if !report.LinkAllowed(u) {
			return str(out, "<"+label+">")
		}
		out = append(out, report.Link{URL: u, Children: []report.Inline{report.Str(label)}})
	case *ast.RawHTML:
		for i := range n.Segments.Len() {
			seg := n.Segments.At(i)
			out = str(out, string(seg.Value(src)))
		}
	default:
		// An image gives its text; anything else its children.
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			out = p.inline(out, c, noStrong)
		}
	}
	return out
}

// code gives the text of a code span as written.
func (p *textParser) code(n *ast.CodeSpan) string {
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(p.src))
		case *ast.String:
			b.Write(c.Value)
		}
	}
	return b.String()
}

// plain gives the text of n's inline content without markup.
func (p *textParser) plain(n ast.Node) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(p.src)
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
			b.Write(c.Label(p.src))
		case *ast.RawHTML:
			for i := range c.Segments.Len() {
				seg := c.Segments.At(i)
				b.Write(seg.Value(p.src))
			}
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// decode gives the text a Text node or a link destination stands for:
// backslash escapes and entity references resolved, as goldmark's own
// HTML writer resolves them.
func decode(raw []byte) string {
	if bytes.IndexByte(raw, '\\') < 0 && bytes.IndexByte(raw, '&') < 0 {
		return string(raw)
	}
	var buf bytes.Buffer
	bw := bufio.NewWriter(&buf)
	html.DefaultWriter.Write(bw, raw)
	bw.Flush()
	return stdhtml.UnescapeString(buf.String())
}
