package schema

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files and spur.schema.json")

// TestJSONSchemaIsCurrent fails when the committed schema (which editors
// load through the fixtures' yaml-language-server line) drifts from the
// model; `make golden` rewrites it.
func TestJSONSchemaIsCurrent(t *testing.T) {
	got := JSONSchema()
	if *update {
		if err := os.WriteFile("spur.schema.json", got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile("spur.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("schema/spur.schema.json is out of date with the model; run make golden and review the diff")
	}
}

// TestJSONSchemaCoversTheModel checks the schema's shape where an editor
// relies on it: closed objects, required keys, enums and the date pattern.
func TestJSONSchemaCoversTheModel(t *testing.T) {
	var s map[string]any
	if err := json.Unmarshal(JSONSchema(), &s); err != nil {
		t.Fatal(err)
	}
	props := s["properties"].(map[string]any)
	for _, k := range []string{"catalog", "status", "unit", "visit", "inspectors", "summary", "areas", "action_plan"} {
		if _, ok := props[k]; !ok {
			t.Errorf("top-level key %q missing", k)
		}
	}
	if s["additionalProperties"] != false {
		t.Error("top level accepts unknown keys")
	}
	if got := props["status"].(map[string]any)["enum"]; len(got.([]any)) != 2 {
		t.Errorf("status enum = %v", got)
	}
	defs := s["definitions"].(map[string]any)
	area := defs["area"].(map[string]any)["properties"].(map[string]any)
	for _, k := range []string{"narrative", "met", "not_met", "not_applicable", "comments", "override", "plan_decision", "plan_note"} {
		if _, ok := area[k]; !ok {
			t.Errorf("area key %q missing", k)
		}
	}
	// An editor flags a plan_note without its plan_decision.
	deps := defs["area"].(map[string]any)["dependencies"]
	if d, _ := deps.(map[string]any)["plan_note"].([]any); len(d) != 1 || d[0] != "plan_decision" {
		t.Errorf("area dependencies = %v", deps)
	}
	if d, _ := area["plan_note"].(map[string]any)["description"].(string); !strings.Contains(d, "Handlingsplan inkommen, gradering justerad till C.") {
		t.Errorf("plan_note description %q", d)
	}
	entry := props["action_plan"].(map[string]any)["properties"].(map[string]any)["entries"].(map[string]any)["items"].(map[string]any)
	if req := entry["required"].([]any); len(req) != 1 || req[0] != "criterion" {
		t.Errorf("entry required = %v", req)
	}
	if d := entry["properties"].(map[string]any)["due"].(map[string]any)["description"].(string); d == "" {
		t.Error("due has no description")
	}
}

// TestJSONSchemaFollowsTheCatalogue checks what an editor offers and flags
// in each area, per catalogue version: the area letters with their titles,
// the area's own criterion ids (kind and text beside each) for met, not_met,
// not_applicable and comments, its own grade options for override, and every
// id of the version for an action-plan entry; each chosen by `catalog:`.
// internal/yamlls checks the same in yaml-language-server itself.
func TestJSONSchemaFollowsTheCatalogue(t *testing.T) {
	var s map[string]any
	if err := json.Unmarshal(JSONSchema(), &s); err != nil {
		t.Fatal(err)
	}
	defs, _ := s["definitions"].(map[string]any)
	// resolve follows a local $ref.
	resolve := func(v any) map[string]any {
		m, _ := v.(map[string]any)
		if ref, ok := m["$ref"].(string); ok {
			m, _ = defs[strings.TrimPrefix(ref, "#/definitions/")].(map[string]any)
		}
		return m
	}
	get := func(v any, path ...string) any {
		for _, k := range path {
			m, _ := v.(map[string]any)
			v = m[k]
		}
		return v
	}
	strs := func(v any) []string {
		var out []string
		l, _ := v.([]any)
		for _, x := range l {
			s, _ := x.(string)
			out = append(out, s)
		}
		return out
	}
	latest, err := LatestCatalog()
	if err != nil {
		t.Fatal(err)
	}
	letters, _ := get(s, "properties", "areas", "properties").(map[string]any)
	if closed := get(s, "properties", "areas", "additionalProperties") == false; len(letters) != len(latest.Areas) || !closed {
		t.Errorf("areas: %d letters (closed: %v), want the %d areas only", len(letters), closed, len(latest.Areas))
	}
	for _, a := range latest.Areas {
		if d := get(letters[a.Letter], "description"); d != a.Title {
			t.Errorf("area %s: description %q, want its title %q", a.Letter, d, a.Title)
		}
	}

	cats, err := Catalogs()
	if err != nil {
		t.Fatal(err)
	}
	branches, _ := s["allOf"].([]any)
	if len(branches) != len(cats) {
		t.Fatalf("%d catalogue branches, want one per version (%d)", len(branches), len(cats))
	}
	for i, c := range cats {
		b := branches[i]
		if v := get(b, "if", "properties", "catalog", "const"); v != c.Version {
			t.Errorf("branch %d is for catalog %v, want %s", i, v, c.Version)
		}
		var all []string
		for _, a := range c.Areas {
			where := "catalogue " + c.Version + " area " + a.Letter
			var ids, texts []string
			for _, cr := range a.Criteria {
				ids = append(ids, cr.ID)
				texts = append(texts, "("+string(cr.Kind)+") "+cr.Text)
			}
			all = append(all, ids...)
			area := resolve(get(b, "then", "properties", "areas", "properties", a.Letter))
			if area == nil {
				t.Errorf("%s: no branch", where)
				continue
			}
			for _, key := range []string{"not_met", "not_applicable"} {
				items := resolve(get(area, "properties", key, "items"))
				if got := strs(items["enum"]); !slices.Equal(got, ids) {
					t.Errorf("%s: %s offers %v, want %v", where, key, got, ids)
				}
				if got := strs(items["enumDescriptions"]); !slices.Equal(got, texts) {
					t.Errorf("%s: %s describes its ids as %q, want %q", where, key, got, texts)
				}
			}
			met, _ := get(area, "properties", "met", "oneOf").([]any)
			if len(met) != 2 || get(met[0], "const") != "all" || !slices.Equal(strs(resolve(get(met[1], "items"))["enum"]), ids) {
				t.Errorf("%s: met is %v, want all or a list of %v", where, met, ids)
			}
			comments, _ := get(area, "properties", "comments").(map[string]any)
			if keys, _ := comments["properties"].(map[string]any); comments["additionalProperties"] != false || len(keys) != len(ids) {
				t.Errorf("%s: comments %v, want exactly the keys %v", where, comments, ids)
			}
			for j, id := range ids {
				if d := get(comments, "properties", id, "description"); d != texts[j] {
					t.Errorf("%s: the comment on %s is described as %q, want %q", where, id, d, texts[j])
				}
			}
			var grades []string
			for _, o := range a.Options {
				grades = append(grades, string(o.Grade))
			}
			if got := strs(get(area, "properties", "override", "properties", "grade", "enum")); !slices.Equal(got, grades) {
				t.Errorf("%s: override.grade offers %v, want %v", where, got, grades)
			}
		}
		plan := resolve(get(b, "then", "properties", "action_plan", "properties", "entries", "items", "properties", "criterion"))
		if got := strs(plan["enum"]); !slices.Equal(got, all) {
			t.Errorf("catalogue %s: an action-plan entry offers %v, want %v", c.Version, got, all)
		}
	}
	// Area C has no C in 2023, and one in 2025 (spur-model.md).
	if g := strs(get(defs, "area-2023-C", "properties", "override", "properties", "grade", "enum")); !slices.Equal(g, []string{"A", "B", "D"}) {
		t.Errorf("area C in 2023 offers %v, want A, B and D", g)
	}
}

// TestJSONSchemaIsDeterministic: the committed file is compared byte for
// byte, so two calls must give the same bytes.
func TestJSONSchemaIsDeterministic(t *testing.T) {
	if a, b := JSONSchema(), JSONSchema(); !bytes.Equal(a, b) {
		t.Fatal("JSONSchema differs between two calls")
	}
}
