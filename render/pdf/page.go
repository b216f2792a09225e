package pdf

import (
	"fmt"
	"strings"
)

func (d *Doc) newPage() {
	d.pdf.AddPage()
	d.y, d.gap, d.fresh = marginTop, 0, true
}

type bookmark struct {
	title string
	level int
}

// Bookmark adds an outline entry pointing at the next content drawn, so a
// bookmark made just before a heading follows it to the next page. Level 0
// is the top; a level deeper than one below the previous entry is raised,
// as the PDF outline requires.
func (d *Doc) Bookmark(title string, level int) {
	if d.done {
		return
	}
	level = max(0, min(level, d.lastLevel+1))
	d.lastLevel = level
	d.pending = append(d.pending, bookmark{cleanMeta(title), level})
}

func (d *Doc) placeBookmarks() {
	for _, b := range d.pending {
		// fpdf encodes the title as UTF-16 only while a UTF-8 font is
		// selected, which it always is here.
		d.pdf.Bookmark(b.title, b.level, max(d.y-2, 0))
	}
	d.pending = d.pending[:0]
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
			d.pdf.Text(marginLeft, headerBase, fit(oneLine(d.clean(d.meta.Header, f)), f, smallPt, width))
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
