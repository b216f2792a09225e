package grade_test

import (
	"fmt"

	"spur/grade"
	"spur/schema"
)

func ExampleCompute() {
	cat, _ := schema.CatalogVersion("2025")
	area, _ := cat.Area("E")
	var as []schema.Assessment
	for i, c := range area.Criteria {
		r := schema.Met
		if c.ID == "E4" || c.ID == "E11" {
			r = schema.NotMet
		}
		as = append(as, schema.Assessment{Criterion: &area.Criteria[i], Result: r})
	}
	g := grade.Compute(area, as, grade.DefaultPolicy())
	fmt.Println(g.Computed)
	for _, r := range g.Reasons {
		fmt.Println(r)
	}
	// Output:
	// D
	// D: föreskriften E4 är inte uppfylld.
	// Dessutom är det allmänna rådet E11 inte uppfyllt.
}
