package pdf

// Run is a piece of text in one style. Link, when it is an http, https or
// mailto URL, makes the text clickable; other links are shown as text only.
type Run struct {
	Text         string
	Bold, Italic bool
	Link         string
}

// block is a paragraph-like unit before line breaking: the common form of
// paragraphs, list items, headings, rules and check boxes, in the page flow
// and in table cells alike.
type block struct {
	runs   []Run
	ts     textStyle
	indent float64 // left indent of the block in mm
	marker []Run   // drawn in the hanging space before the first line
	hang   float64 // the text starts at indent+hang
	gap    float64 // space above the block
	keep   int     // lines after the first kept on its page (headings)
	rule   bool    // a horizontal rule instead of text
	check  *CheckState
}

// layout breaks blocks into lines for a box of the given width.
func (d *Doc) layout(blocks []block, width float64) []line {
	var out []line
	for _, b := range blocks {
		indent := min(b.indent, width/2)
		if b.rule {
			out = append(out, line{ts: b.ts, h: 4, gap: b.gap,
				rule: &span{x: indent, w: width - indent}})
			continue
		}
		text := max(width-indent-b.hang, 1)
		ls := d.wrap(b.runs, text, b.ts)
		if len(ls) == 0 && (b.marker != nil || b.check != nil) {
			ls = []line{{ts: b.ts, h: b.ts.lead}}
		}
		for i := range ls {
			for j := range ls[i].frags {
				ls[i].frags[j].x += indent + b.hang
			}
		}
		if len(ls) == 0 {
			continue
		}
		first := &ls[0]
		first.gap = b.gap
		first.keep = b.keep
		if len(ls) > 1 && first.keep == 0 {
			first.keep = 1 // no single line of a paragraph left at a page bottom
		}
		if b.marker != nil {
			if ms := d.wrap(b.marker, width, b.ts); len(ms) > 0 {
				mf := ms[0].frags
				for j := range mf {
					mf[j].x += indent
				}
				first.frags = append(mf, first.frags...)
			}
		}
		if b.check != nil {
			first.check = &mark{x: indent, state: *b.check}
		}
		out = append(out, ls...)
	}
	return out
}

// Paragraph sets runs as one paragraph in body text, wrapped within the
// margins. A "\n" in a run's text breaks the line.
func (d *Doc) Paragraph(runs ...Run) {
	d.flow(d.layout([]block{{runs: runs, ts: bodyStyle()}}, d.textWidth()))
	d.atLeast(paraGap)
}

// Heading sets a heading: level 0 is the document title, 1 a section
// (such as STRUKTUR), 2 an area; 3 and deeper are set like 2 but smaller.
// The heading is kept on the same page as the next three lines of body
// text.
func (d *Doc) Heading(text string, level int) { d.HeadingWith(text, level, 3*bodyLead) }

// HeadingWith is Heading kept on a page with the next mm of content (a
// table's start: TableStart) rather than three lines of text.
func (d *Doc) HeadingWith(text string, level int, next float64) {
	level = max(0, min(level, 3))
	h := headings[level]
	ls := d.layout([]block{{runs: []Run{{Text: text}}, ts: h.ts}}, d.textWidth())
	if len(ls) == 0 {
		return
	}
	if level == 1 {
		ls = append(ls, line{ts: h.ts, h: 1.5, rule: &span{w: d.textWidth()}})
	}
	total := next
	for _, l := range ls {
		total += l.h
	}
	d.atLeast(h.before)
	d.KeepTogether(total)
	d.flow(ls)
	d.atLeast(h.after)
}

// atLeast asks for at least mm of space before the next line, unless it
// starts a page. Space between blocks collapses to the larger of the two.
func (d *Doc) atLeast(mm float64) { d.gap = max(d.gap, mm) }

// Space adds mm of vertical space before whatever comes next. Space at the
// top of a page is dropped.
func (d *Doc) Space(mm float64) {
	if mm > 0 {
		d.gap += mm
	}
}

// KeepTogether starts a new page unless heightMM (plus any pending space)
// fits on the current one. Use it before content that must not be split.
func (d *Doc) KeepTogether(heightMM float64) {
	if !d.done && !d.fresh && d.y+d.gap+heightMM > d.bottom() {
		d.newPage()
	}
}

// flow places lines in the page flow at the left margin, breaking pages
// between lines as needed.
func (d *Doc) flow(ls []line) {
	if d.done {
		return
	}
	for i := range ls {
		l := &ls[i]
		gap := max(d.gap, l.gap)
		need := l.h
		for k := 1; k <= l.keep && i+k < len(ls); k++ {
			need += ls[i+k].gap + ls[i+k].h
		}
		if need > d.bottom()-marginTop {
			need = l.h
		}
		if !d.fresh && d.y+gap+need > d.bottom() {
			d.newPage()
		}
		if d.fresh {
			gap = 0
		}
		d.y += gap
		d.gap = 0
		d.placeBookmarks()
		d.drawLine(l, marginLeft, d.y)
		d.y += l.h
		d.fresh = false
	}
}

// drawLine draws l with its left edge at x and its top at y.
func (d *Doc) drawLine(l *line, x, y float64) {
	if l.rule != nil {
		d.pdf.SetDrawColor(colRule.r, colRule.g, colRule.b)
		d.pdf.SetLineWidth(0.3)
		d.pdf.Line(x+l.rule.x, y+l.h/2, x+l.rule.x+l.rule.w, y+l.h/2)
	}
	if l.check != nil {
		d.drawCheck(l, x+l.check.x, y)
	}
	base := y + l.baseline()
	for _, f := range l.frags {
		c := l.ts.color
		if f.link != "" {
			c = colLink
		}
		d.setFont(f.st, l.ts.pt, f.link != "")
		d.setTextColor(c)
		d.pdf.Text(x+f.x, base, f.text)
		if f.link != "" {
			d.pdf.LinkString(x+f.x, y, f.w, l.h, f.link)
		}
	}
}

// setFont selects a face unless it is already selected: fpdf writes a
// font operator on every call.
func (d *Doc) setFont(st style, pt float64, underline bool) {
	k := fontKey{st, pt, underline}
	if k == d.font {
		return
	}
	d.font = k
	if !d.added[st] {
		// fpdf parses a face when it is added and embeds every face
		// added, so each is added on first use.
		d.added[st] = true
		d.pdf.AddUTF8FontFromBytes(family, st.fpdfStyle(), d.faces[st].ttf)
	}
	s := st.fpdfStyle()
	if underline {
		s += "U"
	}
	d.pdf.SetFont(family, s, pt)
}

type fontKey struct {
	st        style
	pt        float64
	underline bool
}

func (d *Doc) setTextColor(c rgb) {
	d.pdf.SetTextColor(c.r, c.g, c.b)
}
