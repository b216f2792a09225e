package pdf

import (
	"fmt"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// markdown is the GFM parser, shared: goldmark keeps parse state in a
// per-call context.
var markdown = sync.OnceValue(func() goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(extension.GFM))
})

// Markdown sets GitHub-flavoured Markdown in body text: paragraphs, bullet
// and numbered lists (nested), bold, italic, links (clickable, with the
// URL shown after the text), code as plain text, headings as bold lines,
// thematic breaks as rules. Raw HTML and tables are shown as text (a table
// row as its cells separated by " | "). It never fails.
func (d *Doc) Markdown(src string) {
	d.flow(d.layout(d.markdownBlocks(src, bodyStyle()), d.textWidth()))
	d.atLeast(paraGap)
}

// markdownBlocks converts Markdown to blocks set in ts.
func (d *Doc) markdownBlocks(src string, ts textStyle) []block {
	b := []byte(src)
	doc, err := parseMarkdown(b)
	if err != nil {
		d.warn(fmt.Sprintf("Markdown not parsed (%v), shown as text", err))
		return []block{{runs: []Run{{Text: src}}, ts: ts}}
	}
	m := mdConv{d: d, src: b, ts: ts}
	m.blocks(doc, 0)
	return m.out
}

// parseMarkdown guards against a panic in the parser, which is not ours
// to fix: the text is then shown as it is.
func parseMarkdown(src []byte) (n ast.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("parser panic: %v", r)
		}
	}()
	return markdown().Parser().Parse(text.NewReader(src)), nil
}

type mdConv struct {
	d     *Doc
	src   []byte
	ts    textStyle
	out   []block
	depth int // list nesting
}

func (m *mdConv) add(b block) {
	b.ts = m.ts
	m.out = append(m.out, b)
}

func (m *mdConv) blocks(n ast.Node, indent float64) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		m.block(c, indent)
	}
}

func (m *mdConv) block(n ast.Node, indent float64) {
	gap := m.ts.lead / 2
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		m.add(block{runs: m.inline(n), indent: indent, gap: gap})
	case *ast.Heading:
		runs := m.inline(n)
		for i := range runs {
			runs[i].Bold = true
		}
		m.add(block{runs: runs, indent: indent, gap: m.ts.lead * 0.8, keep: 1})
	case *ast.ThematicBreak:
		m.add(block{rule: true, indent: indent, gap: gap / 2})
	case *ast.List:
		m.list(n, indent)
	case *ast.Blockquote:
		m.blocks(n, indent+listHang)
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		m.add(block{runs: []Run{{Text: preformatted(m.lines(n))}}, indent: indent + listHang/2, gap: gap})
	case *ast.HTMLBlock:
		s := m.lines(n)
		if n.HasClosure() {
			s += string(n.ClosureLine.Value(m.src))
		}
		m.add(block{runs: []Run{{Text: strings.TrimRight(s, "\n")}}, indent: indent, gap: gap})
	case *east.Table:
		m.table(n, indent)
	default:
		if n.HasChildren() {
			m.blocks(n, indent)
		} else if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			m.add(block{runs: []Run{{Text: m.lines(n)}}, indent: indent, gap: gap})
		}
	}
}

// list sets the items of a list, each with its marker in the hanging
// space before its first line.
func (m *mdConv) list(l *ast.List, indent float64) {
	m.depth++
	defer func() { m.depth-- }()
	num := l.Start
	f := m.d.faces[regular]
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		marker := "•"
		if m.depth%2 == 0 {
			marker = "–"
		}
		if l.IsOrdered() {
			marker = fmt.Sprintf("%d%c", num, l.Marker)
			num++
		}
		hang := min(max(listHang, f.advance(marker, m.ts.pt)+2), 25)
		start := len(m.out)
		if !textual(item.FirstChild()) {
			// A nested list, quote or rule comes on the line after the
			// marker.
			m.add(block{indent: indent + hang})
		}
		m.blocks(item, indent+hang)
		if len(m.out) == start {
			m.add(block{indent: indent + hang})
		}
		first := &m.out[start]
		first.marker = []Run{{Text: marker}}
		first.hang += first.indent - indent
		first.indent = indent
		switch {
		case item != l.FirstChild() && l.IsTight:
			first.gap = 0.8
		case item == l.FirstChild() && l.IsTight && m.depth > 1:
			first.gap = 0.8
		default:
			first.gap = m.ts.lead / 2
		}
	}
}

// textual reports whether n starts with a line of text that a list
// marker can go in front of.
func textual(n ast.Node) bool {
	switch n.(type) {
	case *ast.Paragraph, *ast.TextBlock, *ast.Heading, *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
		return true
	}
	return false
}

// table sets a GFM table as lines of cells separated by " | ", the header
// in bold.
func (m *mdConv) table(t *east.Table, indent float64) {
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		_, header := row.(*east.TableHeader)
		var runs []Run
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			if cell != row.FirstChild() {
				runs = append(runs, Run{Text: " | "})
			}
			for _, r := range m.inline(cell) {
				r.Bold = r.Bold || header
				runs = append(runs, r)
			}
		}
		gap := 0.8
		if row == t.FirstChild() {
			gap = m.ts.lead / 2
		}
		m.add(block{runs: runs, indent: indent, gap: gap})
	}
}

// lines returns the source lines of a block node.
func (m *mdConv) lines(n ast.Node) string {
	var b strings.Builder
	ls := n.Lines()
	for i := range ls.Len() {
		seg := ls.At(i)
		b.Write(seg.Value(m.src))
	}
	return b.String()
}

// preformatted keeps the spacing of code by making its spaces
// unbreakable (a line too long is broken between characters), and drops
// the final newline.
func preformatted(s string) string {
	s = strings.ReplaceAll(strings.TrimRight(s, "\n"), "\t", "    ")
	return strings.ReplaceAll(s, " ", "\u00a0")
}

func (m *mdConv) inline(n ast.Node) []Run {
	var runs []Run
	m.inl(n, Run{}, &runs)
	return runs
}

func (m *mdConv) inl(n ast.Node, st Run, out *[]Run) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Value(m.src)
			if !c.IsRaw() {
				v = util.UnescapePunctuations(util.ResolveNumericReferences(util.ResolveEntityNames(v)))
			}
			emit(out, st, string(v))
			switch {
			case c.HardLineBreak():
				emit(out, st, "\n")
			case c.SoftLineBreak():
				emit(out, st, " ")
			}
		case *ast.String:
			emit(out, st, string(c.Value))
		case *ast.CodeSpan:
			emit(out, st, strings.ReplaceAll(m.plain(c), "\n", " "))
		case *ast.Emphasis:
			s := st
			if c.Level >= 2 {
				s.Bold = true
			} else {
				s.Italic = true
			}
			m.inl(c, s, out)
		case *ast.Link:
			s := st
			s.Link = string(c.Destination)
			m.inl(c, s, out)
			if s.Link != "" && m.plain(c) != s.Link {
				emit(out, s, " ("+s.Link+")")
			}
		case *ast.AutoLink:
			s := st
			s.Link = string(c.URL(m.src))
			emit(out, s, string(c.Label(m.src)))
		case *ast.Image:
			m.inl(c, st, out)
			if dest := string(c.Destination); dest != "" {
				s := st
				s.Link = dest
				emit(out, s, " ("+dest+")")
			}
		case *ast.RawHTML:
			for i := range c.Segments.Len() {
				seg := c.Segments.At(i)
				emit(out, st, string(seg.Value(m.src)))
			}
		case *east.TaskCheckBox:
			box := "[ ] "
			if c.IsChecked {
				box = "[x] "
			}
			emit(out, st, box)
		default:
			m.inl(c, st, out)
		}
	}
}

// plain returns the text of an inline node without styles.
func (m *mdConv) plain(n ast.Node) string {
	var runs []Run
	m.inl(n, Run{}, &runs)
	var b strings.Builder
	for _, r := range runs {
		b.WriteString(r.Text)
	}
	return b.String()
}

// emit appends text to runs. Runs of the same style are not merged:
// line breaking joins them where they touch.
func emit(out *[]Run, st Run, s string) {
	if s != "" {
		st.Text = s
		*out = append(*out, st)
	}
}
