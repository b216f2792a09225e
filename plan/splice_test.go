package plan

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"spur/schema"
)

// splice replaces the plan and only the plan: the text around it stays
// byte for byte, and the result loads to the merged plan.
func TestSplice(t *testing.T) {
	src, in := load(t)
	insp := in.Inspection
	planAt := bytes.Index(src, []byte("\naction_plan:\n")) + 1
	noPlan := src[:planAt]
	// The plan moved before summary, so that text follows it.
	sumAt := bytes.Index(src, []byte("\nsummary:\n")) + 1
	middle := append(append(append([]byte{}, src[:sumAt]...), src[planAt:]...), src[sumAt:planAt]...)
	shorter := *insp.ActionPlan
	shorter.Entries = shorter.Entries[:len(shorter.Entries)-1]
	serial := *insp.ActionPlan
	serial.Entries = append([]schema.PlanEntry{}, serial.Entries...)
	serial.Entries[0].Due = schema.DateText{Text: "46022", Given: schema.NewDate(2025, 12, 31)}
	for _, tc := range []struct {
		name         string
		src          []byte
		plan         *schema.ActionPlan
		before, tail int // bytes of src that must come through unchanged at the start and the end
		diags        []wantDiag
		keep         []string // comments of the old plan that must survive
		loadErr      string   // an error the merged file is expected to have
	}{
		{name: "replace the fixture's plan", src: src, plan: insp.ActionPlan, before: planAt,
			diags: []wantDiag{{"insp.yaml:" + lineCol(src, planAt), schema.Warning, "the action plan already here (14 entries, 2025-05-20) is replaced by the imported one"}},
			keep:  []string{"# Invented: the date the plan came in", "# The names of the three specialists are invented", "# The routine (Bilaga 1)"}},
		{name: "plan followed by other keys", src: middle, plan: insp.ActionPlan, before: sumAt, tail: planAt - sumAt},
		{name: "no plan yet", src: noPlan, plan: insp.ActionPlan, before: len(noPlan)},
		{name: "an entry dropped", src: src, plan: &shorter, before: planAt,
			diags:   []wantDiag{{"", schema.Warning, "the old plan's entry for H9 is not in the imported plan, and is dropped"}},
			loadErr: "H9 is a föreskrift that is not met: a final report needs an action-plan entry"},
		{name: "a date given beside its text", src: src, plan: &serial, before: planAt},
		{name: "Windows line endings", src: bytes.ReplaceAll(src, []byte("\n"), []byte("\r\n")), plan: insp.ActionPlan,
			before: planAt + bytes.Count(src[:planAt], []byte("\n"))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, diags, err := splice("insp.yaml", tc.src, tc.plan)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(out[:tc.before], tc.src[:tc.before]) {
				t.Errorf("the text before the plan changed")
			}
			if tc.tail > 0 && !bytes.HasSuffix(out, tc.src[len(tc.src)-tc.tail:]) {
				t.Errorf("the text after the plan changed")
			}
			checkDiags(t, diags, tc.diags)
			for _, c := range tc.keep {
				if !bytes.Contains(out, []byte(c)) {
					t.Errorf("comment %q lost", c)
				}
			}
			got, ld := schema.Load("insp.yaml", out)
			if tc.loadErr != "" {
				checkDiags(t, ld, []wantDiag{{"", schema.Error, tc.loadErr}})
			} else if ld.HasErrors() {
				t.Fatalf("the merged file does not load:\n%s\n%s", ld, out[tc.before:])
			}
			if !reflect.DeepEqual(got.ActionPlan.Entries[0].Due.Given, tc.plan.Entries[0].Due.Given) ||
				len(got.ActionPlan.Entries) != len(tc.plan.Entries) || got.ActionPlan.Date != tc.plan.Date {
				t.Errorf("the merged plan does not load as the plan merged")
			}
			for i, e := range tc.plan.Entries {
				g := got.ActionPlan.Entries[i]
				if g.Criterion != e.Criterion || g.Action != e.Action || g.Due.Text != e.Due.Text || g.Responsible != e.Responsible ||
					g.FollowUp.Text != e.FollowUp.Text || g.FollowUpBy != e.FollowUpBy {
					t.Errorf("entry %s changed on the way", e.Criterion)
				}
			}
		})
	}
}

// lineCol gives "line:col" of the byte at i.
func lineCol(src []byte, i int) string {
	return itoa(bytes.Count(src[:i], []byte("\n"))+1) + ":1"
}

// A file that is not an inspection: splice refuses what it cannot merge
// into.
func TestSpliceRefuses(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"not YAML", "a: [", "not valid YAML"},
		{"a list", "- a\n- b\n", "not an inspection file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := splice("x.yaml", []byte(tc.src), &schema.ActionPlan{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want %q", err, tc.want)
			}
		})
	}
}
