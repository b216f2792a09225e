package render_test

import (
	"bytes"
	"testing"

	"spur/render/markdown"
	"spur/render/pdf"
	"spur/report/compose/comparetest"
)

// TestSameStructureWithComparison: the report with the comparison with
// the previous visit has the same headings in the PDF's outline as in the
// Markdown, in the same order, each printed, as TestSameStructure asks of
// every report.
func TestSameStructureWithComparison(t *testing.T) {
	tool(t, "qpdf")
	tool(t, "pdftotext")
	for _, lang := range []string{"sv", "en"} {
		t.Run(lang, func(t *testing.T) {
			r := comparetest.Report(t, lang)
			var md, doc bytes.Buffer
			if err := markdown.Render(&md, r); err != nil {
				t.Fatal(err)
			}
			if _, err := pdf.Report(&doc, r); err != nil {
				t.Fatal(err)
			}
			same(t, r, md.Bytes(), doc.Bytes(), true)
		})
	}
}
