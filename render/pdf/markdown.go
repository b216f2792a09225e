package pdf

import (
	"fmt"
	"strings"

	"spur/report"
)

// Text sets a person's text (a narrative, a planned action) as
// report/compose parsed it, in body text: paragraphs, bullet and numbered
// lists (nested), bold, italic, code as plain text, line breaks, and links
// (clickable, with the address shown after the text where it differs).
func (d *Doc) Text(t report.Text) {
	d.flow(d.layout(d.textBlocks(t, bodyStyle()), d.textWidth()), kindText)
	d.atLeast(paraGap)
}

// textBlocks converts a text to blocks set in ts.
func (d *Doc) textBlocks(t report.Text, ts textStyle) []block {
	m := textConv{d: d, ts: ts}
	m.blocks(t.Blocks, 0)
	return m.out
}

type textConv struct {
	d     *Doc
	ts    textStyle
	out   []block
	depth int // list nesting
}

func (m *textConv) add(b block) {
	b.ts = m.ts
	m.out = append(m.out, b)
}

func (m *textConv) blocks(bs []report.Block, indent float64) {
	for _, b := range bs {
		switch b := b.(type) {
		case report.Paragraph:
			m.add(block{runs: inlineRuns(b.Inlines), indent: indent, gap: m.ts.lead / 2})
		case report.List:
			m.list(b, indent)
		}
	}
}

// list sets the items of a list, each with its marker in the hanging
// space before its first line.
func (m *textConv) list(l report.List, indent float64) {
	m.depth++
	defer func() { m.depth-- }()
	num := l.Start
	f := m.d.faces[regular]
	for i, item := range l.Items {
		marker := "•"
		if m.depth%2 == 0 {
			marker = "–"
		}
		if l.Ordered {
			marker = fmt.Sprintf("%d.", num)
			num++
		}
		hang := min(max(listHang, f.advance(marker, m.ts.pt)+2), 25)
		start := len(m.out)
		if _, ok := item[0].(report.Paragraph); !ok {
			// A nested list comes on the line after the marker.
			m.add(block{indent: indent + hang})
		}
		m.blocks(item, indent+hang)
		first := &m.out[start]
		first.marker = []Run{{Text: marker}}
		first.hang += first.indent - indent
		first.indent = indent
		switch {
		case i > 0 && l.Tight:
			first.gap = 0.8
		case i == 0 && l.Tight && m.depth > 1:
			first.gap = 0.8
		default:
			first.gap = m.ts.lead / 2
		}
	}
}

// inlineRuns converts inlines to runs.
func inlineRuns(ins []report.Inline) []Run {
	var runs []Run
	inl(ins, Run{}, &runs)
	return runs
}

func inl(ins []report.Inline, st Run, out *[]Run) {
	for _, n := range ins {
		switch n := n.(type) {
		case report.Str:
			emit(out, st, strings.ReplaceAll(string(n), "\n", " "))
		case report.LineBreak:
			emit(out, st, "\n")
		case report.Code:
			emit(out, st, string(n))
		case report.Emph:
			s := st
			s.Italic = true
			inl(n.Children, s, out)
		case report.Strong:
			s := st
			s.Bold = true
			inl(n.Children, s, out)
		case report.Link:
			s := st
			s.Link = n.URL
			inl(n.Children, s, out)
			if p := report.Plain(n.Children); p != n.URL && "mailto:"+p != n.URL {
				emit(out, s, " ("+n.URL+")")
			}
		}
	}
}

// emit appends text to runs. Runs of the same style are not merged:
// line breaking joins them where they touch.
func emit(out *[]Run, st Run, s string) {
	if s != "" {
		st.Text = s
		*out = append(*out, st)
	}
}
