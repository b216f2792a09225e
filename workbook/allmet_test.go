package workbook

import (
	"bytes"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"spur/schema"
)

// picks counts the choices made on the area sheets: alla uppfyllda and the
// assessments in column D.
func picks(t *testing.T, data []byte, cat *schema.Catalog) int {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	for _, a := range cat.Areas {
		rows, _ := f.GetRows(AreaSheet(a.Letter))
		for i, r := range rows {
			if i+1 == areaHeaderRow-1 && len(r) > 2 && r[2] != "" || i+1 > areaHeaderRow && len(r) > 3 && r[3] != "" {
				n++
			}
		}
	}
	return n
}

// sameAssessments fails t where an area of got was not read as the YAML
// equivalent's: met: all where alla uppfyllda was chosen, and the same
// lists.
func sameAssessments(t *testing.T, got, want *schema.Inspection) {
	t.Helper()
	for _, ca := range want.Cat.Areas {
		g, w := got.Areas[ca.Letter], want.Areas[ca.Letter]
		if g.Met.All != w.Met.All || !slices.Equal(g.Met.IDs, w.Met.IDs) || !slices.Equal(g.NotMet, w.NotMet) || !slices.Equal(g.NotApplicable, w.NotApplicable) {
			t.Errorf("area %s: met %+v, not met %v, not applicable %v; want met %+v, not met %v, not applicable %v",
				ca.Letter, g.Met, g.NotMet, g.NotApplicable, w.Met, w.NotMet, w.NotApplicable)
		}
	}
}

// The inspector: an area whose criteria are met takes one choice,
// alla uppfyllda, and a choice per criterion that is not. A workbook filled
// so in five areas and criterion by criterion in three reads back as its
// YAML equivalent (met: all where alla uppfyllda was chosen), also after
// LibreOffice Calc has saved it.
func TestInspectionWorkbookAllaUppfyllda(t *testing.T) {
	const path = "testdata/alla-uppfyllda.yaml"
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want, diags := schema.Load(path, src)
	if want == nil || len(diags) > 0 {
		t.Fatalf("the YAML equivalent does not load cleanly:\n%s", diags)
	}
	data := fillInspectionAll(t, inspectionTemplate(t, want.Cat), want, "ABCDEFGH")
	// 5 × alla uppfyllda, 1 + 0 + 2 + 2 + 2 marks in A, B, C, E, G, and
	// 13 + 6 + 13 in D, F, H: 44 choices instead of 74.
	if n := picks(t, data, want.Cat); n != 44 {
		t.Errorf("the workbook was filled with %d choices, want 44", n)
	}
	check := func(t *testing.T, data []byte) {
		got, diags := loadWorkbook(t, "alla-uppfyllda.xlsx", data)
		if len(diags) > 0 {
			t.Errorf("diagnostics:\n%s", diags)
		}
		sameInspection(t, got, want)
		sameAssessments(t, got, want)
	}
	check(t, data)
	t.Run("saved by LibreOffice", func(t *testing.T) {
		if _, err := exec.LookPath("soffice"); err != nil {
			t.Skip("soffice (LibreOffice) is not installed: the workbook saved again by LibreOffice Calc is not read back")
		}
		check(t, resave(t, data))
	})
}

// The fixture, a final report with its plan, filled with alla uppfyllda in
// every area: 31 choices, and the same inspection as the YAML file.
func TestInspectionWorkbookFixtureAllaUppfyllda(t *testing.T) {
	want := fixture(t)
	data := fillInspectionAll(t, inspectionTemplate(t, want.Cat), want, "ABCDEFGH")
	if n := picks(t, data, want.Cat); n != 31 {
		t.Errorf("the workbook was filled with %d choices, want 31 (8 areas and 23 unmet criteria)", n)
	}
	got, diags := loadWorkbook(t, "inspection.xlsx", data)
	if len(diags) > 0 {
		t.Errorf("diagnostics:\n%s", diags)
	}
	sameInspection(t, got, want)
	sameAssessments(t, got, want)
}

// A workbook written by the template before it had alla uppfyllda (this
// one was, filled with the fixture) reads as it did, and its messages
// offer no cell it does not have.
func TestInspectionWorkbookWithoutAllaRow(t *testing.T) {
	data, err := os.ReadFile("testdata/inspection-without-alla.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	want := fixture(t)
	got, diags := loadWorkbook(t, "inspection.xlsx", data)
	if len(diags) > 0 {
		t.Errorf("diagnostics:\n%s", diags)
	}
	sameInspection(t, got, want)
	diags = validateWorkbook(t, "inspection.xlsx", edit(t, data, func(f *excelize.File) { set(t, f, "Område E", "D22", "") }))
	exactDiags(t, diags, "inspection.xlsx:Område E!D22: E14 is not assessed: choose uppfyllt, ej uppfyllt or ej tillämpligt in D22")
}

// Each area sheet offers alla uppfyllda in an open cell above its table,
// the instructions say how it works, and no help text is longer than
// Excel shows.
func TestInspectionTemplateAllaUppfyllda(t *testing.T) {
	cat, _ := schema.CatalogVersion("2025")
	f, err := excelize.OpenReader(bytes.NewReader(inspectionTemplate(t, cat)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, a := range cat.Areas {
		sh := AreaSheet(a.Letter)
		if v, _ := f.GetCellValue(sh, "A7"); v != "Kriterier som inte markerats nedan" {
			t.Errorf("%s!A7 = %q", sh, v)
		}
		idx, _ := f.GetCellStyle(sh, "C7")
		if st, _ := f.GetStyle(idx); st.Protection == nil || st.Protection.Locked {
			t.Errorf("%s!C7 is locked", sh)
		}
		dvs, _ := f.GetDataValidations(sh)
		found := false
		for _, dv := range dvs {
			if dv.Sqref == "C7" {
				found = dv.Formula1 == `"alla uppfyllda"` && dv.Prompt != nil && strings.Contains(*dv.Prompt, "räknas då som uppfyllt")
			}
		}
		if !found {
			t.Errorf("%s!C7 offers no drop-down with alla uppfyllda", sh)
		}
		// Once it is chosen, the blank assessments show as met.
		last := itoa(areaHeaderRow + len(a.Criteria))
		cf, _ := f.GetConditionalFormats(sh)
		if r := cf["D9:D"+last]; len(r) != 1 || r[0].Criteria != `AND($C$7="alla uppfyllda",TRIM(D9)="")` {
			t.Errorf("%s: conditional formats %+v; want the blank cells of D9:D%s shaded when C7 is alla uppfyllda", sh, cf, last)
		}
	}
	rows, _ := f.GetRows(SheetInspection)
	text := ""
	for _, r := range rows {
		text += strings.Join(r, " ") + "\n"
	}
	for _, want := range []string{"välj alla uppfyllda i raden ”Kriterier som inte markerats nedan”", "markera bara de kriterier som är ej uppfyllda eller ej tillämpliga",
		"Varje kriterium som lämnas tomt räknas då som uppfyllt"} {
		if !strings.Contains(text, want) {
			t.Errorf("the instructions lack %q", want)
		}
	}
	// Excel refuses to show, or repairs, longer titles and messages.
	units := func(s *string) int {
		if s == nil {
			return 0
		}
		return len(utf16.Encode([]rune(*s)))
	}
	for _, sh := range f.GetSheetList() {
		dvs, _ := f.GetDataValidations(sh)
		for _, dv := range dvs {
			if units(dv.PromptTitle) > 32 || units(dv.ErrorTitle) > 32 || units(dv.Prompt) > 255 || units(dv.Error) > 225 {
				t.Errorf("%s!%s: a help text longer than Excel shows", sh, dv.Sqref)
			}
		}
	}
}
