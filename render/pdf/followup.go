package pdf

import (
	"io"
	"strconv"

	"spur/followup/view"
	"spur/report"
)

// Followup lays out the follow-up list of spur followup: the counts per
// region, the units due for their next visit as a table (a first level of
// the outline), then per region (the outline's first level), unit (its second)
// and responsible each action as a table of its fields, as the action
// plan is laid out.
func Followup(w io.Writer, l *view.List) (warnings []string, err error) {
	return Renderer{}.Followup(w, l)
}

// Followup is the package's Followup in p's fonts.
func (p Renderer) Followup(w io.Writer, l *view.List) (warnings []string, err error) {
	d := followupDoc(l, p.Fonts)
	err = d.Output(w)
	return d.Warnings(), err
}

func followupDoc(l *view.List, fs *Fonts) *Doc {
	L := l.L
	title := L.Title + " " + l.AsOf
	d := New(Meta{Title: title, Subject: l.Filter, Keywords: "SPUR, ST, " + L.Title, Lang: L.PDFLang,
		Created: l.Date, Header: title, HeaderFollows: true, HeaderLevel: 1, PageLabel: L.Page, Fonts: fs})
	d.SetContext("title")
	d.Heading(L.Title, 0)
	d.Paragraph(Run{Text: l.Intro})
	if l.Filter != "" {
		d.Paragraph(Run{Text: L.Selection + ": ", Bold: true}, Run{Text: l.Filter})
	}
	d.Paragraph(Run{Text: l.Count})
	for _, f := range l.Failed {
		d.Paragraph(Run{Text: L.Failed + " ", Italic: true}, Run{Text: f})
	}

	section(d, L.Summary)
	cols := []Column{{Width: 38}}
	head := []Cell{text(L.Region, true)}
	for _, s := range append(l.StateNames[:], L.Total) {
		cols = append(cols, Column{})
		head = append(head, text(s, true))
	}
	var rows [][]Cell
	row := func(name string, c view.Counts, bold bool) []Cell {
		r := []Cell{text(name, bold)}
		for _, n := range append(c[:], c.Total()) {
			r = append(r, text(strconv.Itoa(n), bold))
		}
		return r
	}
	for _, r := range l.Regions {
		rows = append(rows, row(r.Name, r.Counts, false))
	}
	rows = append(rows, row(L.AllRegions, l.Total, true))
	d.Table(cols, head, rows)
	if len(l.Regions) == 0 {
		d.Paragraph(Run{Text: L.NoActions, Italic: true})
	}
	followupVisits(d, l)

	for _, r := range l.Regions {
		section(d, r.Name)
		for i := range r.Units {
			followupUnit(d, L, &r.Units[i])
		}
	}
	return d
}

// followupVisits is the table of the units due for their next visit, or
// a line that says there is none.
func followupVisits(d *Doc, l *view.List) {
	L := l.L
	section(d, L.NextVisits)
	if len(l.Visits) == 0 {
		d.Paragraph(Run{Text: l.NoVisits, Italic: true})
		return
	}
	d.Paragraph(Run{Text: l.VisitsNote})
	var rows [][]Cell
	for _, v := range l.Visits {
		rows = append(rows, []Cell{text(v.Name, false), text(v.Region, false), text(v.Last, false), text(v.Next, false),
			text(v.StateName, v.State == view.VisitDue)})
	}
	d.Table([]Column{{}, {Width: 34}, {Width: 22}, {Width: 26}, {Width: 30}},
		[]Cell{text(L.Unit, true), text(L.Region, true), text(L.LastVisit, true), text(L.NextVisit, true), text(L.State, true)}, rows)
}

func followupUnit(d *Doc, L view.Labels, u *view.Unit) {
	d.SetContext(u.Heading)
	d.Bookmark(u.Heading, 1)
	d.Heading(u.Heading, 2)
	var runs []Run
	for _, f := range [][2]string{
		{L.Organisation, u.Organisation}, {L.Specialty, u.Specialty}, {L.UnitID, u.ID}, {L.PlanDate, u.PlanDate},
	} {
		if f[1] == "" {
			continue
		}
		if len(runs) > 0 {
			runs = append(runs, Run{Text: " · "})
		}
		runs = append(runs, Run{Text: f[0] + ": ", Bold: true}, Run{Text: f[1]})
	}
	if len(runs) > 0 {
		d.Paragraph(runs...)
	}
	field := func(label, value string, bold bool) []Cell {
		return []Cell{labelCell(label), text(value, bold)}
	}
	for _, g := range u.Groups {
		d.Heading(L.Responsible+": "+g.Responsible, 3)
		for _, a := range g.Actions {
			d.SetContext(u.Heading + " " + a.Criterion)
			head := []Cell{{Runs: []Run{{Text: a.Criterion + " – " + a.StateName}}}, {Runs: []Run{{Text: report.Dash(a.CriterionText)}}}}
			rows := [][]Cell{
				field(L.State, a.Status, a.State == view.Overdue),
				{labelCell(L.Action), actionCell(a.Action)},
				field(L.Due, a.DueShown, false),
				field(L.FollowUp, a.FollowUpShown, false),
				field(L.FollowUpBy, a.FollowUpBy, false),
			}
			if a.Latest != nil {
				rows = append(rows, field(L.Latest, a.Latest.Line, false))
			}
			d.Table([]Column{{Width: 0.32}, {}}, head, rows)
		}
	}
}
