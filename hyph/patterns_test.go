package hyph

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
)

// TestPatterns: the embedded file is the unmodified hyph-sv.tex that
// NOTICE describes (NOTICE's account of our use under the LPPL rests on
// the file being unchanged and keeping its name), all of its patterns are
// read, and the minimums the code uses are the ones its header gives for
// typesetting.
func TestPatterns(t *testing.T) {
	sum := sha256.Sum256([]byte(svTeX))
	if got, want := hex.EncodeToString(sum[:]), "102253382bd91cdb7535de5c20744254c9ac9aaa4ca12ed420eb835e5004c0b3"; got != want {
		t.Errorf("hyph-sv.tex has SHA-256 %s, NOTICE says %s: update NOTICE and the package doc with the file", got, want)
	}
	for _, s := range []string{
		"% copyright: Copyright (C) 1994 Jan Michael Rynning\n",
		"% version: 1994-03-03\n",
		"%     name: LPPL\n%     version: 1.2\n%     or_later: true\n",
		// The typesetting hyphenmins, which svLeft and svRight copy.
		"%     typesetting:\n%         left: 2\n%         right: 2\n",
	} {
		if !strings.Contains(svTeX, s) {
			t.Errorf("hyph-sv.tex header lacks %q: check the licence and minimums in doc.go, NOTICE and hyph.go", s)
		}
	}
	if svLeft != 2 || svRight != 2 {
		t.Errorf("hyphenmins %d/%d, the header says 2/2", svLeft, svRight)
	}

	tr, err := parseTeX(svTeX)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, nd := range tr.nodes {
		if nd.nval > 0 {
			n++
		}
	}
	// hyph-sv.pat.txt, the project's plain list of the same patterns, has
	// 4693 lines.
	if n != 4693 {
		t.Errorf("read %d patterns, want 4693", n)
	}
	// doc.go promises linear time because no pattern is longer than this.
	if tr.depth > 8 {
		t.Errorf("longest pattern has %d symbols; doc.go says 8", tr.depth)
	}
}

func TestParseTeX(t *testing.T) {
	for _, c := range []struct{ name, src, err string }{
		{"ok", "% c\n\\patterns{\n.a4b\n1ba\n}\n", ""},
		{"exceptions", "\\patterns{\na1b\n}\n\\hyphenation{\nab-ba\n}\n", "unexpected"},
		{"unclosed", "\\patterns{\na1b\n", "no complete"},
		{"none", "% nothing\n", "no complete"},
		{"two digits", "\\patterns{\na12b\n}\n", "two digits"},
		{"no digit", "\\patterns{\nab\n}\n", "no digit"},
		{"capital", "\\patterns{\nA1b\n}\n", "not in the alphabet"},
		{"foreign", "\\patterns{\nß1b\n}\n", "not in the alphabet"},
		{"twice", "\\patterns{\na1b\na2b\n}\n", "given twice"},
	} {
		_, err := parseTeX(c.src)
		switch {
		case c.err == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("%s: error %v, want one with %q", c.name, err, c.err)
		}
	}
}

// TestLiang: the algorithm on patterns small enough to follow by hand.
func TestLiang(t *testing.T) {
	tr, err := parseTeX("\\patterns{\n1ba\nb2b\na1b\n.a2\n}\n")
	if err != nil {
		t.Fatal(err)
	}
	h := &Hyphenator{t: tr, left: 1, right: 1}
	for _, c := range []struct{ word, want string }{
		// 1ba and a1b both put 1 before the b of "ab": odd, a break.
		{"aabaa", "aa·baa"},
		// b2b outvotes 1ba between the two b: even, no break there.
		{"aabbaa", "aa·bbaa"},
		// .a2 outvotes a1b at the start of the word only.
		{"abaab", "abaa·b"},
	} {
		if got := mark(c.word, h.Points(c.word)); got != c.want {
			t.Errorf("Points(%q) = %s, want %s", c.word, got, c.want)
		}
	}
}
