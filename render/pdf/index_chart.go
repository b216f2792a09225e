package pdf

import "spur/report/overview"

// The overview's charts: horizontal bars, each a stack of segments, drawn
// as rows of shaded cells of the table engine, so that they flow, break
// and are recorded like any table row, and stay PDF/A-1b: opaque fills,
// no transparency. The colours are those of the HTML charts
// (render/html/chart.go).

var (
	gradeColour = map[string]rgb{"A": {27, 94, 32}, "B": {76, 140, 43}, "C": {199, 124, 2}, "D": {179, 38, 30}}
	noneColour  = rgb{138, 138, 138}
	// stateColour is per overview.ActionState: done, overdue, open.
	stateColour = [...]rgb{{27, 94, 32}, {179, 38, 30}, noneColour}
	// dColour is the D before the action plan, and after it.
	dColour = [...]rgb{{212, 87, 42}, {122, 28, 20}}
)

// barChart is a chart of horizontal bars.
type barChart struct {
	names   []string // the segments' names, for the legend
	colours []rgb
	bars    []bar
	// scale is the sum of counts a whole bar stands for.
	scale int
	// split draws each segment in a panel of its own, side by side, each
	// a share of scale: two measures of one thing (D before and after
	// the action plan) rather than the parts of a whole.
	split bool
}

// bar is a bar: its label (may be empty), and the counts of its
// segments in the order of the chart's names.
type bar struct {
	label  string
	counts []int
}

const (
	chartLabelMax = 60.0 // the widest a label column gets, in mm
	swatch        = 4.0  // a legend's colour square, in mm
	panelGap      = 3.0  // between the panels of a split chart
	chartLead     = 3.6  // a label's line
)

// chart sets c: a legend, then a row per bar with its label in a column of
// its own, the bar as long as its share of c.scale, kept on one page
// where it fits. Nothing is set without bars or a scale.
func (d *Doc) chart(c barChart) {
	if d.done || len(c.bars) == 0 || c.scale <= 0 {
		return
	}
	ts := tableStyle()
	ts.pt, ts.lead = smallPt, chartLead
	label := 10.0
	for _, b := range c.bars {
		label = max(label, d.faces[regular].advance(b.label, ts.pt)+2*cellPadX+1)
	}
	label = min(label, chartLabelMax)
	width := d.textWidth() - label
	d.atLeast(2)
	d.Keep(func() {
		// The legend: a square of each colour and its name.
		ws, cells := []float64{label}, []tcell{{}}
		for i, name := range c.names {
			w := d.faces[regular].advance(name, ts.pt) + 2*cellPadX + 1
			ws = append(ws, swatch, w)
			cells = append(cells, tcell{fill: &c.colours[i]}, tcell{lines: d.cellLines(name, ts, w)})
		}
		d.chartRow(ws, cells)
		for _, b := range c.bars {
			ws, cells := []float64{label}, []tcell{{lines: d.cellLines(b.label, ts, label)}}
			if !c.split {
				ws, cells = c.stack(ws, cells, b.counts, c.colours, width)
			} else {
				// A panel per segment, with a gap between panels.
				n := min(len(b.counts), len(c.colours))
				pw := (width - panelGap*float64(n-1)) / float64(n)
				for j := range n {
					if j > 0 {
						ws, cells = append(ws, panelGap), append(cells, tcell{})
					}
					ws, cells = c.stack(ws, cells, b.counts[j:j+1], c.colours[j:j+1], pw)
				}
			}
			d.chartRow(ws, cells)
		}
	})
	d.atLeast(3)
}

// stack adds the cells of a bar width long: the segments of counts, in
// the colours, each as long as its share of c.scale, and an empty cell
// for the rest. A segment's end is reckoned from the start of the bar, so
// that the segments of a full bar fill it exactly.
func (c *barChart) stack(ws []float64, cells []tcell, counts []int, colours []rgb, width float64) ([]float64, []tcell) {
	sum, x := 0, 0.0
	for j, n := range counts {
		if n <= 0 || j >= len(colours) {
			continue
		}
		sum += n
		end := width * float64(min(sum, c.scale)) / float64(c.scale)
		if end > x {
			ws = append(ws, end-x)
			cells = append(cells, tcell{fill: &colours[j]})
			x = end
		}
	}
	if width-x > eps {
		ws = append(ws, width-x)
		cells = append(cells, tcell{})
	}
	return ws, cells
}

// cellLines lays out a one-style text for a cell of width w.
func (d *Doc) cellLines(s string, ts textStyle, w float64) []line {
	if s == "" {
		return nil
	}
	ls := d.layout([]block{{runs: []Run{{Text: s}}, ts: ts}}, max(w-2*cellPadX, 1))
	if len(ls) > 0 {
		ls[0].gap = 0
	}
	return ls
}

// chartRow adds a row of cells of widths ws as a table of its own, as
// tall as a line of a chart's label.
func (d *Doc) chartRow(ws []float64, cells []tcell) {
	r := trow{cells: cells}
	for _, c := range cells {
		used := 0.0
		for j, l := range c.lines {
			if j > 0 {
				used += l.gap
			}
			used += l.h
		}
		r.h = max(r.h, used+2*cellPadY, chartLead+2*cellPadY)
	}
	d.blocks++
	// The rows of a chart are tied by Keep; the last may break from
	// what follows.
	d.add(item{row: &r, tab: &table{ws: ws, inner: keepWeak}, kind: kindRow, link: breakFree, block: d.blocks})
}

// gradeChart is the grades per area as bars of total inspections or
// units.
func gradeChart(v *overview.View, areas []overview.AreaGrades, total int) barChart {
	c := barChart{scale: total}
	c.names = append(append(c.names, v.Grades...), v.L.NoGrade)
	for _, g := range v.Grades {
		col, ok := gradeColour[g]
		if !ok {
			col = noneColour
		}
		c.colours = append(c.colours, col)
	}
	c.colours = append(c.colours, noneColour)
	for _, a := range areas {
		c.bars = append(c.bars, bar{label: a.Letter, counts: append(append([]int{}, a.Counts...), a.None)})
	}
	return c
}
