package main

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"spur/schema"
)

func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

const fixture = "../../fixtures/almaklinikens-vardcentral-2025.yaml"

// TestGradeSeedFixture is the outcome spur-model.md states for the seed
// report: C, D, E and G computed D and adjusted to C, H computed D and kept.
func TestGradeSeedFixture(t *testing.T) {
	code, out, errs := runCLI(t, "", "grade", "--json", fixture)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got struct {
		Areas []struct {
			Area                                string
			Computed, Override, Adjusted, Final *string
			Reasons                             []string
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	want := map[string][3]string{ // computed, adjusted, final
		"C": {"D", "C", "C"}, "D": {"D", "C", "C"}, "E": {"D", "C", "C"}, "G": {"D", "C", "C"}, "H": {"D", "", "D"},
	}
	if len(got.Areas) != 8 {
		t.Fatalf("%d areas", len(got.Areas))
	}
	for _, a := range got.Areas {
		if a.Override != nil {
			t.Errorf("area %s: override %s", a.Area, *a.Override)
		}
		if len(a.Reasons) == 0 {
			t.Errorf("area %s has no explanation", a.Area)
		}
		w, ok := want[a.Area]
		if !ok {
			if a.Computed == nil || *a.Computed == "D" || a.Adjusted != nil {
				t.Errorf("area %s: computed %v adjusted %v", a.Area, a.Computed, a.Adjusted)
			}
			continue
		}
		if s(a.Computed) != w[0] || s(a.Adjusted) != w[1] || s(a.Final) != w[2] {
			t.Errorf("area %s: computed %q adjusted %q final %q, want %v", a.Area, s(a.Computed), s(a.Adjusted), s(a.Final), w)
		}
	}
}

func s(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func TestExitStatuses(t *testing.T) {
	bad := "catalog: \"2025\"\nstatus: final\nunit: {name: X}\nvisit: 2025-02-30\n"
	tests := []struct {
		name   string
		stdin  string
		args   []string
		code   int
		stdout string // must contain
		stderr string // must contain
	}{
		{"no arguments", "", nil, exitUsage, "", "Usage:"},
		{"help", "", []string{"--help"}, exitOK, "spur validate FILE...", ""},
		{"version", "", []string{"--version"}, exitOK, "spur ", ""},
		{"unknown command", "", []string{"grdae"}, exitUsage, "", `unknown command "grdae"`},
		{"unknown flag", "", []string{"grade", "--jsn", fixture}, exitUsage, "", "flag provided but not defined: --jsn; did you mean --json?"},
		{"validate without file", "", []string{"validate"}, exitUsage, "", "name at least one inspection file"},
		{"validate fixture", "", []string{"validate", fixture}, exitOK, "almaklinikens-vardcentral-2025.yaml: ok", ""},
		{"validate missing file", "", []string{"validate", "nosuch.yaml"}, exitInvalid, "", "nosuch.yaml: no such file or directory"},
		{"validate bad stdin", bad, []string{"validate", "-"}, exitInvalid, "", `<stdin>:4:8: "2025-02-30" is not a date`},
		{"grade bad input", bad, []string{"grade", "-"}, exitInvalid, "", "<stdin>:4:8:"},
		{"grade two files", "", []string{"grade", fixture, fixture}, exitUsage, "", "name one inspection file"},
		{"grade flag after file", "", []string{"grade", fixture, "--lang", "en"}, exitOK, "Action plan received, grade adjusted to C.", ""},
		{"grade bad lang", "", []string{"grade", "--lang", "de", fixture}, exitUsage, "", "--lang is sv or en"},
		{"catalog unknown version", "", []string{"catalog", "--catalog", "1999"}, exitUsage, "", `unknown version "1999"`},
		{"catalog older version", "", []string{"catalog", "--catalog", "2023"}, exitOK, "Gradering: A, B, D", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCLI(t, tc.stdin, tc.args...)
			if code != tc.code || !strings.Contains(out, tc.stdout) || !strings.Contains(errs, tc.stderr) {
				t.Errorf("exit %d (want %d)\nstdout: %.600s\nstderr: %.600s", code, tc.code, out, errs)
			}
		})
	}
}

// TestCatalogJSON is what an inspector looking ids up relies on: 74
// criteria with id, kind and verbatim text.
func TestCatalogJSON(t *testing.T) {
	code, out, _ := runCLI(t, "", "catalog", "--json")
	if code != exitOK {
		t.Fatal(code)
	}
	var c struct {
		Version string
		Areas   []struct {
			Letter   string
			Criteria []struct{ ID, Kind, Text string }
		}
	}
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatal(err)
	}
	n := 0
	want, _ := schema.CatalogVersion(c.Version)
	for _, a := range c.Areas {
		for _, cr := range a.Criteria {
			n++
			w, _, ok := want.Criterion(cr.ID)
			if !ok || w.Text != cr.Text || string(w.Kind) != cr.Kind || cr.Text == "" {
				t.Errorf("%s: %+v", cr.ID, cr)
			}
		}
	}
	if n != 74 {
		t.Errorf("%d criteria, want 74", n)
	}
}

func TestSchemaCommandShipsTheCommittedSchema(t *testing.T) {
	_, out, _ := runCLI(t, "", "schema")
	want, err := os.ReadFile("../../schema/spur.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	if out != string(want) {
		t.Error("spur schema differs from schema/spur.schema.json")
	}
}

// TestFixturesNameTheSchema checks the editor hint on the first line of
// every fixture, and that every fixture is valid.
func TestFixturesNameTheSchema(t *testing.T) {
	files, _ := os.ReadDir("../../fixtures")
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	for _, f := range files {
		if !strings.HasSuffix(f.Name(), ".yaml") {
			continue
		}
		data, err := os.ReadFile("../../fixtures/" + f.Name())
		if err != nil {
			t.Fatal(err)
		}
		if first, _, _ := strings.Cut(string(data), "\n"); first != "# yaml-language-server: $schema=../schema/spur.schema.json" {
			t.Errorf("%s: first line %q", f.Name(), first)
		}
		if code, _, errs := runCLI(t, "", "validate", "../../fixtures/"+f.Name()); code != exitOK || errs != "" {
			t.Errorf("%s: exit %d\n%s", f.Name(), code, errs)
		}
	}
}
