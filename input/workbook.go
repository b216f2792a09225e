package input

import "spur/schema"

// loadWorkbook reads an inspection workbook (.xlsx).
func loadWorkbook(name string, data []byte) (*schema.Inspection, schema.Diagnostics) {
	var diags schema.Diagnostics
	diags.Errorf(schema.Pos{File: name}, "this is a workbook (.xlsx); inspection workbooks are not read yet, write the inspection as YAML")
	return nil, diags
}
