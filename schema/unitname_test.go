package schema

import (
	"strings"
	"testing"
)

// A report, its file and its row of the overview are named by the unit: a
// name written empty is an error in a final report ("2026-09-15.pdf" is
// no report), a warning in a preliminary one, at the name's line.
func TestEmptyUnitName(t *testing.T) {
	const body = "catalog: \"2025\"\nstatus: %s\nunit:\n  name: \"\"\nvisit: 2025-02-11\ninspectors: [Karin Ek]\n"
	for _, tc := range []struct {
		status string
		want   string
	}{
		{"final", "x.yaml:4:9: the unit has no name (unit.name)"},
		{"preliminary", "x.yaml:4:9: warning: the unit has no name (unit.name)"},
	} {
		_, diags := Load("x.yaml", []byte(strings.Replace(body, "%s", tc.status, 1)))
		found := false
		for _, d := range diags {
			if strings.HasPrefix(d.String(), tc.want) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no %q in\n%s", tc.status, tc.want, diags)
		}
	}
	// A name given is no problem; a missing key has its own message only.
	_, diags := Load("x.yaml", []byte(strings.Replace(strings.Replace(body, "%s", "preliminary", 1), `name: ""`, "name: Ortopeden", 1)))
	for _, d := range diags {
		if strings.Contains(d.Message, "no name") {
			t.Errorf("a named unit: %s", d)
		}
	}
}
