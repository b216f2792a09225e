package render_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestRenderersReadOnlyTheTree: the renderers, and the tree they read,
// depend on neither the input model nor the grades (style.md: render/…
// imports report and nothing of schema); report/compose is where the two
// meet. It asks the go command, and skips where there is none.
func TestRenderersReadOnlyTheTree(t *testing.T) {
	gocmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command:", err)
	}
	pkgs := []string{"spur/render/pdf", "spur/render/markdown", "spur/render/html", "spur/report", "spur/report/overview"}
	out, err := exec.Command(gocmd, append([]string{"list", "-deps"}, pkgs...)...).Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			t.Fatalf("go list: %v\n%s", err, ee.Stderr)
		}
		t.Fatalf("go list: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) < len(pkgs) {
		t.Fatalf("go list -deps gave %q", deps)
	}
	for _, d := range deps {
		if d == "spur/schema" || d == "spur/grade" {
			t.Errorf("%s depend on %s", strings.Join(pkgs, ", "), d)
		}
	}
}
