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
		if d.Pos.Line == 7 {
			fmt.Println(d)
		}
	}
	fmt.Println(len(diags), "problems")
	// Output:
	// inspection.yaml:7:27: C1 is a föreskrift that is not met: a final report needs an action-plan entry for it (action_plan.entries with criterion: C1)
	// inspection.yaml:7:31: unknown criterion "C9" in area C; did you mean one of C1–C4?
	// 9 problems
}
