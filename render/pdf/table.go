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

// Table sets a table across the text width. Rows are not split when they
// fit on a page: a row that does not fit in the space left is moved whole
// to the next page. A row taller than a page is split between lines,
// continuing on the next pages. The header row is repeated at the top of
// every page the table continues on.
func (d *Doc) Table(cols []Column, header []Cell, rows [][]Cell) {
	if d.done {
		return
	}
	ws, head, body, need := d.tableLayout(cols, header, rows)
	if head == nil && len(body) == 0 {
		return
	}
	headH := 0.0
	if head != nil {
		headH = head.h
	}
	capacity := d.bottom() - marginTop - headH
	minPart := 2*cellPadY + 3*tableLead
	d.atLeast(2)
	d.KeepTogether(need)
	if !d.fresh {
		d.y += d.gap
	}
	d.gap = 0
	d.placeBookmarks()
	if head != nil {
		d.drawRow(ws, head, nil, math.Inf(1))
	}
	newPage := func() {
		d.newPage()
		if head != nil {
			d.drawRow(ws, head, nil, math.Inf(1))
		}
	}
	for i := range body {
		r := &body[i]
		room := d.bottom() - d.y
		switch {
		case r.h <= room+eps:
			d.drawRow(ws, r, nil, math.Inf(1))
			continue
		case r.h <= capacity+eps:
			newPage()
			d.drawRow(ws, r, nil, math.Inf(1))
			continue
		case room < minPart:
			newPage()
		}
		from := make([]int, len(r.cells))
		for {
			from = d.drawRow(ws, r, from, d.bottom()-d.y)
			if done(r, from) {
				break
			}
			newPage()
		}
	}
	d.fresh = false
	d.atLeast(3)
}

// TableStart is the height a table needs at the start: its header with its
// first row, or with the first lines of a row taller than a page. A
// heading before the table stays with that much (HeadingWith).
func (d *Doc) TableStart(cols []Column, header []Cell, rows [][]Cell) float64 {
	_, _, _, need := d.tableLayout(cols, header, rows)
	return need
}

// tableLayout lays out the header and the rows for the column widths, and
// says what the table needs at its start: the header is not left alone at
// a page bottom, it goes with the first row, or with the first lines of a
// row taller than a page.
func (d *Doc) tableLayout(cols []Column, header []Cell, rows [][]Cell) (ws []float64, head *trow, body []trow, need float64) {
	n := len(cols)
	if n == 0 {
		n = len(header)
		for _, r := range rows {
			n = max(n, len(r))
		}
	}
	if n == 0 {
		return nil, nil, nil, 0
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
	if head == nil && len(body) == 0 {
		return ws, nil, nil, 0
	}
	headH := 0.0
	if head != nil {
		headH = head.h
	}
	capacity := d.bottom() - marginTop - headH
	need = headH
	if len(body) > 0 {
		if body[0].h <= capacity+eps {
			need += body[0].h
		} else {
			need += 2*cellPadY + 3*tableLead
		}
	}
	return ws, head, body, need
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

// drawRow draws the part of a row that fits in avail mm, starting for each
// cell at line from[i] (nil: the whole row from its first line), and
// returns where each cell stopped. A part takes at least one line of a
// cell that has some left, so every page makes progress.
func (d *Doc) drawRow(ws []float64, r *trow, from []int, avail float64) []int {
	if from == nil {
		from = make([]int, len(r.cells))
	}
	to := make([]int, len(r.cells))
	h := tableLead + 2*cellPadY
	if math.IsInf(avail, 1) {
		h = r.h
	}
	for i, c := range r.cells {
		used, k := 0.0, from[i]
		for ; k < len(c.lines); k++ {
			l := c.lines[k]
			add := l.h
			if k > from[i] {
				add += l.gap
			}
			if used+add+2*cellPadY > avail+eps && k > from[i] {
				break
			}
			used += add
		}
		to[i] = k
		h = max(h, used+2*cellPadY)
	}
	x := marginLeft
	for i, c := range r.cells {
		if c.fill != nil {
			d.pdf.SetFillColor(c.fill.r, c.fill.g, c.fill.b)
			d.pdf.Rect(x, d.y, ws[i], h, "F")
		}
		y := d.y + cellPadY
		for k := from[i]; k < to[i]; k++ {
			l := &c.lines[k]
			if k > from[i] {
				y += l.gap
			}
			d.drawLine(l, x+cellPadX, y)
			y += l.h
		}
		x += ws[i]
	}
	d.pdf.SetDrawColor(colBorder.r, colBorder.g, colBorder.b)
	d.pdf.SetLineWidth(0.2)
	x = marginLeft
	for _, w := range ws {
		d.pdf.Rect(x, d.y, w, h, "D")
		x += w
	}
	d.y += h
	return to
}

func done(r *trow, at []int) bool {
	for i, c := range r.cells {
		if at[i] < len(c.lines) {
			return false
		}
	}
	return true
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
