package pdf

import (
	"fmt"
	"math"
	"strings"
)

// Page breaking. Content is not drawn as it is added: Paragraph, Heading,
// Table and the rest append items (a line of text, a table row) to the
// document's flow, each with the penalty of a page break after it. Output
// then fills the pages one by one, choosing for each page where to end it.
//
// The penalties:
//
//   - breakFree: between paragraphs, between the rows of a long table;
//   - keepWeak: inside a group kept together (Keep, a table that fits on a
//     page, a check box's label, a table row's lines): kept whole on one
//     page unless moving it would leave the page more than 40 % empty;
//   - keepStrong: after a heading and the first two lines that follow it,
//     after the first and the next-to-last line of a paragraph (no single
//     line alone at the foot or head of a page), after a table's header
//     row: broken only where what is tied together is taller than a page;
//   - forced: a row cut that leaves a single line, the last resort.
//
// For each page, the engine lists the places it may end the page with the
// content that fits, and takes the last free place if the page is then at
// least 60 % full, else the last place inside a group that fills it that
// far, else the last free place, else the last place of the next penalty.
// A table continued on a new page repeats its header row, and a row split
// across pages continues under it.
const (
	breakFree  int8 = 0
	keepWeak   int8 = 1
	keepStrong int8 = 2
	forced     int8 = 3
)

// minFill is how full a page must be before a group is moved whole to the
// next page rather than broken.
const minFill = 0.6

type itemKind uint8

const (
	kindText itemKind = iota
	kindCheck
	kindRow
	kindHeadRow
	kindMark // carries the bookmarks made after the last content
	kindHeading0
	kindHeading1
	kindHeading2
	kindHeading3
)

func (k itemKind) heading() bool { return k >= kindHeading0 }

// item is one box of the flow: a line, or a table row that may be split
// between its lines.
type item struct {
	line  *line
	row   *trow
	tab   *table
	kind  itemKind
	gap   float64    // space above, dropped at the top of a page
	link  int8       // penalty of a page break after the item
	marks []bookmark // outline entries pointing at the item
	// block numbers the paragraph, heading, check box or table the item
	// belongs to; index is the item's place in it. The layout record
	// and its tests use them.
	block, index int
	group        int // the Keep group, 0 for none
}

// table is what a row needs to be drawn and continued: the column widths,
// the header to repeat, and the penalty of a break inside a row.
type table struct {
	ws    []float64
	head  *trow
	inner int8
}

// pos is a place in the flow: before item i, or, with cut, inside row i
// after cut[c] lines of each cell c.
type pos struct {
	i   int
	cut []int
}

// placed records where a part of an item was drawn: the layout record
// that the tests check the page-breaking rules with.
type placed struct {
	item        int
	page        int
	top, bottom float64
	head        *trow // item -1: the header row repeated at a page top
}

// record keeps where a part was drawn, for the layout tests: only a
// document that retains its items keeps the record, so that a long
// document's memory does not grow with it.
func (d *Doc) record(p placed) {
	if d.retain {
		d.placed = append(d.placed, p)
	}
}

type cand struct {
	at   pos
	fill float64
	pen  int8
}

func (d *Doc) newPage() {
	d.pdf.AddPage()
	d.page++
}

// paginate fills the rest of the pages with the flow, at Output.
func (d *Doc) paginate() {
	if len(d.pending) > 0 {
		d.add(item{line: &line{}, kind: kindMark})
	}
	d.flush(true)
}

// flushEvery is how many items may be added between two attempts to draw
// the pages the flow has filled: a document's memory then holds a few
// pages of items, not the whole flow. 0 draws everything at Output.
var flushEvery = 64

// flush draws the pages that are decided. A page is decided when the item
// that did not fit on it is followed by three more: the links of the last
// items may still change (a heading ties the next two items to it), those
// before cannot. Within a Keep group nothing is decided, as the group's
// links are set when it ends. With final, every page is drawn.
func (d *Doc) flush(final bool) {
	for {
		end, stop := d.fillPage(d.at)
		if !final && stop >= len(d.items)-3 {
			return
		}
		if d.drawn {
			d.newPage()
		}
		d.drawPage(d.at, end)
		d.drawn = true
		if !d.retain {
			for k := d.at.i; k < end.i; k++ {
				d.items[k] = item{} // drawn: its lines and rows can go
			}
		}
		d.at = end
		if end.i >= len(d.items) {
			return
		}
	}
}

// repeated is the header row a page starting at p repeats: that of the
// table whose body row (or the rest of one) the page starts with.
func (d *Doc) repeated(p pos) *trow {
	if p.i >= len(d.items) {
		return nil
	}
	it := &d.items[p.i]
	if it.kind != kindRow || it.tab.head == nil {
		return nil
	}
	return it.tab.head
}

// fillPage says where the page that starts at p ends, and which item did
// not fit on it (len(d.items) when all do): the decision read the items up
// to that one, and no further.
func (d *Doc) fillPage(p pos) (end pos, stop int) {
	top, bottom := marginTop, d.bottom()
	fill := func(y float64) float64 { return (y - top) / (bottom - top) }
	y := top
	if h := d.repeated(p); h != nil {
		y += h.h
	}
	var cs []cand
	for k := p.i; k < len(d.items); k++ {
		it := &d.items[k]
		gap := it.gap
		var from []int
		if k == p.i {
			gap, from = 0, p.cut
		}
		if it.row == nil {
			if y+gap+it.line.h > bottom+eps {
				return choose(cs, d.progress(p)), k
			}
			y += gap + it.line.h
			cs = append(cs, cand{pos{k + 1, nil}, fill(y), it.link})
			continue
		}
		if _, h := rowPart(it.row, from, math.Inf(1)); y+gap+h <= bottom+eps {
			y += gap + h
			cs = append(cs, cand{pos{k + 1, nil}, fill(y), it.link})
			continue
		}
		// The row does not fit: the places inside it that do.
		r := it.row
		lead, f := leadCell(r, from)
		c := r.cells[lead]
		used := 0.0
		for j := f; j < len(c.lines)-1; j++ {
			used += c.lines[j].h
			if j > f {
				used += c.lines[j].gap
			}
			to, h := rowPart(r, from, used+2*cellPadY)
			if y+gap+h > bottom+eps {
				break
			}
			if complete(r, to) || !advances(r, from, to) {
				continue
			}
			pen := it.tab.inner
			if to[lead]-f < 2 || len(c.lines)-to[lead] < 2 {
				pen = forced
			}
			cs = append(cs, cand{pos{k, to}, fill(y + gap + h), pen})
		}
		return choose(cs, d.progress(p)), k
	}
	return pos{len(d.items), nil}, len(d.items)
}

// choose picks where a page ends among the places it may end (in order):
// the last free place that leaves the page at least minFill full, else the
// last place inside a group that does, else the last free place, else the
// last place of the lowest penalty. With none, it takes next, which makes
// progress against every rule.
func choose(cs []cand, next pos) pos {
	last := func(pen int8, fill float64) int {
		for i := len(cs) - 1; i >= 0; i-- {
			if cs[i].pen <= pen && cs[i].fill >= fill-eps {
				return i
			}
		}
		return -1
	}
	for _, try := range [...]struct {
		pen  int8
		fill float64
	}{{breakFree, minFill}, {keepWeak, minFill}, {breakFree, 0}, {keepWeak, 0}, {keepStrong, 0}, {forced, 0}} {
		if i := last(try.pen, try.fill); i >= 0 {
			return cs[i].at
		}
	}
	return next
}

// progress is the least a page starting at p holds: the first item, or
// the first line of each cell of a row, even if it does not fit.
func (d *Doc) progress(p pos) pos {
	it := &d.items[p.i]
	if it.row == nil {
		return pos{p.i + 1, nil}
	}
	to, _ := rowPart(it.row, p.cut, 0)
	if complete(it.row, to) {
		return pos{p.i + 1, nil}
	}
	return pos{p.i, to}
}

// drawPage draws the flow from p to q on the current page.
func (d *Doc) drawPage(p, q pos) {
	y := marginTop
	if h := d.repeated(p); h != nil {
		rh := d.drawRow(d.items[p.i].tab, h, nil, nil, y)
		d.record(placed{item: -1, page: d.page, top: y, bottom: y + rh, head: h})
		y += rh
	}
	for k := p.i; k < len(d.items) && k <= q.i; k++ {
		if k == q.i && q.cut == nil {
			break
		}
		it := &d.items[k]
		var from, to []int
		if k == p.i {
			from = p.cut
		} else {
			y += it.gap
		}
		if k == q.i {
			to = q.cut
		}
		if from == nil {
			d.placeBookmarks(it.marks, y)
			d.followMarks(it.marks)
		}
		if k == p.i && d.meta.HeaderFollows {
			if d.pageMark == nil {
				d.pageMark = map[int]string{}
			}
			d.pageMark[d.page] = d.mark
		}
		h := 0.0
		if it.row != nil {
			h = d.drawRow(it.tab, it.row, from, to, y)
		} else {
			d.drawLine(it.line, marginLeft, y)
			h = it.line.h
		}
		d.record(placed{item: k, page: d.page, top: y, bottom: y + h})
		y += h
	}
}

type bookmark struct {
	title string
	level int
}

// Bookmark adds an outline entry pointing at the next content added, so a
// bookmark made just before a heading follows it to the page it is set
// on. Level 0 is the top; a level deeper than one below the previous entry
// is raised, as the PDF outline requires.
func (d *Doc) Bookmark(title string, level int) {
	if d.done {
		return
	}
	level = max(0, min(level, d.lastLevel+1))
	d.lastLevel = level
	d.pending = append(d.pending, bookmark{cleanMeta(title), level})
}

// followMarks keeps the title the running header follows: an entry of
// Meta.HeaderLevel sets it, one of a higher level (a new region) clears it.
func (d *Doc) followMarks(bs []bookmark) {
	for _, b := range bs {
		switch {
		case b.level == d.meta.HeaderLevel:
			d.mark = b.title
		case b.level < d.meta.HeaderLevel:
			d.mark = ""
		}
	}
}

func (d *Doc) placeBookmarks(bs []bookmark, y float64) {
	for _, b := range bs {
		// fpdf encodes the title as UTF-16 only while a UTF-8 font is
		// selected, which it always is here.
		d.pdf.Bookmark(b.title, b.level, max(y-2, 0))
	}
}

// decorate draws the running header and the footer on every page, once
// the number of pages is known: fpdf's page-count alias would leave the
// width of the label unknown while it is placed.
func (d *Doc) decorate() {
	label := d.meta.PageLabel
	if label == nil {
		label = func(p, n int) string { return fmt.Sprintf("%d / %d", p, n) }
	}
	where := d.where
	defer func() { d.where = where }()
	n := d.pdf.PageCount()
	width := d.textWidth()
	f := d.faces[regular]
	for p := 1; p <= n; p++ {
		d.pdf.SetPage(p)
		// The page's content may end in any state: set it all.
		d.font = fontKey{}
		d.setFont(regular, smallPt, false)
		d.pdf.SetFillColor(255, 255, 255)
		d.setTextColor(colMuted)
		d.pdf.SetDrawColor(colRule.r, colRule.g, colRule.b)
		d.pdf.SetLineWidth(0.2)
		if p > 1 && d.meta.Header != "" {
			d.where = "page header"
			header := d.meta.Header
			if m := d.pageMark[p]; m != "" {
				header += " · " + m
			}
			d.pdf.Text(marginLeft, headerBase, fit(oneLine(d.clean(header, f)), f, smallPt, width))
			d.pdf.Line(marginLeft, headerRule, pageW-marginRight, headerRule)
		}
		d.where = "page footer"
		s := fit(oneLine(d.clean(label(p, n), f)), f, smallPt, width)
		d.pdf.Line(marginLeft, footerRule, pageW-marginRight, footerRule)
		d.pdf.Text(pageW-marginRight-f.advance(s, smallPt), footerBase, s)
	}
	d.pdf.SetPage(n)
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// fit shortens s with an ellipsis until it is no wider than width.
func fit(s string, f *face, pt, width float64) string {
	if f.advance(s, pt) <= width {
		return s
	}
	limit, w := width-f.advance("…", pt), 0.0
	for i, r := range s {
		if w += f.runeAdvance(r, pt); w > limit {
			return s[:i] + "…"
		}
	}
	return s
}
