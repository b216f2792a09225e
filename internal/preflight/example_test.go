package preflight_test

import (
	"context"
	"fmt"

	"spur/internal/preflight"
)

// Validate checks many files in one run of Preflight; a file without
// problems is in the map with none.
func ExampleValidate() {
	got, err := preflight.Validate(context.Background(), "report.pdf", "plan.pdf")
	if err != nil {
		fmt.Println(err) // not checked: Preflight is missing or failed
		return
	}
	for _, f := range []string{"report.pdf", "plan.pdf"} {
		if len(got[f]) == 0 {
			fmt.Println(f, "is PDF/A-1b")
		}
		for _, p := range got[f] {
			fmt.Println(f, p) // 2.4.3 : Invalid Color space, … on page 3 (39 times)
		}
	}
}
