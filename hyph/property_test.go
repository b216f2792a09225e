package hyph

import (
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"
)

// checkPoints reports what a caller must be able to rely on for any
// token: points ascend, fall inside the token on rune boundaries, have two
// letters of the same part on each side, and are absent from tokens that
// are codes (digits) or too long.
func checkPoints(t *testing.T, word string, points []int) {
	t.Helper()
	if len(points) == 0 {
		if points != nil {
			t.Errorf("Points(%q) = %#v, want nil rather than empty", word, points)
		}
		return
	}
	if len(word) > maxToken {
		t.Errorf("Points of a %d-byte token = %v, want none", len(word), points)
	}
	if !utf8.ValidString(word) {
		t.Errorf("Points(%q), invalid UTF-8, = %v, want none", word, points)
	}
	if strings.IndexFunc(word, unicode.IsNumber) >= 0 {
		t.Errorf("Points(%q), a token with a digit, = %v, want none", word, points)
	}
	last := 0
	for _, p := range points {
		if p <= last || p >= len(word) {
			t.Errorf("Points(%q) = %v: %d is out of order or outside the token", word, points, p)
			return
		}
		last = p
		if !utf8.RuneStart(word[p]) {
			t.Errorf("Points(%q) = %v: %d is inside a rune", word, points, p)
			continue
		}
		if lettersBefore(word[:p]) < 2 || lettersAfter(word[p:]) < 2 {
			t.Errorf("Points(%q) = %s: fewer than two letters on one side of %d", word, mark(word, points), p)
		}
	}
}

// lettersBefore counts the letters at the end of s, up to 2.
func lettersBefore(s string) int {
	n := 0
	for n < 2 {
		r, size := utf8.DecodeLastRuneInString(s)
		if size == 0 || !unicode.IsLetter(r) {
			break
		}
		s = s[:len(s)-size]
		n++
	}
	return n
}

// lettersAfter counts the letters at the start of s, up to 2.
func lettersAfter(s string) int {
	n := 0
	for _, r := range s {
		if n == 2 || !unicode.IsLetter(r) {
			break
		}
		n++
	}
	return n
}

// swedishish makes tokens from Swedish letters in both cases, letters the
// patterns do not know, hyphens, dashes and punctuation, in random order.
func swedishish(r *rand.Rand) string {
	const letters = "abcdefghijklmnopqrstuvwxyzåäöéüABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖÉÜßèø"
	const other = "-–”“\"'().,;:!?…*"
	lr, or := []rune(letters), []rune(other)
	var b strings.Builder
	n := 1 + r.IntN(40)
	for range n {
		if r.IntN(8) == 0 {
			b.WriteRune(or[r.IntN(len(or))])
		} else {
			b.WriteRune(lr[r.IntN(len(lr))])
		}
	}
	return b.String()
}

// TestRuneBoundaries: over many random Swedish-like tokens, every point is
// a rune boundary with at least two letters on each side.
func TestRuneBoundaries(t *testing.T) {
	h := Swedish()
	r := rand.New(rand.NewPCG(1, 2))
	withPoints := 0
	for range 20000 {
		w := swedishish(r)
		ps := h.Points(w)
		if ps != nil {
			withPoints++
		}
		checkPoints(t, w, ps)
		if t.Failed() {
			return
		}
	}
	// The property would hold trivially if nothing broke.
	if withPoints < 2000 {
		t.Errorf("only %d of 20000 tokens got points", withPoints)
	}
}

// TestConcurrent: one Hyphenator serves many goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	want := make([]string, len(swedishWords))
	for i, c := range swedishWords {
		want[i] = mark(c.word, Swedish().Points(c.word))
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			h := Swedish()
			for i, c := range swedishWords {
				if got := mark(c.word, h.Points(c.word)); got != want[i] {
					t.Errorf("concurrent Points(%q) = %s, want %s", c.word, got, want[i])
				}
			}
		})
	}
	wg.Wait()
}
