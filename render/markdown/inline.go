package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
)

// inline sets the inline content of one block as escaped Markdown lines.
// Text is collected unescaped and escaped when markup follows or a line
// ends, so that a character's meaning is judged with its neighbours ("1"
// and ". " from two text nodes still make "1\. " at a line start).
type inline struct {
	w     *writer
	lines []string
	cur   strings.Builder // the line being set, escaped
	text  strings.Builder // text not yet escaped
	// nested: inside emphasis, a link or a heading, on one line and never
	// at the start of one.
	nested bool
	// noStrong drops strong emphasis, inside a heading made bold.
	noStrong bool
}

// inlines returns the lines of a paragraph; hard breaks end lines.
func (w *writer) inlines(n ast.Node) []string {
	in := inline{w: w}
	in.children(n)
	return in.finish()
}

// span returns the content of n on one line, for use inside markup.
func (w *writer) span(n ast.Node, noStrong bool) string {
	in := inline{w: w, nested: true, noStrong: noStrong}
	in.children(n)
	in.flush()
	return strings.TrimSpace(in.cur.String())
}

func (in *inline) children(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		in.node(c)
	}
}

func (in *inline) node(n ast.Node) {
	src := in.w.src
	switch n := n.(type) {
	case *ast.Text:
		v := n.Segment.Value(src)
		if n.IsRaw() {
			in.text.Write(v)
		} else {
			in.text.WriteString(decode(v))
		}
		switch {
		case n.HardLineBreak():
			in.hardBreak()
		case n.SoftLineBreak():
			in.text.WriteByte(' ')
		}
	case *ast.String:
		in.text.Write(n.Value)
	case *ast.CodeSpan:
		in.code(n)
	case *ast.Emphasis:
		if n.Level >= 2 && in.noStrong {
			in.children(n)
			return
		}
		d := strings.Repeat("*", min(n.Level, 2))
		in.wrap(in.w.spanRaw(n, in.noStrong), d)
	case *ast.Link:
		in.link(n)
	case *ast.AutoLink:
		u, label := string(n.URL(src)), string(n.Label(src))
		if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(u), "mailto:") {
			u = "mailto:" + u
		}
		if !allowed(u) {
			in.text.WriteString("<" + label + ">")
			return
		}
		var b strings.Builder
		escapeTo(&b, label, false)
		in.raw("[" + b.String() + "](" + destination(u) + ")")
	case *ast.RawHTML:
		for i := range n.Segments.Len() {
			seg := n.Segments.At(i)
			in.text.Write(seg.Value(src))
		}
	default:
		// An image gives its text; anything else its children.
		in.children(n)
	}
}

// spanRaw is span without trimming: the spaces at the ends are moved
// outside the delimiters by wrap.
func (w *writer) spanRaw(n ast.Node, noStrong bool) string {
	in := inline{w: w, nested: true, noStrong: noStrong}
	in.children(n)
	in.flush()
	return in.cur.String()
}

// wrap sets s, already escaped, between delimiters d. Spaces at its ends go
// outside, where they do not stop the delimiters from counting; empty
// emphasis is dropped (a lone "**" could become a rule).
func (in *inline) wrap(s, d string) {
	core := strings.TrimSpace(s)
	if core == "" {
		in.text.WriteString(s)
		return
	}
	i := strings.Index(s, core)
	in.text.WriteString(s[:i])
	in.raw(d + core + d)
	in.text.WriteString(s[i+len(core):])
}

// link keeps a link to an allowed address; any other is shown as it was
// written, "[text](javascript:…)", as plain text.
func (in *inline) link(n *ast.Link) {
	dest := decode(n.Destination)
	if !allowed(dest) {
		s := "[" + in.w.plain(n) + "](" + dest
		if n.Title != nil {
			s += ` "` + decode(n.Title) + `"`
		}
		in.text.WriteString(s + ")")
		return
	}
	label := in.w.span(n, in.noStrong)
	if label == "" {
		var b strings.Builder
		escapeTo(&b, dest, false)
		label = b.String()
	}
	in.raw("[" + label + "](" + destination(dest) + ")")
}

// code sets a code span with a fence longer than any run of backticks in
// it. Code that is only spaces is set as spaces.
func (in *inline) code(n *ast.CodeSpan) {
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(in.w.src))
		case *ast.String:
			b.Write(c.Value)
		}
	}
	s := strings.ReplaceAll(b.String(), "\n", " ")
	if strings.Trim(s, " ") == "" {
		in.text.WriteString(s)
		return
	}
	run, longest := 0, 0
	for i := range len(s) {
		if s[i] == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	pad := ""
	if s[0] == '`' || s[len(s)-1] == '`' || s[0] == ' ' && s[len(s)-1] == ' ' {
		pad = " "
	}
	in.raw(fence + pad + s + pad + fence)
}

// plain gives the text of n's inline content without markup.
func (w *writer) plain(n ast.Node) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(w.src)
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
			b.Write(c.Label(w.src))
		case *ast.RawHTML:
			for i := range c.Segments.Len() {
				seg := c.Segments.At(i)
				b.Write(seg.Value(w.src))
			}
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// raw writes markup: the pending text first.
func (in *inline) raw(s string) {
	in.flush()
	in.cur.WriteString(s)
}

// flush escapes the pending text onto the line. At the start of a line it
// loses its leading spaces and any block marker is escaped.
func (in *inline) flush() {
	if in.text.Len() == 0 {
		return
	}
	t := strings.ReplaceAll(in.text.String(), "\n", " ")
	in.text.Reset()
	atStart := !in.nested && in.cur.Len() == 0
	if atStart {
		t = strings.TrimLeft(t, " \t")
	}
	if t != "" {
		escapeTo(&in.cur, t, atStart)
	}
}

// hardBreak ends the line with a backslash, which unlike two spaces
// survives any editor. Inside markup it is a space; a break with nothing
// before it is dropped.
func (in *inline) hardBreak() {
	if in.nested {
		in.text.WriteByte(' ')
		return
	}
	in.flush()
	line := strings.TrimRight(in.cur.String(), " \t")
	in.cur.Reset()
	if line != "" {
		in.lines = append(in.lines, line+"\\")
	}
}

// finish returns the lines; a break at the very end is dropped.
func (in *inline) finish() []string {
	in.flush()
	if line := strings.TrimRight(in.cur.String(), " \t"); line != "" {
		in.lines = append(in.lines, line)
	} else if n := len(in.lines); n > 0 {
		in.lines[n-1] = strings.TrimSuffix(in.lines[n-1], "\\")
	}
	return in.lines
}
