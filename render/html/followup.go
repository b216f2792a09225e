package html

import (
	"io"
	"slices"
	"strconv"

	"spur/followup/view"
	"spur/report"
)

// Followup writes the follow-up list of spur followup: the counts per
// region as a table, the units due for their next visit as a table whose
// row headers are the units, then per region, unit and responsible each action
// under a heading of its own, with its fields as a table whose row
// headers name them, as the action plan is written. Headings nest (h1 the
// list, h2 a region, h3 a unit, h4 a responsible, h5 an action), every
// table has its headers scoped and is labelled by the heading above it,
// and the page is lang="sv".
func Followup(w io.Writer, l *view.List) (warnings []string, err error) {
	L := l.L
	var p page
	p.start(L.Lang, L.Title+" "+l.AsOf)
	p.heading(1, L.Title)
	p.para("", l.Intro)
	if l.Filter != "" {
		p.raw("<p><strong>")
		p.text(L.Selection + ":")
		p.raw("</strong> ")
		p.text(l.Filter)
		p.raw("</p>\n")
	}
	p.para("", l.Count)
	if len(l.Failed) > 0 {
		p.para("", L.Failed)
		p.raw("<ul>\n")
		for _, f := range l.Failed {
			p.raw("<li>")
			p.text(f)
			p.raw("</li>\n")
		}
		p.raw("</ul>\n")
	}
	followupCounts(&p, l)
	followupVisits(&p, l)
	for _, r := range l.Regions {
		p.raw("<section>\n")
		p.heading(2, r.Name)
		for i := range r.Units {
			followupUnit(&p, L, &r.Units[i])
		}
		p.raw("</section>\n")
	}
	return nil, p.end(w)
}

func followupCounts(p *page, l *view.List) {
	L := l.L
	p.raw("<section>\n")
	id := p.heading(2, L.Summary)
	p.raw("<table aria-labelledby=\"", id, "\">\n")
	cols(p, slices.Concat([]string{L.Region}, l.StateNames[:], []string{L.Total}), len(l.StateNames)+1)
	p.raw("<tbody>\n")
	row := func(name string, c view.Counts) {
		p.raw("<tr><th scope=\"row\">")
		p.text(name)
		p.raw("</th>")
		for _, n := range append(c[:], c.Total()) {
			p.raw("<td class=\"num\">", strconv.Itoa(n), "</td>")
		}
		p.raw("</tr>\n")
	}
	for _, r := range l.Regions {
		row(r.Name, r.Counts)
	}
	p.raw("</tbody>\n<tfoot>\n")
	row(L.AllRegions, l.Total)
	p.raw("</tfoot>\n</table>\n")
	if len(l.Regions) == 0 {
		p.para("note", L.NoActions)
	}
	p.raw("</section>\n")
}

// followupVisits is the table of the units due for their next visit, or
// a note that says there is none.
func followupVisits(p *page, l *view.List) {
	L := l.L
	p.raw("<section>\n")
	id := p.heading(2, L.NextVisits)
	if len(l.Visits) == 0 {
		p.para("note", l.NoVisits)
		p.raw("</section>\n")
		return
	}
	p.para("", l.VisitsNote)
	p.raw("<table aria-labelledby=\"", id, "\">\n")
	cols(p, []string{L.Unit, L.Region, L.LastVisit, L.NextVisit, L.State}, 0)
	p.raw("<tbody>\n")
	for _, v := range l.Visits {
		p.raw("<tr><th scope=\"row\">")
		p.text(report.Dash(v.Name))
		p.raw("</th>")
		for _, c := range []string{v.Region, v.Last, v.Next} {
			p.raw("<td>")
			p.text(c)
			p.raw("</td>")
		}
		p.raw("<td>")
		if v.State == view.VisitDue {
			p.raw("<strong>")
			p.text(v.StateName)
			p.raw("</strong>")
		} else {
			p.text(v.StateName)
		}
		p.raw("</td></tr>\n")
	}
	p.raw("</tbody>\n</table>\n</section>\n")
}

func followupUnit(p *page, L view.Labels, u *view.Unit) {
	p.raw("<section>\n")
	p.heading(3, u.Heading)
	var facts []string
	for _, f := range [][2]string{
		{L.Organisation, u.Organisation}, {L.Specialty, u.Specialty}, {L.UnitID, u.ID}, {L.PlanDate, u.PlanDate},
	} {
		if f[1] != "" {
			facts = append(facts, f[0]+": "+f[1])
		}
	}
	if len(facts) > 0 {
		p.raw("<p class=\"muted\">")
		for i, f := range facts {
			if i > 0 {
				p.raw(" · ")
			}
			p.text(f)
		}
		p.raw("</p>\n")
	}
	for _, g := range u.Groups {
		p.raw("<section>\n")
		p.heading(4, L.Responsible+": "+g.Responsible)
		for i := range g.Actions {
			followupAction(p, L, &g.Actions[i])
		}
		p.raw("</section>\n")
	}
	p.raw("</section>\n")
}

func followupAction(p *page, L view.Labels, a *view.Action) {
	p.raw("<section>\n")
	id := p.heading(5, a.Criterion+" – "+a.StateName)
	if a.CriterionText != "" {
		p.raw("<p>")
		if a.Area != "" {
			p.raw("<em>")
			p.text(a.Area)
			p.raw("</em> · ")
		}
		p.text(a.CriterionText)
		p.raw("</p>\n")
	}
	p.raw("<table class=\"fields\" aria-labelledby=\"", id, "\">\n<tbody>\n")
	field := func(label, value string, strong bool) {
		p.raw("<tr><th scope=\"row\">")
		p.text(label)
		p.raw("</th><td>")
		if strong {
			p.raw("<strong>")
		}
		p.text(report.Dash(value))
		if strong {
			p.raw("</strong>")
		}
		p.raw("</td></tr>\n")
	}
	field(L.State, a.Status, a.State == view.Overdue)
	actionRow(p, L.Action, a.Action)
	field(L.Due, a.DueShown, false)
	field(L.FollowUp, a.FollowUpShown, false)
	field(L.FollowUpBy, a.FollowUpBy, false)
	if a.Latest != nil {
		field(L.Latest, a.Latest.Line, false)
	}
	p.raw("</tbody>\n</table>\n</section>\n")
}
