package hyph

import (
	"testing"
	"unicode"
)

// FuzzPoints: no token makes Points panic or return a point a caller
// could not use (see checkPoints); a token with a letter of another script
// gets none. Seeds are in testdata/fuzz/FuzzPoints.
func FuzzPoints(f *testing.F) {
	for _, c := range swedishWords {
		f.Add(c.word)
	}
	h := Swedish()
	f.Fuzz(func(t *testing.T, word string) {
		ps := h.Points(word)
		checkPoints(t, word, ps)
		if ps == nil {
			return
		}
		for _, r := range word {
			if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
				t.Errorf("Points(%q) = %v: a letter of another script, want none", word, ps)
				return
			}
		}
	})
}
