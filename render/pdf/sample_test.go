package pdf

import (
	"os"
	"testing"
)

// TestSample writes a report-like document for a person to look at when
// SPUR_PDF_SAMPLE names a file, e.g.
//
//	SPUR_PDF_SAMPLE=/tmp/sample.pdf go test ./render/pdf -run Sample
//	pdftoppm -png -r 60 /tmp/sample.pdf /tmp/page
func TestSample(t *testing.T) {
	out := os.Getenv("SPUR_PDF_SAMPLE")
	if out == "" {
		t.Skip("SPUR_PDF_SAMPLE not set")
	}
	b, d := render(t, func(d *Doc) { sample(d, 8) })
	if err := os.WriteFile(out, b, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d bytes, %d pages, warnings %q", len(b), d.pdf.PageCount(), d.Warnings())
}
