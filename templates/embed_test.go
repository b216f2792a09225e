package templates

import (
	"io/fs"
	"slices"
	"testing"
)

// TestFS: the four templates render/markdown reads are embedded, and no
// other file (a stray backup would be shipped in the binary).
func TestFS(t *testing.T) {
	names, err := fs.Glob(FS, "*")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"actionplan.md.tmpl", "common.md.tmpl", "index.md.tmpl", "report.md.tmpl"}
	if !slices.Equal(names, want) {
		t.Errorf("embedded %v, want %v", names, want)
	}
	for _, n := range want {
		if b, err := FS.ReadFile(n); err != nil || len(b) == 0 {
			t.Errorf("%s: %v, %d bytes", n, err, len(b))
		}
	}
}
