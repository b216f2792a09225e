package pdf

import (
	"io"
	"strconv"
	"strings"

	"spur/report"
	"spur/report/overview"
)

// Index lays out the overview of many inspections (spur build:
// OUT/index.pdf): the inspections under a heading per specialty, the
// grades per area, the criteria most often unmet, the units due for a
// visit, the last two visits of each unit visited more than once, and the
// compilation per year, each of its figures as a chart and a table.
func Index(w io.Writer, v *overview.View) (warnings []string, err error) {
	return Renderer{}.Index(w, v)
}

// Index is the package's Index in p's fonts.
func (p Renderer) Index(w io.Writer, v *overview.View) (warnings []string, err error) {
	d := indexDoc(v, p.Fonts)
	err = d.Output(w)
	return d.Warnings(), err
}

func indexDoc(v *overview.View, fs *Fonts) *Doc {
	l := v.L
	d := New(Meta{Title: l.Title, Subject: v.Filter, Keywords: "SPUR, ST", Lang: l.PDFLang,
		Created: v.Date, Header: l.Title, PageLabel: l.Page, Fonts: fs})
	d.SetContext("title")
	d.Heading(l.Title, 0)
	if v.Filter != "" {
		d.Paragraph(Run{Text: l.Selection + ": ", Bold: true}, Run{Text: v.Filter})
	}
	d.Paragraph(Run{Text: v.Count})

	section(d, l.Table)
	if len(v.Rows) == 0 {
		d.Paragraph(Run{Text: l.NoInspections, Italic: true})
	}
	cols := []Column{{}, {Width: 33}, {Width: 22}}
	head := []Cell{text(l.Unit, true), text(l.Region, true), text(l.Visit, true)}
	for _, a := range v.Areas {
		cols = append(cols, Column{Width: 6})
		head = append(head, text(a.Letter, true))
	}
	cols = append(cols, Column{Width: 27})
	head = append(head, text(l.ActionPlan, true))
	for i := 0; i < len(v.Rows); {
		sp := v.Rows[i].Specialty
		var rows [][]Cell
		for ; i < len(v.Rows) && v.Rows[i].Specialty == sp; i++ {
			r := &v.Rows[i]
			row := []Cell{text(r.Unit, false), text(r.Region, false),
				{Runs: []Run{{Text: r.Visit + "\n"}, {Text: r.Status, Italic: true}}}}
			for j := range v.Areas {
				g := ""
				if j < len(r.Grades) {
					g = r.Grades[j]
				}
				row = append(row, text(g, g == "D"))
			}
			rows = append(rows, append(row, text(r.Plan, false)))
		}
		if sp == "" {
			sp = "–"
		}
		d.SetContext(l.Table + " " + sp)
		d.Bookmark(sp, 1)
		d.Heading(sp, 2)
		d.Table(cols, head, rows)
	}

	section(d, l.GradesPerArea)
	d.Lead(Run{Text: l.GradesNote})
	d.chart(gradeChart(v, v.Areas, inspections(v.Areas)))
	cols, head = gradesHead(v)
	d.Table(cols, head, areaRows(v.Areas))

	section(d, l.MostUnmet)
	if len(v.Unmet) == 0 {
		d.Paragraph(Run{Text: l.NoUnmet, Italic: true})
	} else {
		d.Lead(Run{Text: l.UnmetNote})
		var rows [][]Cell
		for _, u := range v.Unmet {
			rows = append(rows, []Cell{{Runs: []Run{{Text: u.ID + "  ", Bold: true}, {Text: u.Text}}}, text(u.Kind, false),
				text(strconv.Itoa(u.Count), false), text(u.Share, false)})
		}
		d.Table([]Column{{}, {Width: 12}, {Width: 16}, {Width: 16}},
			[]Cell{text(l.Criterion, true), text(l.Kind, true), text(l.Count, true), text(l.Share, true)}, rows)
	}
	nextVisits(d, v)
	lastTwoVisits(d, v)
	perYear(d, v)
	return d
}

// text is a cell of one run, "–" for an empty text.
func text(s string, bold bool) Cell { return Cell{Runs: []Run{{Text: report.Dash(s), Bold: bold}}} }

// inspections is how many inspections the grades per area count: those
// of any area.
func inspections(areas []overview.AreaGrades) int {
	if len(areas) == 0 {
		return 0
	}
	n := areas[0].None
	for _, c := range areas[0].Counts {
		n += c
	}
	return n
}

// gradesHead is the columns and the head of a table of the grades per
// area: the area, then a column for each grade and one for none.
func gradesHead(v *overview.View) ([]Column, []Cell) {
	cols, head := []Column{{}}, []Cell{text(v.L.Area, true)}
	for _, g := range append(append([]string{}, v.Grades...), v.L.NoGrade) {
		cols = append(cols, Column{Width: 16})
		head = append(head, text(g, true))
	}
	return cols, head
}

// areaRows is the table of the grades per area.
func areaRows(areas []overview.AreaGrades) [][]Cell {
	var rows [][]Cell
	for _, a := range areas {
		row := []Cell{text(a.Letter+". "+a.Title, false)}
		for _, n := range append(append([]int{}, a.Counts...), a.None) {
			row = append(row, text(strconv.Itoa(n), false))
		}
		rows = append(rows, row)
	}
	return rows
}

// section starts a section at the outline's top level: its context,
// bookmark and heading.
func section(d *Doc, title string) {
	d.SetContext(title)
	d.Bookmark(title, 0)
	d.Heading(title, 1)
}

func nextVisits(d *Doc, v *overview.View) {
	l := v.L
	section(d, l.NextVisits)
	if len(v.Due) == 0 {
		d.Paragraph(Run{Text: v.NoneDue, Italic: true})
		return
	}
	d.Lead(Run{Text: v.DueNote})
	var rows [][]Cell
	for _, u := range v.Due {
		rows = append(rows, []Cell{text(u.Unit, false), text(u.Specialty, false), text(u.Region, false), text(u.Last, false), text(u.Next, false)})
	}
	d.Table([]Column{{}, {Width: 32}, {Width: 30}, {Width: 22}, {Width: 24}},
		[]Cell{text(l.Unit, true), text(l.Specialty, true), text(l.Region, true), text(l.LastVisit, true), text(l.NextVisit, true)}, rows)
}

func lastTwoVisits(d *Doc, v *overview.View) {
	l := v.L
	section(d, l.Revisits)
	if len(v.Revisits) == 0 {
		d.Paragraph(Run{Text: l.NoRevisits, Italic: true})
		return
	}
	d.Lead(Run{Text: l.RevisitsNote})
	var rows [][]Cell
	gw := 10.0 // a grade column: as wide as its widest grade, "C→B" in bold on one line
	for _, r := range v.Revisits {
		row := []Cell{{Runs: []Run{{Text: report.Dash(r.Unit) + "\n"}, {Text: report.Dash(r.Region), Italic: true}}},
			text(r.Previous, false), text(r.Latest, false)}
		for j, g := range r.Grades {
			// "C→B": the column is narrow.
			c := text(strings.ReplaceAll(g, " → ", "→"), r.Changed[j])
			gw = max(gw, d.cellWidth(c.Runs))
			row = append(row, c)
		}
		rows = append(rows, row)
	}
	cols := []Column{{}, {Width: 20}, {Width: 20}}
	head := []Cell{text(l.Unit, true), text(l.PreviousVisit, true), text(l.LatestVisit, true)}
	for _, a := range v.Areas {
		cols = append(cols, Column{Width: min(gw, 14)})
		head = append(head, text(a.Letter, true))
	}
	d.Table(cols, head, rows)
}

func perYear(d *Doc, v *overview.View) {
	l := v.L
	section(d, l.Years)
	if len(v.Years) == 0 {
		d.Paragraph(Run{Text: l.NoYears, Italic: true})
		return
	}
	d.Paragraph(Run{Text: l.YearsNote + " " + v.ActionsNote})
	for _, y := range v.Years {
		d.SetContext(l.Years + " " + y.Year)
		// The year's heading and count stay with its first chart: alone
		// at the foot of a page they say nothing.
		d.Keep(func() {
			d.Bookmark(y.Year, 1)
			d.Heading(y.Year, 2)
			d.Paragraph(Run{Text: y.Count})
			d.Heading(l.GradesPerArea, 3)
			d.chart(gradeChart(v, y.Grades, y.Units))
		})
		cols, head := gradesHead(v)
		d.Table(cols, head, areaRows(y.Grades))

		dc := barChart{names: []string{l.DBefore, l.DAfter}, colours: dColour[:], scale: y.Units, split: true}
		var rows [][]Cell
		for _, a := range y.D {
			dc.bars = append(dc.bars, bar{label: a.Letter, counts: []int{a.Before, a.After}})
			rows = append(rows, []Cell{text(a.Letter+". "+a.Title, false), text(strconv.Itoa(a.Before), false), text(a.BeforeShare, false),
				text(strconv.Itoa(a.After), false), text(a.AfterShare, false)})
		}
		d.Keep(func() {
			d.Heading(l.DShare, 3)
			d.Paragraph(Run{Text: l.DShareNote})
			d.chart(dc)
		})
		d.Table([]Column{{}, {Width: 18}, {Width: 20}, {Width: 18}, {Width: 20}},
			[]Cell{text(l.Area, true), text(l.DBefore, true), text(l.ShareBefore, true), text(l.DAfter, true), text(l.ShareAfter, true)}, rows)

		if y.Total.Total == 0 {
			d.Heading(l.Actions, 3)
			d.Paragraph(Run{Text: l.NoActions, Italic: true})
			continue
		}
		ac := barChart{names: v.States, colours: stateColour[:]}
		rows = nil
		all := append(append([]overview.RegionActions{}, y.Actions...), y.Total)
		for i, r := range all {
			total := i == len(all)-1
			row := []Cell{text(r.Region, total)}
			for _, n := range append(r.Counts[:], r.Total) {
				row = append(row, text(strconv.Itoa(n), total))
			}
			rows = append(rows, row)
		}
		for _, r := range y.Actions {
			ac.bars = append(ac.bars, bar{label: r.Region, counts: r.Counts[:]})
			ac.scale = max(ac.scale, r.Total)
		}
		d.Keep(func() {
			d.Heading(l.Actions, 3)
			d.chart(ac)
		})
		cols, head = []Column{{}}, []Cell{text(l.Region, true)}
		for _, s := range append(append([]string{}, v.States...), l.Total) {
			cols = append(cols, Column{Width: 26})
			head = append(head, text(s, true))
		}
		d.Table(cols, head, rows)
	}
}
