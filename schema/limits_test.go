package schema

import (
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// allocated returns the bytes f allocates, collected or not: a guard on
// what a hostile file can make the loader build, whatever it keeps.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// withSummary puts a summary (lines 6 on) before the inspectors of minimal.
func withSummary(summary string) string {
	return strings.Replace(minimal, "inspectors:", "summary:\n"+summary+"inspectors:", 1)
}

// TestAliasTextBombRefused: 2,000 aliases to a 1 MB text are 2 GB of text
// in every report, from a 1 MB file. The loader must refuse the file at the
// alias that passes MaxText, without making the copies itself.
func TestAliasTextBombRefused(t *testing.T) {
	big := strings.Repeat("x", 1<<20)
	tests := []struct {
		name string
		src  string
		want string
	}{
		{
			name: "aliases to a text",
			src:  withSummary("  strengths:\n    - &a " + big + "\n" + strings.Repeat("    - *a\n", 2000)),
			// The anchor is on line 8; with the anchor's own MiB and the
			// file's few bytes, the 15th alias (line 23) passes 16 MiB.
			want: "x.yaml:23:7: the text expands to more than 16 MiB, 15 MiB of it copies made by aliases (such as *a); refusing to read further",
		},
		{
			name: "aliases to a plan entry holding a text",
			src: withArea("C", "  C: {met: all, not_met: [C1]}\n") + "action_plan:\n  entries:\n" +
				"    - &e {criterion: C1, action: " + big + "}\n" + strings.Repeat("    - *e\n", 2000),
			// Named at the alias used (line 33, the 15th), not at the
			// text inside the entry it repeats.
			want: "x.yaml:33:7: the text expands to more than 16 MiB, 15 MiB of it copies made by aliases (such as *e); refusing to read further",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if len(tc.src) > 2<<20 {
				t.Fatalf("the file is %d bytes; the point is a small file", len(tc.src))
			}
			var insp *Inspection
			var diags Diagnostics
			n := allocated(func() { insp, diags = load(t, tc.src) })
			if insp != nil {
				t.Errorf("an inspection was returned for a refused file")
			}
			if got := diags.String(); got != tc.want+"\n" {
				t.Errorf("diagnostics:\n%.1000s\nwant:\n%s", got, tc.want)
			}
			if n > 100<<20 {
				t.Errorf("loading allocated %d MB; the budget should stop it near the file's size", n>>20)
			}
		})
	}
}

// TestAliasesWithinBudget: text used through aliases is fine below MaxText.
func TestAliasesWithinBudget(t *testing.T) {
	src := withSummary("  strengths:\n    - &a " + strings.Repeat("x", 1<<20) + "\n" + strings.Repeat("    - *a\n", 10))
	insp, diags := load(t, src)
	if diags.HasErrors() || len(insp.Summary.Strengths) != 11 {
		t.Fatalf("got %d strengths, diagnostics:\n%.500s", len(insp.Summary.Strengths), diags)
	}
}

// TestManyPlainValues: a file of a million plain ids has no aliases, and its
// message must not blame them.
func TestManyPlainValues(t *testing.T) {
	src := withArea("C", "  C: {met: all, not_met: ["+strings.Repeat("C1,", 1_000_000)+"C1]}\n")
	if len(src) > MaxInputSize {
		t.Fatalf("the file is %d bytes, over MaxInputSize", len(src))
	}
	insp, diags := load(t, src)
	if insp != nil || len(diags) != 1 {
		t.Fatalf("got an inspection %t, diagnostics:\n%.1000s", insp != nil, diags)
	}
	got := diags[0].String()
	want := "the file has more than 200000 values, far more than an inspection has; refusing to read further"
	if !strings.HasPrefix(got, "x.yaml:10:") || !strings.HasSuffix(got, ": "+want) {
		t.Errorf("got  %s\nwant x.yaml:10:<col>: %s", got, want)
	}
	if strings.Contains(got, "alias") {
		t.Errorf("a file without aliases is said to have them: %s", got)
	}
}

// TestLongValuesClipped: a message quotes at most MaxEcho characters of a
// value, however long, and still says where it is.
func TestLongValuesClipped(t *testing.T) {
	big := strings.Repeat("k", 1<<20)
	tests := []struct {
		name string
		src  string
		pos  string // the start of the diagnostic
	}{
		{name: "status", src: strings.Replace(minimal, "preliminary", big, 1), pos: "x.yaml:2:9: status \"kkk"},
		{name: "unknown key", src: strings.Replace(minimal, "status: preliminary", "? "+big+"\n: preliminary", 1), pos: "x.yaml:2:3: unknown key \"kkk"},
		{name: "duplicate key", src: "? " + big + "\n: 1\n? " + big + "\n: 2\n", pos: "x.yaml:3:3: duplicate key \"kkk"},
		{name: "catalogue", src: strings.Replace(minimal, `"2025"`, big, 1), pos: "x.yaml:1:10: unknown catalogue version \"kkk"},
		{name: "grade", src: withArea("B", "  B: {met: all, override: {grade: "+big+", reason: Kalibrering}}\n"), pos: "x.yaml:9:35: grade \"kkk"},
		{name: "criterion", src: withArea("E", "  E: {met: all, not_met: ["+big+"]}\n"), pos: "x.yaml:12:27: unknown criterion \"kkk"},
		{name: "plan criterion", src: minimal + "action_plan:\n  entries:\n    - criterion: " + big + "\n", pos: "x.yaml:18:18: unknown criterion \"kkk"},
		{name: "plan date", src: withArea("C", "  C: {met: all, not_met: [C1]}\n") + "action_plan:\n  entries:\n    - {criterion: C1, due: " + big + "}\n", pos: "x.yaml:18:28: warning: cannot read \"kkk"},
		{name: "visit", src: strings.Replace(minimal, "2025-02-11", big, 1), pos: "x.yaml:5:8: \"kkk"},
		{name: "found the value", src: strings.Replace(minimal, "[Karin Ek, Johan Sund]", big, 1), pos: "x.yaml:6:13: expected a list"},
		{name: "not an inspection", src: big + "\n", pos: "x.yaml:1:1: expected an inspection"},
		{name: "anchor name", src: "a: *" + big + "\n", pos: "x.yaml: not valid YAML: unknown anchor 'kkk"},
		{name: "area key", src: minimal + "  ? " + big + "\n  : {not_met: [E1]}\n", pos: "x.yaml:16:5: key \"kkk"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, diags := load(t, tc.src)
			var d *Diagnostic
			for i := range diags {
				if strings.HasPrefix(diags[i].String(), tc.pos) {
					d = &diags[i]
				}
			}
			if d == nil {
				t.Fatalf("no diagnostic starting %s; got:\n%.2000s", tc.pos, diags)
			}
			if len(d.Message) > 400 || !strings.Contains(d.Message, "characters in all") {
				t.Errorf("message of %d bytes: %.600s", len(d.Message), d.Message)
			}
		})
	}
}

// TestLongMapKeyRefused: a long key of areas or comments is refused before
// each value under it copies it into its path (1 MB for each of the ids
// under it).
func TestLongMapKeyRefused(t *testing.T) {
	src := minimal + "  ? " + strings.Repeat("k", 1<<20) + "\n  : {not_met: [" + strings.Repeat("E1, ", 200) + "E1]}\n"
	var diags Diagnostics
	n := allocated(func() { _, diags = load(t, src) })
	want := "x.yaml:16:5: key \"" + strings.Repeat("k", MaxEcho) + "… (1048576 characters in all)\" is too long for an area letter or a criterion id\n"
	if got := diags.String(); got != want {
		t.Errorf("diagnostics:\n%.1000s\nwant:\n%s", got, want)
	}
	if n > 100<<20 {
		t.Errorf("loading allocated %d MB", n>>20)
	}
}

// TestSuggestionBounded: a did-you-mean costs nothing for a key too long to
// be a slip, instead of an edit distance against every known key.
func TestSuggestionBounded(t *testing.T) {
	big := strings.Repeat("statu", 200_000)
	keys := keysOf(reflect.TypeOf(Inspection{}))
	allocs := testing.AllocsPerRun(3, func() {
		if s := didYouMean(big, keys); s != "" {
			t.Errorf("suggested %q", s)
		}
	})
	if allocs > 0 {
		t.Errorf("%v allocations for a suggestion on a 1 MB key", allocs)
	}
	if got := didYouMean("stauts", []string{"status", "unit"}); got != "; did you mean status?" {
		t.Errorf("short slip: %q", got)
	}
}
