package report

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// MaxSlug is the longest file name Slug gives, without its ending.
const MaxSlug = 80

// Slug makes a file name from the unit's name and the visit date that is
// safe on every system: lower-case ASCII letters, digits and hyphens, at most
// MaxSlug characters, never empty, never a reserved Windows name. The date
// is always kept whole: a long name is shortened instead, so that two
// visits to one unit never share a file.
// "Almaklinikens vårdcentral", "2025-02-11" → "almaklinikens-vardcentral-2025-02-11".
func Slug(unit, date string) string {
	name, day := slugPart(unit), slugPart(date)
	day = cut(day, MaxSlug)
	room := MaxSlug
	if day != "" {
		room -= len(day) + 1
	}
	name = cut(name, room)
	s := name
	switch {
	case name == "":
		s = day
	case day != "":
		s = name + "-" + day
	}
	if s == "" {
		s = "inspektion"
	}
	switch strings.SplitN(s, "-", 2)[0] {
	case "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "lpt1", "lpt2", "lpt3":
		s = "spur-" + s
	}
	return s
}

// cut shortens a slug to at most n bytes, between words where one ends
// in the second half.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[:max(n, 0)]
	if i := strings.LastIndexByte(s, '-'); i > n/2 {
		s = s[:i]
	}
	return strings.TrimRight(s, "-")
}

// slugPart is s in lower-case ASCII letters, digits and single hyphens.
func slugPart(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFKD.String(strings.ToLower(s)) {
		switch {
		case r == 'ß':
			b.WriteString("ss")
			hyphen = false
		case r == 'æ':
			b.WriteString("ae")
			hyphen = false
		case r == 'ø':
			b.WriteString("o")
			hyphen = false
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
			hyphen = false
		case unicode.Is(unicode.Mn, r):
			// a combining accent: å → a
		default:
			if !hyphen && b.Len() > 0 {
				b.WriteByte('-')
				hyphen = true
			}
		}
	}
	return strings.Trim(b.String(), "-")
}
