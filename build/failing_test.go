package build_test

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"spur/build"
)

// tableRows gives the rows of the overview's table in index.md: the lines
// between its header and the next heading that begin with "| ".
func tableRows(t *testing.T, index string) []string {
	t.Helper()
	data, err := os.ReadFile(index)
	if err != nil {
		t.Fatal(err)
	}
	var rows []string
	in := false
	for _, l := range strings.Split(string(data), "\n") {
		switch {
		case strings.HasPrefix(l, "## "):
			in = l == "## Inspektioner"
		case in && strings.HasPrefix(l, "| ") && !strings.HasPrefix(l, "| Verksamhet") && !strings.HasPrefix(l, "| ---"):
			rows = append(rows, l)
		}
	}
	return rows
}

// TestFailedInputIsNotDeleted: an inspection with a typo keeps its
// documents: a check does not call them unexpected, --prune leaves them,
// and the overview keeps its row, marked as failing.
func TestFailedInputIsNotDeleted(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	alma := copyFixture(t, in, "2025/alma.yaml")
	copyFixture(t, in, "2025/beta.yaml", "name: Almaklinikens vårdcentral", "name: Betaklinikens vårdcentral")
	if sum, log := run(t, build.Options{Dir: in, Out: out}); !sum.OK() {
		t.Fatalf("build: %s", log)
	}
	before := files(t, out)
	if rows := tableRows(t, filepath.Join(out, "index.md")); len(rows) != 2 {
		t.Fatalf("the overview has %d rows, want 2:\n%s", len(rows), strings.Join(rows, "\n"))
	}

	copyFixture(t, in, "2025/alma.yaml", "status: final", "status: finale")
	sum, _ := run(t, build.Options{Dir: in, Out: out, Check: true})
	if sum.OK() || !slices.Equal(sum.Failed, []string{alma}) {
		t.Fatalf("check: OK %v, failed %v", sum.OK(), sum.Failed)
	}
	if len(sum.Unexpected) != 0 {
		t.Errorf("check: the failing input's documents are called unexpected: %v", sum.Unexpected)
	}

	sum, _ = run(t, build.Options{Dir: in, Out: out, Prune: true})
	if len(sum.Pruned)+len(sum.Unexpected) != 0 {
		t.Errorf("build --prune: pruned %v, unexpected %v", sum.Pruned, sum.Unexpected)
	}
	if got := files(t, out); !slices.Equal(got, before) {
		t.Errorf("build --prune with a failing input: the files are %v, were %v", got, before)
	}
	rows := tableRows(t, filepath.Join(out, "index.md"))
	if len(rows) != 2 {
		t.Fatalf("the overview has %d rows, want 2 (the failing unit's kept):\n%s", len(rows), strings.Join(rows, "\n"))
	}
	if !strings.Contains(rows[0], "Almaklinikens vårdcentral") || !strings.Contains(rows[0], "Underlaget har fel") {
		t.Errorf("the failing unit's row is not marked: %s", rows[0])
	}
	if strings.Contains(rows[1], "Underlaget har fel") {
		t.Errorf("the good unit's row is marked: %s", rows[1])
	}
}

// TestUnreadableInputKeepsItsFolder: an input that no longer parses names
// no unit and no visit, so that its documents cannot be named: every
// document of its output folder that no other input gives is kept as
// possibly its (Guessed), and its row in the overview shows its file.
// Other folders are not its: a document there that nothing gives is
// unexpected as ever.
func TestUnreadableInputKeepsItsFolder(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	alma := copyFixture(t, in, "2025/alma.yaml")
	copyFixture(t, in, "2024/beta.yaml", "name: Almaklinikens vårdcentral", "name: Betaklinikens vårdcentral")
	run(t, build.Options{Dir: in, Out: out})
	old := filepath.Join(out, "2024", "gamla-vardcentralen-2020-01-01.md")
	os.WriteFile(old, []byte("x"), 0o644)

	copyFixture(t, in, "2025/alma.yaml", "\nunit:\n", "\nunit: [\n")
	sum, _ := run(t, build.Options{Dir: in, Out: out, Check: true})
	var docs []string
	for _, f := range []string{"-handlingsplan.html", "-handlingsplan.md", "-handlingsplan.pdf", ".html", ".md", ".pdf"} {
		docs = append(docs, filepath.Join(out, "2025", slug+f))
	}
	if len(sum.Failing) != 1 || sum.Failing[0].Input != alma || !sum.Failing[0].Guessed || !slices.Equal(sum.Failing[0].Documents, docs) {
		t.Errorf("failing %+v, want %s keeping %v", sum.Failing, alma, docs)
	}
	if !slices.Equal(sum.Unexpected, []string{old}) {
		t.Errorf("unexpected %v, want %v", sum.Unexpected, []string{old})
	}

	run(t, build.Options{Dir: in, Out: out, Prune: true})
	rows := tableRows(t, filepath.Join(out, "index.md"))
	if len(rows) != 2 || !strings.HasPrefix(rows[0], "| 2025/alma.yaml | – | – |  | Underlaget har fel | – |") {
		t.Errorf("the overview's rows:\n%s", strings.Join(rows, "\n"))
	}
	for _, f := range append(docs, old) {
		if _, err := os.Stat(f); err != nil {
			t.Error(err)
		}
	}
}

// TestSources: each stale or missing file of a check names the input it is
// built from; an overview, the input folder.
func TestSources(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	p := copyFixture(t, in, "2025/alma.yaml")
	run(t, build.Options{Dir: in, Out: out})
	os.Remove(filepath.Join(out, "index.md"))
	copyFixture(t, in, "2025/alma.yaml", "Fina stora lokaler och ändamålsenliga rum", "Stora ljusa lokaler och ändamålsenliga rum")
	sum, _ := run(t, build.Options{Dir: in, Out: out, Check: true})
	want := map[string]string{filepath.Join(out, "index.md"): in}
	for _, e := range []string{".html", ".md", ".pdf"} {
		want[filepath.Join(out, "2025", slug+e)] = p
	}
	if len(sum.Stale) != 3 || len(sum.Missing) != 1 || !maps.Equal(sum.Sources, want) {
		t.Errorf("stale %v, missing %v, sources %v; want sources %v", sum.Stale, sum.Missing, sum.Sources, want)
	}
}
