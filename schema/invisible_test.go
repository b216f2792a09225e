package schema

import (
	"fmt"
	"strings"
	"testing"
)

// TestInvisibleCharacters: a text with a character a reviewer cannot see
// gets a warning at the text, and the file stays usable.
func TestInvisibleCharacters(t *testing.T) {
	const (
		rlo = "invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) in the text; it can disguise what the text says; it is shown as [U+202E] in the documents"
		zws = "invisible character U+200B (ZERO WIDTH SPACE) in the text; it can disguise what the text says; it is removed from the documents"
	)
	name := func(s string) string { return strings.Replace(minimal, "Testklinikens vårdcentral", s, 1) }
	comments := func(n int) string {
		var b strings.Builder
		b.WriteString("  E:\n    met: all\n    comments:\n")
		for i := 1; i <= n; i++ {
			fmt.Fprintf(&b, "      E%d: \"Se\\u200bbilaga\"\n", i)
		}
		return withArea("E", b.String())
	}
	tests := []struct {
		name string
		src  string
		want []string // the whole output, in order
	}{
		{name: "right-to-left override", src: name("Klinik \u202eexe.fdp"),
			want: []string{"x.yaml:4:9: warning: " + rlo}},
		{name: "written as an escape", src: name(`"Klinik \u202eexe.fdp"`),
			want: []string{"x.yaml:4:9: warning: " + rlo}},
		{name: "zero width space", src: name("Test\u200bklinik"),
			want: []string{"x.yaml:4:9: warning: " + zws}},
		{name: "byte order mark inside the text", src: name("Test\ufeffklinik"),
			want: []string{"x.yaml:4:9: warning: invisible character U+FEFF (ZERO WIDTH NO-BREAK SPACE) in the text; it can disguise what the text says; it is removed from the documents"}},
		{name: "isolate", src: name("a\u2066b\u2069c"),
			want: []string{"x.yaml:4:9: warning: invisible character U+2066 (LEFT-TO-RIGHT ISOLATE) in the text (and 1 more); it can disguise what the text says; it is shown as [U+2066] in the documents"}},
		{name: "in a narrative", src: withArea("E", "  E:\n    met: all\n    narrative: |\n      Rad ett\n      Rad\u2060två\n"),
			want: []string{"x.yaml:14:16: warning: invisible character U+2060 (WORD JOINER) in the text; it can disguise what the text says; it is removed from the documents"}},
		{name: "in a plan's date", src: withArea("C", "  C: {met: all, not_met: [C1]}\n") + "action_plan:\n  entries:\n    - {criterion: C1, due: \"2025-12-31\u200d\", action: x}\n",
			// The date does not read, and the warning says why.
			want: []string{
				"x.yaml:18:28: warning: cannot read \"2025-12-31\\u200d\" as a date; it is kept as written (write e.g. 2025-12-31, \"31 dec 2025\", \"om sex månader\" or \"genomförd\")",
				"x.yaml:18:28: warning: invisible character U+200D (ZERO WIDTH JOINER) in the text; it can disguise what the text says; it is removed from the documents",
			}},
		{name: "once for a text used through aliases", src: strings.Replace(minimal, "inspectors: [Karin Ek, Johan Sund]", "inspectors: [&k \"Karin\u202eEk\", *k, *k]", 1),
			want: []string{"x.yaml:6:14: warning: " + rlo}},
		{name: "a few, then a count", src: comments(8),
			want: []string{
				"x.yaml: warning: 3 more texts with invisible characters not listed",
				"x.yaml:15:11: warning: " + zws,
				"x.yaml:16:11: warning: " + zws,
				"x.yaml:17:11: warning: " + zws,
				"x.yaml:18:11: warning: " + zws,
				"x.yaml:19:11: warning: " + zws,
			}},
		{name: "byte order mark at the start", src: "\ufeff" + minimal},
		{name: "right-to-left text is no problem", src: name("שלום עולם")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			insp, diags := load(t, tc.src)
			want := strings.Join(tc.want, "\n")
			if want != "" {
				want += "\n"
			}
			if got := diags.String(); got != want {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
			if insp == nil || diags.HasErrors() {
				t.Errorf("an invisible character made the file unusable")
			}
		})
	}
}

func TestInvisible(t *testing.T) {
	for _, tc := range []struct {
		r        rune
		name     string
		bidi, ok bool
	}{
		{0x202E, "RIGHT-TO-LEFT OVERRIDE", true, true},
		{0x200B, "ZERO WIDTH SPACE", false, true},
		{0x200F, "", false, false}, // a right-to-left mark is not among them
		{'a', "", false, false},
	} {
		name, bidi, ok := Invisible(tc.r)
		if name != tc.name || bidi != tc.bidi || ok != tc.ok {
			t.Errorf("Invisible(%U) = %q, %t, %t", tc.r, name, bidi, ok)
		}
	}
}
