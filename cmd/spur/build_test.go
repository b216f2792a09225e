package main

import (
	"bytes"
	"context"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runBuild runs `spur build ARGS` as the dispatch in main.go will.
func runBuild(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = env{context.Background(), strings.NewReader(""), &out, &errb}.build(args)
	return code, out.String(), errb.String()
}

// TestBuildThenCheck is the "done when": build, check, change an
// input, check again.
func TestBuildThenCheck(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	src, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	input := filepath.Join(in, "2025", "alma.yaml")
	os.MkdirAll(filepath.Dir(input), 0o755)
	os.WriteFile(input, src, 0o644)

	code, stdout, stderr := runBuild(t, in, "-o", out)
	if code != exitOK {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	report := filepath.Join(out, "2025", "almaklinikens-vardcentral-2025-02-11")
	for _, f := range []string{report + ".pdf", report + ".md", report + "-handlingsplan.pdf", filepath.Join(out, "index.md")} {
		if !strings.Contains(stdout, f+"\n") {
			t.Errorf("stdout does not list %s:\n%s", f, stdout)
		}
	}
	if !strings.Contains(stderr, "spur build: 1 of 1 inspection built; 9 files written, 0 unchanged\n") {
		t.Errorf("stderr: %q", stderr)
	}
	if strings.Contains(stderr, "\r") {
		t.Error("a progress line off a terminal")
	}

	if code, stdout, stderr = runBuild(t, "--check", in, "-o", out); code != exitOK || stdout != "" {
		t.Fatalf("check after build: exit %d\n%s%s", code, stdout, stderr)
	}

	os.WriteFile(input, bytes.Replace(src, []byte("Öronmikroskop saknas"), []byte("Otoskop saknas"), 1), 0o644)
	code, stdout, stderr = runBuild(t, "--check", in, "-o", out)
	if code != exitInvalid || stdout != "stale: "+report+".html\nstale: "+report+".md\nstale: "+report+".pdf\n" {
		t.Errorf("check after a change: exit %d\n%s", code, stdout)
	}
	// A check says it checked, not that it built.
	if !strings.Contains(stderr, "spur build: 1 of 1 inspection checked; 6 files up to date, 3 stale, 0 missing, 0 unexpected; run spur build without --check") {
		t.Errorf("stderr: %q", stderr)
	}

	code, stdout, _ = runBuild(t, "--check", "--json", in, "-o", out)
	var sum struct {
		Check    bool
		Built    int
		Stale    []string
		Missing  []string
		Problems []any
	}
	if err := json.Unmarshal([]byte(stdout), &sum); err != nil {
		t.Fatalf("--json: %v\n%s", err, stdout)
	}
	if code != exitInvalid || !sum.Check || sum.Built != 1 || len(sum.Stale) != 3 || sum.Missing == nil || sum.Problems == nil {
		t.Errorf("--json: exit %d, %+v", code, sum)
	}
}

func TestBuildInvalidInput(t *testing.T) {
	in := t.TempDir()
	os.WriteFile(filepath.Join(in, "bad.yaml"), []byte("catalog: \"2025\"\nstatus: slutlig\n"), 0o644)
	code, _, stderr := runBuild(t, in, "-o", t.TempDir())
	if code != exitInvalid {
		t.Errorf("exit %d", code)
	}
	for _, w := range []string{filepath.Join(in, "bad.yaml") + ":2:9: status \"slutlig\": write final", "0 of 1 inspection built, 1 failed"} {
		if !strings.Contains(stderr, w) {
			t.Errorf("stderr lacks %q:\n%s", w, stderr)
		}
	}
}

func TestBuildUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"a", "b"}, exitUsage, "name one directory of inspections, not 2 arguments"},
		{[]string{"-j", "0"}, exitUsage, "-j is the number of inspections built at once"},
		{[]string{"--since", "2025"}, exitUsage, `--since takes a date YYYY-MM-DD, not "2025"`},
		{[]string{"--lang", "fi"}, exitUsage, `--lang is sv or en, not "fi"`},
		{[]string{"--format", "docx"}, exitUsage, `--format takes pdf, md, html or several (pdf,md,html), not "docx"`},
		{[]string{"--colour"}, exitUsage, "flag provided but not defined: --colour"},
		{[]string{"--fonts", "house.ttf"}, exitUsage, `invalid value "house.ttf" for flag --fonts: takes the regular, bold and italic TrueType files`},
		{[]string{"--fonts", "/nonexistent/r.ttf,b.ttf,i.ttf", "fixtures"}, exitInvalid, "--fonts: open /nonexistent/r.ttf: no such file"},
		{[]string{"/nonexistent/inspections"}, exitInvalid, "/nonexistent/inspections"},
		{[]string{fixture}, exitInvalid, "is not a directory; spur build takes the directory"},
	}
	for _, tt := range tests {
		code, _, stderr := runBuild(t, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.msg) {
			t.Errorf("spur build %v: exit %d, stderr %q; want %d and %q", tt.args, code, stderr, tt.code, tt.msg)
		}
	}
}

// buildRepo writes the fixture to IN/2025/alma.yaml, builds it into OUT and
// returns the input, OUT and the report's path without its ending.
func buildRepo(t *testing.T) (input, out, report string) {
	t.Helper()
	in, out := t.TempDir(), t.TempDir()
	src, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	input = filepath.Join(in, "2025", "alma.yaml")
	os.MkdirAll(filepath.Dir(input), 0o755)
	os.WriteFile(input, src, 0o644)
	if code, _, stderr := runBuild(t, in, "-o", out); code != exitOK {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	return input, out, filepath.Join(out, "2025", "almaklinikens-vardcentral-2025-02-11")
}

// TestBuildCheckOnlyUnexpected: when the only difference is a file no
// inspection gives, the hint is --prune, not a build without --check
// (which would leave the file where it is).
func TestBuildCheckOnlyUnexpected(t *testing.T) {
	input, out, _ := buildRepo(t)
	old := filepath.Join(out, "2024", "gamla-vardcentralen-2024-01-01.md")
	os.MkdirAll(filepath.Dir(old), 0o755)
	os.WriteFile(old, []byte("x"), 0o644)
	code, stdout, stderr := runBuild(t, "--check", filepath.Dir(filepath.Dir(input)), "-o", out)
	if code != exitInvalid || stdout != "unexpected: "+old+"\n" {
		t.Fatalf("check: exit %d, stdout %q", code, stdout)
	}
	if !strings.Contains(stderr, "--prune") || strings.Contains(stderr, "without --check") {
		t.Errorf("the hint does not name --prune: %q", stderr)
	}
}

// TestBuildCheckFailingInput: the documents of an inspection that fails
// to validate are its, kept, not unexpected, and nothing advises deleting
// them.
func TestBuildCheckFailingInput(t *testing.T) {
	input, out, report := buildRepo(t)
	in := filepath.Dir(filepath.Dir(input))
	src, _ := os.ReadFile(input)
	os.WriteFile(input, bytes.Replace(src, []byte("status: final"), []byte("status: finale"), 1), 0o644)

	code, stdout, stderr := runBuild(t, "--check", in, "-o", out)
	if code != exitInvalid {
		t.Errorf("check: exit %d", code)
	}
	if strings.Contains(stdout, "unexpected") || strings.Contains(stderr, "delete") {
		t.Errorf("the failing input's documents are called unexpected:\n%s%s", stdout, stderr)
	}
	if !strings.Contains(stderr, report+".pdf: kept: a document of "+input+", which failed") {
		t.Errorf("stderr does not tie the report to its input:\n%s", stderr)
	}

	code, stdout, stderr = runBuild(t, "--prune", in, "-o", out)
	if code != exitInvalid || strings.Contains(stdout, "removed") || strings.Contains(stderr, "delete") {
		t.Errorf("build --prune: exit %d\n%s%s", code, stdout, stderr)
	}
	if _, err := os.Stat(report + ".pdf"); err != nil {
		t.Error(err)
	}
}

// TestBuildJSON: --json carries the version of its layout and the input
// of each stale or missing file, and each failing input's kept documents.
func TestBuildJSON(t *testing.T) {
	input, out, report := buildRepo(t)
	in := filepath.Dir(filepath.Dir(input))
	os.Remove(report + "-handlingsplan.md")
	src, _ := os.ReadFile(input)
	os.WriteFile(input, bytes.Replace(src, []byte("Öronmikroskop saknas"), []byte("Otoskop saknas"), 1), 0o644)

	code, stdout, _ := runBuild(t, "--check", "--json", in, "-o", out)
	var sum struct {
		Version int
		Stale   []string
		Missing []string
		Sources map[string]string
	}
	if err := json.Unmarshal([]byte(stdout), &sum); err != nil {
		t.Fatalf("--json: %v\n%s", err, stdout)
	}
	if code != exitInvalid || sum.Version != 1 {
		t.Errorf("exit %d, version %d", code, sum.Version)
	}
	want := map[string]string{report + "-handlingsplan.md": input, report + ".html": input, report + ".md": input, report + ".pdf": input}
	if len(sum.Stale) != 3 || len(sum.Missing) != 1 || !maps.Equal(sum.Sources, want) {
		t.Errorf("stale %v, missing %v, sources %v; want sources %v", sum.Stale, sum.Missing, sum.Sources, want)
	}

	os.WriteFile(input, bytes.Replace(src, []byte("status: final"), []byte("status: finale"), 1), 0o644)
	code, stdout, _ = runBuild(t, "--check", "--json", in, "-o", out)
	var failing struct {
		Failing []struct {
			Input     string
			Documents []string
			Guessed   bool
		}
	}
	if err := json.Unmarshal([]byte(stdout), &failing); err != nil {
		t.Fatalf("--json: %v\n%s", err, stdout)
	}
	if code != exitInvalid || len(failing.Failing) != 1 || failing.Failing[0].Input != input ||
		len(failing.Failing[0].Documents) != 5 || failing.Failing[0].Guessed {
		t.Errorf("failing %+v", failing.Failing)
	}
}
