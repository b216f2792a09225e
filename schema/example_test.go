package schema_test

import (
	"fmt"

	"spur/schema"
)

func ExampleLoad() {
	src := `catalog: "2025"
status: final
unit: {name: Testklinikens vårdcentral}
visit: 2025-02-11
inspectors: [Karin Ek]
areas:
  C: {met: all, not_met: [C1, C9]}
`
	_, diags := schema.Load("inspection.yaml", []byte(src))
	for _, d := range diags {
		if d.Pos.Line == 2 || d.Pos.Line == 7 {
			fmt.Println(d)
		}
	}
	fmt.Println(len(diags), "problems")
	// Output:
	// inspection.yaml:2:9: the report is final, but the unit's action plan is not in yet (C1 not met, and no action_plan): keep status: preliminary until it is; spur template makes the workbook the unit fills in, and spur import brings its plan into this file
	// inspection.yaml:7:31: unknown criterion "C9" in area C; did you mean one of C1–C4?
	// 9 problems
}
