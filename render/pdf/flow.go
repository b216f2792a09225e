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
	rule   bool    // a horizontal rule instead of text
	check  *CheckState
}

// layout breaks blocks into lines for a box of the given width. Within a
// block of two lines or more, the first and the next-to-last line are
// tied to the line after them, so that no single line of it is left at
// the foot or the head of a page.
func (d *Doc) layout(blocks []block, width float64) []line {
	var out []line
	for _, b := range blocks {
		indent := min(b.indent, width/2)
		if b.rule {
			out = append(out, line{ts: b.ts, h: 4, gap: b.gap, start: true,
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
		first.start = true
		if n := len(ls); n > 1 {
			ls[0].link = keepStrong   // no orphan
			ls[n-2].link = keepStrong // no widow
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
	d.flow(d.layout([]block{{runs: runs, ts: bodyStyle()}}, d.textWidth()), kindText)
	d.atLeast(paraGap)
}

// Lead sets a paragraph that introduces what follows, a table or a chart:
// like a heading, it is never the last thing on a page, but stays with the
// first line, or the first table row, of what follows.
func (d *Doc) Lead(runs ...Run) {
	d.Paragraph(runs...)
	d.hold = max(d.hold, 1)
}

// Heading sets a heading: level 0 is the document title, 1 a section
// (such as STRUKTUR), 2 an area; 3 and deeper are set like 2 but smaller.
// A heading is never the last thing on a page: it stays with the first
// two lines, or the first table row, of what follows.
func (d *Doc) Heading(text string, level int) {
	if d.done {
		return
	}
	level = max(0, min(level, 3))
	h := headings[level]
	ls := d.layout([]block{{runs: []Run{{Text: text}}, ts: h.ts}}, d.textWidth())
	if len(ls) == 0 {
		return
	}
	if level == 1 {
		ls = append(ls, line{ts: h.ts, h: 1.5, rule: &span{w: d.textWidth()}})
	}
	for i := range ls {
		ls[i].link = keepStrong
	}
	d.atLeast(h.before)
	d.flow(ls, kindHeading0+itemKind(level))
	d.hold = 2
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

// Keep ties everything added by fill into one group that is kept on one
// page when it fits there, unless moving it whole to the next page would
// leave the current one more than 40 % empty. A group taller than a page
// is broken where the rest of its content allows.
func (d *Doc) Keep(fill func()) {
	start := len(d.items)
	d.keeping++
	fill()
	d.keeping--
	d.tie(start, keepWeak)
	d.groups++
	for i := start; i < len(d.items); i++ {
		if d.items[i].group == 0 {
			d.items[i].group = d.groups
		}
	}
}

// tie sets the breaks between the items from start to the last to at
// least the penalty p.
func (d *Doc) tie(start int, p int8) {
	for i := max(start, 0); i < len(d.items)-1; i++ {
		d.items[i].link = max(d.items[i].link, p)
	}
}

// flow adds lines to the page flow at the left margin.
func (d *Doc) flow(ls []line, k itemKind) {
	if d.done || len(ls) == 0 {
		return
	}
	n := 0
	for i := range ls {
		if i == 0 || ls[i].start {
			d.blocks++
			n = 0
		}
		l := ls[i]
		d.add(item{line: &l, kind: k, gap: l.gap, link: l.link, block: d.blocks, index: n})
		n++
	}
}

// add appends an item to the flow with the pending space and bookmarks.
// After a heading, the next two items are tied to what precedes them.
func (d *Doc) add(it item) {
	it.gap = max(it.gap, d.gap)
	d.gap = 0
	if len(d.pending) > 0 {
		it.marks = d.pending
		d.pending = nil
	}
	if n := len(d.items); n > 0 && d.hold > 0 && !it.kind.heading() {
		d.items[n-1].link = max(d.items[n-1].link, keepStrong)
		d.hold--
	}
	d.items = append(d.items, it)
	if flushEvery > 0 && len(d.items)%flushEvery == 0 && d.keeping == 0 {
		d.flush(false)
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
		d.pdf.AddUTF8FontFromBytes(d.fonts.family, st.fpdfStyle(), d.faces[st].ttf)
	}
	s := st.fpdfStyle()
	if underline {
		s += "U"
	}
	d.pdf.SetFont(d.fonts.family, s, pt)
}

type fontKey struct {
	st        style
	pt        float64
	underline bool
}

func (d *Doc) setTextColor(c rgb) {
	d.pdf.SetTextColor(c.r, c.g, c.b)
}
