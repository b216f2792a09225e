package workbook_test

import (
	"bytes"
	"fmt"

	"github.com/xuri/excelize/v2"

	"spur/input"
	"spur/schema"
	"spur/workbook"
)

// The unit's round trip: a template goes out for an inspection, comes back
// filled in, and is read with every problem at its cell.
func Example() {
	insp, _, _ := input.Load("../fixtures/almaklinikens-vardcentral-2025.yaml")
	var xlsx bytes.Buffer
	if err := workbook.WritePlanTemplate(&xlsx, insp, workbook.PlanOptions{Due: schema.NewDate(2025, 5, 31)}); err != nil {
		fmt.Println(err)
		return
	}
	// ... the unit fills it in (here: the first row's action only) and
	// sends it back ...
	f, err := excelize.OpenReader(&xlsx)
	if err != nil {
		fmt.Println(err)
		return
	}
	f.SetCellStr(workbook.SheetPlan, "E2", "Inköp av öronmikroskop")
	var filled bytes.Buffer
	f.WriteTo(&filled)
	plan, diags, err := workbook.ReadPlan("plan.xlsx", bytes.NewReader(filled.Bytes()), int64(filled.Len()), insp,
		workbook.PlanOptions{Date: schema.NewDate(2025, 5, 20)})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d entries dated %s, %d warnings; the first:\n%s\n", len(plan.Entries), plan.Date, len(diags), diags[0])
	// The plan then goes into the inspection file with plan.Import.

	// Output:
	// 14 entries dated 2025-05-20, 13 warnings; the first:
	// plan.xlsx:Handlingsplan!E3: warning: the row for D7 (Föreskrift: åtgärd krävs) is empty: the unit has written no action; the entry is kept empty, so that the plan shows it
}
