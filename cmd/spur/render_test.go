package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"spur/grade"
	"spur/input"
	"spur/render/markdown"
	"spur/render/pdf"
	"spur/report"
	"spur/report/compose"
)

// TestReportWritesEveryFormat runs the main job as an inspector does and
// checks the files (every registered format by default), their names and
// that a second run is byte-identical.
func TestReportWritesEveryFormat(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := runCLI(t, "", "report", fixture, "-o", dir)
	if code != exitOK || errs != "" {
		t.Fatalf("exit %d: %s", code, errs)
	}
	pdfPath := filepath.Join(dir, "almaklinikens-vardcentral-2025-02-11.pdf")
	mdPath := filepath.Join(dir, "almaklinikens-vardcentral-2025-02-11.md")
	htmlPath := filepath.Join(dir, "almaklinikens-vardcentral-2025-02-11.html")
	if out != pdfPath+"\n"+mdPath+"\n"+htmlPath+"\n" {
		t.Errorf("stdout %q", out)
	}
	first := map[string][]byte{}
	for _, p := range []string{pdfPath, mdPath, htmlPath} {
		b, err := os.ReadFile(p)
		if err != nil || len(b) < 1000 {
			t.Fatalf("%s: %v (%d bytes)", p, err, len(b))
		}
		first[p] = b
	}
	if !bytes.HasPrefix(first[pdfPath], []byte("%PDF-")) {
		t.Error("not a PDF")
	}
	if !strings.Contains(string(first[mdPath]), "HANDLINGSPLAN") {
		t.Error("the Markdown report has no action plan")
	}
	runCLI(t, "", "report", fixture, "-o", dir)
	for p, b := range first {
		again, _ := os.ReadFile(p)
		if !bytes.Equal(again, b) {
			t.Errorf("%s differs between two runs", p)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		t.Errorf("%d files in the output directory, want 3 (no temporary files left)", len(entries))
	}
}

func TestReportOptions(t *testing.T) {
	src, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		stdin  string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"markdown to stdout from stdin", string(src), []string{"report", "-", "--format", "md", "-o", "-"}, exitOK, "# Rapport från SPUR-inspektion", ""},
		{"english", "", []string{"report", fixture, "--format", "md", "-o", "-", "--lang", "en"}, exitOK, "ACTION PLAN", ""},
		{"pdf to stdout", "", []string{"report", fixture, "--format", "pdf", "-o", "-"}, exitOK, "%PDF-", ""},
		{"two formats to stdout", "", []string{"report", fixture, "-o", "-"}, exitUsage, "", "-o - writes one document"},
		{"bad format", "", []string{"report", fixture, "--format", "docx"}, exitUsage, "", `--format takes pdf, md, html or several (pdf,md,html), not "docx"`},
		{"bad language", "", []string{"report", fixture, "--lang", "fi"}, exitUsage, "", `--lang is sv or en, not "fi"`},
		{"missing templates", "", []string{"report", fixture, "--templates", "/nonexistent"}, exitInvalid, "", "templates:"},
		{"invalid input", "catalog: \"2025\"\n", []string{"report", "-", "-o", "-", "--format", "md"}, exitInvalid, "", `missing required key "status"`},
		{"plan alone", "", []string{"actionplan", fixture, "--format", "md", "-o", "-"}, exitOK, "Handlingsplan", ""},
		{"plan without a plan", "catalog: \"2025\"\nstatus: preliminary\nunit: {name: X}\nvisit: 2025-01-01\nareas: {A: {met: all}, B: {met: all}, C: {met: all}, D: {met: all}, E: {met: all}, F: {met: all}, G: {met: all}, H: {met: all}}\n",
			[]string{"actionplan", "-", "-o", "-", "--format", "md"}, exitInvalid, "", "no action plan yet"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCLI(t, tc.stdin, tc.args...)
			if code != tc.code || !strings.Contains(out, tc.stdout) || !strings.Contains(errs, tc.stderr) {
				t.Errorf("exit %d (want %d)\nstdout: %.300s\nstderr: %.600s", code, tc.code, out, errs)
			}
		})
	}
}

func TestSourceDateEpoch(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600") // 2026-01-01
	_, a, _ := runCLI(t, "", "report", fixture, "--format", "pdf", "-o", "-")
	if !strings.Contains(a, "D:20260101000000") {
		t.Error("SOURCE_DATE_EPOCH not used as the creation date")
	}
	t.Setenv("SOURCE_DATE_EPOCH", "yesterday")
	if code, _, errs := runCLI(t, "", "report", fixture, "--format", "pdf", "-o", "-"); code != exitUsage || !strings.Contains(errs, "SOURCE_DATE_EPOCH") {
		t.Errorf("exit %d: %s", code, errs)
	}
}

// TestMissingGlyphsWarn: characters the fonts lack are replaced visibly,
// the output is still written, and a warning says where.
func TestMissingGlyphsWarn(t *testing.T) {
	src, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	hostile := strings.Replace(string(src), "Fina stora lokaler och", "Fina 😀 stora lokaler och", 1)
	code, out, errs := runCLI(t, hostile, "report", "-", "--format", "pdf", "-o", "-")
	if code != exitOK || !strings.HasPrefix(out, "%PDF-") {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, "<stdin>: warning: ") || !strings.Contains(errs, "U+1F600") || !strings.Contains(errs, "C") {
		t.Errorf("no warning naming the character and the area: %q", errs)
	}
}

// BenchmarkWholeReport is the main job for one inspection: load, check
// and grade the fixture, then write its report as PDF and Markdown.
func BenchmarkWholeReport(b *testing.B) {
	var pdfSize int
	for b.Loop() {
		in, err := input.File(fixture, grade.DefaultPolicy())
		if err != nil || !in.OK() {
			b.Fatal(err, in.Diags)
		}
		v := compose.Report(in.Inspection, in.Grades, report.Options{})
		var p, m bytes.Buffer
		if _, err := pdf.Report(&p, v); err != nil {
			b.Fatal(err)
		}
		if err := markdown.Render(&m, v); err != nil {
			b.Fatal(err)
		}
		pdfSize = p.Len()
	}
	b.ReportMetric(float64(pdfSize), "pdf-bytes")
}
