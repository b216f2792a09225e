package compose_test

import (
	"fmt"

	"spur/grade"
	"spur/input"
	"spur/report"
	"spur/report/compose"
)

func ExampleReport() {
	insp, diags, err := input.Load("../../fixtures/almaklinikens-vardcentral-2025.yaml")
	if err != nil || diags.HasErrors() {
		fmt.Println(err, diags)
		return
	}
	res, _ := grade.Inspection(insp, grade.DefaultPolicy())
	r := compose.Report(insp, res, report.Options{Lang: "en"})
	fmt.Println(r.Slug)
	fmt.Println(r.Status, "–", r.Visit)
	// Output:
	// almaklinikens-vardcentral-2025-02-11
	// Final report – 11 February 2025
}
