package main

import (
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"spur/internal/yamlls"
)

// What spur new writes opens in the editor with no problem, through the
// schema it writes beside it and the relative schema line; a slip in it is
// flagged, so the line is read.
func TestNewInspectionInEditor(t *testing.T) {
	const tools = "../../tools/yamlls"
	yamlls.Require(t, tools)
	dir := t.TempDir()
	path := filepath.Join(dir, "ny.yaml")
	if code, _, errs := runCLI(t, "", "new", path); code != exitOK {
		t.Fatalf("spur new: exit %d, %s", code, errs)
	}
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := yamlls.Start(tools)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	uri := (&url.URL{Scheme: "file", Path: path}).String()
	if err := s.Open(uri, string(text)); err != nil {
		t.Fatal(err)
	}
	got, err := s.Diagnostics(uri)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range got {
		t.Errorf("%s:%s", path, d)
	}
	// D7 under area E, as an inspector might move it there.
	bad := strings.Replace(string(text), "    not_met: []           # ej uppfyllt\n    not_applicable: []    # ej tillämpligt\n    # comments: {E1", "    not_met: [D7]\n    not_applicable: []\n    # comments: {E1", 1)
	if bad == string(text) {
		t.Fatal("area E's lists not found in the new inspection")
	}
	buri := strings.TrimSuffix(uri, ".yaml") + "-d7.yaml"
	if err := s.Open(buri, bad); err != nil {
		t.Fatal(err)
	}
	got, err = s.Diagnostics(buri)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(got, func(d yamlls.Diagnostic) bool { return strings.Contains(d.Message, "area E") }) {
		t.Errorf("D7 under E in a new inspection gives %v: is spur.schema.json beside it read?", got)
	}
}
