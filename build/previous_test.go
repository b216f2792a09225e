package build_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"spur/build"
)

const earlierVisit = "../report/compose/testdata/almaklinikens-vardcentral-2023.yaml"

// spur build finds the previous visit of a unit by itself: the later
// report gains the comparison in every format, the earlier one does not,
// and a change to the earlier visit makes the later report stale.
func TestBuildComparesWithThePreviousVisit(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	copyFixture(t, in, "2025/alma.yaml")
	old, err := os.ReadFile(earlierVisit)
	if err != nil {
		t.Fatal(err)
	}
	oldPath := filepath.Join(in, "2023", "alma.yaml")
	os.MkdirAll(filepath.Dir(oldPath), 0o755)
	os.WriteFile(oldPath, old, 0o644)
	// Another unit of the same organisation is not a previous visit.
	copyFixture(t, in, "2024/other.yaml", "name: Almaklinikens vårdcentral", "name: Almaklinikens barnavårdscentral", "visit: 2025-02-11", "visit: 2024-03-01")

	sum, log := run(t, build.Options{Dir: in, Out: out, Formats: "md,html,pdf"})
	if !sum.OK() {
		t.Fatalf("%+v\n%s", sum, log)
	}
	const heading = "Jämförelse med föregående granskning (14 mars 2023)"
	read := func(rel string) string {
		b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	later := read("2025/almaklinikens-vardcentral-2025-02-11.md")
	if !strings.Contains(later, "## "+heading) || !strings.Contains(later, "| E. Handledning och kompetensbedömning | D | **C** | bättre |") {
		t.Errorf("the 2025 report lacks the comparison with 2023")
	}
	if !strings.Contains(read("2025/almaklinikens-vardcentral-2025-02-11.html"), heading) {
		t.Errorf("the 2025 HTML report lacks the comparison")
	}
	if pdf, err := exec.Command("pdftotext", filepath.Join(out, "2025", "almaklinikens-vardcentral-2025-02-11.pdf"), "-").Output(); err == nil && !strings.Contains(strings.Join(strings.Fields(string(pdf)), " "), heading) {
		t.Errorf("the 2025 PDF report lacks the comparison")
	}
	for _, rel := range []string{"2023/almaklinikens-vardcentral-2023-03-14.md", "2024/almaklinikens-barnavardscentral-2024-03-01.md"} {
		if strings.Contains(read(rel), "Jämförelse") {
			t.Errorf("%s compares, with no earlier visit of its unit", rel)
		}
	}

	// The earlier visit changes: the later report is stale too.
	edited := strings.Replace(string(old), "action: Handledaren bedömer ST-läkarens", "action: Huvudhandledaren bedömer ST-läkarens", 1)
	if edited == string(old) {
		t.Fatal("the earlier visit has no E4 action to edit")
	}
	os.WriteFile(oldPath, []byte(edited), 0o644)
	sum, _ = run(t, build.Options{Dir: in, Out: out, Formats: "md,html,pdf", Check: true})
	stale := strings.Join(sum.Stale, " ")
	if sum.OK() || !strings.Contains(stale, "almaklinikens-vardcentral-2025-02-11.md") {
		t.Errorf("after the earlier visit changed, stale: %v", sum.Stale)
	}
	if slices.ContainsFunc(sum.Stale, func(s string) bool { return strings.Contains(s, "barnavardscentral") }) {
		t.Errorf("another unit's report is stale: %v", sum.Stale)
	}
}
