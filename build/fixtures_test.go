package build_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path"
	"path/filepath"
	"strconv"
	"testing"
)

// TestNothingReadsFixturesAsASet: the README invites adding inspections to
// fixtures/, so no test or example here may build that folder as a whole
// and count what it gives ("built 1 of 1"): each copies the one fixture it
// names into a folder of its own. A string that names the folder itself,
// rather than a file in it, is such a read.
func TestNothingReadsFixturesAsASet(t *testing.T) {
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	const folder = "../" + "fixtures" // in two, lest this test find itself
	fset := token.NewFileSet()
	for _, name := range names {
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err == nil && s != "" && path.Clean(s) == folder {
				t.Errorf("%s: %q reads fixtures/ as a set; copy the one fixture the test needs into t.TempDir()", fset.Position(lit.Pos()), s)
			}
			return true
		})
	}
}
