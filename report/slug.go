package report

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Slug makes a file name from the unit's name and the visit date that is
// safe on every system: lower-case ASCII letters, digits and hyphens, at most
// 80 characters, never empty, never a reserved Windows name.
// "Almaklinikens vårdcentral", "2025-02-11" → "almaklinikens-vardcentral-2025-02-11".
func Slug(unit, date string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFKD.String(strings.ToLower(unit + " " + date)) {
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
	s := strings.Trim(b.String(), "-")
	if len(s) > 80 {
		s = strings.TrimRight(s[:80], "-")
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
