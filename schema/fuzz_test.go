package schema

import (
	"strings"
	"testing"
)

// FuzzLoadYAML feeds arbitrary bytes to the loader: it must never panic, and
// what it returns must hold together.
func FuzzLoadYAML(f *testing.F) {
	f.Add([]byte(minimal))
	f.Add([]byte(withArea("E", "  E: {met: all, not_met: [E4, E11], comments: {E4: Saknas}}\n") + "action_plan:\n  entries:\n    - {criterion: E4, due: om tre månader}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		insp, diags := Load("f.yaml", data)
		for _, d := range diags {
			if d.Pos.File != "f.yaml" {
				t.Fatalf("diagnostic without the file: %v", d)
			}
			if d.Message == "" || strings.ContainsRune(d.Message, '\n') {
				t.Fatalf("bad message: %q", d.Message)
			}
		}
		if insp == nil && !diags.HasErrors() {
			t.Fatal("no inspection and no error")
		}
		if insp != nil && !diags.HasErrors() && insp.Cat == nil {
			t.Fatal("valid inspection without a catalogue")
		}
	})
}
