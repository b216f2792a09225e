package workbook

import (
	"bytes"
	"path/filepath"
	"strings"
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
