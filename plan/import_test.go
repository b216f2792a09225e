package plan

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"gopkg.in/yaml.v3"

	"spur/grade"
	"spur/schema"
	"spur/workbook"
)

var policy = grade.DefaultPolicy()

// The unit's words come back into the inspection exactly, and as a person
// reads them: a routine of three lines as a literal block, an emoji and
// Swedish letters as themselves, trailing spaces and a line that looks like
// YAML kept. yaml.v3 alone wrote the action as "Rutin för återkoppling
// \U0001F44D\nHandledaren ...", one double-quoted line.
func TestImportWritesTextAsWritten(t *testing.T) {
	src, in, want := withoutPlan(t, false)
	plan := *want
	plan.Entries = append([]schema.PlanEntry(nil), want.Entries...)
	const action = "Rutin för återkoppling 👍\nHandledaren går igenom utbildningsplanen varje månad   \n- x: y"
	plan.Entries[0].Action = action
	plan.Entries[0].Responsible = "Åsa Öberg (studierektor) 🇸🇪"
	block := "      action: |-\n" +
		"        Rutin för återkoppling 👍\n" +
		"        Handledaren går igenom utbildningsplanen varje månad   \n" +
		"        - x: y\n"
	var flow bytes.Buffer // the inspection as one line of flow YAML
	{
		var v any
		if err := yaml.Unmarshal(src, &v); err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(datesAsText(v))
		flow.Write(append(b, '\n'))
	}
	for _, tc := range []struct {
		name      string
		insp      []byte
		form      Format
		planName  string
		rewritten bool
	}{
		{"YAML plan into YAML", src, YAML, "plan.yaml", false},
		{"workbook into YAML", src, Workbook, "plan.xlsx", false},
		{"YAML plan into a one-line file", flow.Bytes(), YAML, "plan.yaml", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			filled := fillWorkbook(t, template(t, in.Inspection, Workbook), &plan)
			if tc.form == YAML {
				filled = fillYAML(t, template(t, in.Inspection, YAML), &plan)
			}
			res, diags, err := Import("insp.yaml", tc.insp, tc.planName, filled, Options{Policy: policy})
			if err != nil {
				t.Fatalf("%v\n%s", err, diags)
			}
			got, ld := schema.Load("insp.yaml", res.File)
			if ld.HasErrors() || got.ActionPlan == nil {
				t.Fatalf("%s\n%s", ld, res.File)
			}
			if !reflect.DeepEqual(got.ActionPlan.Entries, plan.Entries) {
				t.Errorf("the plan does not read back as written:\n got %q\nwant %q", got.ActionPlan.Entries[0].Action, action)
			}
			text := string(res.File)
			if !strings.Contains(text, block) || !strings.Contains(text, "responsible: Åsa Öberg (studierektor) 🇸🇪\n") {
				t.Errorf("not written as a literal block and raw UTF-8:\n%s", text[strings.Index(text, "action_plan:"):][:700])
			}
			if strings.Contains(text, `\U`) || strings.Contains(text, `\n`) {
				t.Errorf("escapes in the file")
			}
			if tc.rewritten && !strings.Contains(text, "narrative: |") {
				t.Errorf("the rewritten file does not write its narratives as blocks either")
			}
		})
	}
}

// datesAsText writes the dates YAML reads as YYYY-MM-DD, as Python's
// json.dumps(..., default=str) does.
func datesAsText(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = datesAsText(e)
		}
	case []any:
		for i, e := range x {
			x[i] = datesAsText(e)
		}
	case interface{ Format(string) string }:
		return x.Format("2006-01-02")
	}
	return v
}

// A plan whose date the unit left empty takes the day of the import; the
// warning names it and the cell where the date belongs.
func TestImportNamesTheDateTaken(t *testing.T) {
	src, in, want := withoutPlan(t, false)
	undated := *want
	undated.Date = schema.Date{}
	filled := fillWorkbook(t, template(t, in.Inspection, Workbook), &undated)
	june := schema.NewDate(2025, 6, 3)
	res, diags, err := Import("insp.yaml", src, "plan.xlsx", filled, Options{Date: june, Today: true, Policy: policy})
	if err != nil {
		t.Fatalf("%v\n%s", err, diags)
	}
	checkDiags(t, diags, []wantDiag{{"plan.xlsx:Instruktioner!B9", schema.Warning, "the plan's date is empty, so the day of the import, 2025-06-03, is taken as its date"}})
	if res.Plan.Date != june || !bytes.Contains(res.File, []byte("\n  date: 2025-06-03\n")) {
		t.Errorf("date %s", res.Plan.Date)
	}
	// Given with --date, the date is the user's: no warning.
	_, diags, err = Import("insp.yaml", src, "plan.xlsx", filled, Options{Date: june, Policy: policy})
	if err != nil || strings.Contains(diags.String(), "date") {
		t.Errorf("%v\n%s", err, diags)
	}
}

// Deleting the row of an unmet föreskrift from the plan is an error in a
// final report: nothing is imported. In a preliminary one it is a warning,
// and the rest of the plan goes in.
func TestImportDeletedRow(t *testing.T) {
	deleteD7 := func(t *testing.T, data []byte) []byte {
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := f.RemoveRow(workbook.SheetPlan, 3); err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		f.WriteTo(&b)
		return b.Bytes()
	}
	t.Run("final", func(t *testing.T) {
		src, in := load(t) // final, with its plan: the plan is sent again
		filled := deleteD7(t, fillWorkbook(t, template(t, in.Inspection, Workbook), in.ActionPlan))
		res, diags, err := Import(fixture, src, "plan.xlsx", filled, Options{Force: true, Policy: policy})
		if !errors.Is(err, ErrNotImported) || res != nil {
			t.Fatalf("imported: %v\n%s", err, diags)
		}
		checkDiags(t, diags, []wantDiag{{"plan.xlsx:Handlingsplan!B3", schema.Error,
			"the row for D7 (Föreskrift: åtgärd krävs) is missing: it was row 3 of the template; a final report needs an action for every föreskrift that is not met, so put the row back and fill it in"}})
		if want := "plan.xlsx: the plan was not imported; " + fixture + " is unchanged"; err.Error() != want {
			t.Errorf("err %q, want %q", err, want)
		}
	})
	t.Run("preliminary", func(t *testing.T) {
		src, in, want := withoutPlan(t, false)
		filled := deleteD7(t, fillWorkbook(t, template(t, in.Inspection, Workbook), want))
		res, diags, err := Import("insp.yaml", src, "plan.xlsx", filled, Options{Policy: policy})
		if err != nil {
			t.Fatalf("%v\n%s", err, diags)
		}
		checkDiags(t, diags, []wantDiag{{"plan.xlsx:Handlingsplan!B3", schema.Warning, "the row for D7 (Föreskrift: åtgärd krävs) is missing"}})
		if len(res.Plan.Entries) != len(want.Entries)-1 {
			t.Errorf("%d entries", len(res.Plan.Entries))
		}
	})
}

// Import refuses an inspection with errors before it reads the plan, and
// names which file to fix.
func TestImportRefusesABrokenInspection(t *testing.T) {
	src, _ := load(t)
	bad := bytes.Replace(src, []byte("visit: 2025-02-11"), []byte("visit: 2025-02-11\nvisit: 2025-02-12"), 1)
	_, diags, err := Import("insp.yaml", bad, "plan.yaml", nil, Options{Policy: policy})
	if !errors.Is(err, ErrNotImported) || err.Error() != "insp.yaml: fix the inspection first; the plan was not imported" || !diags.HasErrors() {
		t.Errorf("%v\n%s", err, diags)
	}
}
