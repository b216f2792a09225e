package plan

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"spur/schema"
	"spur/workbook"
)

func TestPlanYAMLRoundTrip(t *testing.T) {
	_, in := load(t)
	insp := in.Inspection
	var skel bytes.Buffer
	if err := WriteYAML(&skel, insp, workbook.PlanOptions{Due: schema.NewDate(2025, 5, 31)}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# Handlingsplan efter SPUR-inspektion", "senast 2025-05-31", "    # E4, föreskrift: åtgärd krävs:",
		"    #   Den huvudansvariga handledaren bedömer", "    # E11, allmänt råd: åtgärd rekommenderas:", "fingerprint: sha256:",
		"  unit: Almaklinikens vårdcentral\n"} {
		if !strings.Contains(skel.String(), want) {
			t.Errorf("the skeleton lacks %q", want)
		}
	}
	t.Run("blank", func(t *testing.T) {
		// Sent back as it was made: one error at the first field to fill
		// in, not an empty entry with a warning for each row.
		plan, diags, err := ReadYAML("plan.yaml", skel.Bytes(), insp, workbook.PlanOptions{Date: schema.NewDate(2025, 6, 3), Today: true})
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
		plan, diags, err := ReadYAML("plan.yaml", []byte(data), insp, workbook.PlanOptions{})
		if err != nil || plan == nil || diags.HasErrors() {
			t.Fatalf("a plan with one field filled in does not read: %v\n%s", err, diags)
		}
		checkDiags(t, diags, []wantDiag{{"", schema.Warning, "the row for E4 (Föreskrift: åtgärd krävs) is empty"}})
	})
	t.Run("filled", func(t *testing.T) {
		data := fillYAML(t, skel.Bytes(), insp.ActionPlan)
		plan, diags, err := ReadYAML("plan.yaml", data, insp, workbook.PlanOptions{})
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
		_, diags, _ := ReadYAML("plan.yaml", skel.Bytes(), &other, workbook.PlanOptions{})
		checkDiags(t, diags, []wantDiag{{"plan.yaml:" + itoa(1+strings.Count(skel.String()[:strings.Index(skel.String(), "spur_plan:")], "\n")+1) + ":3",
			schema.Error, "this plan was made for another inspection: the visit of 2025-02-11, not 2025-03-01"}})
	})
}

// An empty plan date is the day of the import, and a warning says so at
// the date's line, naming the date: "om sex månader" counts from it. A
// date the user chose (--date) is taken without a word.
func TestYAMLPlanDate(t *testing.T) {
	_, in, want := withoutPlan(t, false)
	skel := template(t, in.Inspection, YAML)
	undated := *want
	undated.Date = schema.Date{}
	data := fillYAML(t, skel, &undated)
	line := 1 + strings.Count(string(data[:bytes.Index(data, []byte("  date: "))]), "\n")
	june := schema.NewDate(2025, 6, 3)
	plan, diags, err := ReadYAML("plan.yaml", data, in.Inspection, workbook.PlanOptions{Date: june, Today: true})
	if err != nil || plan == nil || diags.HasErrors() {
		t.Fatalf("%v\n%s", err, diags)
	}
	checkDiags(t, diags, []wantDiag{{"plan.yaml:" + itoa(line) + ":9", schema.Warning,
		`the plan's date is empty, so the day of the import, 2025-06-03, is taken as its date, and relative dates such as "om sex månader" count from it`}})
	if plan.Date != june {
		t.Errorf("date %s", plan.Date)
	}
	for _, e := range plan.Entries {
		if e.FollowUp.Text == "om sex månader" && e.FollowUp.Parsed.Date.Format("2006-01-02") != "2025-12-03" {
			t.Errorf("%s: om sex månader read as %v, not six months from the date taken", e.Criterion, e.FollowUp.Parsed)
		}
	}
	_, diags, _ = ReadYAML("plan.yaml", data, in.Inspection, workbook.PlanOptions{Date: june})
	if len(diags) > 0 {
		t.Errorf("a date the user chose is warned about:\n%s", diags)
	}
}

// A deleted entry of a föreskrift is an error in a final report, a
// warning in a preliminary one.
func TestYAMLDeletedEntry(t *testing.T) {
	for _, final := range []bool{false, true} {
		_, in, want := withoutPlan(t, final)
		data := string(fillYAML(t, template(t, in.Inspection, YAML), want))
		i := strings.Index(data, "    - criterion: D7\n")
		j := i + 1 + strings.Index(data[i+1:], "    - criterion:")
		data = data[:i] + data[j:]
		plan, diags, err := ReadYAML("plan.yaml", []byte(data), in.Inspection, workbook.PlanOptions{})
		if err != nil {
			t.Fatal(err)
		}
		sev, text := schema.Warning, "the row for D7 (Föreskrift: åtgärd krävs) is missing: it was entry 2 of the template; was it deleted?"
		if final {
			sev, text = schema.Error, "the row for D7 (Föreskrift: åtgärd krävs) is missing: it was entry 2 of the template; a final report needs an action for every föreskrift that is not met"
		}
		line := 1 + strings.Count(data[:strings.Index(data, "action_plan:")], "\n")
		checkDiags(t, diags, []wantDiag{{"plan.yaml:" + itoa(line+1) + ":3", sev, text}})
		if diags.HasErrors() != final || plan == nil {
			t.Errorf("final %v:\n%s", final, diags)
		}
	}
}

// The same inspection gives the same template, byte for byte.
func TestYAMLTemplateIsDeterministic(t *testing.T) {
	_, in := load(t)
	a, b := template(t, in.Inspection, YAML), template(t, in.Inspection, YAML)
	if !bytes.Equal(a, b) {
		t.Error("two runs give different bytes")
	}
}

// The template writes the unit's name as it is, an emoji and å included,
// and a name of two lines as a block that reads back to the same
// identity; the comments at its head keep it on one line.
func TestYAMLTemplateText(t *testing.T) {
	_, in := load(t)
	for _, name := range []string{"Vårdcentralen Öster 👍", "Vårdcentralen Öster\nfilial Åby"} {
		insp := *in.Inspection
		insp.Unit.Name = name
		skel := template(t, &insp, YAML)
		if bytes.Contains(skel, []byte(`\U`)) || bytes.Contains(skel, []byte(`\n`)) {
			t.Errorf("escapes in the template:\n%.600s", skel)
		}
		if want := "  unit: " + name + "\n"; strings.Contains(name, "\n") {
			want = "  unit: |-\n    Vårdcentralen Öster\n    filial Åby\n"
			if !bytes.Contains(skel, []byte(want)) || !bytes.Contains(skel, []byte("# Enhet:            Vårdcentralen Öster filial Åby\n")) {
				t.Errorf("lacks %q:\n%.900s", want, skel)
			}
		} else if !bytes.Contains(skel, []byte(want)) {
			t.Errorf("lacks %q:\n%.900s", want, skel)
		}
		data := bytes.Replace(skel, []byte(`responsible:  ""`), []byte(`responsible:  "Verksamhetschefen"`), 1)
		if _, diags, err := ReadYAML("plan.yaml", data, &insp, workbook.PlanOptions{}); err != nil || diags.HasErrors() {
			t.Errorf("%q: %v\n%s", name, err, diags)
		}
	}
}

// A value is quoted in a message to at most schema.MaxEcho characters,
// however long the key: a message stays a line a person can read.
func TestYAMLLongKey(t *testing.T) {
	_, in := load(t)
	skel := string(template(t, in.Inspection, YAML))
	long := strings.Repeat("x", 32767)
	i := strings.Index(skel, "    - criterion: C1\n") + len("    - criterion: C1\n")
	data := skel[:i] + "      ? " + long + "\n      : x\n" + skel[i:]
	_, diags, err := ReadYAML("plan.yaml", []byte(data), in.Inspection, workbook.PlanOptions{})
	if err != nil {
		t.Fatal(err)
	}
	checkDiags(t, diags, []wantDiag{{"", schema.Error, `unknown key "` + long[:schema.MaxEcho] + `… (32767 characters in all)"`}})
	for _, d := range diags {
		if n := len(d.String()); n > 400 {
			t.Errorf("a message of %d bytes: %.300s…", n, d)
		}
	}
}
