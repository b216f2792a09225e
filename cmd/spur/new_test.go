package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"spur/schema"
)

// spur new writes a preliminary inspection that validates as it is
// (warnings only), names every criterion of the catalogue beside its area,
// and starts with the schema line of the schema it writes beside it.
func TestNewInspection(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600") // 2026-01-01
	dir := t.TempDir()
	path := filepath.Join(dir, "ortopedkliniken.yaml")
	code, out, errs := runCLI(t, "", "new", path)
	if code != exitOK || errs != "" {
		t.Fatalf("spur new: exit %d, %s", code, errs)
	}
	schemaPath := filepath.Join(dir, "spur.schema.json")
	if out != path+"\n"+schemaPath+"\n" {
		t.Errorf("stdout %q", out)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	if !strings.HasPrefix(text, "# yaml-language-server: $schema=spur.schema.json\n") {
		t.Errorf("no schema line:\n%.200s", text)
	}
	if got, err := os.ReadFile(schemaPath); err != nil || !bytes.Equal(got, schema.JSONSchema()) {
		t.Errorf("the schema beside it is not spur's (%v)", err)
	}
	cat, err := schema.LatestCatalog()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range cat.Areas {
		if !strings.Contains(text, "\n  "+a.Letter+":") {
			t.Errorf("area %s missing", a.Letter)
		}
		for _, cr := range a.Criteria {
			line := regexp.MustCompile(`(?m)^    #   ` + cr.ID + ` +` + regexp.QuoteMeta(string(cr.Kind)) + ` +(.*)$`).FindStringSubmatch(text)
			if line == nil || line[1] != strings.Join(strings.Fields(cr.Text), " ") {
				t.Errorf("criterion %s is not given with its kind and text", cr.ID)
			}
		}
	}
	insp, diags := schema.Load(path, data)
	if insp == nil || diags.HasErrors() {
		t.Fatalf("the new inspection does not validate:\n%s", diags)
	}
	if insp.Status != schema.Preliminary || insp.Visit.String() != "2026-01-01" || insp.Catalog != cat.Version {
		t.Errorf("status %s, visit %s, catalog %s", insp.Status, insp.Visit, insp.Catalog)
	}
	// One warning for the name to write, one per area (nothing assessed yet).
	if len(diags) != 1+len(cat.Areas) || !strings.Contains(diags[0].Message, "the unit has no name") {
		t.Errorf("want a warning for the name and one per area, got:\n%s", diags)
	}
	code, _, errs = runCLI(t, "", "validate", path)
	if code != exitOK {
		t.Errorf("spur validate: exit %d\n%s", code, errs)
	}

	// An inspector fills it in: every criterion met in each area, a name.
	filled := strings.ReplaceAll(text, "    met: []", "    met: all")
	filled = strings.Replace(filled, `name: ""`, `name: Ortopedkliniken`, 1)
	if err := os.WriteFile(path, []byte(filled), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs = runCLI(t, "", "report", path, "-o", dir, "--format", "md")
	if code != exitOK || errs != "" {
		t.Fatalf("spur report on the filled file: exit %d\n%s", code, errs)
	}
	md, err := os.ReadFile(strings.TrimSpace(out))
	if err != nil || !strings.Contains(string(md), "Ortopedkliniken") {
		t.Errorf("the report does not name the unit (%v)", err)
	}
}

// A file already there is never replaced without --force; the schema a
// user keeps beside the inspections is never replaced by spur new.
func TestNewKeepsExistingFiles(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.yaml")
	os.WriteFile(path, []byte("catalog: x\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "spur.schema.json"), []byte("{}"), 0o644)
	code, _, errs := runCLI(t, "", "new", path)
	if code != exitInvalid || !strings.Contains(errs, "already exists") {
		t.Errorf("exit %d, %q", code, errs)
	}
	if got, _ := os.ReadFile(path); string(got) != "catalog: x\n" {
		t.Errorf("the file was changed: %q", got)
	}
	code, out, errs := runCLI(t, "", "new", path, "--force")
	if code != exitOK || out != path+"\n" {
		t.Errorf("--force: exit %d, %q %q", code, out, errs)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "spur.schema.json")); string(got) != "{}" {
		t.Errorf("spur new replaced the user's schema file")
	}
	for _, args := range [][]string{{"new"}, {"new", "a.xlsx"}, {"new", "b.yaml", "--catalog", "1999"}, {"new", "-"}} {
		if code, _, _ := runCLI(t, "", args...); code != exitUsage {
			t.Errorf("spur %v: exit %d, want %d", args, code, exitUsage)
		}
	}
}

// spur schema -o writes the schema where the user keeps inspections; it
// replaces an older spur schema, not someone else's file.
func TestSchemaToFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "spur.schema.json")
	if code, out, errs := runCLI(t, "", "schema", "-o", path); code != exitOK || out != path+"\n" {
		t.Fatalf("exit %d, %q %q", code, out, errs)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, schema.JSONSchema()) {
		t.Error("the file is not the schema")
	}
	old := bytes.Replace(schema.JSONSchema(), []byte(`"title"`), []byte(`"x-older": true, "title"`), 1)
	os.WriteFile(path, old, 0o644)
	if code, _, errs := runCLI(t, "", "schema", "-o", path); code != exitOK {
		t.Errorf("an older spur schema is not replaced: exit %d, %s", code, errs)
	}
	other := filepath.Join(dir, "package.json")
	os.WriteFile(other, []byte(`{"name": "x"}`), 0o644)
	if code, _, _ := runCLI(t, "", "schema", "-o", other); code != exitInvalid {
		t.Errorf("another file was not refused: exit %d", code)
	}
	if got, _ := os.ReadFile(other); string(got) != `{"name": "x"}` {
		t.Error("another file was overwritten")
	}
	if code, _, _ := runCLI(t, "", "schema", "-o", other, "--force"); code != exitOK {
		t.Errorf("--force: exit %d", code)
	}
	if code, _, _ := runCLI(t, "", "schema", "-o", filepath.Join(dir, "x.yaml")); code != exitUsage {
		t.Errorf("-o x.yaml: exit %d", code)
	}
}
