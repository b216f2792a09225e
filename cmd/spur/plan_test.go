package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"spur/input"
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

// followUpRow is what the region types into a row of the follow-up
// workbook: status, note, date and who (columns H–K).
type followUpRow [4]string

// fillFollowUps types rows into the follow-up workbook at path, each in
// the row of its criterion; edit then changes it further.
func fillFollowUps(t *testing.T, path string, rows map[string]followUpRow, edit func(f *excelize.File, rowOf func(id string) string)) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rowOf := func(id string) string {
		all, _ := f.GetRows(workbook.SheetActions)
		for i, r := range all {
			if len(r) > 1 && r[1] == id {
				return strconv.Itoa(i + 1)
			}
		}
		t.Fatalf("no row for %s in %s", id, workbook.SheetActions)
		return ""
	}
	for id, r := range rows {
		n := rowOf(id)
		for i, v := range r {
			if v != "" {
				if err := f.SetCellStr(workbook.SheetActions, string(rune('H'+i))+n, v); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	if edit != nil {
		edit(f, rowOf)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

// inspectionCopy writes the fixture (changed by fn, if given) into dir
// with mode 0640, and returns its path and bytes.
func inspectionCopy(t *testing.T, dir, name string, fn func(string) string) (string, []byte) {
	t.Helper()
	data, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	if fn != nil {
		data = []byte(fn(string(data)))
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o640); err != nil {
		t.Fatal(err)
	}
	os.Chmod(path, 0o640) // whatever the umask
	return path, data
}

// unchanged checks that the file at path still has the bytes and mode it
// had.
func unchanged(t *testing.T, path string, data []byte) {
	t.Helper()
	now, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(now, data) {
		t.Errorf("%s changed", path)
	}
	if st, err := os.Stat(path); err != nil || st.Mode().Perm() != 0o640 {
		t.Errorf("%s: mode %v, want 0640", path, st.Mode().Perm())
	}
}

// followUpsIn loads the inspection at path and returns each entry's
// follow-ups.
func followUpsIn(t *testing.T, path string) map[string][]schema.FollowUp {
	t.Helper()
	insp, diags, err := input.Load(path)
	if err != nil || diags.HasErrors() {
		t.Fatalf("%s: %v\n%s", path, err, diags)
	}
	out := map[string][]schema.FollowUp{}
	for _, e := range insp.ActionPlan.Entries {
		if len(e.FollowUps) > 0 {
			out[e.Criterion] = e.FollowUps
		}
	}
	return out
}

// linesKept checks that merged holds every line of src, in order, and
// returns the lines it adds.
func linesKept(t *testing.T, src, merged []byte) string {
	t.Helper()
	have := strings.SplitAfter(string(src), "\n")
	var added strings.Builder
	i := 0
	for _, l := range strings.SplitAfter(string(merged), "\n") {
		if i < len(have) && l == have[i] {
			i++
			continue
		}
		added.WriteString(l)
	}
	if i < len(have) {
		t.Errorf("line %d of the inspection, %q, is not kept", i+1, have[i])
	}
	return added.String()
}

// The done-when: template --follow-up → filled in (Swedish words,
// a note of several lines with an emoji, a date cell, a date as text, a
// row with no date) → import: the inspection holds the follow-ups exactly,
// every other line (comments too) as it was, the mode kept; a second
// import changes nothing. The same workbook saved again by LibreOffice
// Calc imports to the same bytes (when soffice is installed).
func TestFollowUpRoundTrip(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1768003200") // 2026-01-10
	dir := t.TempDir()
	insp, src := inspectionCopy(t, dir, "inspection.yaml", nil)
	book := filepath.Join(dir, "uppfoljning.xlsx")
	if code, out, errs := runCLI(t, "", "template", "--follow-up", insp, "-o", book); code != exitOK || out != book+"\n" {
		t.Fatalf("template: exit %d\n%s%s", code, out, errs)
	}
	fillFollowUps(t, book, map[string]followUpRow{
		"C1": {"Genomförd", "Mikroskopet är på plats 👍\nFakturan bifogad.", "2025-11-20", "Eva Lund (studierektor)"},
		"E4": {"delvis genomförd", "Två av tre har gått kursen.", "", "Eva Lund"},
		"H9": {"EJ GENOMFÖRD", "", "20 nov 2025", ""},
	}, func(f *excelize.File, rowOf func(string) string) {
		ref := "J" + rowOf("D7")
		style, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
		f.SetCellValue(workbook.SheetActions, ref, time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC))
		f.SetCellStyle(workbook.SheetActions, ref, ref, style)
		f.SetCellStr(workbook.SheetActions, "H"+rowOf("D7"), "uppskjuten")
	})
	filled, _ := os.ReadFile(book)

	code, out, errs := runCLI(t, "", "import", insp, book)
	if code != exitOK || out != insp+"\n" {
		t.Fatalf("import: exit %d\n%s%s", code, out, errs)
	}
	wantErr := book + ":Åtgärder!J4: warning: the follow-up of E4 has no date, so the day of the import, 2026-01-10, is taken as its date; write the day it was made (e.g. 2025-11-20), or import with --date\n" +
		insp + ": 4 follow-ups added from " + book + "\n"
	if errs != wantErr {
		t.Errorf("stderr:\n%s\nwant:\n%s", errs, wantErr)
	}
	day := schema.NewDate
	want := map[string][]schema.FollowUp{
		"C1": {{Date: day(2025, 11, 20), Status: schema.Done, Note: "Mikroskopet är på plats 👍\nFakturan bifogad.", By: "Eva Lund (studierektor)"}},
		"D7": {{Date: day(2025, 12, 1), Status: schema.Postponed}},
		"E4": {{Date: day(2026, 1, 10), Status: schema.Partly, Note: "Två av tre har gått kursen.", By: "Eva Lund"}},
		"H9": {{Date: day(2025, 11, 20), Status: schema.NotDone}},
	}
	if got := followUpsIn(t, insp); !reflect.DeepEqual(got, want) {
		t.Errorf("follow-ups:\n got %+v\nwant %+v", got, want)
	}
	merged, _ := os.ReadFile(insp)
	added := linesKept(t, src, merged)
	if want := "      follow_ups:\n        - date: 2025-11-20\n          status: done\n          note: |-\n            Mikroskopet är på plats 👍\n            Fakturan bifogad.\n          by: Eva Lund (studierektor)\n"; !strings.HasPrefix(added, want) {
		t.Errorf("the follow-up of C1 is not written as a person would:\n%s", added)
	}
	if st, _ := os.Stat(insp); st.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want the file's 0640", st.Mode().Perm())
	}

	code, _, errs = runCLI(t, "", "import", insp, book)
	if code != exitOK || !strings.Contains(errs, "no new follow-ups in "+book+" (4 in the file already); the file is unchanged") {
		t.Errorf("second import: exit %d\n%s", code, errs)
	}
	unchanged(t, insp, merged)

	t.Run("LibreOffice", func(t *testing.T) {
		saved := resaveWithLibreOffice(t, filled)
		insp2, _ := inspectionCopy(t, t.TempDir(), "inspection.yaml", nil)
		book2 := filepath.Join(filepath.Dir(insp2), "uppfoljning.xlsx")
		os.WriteFile(book2, saved, 0o644)
		if code, _, errs := runCLI(t, "", "import", insp2, book2); code != exitOK {
			t.Fatalf("import of the workbook LibreOffice saved: exit %d\n%s", code, errs)
		}
		if got, _ := os.ReadFile(insp2); !bytes.Equal(got, merged) {
			t.Errorf("the workbook saved by LibreOffice imports otherwise:\n%s", linesKept(t, src, got))
		}
	})
}

// resaveWithLibreOffice opens data in LibreOffice Calc and saves it as
// .xlsx again; without soffice the test is skipped.
func resaveWithLibreOffice(t *testing.T, data []byte) []byte {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice is not installed: the LibreOffice round trip of the follow-up workbook is not tested")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in", "uppfoljning.xlsx")
	os.MkdirAll(filepath.Dir(in), 0o755)
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, in)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	saved, err := os.ReadFile(filepath.Join(out, "uppfoljning.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	return saved
}

// Bad input is named at its cell and leaves the inspection as it was,
// bytes and mode: another inspection's workbook, a status spur does not
// know, a row whose criterion has no plan entry. A follow-up dated before
// the visit is imported, with a warning at its date.
func TestFollowUpImportRefuses(t *testing.T) {
	dir := t.TempDir()
	insp, src := inspectionCopy(t, dir, "inspection.yaml", nil)
	other, _ := inspectionCopy(t, dir, "other.yaml", func(s string) string {
		return strings.Replace(s, "name: Almaklinikens vårdcentral", "name: Björkklinikens vårdcentral", 1)
	})
	template := func(from, name string) string {
		book := filepath.Join(dir, name)
		if code, _, errs := runCLI(t, "", "template", "--follow-up", from, "-o", book, "--force"); code != exitOK {
			t.Fatalf("template: exit %d\n%s", code, errs)
		}
		return book
	}
	for _, tc := range []struct {
		name string
		from string
		rows map[string]followUpRow
		edit func(f *excelize.File, rowOf func(string) string)
		want string
	}{
		{name: "another inspection", from: other, rows: map[string]followUpRow{"C1": {"genomförd", "", "2025-11-20", ""}},
			want: ":Instruktioner!B3: this follow-up workbook was made for another inspection: unit \"Björkklinikens vårdcentral\", not \"Almaklinikens vårdcentral\""},
		{name: "a status spur does not know", from: insp, rows: map[string]followUpRow{"C1": {"genomförd", "", "2025-11-20", ""}, "D7": {"uppskjuen", "", "2025-11-20", ""}},
			want: `:Åtgärder!H3: status "uppskjuen" is not one of genomförd, delvis genomförd, ej genomförd, uppskjuten; did you mean "uppskjuten"?`},
		{name: "no plan entry", from: insp, rows: map[string]followUpRow{"E4": {"genomförd", "", "2025-11-20", ""}},
			edit: func(f *excelize.File, rowOf func(string) string) {
				f.SetCellStr(workbook.SheetActions, "B"+rowOf("E4"), "E3")
			},
			want: ":Åtgärder!B4: E3 has no entry in the inspection's action plan, so it cannot be followed up"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			book := template(tc.from, "uppfoljning.xlsx")
			fillFollowUps(t, book, tc.rows, tc.edit)
			code, _, errs := runCLI(t, "", "import", insp, book)
			if code != exitInvalid || !strings.Contains(errs, book+tc.want) || !strings.Contains(errs, book+": the follow-ups were not imported; "+insp+" is unchanged") {
				t.Errorf("exit %d, stderr:\n%s\nwant %s%s", code, errs, book, tc.want)
			}
			unchanged(t, insp, src)
		})
	}

	book := template(insp, "early.xlsx")
	fillFollowUps(t, book, map[string]followUpRow{"C1": {"genomförd", "", "2025-01-15", ""}}, nil)
	out := filepath.Join(dir, "out.yaml")
	code, _, errs := runCLI(t, "", "import", insp, book, "-o", out)
	if code != exitOK || !strings.Contains(errs, book+":Åtgärder!J2: warning: the follow-up of C1 is dated 2025-01-15, before the visit (2025-02-11)") {
		t.Errorf("exit %d, stderr:\n%s", code, errs)
	}
	unchanged(t, insp, src)
}

// The follow-up workbook's flags: one inspection, a .xlsx, and none of
// the other workbooks' flags.
func TestFollowUpTemplateUsage(t *testing.T) {
	dir := t.TempDir()
	insp, _ := inspectionCopy(t, dir, "inspection.yaml", nil)
	for _, args := range [][]string{
		{"template", "--follow-up"},
		{"template", "--follow-up", insp, insp},
		{"template", "--follow-up", insp, "-o", "x.yaml"},
		{"template", "--follow-up", insp, "--due", "2025-06-30"},
		{"template", "--follow-up", "--inspection", "-o", "x.xlsx"},
		{"template", "--follow-up", insp, "--catalog", "2025"},
	} {
		if code, _, _ := runCLI(t, "", args...); code != exitUsage {
			t.Errorf("spur %s: exit %d, want %d", strings.Join(args, " "), code, exitUsage)
		}
	}
	// An inspection with no plan has nothing to follow up.
	noPlan, _ := inspectionCopy(t, dir, "noplan.yaml", func(s string) string {
		s = s[:strings.Index(s, "\naction_plan:")+1]
		s = regexp.MustCompile(`(?m)^\s*plan_decision:.*\n`).ReplaceAllString(s, "")
		return strings.Replace(s, "\nstatus: final", "\nstatus: preliminary", 1)
	})
	code, _, errs := runCLI(t, "", "template", "--follow-up", noPlan, "-o", filepath.Join(dir, "u.xlsx"))
	if code != exitInvalid || !strings.Contains(errs, "no action plan to follow up") {
		t.Errorf("no plan: exit %d\n%s", code, errs)
	}
	// Without -o, the workbook is named after the unit and the visit.
	t.Chdir(dir)
	if code, out, errs := runCLI(t, "", "template", "--follow-up", "inspection.yaml"); code != exitOK || out != "almaklinikens-vardcentral-2025-02-11-uppfoljning.xlsx\n" {
		t.Errorf("default name: exit %d, %q\n%s", code, out, errs)
	}
}

// A plan the inspectors did not accept goes back to the unit filled in:
// spur template --revise writes the plan the inspection has into the
// workbook, and importing it unchanged gives the same plan back.
func TestTemplateRevise(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "plan.xlsx")
	code, _, errs := runCLI(t, "", "template", fixture, "-o", book, "--revise")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want, _, err := input.Load(fixture)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(workbook.SheetPlan)
	found := 0
	for _, r := range rows[1:] {
		if len(r) < 5 {
			continue
		}
		for _, e := range want.ActionPlan.Entries {
			if e.Criterion == r[1] {
				found++
				if r[4] != e.Action {
					t.Errorf("%s: the workbook's action %q, the plan's %q", e.Criterion, r[4], e.Action)
				}
			}
		}
	}
	if found != len(want.ActionPlan.Entries) {
		t.Errorf("%d of the plan's %d entries are in the workbook", found, len(want.ActionPlan.Entries))
	}
	// Without --revise the workbook is empty, and spur says how to fill it.
	code, _, errs = runCLI(t, "", "template", fixture, "-o", filepath.Join(dir, "empty.xlsx"))
	if code != exitOK || !strings.Contains(errs, "--revise fills it in") {
		t.Errorf("exit %d, %q", code, errs)
	}
	if code, _, _ := runCLI(t, "", "template", fixture, "-o", filepath.Join(dir, "p.yaml"), "--revise"); code != exitUsage {
		t.Errorf("--revise with a YAML template: exit %d", code)
	}
	// Imported unchanged, the revised workbook gives the plan it was made from.
	out := filepath.Join(dir, "again.yaml")
	code, _, errs = runCLI(t, "", "import", fixture, book, "-o", out)
	if code != exitOK {
		t.Fatalf("import: exit %d\n%s", code, errs)
	}
	got, _, err := input.Load(out)
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range want.ActionPlan.Entries {
		g := got.ActionPlan.Entries[i]
		if g.Criterion != e.Criterion || g.Action != e.Action || g.Due.Text != e.Due.Text || g.Responsible != e.Responsible || g.FollowUp.Text != e.FollowUp.Text || g.FollowUpBy != e.FollowUpBy {
			t.Errorf("entry %d: %+v, want %+v", i, g, e)
		}
	}
	if !got.ActionPlan.Date.Time().Equal(want.ActionPlan.Date.Time()) {
		t.Errorf("plan date %s, want %s", got.ActionPlan.Date, want.ActionPlan.Date)
	}
}
