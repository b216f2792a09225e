package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const previousVisit = "../../report/compose/testdata/almaklinikens-vardcentral-2023.yaml"

// spur report --previous FILE adds the comparison with an earlier visit of
// the same unit; another unit's file, or a later one, is refused by name.
func TestReportPrevious(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := runCLI(t, "", "report", fixture, "--previous", previousVisit, "-o", dir, "--format", "md")
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	md, err := os.ReadFile(strings.TrimSpace(out))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"## Jämförelse med föregående granskning (14 mars 2023)", "| E. Handledning och kompetensbedömning | D | **C** | bättre |"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	// Without --previous there is no comparison.
	code, out, _ = runCLI(t, "", "report", fixture, "-o", t.TempDir(), "--format", "md")
	if md, _ := os.ReadFile(strings.TrimSpace(out)); code != exitOK || strings.Contains(string(md), "Jämförelse") {
		t.Errorf("a report without --previous compares: exit %d", code)
	}

	other := filepath.Join(dir, "other.yaml")
	data, _ := os.ReadFile(previousVisit)
	os.WriteFile(other, []byte(strings.Replace(string(data), "name: Almaklinikens Vårdcentral", "name: Björkvikens vårdcentral", 1)), 0o644)
	code, _, errs = runCLI(t, "", "report", fixture, "--previous", other, "-o", dir, "--format", "md")
	if code != exitInvalid || !strings.Contains(errs, "other.yaml is an inspection of") {
		t.Errorf("another unit: exit %d, %q", code, errs)
	}
	code, _, errs = runCLI(t, "", "report", previousVisit, "--previous", fixture, "-o", dir, "--format", "md")
	if code != exitInvalid || !strings.Contains(errs, "is not before this visit") {
		t.Errorf("a later visit as the previous one: exit %d, %q", code, errs)
	}
	if code, _, _ := runCLI(t, "", "actionplan", fixture, "--previous", previousVisit, "-o", dir); code != exitUsage {
		t.Errorf("actionplan --previous: exit %d, want %d", code, exitUsage)
	}
}
