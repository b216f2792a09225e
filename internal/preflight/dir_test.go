package preflight

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDir validates every PDF under the folder SPUR_PDFA_DIR names, such
// as the out/ of make demo: `make pdfa` runs it, and CI after make demo.
// Without the variable it has nothing to check and skips.
func TestDir(t *testing.T) {
	dir := os.Getenv("SPUR_PDFA_DIR")
	if dir == "" {
		t.Skip("SPUR_PDFA_DIR names no folder (make pdfa sets it to out)")
	}
	Require(t)
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".pdf") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no PDF under %s", dir)
	}
	res, err := Validate(context.Background(), files...)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		for _, p := range res[f] {
			t.Errorf("%s: %s", f, p)
		}
	}
	t.Logf("%d PDFs under %s checked", len(files), dir)
}
