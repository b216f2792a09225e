package build_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"spur/build"
	"spur/grade"
)

const slug = "almaklinikens-vardcentral-2025-02-11"

// run builds dir into out and fails the test when the build cannot run.
func run(t *testing.T, opt build.Options) (*build.Summary, string) {
	t.Helper()
	var log bytes.Buffer
	opt.Log = &log
	opt.Policy = grade.DefaultPolicy()
	if opt.Jobs == 0 {
		opt.Jobs = 2
	}
	sum, err := build.Run(context.Background(), opt)
	if err != nil {
		t.Fatalf("build: %v\n%s", err, log.String())
	}
	return sum, log.String()
}

// copyFixture writes the seed fixture to dir/rel, edited by the pairs of
// old and new texts given.
func copyFixture(t *testing.T, dir, rel string, edits ...string) string {
	t.Helper()
	src, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	s := string(src)
	for i := 0; i+1 < len(edits); i += 2 {
		if !strings.Contains(s, edits[i]) {
			t.Fatalf("the fixture has no %q", edits[i])
		}
		s = strings.Replace(s, edits[i], edits[i+1], 1)
	}
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// files lists every file under dir, relative and slash-separated.
func files(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	return out
}

// TestDoneWhen is the acceptance: build the fixtures, check them,
// and see the check fail, naming the report, after the input changes.
func TestDoneWhen(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	p := copyFixture(t, in, "2025/alma.yaml")

	sum, _ := run(t, build.Options{Dir: in, Out: out})
	want := []string{"2025/" + slug + "-handlingsplan.html", "2025/" + slug + "-handlingsplan.md", "2025/" + slug + "-handlingsplan.pdf",
		"2025/" + slug + ".html", "2025/" + slug + ".md", "2025/" + slug + ".pdf", "index.html", "index.md", "index.pdf"}
	if got := files(t, out); !slices.Equal(got, want) {
		t.Fatalf("files %v, want %v", got, want)
	}
	if !sum.OK() || sum.Built != 1 || len(sum.Written) != 9 {
		t.Fatalf("summary %+v", sum)
	}

	sum, _ = run(t, build.Options{Dir: in, Out: out, Check: true})
	if !sum.OK() || sum.Unchanged != 9 {
		t.Fatalf("check after build: %+v", sum)
	}

	copyFixture(t, in, "2025/alma.yaml", "Fina stora lokaler och ändamålsenliga rum", "Stora ljusa lokaler och ändamålsenliga rum")
	sum, _ = run(t, build.Options{Dir: in, Out: out, Check: true})
	stale := []string{filepath.Join(out, "2025", slug+".html"), filepath.Join(out, "2025", slug+".md"), filepath.Join(out, "2025", slug+".pdf")}
	if sum.OK() || !slices.Equal(sum.Stale, stale) || len(sum.Missing)+len(sum.Unexpected) != 0 {
		t.Errorf("check after a narrative changed: stale %v missing %v unexpected %v, want stale %v",
			sum.Stale, sum.Missing, sum.Unexpected, stale)
	}
	if _, err := os.Stat(p); err != nil {
		t.Fatal(err)
	}
}

// TestSecondBuildWritesNothing: files that would not change keep their
// modification time, so make, rsync and git see nothing new.
func TestSecondBuildWritesNothing(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	copyFixture(t, in, "alma.yaml")
	run(t, build.Options{Dir: in, Out: out})
	before := map[string]int64{}
	for _, f := range files(t, out) {
		st, _ := os.Stat(filepath.Join(out, f))
		before[f] = st.ModTime().UnixNano()
	}
	sum, _ := run(t, build.Options{Dir: in, Out: out})
	if len(sum.Written) != 0 || sum.Unchanged != len(before) {
		t.Errorf("second build wrote %v, left %d unchanged of %d", sum.Written, sum.Unchanged, len(before))
	}
	for _, f := range files(t, out) {
		st, _ := os.Stat(filepath.Join(out, f))
		if st.ModTime().UnixNano() != before[f] {
			t.Errorf("%s was rewritten", f)
		}
	}
}

// TestBadInputsDoNotStopTheOthers: every good input is built, every error
// is printed with its place, and the build is not OK.
func TestBadInputsDoNotStopTheOthers(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	copyFixture(t, in, "a/good.yaml")
	bad := copyFixture(t, in, "b/bad.yml", "not_met: [C1]", "not_met: [C15]",
		"organisation: Almakliniken AB", "organisation: Almakliniken AB\n  manager: Eva")
	os.WriteFile(filepath.Join(in, "b", "broken.xlsx"), []byte("not a workbook"), 0o644)
	os.WriteFile(filepath.Join(in, "notes.txt"), []byte("not an inspection"), 0o644)

	sum, log := run(t, build.Options{Dir: in, Out: out})
	if sum.OK() || sum.Built != 1 || sum.Inputs != 3 {
		t.Fatalf("built %d of %d, OK %v", sum.Built, sum.Inputs, sum.OK())
	}
	wantFailed := []string{filepath.Join(in, "b", "bad.yml"), filepath.Join(in, "b", "broken.xlsx")}
	if !slices.Equal(sum.Failed, wantFailed) {
		t.Errorf("failed %v, want %v", sum.Failed, wantFailed)
	}
	for _, w := range []string{
		bad + ":", `unknown criterion "C15" in area C`, // with its line and column
		`unknown key "manager"`,
		filepath.Join(in, "b", "broken.xlsx") + ":",
	} {
		if !strings.Contains(log, w) {
			t.Errorf("the log lacks %q:\n%s", w, log)
		}
	}
	for _, p := range sum.Problems {
		if p.File == bad && p.Severity == "error" && (p.Line == 0 || p.Col == 0) {
			t.Errorf("no position: %s", p)
		}
	}
	if got := files(t, filepath.Join(out, "a")); len(got) != 6 {
		t.Errorf("the good input gave %v", got)
	}
	if _, err := os.Stat(filepath.Join(out, "b")); err == nil {
		t.Error("the bad inputs' folder was made in the output")
	}
}

// TestSameOutputTwice: two inputs that would write the same file are both
// refused, each naming the other; in different folders they are fine.
func TestSameOutputTwice(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	a := copyFixture(t, in, "2025/a.yaml")
	b := copyFixture(t, in, "2025/b.yaml")
	copyFixture(t, in, "2024/c.yaml")
	sum, log := run(t, build.Options{Dir: in, Out: out})
	if sum.Built != 1 || !slices.Equal(sum.Failed, []string{a, b}) {
		t.Fatalf("built %d, failed %v", sum.Built, sum.Failed)
	}
	for _, w := range []string{a + ": gives " + filepath.Join(out, "2025", slug+".pdf") + ", as does " + b,
		b + ": gives " + filepath.Join(out, "2025", slug+".pdf") + ", as does " + a} {
		if !strings.Contains(log, w) {
			t.Errorf("the log lacks %q:\n%s", w, log)
		}
	}
}

// TestUnexpectedFiles: the report of a removed inspection fails the check;
// files spur does not write, dot files and the inputs do not; --prune
// removes the report and nothing else.
func TestUnexpectedFiles(t *testing.T) {
	dir := t.TempDir()
	copyFixture(t, dir, "alma.yaml")
	run(t, build.Options{Dir: dir, Out: dir}) // the reports beside the inputs
	old := filepath.Join(dir, "old", "gamla-vardcentralen-2020-01-01.pdf")
	keep := []string{"README.md", ".gitkeep", "old/Notes.md", "old/logo.png", ".github/x.md"}
	for _, f := range append(keep, "old/gamla-vardcentralen-2020-01-01.pdf") {
		p := filepath.Join(dir, filepath.FromSlash(f))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("x"), 0o644)
	}
	sum, _ := run(t, build.Options{Dir: dir, Out: dir, Check: true})
	if sum.OK() || !slices.Equal(sum.Unexpected, []string{old}) || len(sum.Stale)+len(sum.Missing) != 0 {
		t.Fatalf("check: unexpected %v, stale %v, missing %v", sum.Unexpected, sum.Stale, sum.Missing)
	}
	sum, _ = run(t, build.Options{Dir: dir, Out: dir})
	if !sum.OK() || !slices.Equal(sum.Unexpected, []string{old}) {
		t.Errorf("a build without --prune: OK %v, unexpected %v", sum.OK(), sum.Unexpected)
	}
	sum, _ = run(t, build.Options{Dir: dir, Out: dir, Prune: true})
	if !slices.Equal(sum.Pruned, []string{old}) {
		t.Errorf("pruned %v", sum.Pruned)
	}
	for _, f := range append(keep, "alma.yaml") {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(f))); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	if sum, _ := run(t, build.Options{Dir: dir, Out: dir, Check: true}); !sum.OK() {
		t.Errorf("check after prune: %+v", sum)
	}
}

// TestPruneSparesFailedInputs: a mistyped input must not cost its
// committed documents: they are its, kept, not unexpected, and --prune
// leaves them; while it fails, --prune removes nothing at all, since a
// mistyped unit name may hide which documents are its.
func TestPruneSparesFailedInputs(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	alma := copyFixture(t, in, "alma.yaml")
	run(t, build.Options{Dir: in, Out: out})
	old := filepath.Join(out, "gamla-vardcentralen-2020-01-01.md")
	os.WriteFile(old, []byte("x"), 0o644)
	copyFixture(t, in, "alma.yaml", "status: final", "status: finale")
	sum, _ := run(t, build.Options{Dir: in, Out: out, Prune: true})
	if len(sum.Pruned) != 0 || !slices.Equal(sum.Unexpected, []string{old}) {
		t.Errorf("pruned %v, unexpected %v", sum.Pruned, sum.Unexpected)
	}
	if len(sum.Failing) != 1 || sum.Failing[0].Input != alma || len(sum.Failing[0].Documents) != 6 || sum.Failing[0].Guessed {
		t.Errorf("failing %+v", sum.Failing)
	}
	for _, f := range append(sum.Failing[0].Documents, old) {
		if _, err := os.Stat(f); err != nil {
			t.Error(err)
		}
	}
}

// TestDeterministic: the number of workers changes nothing in any file.
func TestDeterministic(t *testing.T) {
	in := t.TempDir()
	copyFixture(t, in, "x/alma.yaml")
	copyFixture(t, in, "y/beta.yaml", "name: Almaklinikens vårdcentral", "name: Betaklinikens vårdcentral",
		"specialty: Allmänmedicin", "specialty: Geriatrik")
	a, b := t.TempDir(), t.TempDir()
	run(t, build.Options{Dir: in, Out: a, Jobs: 1})
	run(t, build.Options{Dir: in, Out: b, Jobs: 8})
	fa, fb := files(t, a), files(t, b)
	if !slices.Equal(fa, fb) || len(fa) != 15 {
		t.Fatalf("%v and %v", fa, fb)
	}
	for _, f := range fa {
		x, _ := os.ReadFile(filepath.Join(a, f))
		y, _ := os.ReadFile(filepath.Join(b, f))
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between -j 1 and -j 8", f)
		}
	}
}

// TestFormats: a Markdown-only build writes no PDF; a check of both
// formats then misses the PDFs, and one of Markdown alone finds the PDFs
// of an earlier build unexpected.
func TestFormats(t *testing.T) {
	in, md, both := t.TempDir(), t.TempDir(), t.TempDir()
	copyFixture(t, in, "alma.yaml")
	run(t, build.Options{Dir: in, Out: md, Formats: "md"})
	if got := files(t, md); !slices.Equal(got, []string{slug + "-handlingsplan.md", slug + ".md", "index.md"}) {
		t.Errorf("a Markdown build wrote %v", got)
	}
	sum, _ := run(t, build.Options{Dir: in, Out: md, Check: true})
	// The overview links the reports' Markdown in both builds, so that
	// only the PDFs are missing.
	if len(sum.Missing) != 6 || len(sum.Stale) != 0 || sum.Unchanged != 3 {
		t.Errorf("check of both formats: missing %v, stale %v, %d up to date", sum.Missing, sum.Stale, sum.Unchanged)
	}
	run(t, build.Options{Dir: in, Out: both})
	sum, _ = run(t, build.Options{Dir: in, Out: both, Formats: "md", Check: true})
	if len(sum.Unexpected) != 6 || !strings.HasSuffix(sum.Unexpected[0], ".html") {
		t.Errorf("check of Markdown alone: unexpected %v", sum.Unexpected)
	}
}
