package schema

import (
	"regexp"
	"testing"
)

// Editors and CI read positions with problem matchers such as
// ^(.*):(\d+):(\d+): or ^([^:]*):([^!]*)!([A-Z]+\d+): ; a space after the
// file name breaks them.
func TestPosString(t *testing.T) {
	cases := []struct {
		p    Pos
		want string
	}{
		{Pos{File: "a.yaml", Line: 3, Col: 7}, "a.yaml:3:7"},
		{Pos{File: "a.yaml", Line: 3}, "a.yaml:3"},
		{Pos{File: "a.yaml"}, "a.yaml"},
		{Pos{File: "plan.xlsx", Sheet: "Handlingsplan", Cell: "C7"}, "plan.xlsx:Handlingsplan!C7"},
		{Pos{File: "insp.xlsx", Sheet: "Område H", Cell: "D21"}, "insp.xlsx:Område H!D21"},
	}
	for _, c := range cases {
		if got := c.p.String(); got != c.want {
			t.Errorf("%#v: got %q, want %q", c.p, got, c.want)
		}
	}
	d := Diagnostic{Pos: Pos{File: "plan.xlsx", Sheet: "Handlingsplan", Cell: "F2"}, Severity: Warning, Message: "m"}
	if !regexp.MustCompile(`^[^: ]+:[^!]+![A-Z]+[0-9]+: warning: m$`).MatchString(d.String()) {
		t.Errorf("a problem matcher cannot read %q", d.String())
	}
}
