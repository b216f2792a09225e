package workbook

import (
	"bytes"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"spur/grade"
	"spur/report"
	"spur/report/compose"
	"spur/schema"
)

// fillInspection types the findings of insp into a blank inspection
// workbook, as inspectors would: by label and by criterion id, choosing an
// assessment for every criterion.
func fillInspection(t testing.TB, data []byte, insp *schema.Inspection) []byte {
	t.Helper()
	return fillInspectionAll(t, data, insp, "")
}

// fillInspectionAll is fillInspection, but in the areas of letters that
// have met: all it chooses alla uppfyllda above the table and an assessment
// only for the criteria not met and not applicable.
func fillInspectionAll(t testing.TB, data []byte, insp *schema.Inspection, letters string) []byte {
	t.Helper()
	return edit(t, data, func(f *excelize.File) {
		sh := SheetInspection
		status := map[schema.ReportStatus]string{schema.Final: "slutlig", schema.Preliminary: "preliminär"}[insp.Status]
		for label, v := range map[string]string{
			labelStatus: status, labelName: insp.Unit.Name, labelOrg: insp.Unit.Organisation,
			labelSpecialty: insp.Unit.Specialty, labelRegion: insp.Unit.Region, labelPlace: insp.Unit.Place,
			labelVisit: insp.Visit.String(), labelInspectors: strings.Join(insp.Inspectors, "\n"),
		} {
			set(t, f, sh, "B"+itoa(labelRow(t, f, sh, label)), v)
		}
		for c, list := range [][]string{insp.Summary.Strengths, insp.Summary.Weaknesses, insp.Summary.Improvements} {
			for i, v := range list {
				set(t, f, SheetSummary, string(rune('A'+c))+itoa(i+2), v)
			}
		}
		for _, ca := range insp.Cat.Areas {
			a, sh := insp.Areas[ca.Letter], AreaSheet(ca.Letter)
			set(t, f, sh, "A"+itoa(areaNarrativeRow), a.Narrative)
			words := map[schema.Result]string{schema.Met: "uppfyllt", schema.NotMet: "ej uppfyllt", schema.NotApplicable: "ej tillämpligt"}
			all := a.Met.All && strings.Contains(letters, ca.Letter)
			if all {
				set(t, f, sh, "C"+itoa(labelRow(t, f, sh, labelAllMet)), "alla uppfyllda")
			}
			for _, as := range a.Assessments {
				r := itoa(rowOf(t, f, sh, "A", as.Criterion.ID))
				if !all || as.Result != schema.Met || slices.Contains(a.Met.IDs, as.Criterion.ID) {
					set(t, f, sh, "D"+r, words[as.Result])
				}
				if as.Comment != "" {
					set(t, f, sh, "E"+r, as.Comment)
				}
			}
			if o := a.Override; o != nil {
				set(t, f, sh, "C"+itoa(labelRow(t, f, sh, labelOverride)), string(o.Grade))
				set(t, f, sh, "C"+itoa(labelRow(t, f, sh, labelReason)), o.Reason)
			}
			if a.PlanDecision != "" {
				set(t, f, sh, "C"+itoa(labelRow(t, f, sh, labelDecision)), map[schema.Decision]string{schema.Accepted: "godtagen", schema.NotAccepted: "ej godtagen"}[a.PlanDecision])
			}
		}
		if p := insp.ActionPlan; p != nil {
			set(t, f, sh, "B"+itoa(labelRow(t, f, sh, labelPlanDate)), p.Date.String())
			for i, e := range p.Entries {
				r := itoa(i + 2)
				for j, v := range []string{"", e.Criterion, "", "", e.Action, e.Due.Text, e.Responsible, e.FollowUp.Text, e.FollowUpBy} {
					if v != "" {
						set(t, f, SheetPlan, string(rune('A'+j))+r, v)
					}
				}
			}
		}
	})
}

func inspectionTemplate(t testing.TB, cat *schema.Catalog) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteInspectionTemplate(&b, cat); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func loadWorkbook(t testing.TB, name string, data []byte) (*schema.Inspection, schema.Diagnostics) {
	t.Helper()
	insp, diags, err := LoadInspection(name, bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	return insp, diags
}

// The fixture typed into an inspection workbook reads back as the same
// inspection, and `spur report` on it gives the same report.
func TestInspectionWorkbookRoundTrip(t *testing.T) {
	want := fixture(t)
	data := fillInspection(t, inspectionTemplate(t, want.Cat), want)
	got, diags := loadWorkbook(t, "inspection.xlsx", data)
	if len(diags) > 0 {
		t.Errorf("diagnostics:\n%s", diags)
	}
	sameInspection(t, got, want)
}

// sameInspection fails t where got differs from want, and where the report
// built from got differs from want's.
func sameInspection(t *testing.T, got, want *schema.Inspection) {
	t.Helper()
	if got == nil {
		t.Fatal("no inspection")
	}
	for _, c := range []struct {
		what      string
		got, want any
	}{
		{"catalog", got.Catalog, want.Catalog},
		{"status", got.Status, want.Status},
		{"unit", got.Unit, want.Unit},
		{"visit", got.Visit, want.Visit},
		{"inspectors", got.Inspectors, want.Inspectors},
		{"summary", got.Summary, want.Summary},
		{"action plan", got.ActionPlan, want.ActionPlan},
	} {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s differs:\n got %.300v\nwant %.300v", c.what, c.got, c.want)
		}
	}
	for _, ca := range want.Cat.Areas {
		g, w := got.Areas[ca.Letter], want.Areas[ca.Letter]
		if g.Narrative != w.Narrative || !reflect.DeepEqual(g.Override, w.Override) || g.PlanDecision != w.PlanDecision {
			t.Errorf("area %s: narrative, override or decision differ", ca.Letter)
		}
		if !reflect.DeepEqual(g.Assessments, w.Assessments) {
			t.Errorf("area %s: assessments differ:\n got %v\nwant %v", ca.Letter, g.Assessments, w.Assessments)
		}
	}
	pol := grade.DefaultPolicy()
	gres, _ := grade.Inspection(got, pol)
	wres, _ := grade.Inspection(want, pol)
	gr, wr := compose.Report(got, gres, report.Options{}), compose.Report(want, wres, report.Options{})
	gr.L, wr.L = report.Labels{}, report.Labels{} // the same table, holding a func DeepEqual cannot compare
	if !reflect.DeepEqual(gr, wr) {
		gv, wv := reflect.ValueOf(*gr), reflect.ValueOf(*wr)
		for i := 0; i < gv.NumField(); i++ {
			if !reflect.DeepEqual(gv.Field(i).Interface(), wv.Field(i).Interface()) {
				t.Errorf("the report of the workbook differs from the YAML file's in %s:\n got %.400v\nwant %.400v",
					gv.Type().Field(i).Name, gv.Field(i).Interface(), wv.Field(i).Interface())
			}
		}
	}
}

// Problems in an inspection workbook are reported at their cells, with the
// same checks as a YAML file.
func TestInspectionWorkbookDiagnostics(t *testing.T) {
	insp := fixture(t)
	filled := fillInspection(t, inspectionTemplate(t, insp.Cat), insp)
	var plan bytes.Buffer
	if err := WritePlanTemplate(&plan, insp, PlanOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		data  []byte
		edit  func(t *testing.T, f *excelize.File)
		diags []wantDiag
	}{
		{name: "assessment misspelt", edit: func(t *testing.T, f *excelize.File) { set(t, f, "Område E", "D12", "uppfylld") },
			diags: []wantDiag{{"inspection.xlsx:Område E!D12", schema.Error, `"uppfylld" is not an assessment; choose uppfyllt, ej uppfyllt, ej tillämpligt; did you mean "uppfyllt"?`}}},
		{name: "criterion not assessed", edit: func(t *testing.T, f *excelize.File) { set(t, f, "Område E", "D22", "") },
			diags: []wantDiag{{"inspection.xlsx:Område E!D22", schema.Error, "E14 is not assessed: choose uppfyllt, ej uppfyllt or ej tillämpligt in D22"}}},
		{name: "override outside the options", edit: func(t *testing.T, f *excelize.File) {
			set(t, f, "Område A", "C4", "C")
			set(t, f, "Område A", "C5", "Kalibreringsmöte")
		}, diags: []wantDiag{{"inspection.xlsx:Område A!C4", schema.Error, "grade C is not among the options of area A (A, B, D)"}}},
		{name: "override without a reason", edit: func(t *testing.T, f *excelize.File) { set(t, f, "Område B", "C4", "B") },
			diags: []wantDiag{{"inspection.xlsx:Område B!C5", schema.Error, "Avvikande gradering B in C4 needs a Motivering"}}},
		{name: "visit not a date", edit: func(t *testing.T, f *excelize.File) { set(t, f, SheetInspection, "B10", "11/2 2025") },
			diags: []wantDiag{{"inspection.xlsx:Inspektion!B10", schema.Error, `"11/2 2025" is not a date; write it as YYYY-MM-DD`}}},
		{name: "status unknown", edit: func(t *testing.T, f *excelize.File) { set(t, f, SheetInspection, "B4", "klar") },
			diags: []wantDiag{{"inspection.xlsx:Inspektion!B4", schema.Error, `status "klar" is not one of preliminär, slutlig`}}},
		{name: "plan entry for a met criterion", edit: func(t *testing.T, f *excelize.File) {
			set(t, f, SheetPlan, "B16", "A1")
			set(t, f, SheetPlan, "E16", "Nya riktlinjer")
		}, diags: []wantDiag{{"inspection.xlsx:Handlingsplan!B16", schema.Error, "a row for A1, which is uppfyllt in Område A!D9"}}},
		{name: "unreadable plan date", edit: func(t *testing.T, f *excelize.File) { set(t, f, SheetPlan, "F2", "när vi hinner") },
			diags: []wantDiag{{"inspection.xlsx:Handlingsplan!F2", schema.Warning, `cannot read "när vi hinner" as a date`}}},
		{name: "area sheet missing", edit: func(t *testing.T, f *excelize.File) { f.SetSheetName("Område F", "F") },
			diags: []wantDiag{{"inspection.xlsx", schema.Error, `the workbook has no sheet "Område F"`}}},
		{name: "a plan workbook", data: plan.Bytes(),
			diags: []wantDiag{{"inspection.xlsx", schema.Error, "this is an action-plan workbook, not an inspection"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := tc.data
			if tc.edit != nil {
				data = edit(t, filled, func(f *excelize.File) { tc.edit(t, f) })
			}
			_, diags := loadWorkbook(t, "inspection.xlsx", data)
			checkDiags(t, diags, tc.diags)
			noYAMLWords(t, diags)
		})
	}
}

func TestInspectionTemplateSheets(t *testing.T) {
	cat, _ := schema.CatalogVersion("2023")
	data := inspectionTemplate(t, cat)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Inspektion", "Sammanfattning", "Område A", "Område B", "Område C", "Område D", "Område E", "Område F", "Område G", "Område H", "Handlingsplan"}
	if got := f.GetSheetList(); !reflect.DeepEqual(got, want) {
		t.Errorf("sheets = %q, want %q", got, want)
	}
	// A blank template reads with errors that say what to fill in, not
	// with errors about the workbook.
	_, diags := loadWorkbook(t, "inspection.xlsx", data)
	checkDiags(t, diags, []wantDiag{
		{"inspection.xlsx:Inspektion!B4", schema.Error, "Rapportstatus is empty; fill it in"},
		{"inspection.xlsx:Inspektion!B10", schema.Error, "Inspektionsbesök is empty; fill it in"},
	})
	for _, d := range diags {
		if strings.Contains(d.Message, "sheet") || strings.Contains(d.Message, "header") {
			t.Errorf("a blank template has a structural problem: %s", d)
		}
	}
}

// `spur import inspection.xlsx plan.xlsx`: the plan goes onto the
// inspection workbook's plan sheet and reads back as it was.
func TestMergePlanWorkbook(t *testing.T) {
	insp := fixture(t)
	noPlan := *insp
	noPlan.ActionPlan = nil
	blank := fillInspection(t, inspectionTemplate(t, insp.Cat), &noPlan)
	merge := func(t *testing.T, data []byte, plan *schema.ActionPlan) ([]byte, schema.Diagnostics) {
		var out bytes.Buffer
		diags, err := MergePlanWorkbook(&out, "inspection.xlsx", bytes.NewReader(data), int64(len(data)), plan)
		if err != nil || diags.HasErrors() {
			t.Fatalf("%v\n%s", err, diags)
		}
		return out.Bytes(), diags
	}
	merged, diags := merge(t, blank, insp.ActionPlan)
	if len(diags) > 0 {
		t.Errorf("merging into an empty plan sheet: %s", diags)
	}
	got, ld := loadWorkbook(t, "inspection.xlsx", merged)
	if len(ld) > 0 || !reflect.DeepEqual(got.ActionPlan, insp.ActionPlan) {
		t.Errorf("the merged plan does not read back as the fixture's:\n%s", ld)
	}
	shorter := *insp.ActionPlan
	shorter.Entries = shorter.Entries[:13]
	again, diags := merge(t, merged, &shorter)
	checkDiags(t, diags, []wantDiag{
		{"inspection.xlsx:Handlingsplan!B2", schema.Warning, "the action plan already on this sheet is replaced by the imported one"},
		{"inspection.xlsx:Handlingsplan!B15", schema.Warning, "the old plan's row for H9 is not in the imported plan, and is dropped"},
	})
	got, _ = loadWorkbook(t, "inspection.xlsx", again)
	if got.ActionPlan == nil || len(got.ActionPlan.Entries) != 13 {
		t.Errorf("the replaced plan left rows behind")
	}
}

// The seed fixture as an inspection workbook, committed for the tests of
// the commands (spur report on it must equal the report of the YAML file).
// It must read back as the fixture; `go test ./workbook -run
// InspectionWorkbookFixture -update` remakes it after the fixture changes.
func TestInspectionWorkbookFixture(t *testing.T) {
	const path = "testdata/almaklinikens-vardcentral-2025.xlsx"
	want := fixture(t)
	if *update {
		data := fillInspection(t, inspectionTemplate(t, want.Cat), want)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update)", err)
	}
	got, diags := loadWorkbook(t, path, data)
	if len(diags) > 0 {
		t.Errorf("diagnostics:\n%s", diags)
	}
	sameInspection(t, got, want)
}
