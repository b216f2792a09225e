package report

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestVisible(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain text unchanged", "Almaklinikens vårdcentral – ST-läkare", "Almaklinikens vårdcentral – ST-läkare"},
		{"markdown unchanged", "- **fet** och `kod`\n\n1. [länk](https://x.se)\t", "- **fet** och `kod`\n\n1. [länk](https://x.se)\t"},
		{"right-to-left letters kept", "שלום مرحبا", "שלום مرحبا"},
		{"no-break spaces kept", "10\u00a0%\u202f!", "10\u00a0%\u202f!"},
		{"RLO and PDF marked", "abc\u202edcba\u202c", "abc[U+202E]dcba[U+202C]"},
		{"embeddings and LRO", "\u202a\u202b\u202d", "[U+202A][U+202B][U+202D]"},
		{"isolates marked", "a\u2066b\u2067c\u2068d\u2069", "a[U+2066]b[U+2067]c[U+2068]d[U+2069]"},
		{"marks marked", "\u200e\u200f\u061c", "[U+200E][U+200F][U+061C]"},
		{"zero-width space in a word", "öron\u200bmikroskop", "öronmikroskop"},
		{"joiners removed", "a\u200cb\u200dc\u2060d", "abcd"},
		{"byte-order marks removed", "\ufeffText\ufeff", "Text"},
		{"soft hyphen removed", "handlednings\u00adplan", "handledningsplan"},
		{"tag characters removed", "ok\U000E0041\U000E007F", "ok"},
		{"variation selectors removed", "\u2764\ufe0f x\U000E0100", "\u2764 x"},
		{"ESC sequence loses its ESC", "\x1b[31mröd\x1b[0m", "[31mröd[0m"},
		{"C0 and C1 controls removed", "a\x00b\x07c\x7fd\u0080e\u009ff", "abcdef"},
		{"line ends become \\n", "a\r\nb\rc\vd\fe\u0085f\u2028g\u2029h", "a\nb\nc\nd\ne\nf\ng\nh"},
		{"tab kept", "a\tb", "a\tb"},
		{"invalid UTF-8", "a\xffb\xc3", "a\uFFFDb\uFFFD"},
		{"marker text is kept as written", "[U+202E]", "[U+202E]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Visible(tc.in)
			if got != tc.want {
				t.Errorf("Visible(%+q) = %+q, want %+q", tc.in, got, tc.want)
			}
			if again := Visible(got); again != got {
				t.Errorf("not idempotent: %+q, then %+q", got, again)
			}
		})
	}
}

// hidden reports the code points no user text may bring into a document:
// bidirectional controls and marks, zero-width and other invisible format
// characters, and control characters other than "\n" and "\t".
func hidden(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	case r >= 0x200b && r <= 0x200d, r == 0x2060, r == 0xfeff, r == 0x00ad:
		return true
	}
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
}

func FuzzVisible(f *testing.F) {
	for _, s := range []string{"", "abc", "a\u202eb", "\r\n\r", "\xff\u200b\x1b", "[U+202E]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Visible(s)
		if !utf8.ValidString(got) {
			t.Fatalf("Visible(%+q) = %+q: invalid UTF-8", s, got)
		}
		if i := strings.IndexFunc(got, hidden); i >= 0 {
			t.Fatalf("Visible(%+q) = %+q: keeps %U", s, got, []rune(got[i:])[0])
		}
		if Visible(got) != got {
			t.Fatalf("Visible(%+q) not idempotent", s)
		}
	})
}

func ExampleVisible() {
	fmt.Println(Visible("Alma\u202eneknilk\u202c vård\u200bcentral\x1b[31m"))
	// Output: Alma[U+202E]neknilk[U+202C] vårdcentral[31m
}
