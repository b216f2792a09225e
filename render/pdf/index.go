package pdf

import (
	"io"
	"strconv"

	"spur/report"
	"spur/report/overview"
)

// Index lays out the overview of many inspections (spur build:
// OUT/index.pdf): the inspections under a heading per specialty, the
// grades per area and the criteria most often unmet.
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

	d.SetContext(l.Table)
	d.Bookmark(l.Table, 0)
	d.Heading(l.Table, 1)
	if len(v.Rows) == 0 {
		d.Paragraph(Run{Text: l.NoInspections, Italic: true})
	}
	text := func(s string, bold bool) Cell { return Cell{Runs: []Run{{Text: report.Dash(s), Bold: bold}}} }
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

	d.SetContext(l.GradesPerArea)
	d.Bookmark(l.GradesPerArea, 0)
	d.Heading(l.GradesPerArea, 1)
	d.Paragraph(Run{Text: l.GradesNote})
	cols, head = []Column{{}}, []Cell{text(l.Area, true)}
	for _, g := range append(v.Grades, l.NoGrade) {
		cols = append(cols, Column{Width: 16})
		head = append(head, text(g, true))
	}
	var rows [][]Cell
	for _, a := range v.Areas {
		row := []Cell{text(a.Letter+". "+a.Title, false)}
		for _, n := range append(a.Counts, a.None) {
			row = append(row, text(strconv.Itoa(n), false))
		}
		rows = append(rows, row)
	}
	d.Table(cols, head, rows)

	d.SetContext(l.MostUnmet)
	d.Bookmark(l.MostUnmet, 0)
	d.Heading(l.MostUnmet, 1)
	if len(v.Unmet) == 0 {
		d.Paragraph(Run{Text: l.NoUnmet, Italic: true})
	} else {
		d.Paragraph(Run{Text: l.UnmetNote})
		rows = nil
		for _, u := range v.Unmet {
			rows = append(rows, []Cell{{Runs: []Run{{Text: u.ID + "  ", Bold: true}, {Text: u.Text}}}, text(u.Kind, false),
				text(strconv.Itoa(u.Count), false), text(u.Share, false)})
		}
		d.Table([]Column{{}, {Width: 12}, {Width: 16}, {Width: 16}},
			[]Cell{text(l.Criterion, true), text(l.Kind, true), text(l.Count, true), text(l.Share, true)}, rows)
	}
	return d
}
