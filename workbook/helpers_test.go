package workbook

import (
	"bytes"
	"os"
	"testing"

	"github.com/xuri/excelize/v2"

	"spur/schema"
)

const fixturePath = "../fixtures/almaklinikens-vardcentral-2025.yaml"

// fixture loads the seed inspection; it must be valid.
func fixture(t testing.TB) *schema.Inspection {
	t.Helper()
	// Package input, the loader of the commands, uses this package; its
	// tests load the YAML file with schema.Load, as input does.
	data, err := os.ReadFile(fixturePath)
	insp, diags := schema.Load(fixturePath, data)
	if err != nil || diags.HasErrors() {
		t.Fatalf("load %s: %v\n%s", fixturePath, err, diags)
	}
	return insp
}

// template writes the plan template of insp.
func template(t testing.TB, insp *schema.Inspection) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WritePlanTemplate(&b, insp, PlanOptions{}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// edit opens a workbook, lets fn change it as a person would, and saves it.
func edit(t testing.TB, data []byte, fn func(f *excelize.File)) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fn(f)
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// rowOf finds the row of criterion id in column B of sheet.
func rowOf(t testing.TB, f *excelize.File, sheet, col, id string) int {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	c, _ := excelize.ColumnNameToNumber(col)
	for i, r := range rows {
		if len(r) >= c && r[c-1] == id {
			return i + 1
		}
	}
	t.Fatalf("no row for %s in %s", id, sheet)
	return 0
}

// labelRow finds the row whose column A is label.
func labelRow(t testing.TB, f *excelize.File, sheet, label string) int {
	t.Helper()
	rows, _ := f.GetRows(sheet)
	for i, r := range rows {
		if len(r) > 0 && r[0] == label {
			return i + 1
		}
	}
	t.Fatalf("no label %q in %s", label, sheet)
	return 0
}

func set(t testing.TB, f *excelize.File, sheet, ref, v string) {
	t.Helper()
	if err := f.SetCellStr(sheet, ref, v); err != nil {
		t.Fatal(err)
	}
}

// fillPlan types plan into a plan template, as the unit would: the five
// fields of each entry in the row of its criterion, and the plan's date.
func fillPlan(t testing.TB, data []byte, plan *schema.ActionPlan) []byte {
	t.Helper()
	return edit(t, data, func(f *excelize.File) {
		if !plan.Date.IsZero() {
			set(t, f, SheetInstructions, "B"+itoa(labelRow(t, f, SheetInstructions, labelPlanDate)), plan.Date.String())
		}
		for _, e := range plan.Entries {
			r := itoa(rowOf(t, f, SheetPlan, "B", e.Criterion))
			for i, v := range []string{e.Action, e.Due.Text, e.Responsible, e.FollowUp.Text, e.FollowUpBy} {
				set(t, f, SheetPlan, string(rune('E'+i))+r, v)
			}
		}
	})
}

func itoa(n int) string { return fmtInt(n) }

func read(t testing.TB, name string, data []byte, insp *schema.Inspection) (*schema.ActionPlan, schema.Diagnostics) {
	t.Helper()
	plan, diags, err := ReadPlan(name, bytes.NewReader(data), int64(len(data)), insp, PlanOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return plan, diags
}
