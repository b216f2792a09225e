package schema

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
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
	area := props["areas"].(map[string]any)["additionalProperties"].(map[string]any)["properties"].(map[string]any)
	for _, k := range []string{"narrative", "met", "not_met", "not_applicable", "comments", "override", "plan_decision", "plan_note"} {
		if _, ok := area[k]; !ok {
			t.Errorf("area key %q missing", k)
		}
	}
	// An editor flags a plan_note without its plan_decision.
	deps := props["areas"].(map[string]any)["additionalProperties"].(map[string]any)["dependencies"]
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
