package pdf

import "spur/report"

// comparison lays out the section on the unit's previous visit, after the
// grade overview: the grades side by side in a table, the criteria newly
// unmet and newly met as lists, and each criterion still unmet with the
// earlier plan's actions in a table like an entry of the plan. Every
// heading is in the outline, as in the Markdown.
func comparison(d *Doc, r *report.Report) {
	l, c := r.L, r.Comparison
	d.SetContext(l.Comparison)
	d.Bookmark(c.Heading, 0)
	d.Heading(c.Heading, 1)
	d.Paragraph(Run{Text: c.Intro})
	var rows [][]Cell
	for _, g := range c.Grades {
		rows = append(rows, []Cell{text(g.Letter+". "+g.Title, false), text(g.Previous, false), text(g.Current, true), text(g.Change, false)})
	}
	head := []Cell{text(l.Area, true), text(l.ComparePrevious, true), text(l.CompareCurrent, true), text(l.CompareChange, true)}
	d.TableWhole([]Column{{}, {Width: 30}, {Width: 30}, {Width: 26}}, head, rows)

	criteria(d, l, l.NewlyUnmet, l.NewlyUnmetLead, c.NewlyUnmet, true)
	criteria(d, l, l.NewlyMet, l.NewlyMetLead, c.NewlyMet, true)

	d.SetContext(l.Comparison + " " + l.StillUnmet)
	d.Bookmark(l.StillUnmet, 1)
	d.Heading(l.StillUnmet, 2)
	d.Paragraph(Run{Text: l.StillUnmetLead, Italic: true})
	if len(c.StillUnmet) == 0 {
		d.Paragraph(Run{Text: l.CompareNone})
	}
	for _, s := range c.StillUnmet {
		d.SetContext(l.Comparison + " " + s.ID)
		d.Bookmark(s.Heading, 2)
		d.Heading(s.Heading, 3)
		head := []Cell{{Runs: []Run{{Text: s.ID}}}, {Runs: []Run{{Text: s.Text}}}}
		var rows [][]Cell
		for _, e := range s.Actions {
			rows = append(rows, []Cell{labelCell(l.EarlierAction), actionCell(e.Action)},
				fieldRow(l, l.EarlierDue, e.Due, e.DueRead), fieldRow(l, l.PlanResponsible, e.Responsible, ""))
		}
		if s.Note != "" {
			rows = append(rows, []Cell{labelCell(l.EarlierAction), {Runs: []Run{{Text: s.Note, Italic: true}}}})
		}
		d.Table([]Column{{Width: 0.3}, {}}, head, rows)
		d.Space(3)
	}
	if len(c.Uncompared) > 0 {
		criteria(d, l, l.Uncompared, l.UncomparedLead, c.Uncompared, false)
	}
}

// criteria is a list of the comparison under its heading, or "Inga." when
// it is empty and none says something: each criterion's id in bold, its
// text, and the note in italics.
func criteria(d *Doc, l report.Labels, title, lead string, cs []report.CriterionChange, none bool) {
	d.SetContext(l.Comparison + " " + title)
	d.Bookmark(title, 1)
	d.Heading(title, 2)
	d.Paragraph(Run{Text: lead, Italic: true})
	if len(cs) == 0 {
		if none {
			d.Paragraph(Run{Text: l.CompareNone})
		}
		return
	}
	list := report.List{Tight: true}
	for _, c := range cs {
		ins := []report.Inline{report.Strong{Children: []report.Inline{report.Str(c.ID)}}, report.Str(" " + c.Text)}
		if c.Note != "" {
			ins = append(ins, report.Str(" "), report.Emph{Children: []report.Inline{report.Str("(" + c.Note + ")")}})
		}
		list.Items = append(list.Items, []report.Block{report.Paragraph{Inlines: ins}})
	}
	d.Text(report.Text{Blocks: []report.Block{list}})
}
