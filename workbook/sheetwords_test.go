package workbook

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"spur/grade"
	"spur/schema"
)

// yamlWords are what a message says to an author of YAML: a key to write
// ("list it under not_met", "plan_decision: accepted") or a line to go to.
// An inspector who fills in the workbook has neither.
var yamlWords = regexp.MustCompile(`\b(not_met|not_applicable|plan_decision|plan_note|action_plan|entries|met: all)\b|` +
	`\b(met|override|inspectors|criterion|catalog|grade|reason|status|visit|unit|summary|narrative|comments):|` +
	`\blist\b.*\bunder\b|\bline \d|\boverride\b`)

// validateWorkbook is what spur validate reports on an inspection
// workbook: LoadInspection's diagnostics and package grade's, in the
// workbook's words.
func validateWorkbook(t *testing.T, name string, data []byte) schema.Diagnostics {
	t.Helper()
	insp, diags := loadWorkbook(t, name, data)
	if insp != nil && insp.Cat != nil {
		_, gd := grade.Inspection(insp, grade.DefaultPolicy())
		diags = append(diags, SheetWords(insp, gd)...)
	}
	diags.Sort()
	return diags
}

// exactDiags fails t unless diags print as want, in order.
func exactDiags(t *testing.T, diags schema.Diagnostics, want ...string) {
	t.Helper()
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	if !slices.Equal(got, want) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// noYAMLWords fails t for a diagnostic that tells the user to write YAML.
func noYAMLWords(t *testing.T, diags schema.Diagnostics) {
	t.Helper()
	for _, d := range diags {
		if w := yamlWords.FindString(d.Message); w != "" {
			t.Errorf("%q speaks YAML to a workbook user: %s", w, d)
		}
	}
}

// Every message an inspection workbook can give about its content says
// what to choose or write in which cell, and stands at that cell: the
// checks of schema.Validate and of package grade, in the workbook's words.
func TestWorkbookDiagnosticsInSheetWords(t *testing.T) {
	insp := fixture(t)
	picked := fillInspection(t, inspectionTemplate(t, insp.Cat), insp)
	alla := fillInspectionAll(t, inspectionTemplate(t, insp.Cat), insp, "ABCDEFGH")
	planRow := func(id string) func(t *testing.T, f *excelize.File) {
		return func(t *testing.T, f *excelize.File) {
			set(t, f, SheetPlan, "B16", id)
			set(t, f, SheetPlan, "E16", "Nya riktlinjer")
		}
	}
	clear := func(sheet string, refs ...string) func(t *testing.T, f *excelize.File) {
		return func(t *testing.T, f *excelize.File) {
			for _, ref := range refs {
				set(t, f, sheet, ref, "")
			}
		}
	}
	both := func(fns ...func(t *testing.T, f *excelize.File)) func(t *testing.T, f *excelize.File) {
		return func(t *testing.T, f *excelize.File) {
			for _, fn := range fns {
				fn(t, f)
			}
		}
	}
	const allHint = ", or alla uppfyllda in C7 to count every criterion left blank as met"
	for _, tc := range []struct {
		name string
		data []byte
		edit func(t *testing.T, f *excelize.File)
		want []string
	}{
		{"one criterion not assessed", picked, clear("Område E", "D22"), []string{
			"inspection.xlsx:Område E!D22: E14 is not assessed: choose uppfyllt, ej uppfyllt or ej tillämpligt in D22" + allHint,
		}},
		{"criteria not assessed, in runs", picked, clear("Område D", "D9", "D10", "D11", "D13"), []string{
			"inspection.xlsx:Område D!D9: D1–D3 and D5 are not assessed: choose uppfyllt, ej uppfyllt or ej tillämpligt in D9:D11 and D13" + allHint,
		}},
		{"two criteria not assessed", picked, clear("Område F", "D9", "D11"), []string{
			"inspection.xlsx:Område F!D9: F1 and F3 are not assessed: choose uppfyllt, ej uppfyllt or ej tillämpligt in D9 and D11" + allHint,
		}},
		{"not assessed in a preliminary report", picked, both(clear("Område E", "D22"), func(t *testing.T, f *excelize.File) { set(t, f, SheetInspection, "B4", "preliminär") }), []string{
			"inspection.xlsx:Område E!D22: warning: E14 is not assessed: choose uppfyllt, ej uppfyllt or ej tillämpligt in D22" + allHint +
				" (an unassessed criterion never counts as met)",
		}},
		{"a criterion's row deleted", picked, func(t *testing.T, f *excelize.File) {
			if err := f.RemoveRow("Område E", 22); err != nil {
				t.Fatal(err)
			}
		}, []string{
			"inspection.xlsx:Område E!A8: E14 has no row in the table (deleted?): add a row with the id under Kriterium and choose its Bedömning" + allHint,
		}},
		{"alla uppfyllda misspelt", alla, func(t *testing.T, f *excelize.File) { set(t, f, "Område B", "C7", "alla uppfylda") }, []string{
			`inspection.xlsx:Område B!C7: "alla uppfylda" is not a choice here; choose alla uppfyllda (every criterion left blank under Bedömning is then met), or clear the cell; did you mean "alla uppfyllda"?`,
			"inspection.xlsx:Område B!D9: B1–B10 are not assessed: choose uppfyllt, ej uppfyllt or ej tillämpligt in D9:D18" + allHint,
		}},
		{"a criterion of another area", picked, func(t *testing.T, f *excelize.File) { set(t, f, "Område E", "A22", "D7") }, []string{
			"inspection.xlsx:Område E!A8: E14 has no row in the table (deleted?): add a row with the id under Kriterium and choose its Bedömning" + allHint,
			"inspection.xlsx:Område E!C22: warning: the criterion text of D7 was changed; the report prints the catalogue's text",
			"inspection.xlsx:Område E!D22: criterion D7 belongs to area D (Tjänstgöringens upplägg), not to area E: assess it on sheet Område D, and clear it on this sheet",
		}},
		{"a reason without a grade", picked, func(t *testing.T, f *excelize.File) { set(t, f, "Område A", "C5", "Kalibrering") }, []string{
			"inspection.xlsx:Område A!C5: a Motivering without an Avvikande gradering: choose the grade in C4, or clear this cell",
		}},
		{"a grade without a reason", picked, func(t *testing.T, f *excelize.File) { set(t, f, "Område B", "C4", "B") }, []string{
			"inspection.xlsx:Område B!C5: Avvikande gradering B in C4 needs a Motivering: write in C5 why the inspectors set the grade; the report prints it",
		}},
		{"a decision before the plan is in", picked, func(t *testing.T, f *excelize.File) {
			set(t, f, SheetInspection, "B4", "preliminär")
			set(t, f, SheetInspection, "B12", "")
			for r := 2; r <= 15; r++ {
				for c := 0; c < planCols; c++ {
					set(t, f, SheetPlan, cellName(c, r), "")
				}
			}
			for _, l := range "CDEG" {
				set(t, f, AreaSheet(string(l)), "C6", "")
			}
		}, []string{
			"inspection.xlsx:Område H!C6: area H has the decision ej godtagen in C6 (Bedömning av handlingsplanen), but the workbook has no action plan: " +
				"the inspectors decide on the unit's plan once it is in; fill in sheet Handlingsplan (or import the unit's plan with spur import), or clear the decision",
		}},
		{"a plan row for a criterion chosen as met", picked, planRow("A1"), []string{
			"inspection.xlsx:Handlingsplan!B16: a row for A1, which is uppfyllt in Område A!D9: clear the row, or choose ej uppfyllt there",
		}},
		{"a plan row for a criterion met through alla uppfyllda", alla, planRow("A1"), []string{
			"inspection.xlsx:Handlingsplan!B16: a row for A1, which counts as uppfyllt through alla uppfyllda in Område A!C7: clear the row, or choose ej uppfyllt in Område A!D9",
		}},
		{"a plan row for a criterion not applicable", picked, both(planRow("A1"), func(t *testing.T, f *excelize.File) { set(t, f, "Område A", "D9", "ej tillämpligt") }), []string{
			"inspection.xlsx:Handlingsplan!B16: a row for A1, which is ej tillämpligt in Område A!D9: clear the row, or choose ej uppfyllt there",
		}},
		{"a plan row for a criterion not assessed", picked, both(planRow("A1"), clear("Område A", "D9")), []string{
			"inspection.xlsx:Handlingsplan!B16: warning: a row for A1, which is not assessed: choose ej uppfyllt in Område A!D9, or clear the row",
			"inspection.xlsx:Område A!D9: A1 is not assessed: choose uppfyllt, ej uppfyllt or ej tillämpligt in D9" + allHint,
		}},
		{"a plan row without an action", picked, clear(SheetPlan, "E2"), []string{
			"inspection.xlsx:Handlingsplan!E2: warning: the row for C1 has no planned action: write it in E2 (Planerad åtgärd)",
		}},
		{"an unmet föreskrift without a plan row", picked, clear(SheetPlan, "B2", "E2", "F2", "G2", "H2", "I2"), []string{
			"inspection.xlsx:Område C!D9: C1 is a föreskrift that is ej uppfyllt: a final report needs a row for it on sheet Handlingsplan, with C1 under Kriterium and its Planerad åtgärd",
		}},
		{"a final report without inspectors", picked, clear(SheetInspection, "B11"), []string{
			"inspection.xlsx:Inspektion!B11: a final report names the inspectors; write them in B11, one name per line",
		}},
		{"the catalogue version cleared", picked, clear(SheetInspection, "B3"), []string{
			"inspection.xlsx:Inspektion!B3: Kriterieversion is empty; the known versions are 2023, 2025",
		}},
		{"a decision on an area not graded D", picked, func(t *testing.T, f *excelize.File) { set(t, f, "Område A", "C6", "godtagen") }, []string{
			"inspection.xlsx:Område A!C6: area A is graded B, not D: a decision on the action plan applies only to an area graded D; clear C6 (Bedömning av handlingsplanen)",
		}},
		{"every criterion not applicable", picked, func(t *testing.T, f *excelize.File) {
			for r := 9; r <= 18; r++ {
				set(t, f, "Område B", "D"+itoa(r), "ej tillämpligt")
			}
		}, []string{
			"inspection.xlsx:Område B!C4: area B: every criterion is ej tillämpligt, so no grade can be computed; choose one in C4 (Avvikande gradering) and write why in C5 (Motivering)",
		}},
		{"graded D without a decision", picked, clear("Område H", "C6"), []string{
			"inspection.xlsx:Område H!C6: area H is graded D: a final report records the inspectors' decision on the action plan; choose godtagen or ej godtagen in C6 (Bedömning av handlingsplanen)",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			diags := validateWorkbook(t, "inspection.xlsx", edit(t, tc.data, func(f *excelize.File) { tc.edit(t, f) }))
			exactDiags(t, diags, tc.want...)
			noYAMLWords(t, diags)
		})
	}
}

// A blank template, the first thing an inspector validates, is answered in
// the workbook's words too: what to fill in, and where.
func TestBlankTemplateInSheetWords(t *testing.T) {
	cat, _ := schema.CatalogVersion("2025")
	diags := validateWorkbook(t, "inspection.xlsx", inspectionTemplate(t, cat))
	noYAMLWords(t, diags)
	var unassessed []string
	for _, d := range diags {
		if strings.Contains(d.Message, "not assessed") {
			unassessed = append(unassessed, d.Pos.String())
		}
	}
	// One message per area, at its first criterion's cell.
	want := []string{"inspection.xlsx:Område A!D9", "inspection.xlsx:Område B!D9", "inspection.xlsx:Område C!D9", "inspection.xlsx:Område D!D9",
		"inspection.xlsx:Område E!D9", "inspection.xlsx:Område F!D9", "inspection.xlsx:Område G!D9", "inspection.xlsx:Område H!D9"}
	if !slices.Equal(unassessed, want) {
		t.Errorf("unassessed criteria reported at %q, want %q", unassessed, want)
	}
}

// SheetWords leaves the diagnostics of a YAML inspection as they are.
func TestSheetWordsLeavesYAMLAlone(t *testing.T) {
	src := []byte("catalog: \"2025\"\nstatus: final\nunit: {name: X}\nvisit: 2025-01-01\ninspectors: [A]\nareas:\n  A: {met: all}\n")
	insp, diags := schema.Load("x.yaml", src)
	if insp == nil {
		t.Fatalf("%s", diags)
	}
	if got := SheetWords(insp, diags); !slices.Equal(got, diags) || len(diags) == 0 {
		t.Errorf("got\n%s\nwant\n%s", got, diags)
	}
}

// A final report before the plan came in is named in the workbook's words,
// at the status cell: choose preliminär, not "status: preliminary".
func TestFinalBeforePlanInSheetWords(t *testing.T) {
	at := schema.Pos{File: "inspection.xlsx", Sheet: SheetInspection, Cell: "B4"}
	d := schema.Diagnostic{Pos: at, Message: "the report is final, but the unit's action plan is not in yet (C1 and D7 not met, and no action_plan): keep status: preliminary until it is; spur template makes the workbook the unit fills in, and spur import brings its plan into this file"}
	got := wording{insp: fixture(t)}.reword(d)
	want := "inspection.xlsx:Inspektion!B4: the report is slutlig, but the unit's action plan is not in yet (C1 and D7 ej uppfyllt, and sheet Handlingsplan is empty): choose preliminär here until it is; spur template makes the workbook the unit fills in"
	if len(got) != 1 || got[0].String() != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
}
