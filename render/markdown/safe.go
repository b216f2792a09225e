package markdown

import (
	"fmt"
	"strconv"
	"strings"

	"spur/report"
)

// Safe writes t, Markdown a person wrote (an area's narrative, a planned
// action) as report/compose parsed it, back as block Markdown of the
// subset the tree holds: paragraphs, bullet and numbered lists (nested),
// emphasis, strong emphasis, code spans, hard line breaks and links. Every
// piece of text is escaped, so the result can be put between blank lines
// anywhere in a document: it never opens a heading, a table, a quote, HTML
// or a list other than its own. Blocks are separated by one blank line;
// there is no final newline. An empty Text gives "".
func Safe(t report.Text) string {
	return strings.Join(joinBlocks(blocks(t.Blocks), false), "\n")
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

func blocks(bs []report.Block) []block {
	var out []block
	for _, b := range bs {
		switch b := b.(type) {
		case report.Paragraph:
			if lines := inlines(b.Inlines); len(lines) > 0 {
				out = append(out, block{lines: lines})
			}
		case report.List:
			var prev byte
			if len(out) > 0 {
				prev = out[len(out)-1].marker
			}
			if l := list(b, prev); len(l.lines) > 0 {
				out = append(out, l)
			}
		}
	}
	return out
}

// list sets the items of a list, each item's blocks indented under its
// marker. A list right after another list of the same kind takes the
// other marker, so that the two stay two.
func list(l report.List, prev byte) block {
	marker := byte('-')
	if prev == '-' {
		marker = '*'
	}
	num := l.Start
	if l.Ordered {
		marker = '.'
		if prev == '.' {
			marker = ')'
		}
		if num > 99999999 {
			num = 1 // the number would grow past the nine digits a marker may have
		}
	}
	b := block{marker: marker, interrupts: !l.Ordered || num == 1}
	for _, item := range l.Items {
		bs := blocks(item)
		if len(bs) == 0 {
			continue
		}
		m := string(marker) + " "
		if l.Ordered {
			m = strconv.Itoa(num) + string(marker) + " "
			num++
		}
		if len(b.lines) > 0 && !l.Tight {
			b.lines = append(b.lines, "")
		}
		pad := strings.Repeat(" ", len(m))
		for i, line := range joinBlocks(bs, l.Tight) {
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
