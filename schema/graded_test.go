package schema_test

import (
	"strings"
	"testing"

	"spur/grade"
	"spur/schema"
)

// final is a final report in which area C fails C1 (a föreskrift, so C is
// graded D) and the action plan for it is in: the inspectors' decision on
// the plan is all it lacks.
const final = `catalog: "2025"
status: final
unit:
  name: Testklinikens vårdcentral
visit: 2025-02-11
inspectors: [Karin Ek]
areas:
  A: {met: all}
  B: {met: all}
  C: {met: all, not_met: [C1], plan_decision: DECISION}
  D: {met: all}
  E: {met: all}
  F: {met: all}
  G: {met: all}
  H: {met: all}
action_plan:
  entries:
    - criterion: C1
      action: Inköp av öronmikroskop
`

// printed is what spur validate prints for src: the loader's diagnostics
// and the grader's, in the order of the file (input.Bytes).
func printed(src string) string {
	insp, diags := schema.Load("x.yaml", []byte(src))
	if insp != nil {
		_, gd := grade.Inspection(insp, grade.DefaultPolicy())
		diags = append(diags, gd...)
		diags.Sort()
	}
	return diags.String()
}

// A decision written in Swedish is one message, not that and a missing
// decision besides (issue 13).
func TestDecisionInSwedishIsOneMessage(t *testing.T) {
	for _, tc := range []struct{ decision, want string }{
		{"accepted", ""},
		{"godtagen", "x.yaml:10:47: plan_decision \"godtagen\": write accepted (the key words are English)\n"},
		{"Godkänd", "x.yaml:10:47: plan_decision \"Godkänd\": write accepted (the key words are English)\n"},
		{"ej godtagen", "x.yaml:10:47: plan_decision \"ej godtagen\": write not_accepted (the key words are English)\n"},
		{"Ej-Godtagen", "x.yaml:10:47: plan_decision \"Ej-Godtagen\": write not_accepted (the key words are English)\n"},
		{"acepted", "x.yaml:10:47: plan_decision \"acepted\" is not one of accepted, not_accepted; did you mean accepted?\n"},
	} {
		t.Run(tc.decision, func(t *testing.T) {
			if got := printed(strings.Replace(final, "DECISION", tc.decision, 1)); got != tc.want {
				t.Errorf("got:\n%swant:\n%s", got, tc.want)
			}
		})
	}
}

// The first line printed for areas under a Swedish name is that name, in
// a preliminary report and in a final one, whatever the grader adds.
func TestMisspeltAreasPrintedFirst(t *testing.T) {
	for _, status := range []string{"preliminary", "final"} {
		src := strings.NewReplacer("status: final", "status: "+status, "areas:", "områden:", "  B: {met: all}\n", "").Replace(final)
		got := printed(strings.Replace(src, "DECISION", "accepted", 1))
		first, _, _ := strings.Cut(got, "\n")
		if want := `x.yaml:7:1: unknown key "områden": write areas (the key words are English)`; first != want {
			t.Errorf("%s: the first line is\n%s\nwant\n%s\nall:\n%s", status, first, want, got)
		}
		if !strings.Contains(got, "area B: criteria B1") {
			t.Errorf("%s: the area left out is not reported:\n%s", status, got)
		}
	}
}
