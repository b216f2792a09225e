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
	// nested: inside emphasis or a link, never at the start of a block;
	// its lines are kept in cur, joined by hard breaks.
	nested bool
	// start: cur is at the start of a line, where a block marker is
	// escaped and spaces are dropped.
	start bool
	// broke: the last thing set is a hard break (nested only).
	broke bool
}

// inlines returns the lines of a paragraph; hard breaks end lines.
func inlines(ins []report.Inline) []string {
	in := inline{start: true}
	in.all(ins)
	return in.finish()
}

// span returns ins for use inside markup, untrimmed: the spaces at the
// ends are moved outside the delimiters by wrap. A hard break inside ends
// a line with a backslash, and the line after it is escaped as the start
// of a line, so that "*a\\\n- b*" stays emphasis and opens no list; a break
// at the start is a space, and one at the end is reported (brk) to be set
// after the markup, where it belongs.
func span(ins []report.Inline) (s string, brk bool) {
	in := inline{nested: true}
	in.all(ins)
	in.flush()
	s = in.cur.String()
	if in.broke {
		s = strings.TrimSuffix(s, "\\\n")
	}
	return s, in.broke
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
		s, brk := span(n.Children)
		in.wrap(s, brk, "*")
	case report.Strong:
		s, brk := span(n.Children)
		in.wrap(s, brk, "**")
	case report.Link:
		s, brk := span(n.Children)
		label := strings.TrimSpace(s)
		if label == "" {
			var b strings.Builder
			escapeTo(&b, n.URL, false)
			label = b.String()
		}
		in.raw("[" + label + "](" + destination(n.URL) + ")")
		if brk {
			in.hardBreak()
		}
	}
}

// wrap sets s, already escaped, between delimiters d, and the break that
// ended it after them. Spaces at its ends go outside, where they do not
// stop the delimiters from counting; empty emphasis is dropped (a lone
// "**" could become a rule).
func (in *inline) wrap(s string, brk bool, d string) {
	core := strings.TrimSpace(s)
	if core == "" {
		in.text.WriteString(s)
	} else {
		i := strings.Index(s, core)
		in.text.WriteString(s[:i])
		in.raw(d + core + d)
		in.text.WriteString(s[i+len(core):])
	}
	if brk {
		in.hardBreak()
	}
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

// raw writes markup: the pending text first. Markup of several lines (a
// span with hard breaks) ends lines of a paragraph; nested, it stays in
// cur.
func (in *inline) raw(s string) {
	in.flush()
	if s == "" {
		return
	}
	if !in.nested {
		for {
			i := strings.IndexByte(s, '\n')
			if i < 0 {
				break
			}
			in.cur.WriteString(s[:i])
			in.lines = append(in.lines, in.cur.String())
			in.cur.Reset()
			s = s[i+1:]
		}
	}
	in.cur.WriteString(s)
	in.start, in.broke = false, false
}

// flush escapes the pending text onto the line. At the start of a line it
// loses its leading spaces and any block marker is escaped.
func (in *inline) flush() {
	if in.text.Len() == 0 {
		return
	}
	t := strings.ReplaceAll(in.text.String(), "\n", " ")
	in.text.Reset()
	if in.start {
		t = strings.TrimLeft(t, " \t")
	}
	if t != "" {
		escapeTo(&in.cur, t, in.start)
		in.start, in.broke = false, false
	}
}

// hardBreak ends the line with a backslash, which unlike two spaces
// survives any editor. A break with nothing before it on its line is
// dropped (nested, it is a space).
func (in *inline) hardBreak() {
	in.flush()
	if in.nested {
		s := in.cur.String()
		line := s[strings.LastIndexByte(s, '\n')+1:]
		if in.start || strings.TrimSpace(line) == "" {
			in.text.WriteByte(' ')
			return
		}
		in.cur.Reset()
		in.cur.WriteString(breakable(strings.TrimRight(s, " \t")) + "\\\n")
		in.start, in.broke = true, true
		return
	}
	line := strings.TrimRight(in.cur.String(), " \t")
	in.cur.Reset()
	if line != "" {
		in.lines = append(in.lines, breakable(line)+"\\")
	}
	in.start = true
}

// finish returns the lines; a break at the very end is dropped.
func (in *inline) finish() []string {
	in.flush()
	if line := strings.TrimRight(in.cur.String(), " \t"); line != "" {
		in.lines = append(in.lines, line)
	} else if n := len(in.lines); n > 0 {
		in.lines[n-1] = strings.TrimSuffix(in.lines[n-1], "\\") // "&#92;" reads as "\\" too
	}
	return in.lines
}
