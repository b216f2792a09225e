package input

import (
	"bytes"

	"spur/schema"
	"spur/workbook"
)

// loadWorkbook reads an inspection workbook (.xlsx): the same model and
// validation as YAML, with positions given as Sheet!B7.
func loadWorkbook(name string, data []byte) (*schema.Inspection, schema.Diagnostics) {
	insp, diags, err := workbook.LoadInspection(name, bytes.NewReader(data), int64(len(data)))
	if err != nil {
		diags.Errorf(schema.Pos{File: name}, "%v", err)
		return nil, diags
	}
	return insp, diags
}
