package pdf

// CheckState is what a check box shows.
type CheckState int

const (
	CheckNotMet CheckState = iota // an empty box
	CheckMet                      // a box with a tick
	CheckNA                       // a box with a dash; the caller may suffix the label
)

// invisible is the text under each box: not drawn, but extracted by text
// tools and read by screen readers, so the state is not only a picture.
var invisible = [...]string{CheckNotMet: "[ ]", CheckMet: "[x]", CheckNA: "[-]"}

// Checkbox sets a check box with its label in body text. The label wraps
// with a hanging indent beside the box.
func (d *Doc) Checkbox(state CheckState, label string) {
	d.CheckboxRuns(state, Run{Text: label})
}

// CheckboxRuns is Checkbox with a label in several styles; a "\n" in a
// run starts a new line under the label, indented like it.
func (d *Doc) CheckboxRuns(state CheckState, label ...Run) {
	if state < CheckNotMet || state > CheckNA {
		state = CheckNotMet
	}
	b := block{runs: label, ts: bodyStyle(), hang: boxHang, check: &state}
	d.atLeast(1.2)
	ls := d.layout([]block{b}, d.textWidth())
	// A criterion is read as one statement: its lines stay on one page
	// when they are few.
	if len(ls) <= 8 {
		for i := range ls[:max(len(ls)-1, 0)] {
			ls[i].link = max(ls[i].link, keepWeak)
		}
	}
	d.flow(ls, kindCheck)
	d.atLeast(1.2)
}

// drawCheck draws the box of l at x, centred on its first line at y.
func (d *Doc) drawCheck(l *line, x, y float64) {
	s := boxSize
	top := y + (l.h-s)/2
	p := d.pdf
	p.SetDrawColor(colBox.r, colBox.g, colBox.b)
	p.SetLineWidth(0.25)
	p.Rect(x, top, s, s, "D")
	p.SetLineWidth(0.5)
	switch l.check.state {
	case CheckMet:
		p.SetLineJoinStyle("round")
		p.MoveTo(x+0.65, top+1.75)
		p.LineTo(x+1.4, top+2.6)
		p.LineTo(x+2.8, top+0.75)
		p.DrawPath("D")
		p.SetLineJoinStyle("miter")
	case CheckNA:
		p.Line(x+0.8, top+s/2, x+s-0.8, top+s/2)
	}
	d.setFont(regular, l.ts.pt, false)
	p.SetTextRenderingMode(3)
	p.Text(x, y+l.baseline(), invisible[l.check.state])
	p.SetTextRenderingMode(0)
}
