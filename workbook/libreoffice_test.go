package workbook

import (
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"spur/schema"
)

var update = flag.Bool("update", false, "rewrite the committed test workbooks (the LibreOffice ones need soffice)")

// loFixture is a plan template filled with the fixture's plan and saved by
// LibreOffice Calc; `go test ./workbook -run LibreOffice -update` remakes it.
const loFixture = "testdata/libreoffice-plan.xlsx"

// resave opens data in LibreOffice Calc and saves it as .xlsx again.
func resave(t *testing.T, data []byte) []byte {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice not installed")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in", "plan.xlsx")
	os.MkdirAll(filepath.Dir(in), 0o755)
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, in)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	saved, err := os.ReadFile(filepath.Join(out, "plan.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	return saved
}

func TestLibreOfficePlanImportsWithoutLoss(t *testing.T) {
	insp := fixture(t)
	if *update {
		saved := resave(t, fillPlan(t, template(t, insp), insp.ActionPlan))
		if err := os.WriteFile(loFixture, saved, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(loFixture)
	if err != nil {
		t.Fatal(err)
	}
	plan, diags := read(t, "plan.xlsx", data, insp)
	if len(diags) > 0 {
		t.Errorf("diagnostics:\n%s", diags)
	}
	if plan == nil || !reflect.DeepEqual(*plan, *insp.ActionPlan) {
		t.Errorf("the plan saved by LibreOffice differs from the fixture's")
		for i := range insp.ActionPlan.Entries {
			if plan != nil && i < len(plan.Entries) && !reflect.DeepEqual(plan.Entries[i], insp.ActionPlan.Entries[i]) {
				t.Errorf(" got %#v\nwant %#v", plan.Entries[i], insp.ActionPlan.Entries[i])
			}
		}
	}
}

// loDates is the same plan with a date typed as a date and a formula, both
// saved by LibreOffice Calc, which writes them in its own way.
const loDates = "testdata/libreoffice-dates.xlsx"

func TestLibreOfficeDatesAndFormulas(t *testing.T) {
	insp := fixture(t)
	if *update {
		data := edit(t, fillPlan(t, template(t, insp), insp.ActionPlan), func(f *excelize.File) {
			style, _ := f.NewStyle(&excelize.Style{NumFmt: 14, Protection: &excelize.Protection{Locked: false}})
			f.SetCellValue(SheetPlan, "F2", time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC))
			f.SetCellStyle(SheetPlan, "F2", "F2", style)
			f.SetCellValue(SheetPlan, "H2", nil)
			f.SetCellFormula(SheetPlan, "H2", `"om sex "&"månader"`)
		})
		if err := os.WriteFile(loDates, resave(t, data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(loDates)
	if err != nil {
		t.Fatal(err)
	}
	plan, diags := read(t, "plan.xlsx", data, insp)
	checkDiags(t, diags, []wantDiag{{"plan.xlsx:Handlingsplan!H2", schema.Warning, `the cell holds a formula (="om sex "&"månader"); its saved value "om sex månader" is read`}})
	e := entryOf(plan, "C1")
	if e == nil || e.Due.Text != "2025-12-31" || e.Due.Parsed.Kind != schema.DateExact || e.FollowUp.Text != "om sex månader" {
		t.Errorf("got %+v", e)
	}
}
