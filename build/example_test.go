package build_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"spur/build"
	"spur/grade"
)

// Build the documents of a folder of inspections, then check them as CI
// does. The folder here holds one inspection, the first fixture, copied:
// what else fixtures/ holds changes nothing.
func Example() {
	in, _ := os.MkdirTemp("", "inspections")
	defer os.RemoveAll(in)
	out, _ := os.MkdirTemp("", "reports")
	defer os.RemoveAll(out)
	src, _ := os.ReadFile("../fixtures/almaklinikens-vardcentral-2025.yaml")
	os.MkdirAll(filepath.Join(in, "2025"), 0o755)
	os.WriteFile(filepath.Join(in, "2025", "almaklinikens-vardcentral.yaml"), src, 0o644)

	opt := build.Options{Dir: in, Out: out, Policy: grade.DefaultPolicy(), Log: os.Stdout}
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
