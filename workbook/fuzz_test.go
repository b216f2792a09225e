package workbook

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"spur/schema"
)

// minimalPlan is a plan workbook of five small parts, stored without
// compression so that the fuzzer's changes land in the XML: the smallest
// file that reaches the row matching of ReadPlan (no document properties,
// so the identity comes from the instruction sheet).
func minimalPlan() []byte { return minimalPlanWith(nil) }

// sharedPlan is minimalPlan with two of its texts kept as shared strings,
// one of them in two runs, as Excel writes them; sst is the part
// xl/sharedStrings.xml.
func sharedPlan(sst string) []byte {
	return minimalPlanWith(func(name, body string) string {
		if name != "xl/worksheets/sheet2.xml" {
			return body
		}
		for ref, i := range map[string]string{"B2": "0", "E2": "1"} {
			start := fmt.Sprintf(`<c r="%s" t="inlineStr">`, ref)
			j := strings.Index(body, start)
			k := j + strings.Index(body[j:], "</c>") + len("</c>")
			body = body[:j] + fmt.Sprintf(`<c r="%s" t="s"><v>%s</v></c>`, ref, i) + body[k:]
		}
		return body
	}, "xl/sharedStrings.xml", sst)
}

const sharedStrings = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2">` +
	`<si><t>C1</t></si><si><r><t xml:space="preserve">Inköp av </t></r><r><rPr><b/></rPr><t xml:space="preserve">öronmikroskop` + "\n" + `rad två</t></r></si></sst>`

// minimalPlanWith is minimalPlan with each part's text passed through edit,
// when not nil, and the named parts of extra (name, text, ...) added.
func minimalPlanWith(edit func(name, body string) string, extra ...string) []byte {
	inline := func(ref, s string) string {
		return fmt.Sprintf(`<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>`, ref, s)
	}
	sheet := func(rows ...string) string {
		return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
			fmt.Sprint(rows) + `</sheetData></worksheet>`
	}
	row := func(n int, cells ...string) string { return fmt.Sprintf(`<row r="%d">%s</row>`, n, fmt.Sprint(cells)) }
	files := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Instruktioner" sheetId="1" r:id="rId1"/><sheet name="Handlingsplan" sheetId="2" r:id="rId2"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>`},
		{"xl/worksheets/sheet1.xml", sheet(
			row(3, inline("A3", "Enhet"), inline("B3", "Almaklinikens vårdcentral")),
			row(6, inline("A6", "Inspektionsbesök"), inline("B6", "2025-02-11")),
			row(7, inline("A7", "Kriterieversion"), inline("B7", "2025")),
			row(9, inline("A9", "Datum för handlingsplanen"), `<c r="B9"><v>45797</v></c>`))},
		{"xl/worksheets/sheet2.xml", sheet(
			row(1, inline("B1", "Kriterium"), inline("D1", "Kriterietext"), inline("E1", "Planerad åtgärd"), inline("F1", "Datum när åtgärden ska vara genomförd"),
				inline("G1", "Ansvarig för genomförandet"), inline("H1", "Datum för uppföljning"), inline("I1", "Ansvarig för uppföljningen")),
			row(2, inline("B2", "C1"), inline("E2", "Inköp av öronmikroskop\nrad två"), inline("F2", "20251231"),
				inline("G2", "Verksamhetschefen"), `<c r="H2" t="str"><f>"om sex månader"</f><v>om sex månader</v></c>`, inline("I2", "Studierektor")),
			row(3, inline("B3", "E4"), `<c r="F3"><v>46022</v></c>`, `<c r="H3" t="e"><v>#N/A</v></c>`))},
	}
	for i := 0; i+1 < len(extra); i += 2 {
		files = append(files, struct{ name, body string }{extra[i], extra[i+1]})
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, f := range files {
		if edit != nil {
			f.body = edit(f.name, f.body)
		}
		// No checksum (0 is none to archive/zip): a change the fuzzer
		// makes to the XML reaches the XML, not a checksum error.
		w, _ := zw.CreateRaw(&zip.FileHeader{Name: f.name, Method: zip.Store,
			CompressedSize64: uint64(len(f.body)), UncompressedSize64: uint64(len(f.body))})
		w.Write([]byte(f.body))
	}
	zw.Close()
	return b.Bytes()
}

// The seed corpus: `go test ./workbook -run FuzzSeeds -update` rewrites it.
func TestFuzzSeeds(t *testing.T) {
	far := minimalPlanWith(func(_, body string) string {
		return strings.Replace(body, `<c r="F3">`, `<c r="XFD1048576">`, 1)
	})
	seeds := map[string][]byte{
		"minimal_plan":   minimalPlan(),
		"shared_strings": sharedPlan(sharedStrings),
		// Cut in the middle of a tag: the workbook is damaged, and says so.
		"damaged_shared_strings": sharedPlan(sharedStrings[:strings.Index(sharedStrings, "<r>")+6]),
		"far_cell":               far,
		"not_a_workbook":         []byte("catalog: \"2025\"\n"),
		"ole_header":             {0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0},
		"empty_zip":              []byte("PK\x05\x06\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"),
	}
	dir := filepath.Join("testdata", "fuzz", "FuzzImportWorkbook")
	for name, data := range seeds {
		path := filepath.Join(dir, name)
		want := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", data)
		if *update {
			os.MkdirAll(dir, 0o755)
			if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if got, err := os.ReadFile(path); err != nil || string(got) != want {
			t.Errorf("seed %s is stale (err %v); run with -update", name, err)
		}
	}
	// The minimal plans are read as plans: the seeds reach the rows.
	for _, name := range []string{"minimal_plan", "shared_strings"} {
		plan, diags := read(t, "seed.xlsx", seeds[name], fixture(t))
		if plan == nil || len(plan.Entries) != 2 || plan.Entries[0].Action != "Inköp av öronmikroskop\nrad två" || plan.Date.String() != "2025-05-20" {
			t.Errorf("the seed %s does not read: %+v\n%s", name, plan, diags)
		}
	}
	// The hostile ones are refused at their place, and for what they are.
	for name, want := range map[string]wantDiag{
		"damaged_shared_strings": {"seed.xlsx", schema.Error, "the workbook is damaged: its shared strings (xl/sharedStrings.xml, where the text of its cells is kept) cannot be read"},
		"far_cell":               {"seed.xlsx:Handlingsplan!XFD1048576", schema.Error, "a cell this far out is outside anything spur writes"},
	} {
		_, diags := read(t, "seed.xlsx", seeds[name], fixture(t))
		checkDiags(t, diags, []wantDiag{want})
	}
}

// FuzzImportWorkbook feeds any bytes to the two readers of workbooks: they
// may report anything, and must never panic or hang.
func FuzzImportWorkbook(f *testing.F) {
	insp := fixture(f)
	f.Add(fillPlan(f, template(f, insp), insp.ActionPlan))
	f.Fuzz(func(t *testing.T, data []byte) {
		plan, diags, err := ReadPlan("f.xlsx", bytes.NewReader(data), int64(len(data)), insp, PlanOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if plan == nil && !diags.HasErrors() {
			t.Fatal("no plan and no error")
		}
		if _, _, err := LoadInspection("f.xlsx", bytes.NewReader(data), int64(len(data))); err != nil {
			t.Fatal(err)
		}
	})
}
