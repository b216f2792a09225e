package build_test

import (
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"spur/build"
	"spur/corpus"
	"spur/grade"
	"spur/input"
	"spur/report"
)

// loadSize is the number of generated inspections of the load test: five
// years of SPUR inspections.
const loadSize = 1000

// TestLoad is the load test of the issue: a build of 1,000 generated
// inspections with a few broken ones among them gives exactly the expected
// documents and errors, and an overview that keeps the broken inputs' rows,
// marked as failing; once they go, a second build writes the overview
// alone; the check then passes; after one input changes, the check names
// exactly that report.
//
// Under the race detector it builds the Markdown documents only: the PDF
// engine (fpdf: font subsetting and zlib, instrumented) then costs some
// 290 ms per inspection on one core, and the four passes would take some
// ten minutes instead of one. What the race detector is for, the workers,
// the shared summary and renderers, the interrupt, is the same for both
// formats, and the other tests of this package build PDFs in parallel
// under it. make test runs this test a second time without the race
// detector, with both formats.
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("the load test builds 1,000 inspections four times")
	}
	formats, endings := "", []string{".html", ".md", ".pdf"}
	if raceDetector {
		formats, endings = "md", []string{".md"}
		t.Log("under -race: Markdown only")
	}
	start := time.Now()
	in, out := t.TempDir(), t.TempDir()
	paths, err := corpus.Generate(in, loadSize, 1000)
	if err != nil {
		t.Fatal(err)
	}

	// The broken inputs, and a word of the message each must give.
	broken := map[string]string{}
	edit := func(p, old, new, msg string) {
		data, err := os.ReadFile(p)
		if err != nil || !strings.Contains(string(data), old) {
			t.Fatalf("%s: %v, or no %q", p, err, old)
		}
		os.WriteFile(p, []byte(strings.Replace(string(data), old, new, 1)), 0o644)
		broken[p] = msg
	}
	edit(paths[100], "\nstatus: ", "\nstatus: finished\nx: ", `unknown key "x"`)
	edit(paths[200], "catalog: \"20", "catalog: \"19", "unknown catalogue version")
	edit(paths[300], "\nunit:\n", "\nunit: [\n", "") // a YAML syntax error
	twin := filepath.Join(filepath.Dir(paths[400]), "twin.yaml")
	data, _ := os.ReadFile(paths[400])
	os.WriteFile(twin, data, 0o644)
	broken[paths[400]], broken[twin] = "as does "+twin, "as does "+paths[400]
	garbage := filepath.Join(in, "2023", "inspection.xlsx")
	os.WriteFile(garbage, []byte("PK\x03\x04 not really a workbook"), 0o644)
	broken[garbage] = "workbook"

	// What the build must write: every good input's documents, and the
	// overview.
	var want []string
	for _, e := range endings {
		want = append(want, "index"+e)
	}
	var changed string // a report the test changes later
	for i, p := range paths {
		if _, bad := broken[p]; bad {
			continue
		}
		in, err := input.File(p, grade.DefaultPolicy())
		if err != nil || !in.OK() {
			t.Fatalf("%s: %v %s", p, err, in.Diags)
		}
		dir := filepath.Base(filepath.Dir(p))
		s := report.Slug(in.Unit.Name, in.Visit.String())
		for _, e := range endings {
			want = append(want, path.Join(dir, s+e))
			if in.ActionPlan != nil {
				want = append(want, path.Join(dir, s+"-handlingsplan"+e))
			}
		}
		if i == 500 {
			changed = filepath.Join(out, dir, s)
		}
	}
	slices.Sort(want)
	var failed []string
	for p := range broken {
		failed = append(failed, p)
	}
	slices.Sort(failed)
	t.Logf("%d inputs, %d documents expected (generated in %v)", len(paths)+2, len(want), time.Since(start).Round(time.Millisecond))

	step := time.Now()
	sum, log := run(t, build.Options{Dir: in, Out: out, Formats: formats})
	t.Logf("build: %v", time.Since(step).Round(time.Millisecond))
	if sum.Inputs != loadSize+2 || sum.Built != loadSize-4 || !slices.Equal(sum.Failed, failed) {
		t.Fatalf("%d inputs, %d built, failed %v; want %d, %d, %v", sum.Inputs, sum.Built, sum.Failed, loadSize+2, loadSize-4, failed)
	}
	if got := files(t, out); !slices.Equal(got, want) {
		t.Fatalf("%d files written, want %d; first difference: %v", len(got), len(want), firstDiff(got, want))
	}
	for p, msg := range broken {
		if !strings.Contains(log, p+":") || !strings.Contains(log, msg) {
			t.Errorf("the log has no error for %s with %q", p, msg)
		}
	}
	for _, p := range sum.Problems {
		if _, bad := broken[p.File]; !bad {
			t.Errorf("a problem with a good input: %s", p)
		}
	}

	// The overview keeps a row for each broken input, marked as failing.
	index, err := os.ReadFile(filepath.Join(out, "index.md"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(index), "| Underlaget har fel |"); n != len(broken) {
		t.Errorf("the overview marks %d rows as failing, want %d", n, len(broken))
	}

	// Mend the repository: the broken inputs go. The second build then
	// writes the overview alone.
	for p := range broken {
		os.Remove(p)
	}
	var indexes []string
	for _, e := range endings {
		indexes = append(indexes, filepath.Join(out, "index"+e))
	}
	step = time.Now()
	sum, _ = run(t, build.Options{Dir: in, Out: out, Formats: formats})
	t.Logf("second build: %v", time.Since(step).Round(time.Millisecond))
	if !slices.Equal(sum.Written, indexes) || sum.Unchanged != len(want)-len(indexes) {
		t.Errorf("the second build wrote %v, left %d unchanged; want %v and %d", sum.Written, sum.Unchanged, indexes, len(want)-len(indexes))
	}

	step = time.Now()
	sum, _ = run(t, build.Options{Dir: in, Out: out, Formats: formats, Check: true})
	t.Logf("check: %v", time.Since(step).Round(time.Millisecond))
	if !sum.OK() || sum.Unchanged != len(want) {
		t.Errorf("check: stale %v, missing %v, unexpected %v, failed %v", sum.Stale, sum.Missing, sum.Unexpected, sum.Failed)
	}

	edit(paths[500], "\n  strengths:\n", "\n  strengths:\n    - En ny styrka\n", "")
	step = time.Now()
	sum, _ = run(t, build.Options{Dir: in, Out: out, Formats: formats, Check: true})
	t.Logf("check after a change: %v", time.Since(step).Round(time.Millisecond))
	var stale []string
	for _, e := range endings {
		stale = append(stale, changed+e)
	}
	if sum.OK() || !slices.Equal(sum.Stale, stale) ||
		len(sum.Missing)+len(sum.Unexpected)+len(sum.Failed) != 0 {
		t.Errorf("check after a change: stale %v, missing %v, unexpected %v; want stale %v", sum.Stale, sum.Missing, sum.Unexpected, stale)
	}
	t.Logf("load test: %v", time.Since(start).Round(time.Millisecond))
}

func firstDiff(got, want []string) string {
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			return "got " + got[i] + ", want " + want[i]
		}
	}
	return "one list is longer"
}
