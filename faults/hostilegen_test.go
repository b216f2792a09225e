//go:build unix

package faults

// The inputs of the hostile cases that are generated rather than kept in
// testdata/hostile: big ones, and those made from the fixture.

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// hostileRun runs spur under a virtual memory limit, so that an unbounded
// case fails rather than exhausting the machine.
func hostileRun(t *testing.T, dir string, args ...string) result {
	t.Helper()
	p := limited(dir, nil, memCeiling, args...)
	p.startProc(t)
	return p.wait(t, liveness)
}

// outside is the folder beside dir for files outside the inspections' tree
// and for outputs.
func outside(dir string) string {
	o := filepath.Join(filepath.Dir(dir), "outside")
	os.MkdirAll(o, 0o755)
	return o
}

func copyIn(t *testing.T, name, dir string) {
	t.Helper()
	writeFile(t, filepath.Join(dir, name), readFile(t, filepath.Join("testdata", "hostile", name)), 0o644)
}

// header is the top of a small inspection, with name as the unit's name
// as written (it may carry an anchor).
func header(name, visit, raw string) string {
	if raw == "" {
		raw = name
	}
	return fmt.Sprintf(`catalog: "2025"
status: preliminary
unit:
  name: %s
  organisation: Exempel AB
  specialty: Allmänmedicin
  region: Region Stockholm
  place: Barkarby
visit: %s
inspectors: [Karin Ek, Johan Sund]
`, raw, visit)
}

// fixtureNamed is the fixture with another unit name and visit date.
func fixtureNamed(t *testing.T, unit, visit string) []byte {
	t.Helper()
	s := string(readFile(t, fixture))
	s = strings.Replace(s, "\n  name: Almaklinikens vårdcentral\n", fmt.Sprintf("\n  name: %q\n", unit), 1)
	s = strings.Replace(s, "\nvisit: 2025-02-11", "\nvisit: "+visit, 1)
	if !strings.Contains(s, unit) || !strings.Contains(s, "\nvisit: "+visit) {
		t.Fatal("the fixture no longer has the unit name or visit the test replaces")
	}
	return []byte(s)
}

// zipBomb is a workbook whose sharedStrings part holds one text of n bytes.
// With lie set, the archive's directory claims the part unpacks to 1 KB.
func zipBomb(t *testing.T, n int, lie bool) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	part := func(name, content string) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(content))
	}
	part("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`)
	part("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	part("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Inspektion" sheetId="1" r:id="rId1"/></sheets></workbook>`)
	part("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`)
	part("xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`)
	// The part is written raw: one deflated megabyte, its blocks repeated
	// (each refers only to itself), so that making the bomb costs little.
	head := []byte(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>`)
	tail := []byte(`</t></si></sst>`)
	chunk := bytes.Repeat([]byte("A"), 1<<20)
	deflated := func(data []byte, final bool) []byte {
		var b bytes.Buffer
		fw, _ := flate.NewWriter(&b, flate.BestCompression)
		fw.Write(data)
		if final {
			fw.Close()
		} else {
			fw.Flush()
		}
		return b.Bytes()
	}
	block := deflated(chunk, false)
	crc := crc32.Update(0, crc32.IEEETable, head)
	var raw bytes.Buffer
	raw.Write(deflated(head, false))
	size := uint64(len(head))
	for ; size < uint64(n); size += uint64(len(chunk)) {
		raw.Write(block)
		crc = crc32.Update(crc, crc32.IEEETable, chunk)
	}
	raw.Write(deflated(tail, true))
	crc = crc32.Update(crc, crc32.IEEETable, tail)
	size += uint64(len(tail))
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/sharedStrings.xml", Method: zip.Deflate, CRC32: crc,
		CompressedSize64: uint64(raw.Len()), UncompressedSize64: size})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(raw.Bytes())
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	if lie {
		// The central directory entry of the part: its uncompressed size
		// (offset 24) says 1 KB.
		name := []byte("xl/sharedStrings.xml")
		sig := []byte{0x50, 0x4b, 0x01, 0x02}
		for i := bytes.LastIndex(data, sig); i >= 0; i = bytes.LastIndex(data[:i], sig) {
			nameLen := int(binary.LittleEndian.Uint16(data[i+28:]))
			if bytes.Equal(data[i+46:i+46+nameLen], name) {
				binary.LittleEndian.PutUint32(data[i+24:], 1024)
				break
			}
		}
	}
	if len(data) > 1<<20 {
		t.Fatalf("the zip bomb is %d bytes; it should be small", len(data))
	}
	return data
}

// sharedTextBomb is a blank inspection workbook with one shared string of
// 32,767 characters (Excel's limit for a cell) shown in 900 cells.
func sharedTextBomb(t *testing.T) []byte {
	t.Helper()
	dir := t.TempDir()
	blank := filepath.Join(dir, "blank.xlsx")
	must(t, "", "template", "--inspection", "-o", blank)
	f, err := excelize.OpenFile(blank)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetName(0)
	long := strings.Repeat("Lång text. ", 32767/11) + strings.Repeat("x", 32767%11)
	for row := 10; row < 40; row++ {
		for col := 11; col < 41; col++ {
			cell, _ := excelize.CoordinatesToCellName(col, row)
			if err := f.SetCellStr(sheet, cell, long); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	if buf.Len() > 200<<10 {
		t.Fatalf("the workbook is %d bytes: the text is not shared", buf.Len())
	}
	return buf.Bytes()
}
