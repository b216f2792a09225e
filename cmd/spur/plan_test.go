package main

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"spur/schema"
	"spur/workbook"
)

// withoutPlan is the fixture as it stands before the unit answers: no
// action plan, no decisions on it, a preliminary report.
func withoutPlan(t *testing.T) (src []byte, want *schema.ActionPlan) {
	t.Helper()
	data, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	insp, diags := schema.Load(fixture, data)
	if diags.HasErrors() || insp.ActionPlan == nil {
		t.Fatalf("fixture: %s", diags)
	}
	s := string(data)
	s = s[:strings.Index(s, "\naction_plan:")+1]
	s = regexp.MustCompile(`(?m)^\s*plan_decision:.*\n`).ReplaceAllString(s, "")
	s = strings.Replace(s, "\nstatus: final", "\nstatus: preliminary", 1)
	return []byte(s), insp.ActionPlan
}

// fillPlan types plan into a plan workbook as the unit would: the five
// fields of each entry in its criterion's row, and the plan's date.
func fillPlan(t *testing.T, data []byte, plan *schema.ActionPlan) []byte {
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
				return strconv.Itoa(i + 1)
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
	set(workbook.SheetInstructions, "B"+rowOf(workbook.SheetInstructions, 0, "Datum för handlingsplanen"), plan.Date.String())
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

// The done-when: the fixture's plan goes out as a template, is
// filled in with the fixture's texts, comes back through spur import, and
// equals the fixture's own plan field for field; the rest of the
// inspection file is kept byte for byte.
func TestTemplateImportRoundTrip(t *testing.T) {
	dir := t.TempDir()
	src, want := withoutPlan(t)
	insp := filepath.Join(dir, "inspection.yaml")
	if err := os.WriteFile(insp, src, 0o644); err != nil {
		t.Fatal(err)
	}
	plan := filepath.Join(dir, "plan.xlsx")
	if code, _, errs := runCLI(t, "", "template", insp, "-o", plan, "--due", "2025-06-30"); code != exitOK {
		t.Fatalf("template: exit %d\n%s", code, errs)
	}
	blank, err := os.ReadFile(plan)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(plan, fillPlan(t, blank, want), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs := runCLI(t, "", "import", insp, plan)
	if code != exitOK {
		t.Fatalf("import: exit %d\n%s", code, errs)
	}
	if strings.Contains(errs, "warning") {
		t.Errorf("warnings on a faithfully filled plan:\n%s", errs)
	}
	merged, err := os.ReadFile(insp)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(merged, src) {
		t.Errorf("the text before the plan changed")
	}
	got, diags := schema.Load(insp, merged)
	if diags.HasErrors() || got.ActionPlan == nil {
		t.Fatalf("the merged file:\n%s", diags)
	}
	if got.ActionPlan.Date != want.Date {
		t.Errorf("plan date %s, want %s", got.ActionPlan.Date, want.Date)
	}
	if len(got.ActionPlan.Entries) != len(want.Entries) {
		t.Fatalf("%d entries, want %d", len(got.ActionPlan.Entries), len(want.Entries))
	}
	for i, w := range want.Entries {
		if g := got.ActionPlan.Entries[i]; !reflect.DeepEqual(g, w) {
			t.Errorf("entry %s:\n got %#v\nwant %#v", w.Criterion, g, w)
		}
	}

	// A second import of the same plan leaves the file as it is.
	if code, _, errs := runCLI(t, "", "import", insp, plan); code != exitOK {
		t.Fatalf("second import: exit %d\n%s", code, errs)
	}
	again, _ := os.ReadFile(insp)
	if !bytes.Equal(again, merged) {
		t.Errorf("a second import of the same plan changed the file")
	}
}

// The YAML template goes the same way as the workbook.
func TestTemplateYAMLImport(t *testing.T) {
	dir := t.TempDir()
	src, _ := withoutPlan(t)
	insp := filepath.Join(dir, "inspection.yaml")
	if err := os.WriteFile(insp, src, 0o644); err != nil {
		t.Fatal(err)
	}
	plan := filepath.Join(dir, "plan.yaml")
	if code, _, errs := runCLI(t, "", "template", insp, "-o", plan); code != exitOK {
		t.Fatalf("template: exit %d\n%s", code, errs)
	}
	text, _ := os.ReadFile(plan)
	// The unit answers the first entry only, on three lines with an emoji,
	// trailing spaces and a line that looks like YAML; the rest are left
	// empty, which import reports and keeps.
	empty := regexp.MustCompile(`action: +"".*`)
	first := empty.FindIndex(text)
	if first == nil {
		t.Fatalf("the YAML template has no empty action to fill:\n%.800s", text)
	}
	const block = "action: |\n        Rad ett 👍, på svenska.\n        Rad två   \n        - x: y\n"
	filled := string(text[:first[0]]) + block + string(text[first[1]+1:])
	if err := os.WriteFile(plan, []byte(filled), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "merged.yaml")
	code, _, errs := runCLI(t, "", "import", insp, plan, "-o", out, "--date", "2025-05-02")
	if code != exitOK {
		t.Fatalf("import: exit %d\n%s", code, errs)
	}
	merged, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	got, diags := schema.Load(out, merged)
	if diags.HasErrors() {
		t.Fatalf("%s", diags)
	}
	if got.ActionPlan == nil || len(got.ActionPlan.Entries) == 0 {
		t.Fatal("no plan imported")
	}
	if a := got.ActionPlan.Entries[0].Action; a != "Rad ett 👍, på svenska.\nRad två   \n- x: y\n" {
		t.Errorf("first action = %q", a)
	}
	// As the unit wrote it: a literal block, the emoji as itself.
	if !bytes.Contains(merged, []byte("      "+block)) || bytes.Contains(merged, []byte(`\U`)) {
		t.Errorf("the merged plan is not written as the unit wrote it:\n%s", merged[bytes.Index(merged, []byte("action_plan:")):])
	}
	if d := got.ActionPlan.Date.String(); d != "2025-05-02" {
		t.Errorf("plan date = %s, want the --date given", d)
	}
	if orig, _ := os.ReadFile(insp); !bytes.Equal(orig, src) {
		t.Errorf("import -o changed the inspection file itself")
	}
}

// A plan that cannot be read leaves the inspection untouched, and says so.
func TestImportRefusesAndKeepsTheFile(t *testing.T) {
	dir := t.TempDir()
	src, _ := withoutPlan(t)
	insp := filepath.Join(dir, "inspection.yaml")
	if err := os.WriteFile(insp, src, 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "plan.xlsx")
	os.WriteFile(bad, []byte("PK\x03\x04 not really a zip"), 0o644)
	code, _, errs := runCLI(t, "", "import", insp, bad)
	if code != exitInvalid || !strings.Contains(errs, "unchanged") {
		t.Errorf("exit %d, stderr:\n%s", code, errs)
	}
	if now, _ := os.ReadFile(insp); !bytes.Equal(now, src) {
		t.Errorf("the inspection file changed")
	}
	for _, args := range [][]string{
		{"import", insp},
		{"import", insp, bad, "--date", "31/12"},
		{"template"},
		{"template", insp, "-o", "plan.docx"},
		{"template", "--inspection"},
		{"template", "--inspection", "-o", "x.xlsx", "--catalog", "1999"},
	} {
		if code, _, _ := runCLI(t, "", args...); code != exitUsage {
			t.Errorf("spur %s: exit %d, want %d", strings.Join(args, " "), code, exitUsage)
		}
	}
}

// The done-when: spur report on an .xlsx inspection gives the same
// report as on the equivalent YAML file, byte for byte.
func TestReportFromWorkbookEqualsYAML(t *testing.T) {
	const xlsx = "../../workbook/testdata/almaklinikens-vardcentral-2025.xlsx"
	dirs := [2]string{t.TempDir(), t.TempDir()}
	for i, in := range []string{fixture, xlsx} {
		if code, _, errs := runCLI(t, "", "report", in, "-o", dirs[i]); code != exitOK {
			t.Fatalf("report %s: exit %d\n%s", in, code, errs)
		}
	}
	for _, name := range []string{"almaklinikens-vardcentral-2025-02-11.pdf", "almaklinikens-vardcentral-2025-02-11.md"} {
		a, err := os.ReadFile(filepath.Join(dirs[0], name))
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(dirs[1], name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between the YAML and the workbook inspection", name)
		}
	}
}

// A blank inspection workbook is written for the catalogue asked for.
func TestInspectionTemplate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "inspektion.xlsx")
	if code, _, errs := runCLI(t, "", "template", "--inspection", "-o", path, "--catalog", "2023"); code != exitOK {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) != 11 || sheets[0] != workbook.SheetInspection || sheets[2] != workbook.AreaSheet("A") {
		t.Errorf("sheets %v", sheets)
	}
}

// A plan whose date the unit left empty is dated the day of the import,
// and a warning names that date and the cell where the plan's date
// belongs; with --date it is the user's date, without a word.
func TestImportNamesTheDateTaken(t *testing.T) {
	dir := t.TempDir()
	src, want := withoutPlan(t)
	insp := filepath.Join(dir, "inspection.yaml")
	os.WriteFile(insp, src, 0o644)
	plan := filepath.Join(dir, "plan.xlsx")
	if code, _, errs := runCLI(t, "", "template", insp, "-o", plan); code != exitOK {
		t.Fatalf("template: exit %d\n%s", code, errs)
	}
	blank, _ := os.ReadFile(plan)
	undated := *want
	undated.Date = schema.Date{}
	os.WriteFile(plan, fillPlan(t, blank, &undated), 0o644)
	t.Setenv("SOURCE_DATE_EPOCH", "1748908800") // 2025-06-03
	out := filepath.Join(dir, "out.yaml")
	code, _, errs := runCLI(t, "", "import", insp, plan, "-o", out)
	if code != exitOK {
		t.Fatalf("import: exit %d\n%s", code, errs)
	}
	if !strings.Contains(errs, plan+`:Instruktioner!B9: warning: the plan's date is empty, so the day of the import, 2025-06-03, is taken as its date, and relative dates such as "om sex månader" count from it`) {
		t.Errorf("no warning naming the date taken:\n%s", errs)
	}
	code, _, errs = runCLI(t, "", "import", insp, plan, "-o", out, "--date", "2025-05-20")
	if code != exitOK || strings.Contains(errs, "date is empty") {
		t.Errorf("with --date: exit %d\n%s", code, errs)
	}
}

// A final report's plan sent again with the row of an unmet föreskrift
// deleted is refused at the row, and the inspection is left as it was.
func TestImportRefusesADeletedRowInAFinalReport(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	insp := filepath.Join(dir, "inspection.yaml")
	os.WriteFile(insp, src, 0o644)
	plan := filepath.Join(dir, "plan.xlsx")
	if code, _, errs := runCLI(t, "", "template", insp, "-o", plan); code != exitOK {
		t.Fatalf("template: exit %d\n%s", code, errs)
	}
	got, _ := schema.Load(fixture, src)
	blank, _ := os.ReadFile(plan)
	f, err := excelize.OpenReader(bytes.NewReader(fillPlan(t, blank, got.ActionPlan)))
	if err != nil {
		t.Fatal(err)
	}
	f.RemoveRow(workbook.SheetPlan, 3) // D7
	f.SaveAs(plan)
	f.Close()
	code, _, errs := runCLI(t, "", "import", insp, plan, "--force")
	if code != exitInvalid {
		t.Errorf("exit %d, want %d\n%s", code, exitInvalid, errs)
	}
	if !strings.Contains(errs, plan+":Handlingsplan!B3: the row for D7 (Föreskrift: åtgärd krävs) is missing") || !strings.Contains(errs, "unchanged") {
		t.Errorf("not refused at the row:\n%s", errs)
	}
	if now, _ := os.ReadFile(insp); !bytes.Equal(now, src) {
		t.Error("the inspection file changed")
	}
}
