package schema

import (
	"strings"
	"unicode/utf8"
)

// didYouMean returns "; did you mean X?" for the candidate nearest to s, or
// "" when none is near enough to be a likely slip.
func didYouMean(s string, candidates []string) string {
	if best := nearest(s, candidates); best != "" {
		return "; did you mean " + best + "?"
	}
	return ""
}

// maxSuggest bounds the words nearest looks at, in runes: the keys and
// words it suggests are short, and the edit distance costs the product of
// the lengths, so a longer word is no slip and is not measured.
const maxSuggest = 64

func nearest(s string, candidates []string) string {
	if len(s) > utf8.UTFMax*maxSuggest || utf8.RuneCountInString(s) > maxSuggest {
		return ""
	}
	best, bestDist := "", 0
	ls := strings.ToLower(s)
	n := utf8.RuneCountInString(s)
	for _, c := range candidates {
		// Short words get no fuzzy match ("I" is not a slip for "A"),
		// only a difference of case.
		nc := utf8.RuneCountInString(c)
		limit := min(3, nc/3)
		if nc >= 3 {
			limit = max(1, limit)
		}
		if n-nc > limit || nc-n > limit {
			continue // the distance is at least the difference in length
		}
		d := EditDistance(ls, strings.ToLower(c))
		if d <= limit && (best == "" || d < bestDist) {
			best, bestDist = c, d
		}
	}
	return best
}

// EditDistance is the Levenshtein distance between a and b in runes, with an
// adjacent transposition counted as one edit ("stauts" for "status"). It
// is for suggesting a likely slip: strings over 200 runes are either equal
// (0) or far apart.
func EditDistance(a, b string) int {
	if utf8.RuneCountInString(a) > 200 || utf8.RuneCountInString(b) > 200 {
		if a == b {
			return 0
		}
		return 1 << 20
	}
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
