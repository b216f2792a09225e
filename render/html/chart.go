package html

import (
	"strconv"

	"spur/report/overview"
)

// The charts' colours: each at least 3:1 against white (WCAG 1.4.11), the
// grades told apart by lightness too. A grade, the state of an action and
// the time of a D each have their own.
var gradeFill = map[string]string{"A": "#1b5e20", "B": "#4c8c2b", "C": "#c77c02", "D": "#b3261e"}

const noneFill = "#8a8a8a"

// stateFill is per overview.ActionState: done, overdue, open.
var stateFill = [...]string{"#1b5e20", "#b3261e", noneFill}

// dFill is the D before the action plan, and after it.
var dFill = [...]string{"#d4572a", "#7a1c14"}

// barChart is a chart of horizontal bars, each a stack of segments.
type barChart struct {
	id, title string   // the id of its <title>, unique in the page, and its text
	names     []string // the segments' names, for the legend
	fills     []string // and their colours
	bars      []bar
	// scale is the sum of counts a whole bar stands for; a bar is a
	// share of it.
	scale int
	// group is how many bars stand together under one label (1 or 2):
	// the label goes beside the first, a gap after the last.
	group int
}

// bar is one bar: its label beside it, the name of each segment to
// assistive technology (title + " – " + name + ": " + count), and the
// counts of its segments, in the order of the chart's names.
type bar struct {
	label, title string
	counts       []int
}

// draw draws the chart. It is one image to assistive technology
// (role="img", named by its <title>); the table of numbers after it says
// the same for screen readers and for people who prefer numbers. Each
// segment has a <title> of its own, shown on hover. Nothing is drawn
// without bars or with nothing to scale by.
func (c barChart) draw(p *page) {
	if len(c.bars) == 0 || c.scale <= 0 {
		return
	}
	group := max(c.group, 1)
	const (
		barW    = 580 // the bars' width
		legendH = 30
		charW   = 8 // an estimate of a label's character, to size its column
	)
	barH, rowH, gap := 18, 26, 0
	if group > 1 {
		barH, rowH, gap = 11, 13, 10
	}
	label := 36
	for _, b := range c.bars {
		label = max(label, charW*len([]rune(b.label))+12)
	}
	width := label + barW + 24
	height := legendH + rowH*len(c.bars) + gap*((len(c.bars)+group-1)/group) + 4
	itoa := strconv.Itoa
	p.raw("<div class=\"chart\">\n<svg role=\"img\" aria-labelledby=\"", c.id, "\" viewBox=\"0 0 ",
		itoa(width), " ", itoa(height), "\" width=\"", itoa(width), "\" height=\"", itoa(height), "\" font-family=\"system-ui, sans-serif\" font-size=\"13\">\n")
	p.raw("<title id=\"", c.id, "\">")
	p.text(c.title)
	p.raw("</title>\n")
	// The legend, in the order of the bars' segments.
	x := label
	for i, name := range c.names {
		p.raw("<rect x=\"", itoa(x), "\" y=\"6\" width=\"14\" height=\"14\" fill=\"", c.fills[i], "\" stroke=\"#1a1a1a\" stroke-width=\"0.5\"/>",
			"<text x=\"", itoa(x+19), "\" y=\"18\" fill=\"#1a1a1a\">")
		p.text(name)
		p.raw("</text>\n")
		x += 19 + 9*len([]rune(name)) + 18
	}
	y := legendH
	for i, b := range c.bars {
		if i%group == 0 {
			if i > 0 {
				y += gap
			}
			p.raw("<text x=\"0\" y=\"", itoa(y+min(barH, 18)-4), "\" fill=\"#1a1a1a\" font-weight=\"600\">")
			p.text(b.label)
			p.raw("</text>\n")
		}
		// The frame of the whole bar, then the segments in it; a
		// segment's length is rounded from the start of the bar, so
		// that the segments of a full bar always fill it exactly.
		p.raw("<rect x=\"", itoa(label), "\" y=\"", itoa(y), "\" width=\"", itoa(barW), "\" height=\"", itoa(barH), "\" fill=\"#fff\" stroke=\"#767676\"/>\n")
		sum := 0
		for j, n := range b.counts {
			if n <= 0 || j >= len(c.names) {
				continue
			}
			x0, x1 := label+barW*min(sum, c.scale)/c.scale, label+barW*min(sum+n, c.scale)/c.scale
			sum += n
			p.raw("<rect x=\"", itoa(x0), "\" y=\"", itoa(y), "\" width=\"", itoa(x1-x0), "\" height=\"", itoa(barH), "\" fill=\"", c.fills[j], "\"><title>")
			p.text(b.title + " – " + c.names[j] + ": " + itoa(n))
			p.raw("</title></rect>\n")
		}
		y += rowH
	}
	p.raw("</svg>\n</div>\n")
}

// gradeChart is the grades per area as stacked bars, one per area, each as
// long as total (the inspections or units counted), with a legend.
func gradeChart(id, title string, v *overview.View, areas []overview.AreaGrades, total int) barChart {
	c := barChart{id: id, title: title, scale: total}
	c.names = append(append(c.names, v.Grades...), v.L.NoGrade)
	for _, g := range v.Grades {
		c.fills = append(c.fills, fillOf(g))
	}
	c.fills = append(c.fills, noneFill)
	for _, a := range areas {
		c.bars = append(c.bars, bar{label: a.Letter, title: a.Letter + ". " + a.Title, counts: append(append([]int{}, a.Counts...), a.None)})
	}
	return c
}

// chart draws the grades per area of every inspection shown.
func chart(p *page, v *overview.View) {
	if len(v.Rows) == 0 || len(v.Areas) == 0 {
		return
	}
	total := v.Areas[0].None
	for _, n := range v.Areas[0].Counts {
		total += n
	}
	// The inspections the chart counts: a failing one is listed, and
	// not counted.
	gradeChart("chart-title", v.L.GradesPerArea+": "+v.L.Inspections(total), v, v.Areas, total).draw(p)
}

func fillOf(g string) string {
	if f, ok := gradeFill[g]; ok {
		return f
	}
	return noneFill
}
