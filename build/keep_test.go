package build_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"spur/build"
	"spur/corpus"
	"spur/grade"
	"spur/input"
	"spur/render/markdown"
	"spur/render/pdf"
	"spur/report"
	"spur/report/compose"
)

// TestBuildRendersWhatReportRenders: the documents a build writes are
// those rendered from the file loaded on its own, as spur report loads it,
// byte for byte; the build keeps what its first pass loaded for the second
// (keep.go), and what it kept must render the same. Two visits of one
// unit are among the inputs, the later compared with the earlier.
func TestBuildRendersWhatReportRenders(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	paths, err := corpus.GenerateWith(in, 12, 7, corpus.Options{Revisits: true, FollowUps: true})
	if err != nil {
		t.Fatal(err)
	}
	sum, _ := run(t, build.Options{Dir: in, Out: out, Formats: "pdf,md", Jobs: 4})
	if !sum.OK() || sum.Built != len(paths) {
		t.Fatalf("built %d of %d: %+v", sum.Built, len(paths), sum.Problems)
	}
	md, err := markdown.New("")
	if err != nil {
		t.Fatal(err)
	}
	compared := 0
	for _, p := range paths {
		loaded, err := input.File(p, grade.DefaultPolicy())
		if err != nil || !loaded.OK() {
			t.Fatalf("%s: %v %v", p, err, loaded.Diags)
		}
		v := compose.Report(loaded.Inspection, loaded.Grades, report.Options{})
		if prev, _ := previousVisit(t, paths, loaded); prev != nil {
			compose.Compare(v, loaded.Inspection, loaded.Grades, prev.Inspection, prev.Grades)
			compared++
		}
		rel, _ := filepath.Rel(in, filepath.Dir(p))
		var want bytes.Buffer
		if _, err := pdf.Report(&want, v); err != nil {
			t.Fatal(err)
		}
		sameFile(t, filepath.Join(out, rel, v.Slug+".pdf"), want.Bytes())
		want.Reset()
		if err := md.Report(&want, v); err != nil {
			t.Fatal(err)
		}
		sameFile(t, filepath.Join(out, rel, v.Slug+".md"), want.Bytes())
	}
	if compared == 0 {
		t.Fatal("no input has a previous visit; the test compares none")
	}
}

// previousVisit is the latest earlier visit of loaded's unit among paths.
func previousVisit(t *testing.T, paths []string, loaded *input.Inspection) (*input.Inspection, string) {
	t.Helper()
	var best *input.Inspection
	var bestPath string
	for _, p := range paths {
		o, err := input.File(p, grade.DefaultPolicy())
		if err != nil || !o.OK() {
			t.Fatal(err)
		}
		if o.Unit.Identity() != loaded.Unit.Identity() || !o.Visit.Time().Before(loaded.Visit.Time()) {
			continue
		}
		if best == nil || o.Visit.Time().After(best.Visit.Time()) {
			best, bestPath = o, p
		}
	}
	return best, bestPath
}

func sameFile(t *testing.T, path string, want []byte) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is not what the inspection renders to on its own (%d bytes, want %d)", path, len(got), len(want))
	}
}

// TestEditBetweenThePasses: an input edited after the first pass loaded
// it is rendered as it is now, not as the first pass kept it; one that no
// longer loads fails, named, and its documents are not written.
func TestEditBetweenThePasses(t *testing.T) {
	t.Run("edited", func(t *testing.T) {
		in, out := t.TempDir(), t.TempDir()
		p := copyFixture(t, in, "2025/alma.yaml")
		defer build.BetweenPasses(func() {
			copyFixture(t, in, "2025/alma.yaml", "Fina stora lokaler och ändamålsenliga rum", "Nya lokaler sedan mars")
		})()
		sum, _ := run(t, build.Options{Dir: in, Out: out, Formats: "md"})
		if !sum.OK() {
			t.Fatalf("%+v", sum.Problems)
		}
		got, err := os.ReadFile(filepath.Join(out, "2025", slug+".md"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(got), "Nya lokaler sedan mars") || strings.Contains(string(got), "Fina stora lokaler och ändamålsenliga rum") {
			t.Errorf("the report of %s is not of the file as it was edited between the passes", p)
		}
	})
	t.Run("broken", func(t *testing.T) {
		in, out := t.TempDir(), t.TempDir()
		p := copyFixture(t, in, "2025/alma.yaml")
		defer build.BetweenPasses(func() {
			copyFixture(t, in, "2025/alma.yaml", "catalog:", "catalog: [")
		})()
		sum, log := run(t, build.Options{Dir: in, Out: out, Formats: "md"})
		if sum.OK() || len(sum.Failed) != 1 || sum.Failed[0] != p {
			t.Fatalf("failed %v, want %s", sum.Failed, p)
		}
		if !strings.Contains(log, "changed during the build") {
			t.Errorf("the log does not say the file changed during the build:\n%s", log)
		}
		if _, err := os.Stat(filepath.Join(out, "2025", slug+".md")); err == nil {
			t.Error("the report of an input broken between the passes was written")
		}
	})
}
