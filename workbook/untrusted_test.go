package workbook

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"spur/schema"
)

// zipFile is one part of a hand-made archive; a declared size, when set,
// is written in its header whatever the data unpacks to. raw, when set, is
// the part already compressed.
type zipFile struct {
	name     string
	data     []byte
	declared uint64
	raw      []byte
}

// padded deflates prefix, mib MiB of spaces and suffix without compressing
// the spaces more than once: deflate blocks ended by a flush may follow
// one another, so one compressed MiB is repeated.
func padded(prefix []byte, mib int, suffix []byte) []byte {
	block := func(data []byte, final bool) []byte {
		var b bytes.Buffer
		fw, _ := flate.NewWriter(&b, flate.BestSpeed)
		fw.Write(data)
		if final {
			fw.Close()
		} else {
			fw.Flush()
		}
		return b.Bytes()
	}
	out := block(prefix, false)
	mb := block(bytes.Repeat([]byte(" "), 1<<20), false)
	for range mib {
		out = append(out, mb...)
	}
	return append(out, block(suffix, true)...)
}

func makeZip(t testing.TB, files ...zipFile) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, f := range files {
		if f.raw != nil {
			w, err := zw.CreateRaw(&zip.FileHeader{Name: f.name, Method: zip.Deflate,
				CompressedSize64: uint64(len(f.raw)), UncompressedSize64: f.declared})
			if err != nil {
				t.Fatal(err)
			}
			w.Write(f.raw)
			continue
		}
		if f.declared == 0 {
			w, _ := zw.Create(f.name)
			w.Write(f.data)
			continue
		}
		var c bytes.Buffer
		fw, _ := flate.NewWriter(&c, flate.BestCompression)
		fw.Write(f.data)
		fw.Close()
		w, err := zw.CreateRaw(&zip.FileHeader{Name: f.name, Method: zip.Deflate,
			CompressedSize64: uint64(c.Len()), UncompressedSize64: f.declared})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(c.Bytes())
	}
	zw.Close()
	return b.Bytes()
}

// parts unpacks a workbook, changed by fn.
func parts(t testing.TB, data []byte, fn func(name string, b []byte) zipFile) []zipFile {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out []zipFile
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		out = append(out, fn(f.Name, b))
	}
	return out
}

// Files that are not what they claim, or built to hurt, give a clear error
// at their place and never a panic.
func TestUntrustedFiles(t *testing.T) {
	insp := fixture(t)
	tmpl := template(t, insp)
	filled := fillPlan(t, tmpl, insp.ActionPlan)
	yamlText, _ := os.ReadFile(fixturePath)
	var encrypted bytes.Buffer
	{
		f, _ := excelize.OpenReader(bytes.NewReader(filled))
		if err := f.Write(&encrypted, excelize.Options{Password: "hemligt"}); err != nil {
			t.Fatal(err)
		}
	}
	sheetPart := func(lie uint64) []zipFile {
		return parts(t, tmpl, func(name string, b []byte) zipFile {
			if name == "xl/worksheets/sheet2.xml" {
				// Blank space before the root element: a sheet that reads
				// the same, but unpacks to 80 MiB.
				i := bytes.Index(b, []byte("<worksheet"))
				size := uint64(len(b) + 80<<20)
				if lie > 0 {
					size = lie
				}
				return zipFile{name: name, raw: padded(b[:i], 80, b[i:]), declared: size}
			}
			return zipFile{name: name, data: b}
		})
	}
	for _, tc := range []struct {
		name string
		data []byte
		at   string
		text string
	}{
		{"empty file", nil, "plan.xlsx", "the file is empty"},
		{"YAML file", yamlText, "plan.xlsx", "this is not an Excel workbook (.xlsx): it is a text file"},
		{"PDF", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), "plan.xlsx", "it is a PDF document"},
		{"encrypted", encrypted.Bytes(), "plan.xlsx", "the workbook is encrypted (it needs a password to open)"},
		{"Excel 97-2003", append([]byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}, make([]byte, 1024)...), "plan.xlsx", "Excel 97–2003 workbook (.xls)"},
		{"OpenDocument", makeZip(t, zipFile{name: "mimetype", data: []byte("application/vnd.oasis.opendocument.spreadsheet")}, zipFile{name: "content.xml", data: []byte("<x/>")}),
			"plan.xlsx", "this is an OpenDocument file (.ods)"},
		{"zip without a workbook", makeZip(t, zipFile{name: "readme.txt", data: []byte("hej")}), "plan.xlsx", "a zip archive but not an Excel workbook"},
		{"truncated", filled[:len(filled)/2], "plan.xlsx", "the workbook is damaged"},
		{"too large", append([]byte("PK\x03\x04"), make([]byte, MaxFileSize)...), "plan.xlsx", "larger than the 16 MiB"},
		{"zip bomb", makeZip(t, sheetPart(0)...), "plan.xlsx", "the workbook unpacks to 80 MiB, more than the 64 MiB allowed"},
		{"zip bomb declaring 1 GiB", makeZip(t, zipFile{name: "xl/workbook.xml", data: []byte("<x/>"), declared: 1 << 30}), "plan.xlsx", "unpacks to 1024 MiB"},
		{"a cell at the end of the world", makeZip(t, parts(t, minimalPlan(), func(name string, b []byte) zipFile {
			return zipFile{name: name, data: bytes.Replace(b, []byte(`<c r="F3">`), []byte(`<c r="XFD1048576">`), 1)}
		})...), "plan.xlsx:Handlingsplan!XFD1048576", "a cell this far out is outside anything spur writes"},
		{"zip bomb lying about its size", makeZip(t, sheetPart(4096)...), "plan.xlsx", "the workbook is damaged: its part xl/worksheets/sheet2.xml cannot be unpacked"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			plan, diags, err := ReadPlan("plan.xlsx", bytes.NewReader(tc.data), int64(len(tc.data)), insp, PlanOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if plan != nil {
				t.Error("a plan from a file that is not one")
			}
			checkDiags(t, diags, []wantDiag{{tc.at, 0, tc.text}})
		})
	}
}

// Sheets too big to be a plan are refused at the cell where they become so.
func TestOversizedSheets(t *testing.T) {
	insp := fixture(t)
	filled := fillPlan(t, template(t, insp), insp.ActionPlan)
	for _, tc := range []struct {
		name string
		edit func(f *excelize.File)
		at   string
		text string
	}{
		{"10,000 rows", func(f *excelize.File) {
			for r := 30; r < 10030; r++ {
				f.SetCellStr(SheetPlan, fmt.Sprintf("E%d", r), "rad")
			}
		}, "plan.xlsx:Handlingsplan!A311", "has more than 300 rows with text (it runs to row 10029)"},
		{"a cell of 100,000 characters", nil, "plan.xlsx:Handlingsplan!E2", "the cell holds 100001 characters, more than the 32767"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var data []byte
			if tc.edit != nil {
				data = edit(t, filled, tc.edit)
			} else {
				// excelize cuts what it writes at 32767 characters, as Excel
				// does; another program may not.
				data = makeZip(t, parts(t, filled, func(name string, b []byte) zipFile {
					if name == "xl/sharedStrings.xml" {
						b = bytes.Replace(b, []byte("Inköp av öronmikroskop"), []byte(strings.Repeat("å", 100_000)), 1)
					}
					return zipFile{name: name, data: b}
				})...)
			}
			_, diags := read(t, "plan.xlsx", data, insp)
			checkDiags(t, diags, []wantDiag{{tc.at, 0, tc.text}})
			if len(diags) > maxRows+20 {
				t.Errorf("%d diagnostics; the reading should stop", len(diags))
			}
		})
	}
}

// Excel stores a line break typed on Windows as "_x000D_" before the line
// feed, and text with formatting as runs; both read as the plain text.
func TestExcelStyleStrings(t *testing.T) {
	insp := fixture(t)
	filled := fillPlan(t, template(t, insp), insp.ActionPlan)
	data := makeZip(t, parts(t, filled, func(name string, b []byte) zipFile {
		if name == "xl/sharedStrings.xml" {
			i := bytes.Index(b, []byte("Inköp av öronmikroskop"))
			start := bytes.LastIndex(b[:i], []byte("<si>"))
			end := i + bytes.Index(b[i:], []byte("</si>")) + len("</si>")
			rich := `<si><r><rPr><b/></rPr><t>Inköp</t></r><r><t xml:space="preserve"> av öronmikroskop_x000D_` + "\n" + `ur budget 2025</t></r></si>`
			b = append(append(append([]byte{}, b[:start]...), rich...), b[end:]...)
		}
		return zipFile{name: name, data: b}
	})...)
	plan, diags := read(t, "plan.xlsx", data, insp)
	if len(diags) > 0 {
		t.Errorf("diagnostics: %s", diags)
	}
	if e := entryOf(plan, "C1"); e == nil || e.Action != "Inköp av öronmikroskop\nur budget 2025" {
		t.Errorf("action = %q", e.Action)
	}
}

// A value is quoted in a message to at most schema.MaxEcho characters,
// however long the cell: a message stays a line a person can read.
func TestLongValuesInMessages(t *testing.T) {
	insp := fixture(t)
	long := strings.Repeat("x", maxCellRunes)
	for _, tc := range []struct {
		name string
		read func() schema.Diagnostics
		at   string
		text string
		max  int // bytes of the diagnostic: the quote and the message's own words
	}{{
		name: "the unit of a plan",
		read: func() schema.Diagnostics {
			data := edit(t, fillPlan(t, template(t, insp), insp.ActionPlan), func(f *excelize.File) {
				for _, k := range []string{propKind, propUnit, propVisit, propCatalog, propFingerprint} {
					f.SetCustomProps(excelize.CustomProperty{Name: k})
				}
				set(t, f, SheetInstructions, "B"+itoa(labelRow(t, f, SheetInstructions, labelUnit)), long)
			})
			_, diags := read(t, "plan.xlsx", data, insp)
			return diags
		},
		at:   "plan.xlsx:Instruktioner!B3",
		text: `this plan was made for another inspection: unit "` + long[:schema.MaxEcho] + `… (32767 characters in all)", not "Almaklinikens vårdcentral"`,
		max:  450,
	}, {
		name: "a criterion twice",
		read: func() schema.Diagnostics {
			data := edit(t, fillInspection(t, inspectionTemplate(t, insp.Cat), insp), func(f *excelize.File) {
				set(t, f, "Område A", "A60", long)
				set(t, f, "Område A", "A61", long)
			})
			_, diags := loadWorkbook(t, "inspection.xlsx", data)
			return diags
		},
		at:   "inspection.xlsx:Område A!A61",
		text: "a second row for " + strings.ToUpper(long[:schema.MaxEcho]) + "… (32767 characters in all) (the first is at A60); keep one",
		max:  400,
	}} {
		t.Run(tc.name, func(t *testing.T) {
			diags := tc.read()
			checkDiags(t, diags, []wantDiag{{tc.at, schema.Error, tc.text}})
			for _, d := range diags {
				if n := len(d.String()); n > tc.max || strings.Contains(d.Message, long[:schema.MaxEcho+1]) {
					t.Errorf("a message of %d bytes: %.300s…", n, d)
				}
			}
		})
	}
}
