package pdf

import (
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// actionPlan is a HANDLINGSPLAN-like table whose middle cell holds a
// routine of n numbered lines.
func actionPlan(d *Doc, n int) {
	d.Heading("HANDLINGSPLAN", 1)
	d.Paragraph(Run{Text: "Verksamheten har efter granskningen inkommit med följande handlingsplan."})
	d.Table([]Column{{Width: 45}, {}, {Width: 40}},
		[]Cell{{Runs: []Run{{Text: "Kriterium"}}}, {Runs: []Run{{Text: "Planerad åtgärd"}}}, {Runs: []Run{{Text: "Ansvarig"}}}},
		[][]Cell{
			{{Runs: []Run{{Text: "Före tabellraden"}}}, {Runs: []Run{{Text: "Inledning"}}}, {}},
			{{Runs: []Run{{Text: "E14 Handledning"}}, Fill: true}, {Text: md(routine(n))}, {Text: md("**Verksamhetschef**\n\nUppföljning 2025-12-01")}},
			{{Runs: []Run{{Text: "Efter tabellraden"}}}, {Runs: []Run{{Text: "Avslutning"}}}, {}},
		})
}

func TestTableLongCell(t *testing.T) {
	for _, n := range []int{60, 200} {
		t.Run(strconv.Itoa(n), func(t *testing.T) {
			b, _ := render(t, func(d *Doc) { actionPlan(d, n) })
			qpdfCheck(t, b)
			pages := pdftotext(t, b, "-layout")
			// Every line of the routine appears once and in order; the
			// header is on every page the table spans.
			rad := regexp.MustCompile(`Rad (\d{3}):`)
			next := 1
			for i, p := range pages {
				found := rad.FindAllStringSubmatch(p, -1)
				for _, m := range found {
					if got, _ := strconv.Atoi(m[1]); got != next {
						t.Fatalf("page %d: line %d where %d was due", i+1, got, next)
					}
					next++
				}
				if strings.Contains(p, "Rad ") && !strings.Contains(p, "Planerad åtgärd") {
					t.Errorf("page %d: table continues without its header", i+1)
				}
			}
			if next != n+1 {
				t.Errorf("%d lines found, want %d", next-1, n)
			}
			all := strings.Join(pages, "")
			for _, s := range []string{"Före tabellraden", "Efter tabellraden", "E14 Handledning", "Verksamhetschef", "Uppföljning 2025-12-01"} {
				if c := strings.Count(all, s); c != 1 {
					t.Errorf("%q found %d times", s, c)
				}
			}
			if n == 200 && len(pages) < 3 {
				t.Errorf("200 lines on %d pages", len(pages))
			}
			checkMargins(t, b)
		})
	}
}

// TestTableRowsMovedWhole checks that a row that fits on a page is never
// split: each row's lines are all on one page.
func TestTableRowsMovedWhole(t *testing.T) {
	var rows [][]Cell
	for r := range 6 {
		var b strings.Builder
		for i := range 22 {
			fmt.Fprintf(&b, "R%d-L%02d text\n\n", r, i)
		}
		rows = append(rows, []Cell{{Runs: []Run{{Text: fmt.Sprintf("Rad %d", r)}}}, {Text: md(b.String())}})
	}
	b, _ := render(t, func(d *Doc) {
		d.Paragraph(Run{Text: "Inledning"})
		d.Table([]Column{{Width: 0.3}, {}}, []Cell{{Runs: []Run{{Text: "Kolumn A"}}}, {Runs: []Run{{Text: "Kolumn B"}}}}, rows)
	})
	pages := pdftotext(t, b)
	for r := range 6 {
		on := map[int]bool{}
		for i, p := range pages {
			if strings.Contains(p, fmt.Sprintf("R%d-L", r)) {
				on[i+1] = true
			}
		}
		if len(on) != 1 {
			t.Errorf("row %d split over pages %v", r, on)
		}
	}
	for i, p := range pages {
		if !strings.Contains(p, "Kolumn B") {
			t.Errorf("page %d has no table header", i+1)
		}
	}
}

func TestColumnWidths(t *testing.T) {
	tests := []struct {
		name string
		cols []Column
		n    int
		want []float64
	}{
		{"equal", nil, 2, []float64{85, 85}},
		{"mm and rest", []Column{{Width: 50}, {}}, 2, []float64{50, 120}},
		{"fractions", []Column{{Width: 0.25}, {Width: 0.75}}, 2, []float64{42.5, 127.5}},
		{"too wide scaled", []Column{{Width: 200}, {Width: 140}}, 2, []float64{100, 70}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := columnWidths(tt.cols, tt.n, 170)
			if fmt.Sprintf("%.3f", got) != fmt.Sprintf("%.3f", tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

var (
	bboxPage = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	bboxWord = regexp.MustCompile(`<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)</word>`)
)

// checkMargins checks with pdftotext -bbox that every word lies within the
// left and right margins and on the page, and that the words between the
// header and footer rules end above the bottom margin.
func checkMargins(t *testing.T, b []byte) {
	t.Helper()
	const k = 72 / 25.4 // pt per mm
	out := strings.Join(pdftotext(t, b, "-bbox"), "\f")
	pages := bboxPage.FindAllStringSubmatchIndex(out, -1)
	if len(pages) == 0 {
		t.Fatal("no pages in pdftotext -bbox output")
	}
	for i, p := range pages {
		end := len(out)
		if i+1 < len(pages) {
			end = pages[i+1][0]
		}
		w, _ := strconv.ParseFloat(out[p[2]:p[3]], 64)
		h, _ := strconv.ParseFloat(out[p[4]:p[5]], 64)
		for _, m := range bboxWord.FindAllStringSubmatch(out[p[1]:end], -1) {
			f := make([]float64, 4)
			for j := range f {
				f[j], _ = strconv.ParseFloat(m[j+1], 64)
			}
			word := html.UnescapeString(m[5])
			body := f[1] > headerRule*k && f[1] < footerRule*k
			if f[0] < marginLeft*k-0.5 || f[2] > w-marginRight*k+0.5 || f[1] < 0 || f[3] > h ||
				body && f[3] > (pageH-marginBottom)*k+1 {
				t.Errorf("page %d: %q at x %.1f–%.1f, y %.1f–%.1f is outside the margins", i+1, word, f[0], f[2], f[1], f[3])
			}
		}
	}
}

func TestTableTallHeaderAndOddShapes(t *testing.T) {
	b, _ := render(t, func(d *Doc) {
		// A header taller than a page is split like a row, not repeated.
		d.Table(nil, []Cell{{Text: md(routine(120))}}, [][]Cell{{{Runs: []Run{{Text: "efter"}}}}})
		// Rows with more or fewer cells than columns, no header, no rows.
		d.Table([]Column{{}, {}}, nil, [][]Cell{{{Runs: []Run{{Text: "en"}}}}, {{}, {}, {Runs: []Run{{Text: "tre"}}}}})
		d.Table(nil, nil, nil)
		d.Table([]Column{{Width: -1}, {Width: 1e9}}, []Cell{{}}, nil)
	})
	checkMargins(t, b)
	all := strings.Join(pdftotext(t, b), "")
	for _, s := range []string{"Rad 001", "Rad 120", "efter", "en"} {
		if !strings.Contains(all, s) {
			t.Errorf("no %q", s)
		}
	}
	if strings.Contains(all, "tre") {
		t.Error("a cell beyond the columns was shown")
	}
}
