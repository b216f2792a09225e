package markdown

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Escape makes s, a text a person typed (a unit's name, a summary item, a
// comment, a field of the action plan), literal inline Markdown: whatever
// it holds, it reads as the same text and cannot open a heading, a list, a
// quote, a table cell, HTML, a link, a code span or emphasis, wherever on a
// line the template puts it. Line breaks become spaces, so it stays on its
// line; leading and trailing spaces go (two trailing spaces would make a
// hard break).
//
// Only what could be read as Markdown is escaped, so that the source stays
// readable: "ST-läkare (Mini-CEX) 2025-12-31" is unchanged.
func Escape(s string) string {
	s = clean(s)
	if !needsWork(s) {
		return s
	}
	s = strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\t' }), " ")
	var b strings.Builder
	b.Grow(len(s) + 8)
	escapeTo(&b, strings.TrimSpace(s), true)
	return b.String()
}

// Lines is Escape for plain text whose line breaks are kept (a criterion's
// comment, an area's plan_note: report/compose.Lines): each line is
// escaped as Escape escapes it, and each but the last ends with a
// backslash, the CommonMark hard break that goldmark, cmark-gfm and pandoc
// all read as a line break. The line after a break starts with indent,
// the indentation of the list item the text is in ("" in a paragraph).
// Blank lines are left out: they would end the paragraph. In a table cell
// or a heading, where no line may break, use Escape.
func Lines(indent, s string) string {
	var out []string
	for _, l := range strings.Split(clean(s), "\n") {
		if l = Escape(l); l != "" {
			out = append(out, l)
		}
	}
	for i := 0; i+1 < len(out); i++ {
		out[i] = breakable(out[i])
	}
	return strings.Join(out, "\\\n"+indent)
}

// breakable returns an escaped line ready for the backslash of a hard
// break. goldmark (v1.8.7) reads no hard break after an escaped backslash
// (C:\temp\ before a break is written C:\\temp\\\ and a newline), though
// CommonMark, cmark-gfm and pandoc read one; so a line that ends with a
// backslash ends with it as the entity "&#92;", which all three read as a
// backslash before the break.
func breakable(line string) string {
	if strings.HasSuffix(line, `\\`) {
		return line[:len(line)-2] + "&#92;"
	}
	return line
}

// needsWork reports whether s has anything Escape would change.
func needsWork(s string) bool {
	if s == "" {
		return false
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' || leadingMarker(s) > 0 {
		return true
	}
	return strings.ContainsAny(s, "\\`*_[]<|~#&!\n\t")
}

// escapeTo writes s escaped to b. atStart says that s begins a line, where
// ">", "+", "-", "=", ":" and "1." or "1)" would start a block.
func escapeTo(b *strings.Builder, s string, atStart bool) {
	start := 0
	if atStart {
		if n := leadingMarker(s); n > 0 {
			b.WriteString(s[:n-1])
			b.WriteByte('\\')
			start = n - 1
		}
	}
	for i := start; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '`', '*', '_', '[', ']', '<', '|', '~', '#':
			b.WriteByte('\\')
		case '&':
			// An entity reference ("&amp;", "&#60;") would be decoded.
			if i+1 == len(s) || s[i+1] == '#' || isAlnum(s[i+1]) {
				b.WriteByte('\\')
			}
		case '!':
			// "!" before a link that follows would make it an image.
			if i+1 == len(s) {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(c)
	}
}

// leadingMarker gives the length up to and including the character that
// makes the start of s a block marker (">", "-", "+", "=", ":", or the "."
// or ")" after up to nine digits), or 0. The characters that are escaped
// everywhere ("#", "*", "|", …) are not counted.
func leadingMarker(s string) int {
	if s == "" {
		return 0
	}
	switch s[0] {
	case '>', '+', '-', '=', ':':
		return 1
	}
	i := 0
	for i < len(s) && i < 10 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < 10 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		return i + 1
	}
	return 0
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// clean makes s valid UTF-8 with "\n" line ends, and drops the control
// characters other than "\n" and "\t" (a NUL, an escape sequence, a
// form feed), which no reader wants in a report.
func clean(s string) string {
	ok := utf8.ValidString(s)
	if ok {
		ok = strings.IndexFunc(s, func(r rune) bool {
			return r == '\r' || r != '\n' && r != '\t' && unicode.IsControl(r)
		}) < 0
	}
	if ok {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\r':
			return '\n'
		case r == '\n' || r == '\t':
			return r
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
}
