package plan_test

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"strings"

	"spur/grade"
	"spur/input"
	"spur/plan"
	"spur/schema"
	"spur/workbook"
)

// The round trip: a YAML template for the unit, filled in, imported into
// the inspection on the day of the import.
func ExampleImport() {
	src, err := os.ReadFile("../fixtures/almaklinikens-vardcentral-2025.yaml")
	if err != nil {
		panic(err)
	}
	// The inspection as it stands before the unit answers: preliminary,
	// with no plan and no decisions on one.
	s := string(src[:bytes.Index(src, []byte("\naction_plan:"))+1])
	s = regexp.MustCompile(`(?m)^\s*plan_decision:.*\n`).ReplaceAllString(s, "")
	src = []byte(strings.Replace(s, "status: final", "status: preliminary", 1))
	in := input.Bytes("inspektion.yaml", src, grade.DefaultPolicy())

	var tmpl bytes.Buffer
	if err := plan.WriteTemplate(&tmpl, in.Inspection, plan.YAML, workbook.PlanOptions{}); err != nil {
		panic(err)
	}
	// The unit answers C1 on two lines, and leaves the plan's date empty.
	t := tmpl.String()
	at := regexp.MustCompile(`action: +"".*`).FindStringIndex(t)
	filled := t[:at[0]] + "action: |\n        Inköp av öronmikroskop 👍\n        ur budget 2025" + t[at[1]:]

	res, diags, err := plan.Import("inspektion.yaml", src, "plan.yaml", []byte(filled),
		plan.Options{Date: schema.NewDate(2025, 6, 3), Today: true, Policy: grade.DefaultPolicy()})
	if err != nil {
		panic(err)
	}
	fmt.Println(diags[0])
	text := string(res.File)
	fmt.Print(text[strings.Index(text, "action_plan:"):strings.Index(text, "      due:")])
	// Output:
	// plan.yaml:33:9: warning: the plan's date is empty, so the day of the import, 2025-06-03, is taken as its date, and relative dates such as "om sex månader" count from it; write the date the unit sent the plan (e.g. 2025-05-20), or import with --date
	// action_plan:
	//   date: 2025-06-03
	//   entries:
	//     - criterion: C1
	//       action: |
	//         Inköp av öronmikroskop 👍
	//         ur budget 2025
}
