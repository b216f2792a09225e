package pdf

import (
	"math"

	"spur/report"
)

// Column is a table column. A Width above 1 is in mm, one in (0, 1] is a
// fraction of the text width, and 0 shares what is left equally. Columns
// wider together than the text width are scaled down to fit.
type Column struct {
	Width float64
}

// Cell is a table cell: its Text when that is not empty, else its Runs.
// Fill shades the cell; header cells are always shaded and bold.
type Cell struct {
	Runs []Run
	Text report.Text
	Fill bool
}

type tcell struct {
	lines []line
	fill  *rgb
}

type trow struct {
	cells []tcell
	h     float64
}

// Table sets a table across the text width. A table that fits on a page
// is kept on one page, unless moving it would leave the current page more
// than 40 % empty (see Keep); a longer one breaks between rows. A row that
// does not fit in the space left is moved whole to the next page, or, to
// keep a page from being left that empty, split between its lines, with
// at least two lines on each side. A row taller than a page is split. The
// header row goes with the first row, and it is repeated at the top of
// every page the table continues on.
func (d *Doc) Table(cols []Column, header []Cell, rows [][]Cell) {
	d.table(cols, header, rows, keepWeak)
}

// TableWhole is Table for a small table that must not be split, such as
// the grade overview: it moves whole to the next page even if that leaves
// the current one nearly empty. A table taller than a page still breaks.
func (d *Doc) TableWhole(cols []Column, header []Cell, rows [][]Cell) {
	d.table(cols, header, rows, keepStrong)
}

func (d *Doc) table(cols []Column, header []Cell, rows [][]Cell, keep int8) {
	if d.done {
		return
	}
	ws, head, body := d.tableLayout(cols, header, rows)
	if head == nil && len(body) == 0 {
		return
	}
	t := &table{ws: ws, head: head, inner: keepWeak}
	total := 0.0
	if head != nil {
		total += head.h
	}
	for i := range body {
		total += body[i].h
	}
	between := breakFree
	if total <= d.bottom()-marginTop+eps {
		between, t.inner = keep, keep
	}
	d.atLeast(2)
	d.blocks++
	if head != nil {
		d.add(item{row: head, tab: t, kind: kindHeadRow, link: keepStrong, block: d.blocks})
	}
	for i := range body {
		link := between
		if i == len(body)-1 {
			link = breakFree
		}
		d.add(item{row: &body[i], tab: t, kind: kindRow, link: link, block: d.blocks, index: i + 1})
	}
	d.atLeast(3)
}

// cellWidth is the width a table cell of runs needs to hold them on one
// line, its padding included (runs cleaned as the cell will set them).
func (d *Doc) cellWidth(runs []Run) float64 {
	ts := tableStyle()
	w := 0.0
	for _, r := range runs {
		f := d.faces[styleOf(r.Bold || ts.bold, r.Italic || ts.italic)]
		w += f.advance(d.clean(r.Text, f), ts.pt)
	}
	return w + 2*cellPadX + eps
}

// tableLayout lays out the header and the rows for the column widths.
func (d *Doc) tableLayout(cols []Column, header []Cell, rows [][]Cell) (ws []float64, head *trow, body []trow) {
	n := len(cols)
	if n == 0 {
		n = len(header)
		for _, r := range rows {
			n = max(n, len(r))
		}
	}
	if n == 0 {
		return nil, nil, nil
	}
	ws = columnWidths(cols, n, d.textWidth())
	if len(header) > 0 {
		h := d.tableRow(ws, header, true)
		head = &h
	}
	body = make([]trow, len(rows))
	for i, r := range rows {
		body[i] = d.tableRow(ws, r, false)
	}
	if head != nil && head.h > (d.bottom()-marginTop)/3 {
		// A header this tall is not repeated: it is set as a first row,
		// split across pages if it must be.
		body = append([]trow{*head}, body...)
		head = nil
	}
	return ws, head, body
}

// tableRow lays out the cells of a row for the column widths.
func (d *Doc) tableRow(ws []float64, cells []Cell, header bool) trow {
	ts := tableStyle()
	ts.bold = header
	r := trow{cells: make([]tcell, len(ws))}
	for i, w := range ws {
		var c Cell
		if i < len(cells) {
			c = cells[i]
		}
		inner := max(w-2*cellPadX, 1)
		var ls []line
		if !c.Text.Empty() {
			ls = d.layout(d.textBlocks(c.Text, ts), inner)
		} else {
			ls = d.layout([]block{{runs: c.Runs, ts: ts}}, inner)
		}
		if len(ls) > 0 {
			ls[0].gap = 0
		}
		tc := tcell{lines: ls}
		switch {
		case header:
			tc.fill = &colHeaderFill
		case c.Fill:
			tc.fill = &colCellFill
		}
		r.cells[i] = tc
		h := 0.0
		for j, l := range ls {
			if j > 0 {
				h += l.gap
			}
			h += l.h
		}
		r.h = max(r.h, h+2*cellPadY, tableLead+2*cellPadY)
	}
	return r
}

// rowPart says how far each cell of r gets from the lines from (nil: its
// start) in avail mm, and the height of that part. A part takes at least
// one line of each cell that has some left, so every page makes progress.
func rowPart(r *trow, from []int, avail float64) (to []int, h float64) {
	to = make([]int, len(r.cells))
	h = tableLead + 2*cellPadY
	for i, c := range r.cells {
		f := 0
		if from != nil {
			f = from[i]
		}
		used, k := 0.0, f
		for ; k < len(c.lines); k++ {
			l := c.lines[k]
			add := l.h
			if k > f {
				add += l.gap
			}
			if used+add+2*cellPadY > avail+eps && k > f {
				break
			}
			used += add
		}
		to[i] = k
		h = max(h, used+2*cellPadY)
	}
	if from == nil && complete(r, to) {
		h = r.h
	}
	return to, h
}

// leadCell is the cell of r with the most height left after the lines
// from, and the line it continues at: the cell a split follows.
func leadCell(r *trow, from []int) (lead, at int) {
	most := -1.0
	for i, c := range r.cells {
		f := 0
		if from != nil {
			f = from[i]
		}
		h := 0.0
		for _, l := range c.lines[f:] {
			h += l.gap + l.h
		}
		if h > most {
			most, lead, at = h, i, f
		}
	}
	return lead, at
}

func complete(r *trow, at []int) bool {
	for i, c := range r.cells {
		if at[i] < len(c.lines) {
			return false
		}
	}
	return true
}

func advances(r *trow, from, to []int) bool {
	for i := range r.cells {
		f := 0
		if from != nil {
			f = from[i]
		}
		if to[i] > f {
			return true
		}
	}
	return false
}

// drawRow draws the part of row r from the lines from to the lines to of
// each cell (nil: its start, its end) with its top at y, and returns its
// height.
func (d *Doc) drawRow(t *table, r *trow, from, to []int, y float64) float64 {
	ws := t.ws
	if to == nil {
		to = make([]int, len(r.cells))
		for i, c := range r.cells {
			to[i] = len(c.lines)
		}
	}
	h := tableLead + 2*cellPadY
	for i, c := range r.cells {
		f := 0
		if from != nil {
			f = from[i]
		}
		used := 0.0
		for k := f; k < to[i]; k++ {
			if k > f {
				used += c.lines[k].gap
			}
			used += c.lines[k].h
		}
		h = max(h, used+2*cellPadY)
	}
	if from == nil && complete(r, to) {
		h = r.h
	}
	x := marginLeft
	for i, c := range r.cells {
		if c.fill != nil {
			d.pdf.SetFillColor(c.fill.r, c.fill.g, c.fill.b)
			d.pdf.Rect(x, y, ws[i], h, "F")
		}
		f := 0
		if from != nil {
			f = from[i]
		}
		ly := y + cellPadY
		for k := f; k < to[i]; k++ {
			l := &c.lines[k]
			if k > f {
				ly += l.gap
			}
			d.drawLine(l, x+cellPadX, ly)
			ly += l.h
		}
		x += ws[i]
	}
	d.pdf.SetDrawColor(colBorder.r, colBorder.g, colBorder.b)
	d.pdf.SetLineWidth(0.2)
	x = marginLeft
	for _, w := range ws {
		d.pdf.Rect(x, y, w, h, "D")
		x += w
	}
	return h
}

// columnWidths resolves the column widths in mm for n columns.
func columnWidths(cols []Column, n int, total float64) []float64 {
	const minCol = 2*cellPadX + 6
	ws := make([]float64, n)
	used, free := 0.0, 0
	for i := range ws {
		w := 0.0
		if i < len(cols) && !math.IsNaN(cols[i].Width) && !math.IsInf(cols[i].Width, 0) {
			w = cols[i].Width
		}
		switch {
		case w > 1:
			ws[i] = w
		case w > 0:
			ws[i] = w * total
		default:
			free++
			continue
		}
		used += ws[i]
	}
	if free > 0 {
		share := max((total-used)/float64(free), minCol)
		for i := range ws {
			if ws[i] == 0 {
				ws[i] = share
				used += share
			}
		}
	}
	if used > total {
		for i := range ws {
			ws[i] *= total / used
		}
	}
	return ws
}
