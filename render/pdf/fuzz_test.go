package pdf

import (
	"bytes"
	"testing"
)

// FuzzMarkdownToPDF sets any Markdown, parsed as compose.Text parses it,
// in the flow and in a table cell; the document must be written without
// error or panic. The seed corpus is in testdata/fuzz/FuzzMarkdownToPDF.
func FuzzMarkdownToPDF(f *testing.F) {
	f.Add(narrative)
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 1<<12 {
			src = src[:1<<12] // keep each run fast; length is tested elsewhere
		}
		d := New(Meta{Title: src, Header: src, Created: testDate})
		d.SetContext("fuzz")
		d.Bookmark(src, 0)
		d.markdown(src)
		d.Table([]Column{{Width: 0.3}, {}}, []Cell{{Runs: []Run{{Text: "Kriterium"}}}, {Runs: []Run{{Text: "Planerad åtgärd"}}}},
			[][]Cell{{{Runs: []Run{{Text: src}}}, {Text: md(src)}}})
		var buf bytes.Buffer
		if err := d.Output(&buf); err != nil {
			t.Fatalf("Output: %v", err)
		}
		if b := buf.Bytes(); !bytes.HasPrefix(b, []byte("%PDF-")) || !bytes.HasSuffix(b, []byte("%%EOF\n")) {
			t.Fatal("output is not a complete PDF")
		}
	})
}
