package pdf

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"spur/report/compose"
	"spur/report/overview"
	"spur/schema"
)

// chartView is an overview whose year has the actions of many regions,
// some with long names: a chart taller than a page's 40 %, labels that
// wrap.
func chartView(t *testing.T) *overview.View {
	t.Helper()
	cat, err := schema.LatestCatalog()
	if err != nil {
		t.Fatal(err)
	}
	due := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	var rows []overview.Row
	for i := range 30 {
		region := fmt.Sprintf("Region %d", i)
		if i%7 == 3 {
			region = fmt.Sprintf("Region Västra Götaland, förvaltningen för specialistvård i norra delen %d", i)
		}
		r := overview.Row{Unit: fmt.Sprintf("Enhet %d", i), Region: region, Visit: fmt.Sprintf("2024-%02d-10", 1+i%12), Final: true,
			Grades: strings.Split("ABCDABCD"[i%4:i%4+4]+"BBBB", ""), Before: strings.Split("DDDDBBBB", ""),
			Report: fmt.Sprintf("2024/enhet-%d.md", i), Date: due}
		for k := range i%5 + 1 {
			r.Actions = append(r.Actions, overview.Action{Due: due.AddDate(0, k*4-6, 0), Done: k == 2})
		}
		rows = append(rows, r)
		if i < 3 { // visited before
			p := r
			p.Visit, p.Report = fmt.Sprintf("2019-%02d-10", 1+i), fmt.Sprintf("2019/enhet-%d.md", i)
			rows = append(rows, p)
		}
	}
	return overview.Make(rows, compose.Areas(cat), overview.Options{AsOf: time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)})
}

// TestIndexCharts: the charts keep the page-breaking rules, and each bar
// is drawn as long as its counts: the segments of a region's actions
// span their share of the longest bar.
func TestIndexCharts(t *testing.T) {
	v := chartView(t)
	d := indexDoc(v, nil)
	l := finish(t, d)
	assertLayout(t, "charts", l)
	y := v.Years[0]
	if len(y.Actions) != 30 {
		t.Fatalf("%d regions with actions", len(y.Actions))
	}
	scale := 0
	for _, r := range y.Actions {
		scale = max(scale, r.Total)
	}
	// The bars of the actions' chart, by the region in their label (its
	// letters: a long one wraps, perhaps at a hyphen the layout adds).
	letters := strings.NewReplacer(" ", "", "-", "", "\u00ad", "")
	type drawn struct {
		bar    float64 // the bar's whole width
		widths [3]float64
	}
	bars := map[string]drawn{}
	for _, it := range d.items {
		if it.row == nil || len(it.row.cells) < 2 || it.tab.head != nil {
			continue
		}
		var label strings.Builder
		for _, ln := range it.row.cells[0].lines {
			for _, f := range ln.frags {
				label.WriteString(f.text)
			}
		}
		b := drawn{bar: d.textWidth() - it.tab.ws[0]}
		state := false
		for i, c := range it.row.cells[1:] {
			for s := range stateColour {
				if c.fill == &stateColour[s] {
					b.widths[s] += it.tab.ws[i+1]
					state = true
				}
			}
		}
		// The latest year's charts come first.
		if _, seen := bars[letters.Replace(label.String())]; state && !seen {
			bars[letters.Replace(label.String())] = b
		}
	}
	for _, r := range y.Actions {
		b, ok := bars[letters.Replace(r.Region)]
		if !ok {
			t.Errorf("%s: no bar", r.Region)
			continue
		}
		for s, n := range r.Counts {
			if want := b.bar * float64(n) / float64(scale); math.Abs(b.widths[s]-want) > 1e-6 {
				t.Errorf("%s: segments %v mm of a bar of %.1f mm, for %v of %d", r.Region, b.widths, b.bar, r.Counts, scale)
				break
			}
		}
	}
	var buf bytes.Buffer
	if _, err := Index(&buf, v); err != nil {
		t.Fatal(err)
	}
	qpdfCheck(t, buf.Bytes())
}

// revisitView is an overview of n units, each visited twice with other
// grades at the second visit, after filler units that move the section on
// the page as n grows.
func revisitView(t *testing.T, n int) *overview.View {
	t.Helper()
	cat, err := schema.LatestCatalog()
	if err != nil {
		t.Fatal(err)
	}
	var rows []overview.Row
	for i := range n {
		r := overview.Row{Unit: fmt.Sprintf("Medicinkliniken, Länssjukhuset i Enhet %d", i), Region: "Region Västra Götaland",
			Visit: "2025-03-10", Final: true, Grades: strings.Split("ABCDABCD"[i%4:i%4+4]+"CBAD", ""), Report: fmt.Sprintf("2025/e-%d.md", i)}
		p := r
		p.Visit, p.Report, p.Grades = "2020-03-10", fmt.Sprintf("2020/e-%d.md", i), strings.Split("BCDABCDA"[i%4:i%4+4]+"BBBB", "")
		rows = append(rows, r, p)
	}
	return overview.Make(rows, compose.Areas(cat), overview.Options{AsOf: time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)})
}

// TestIndexLeadsAndGrades: in the overview, a paragraph that introduces a
// table is never the last thing on its page (it stays with the table's
// first row, "De två senaste besöken" was left alone at a page's foot),
// and a change of grade such as "B→C" is set on one line in its column.
func TestIndexLeadsAndGrades(t *testing.T) {
	for n := 1; n <= 30; n++ {
		v := revisitView(t, n)
		if len(v.Revisits) != n {
			t.Fatalf("%d units visited twice, want %d", len(v.Revisits), n)
		}
		d := indexDoc(v, nil)
		l := finish(t, d)
		assertLayout(t, fmt.Sprintf("%d revisits", n), l)
		for i := 0; i+1 < len(d.items); i++ {
			it, next := &d.items[i], &d.items[i+1]
			if it.kind == kindText && next.kind == kindHeadRow && l.last(i) != l.first(i+1) {
				t.Errorf("%d revisits: %q ends page %d, its table starts on page %d", n, l.describe(i), l.last(i), l.first(i+1))
			}
		}
		arrows := 0
		for _, it := range d.items {
			if it.row == nil || it.kind != kindRow || len(it.tab.ws) != 3+len(v.Areas) {
				continue
			}
			for c, cell := range it.row.cells[3:] {
				var text strings.Builder
				for _, ln := range cell.lines {
					for _, f := range ln.frags {
						text.WriteString(f.text)
					}
				}
				if strings.Contains(text.String(), "→") {
					arrows++
				}
				if len(cell.lines) > 1 {
					t.Errorf("%d revisits: the grade %q of area %s takes %d lines", n, text.String(), v.Areas[c].Letter, len(cell.lines))
				}
			}
		}
		if arrows == 0 {
			t.Fatalf("%d revisits: no change of grade in the table; the test sees none", n)
		}
	}
}
