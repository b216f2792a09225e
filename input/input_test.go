package input

import (
	"os"
	"testing"

	"spur/grade"
	"spur/schema"
)

// Bytes tells a workbook from YAML by its first bytes, else by its name,
// and reads both with the same validation.
func TestBytesTellsYAMLFromWorkbooks(t *testing.T) {
	wb, err := os.ReadFile("../workbook/testdata/almaklinikens-vardcentral-2025.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	yml, err := os.ReadFile("../fixtures/almaklinikens-vardcentral-2025.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"inspection.yaml", yml},
		{"inspection.xlsx", wb},
		{"inspection", wb}, // no ending: the zip's first bytes say workbook
	} {
		in := Bytes(tc.name, tc.data, grade.DefaultPolicy())
		if !in.OK() || in.Unit.Name != "Almaklinikens vårdcentral" {
			t.Errorf("%s: ok %v\n%s", tc.name, in.OK(), in.Diags)
		}
	}
	in := Bytes("x.xlsx", []byte("catalog: 2025"), grade.DefaultPolicy())
	if in.OK() || len(in.Diags) == 0 || in.Diags[0].Pos != (schema.Pos{File: "x.xlsx"}) {
		t.Errorf("a text file named .xlsx is read as a workbook and refused at the file: %s", in.Diags)
	}
}
