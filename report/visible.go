package report

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Visible returns s, a text a person wrote, as every format prints it:
// nothing in it may make a reader, or a reviewer of the generated Markdown
// in a diff, see other text than is there (Trojan Source,
// CVE-2021-42574). compose.Report and overview.New pass every user text
// through it (names, inspectors, summary items, narratives, comments,
// override reasons, plan fields), so that the renderers get it done once
// and alike.
//
//   - Bidirectional controls, which reorder what is shown, become a visible
//     marker at their place, "[U+202E]" (upper-case hex): the embeddings and
//     overrides U+202A–U+202E, the isolates U+2066–U+2069 and the marks
//     U+200E, U+200F and U+061C (Unicode's Bidi_Control). A reader sees that
//     something was there, and where; Swedish text has no use for them.
//   - The other format characters (Unicode's Cf, invisible) are removed: zero
//     width space U+200B, ZWNJ U+200C, ZWJ U+200D, word joiner U+2060,
//     byte-order mark U+FEFF, the soft hyphen U+00AD (no format hyphenates
//     with it: the PDF never did, and in Markdown it only hides a word from
//     a search), tag characters; so are variation selectors. They can hide
//     text or split a word unseen; removing them costs nothing a Swedish
//     report needs (an emoji joined with ZWJ falls apart, and the PDF
//     prints no emoji anyway).
//   - Line ends become "\n": "\r\n", "\r", vertical tab, form feed, NEL,
//     U+2028 and U+2029. The tab is kept. Every other C0 and C1 control
//     (NUL, BEL, ESC that would colour a terminal, DEL) is removed.
//   - Invalid UTF-8 becomes U+FFFD.
//
// Everything else is kept as written, including letters of right-to-left
// scripts. Markdown stays Markdown: the marker is plain text to both
// renderers. Visible is idempotent, and a text without anything to change
// is returned as it is.
func Visible(s string) string {
	if !needsCleaning(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s) + 8)
	prevCR := false
	for _, r := range s {
		cr := r == '\r'
		switch {
		case r == '\n' && prevCR:
			// "\r\n": the '\r' already ended the line.
		case lineEnd(r):
			b.WriteByte('\n')
		case unicode.Is(unicode.Bidi_Control, r):
			fmt.Fprintf(&b, "[U+%04X]", r)
		case invisible(r):
		default:
			b.WriteRune(r)
		}
		prevCR = cr
	}
	return b.String()
}

// needsCleaning reports whether Visible would change s.
func needsCleaning(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' && c != '\t' || c == 0x7f {
				return true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || lineEnd(r) || unicode.Is(unicode.Bidi_Control, r) || invisible(r) {
			return true
		}
		i += n
	}
	return false
}

// lineEnd reports the characters that end a line, '\n' included.
func lineEnd(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029':
		return true
	}
	return false
}

// invisible reports the characters removed without a trace: controls
// other than line ends and the tab, format characters other than the
// bidirectional controls (which Visible marks) and variation selectors.
func invisible(r rune) bool {
	switch {
	case r == '\t' || lineEnd(r):
		return false
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return true
	case r >= 0xfe00 && r <= 0xfe0f, r >= 0xe0100 && r <= 0xe01ef:
		return true
	}
	return unicode.Is(unicode.Cf, r) && !unicode.Is(unicode.Bidi_Control, r)
}
