package workbook

import (
	"bytes"
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"spur/schema"
)

// repeated shows one shared string of Excel's largest size (32,767
// characters) in n cells of sheet, cols cells a row from column from
// (0-based) and row 2: a file of some 36 KB whose cells expand to
// n × 32,767 bytes.
func repeated(t testing.TB, data []byte, sheet string, from, cols, n int) []byte {
	t.Helper()
	long := strings.Repeat("x", maxCellRunes)
	return edit(t, data, func(f *excelize.File) {
		for i := range n {
			set(t, f, sheet, cellName(from+i%cols, 2+i/cols), long)
		}
	})
}

// hostileInspection is a filled inspection workbook whose summary holds the
// same 32,767 characters in 897 cells (three columns of 299 rows, under the
// limit of 300 rows): 29 MB of text in a file of 36 KB.
func hostileInspection(t testing.TB) []byte {
	insp := fixture(t)
	return repeated(t, fillInspection(t, inspectionTemplate(t, insp.Cat), insp), SheetSummary, 0, 3, 897)
}

// allocated is the memory fn allocates, in all.
func allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// A workbook whose cells expand to more than MaxTextSize is refused at the
// cell where they pass it, before the text is built: reading it allocates
// far less than the text it would expand to.
func TestTextBudget(t *testing.T) {
	insp := fixture(t)
	plan := fillPlan(t, template(t, insp), insp.ActionPlan)
	// 512 cells of 32,767 bytes are 16,776,704 bytes, 512 short of 16 MiB:
	// with the few KB of text on the sheets before them, the budget is
	// passed at the 512th long cell.
	for _, tc := range []struct {
		name string
		data []byte
		read func(data []byte) (bool, schema.Diagnostics)
		at   string
	}{
		{"inspection workbook", hostileInspection(t), func(data []byte) (bool, schema.Diagnostics) {
			insp, diags, err := LoadInspection("inspection.xlsx", bytes.NewReader(data), int64(len(data)))
			if err != nil {
				t.Fatal(err)
			}
			return insp != nil, diags
		}, "inspection.xlsx:Sammanfattning!B172"}, // cell 512 of 3 a row from A2
		{"plan workbook", repeated(t, plan, SheetPlan, colAction, 5, 897), func(data []byte) (bool, schema.Diagnostics) {
			p, diags := read(t, "plan.xlsx", data, insp)
			return p != nil, diags
		}, "plan.xlsx:Handlingsplan!F104"}, // cell 512 of 5 a row from E2
	} {
		t.Run(tc.name, func(t *testing.T) {
			if len(tc.data) > 40<<10 {
				t.Fatalf("the workbook is %d KB; it should be a small file", len(tc.data)>>10)
			}
			var got bool
			var diags schema.Diagnostics
			n := allocated(func() { got, diags = tc.read(tc.data) })
			if got {
				t.Error("a result from a workbook over the budget")
			}
			checkDiags(t, diags, []wantDiag{{tc.at, schema.Error,
				"the workbook's cells, up to this one, hold more than 16 MiB of text (a text shared by many cells counts once for each), far more than a workbook of spur (well under 1 MiB): refusing to read it"}})
			if len(diags) != 1 {
				t.Errorf("%d diagnostics, want the one:\n%s", len(diags), diags)
			}
			// Before the budget, reading the inspection allocated 37 MB.
			if n > 8<<20 {
				t.Errorf("reading the workbook allocated %d MiB; the text must not be built", n>>20)
			}
		})
	}
	// Under the budget, the same text in fewer cells is read: the limit is
	// on the sum, not on any one cell.
	t.Run("under the budget", func(t *testing.T) {
		data := repeated(t, fillInspection(t, inspectionTemplate(t, insp.Cat), insp), SheetSummary, 0, 3, 30)
		got, diags := loadWorkbook(t, "inspection.xlsx", data)
		if got == nil || diags.HasErrors() || len(got.Summary.Strengths) < 10 || len(got.Summary.Strengths[9]) != maxCellRunes {
			t.Errorf("the workbook does not read:\n%s", diags)
		}
	})
}

// withPart replaces (or, for nil, removes) a part of a workbook.
func withPart(t testing.TB, data []byte, name string, fn func(b []byte) []byte) []byte {
	t.Helper()
	var files []zipFile
	for _, f := range parts(t, data, func(n string, b []byte) zipFile {
		if n == name {
			b = fn(b)
		}
		return zipFile{name: n, data: b}
	}) {
		if f.data != nil {
			files = append(files, f)
		}
	}
	return makeZip(t, files...)
}

// A workbook whose shared strings cannot be read says that it is damaged,
// not that its sheets lack their headers (every text cell would read as
// empty).
func TestDamagedSharedStrings(t *testing.T) {
	insp := fixture(t)
	inspection, err := os.ReadFile("testdata/almaklinikens-vardcentral-2025.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	plan := fillPlan(t, template(t, insp), insp.ActionPlan)
	const damaged = "the workbook is damaged: its shared strings (xl/sharedStrings.xml, where the text of its cells is kept) cannot be read"
	for _, tc := range []struct {
		name string
		fn   func(b []byte) []byte
		at   string // "" for the file
		text string
	}{
		{"truncated mid-tag", func(b []byte) []byte { return b[:bytes.Index(b, []byte("<si>"))+200] }, "",
			damaged + " (XML syntax error on line 2: unexpected EOF); open it in Excel or LibreOffice Calc and save it again"},
		{"garbage", func([]byte) []byte { return []byte("\x00\x01garbage, not XML") }, "", damaged},
		{"text", func([]byte) []byte { return []byte("Styrkor, Svagheter") }, "", damaged + " (it is not XML)"},
		{"another part", func([]byte) []byte { return []byte(`<?xml version="1.0"?><worksheet xmlns="` + nsMain + `"/>`) }, "",
			damaged + " (it holds <worksheet>, not the table of shared strings)"},
		{"too few strings", func([]byte) []byte { return []byte(`<sst xmlns="` + nsMain + `"><si><t>Styrkor</t></si></sst>`) }, "Sheet!A1",
			"the workbook is damaged: the cell's text is shared string 1, but the workbook's shared strings (xl/sharedStrings.xml) hold 1; open it in Excel or LibreOffice Calc and save it again"},
		{"missing", func([]byte) []byte { return nil }, "Sheet!A1",
			"the workbook is damaged: the cell's text is shared string 0, but the workbook has no shared strings (xl/sharedStrings.xml)"},
	} {
		for _, wb := range []struct {
			name, file string
			data       []byte
			read       func(name string, data []byte) (bool, schema.Diagnostics)
			first      string // the sheet of the first cell that names a shared string
		}{
			{"inspection", "inspection.xlsx", inspection, func(name string, data []byte) (bool, schema.Diagnostics) {
				insp, diags := loadWorkbook(t, name, data)
				return insp != nil, diags
			}, "Inspektion"},
			{"plan", "plan.xlsx", plan, func(name string, data []byte) (bool, schema.Diagnostics) {
				p, diags := read(t, name, data, insp)
				return p != nil, diags
			}, "Instruktioner"},
		} {
			t.Run(tc.name+"/"+wb.name, func(t *testing.T) {
				got, diags := wb.read(wb.file, withPart(t, wb.data, "xl/sharedStrings.xml", tc.fn))
				if got {
					t.Error("a result from a damaged workbook")
				}
				if len(diags) != 1 {
					t.Errorf("%d diagnostics, want the one:\n%s", len(diags), diags)
				}
				at := wb.file
				if tc.at != "" {
					at = "" // the first cell that names a shared string
					if d := diags[0]; d.Pos.File != wb.file || d.Pos.Sheet != wb.first {
						t.Errorf("at %s, want a cell of %s", d.Pos, wb.first)
					}
				}
				checkDiags(t, diags, []wantDiag{{at, schema.Error, tc.text}})
			})
		}
	}
}

// A cell far out is refused at its place, sheet and all, in either kind of
// workbook; excelize is not let near it.
func TestFarCells(t *testing.T) {
	insp := fixture(t)
	inspection := fillInspection(t, inspectionTemplate(t, insp.Cat), insp)
	plan := fillPlan(t, template(t, insp), insp.ActionPlan)
	// moved writes "långt ut" at ref of sheet and renames the cell to far,
	// in the XML, as a program other than excelize may write it.
	moved := func(data []byte, sheet, ref, far string) []byte {
		data = edit(t, data, func(f *excelize.File) { set(t, f, sheet, ref, "långt ut") })
		return makeZip(t, parts(t, data, func(name string, b []byte) zipFile {
			if strings.HasPrefix(name, "xl/worksheets/") && bytes.Contains(b, []byte(`<c r="`+ref+`"`)) {
				b = bytes.Replace(b, []byte(`<c r="`+ref+`"`), []byte(`<c r="`+far+`"`), 1)
			}
			return zipFile{name: name, data: b}
		})...)
	}
	const text = "a cell this far out is outside anything spur writes (a dozen columns, a few hundred rows; at most column CV and row 100000 are read): refusing to read the workbook; clear the cell (in Excel, Ctrl+End goes to it) and save it again"
	loadInsp := func(data []byte) (bool, schema.Diagnostics) {
		got, diags := loadWorkbook(t, "inspection.xlsx", data)
		return got != nil, diags
	}
	loadPlan := func(data []byte) (bool, schema.Diagnostics) {
		got, diags := read(t, "plan.xlsx", data, insp)
		return got != nil, diags
	}
	for _, tc := range []struct {
		name string
		data []byte
		read func([]byte) (bool, schema.Diagnostics)
		at   string
	}{
		{"inspection, the last cell of all", moved(inspection, "Område C", "Z40", "XFD1048576"), loadInsp, "inspection.xlsx:Område C!XFD1048576"},
		{"inspection, one column too far", edit(t, inspection, func(f *excelize.File) { set(t, f, "Område C", "CW5", "x") }), loadInsp, "inspection.xlsx:Område C!CW5"},
		{"inspection, one row too far", moved(inspection, SheetSummary, "A40", "A100001"), loadInsp, "inspection.xlsx:Sammanfattning!A100001"},
		{"plan, the last cell of all", moved(plan, SheetPlan, "Z40", "XFD1048576"), loadPlan, "plan.xlsx:Handlingsplan!XFD1048576"},
		{"plan, instruction sheet", moved(plan, SheetInstructions, "Z40", "ZZ1"), loadPlan, "plan.xlsx:Instruktioner!ZZ1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, diags := tc.read(tc.data)
			if got {
				t.Error("a result from a workbook with a far cell")
			}
			checkDiags(t, diags, []wantDiag{{tc.at, schema.Error, text}})
			if len(diags) != 1 {
				t.Errorf("%d diagnostics, want the one:\n%s", len(diags), diags)
			}
		})
	}
}

// A workbook of more cells than any of spur's, empty or not, is refused at
// the cell past the limit: excelize keeps some hundred bytes for each.
func TestTooManyCells(t *testing.T) {
	data := minimalPlanWith(func(name, body string) string {
		if name != "xl/worksheets/sheet2.xml" {
			return body
		}
		var b strings.Builder
		for r := 10; r < 10+maxCells/maxExtentCol+1; r++ {
			b.WriteString(`<row r="` + itoa(r) + `">`)
			for c := range maxExtentCol {
				b.WriteString(`<c r="` + cellName(c, r) + `" s="1"/>`)
			}
			b.WriteString(`</row>`)
		}
		return strings.Replace(body, "</sheetData>", b.String()+"</sheetData>", 1)
	})
	// 24 cells come before the rows added from row 10: the 199,977th of
	// them, in row 2009 and column BY (the 77th), is the 200,001st.
	plan, diags := read(t, "plan.xlsx", data, fixture(t))
	if plan != nil {
		t.Error("a plan from a workbook of too many cells")
	}
	checkDiags(t, diags, []wantDiag{{"plan.xlsx:Handlingsplan!BY2009", schema.Error,
		"the workbook has more than 200000 cells by this one, far more than a workbook of spur has (a few thousand): refusing to read it"}})
}
