package hyph

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// core returns the part of token that is hyphenated, token[lo:hi], with its
// leading and trailing punctuation cut off, or ok == false when the token
// must not be broken at all: it is too short or too long, is not valid
// UTF-8, or is a code rather than a word (see the package doc).
//
// A token may hold Latin letters, punctuation and symbols, nothing else: a
// digit makes it a number, a date or a criterion id; a letter of another
// script is outside the Swedish patterns; a combining mark means text that
// is not NFC, where a point could part a letter from its accent; a space or
// a control character means the caller did not split the text into tokens.
func core(token string) (lo, hi int, ok bool) {
	if len(token) < minWord || len(token) > maxToken {
		return 0, 0, false
	}
	for i := 0; i < len(token); {
		c := token[i]
		if c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
			case strings.IndexByte(codeBytes, c) >= 0:
				return 0, 0, false
			case c <= ' ' || c == 0x7f || '0' <= c && c <= '9':
				return 0, 0, false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(token[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return 0, 0, false
		case unicode.IsLetter(r):
			if !unicode.Is(unicode.Latin, r) {
				return 0, 0, false
			}
		case unicode.IsPunct(r) || unicode.IsSymbol(r):
		default:
			return 0, 0, false
		}
		i += size
	}

	lo, hi = 0, len(token)
	for lo < hi {
		r, size := utf8.DecodeRuneInString(token[lo:])
		if !isEdge(r) {
			break
		}
		lo += size
	}
	for hi > lo {
		r, size := utf8.DecodeLastRuneInString(token[lo:hi])
		if !isEdge(r) {
			break
		}
		hi -= size
	}
	w := token[lo:hi]
	// '.', ':' and '?' end a sentence or a clause; inside a token they make
	// an abbreviation ("t.ex."), a host name, a reference ("2021:8") or a
	// URL's query.
	if len(w) < minWord || strings.ContainsAny(w, ".:?") ||
		hasPrefixFold(w, "www.") || hasPrefixFold(w, "http") {
		return 0, 0, false
	}
	return lo, hi, true
}

// codeBytes are the ASCII characters that appear in URLs, e-mail
// addresses, paths and identifiers, never in a Swedish word: a token with
// one anywhere is left whole.
const codeBytes = `/@\_=#&`

// isEdge reports whether r is cut from either end of a token before it is
// hyphenated: quotes, brackets, a sentence's punctuation, a hanging hyphen
// ("kompetens- och …"), a footnote's asterisk.
func isEdge(r rune) bool {
	if r < utf8.RuneSelf {
		return r > ' ' && r < 0x7f && !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9')
	}
	return unicode.IsPunct(r) || unicode.IsSymbol(r)
}

// isDash reports whether r joins the parts of a compound written with a
// hyphen ("ST-läkare") or an en dash: the caller may break after it
// already, so the parts are hyphenated on their own.
func isDash(r rune) bool {
	return r == '-' || r >= 0x80 && unicode.Is(unicode.Pd, r)
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
