package workbook

import (
	"bytes"
	"io"
	"testing"
)

func BenchmarkWritePlanTemplate(b *testing.B) {
	insp := fixture(b)
	for b.Loop() {
		if err := WritePlanTemplate(io.Discard, insp, PlanOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadPlan(b *testing.B) {
	insp := fixture(b)
	data := fillPlan(b, template(b, insp), insp.ActionPlan)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, diags, err := ReadPlan("plan.xlsx", bytes.NewReader(data), int64(len(data)), insp, PlanOptions{}); err != nil || len(diags) > 0 {
			b.Fatal(err, diags)
		}
	}
}

func BenchmarkLoadInspection(b *testing.B) {
	insp := fixture(b)
	data := fillInspection(b, inspectionTemplate(b, insp.Cat), insp)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, diags, err := LoadInspection("inspection.xlsx", bytes.NewReader(data), int64(len(data))); err != nil || len(diags) > 0 {
			b.Fatal(err, diags)
		}
	}
}

// The workbook of 36 KB whose cells would expand to 29 MB: refused at the
// cell where they pass MaxTextSize, having built none of the text.
func BenchmarkLoadHostileInspection(b *testing.B) {
	data := hostileInspection(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if insp, _, err := LoadInspection("inspection.xlsx", bytes.NewReader(data), int64(len(data))); err != nil || insp != nil {
			b.Fatal("the workbook was read", err)
		}
	}
}
