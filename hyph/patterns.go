package hyph

import (
	"bufio"
	"fmt"
	"strings"
	"unicode"
)

// Symbols of the pattern alphabet. symOther is any letter the patterns do
// not mention (ü, è, ß, …): it has no edge in the trie, so no pattern
// matches across it, as in TeX for a letter without patterns.
const (
	symOther  = 0
	symDot    = 1      // the word boundary in patterns (".ab3r")
	symA      = 2      // a … z are symA … symA+25
	symAring  = 2 + 26 // å
	symAuml   = symAring + 1
	symOuml   = symAring + 2
	symEacute = symAring + 3
	nSym      = symAring + 4
)

// symbol maps a rune of a word or a pattern to its symbol, folding case
// on the way: the patterns are lower-case, the text need not be.
func symbol(r rune) uint8 {
	switch {
	case 'a' <= r && r <= 'z':
		return uint8(symA + r - 'a')
	case 'A' <= r && r <= 'Z':
		return uint8(symA + r - 'A')
	}
	switch r {
	case 'å', 'Å':
		return symAring
	case 'ä', 'Ä':
		return symAuml
	case 'ö', 'Ö':
		return symOuml
	case 'é', 'É':
		return symEacute
	}
	return symOther
}

// trie holds the patterns: node 0 is the root, and a node's edges are
// edges[node.first : node.first+node.n], sorted by symbol, or, for the few
// nodes with many edges (n == denseNode), the row dense[node.first] with a
// child for every symbol. A node where a pattern ends has its values, one
// per gap of the pattern (before its first symbol … up to its last digit),
// at vals[node.val : node.val+node.nval].
type trie struct {
	nodes []node
	edges []edge
	dense [][nSym]uint32
	vals  []uint8
	depth int // the longest pattern, in symbols: the matching loop's bound
}

type node struct {
	first uint32
	val   uint32
	n     uint8
	nval  uint8
}

// A node with at least minDense edges has a dense row: the root and a
// hundred-odd nodes near it, where a scan of the edges would cost most.
const (
	denseNode = 0xff
	minDense  = 8
)

type edge struct {
	sym uint8
	to  uint32
}

// child returns the node reached from n by s, or 0 (the root, never a
// child) when there is none.
func (t *trie) child(n uint32, s uint8) uint32 {
	nd := t.nodes[n]
	if nd.n == denseNode {
		return t.dense[nd.first][s]
	}
	for _, e := range t.edges[nd.first : nd.first+uint32(nd.n)] {
		if e.sym >= s {
			if e.sym == s {
				return e.to
			}
			return 0
		}
	}
	return 0
}

// parseTeX reads the \patterns{…} of a hyph-utf8 file (hyph-sv.tex): '%'
// starts a comment, the patterns are separated by white space. Anything
// else, such as a \hyphenation{…} list of exceptions, is an error, so that
// a new version of the file cannot be half read without a failing test.
func parseTeX(src string) (*trie, error) {
	b := newBuilder()
	sc := bufio.NewScanner(strings.NewReader(src))
	state := 0 // 0 before \patterns{, 1 inside, 2 after the closing brace
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if i := strings.IndexByte(text, '%'); i >= 0 {
			text = text[:i]
		}
		for _, f := range strings.Fields(text) {
			switch {
			case state == 0 && f == `\patterns{`:
				state = 1
			case state == 1 && f == "}":
				state = 2
			case state == 1:
				if err := b.add(f); err != nil {
					return nil, fmt.Errorf("line %d: %w", line, err)
				}
			default:
				return nil, fmt.Errorf("line %d: unexpected %q", line, f)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if state != 2 {
		return nil, fmt.Errorf("no complete \\patterns{…} block")
	}
	return b.build(), nil
}

// builder grows a pointer trie, then packs it.
type builder struct {
	kids  []map[uint8]int
	vals  [][]uint8
	depth int
}

func newBuilder() *builder {
	return &builder{kids: []map[uint8]int{{}}, vals: [][]uint8{nil}}
}

// add inserts one pattern such as ".ab3r" or "a5g4ra": letters with a
// digit in some of the gaps between them.
func (b *builder) add(p string) error {
	syms := make([]uint8, 0, len(p))
	vals := []uint8{0}
	for _, r := range p {
		switch {
		case '0' <= r && r <= '9':
			if vals[len(vals)-1] != 0 {
				return fmt.Errorf("pattern %q: two digits in one gap", p)
			}
			vals[len(vals)-1] = uint8(r - '0')
		case r == '.':
			syms = append(syms, symDot)
			vals = append(vals, 0)
		default:
			s := symbol(r)
			if s == symOther || unicode.IsUpper(r) {
				return fmt.Errorf("pattern %q: character %q is not in the alphabet", p, r)
			}
			syms = append(syms, s)
			vals = append(vals, 0)
		}
	}
	if len(syms) == 0 || len(syms) > 254 {
		return fmt.Errorf("pattern %q: bad length", p)
	}
	n := 0
	for _, s := range syms {
		next, ok := b.kids[n][s]
		if !ok {
			next = len(b.kids)
			b.kids = append(b.kids, map[uint8]int{})
			b.vals = append(b.vals, nil)
			b.kids[n][s] = next
		}
		n = next
	}
	if b.vals[n] != nil {
		return fmt.Errorf("pattern %q: given twice", p)
	}
	// Trailing zeros raise nothing; dropping them keeps vals short.
	for len(vals) > 0 && vals[len(vals)-1] == 0 {
		vals = vals[:len(vals)-1]
	}
	if len(vals) == 0 {
		return fmt.Errorf("pattern %q: no digit", p)
	}
	b.vals[n] = vals
	b.depth = max(b.depth, len(syms))
	return nil
}

func (b *builder) build() *trie {
	t := &trie{nodes: make([]node, len(b.kids)), depth: b.depth}
	for i, kids := range b.kids {
		nd := &t.nodes[i]
		if len(kids) >= minDense {
			var row [nSym]uint32
			for s, to := range kids {
				row[s] = uint32(to)
			}
			nd.first, nd.n = uint32(len(t.dense)), denseNode
			t.dense = append(t.dense, row)
		} else {
			nd.first = uint32(len(t.edges))
			for s := uint8(0); s < nSym; s++ {
				if to, ok := kids[s]; ok {
					t.edges = append(t.edges, edge{sym: s, to: uint32(to)})
					nd.n++
				}
			}
		}
		if v := b.vals[i]; v != nil {
			nd.val = uint32(len(t.vals))
			nd.nval = uint8(len(v))
			t.vals = append(t.vals, v...)
		}
	}
	return t
}
