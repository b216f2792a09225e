package build_test

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"spur/build"
	"spur/format"
	"spur/report"
	"spur/report/overview"
)

// txt is a format made for the test: a line per document, and the
// overview's links, so that the test sees which report it links.
var txt = format.Format{Name: "txt", Aliases: []string{"text"}, Ext: ".txt", Open: format.Fixed(format.Renderer{
	Report: func(w io.Writer, r *report.Report) ([]string, error) {
		_, err := fmt.Fprintf(w, "report %s\n", r.Slug)
		return []string{"a warning of the txt layout"}, err
	},
	Plan: func(w io.Writer, r *report.Report) ([]string, error) {
		_, err := fmt.Fprintf(w, "plan %s\n", r.Slug)
		return nil, err
	},
	Index: func(w io.Writer, v *overview.View) ([]string, error) {
		for _, r := range v.Rows {
			fmt.Fprintln(w, r.Report)
		}
		return nil, nil
	},
})}

// TestRegistryIsTheOnePlace: a format registered in a registry of its own,
// and nowhere else, is written, checked and pruned by build.Run as PDF and
// Markdown are: its documents take the names spur report gives, its
// overview is index.txt, its warnings reach the summary, and --check and
// --prune know its ending.
func TestRegistryIsTheOnePlace(t *testing.T) {
	reg, err := format.Default.With(txt)
	if err != nil {
		t.Fatal(err)
	}
	in, out := t.TempDir(), t.TempDir()
	copyFixture(t, in, "2025/alma.yaml")
	opt := build.Options{Dir: in, Out: out, Registry: reg, Formats: "TEXT"}

	sum, _ := run(t, opt)
	want := []string{"2025/" + slug + "-handlingsplan.txt", "2025/" + slug + ".txt", "index.txt"}
	if got := files(t, out); !slices.Equal(got, want) {
		t.Fatalf("files %v, want %v", got, want)
	}
	if !sum.OK() || len(sum.Written) != 3 {
		t.Fatalf("summary %+v", sum)
	}
	if !slices.ContainsFunc(sum.Problems, func(p build.Problem) bool { return strings.Contains(p.Message, "a warning of the txt layout") }) {
		t.Errorf("the format's warning is not among the problems: %v", sum.Problems)
	}
	// The overview links the report in the only format built.
	if index, _ := os.ReadFile(filepath.Join(out, "index.txt")); string(index) != "2025/"+slug+".txt\n" {
		t.Errorf("index.txt is %q", index)
	}

	sum, _ = run(t, build.Options{Dir: in, Out: out, Registry: reg, Formats: "txt", Check: true})
	if !sum.OK() || sum.Unchanged != 3 {
		t.Fatalf("check after build: %+v", sum)
	}

	// A changed document is stale, a deleted one missing, and a report no
	// input gives is unexpected; a file of another name is left alone.
	report := filepath.Join(out, "2025", slug+".txt")
	os.WriteFile(report, []byte("edited\n"), 0o644)
	os.Remove(filepath.Join(out, "index.txt"))
	old := filepath.Join(out, "2025", "gone-2024-01-01.txt")
	os.WriteFile(old, []byte("report gone\n"), 0o644)
	os.WriteFile(filepath.Join(out, "NOTES.txt"), []byte("the users' own\n"), 0o644)
	sum, _ = run(t, build.Options{Dir: in, Out: out, Registry: reg, Formats: "txt", Check: true})
	if sum.OK() || !slices.Equal(sum.Stale, []string{report}) || !slices.Equal(sum.Missing, []string{filepath.Join(out, "index.txt")}) ||
		!slices.Equal(sum.Unexpected, []string{old}) {
		t.Errorf("check: stale %v, missing %v, unexpected %v", sum.Stale, sum.Missing, sum.Unexpected)
	}

	// Without the format in its registry, a build knows nothing of .txt
	// files: they are neither unexpected nor pruned.
	sum, _ = run(t, build.Options{Dir: in, Out: out, Formats: "md", Prune: true})
	if len(sum.Unexpected)+len(sum.Pruned) != 0 {
		t.Errorf("the default registry saw .txt files: unexpected %v, pruned %v", sum.Unexpected, sum.Pruned)
	}

	// With it, a Markdown build prunes them all, the user's file aside.
	sum, _ = run(t, build.Options{Dir: in, Out: out, Registry: reg, Formats: "md", Prune: true})
	pruned := []string{filepath.Join(out, "2025", slug+"-handlingsplan.txt"), filepath.Join(out, "2025", slug+".txt"), old}
	if !sum.OK() || !slices.Equal(sum.Pruned, pruned) {
		t.Errorf("pruned %v, want %v", sum.Pruned, pruned)
	}
	want = []string{"2025/" + slug + "-handlingsplan.md", "2025/" + slug + ".md", "NOTES.txt", "index.md"}
	if got := files(t, out); !slices.Equal(got, want) {
		t.Errorf("after pruning: %v, want %v", got, want)
	}
}

// TestUnknownFormat: Options.Formats is read as --format is, and the error
// lists the registry's formats.
func TestUnknownFormat(t *testing.T) {
	reg, err := format.Default.With(txt)
	if err != nil {
		t.Fatal(err)
	}
	_, err = build.Run(t.Context(), build.Options{Dir: t.TempDir(), Out: t.TempDir(), Registry: reg, Formats: "md,docx"})
	if err == nil || !strings.Contains(err.Error(), `takes pdf, md, html, txt or several (pdf,md,html,txt), not "docx"`) {
		t.Errorf("error %v", err)
	}
}
