package workbook

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"spur/schema"
)

// The plan template is what a unit opens: its rows, what is locked, what
// is open, and the help it shows.
func TestPlanTemplateLayout(t *testing.T) {
	insp := fixture(t)
	f, err := excelize.OpenReader(bytes.NewReader(template(t, insp)))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(f.GetSheetList(), ","); got != "Instruktioner,Handlingsplan" {
		t.Errorf("sheets = %s", got)
	}
	if f.GetActiveSheetIndex() != 0 {
		t.Error("the workbook opens on the instructions")
	}
	rows, _ := f.GetRows(SheetPlan)
	var ids []string
	for _, r := range rows[1:] {
		ids = append(ids, r[colID])
		cr, _, _ := insp.Cat.Criterion(r[colID])
		if r[colText] != cr.Text {
			t.Errorf("%s: the criterion text is not the catalogue's, verbatim", r[colID])
		}
		if want := map[bool]string{true: kindRequired, false: kindRecommended}[cr.Kind.Group() == schema.Regulation]; r[colKind] != want {
			t.Errorf("%s is marked %q, want %q", r[colID], r[colKind], want)
		}
	}
	if got := strings.Join(ids, " "); got != "C1 D7 E4 E5 E6 E10 E11 E12 G1 G2 H1 H2 H4 H5 H6 H7 H9 H10 H11" {
		t.Errorf("rows = %s; want every unmet föreskrift and allmänt råd in catalogue order", got)
	}
	locked := func(ref string) bool {
		idx, _ := f.GetCellStyle(SheetPlan, ref)
		st, _ := f.GetStyle(idx)
		return st.Protection == nil || st.Protection.Locked
	}
	for _, ref := range []string{"A2", "B2", "C2", "D2", "D20"} {
		if !locked(ref) {
			t.Errorf("%s is open; area, criterion and text are locked", ref)
		}
	}
	for _, ref := range []string{"E2", "F2", "G2", "H2", "I2", "I20"} {
		if locked(ref) {
			t.Errorf("%s is locked; the five fields are the unit's", ref)
		}
		idx, _ := f.GetCellStyle(SheetPlan, ref)
		if st, _ := f.GetStyle(idx); st.NumFmt != 49 || st.Alignment == nil || !st.Alignment.WrapText {
			t.Errorf("%s is not wrapped text: dates typed into it would turn into numbers", ref)
		}
	}
	prot, err := f.GetSheetProtection(SheetPlan)
	if err != nil || prot.Password != "" || prot.AlgorithmName != "" {
		t.Errorf("the sheet is protected without a password: %+v %v", prot, err)
	}
	if panes, _ := f.GetPanes(SheetPlan); !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("the header row is not frozen: %+v", panes)
	}
	dvs, _ := f.GetDataValidations(SheetPlan)
	var help []string
	for _, dv := range dvs {
		if dv.Prompt != nil && strings.Contains(*dv.Prompt, "2025-12-31") {
			help = append(help, dv.Sqref)
		}
	}
	if strings.Join(help, ",") != "F2:F20 H2:H20" {
		t.Errorf("the date help shows on %v; want both date columns", help)
	}
	if h, _ := f.GetRowHeight(SheetPlan, 8); h < 7*15 {
		t.Errorf("row 8 (E11, a criterion of seven lines) is %v points high", h)
	}
	if w, _ := f.GetColWidth(SheetPlan, "E"); w < 40 {
		t.Errorf("the action column is %v wide", w)
	}
	// The rows people type into grow with their text: their height is not
	// marked as set by hand.
	zr, _ := zip.NewReader(bytes.NewReader(template(t, insp)), int64(len(template(t, insp))))
	for _, zf := range zr.File {
		if zf.Name == "xl/worksheets/sheet2.xml" {
			rc, _ := zf.Open()
			xml, _ := io.ReadAll(rc)
			if n := bytes.Count(xml, []byte(`customHeight`)); n != 1 {
				t.Errorf("%d rows of the plan sheet have a fixed height; only the header should", n)
			}
		}
	}
	instr, _ := f.GetRows(SheetInstructions)
	text := ""
	for _, r := range instr {
		text += strings.Join(r, " ") + "\n"
	}
	for _, want := range []string{"Almaklinikens vårdcentral", "2025-02-11", "inom cirka tre månader", "Så skriver du datum", "om sex månader", labelPlanDate} {
		if !strings.Contains(text, want) {
			t.Errorf("the instructions lack %q", want)
		}
	}
}

// The same inspection gives the same bytes, with the inspection's date in
// the document properties and no clock anywhere.
func TestTemplatesAreDeterministic(t *testing.T) {
	insp := fixture(t)
	for _, tc := range []struct {
		name  string
		write func(w io.Writer) error
		date  string
	}{
		{"plan", func(w io.Writer) error { return WritePlanTemplate(w, insp, PlanOptions{}) }, "2025-02-11T00:00:00Z"},
		{"inspection", func(w io.Writer) error { return WriteInspectionTemplate(w, insp.Cat) }, "2000-01-01T00:00:00Z"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var a, b bytes.Buffer
			if err := tc.write(&a); err != nil {
				t.Fatal(err)
			}
			if err := tc.write(&b); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Error("two runs give different bytes")
			}
			if tc.date == "" {
				return
			}
			zr, _ := zip.NewReader(bytes.NewReader(a.Bytes()), int64(a.Len()))
			for _, zf := range zr.File {
				if !zf.Modified.IsZero() && zf.Modified.Year() > 1980 {
					t.Errorf("%s carries a file time %v", zf.Name, zf.Modified)
				}
				if zf.Name == "docProps/core.xml" {
					rc, _ := zf.Open()
					core, _ := io.ReadAll(rc)
					if !bytes.Contains(core, []byte(tc.date)) || !bytes.Contains(core, []byte("<dc:creator>spur</dc:creator>")) {
						t.Errorf("core properties: %s", core)
					}
				}
			}
		})
	}
}
