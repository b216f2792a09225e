package pdf_test

import (
	"bytes"
	"fmt"
	"time"

	"spur/render/pdf"
	"spur/report/compose"
)

func Example() {
	d := pdf.New(pdf.Meta{
		Title:     "Inspektionsrapport SPUR",
		Lang:      "sv-SE",
		Created:   time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC),
		Header:    "SPUR-inspektion – Kirurgkliniken",
		PageLabel: func(p, n int) string { return fmt.Sprintf("Sida %d av %d", p, n) },
	})
	d.Bookmark("STRUKTUR", 0)
	d.Heading("STRUKTUR", 1)
	d.Bookmark("E. Handledning och kompetensbedömning", 1)
	d.Heading("E. Handledning och kompetensbedömning", 2)
	d.SetContext("area E narrative")
	d.Text(compose.Text("Handledning sker **regelbundet** 😀.\n\n- enskilt\n- i grupp"))
	d.Heading("Föreskrift", 3)
	d.Checkbox(pdf.CheckMet, "Varje ST-läkare har en handledare.")
	d.Table([]pdf.Column{{Width: 0.3}, {}},
		[]pdf.Cell{{Runs: []pdf.Run{{Text: "Kriterium"}}}, {Runs: []pdf.Run{{Text: "Planerad åtgärd"}}}},
		[][]pdf.Cell{{{Runs: []pdf.Run{{Text: "E14"}}}, {Text: compose.Text("1. Schemalägg handledning.\n2. Följ upp.")}}})

	var buf bytes.Buffer
	if err := d.Output(&buf); err != nil {
		fmt.Println(err)
	}
	fmt.Println(bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")))
	for _, w := range d.Warnings() {
		fmt.Println(w)
	}
	// Output:
	// true
	// character U+1F600 "😀" not in font, replaced (in "area E narrative")
}
