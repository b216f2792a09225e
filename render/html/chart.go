package html

import (
	"strconv"

	"spur/report/overview"
)

// The chart's colours, one per grade and one for no grade: each at least
// 3:1 against white (WCAG 1.4.11) and told apart by lightness too.
var gradeFill = map[string]string{"A": "#1b5e20", "B": "#4c8c2b", "C": "#c77c02", "D": "#b3261e"}

const noneFill = "#8a8a8a"

// chart draws the grades per area as horizontal stacked bars, one per
// area, each as long as the inspections shown, with a legend. It is one
// image to assistive technology (role="img", named by its <title>); the
// table of numbers after it says the same for screen readers and for
// people who prefer numbers. Nothing is drawn without inspections.
func chart(p *page, v *overview.View) {
	if len(v.Rows) == 0 || len(v.Areas) == 0 {
		return
	}
	const (
		width   = 640
		label   = 36  // the area letters' column
		barW    = 580 // the bars' width
		rowH    = 26
		barH    = 18
		legendH = 30
	)
	total := len(v.Rows)
	height := legendH + rowH*len(v.Areas) + 4
	itoa := strconv.Itoa
	p.raw("<div class=\"chart\">\n<svg role=\"img\" aria-labelledby=\"chart-title\" viewBox=\"0 0 ",
		itoa(width), " ", itoa(height), "\" width=\"", itoa(width), "\" height=\"", itoa(height), "\" font-family=\"system-ui, sans-serif\" font-size=\"13\">\n")
	p.raw("<title id=\"chart-title\">")
	p.text(v.L.GradesPerArea + ": " + v.Count)
	p.raw("</title>\n")
	// The legend, in the order of the bars' segments.
	names := append(append([]string{}, v.Grades...), v.L.NoGrade)
	x := label
	for i, g := range names {
		fill := noneFill
		if i < len(v.Grades) {
			fill = fillOf(g)
		}
		p.raw("<rect x=\"", itoa(x), "\" y=\"6\" width=\"14\" height=\"14\" fill=\"", fill, "\" stroke=\"#1a1a1a\" stroke-width=\"0.5\"/>",
			"<text x=\"", itoa(x+19), "\" y=\"18\" fill=\"#1a1a1a\">")
		p.text(g)
		p.raw("</text>\n")
		x += 19 + 9*len([]rune(g)) + 18
	}
	for i, a := range v.Areas {
		y := legendH + i*rowH
		p.raw("<text x=\"0\" y=\"", itoa(y+barH-4), "\" fill=\"#1a1a1a\" font-weight=\"600\">")
		p.text(a.Letter)
		p.raw("</text>\n")
		// The frame of the whole bar, then the segments in it; a
		// segment's length is rounded from the start of the bar, so
		// that the segments always fill it exactly.
		p.raw("<rect x=\"", itoa(label), "\" y=\"", itoa(y), "\" width=\"", itoa(barW), "\" height=\"", itoa(barH), "\" fill=\"#fff\" stroke=\"#767676\"/>\n")
		counts := append(append([]int{}, a.Counts...), a.None)
		sum := 0
		for j, n := range counts {
			if n == 0 {
				continue
			}
			x0, x1 := label+barW*sum/total, label+barW*(sum+n)/total
			sum += n
			fill := noneFill
			if j < len(v.Grades) {
				fill = fillOf(v.Grades[j])
			}
			p.raw("<rect x=\"", itoa(x0), "\" y=\"", itoa(y), "\" width=\"", itoa(x1-x0), "\" height=\"", itoa(barH), "\" fill=\"", fill, "\"><title>")
			p.text(a.Letter + ". " + a.Title + " – " + names[j] + ": " + itoa(n))
			p.raw("</title></rect>\n")
		}
	}
	p.raw("</svg>\n</div>\n")
}

func fillOf(g string) string {
	if f, ok := gradeFill[g]; ok {
		return f
	}
	return noneFill
}
