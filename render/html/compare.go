package html

import "spur/report"

// comparison is the section on the unit's previous visit: the grades side
// by side in a table with headers, the lists of criteria newly unmet and
// newly met, and the criteria still unmet with the earlier plan's actions,
// each as the plan's entries are written.
func comparison(p *page, r *report.Report) {
	l, c := r.L, r.Comparison
	p.raw("<section>\n")
	id := p.heading(2, c.Heading)
	p.para("", c.Intro)
	p.raw("<table aria-labelledby=\"", id, "\">\n<thead><tr>")
	for _, h := range []string{l.Area, l.ComparePrevious, l.CompareCurrent, l.CompareChange} {
		p.raw("<th scope=\"col\">")
		p.text(h)
		p.raw("</th>")
	}
	p.raw("</tr></thead>\n<tbody>\n")
	for _, g := range c.Grades {
		p.raw("<tr><th scope=\"row\">")
		p.text(g.Letter + ". " + g.Title)
		p.raw("</th><td class=\"grade\">")
		p.text(report.Dash(g.Previous))
		p.raw("</td><td class=\"grade final\">")
		p.text(report.Dash(g.Current))
		p.raw("</td><td>")
		p.text(report.Dash(g.Change))
		p.raw("</td></tr>\n")
	}
	p.raw("</tbody>\n</table>\n")
	criteria(p, l, l.NewlyUnmet, l.NewlyUnmetLead, c.NewlyUnmet, true)
	criteria(p, l, l.NewlyMet, l.NewlyMetLead, c.NewlyMet, true)

	p.raw("<section>\n")
	p.heading(3, l.StillUnmet)
	p.para("lead", l.StillUnmetLead)
	if len(c.StillUnmet) == 0 {
		p.para("", l.CompareNone)
	}
	for _, s := range c.StillUnmet {
		p.raw("<section>\n")
		id := p.heading(4, s.Heading)
		p.para("", s.Text)
		for _, e := range s.Actions {
			earlierAction(p, l, e, id)
		}
		if s.Note != "" {
			p.para("note", s.Note)
		}
		p.raw("</section>\n")
	}
	p.raw("</section>\n")
	if len(c.Uncompared) > 0 {
		criteria(p, l, l.Uncompared, l.UncomparedLead, c.Uncompared, false)
	}
	p.raw("</section>\n")
}

// criteria is a list of the comparison under its heading, or "Inga." when
// it is empty and none says something.
func criteria(p *page, l report.Labels, title, lead string, cs []report.CriterionChange, none bool) {
	p.raw("<section>\n")
	p.heading(3, title)
	p.para("lead", lead)
	if len(cs) == 0 && none {
		p.para("", l.CompareNone)
	}
	if len(cs) > 0 {
		p.raw("<ul>\n")
		for _, c := range cs {
			p.raw("<li><span class=\"cid\">")
			p.text(c.ID)
			p.raw("</span> ")
			p.text(c.Text)
			if c.Note != "" {
				p.raw(" <em>(")
				p.text(c.Note)
				p.raw(")</em>")
			}
			p.raw("</li>\n")
		}
		p.raw("</ul>\n")
	}
	p.raw("</section>\n")
}

// earlierAction is an entry of the earlier plan: its action and when it
// was to be done, as a table of two columns like an entry of the plan,
// named by the criterion's heading.
func earlierAction(p *page, l report.Labels, e report.PlanEntry, id string) {
	p.raw("<table class=\"fields\" aria-labelledby=\"", id, "\">\n<tbody>\n")
	actionRow(p, l.EarlierAction, e.Action)
	fieldRow(p, l, l.EarlierDue, e.Due, e.DueRead)
	fieldRow(p, l, l.PlanResponsible, e.Responsible, "")
	p.raw("</tbody>\n</table>\n")
}
