package pdf

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"spur/report"
)

// clean makes s safe to draw with face f. It returns valid UTF-8 in NFC
// without control, format (zero-width, bidi) or variation-selector
// characters. '\n' is kept (also for "\r\n", '\r', U+2028 and U+2029); tabs
// and other spaces become ' ', except the no-break space. Runes that f
// lacks, including all outside the BMP (emoji), are replaced by f.subst and
// reported once per rune and context in the document's warnings.
func (d *Doc) clean(s string, f *face) string {
	if settledText(s, f) {
		return s
	}
	return d.cleanSlow(s, f)
}

// cleanSlow is clean for text that settledText does not pass.
func (d *Doc) cleanSlow(s string, f *face) string {
	if !utf8.ValidString(s) {
		d.warn("invalid UTF-8 replaced by U+FFFD")
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	prevCR := false
	for _, r := range s {
		cr := r == '\r'
		switch {
		case r == '\n' && prevCR:
			// "\r\n": the '\r' already broke the line.
		case r == '\n' || cr || r == '\u2028' || r == '\u2029':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte(' ')
		case dropped(r):
		case r == '\u00a0':
			b.WriteRune(r)
		case r == '\u202f' && f.covers(r):
			b.WriteRune(r)
		case r == '\u202f':
			b.WriteRune('\u00a0')
		case unicode.Is(unicode.Zs, r):
			b.WriteByte(' ')
		case rtl(r):
			// Set in logical order, right-to-left letters would read
			// backwards: a box, as for a letter the font lacks.
			d.warn(fmt.Sprintf("character %U %q is right-to-left, which the PDF does not set; replaced", r, string(r)))
			b.WriteRune(f.subst)
		case f.covers(r):
			b.WriteRune(r)
		default:
			d.warn(fmt.Sprintf("character %U %q not in font, replaced", r, string(r)))
			b.WriteRune(f.subst)
		}
		prevCR = cr
	}
	return b.String()
}

// settledText reports whether clean would return s as it is: valid UTF-8
// of printable ASCII, which every face covers, and of settled runes that f
// covers. Most text of a Swedish report is, and needs no cleaning.
func settledText(s string, f *face) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e {
			return settledRunes(s[i:], f)
		}
	}
	return true
}

func settledRunes(s string, f *face) bool {
	for _, r := range s {
		if r >= 0x20 && r <= 0x7e {
			continue
		}
		if !settled(r) || !f.covers(r) {
			return false // utf8.RuneError, for invalid UTF-8, is not settled
		}
	}
	return true
}

// settled reports the runes that clean keeps as they are whatever comes
// before or after them: letters and punctuation of Latin-1 and Latin
// Extended-A, general punctuation, currency signs and arrows, each in NFC,
// of combining class 0 and combining with nothing before it (so that a
// string of them and ASCII is in NFC), and none a control, format
// character, line break, space other than the no-break space, or
// right-to-left letter. TestSettled checks each against clean's rules and
// Unicode's data.
func settled(r rune) bool {
	switch {
	case r >= 0xa0 && r <= 0x17f:
		return r != 0xad // the soft hyphen is a format character
	case r >= 0x2010 && r <= 0x2027, r >= 0x2030 && r <= 0x205e:
		return true
	case r >= 0x20a0 && r <= 0x20c0, r >= 0x2190 && r <= 0x21ff:
		return true
	}
	return false
}

// rtl reports the letters of right-to-left scripts.
func rtl(r rune) bool {
	return r >= 0x0590 && (unicode.In(r, unicode.Hebrew, unicode.Arabic, unicode.Syriac, unicode.Thaana, unicode.Nko))
}

// dropped reports the runes that are removed without a trace: C0 and C1
// controls (other than the line breaks and tabs clean handles), format
// characters such as ZWSP, ZWJ, ZWNJ, BOM, soft hyphen and bidi controls,
// and variation selectors.
func dropped(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return true
	case r >= 0xfe00 && r <= 0xfe0f, r >= 0xe0100 && r <= 0xe01ef:
		return true
	}
	return unicode.Is(unicode.Cf, r)
}

// cleanMeta prepares text that is not drawn with a font: document
// properties and outline titles. fpdf converts it to UTF-16 and cannot
// encode runes outside the BMP, so those become U+FFFD.
func cleanMeta(s string) string {
	s = norm.NFC.String(strings.ToValidUTF8(s, "\uFFFD"))
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			b.WriteByte(' ')
		case dropped(r):
		case r > 0xffff:
			b.WriteRune('\uFFFD')
		default:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

// cleanLang keeps a BCP 47 tag such as "sv-SE". fpdf writes /Lang without
// escaping, so anything else is removed.
func cleanLang(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == '-' || r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
		}
	}
	if b.Len() > 35 {
		return ""
	}
	return b.String()
}

// linkURI returns the URI to make clickable, or "" when uri should not be
// clickable: only http, https and mailto are (report.LinkAllowed). Bytes that may not appear in
// a URI are percent-encoded.
func linkURI(uri string) string {
	uri = strings.TrimSpace(uri)
	if !report.LinkAllowed(uri) {
		return ""
	}
	var b strings.Builder
	for i := 0; i < len(uri); i++ {
		c := uri[i]
		if c <= 0x20 || c >= 0x7f {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// warn records a warning about the text being laid out, once per message
// and context.
func (d *Doc) warn(msg string) {
	if d.where != "" {
		msg += fmt.Sprintf(" (in %q)", d.where)
	}
	if d.warned[msg] {
		return
	}
	if d.warned == nil {
		d.warned = make(map[string]bool)
	}
	d.warned[msg] = true
	d.warnings = append(d.warnings, msg)
}
