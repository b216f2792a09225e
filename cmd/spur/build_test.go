package main

import (
	"bytes"
	"context"
	"encoding/json"
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
		{[]string{"--colour"}, exitUsage, "flag provided but not defined: -colour"},
		{[]string{"--fonts", "house.ttf"}, exitUsage, `invalid value "house.ttf" for flag -fonts: takes the regular, bold and italic TrueType files`},
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
