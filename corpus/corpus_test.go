package corpus_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"spur/corpus"
	"spur/grade"
	"spur/input"
)

// TestGeneratedFilesValidate loads every generated file as spur does and
// accepts no error and no warning: a benchmark or load test on files spur
// would refuse measures nothing.
func TestGeneratedFilesValidate(t *testing.T) {
	dir := t.TempDir()
	paths, err := corpus.Generate(dir, 300, 7)
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 300 {
		t.Fatalf("%d files, want 300", len(paths))
	}
	seen := map[string]int{}
	count := func(k string) { seen[k]++ }
	for _, p := range paths {
		in, err := input.File(p, grade.DefaultPolicy())
		if err != nil {
			t.Fatal(err)
		}
		if len(in.Diags) > 0 {
			t.Fatalf("%s:\n%s", p, in.Diags)
		}
		// The variety the build and the index must cope with.
		count("catalog " + in.Catalog)
		count("status " + string(in.Status))
		count("specialty " + in.Unit.Specialty)
		count("region " + in.Unit.Region)
		if in.ActionPlan != nil {
			count("plan")
		}
		for _, a := range in.Grades.Areas {
			count("grade " + string(a.Final))
			if a.Override != "" {
				count("override")
			}
			if a.Adjusted != "" {
				count("adjusted")
			}
			if a.Decision == "not_accepted" {
				count("not accepted")
			}
		}
		if rel, _ := filepath.Rel(dir, p); !strings.HasPrefix(rel, in.Visit.String()[:4]+string(filepath.Separator)) {
			t.Errorf("%s is not in the folder of its visit year %s", rel, in.Visit)
		}
	}
	for _, k := range []string{"catalog 2023", "catalog 2025", "status preliminary", "status final", "plan",
		"grade A", "grade B", "grade C", "grade D", "override", "adjusted", "not accepted"} {
		if seen[k] == 0 {
			t.Errorf("no generated inspection has %s", k)
		}
	}
	var specialties, regions int
	for k := range seen {
		specialties += btoi(strings.HasPrefix(k, "specialty "))
		regions += btoi(strings.HasPrefix(k, "region "))
	}
	if specialties < 10 || regions < 15 {
		t.Errorf("%d specialties and %d regions in 300 inspections; want a spread", specialties, regions)
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestSeedRepeats: the same seed gives the same files, a longer run starts
// with the files of a shorter one, and another seed gives others.
func TestSeedRepeats(t *testing.T) {
	read := func(n int, seed int64) map[string][]byte {
		dir := t.TempDir()
		paths, err := corpus.Generate(dir, n, seed)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string][]byte{}
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			rel, _ := filepath.Rel(dir, p)
			out[rel] = b
		}
		return out
	}
	a, b, long, other := read(20, 3), read(20, 3), read(40, 3), read(20, 4)
	if len(a) != 20 || len(long) != 40 {
		t.Fatalf("%d and %d files, want 20 and 40", len(a), len(long))
	}
	for name, data := range a {
		if !bytes.Equal(b[name], data) {
			t.Errorf("%s differs between two runs with seed 3", name)
		}
		if !bytes.Equal(long[name], data) {
			t.Errorf("%s differs between runs of 20 and 40 files", name)
		}
		if _, same := other[name]; same {
			t.Errorf("%s is generated with seeds 3 and 4", name)
		}
	}
}
