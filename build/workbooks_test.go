package build_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"spur/build"
	"spur/input"
	"spur/workbook"
)

// A repository keeps the unit's filled plan and the region's follow-up
// workbooks beside the inspections: spur build skips them with a warning
// that says what they are, and builds the rest; they are never failed
// inspections.
func TestBuildSkipsPlanAndFollowUpWorkbooks(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	p := copyFixture(t, in, "2025/alma.yaml")
	insp, diags, err := input.Load(p)
	if err != nil || diags.HasErrors() {
		t.Fatal(err, diags)
	}
	var plan, follow bytes.Buffer
	if err := workbook.WritePlanTemplate(&plan, insp, workbook.PlanOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := workbook.WriteFollowUpTemplate(&follow, insp); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(in, "2025", "handlingsplan.xlsx"), plan.Bytes(), 0o644)
	os.WriteFile(filepath.Join(in, "2025", "uppfoljning.xlsx"), follow.Bytes(), 0o644)
	sum, log := run(t, build.Options{Dir: in, Out: out, Formats: "md"})
	if !sum.OK() || sum.Built != 1 || len(sum.Failed) != 0 || sum.Inputs != 1 {
		t.Fatalf("built %d of %d, failed %v\n%s", sum.Built, sum.Inputs, sum.Failed, log)
	}
	for _, want := range []string{"handlingsplan.xlsx: warning: an action-plan workbook (spur template)", "uppfoljning.xlsx: warning: a follow-up workbook (spur template --follow-up)"} {
		if !strings.Contains(log, want) {
			t.Errorf("the log lacks %q:\n%s", want, log)
		}
	}
}
