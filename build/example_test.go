package build_test

import (
	"context"
	"fmt"
	"os"

	"spur/build"
	"spur/grade"
)

// Build the documents of every inspection under fixtures/, then check them
// as CI does.
func Example() {
	out, _ := os.MkdirTemp("", "reports")
	defer os.RemoveAll(out)
	opt := build.Options{Dir: "../fixtures", Out: out, Policy: grade.DefaultPolicy(), Log: os.Stdout}
	sum, err := build.Run(context.Background(), opt)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("built %d of %d, %d files written\n", sum.Built, sum.Inputs, len(sum.Written))

	opt.Check = true
	sum, _ = build.Run(context.Background(), opt)
	fmt.Printf("check: OK %v, %d up to date\n", sum.OK(), sum.Unchanged)
	// Output:
	// built 1 of 1, 9 files written
	// check: OK true, 9 up to date
}
