package workbook

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"spur/schema"
)

// fillYAML fills a YAML plan skeleton with plan, as a unit with a text
// editor would.
func fillYAML(t *testing.T, skel []byte, plan *schema.ActionPlan) []byte {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(skel, &doc); err != nil {
		t.Fatal(err)
	}
	pn := field(mapping(&doc), "action_plan")
	field(pn, "date").Value = plan.Date.String()
	for _, en := range field(pn, "entries").Content {
		for _, e := range plan.Entries {
			if scalar(en, "criterion") != e.Criterion {
				continue
			}
			for i, v := range []string{e.Action, e.Due.Text, e.Responsible, e.FollowUp.Text, e.FollowUpBy} {
				n := field(en, fieldKeys[i])
				n.Value, n.Style = v, 0
				if strings.Contains(v, "\n") {
					n.Style = yaml.LiteralStyle
				}
			}
		}
	}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestPlanYAMLRoundTrip(t *testing.T) {
	insp := fixture(t)
	var skel bytes.Buffer
	if err := WritePlanYAML(&skel, insp, PlanOptions{Due: schema.NewDate(2025, 5, 31)}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# Handlingsplan efter SPUR-inspektion", "senast 2025-05-31", "    # E4, föreskrift: åtgärd krävs:",
		"    #   Den huvudansvariga handledaren bedömer", "    # E11, allmänt råd: åtgärd rekommenderas:", "fingerprint: sha256:"} {
		if !strings.Contains(skel.String(), want) {
			t.Errorf("the skeleton lacks %q", want)
		}
	}
	t.Run("blank", func(t *testing.T) {
		// Sent back as it was made: one error at the first field to fill
		// in, not an empty entry with a warning for each row.
		plan, diags, err := ReadPlanYAML("plan.yaml", skel.Bytes(), insp, PlanOptions{})
		if err != nil || plan != nil {
			t.Fatalf("a plan from a skeleton with nothing filled in (err %v)", err)
		}
		text := skel.String()
		i := strings.Index(text, "    - criterion: C1\n      action:")
		line := 2 + strings.Count(text[:i], "\n")
		col := strings.Index(text[i:], `""`) - len("    - criterion: C1\n") + 1
		checkDiags(t, diags, []wantDiag{{"plan.yaml:" + itoa(line) + ":" + itoa(col), schema.Error,
			"nothing is filled in: the action plan has no planned action, date or responsible person in any row; fill in the file and import it again"}})
		if len(diags) != 1 {
			t.Errorf("%d diagnostics, want the one:\n%s", len(diags), diags)
		}
	})
	t.Run("one field", func(t *testing.T) {
		data := strings.Replace(skel.String(), `responsible:  ""`, `responsible:  "Verksamhetschefen"`, 1)
		plan, diags, err := ReadPlanYAML("plan.yaml", []byte(data), insp, PlanOptions{})
		if err != nil || plan == nil || diags.HasErrors() {
			t.Fatalf("a plan with one field filled in does not read: %v\n%s", err, diags)
		}
		checkDiags(t, diags, []wantDiag{{"", schema.Warning, "the row for E4 (Föreskrift: åtgärd krävs) is empty"}})
	})
	t.Run("filled", func(t *testing.T) {
		data := fillYAML(t, skel.Bytes(), insp.ActionPlan)
		plan, diags, err := ReadPlanYAML("plan.yaml", data, insp, PlanOptions{})
		if err != nil || len(diags) > 0 {
			t.Fatalf("%v\n%s", err, diags)
		}
		if !reflect.DeepEqual(plan, insp.ActionPlan) {
			t.Errorf("the YAML plan differs from the fixture's")
		}
	})
	t.Run("another inspection", func(t *testing.T) {
		other := *insp
		other.Visit = schema.NewDate(2025, 3, 1)
		_, diags, _ := ReadPlanYAML("plan.yaml", skel.Bytes(), &other, PlanOptions{})
		checkDiags(t, diags, []wantDiag{{"plan.yaml:" + itoa(1+strings.Count(skel.String()[:strings.Index(skel.String(), "spur_plan:")], "\n")+1) + ":3",
			schema.Error, "this plan was made for another inspection: the visit of 2025-02-11, not 2025-03-01"}})
	})
}
