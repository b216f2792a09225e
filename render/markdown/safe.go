package markdown

import (
	"bufio"
	"bytes"
	"fmt"
	stdhtml "html"
	"strconv"
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

// maxDepth is the deepest list nesting kept; lists deeper than that are
// set as paragraphs in their parent item.
const maxDepth = 8

// Safe re-serialises src, Markdown as a person wrote it (an area's
// narrative, a planned action), as block Markdown of a safe subset:
// paragraphs, bullet and numbered lists (nested), emphasis, strong
// emphasis, code spans, and links to http, https and mailto addresses.
// Headings become bold paragraphs; block quotes, code blocks and HTML
// blocks become paragraphs of their text; raw HTML, images (their text is
// kept) and links to other addresses become literal text; thematic breaks
// go. Every piece of text is escaped, so the result can be put between
// blank lines anywhere in a document: it never opens a heading, a table, a
// quote, HTML or a list other than its own. Blocks are separated by one
// blank line; there is no final newline. Empty input gives "".
func Safe(src string) string {
	src = clean(src)
	if strings.TrimSpace(src) == "" {
		return ""
	}
	b := []byte(src)
	doc, err := parse(b)
	var blocks []block
	if err != nil {
		blocks = literal(src)
	} else {
		w := writer{src: b}
		w.children(&blocks, doc, 0)
	}
	return strings.Join(joinBlocks(blocks, false), "\n")
}

// parse guards against a panic in the parser, which is not ours to fix:
// the text is then kept as literal paragraphs.
func parse(src []byte) (n ast.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("markdown parser: %v", r)
		}
	}()
	return commonmark().Parse(text.NewReader(src)), nil
}

// block is a rendered block: its lines, unindented.
type block struct {
	lines []string
	// marker is the list marker of a list ('-', '*', '.', ')'), else 0.
	marker byte
	// interrupts says that the block may follow a paragraph line without
	// a blank line (a bullet list, or a numbered one starting at 1),
	// which keeps a tight list tight.
	interrupts bool
}

// joinBlocks puts blocks one after the other: between blank lines, or in a
// tight list item without one where the next block is a list that may
// interrupt a paragraph (anything else would run into the line before).
func joinBlocks(bs []block, tight bool) []string {
	var out []string
	for i, b := range bs {
		if i > 0 && !(tight && b.interrupts) {
			out = append(out, "")
		}
		out = append(out, b.lines...)
	}
	return out
}

type writer struct {
	src []byte
}

func (w *writer) children(out *[]block, n ast.Node, depth int) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.block(out, c, depth)
	}
}

func (w *writer) block(out *[]block, n ast.Node, depth int) {
	add := func(lines []string) {
		if len(lines) > 0 {
			*out = append(*out, block{lines: lines})
		}
	}
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		add(w.inlines(n))
	case *ast.Heading:
		if s := w.span(n, true); s != "" {
			add([]string{"**" + s + "**"})
		}
	case *ast.List:
		if depth >= maxDepth {
			for item := n.FirstChild(); item != nil; item = item.NextSibling() {
				w.children(out, item, depth)
			}
			return
		}
		var prev byte
		if len(*out) > 0 {
			prev = (*out)[len(*out)-1].marker
		}
		if b := w.list(n, prev, depth); len(b.lines) > 0 {
			*out = append(*out, b)
		}
	case *ast.Blockquote:
		w.children(out, n, depth)
	case *ast.ThematicBreak, *ast.LinkReferenceDefinition:
	case *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock:
		*out = append(*out, literal(w.lines(n))...)
	default:
		if n.HasChildren() {
			w.children(out, n, depth)
		} else if n.Lines().Len() > 0 {
			*out = append(*out, literal(w.lines(n))...)
		}
	}
}

// list sets the items of a list, each item's blocks indented under its
// marker. Empty items are left out: a lone marker could be read as a
// heading underline. A list right after another list of the same kind
// takes the other marker, so that the two stay two.
func (w *writer) list(l *ast.List, prev byte, depth int) block {
	marker := byte('-')
	if prev == '-' {
		marker = '*'
	}
	num := l.Start
	if l.IsOrdered() {
		marker = '.'
		if prev == '.' {
			marker = ')'
		}
		if num > 99999999 {
			num = 1 // the number would grow past the nine digits a marker may have
		}
	}
	b := block{marker: marker, interrupts: !l.IsOrdered() || num == 1}
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		var bs []block
		w.children(&bs, item, depth+1)
		if len(bs) == 0 {
			continue
		}
		m := string(marker) + " "
		if l.IsOrdered() {
			m = strconv.Itoa(num) + string(marker) + " "
			num++
		}
		if len(b.lines) > 0 && !l.IsTight {
			b.lines = append(b.lines, "")
		}
		pad := strings.Repeat(" ", len(m))
		for i, line := range joinBlocks(bs, l.IsTight) {
			switch {
			case i == 0:
				line = m + line
			case line != "":
				line = pad + line
			}
			b.lines = append(b.lines, line)
		}
	}
	return b
}

// lines returns the source lines of a block node (and the closing line of
// an HTML block).
func (w *writer) lines(n ast.Node) string {
	var b strings.Builder
	ls := n.Lines()
	for i := range ls.Len() {
		seg := ls.At(i)
		b.Write(seg.Value(w.src))
	}
	if h, ok := n.(*ast.HTMLBlock); ok && h.HasClosure() {
		b.Write(h.ClosureLine.Value(w.src))
	}
	return b.String()
}

// literal sets text as paragraphs of escaped lines: a blank line starts a
// paragraph, other line ends are kept as hard breaks.
func literal(s string) []block {
	var out []block
	var cur []string
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			if len(cur) > 0 {
				out = append(out, block{lines: cur})
				cur = nil
			}
			continue
		}
		var b strings.Builder
		escapeTo(&b, l, true)
		if len(cur) > 0 {
			cur[len(cur)-1] += "\\"
		}
		cur = append(cur, b.String())
	}
	if len(cur) > 0 {
		out = append(out, block{lines: cur})
	}
	return out
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

// allowed reports whether a link to u is kept (report.LinkAllowed).
func allowed(u string) bool { return report.LinkAllowed(u) }

// destination writes u as a link destination that ends where it should:
// spaces, controls, non-ASCII bytes and characters not allowed in a URL are
// percent-encoded, parentheses and "&" backslash-escaped.
func destination(u string) string {
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case c <= ' ' || c >= 0x7f || strings.IndexByte("<>\"`{}|\\^", c) >= 0:
			fmt.Fprintf(&b, "%%%02X", c)
		case c == '(' || c == ')' || c == '&':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
