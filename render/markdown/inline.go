package markdown

import (
	"strings"

	"spur/report"
)

// inline sets the inline content of one block as escaped Markdown lines.
// Text is collected unescaped and escaped when markup follows or a line
// ends, so that a character's meaning is judged with its neighbours ("1"
// and ". " from two pieces of text still make "1\. " at a line start).
type inline struct {
	lines []string
	cur   strings.Builder // the line being set, escaped
	text  strings.Builder // text not yet escaped
	// nested: inside emphasis or a link, on one line and never at the
	// start of one.
	nested bool
}

// inlines returns the lines of a paragraph; hard breaks end lines.
func inlines(ins []report.Inline) []string {
	var in inline
	in.all(ins)
	return in.finish()
}

// span returns ins on one line, for use inside markup, untrimmed: the
// spaces at the ends are moved outside the delimiters by wrap.
func span(ins []report.Inline) string {
	in := inline{nested: true}
	in.all(ins)
	in.flush()
	return in.cur.String()
}

func (in *inline) all(ins []report.Inline) {
	for _, n := range ins {
		in.node(n)
	}
}

func (in *inline) node(n report.Inline) {
	switch n := n.(type) {
	case report.Str:
		in.text.WriteString(string(n))
	case report.LineBreak:
		in.hardBreak()
	case report.Code:
		in.code(string(n))
	case report.Emph:
		in.wrap(span(n.Children), "*")
	case report.Strong:
		in.wrap(span(n.Children), "**")
	case report.Link:
		label := strings.TrimSpace(span(n.Children))
		if label == "" {
			var b strings.Builder
			escapeTo(&b, n.URL, false)
			label = b.String()
		}
		in.raw("[" + label + "](" + destination(n.URL) + ")")
	}
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

// code sets a code span with a fence longer than any run of backticks in
// it. Code that is only spaces is set as spaces.
func (in *inline) code(s string) {
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
