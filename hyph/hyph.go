package hyph

import (
	_ "embed"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed hyph-sv.tex
var svTeX string

const (
	// maxToken bounds a token in bytes: a longer one gets no points. It
	// is far above any Swedish word (the longest in the catalogue has 29
	// letters) and keeps every offset in a byte and the scratch space of
	// Points on the stack.
	maxToken = 256

	// minWord is the fewest letters a part needs to be broken at all.
	minWord = 5

	// svLeft and svRight are the hyphenmins for typesetting given in
	// hyph-sv.tex: at least two letters before and after a break.
	svLeft, svRight = 2, 2
)

// Hyphenator finds hyphenation points with one language's patterns. It is
// read-only after it is built, so one value serves every goroutine.
type Hyphenator struct {
	t           *trie
	left, right int
}

var swedish = sync.OnceValue(func() *Hyphenator {
	t, err := parseTeX(svTeX)
	if err != nil {
		// The file is embedded and TestPatterns reads it: this is a
		// broken build, not bad input.
		panic("hyph: embedded hyph-sv.tex: " + err.Error())
	}
	return &Hyphenator{t: t, left: svLeft, right: svRight}
})

// Swedish returns the Swedish hyphenator, built once per process from the
// embedded hyph-sv.tex patterns; it is safe for concurrent use.
func Swedish() *Hyphenator { return swedish() }

// scratch is the working space of Points, on the stack.
type scratch struct {
	sym    [maxToken + 2]uint8 // the part as symbols, between two symDot
	at     [maxToken]uint8     // byte offset in the token of each letter
	level  [maxToken + 3]uint8 // the highest value for each gap of sym
	points [maxToken]uint8     // the points found so far, ascending
	n      int                 // len(points)
}

// Points returns the byte offsets in word at which a hyphen may be
// inserted, ascending: a point p means word[:p] + "-" ends a line and
// word[p:] starts the next. It returns nil when word must not be broken.
//
// word is one token as it appears in the text: no spaces, perhaps with
// punctuation around it. The rules, in the package doc, in short: the
// punctuation at either end is cut off first; a compound written with a
// hyphen or a dash is hyphenated part by part; a part needs five letters,
// and two on each side of a break; a token that is a number, a date, an
// id, a URL, an e-mail address, a path, or has letters of another script,
// a combining mark or more than 256 bytes gets no points. Every point is
// on a rune boundary, between two letters of the same part.
//
// Letters are matched without regard to case. The time is linear in the
// length of word, and the result is the only allocation.
func (h *Hyphenator) Points(word string) []int {
	lo, hi, ok := core(word)
	if !ok {
		return nil
	}
	var s scratch
	start := lo
	for i := lo; i < hi; {
		r, size := utf8.DecodeRuneInString(word[i:])
		if isDash(r) {
			h.part(word, start, i, &s)
			start = i + size
		}
		i += size
	}
	h.part(word, start, hi, &s)
	if s.n == 0 {
		return nil
	}
	out := make([]int, s.n)
	for i, p := range s.points[:s.n] {
		out[i] = int(p)
	}
	return out
}

// part adds to s.points the points of word[lo:hi], one part of a token: a
// run of letters, or else it is not broken.
func (h *Hyphenator) part(word string, lo, hi int, s *scratch) {
	if hi-lo < minWord {
		return
	}
	m := 0 // letters
	s.sym[0] = symDot
	for i := lo; i < hi; {
		r, size := rune(word[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(word[i:])
		}
		if !isLetter(r) {
			// An apostrophe, an asterisk, a plus: not a word we know.
			return
		}
		m++
		s.sym[m] = symbol(r)
		s.at[m-1] = uint8(i)
		i += size
	}
	if m < minWord {
		return
	}
	s.sym[m+1] = symDot

	// Liang: every pattern that matches anywhere in .part. raises the
	// value of the gaps it covers to its own; an odd value is a break.
	// No pattern is longer than t.depth, so this is linear in m.
	t := h.t
	n := m + 2
	lv := s.level[:n+1]
	clear(lv)
	for i := 0; i < n; i++ {
		nd := uint32(0)
		for j := i; j < n && j-i < t.depth; j++ {
			if nd = t.child(nd, s.sym[j]); nd == 0 {
				break
			}
			x := t.nodes[nd]
			for k, v := range t.vals[x.val : x.val+uint32(x.nval)] {
				if v > lv[i+k] {
					lv[i+k] = v
				}
			}
		}
	}
	// The gap before letter k is the gap before sym[k+1].
	for k := h.left; k <= m-h.right; k++ {
		if lv[k+1]&1 == 1 {
			s.points[s.n] = s.at[k]
			s.n++
		}
	}
}

// isLetter reports whether r may be hyphenated around. core has already
// refused letters of other scripts.
func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r)
}
