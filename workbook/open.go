package workbook

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"spur/schema"
)

// Workbooks come from outside: a unit mails one back, filled in by hand in
// whatever program it has. Before excelize sees a byte, the file is checked
// for what it claims to be and for how far it unpacks, so that a zip bomb,
// an encrypted or a legacy file is refused with a message that says what to
// do, and excelize is opened with explicit limits, never its defaults (16 GB).
const (
	// MaxFileSize is the largest workbook read. A filled plan is some 30 KB,
	// an inspection workbook some 60 KB.
	MaxFileSize = 16 << 20
	// unzipLimit bounds what all the parts of a workbook unpack to.
	unzipLimit = 64 << 20
	// maxParts bounds the number of files in the archive.
	maxParts = 1000
	// maxCellRunes is Excel's own limit on the text of one cell; a longer
	// cell was not typed into Excel, and cutting it would lose text.
	maxCellRunes = 32767
	// MaxTextSize bounds the text the cells of one workbook expand to: the
	// bytes of every cell's value added up, a shared string once for each
	// cell that shows it (see scan.go). A filled inspection workbook holds
	// some 35 KB of text; 16 MiB, as a YAML file's aliases may expand to,
	// leaves ample room and keeps the reading of any workbook to tens of MiB.
	MaxTextSize = 16 << 20
	// maxCells bounds the cells of one workbook, empty or not, as the YAML
	// loader bounds the values of a file: a workbook of spur has a few
	// thousand, and each cell costs excelize some hundred bytes.
	maxCells = 200_000
)

var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}
	// utf16Encryption is "EncryptionInfo" in UTF-16LE, the stream an
	// encrypted OOXML file carries inside its OLE container.
	utf16Encryption = []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o\x00")
)

// book is an open workbook with the name used in diagnostics.
type book struct {
	f     *excelize.File
	file  string
	dates map[int]bool // style index → its number format shows a date
	// offset turns a serial of the 1904 date system (old Excel for Mac)
	// into one of the 1900 system.
	offset float64
}

// openBook reads a workbook. A file that is not one, or not one spur will
// read, gives an error diagnostic (at the file, or at the cell that makes
// it so) and a nil book; err is for a reader that fails.
func openBook(name string, r io.ReaderAt, size int64, diags *schema.Diagnostics) (b *book, err error) {
	top := schema.Pos{File: name}
	switch {
	case size <= 0:
		diags.Errorf(top, "the file is empty; expected an Excel workbook (.xlsx)")
		return nil, nil
	case size > MaxFileSize:
		diags.Errorf(top, "the file is %d MiB, larger than the %d MiB a workbook of spur may have; is it the right file?", size>>20, MaxFileSize>>20)
		return nil, nil
	}
	data := make([]byte, size)
	if n, err := r.ReadAt(data, 0); n < len(data) {
		if err == nil {
			err = io.ErrUnexpectedEOF
		}
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if !checkArchive(name, data, diags) {
		return nil, nil
	}
	defer func() {
		if p := recover(); p != nil {
			diags.Errorf(top, "the workbook is damaged: reading it failed (%s); open it in Excel or LibreOffice Calc and save it again", schema.Clip(fmt.Sprint(p)))
			b = nil
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    unzipLimit,
		UnzipXMLSizeLimit: unzipLimit, // the same: nothing is unpacked to temporary files
		RawCellValue:      true,
	})
	if err != nil {
		diags.Errorf(top, "cannot read the workbook: %s; open it in Excel or LibreOffice Calc and save it again as .xlsx", schema.Clip(err.Error()))
		return nil, nil
	}
	b = &book{f: f, file: name, dates: map[int]bool{}}
	if !b.scan(diags) {
		b.close()
		return nil, nil
	}
	if p, err := f.GetWorkbookProps(); err == nil && p.Date1904 != nil && *p.Date1904 {
		b.offset = 1462
	}
	return b, nil
}

// checkArchive tells what the file is when it is not an .xlsx workbook, and
// refuses an archive that unpacks to more than unzipLimit.
func checkArchive(name string, data []byte, diags *schema.Diagnostics) bool {
	top := schema.Pos{File: name}
	if bytes.HasPrefix(data, oleMagic) {
		if bytes.Contains(data, utf16Encryption) {
			diags.Errorf(top, "the workbook is encrypted (it needs a password to open); remove the password (in Excel: File > Info > Protect Workbook; in LibreOffice: File > Properties > Security), save it and send it again")
		} else {
			diags.Errorf(top, "this is an Excel 97–2003 workbook (.xls); open it and save it as an Excel workbook (.xlsx)")
		}
		return false
	}
	if !bytes.HasPrefix(data, zipMagic) {
		what := "it does not start like one"
		n := min(len(data), 512)
		for n > 0 && n < len(data) && !utf8.RuneStart(data[n]) {
			n-- // do not cut a character in two
		}
		switch {
		case bytes.HasPrefix(data, []byte("%PDF")):
			what = "it is a PDF document"
		case utf8.Valid(data[:n]):
			what = "it is a text file (a YAML plan is read as YAML: name it .yaml)"
		}
		diags.Errorf(top, "this is not an Excel workbook (.xlsx): %s", what)
		return false
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		diags.Errorf(top, "the workbook is damaged (%v); open it in Excel or LibreOffice Calc and save it again", err)
		return false
	}
	if len(zr.File) > maxParts {
		diags.Errorf(top, "the archive holds %d files; a workbook of spur holds some twenty: refusing to read it", len(zr.File))
		return false
	}
	var total uint64
	has := map[string]bool{}
	for _, zf := range zr.File {
		total += zf.UncompressedSize64
		has[strings.ToLower(zf.Name)] = true
	}
	if total > unzipLimit {
		diags.Errorf(top, "the workbook unpacks to %d MiB, more than the %d MiB allowed (a workbook of spur unpacks to well under 1 MiB): refusing to read it", total>>20, unzipLimit>>20)
		return false
	}
	// Unpack every part once, to nowhere: a part that unpacks to more than
	// its header says (archive/zip stops it there) or fails its checksum
	// is damage that excelize would pass over in silence.
	for _, zf := range zr.File {
		if err := drain(zf); err != nil {
			diags.Errorf(top, "the workbook is damaged: its part %s cannot be unpacked (%v); open it in Excel or LibreOffice Calc and save it again", schema.Clip(zf.Name), err)
			return false
		}
	}
	if !has["xl/workbook.xml"] {
		switch {
		case has["content.xml"] && has["mimetype"]:
			diags.Errorf(top, "this is an OpenDocument file (.ods); save it as an Excel workbook (.xlsx): in LibreOffice Calc, File > Save As, type Excel 2007-365")
		case has["word/document.xml"]:
			diags.Errorf(top, "this is a Word document, not an Excel workbook (.xlsx)")
		default:
			diags.Errorf(top, "this is a zip archive but not an Excel workbook (.xlsx): it has no xl/workbook.xml")
		}
		return false
	}
	return true
}

// drain unpacks a part to nowhere.
func drain(zf *zip.File) error {
	rc, err := zf.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	_, err = io.Copy(io.Discard, io.LimitReader(rc, int64(min(zf.UncompressedSize64, unzipLimit))+1))
	return err
}

// The extent a sheet of spur may have: a plan has nine columns and a row per
// criterion; the limits leave room for a person's additions. A cell beyond
// them is refused before excelize reads the sheet (see scan.go).
const (
	maxExtentCol = 100     // column CV
	maxExtentRow = 100_000 // rows
)
