package workbook

import (
	"strings"
	"testing"
	"unicode/utf8"

	"spur/schema"
)

// TestPlanColumnsHoldTheirWords: no word of an area title, a criterion
// text or a header is wider than its column of the plan sheet, so that
// Excel and LibreOffice never break one mid-word ("Ledarskapskompeten / s"
// in an 18-character column). A column holds width characters of the
// default font less a margin of one.
func TestPlanColumnsHoldTheirWords(t *testing.T) {
	cats, err := schema.Catalogs()
	if err != nil {
		t.Fatal(err)
	}
	fits := func(col int, text string) {
		for _, w := range strings.Fields(text) {
			if n := utf8.RuneCountInString(w); float64(n+1) > planWidths[col] {
				t.Errorf("column %s (%v characters) cannot hold %q (%d)", planHeaders[col], planWidths[col], w, n)
			}
		}
	}
	for col, h := range planHeaders {
		fits(col, h)
	}
	for _, c := range cats {
		for _, a := range c.Areas {
			fits(colArea, a.Letter+". "+a.Title)
			for _, cr := range a.Criteria {
				fits(colText, cr.Text)
			}
		}
	}
}
