package plan

import (
	"bytes"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"gopkg.in/yaml.v3"

	"spur/grade"
	"spur/input"
	"spur/schema"
	"spur/workbook"
)

const fixture = "../fixtures/almaklinikens-vardcentral-2025.yaml"

// load reads the fixture; it must be valid.
func load(t testing.TB) (src []byte, in *input.Inspection) {
	t.Helper()
	src, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	in = input.Bytes(fixture, src, grade.DefaultPolicy())
	if !in.OK() {
		t.Fatalf("%s:\n%s", fixture, in.Diags)
	}
	return src, in
}

// withoutPlan is the fixture as it stands before the unit answers: no
// action plan, no decisions on it, a preliminary report (final: the same,
// but final, as an inspection whose plan is awaited before it is
// published). want is the fixture's own plan.
func withoutPlan(t testing.TB, final bool) (src []byte, in *input.Inspection, want *schema.ActionPlan) {
	t.Helper()
	data, full := load(t)
	s := string(data)
	s = s[:strings.Index(s, "\naction_plan:")+1]
	s = regexp.MustCompile(`(?m)^\s*plan_decision:.*\n`).ReplaceAllString(s, "")
	if !final {
		s = strings.Replace(s, "\nstatus: final", "\nstatus: preliminary", 1)
	}
	in = input.Bytes("insp.yaml", []byte(s), grade.DefaultPolicy())
	if in.Inspection == nil {
		t.Fatalf("the fixture without its plan:\n%s", in.Diags)
	}
	return []byte(s), in, full.ActionPlan
}

// wantDiag is a diagnostic a test expects: its place, severity and a part
// of its message.
type wantDiag struct {
	at   string // "plan.yaml:12:3", or "" for any place
	sev  schema.Severity
	text string
}

func checkDiags(t testing.TB, diags schema.Diagnostics, want []wantDiag) {
	t.Helper()
next:
	for _, w := range want {
		for _, d := range diags {
			if (w.at == "" || d.Pos.String() == w.at) && d.Severity == w.sev && strings.Contains(d.Message, w.text) {
				continue next
			}
		}
		t.Errorf("missing diagnostic %q at %s (severity %d); got:\n%s", w.text, w.at, w.sev, diags)
	}
}

// template writes the plan template of insp in form f.
func template(t testing.TB, insp *schema.Inspection, f Format) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteTemplate(&b, insp, f, workbook.PlanOptions{}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// fillYAML fills a YAML plan template with plan, as a unit with a text
// editor would; an entry of plan the template has no row for is left out.
func fillYAML(t testing.TB, skel []byte, plan *schema.ActionPlan) []byte {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(skel, &doc); err != nil {
		t.Fatal(err)
	}
	pn := field(mapping(&doc), "action_plan")
	if !plan.Date.IsZero() {
		field(pn, "date").Value = plan.Date.String()
	}
	for _, en := range field(pn, "entries").Content {
		for _, e := range plan.Entries {
			if scalar(en, "criterion") != e.Criterion {
				continue
			}
			for i, v := range []string{e.Action, e.Due.Text, e.Responsible, e.FollowUp.Text, e.FollowUpBy} {
				n := field(en, workbook.PlanFields[i].Key)
				n.Value, n.Style = v, 0
			}
		}
	}
	out, err := encodeNode(&doc)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// fillWorkbook types plan into a plan workbook, as the unit would: the
// five fields of each entry in the row of its criterion, and the plan's
// date unless it is zero.
func fillWorkbook(t testing.TB, data []byte, plan *schema.ActionPlan) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rowOf := func(sheet string, col int, v string) string {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range rows {
			if len(r) > col && r[col] == v {
				return itoa(i + 1)
			}
		}
		t.Fatalf("%s: no row with %q in column %d", sheet, v, col+1)
		return ""
	}
	set := func(sheet, cell, v string) {
		if err := f.SetCellStr(sheet, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	if !plan.Date.IsZero() {
		set(workbook.SheetInstructions, "B"+rowOf(workbook.SheetInstructions, 0, workbook.LabelPlanDate), plan.Date.String())
	}
	for _, e := range plan.Entries {
		r := rowOf(workbook.SheetPlan, 1, e.Criterion)
		for i, v := range []string{e.Action, e.Due.Text, e.Responsible, e.FollowUp.Text, e.FollowUpBy} {
			set(workbook.SheetPlan, string(rune('E'+i))+r, v)
		}
	}
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func itoa(n int) string { return strconv.Itoa(n) }
