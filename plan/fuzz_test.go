package plan

import (
	"encoding/json"
	"os"
	"testing"

	"gopkg.in/yaml.v3"

	"spur/grade"
	"spur/input"
	"spur/schema"
)

// FuzzMerge: whatever an inspection file looks like, a merge either is
// refused or gives a file that loads with the plan in it and everything
// else as it was; it never panics.
func FuzzMerge(f *testing.F) {
	src, err := os.ReadFile(fixture)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(src)
	var v any
	if yaml.Unmarshal(src, &v) == nil {
		if one, err := json.Marshal(v); err == nil {
			f.Add(one)
		}
	}
	f.Add([]byte("catalog: \"2025\"\nstatus: preliminary\nunit: {name: X}\nvisit: 2025-01-01\nareas: {A: {met: all}}\n...\n"))
	base := input.Bytes(fixture, src, grade.DefaultPolicy())
	if !base.OK() {
		f.Fatal(base.Diags)
	}
	plan := *base.ActionPlan
	f.Fuzz(func(t *testing.T, data []byte) {
		old := input.Bytes("f.yaml", data, grade.DefaultPolicy())
		if !old.OK() {
			return
		}
		merged, _, err := Merge("f.yaml", data, old, &plan, "plan.yaml", Options{Force: true, Policy: grade.DefaultPolicy()})
		if err != nil {
			return
		}
		got, diags := schema.Load("f.yaml", merged)
		if got == nil || got.ActionPlan == nil || len(got.ActionPlan.Entries) != len(plan.Entries) {
			t.Fatalf("a merge passed its check but does not hold the plan:\n%s", diags)
		}
		if d := Check("f.yaml", old, merged, &plan, grade.DefaultPolicy()); d.HasErrors() {
			t.Fatalf("a merge passed its check once but not twice:\n%s", d)
		}
	})
}
