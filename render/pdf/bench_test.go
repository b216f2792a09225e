package pdf

import (
	"bytes"
	"testing"
)

// BenchmarkDoc lays out and writes a 20-page report-like document with
// Markdown, check boxes and tables.
func BenchmarkDoc(b *testing.B) {
	var size, pages int
	for b.Loop() {
		d := New(testMeta())
		sample(d, 32)
		var buf bytes.Buffer
		if err := d.Output(&buf); err != nil {
			b.Fatal(err)
		}
		size, pages = buf.Len(), d.pdf.PageCount()
	}
	b.ReportMetric(float64(pages), "pages")
	b.ReportMetric(float64(size), "pdf-bytes")
}
