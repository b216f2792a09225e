package workbook

import (
	"bytes"
	"path/filepath"
	"strings"

	"spur/schema"
)

// IsWorkbook reports whether a file is to be read as a workbook: by its
// first bytes (a zip archive, or the OLE container of an encrypted or a
// legacy Excel file, which openBook names), else by an .xlsx or .xls name.
func IsWorkbook(name string, head []byte) bool {
	if bytes.HasPrefix(head, zipMagic) || bytes.HasPrefix(head, oleMagic) || bytes.HasPrefix(head, []byte("PK\x05\x06")) {
		return true
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xlsx", ".xlsm", ".xls":
		return true
	}
	return false
}

// Load reads an inspection from a YAML file or an inspection workbook,
// whichever data is, with the same validation; name is the file's name in
// the diagnostics. A caller reads at most MaxFileSize+1 bytes: larger files
// are refused, workbook or not.
func Load(name string, data []byte) (*schema.Inspection, schema.Diagnostics) {
	if !IsWorkbook(name, data) {
		return schema.Load(name, data)
	}
	insp, diags, _ := LoadInspection(name, bytes.NewReader(data), int64(len(data))) // a bytes.Reader does not fail
	return insp, diags
}
