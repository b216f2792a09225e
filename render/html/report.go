package html

import (
	"errors"
	"io"
	"strings"

	"spur/report"
)

// ErrNoPlan is returned by Plan for an inspection without an action plan.
var ErrNoPlan = errors.New("html: the inspection has no action plan yet")

// Report writes the whole inspection report as one HTML document. It
// gives no warnings: a browser shows every character its fonts have.
func Report(w io.Writer, r *report.Report) (warnings []string, err error) {
	l := r.L
	var p page
	p.start(l.Lang, l.Title+": "+r.Unit.Name)
	p.heading(1, l.Title)
	facts(&p, r, false)
	summary(&p, r)
	gradeOverview(&p, r)
	if r.Comparison != nil {
		comparison(&p, r)
	}
	for _, g := range r.Groups {
		p.raw("<section>\n")
		p.heading(2, g.Name)
		for i := range g.Areas {
			area(&p, l, &g.Areas[i])
		}
		p.raw("</section>\n")
	}
	if r.Plan != nil {
		p.raw("<section>\n")
		p.heading(2, l.Plan)
		p.para("", r.Plan.Intro)
		if r.Plan.Date != "" {
			p.raw("<p><strong>")
			p.text(l.PlanDate + ":")
			p.raw("</strong> ")
			p.text(r.Plan.Date)
			p.raw("</p>\n")
		}
		plan(&p, r, 3)
		p.raw("</section>\n")
	}
	return nil, p.end(w)
}

// Plan writes the action plan alone: the document a unit and a region
// follow the actions up with. A report without a plan is ErrNoPlan.
func Plan(w io.Writer, r *report.Report) (warnings []string, err error) {
	if r.Plan == nil {
		return nil, ErrNoPlan
	}
	l := r.L
	var p page
	p.start(l.Lang, l.ActionPlanTitle+": "+r.Unit.Name)
	p.heading(1, l.ActionPlanTitle)
	facts(&p, r, true)
	p.para("", r.Plan.Intro)
	plan(&p, r, 2)
	return nil, p.end(w)
}

// facts is the unit and the visit under the title, as a description list.
func facts(p *page, r *report.Report, alone bool) {
	l := r.L
	rows := [][2]string{
		{l.Unit, r.Unit.Name},
		{l.Organisation, r.Unit.Organisation},
		{l.Specialty, r.Unit.Specialty},
		{l.Region, r.Unit.Region},
		{l.Place, r.Unit.Place},
		{l.Visit, r.Visit},
	}
	if alone {
		rows = append(rows, [2]string{l.PlanDate, r.Plan.Date})
	} else {
		rows = append(rows, [2]string{l.Inspectors, strings.Join(r.Inspectors, ", ")},
			[2]string{l.Catalog, r.Catalog}, [2]string{l.Status, r.Status})
	}
	p.raw("<dl class=\"facts\">\n")
	for _, kv := range rows {
		if kv[1] == "" && kv[0] != l.Unit {
			continue
		}
		p.raw("<dt>")
		p.text(kv[0])
		p.raw("</dt><dd>")
		p.text(report.Dash(kv[1]))
		p.raw("</dd>\n")
	}
	p.raw("</dl>\n")
}

// summary is the three lists side by side, one item of each per row, as
// in the Markdown and the PDF.
func summary(p *page, r *report.Report) {
	l := r.L
	if r.Summary.Empty() {
		return
	}
	p.raw("<section>\n")
	id := p.heading(2, l.Summary)
	p.raw("<table aria-labelledby=\"", id, "\">\n<thead><tr>")
	for _, h := range []string{l.Strengths, l.Weaknesses, l.Improvements} {
		p.raw("<th scope=\"col\">")
		p.text(h)
		p.raw("</th>")
	}
	p.raw("</tr></thead>\n<tbody>\n")
	for _, row := range r.Summary.Rows() {
		p.raw("<tr>")
		for _, c := range row {
			p.raw("<td>")
			p.text(c)
			p.raw("</td>")
		}
		p.raw("</tr>\n")
	}
	p.raw("</tbody>\n</table>\n</section>\n")
}

func gradeOverview(p *page, r *report.Report) {
	l := r.L
	p.raw("<section>\n")
	id := p.heading(2, l.Overview)
	p.raw("<table aria-labelledby=\"", id, "\">\n<thead><tr>")
	for _, h := range []string{l.Area, l.Computed, l.Override, l.Adjusted, l.FinalGrade} {
		p.raw("<th scope=\"col\">")
		p.text(h)
		p.raw("</th>")
	}
	p.raw("</tr></thead>\n<tbody>\n")
	for _, g := range r.Overview {
		p.raw("<tr><th scope=\"row\">")
		p.text(g.Letter + ". " + g.Title)
		p.raw("</th>")
		for i, c := range []string{g.Computed, g.Override, g.Adjusted, g.Final} {
			if i == 3 {
				p.raw("<td class=\"grade final\">")
			} else {
				p.raw("<td class=\"grade\">")
			}
			p.text(report.Dash(c))
			p.raw("</td>")
		}
		p.raw("</tr>\n")
	}
	p.raw("</tbody>\n</table>\n</section>\n")
}

func area(p *page, l report.Labels, a *report.Area) {
	p.raw("<section>\n")
	p.heading(3, a.Heading)
	p.userText(a.Narrative)
	if a.Note != "" {
		p.para("note", a.Note)
	}
	if a.Override != "" {
		p.raw("<p><strong>")
		p.text(l.OverrideNote + ":")
		p.raw("</strong> ")
		p.text(a.Override + " (" + strings.ToLower(l.Computed) + ": " + report.Dash(a.Computed) + ").")
		if a.OverrideReason != "" {
			p.raw(" <em>")
			p.text(l.Reason + ":")
			p.raw("</em> ")
			p.text(a.OverrideReason)
		}
		p.raw("</p>\n")
	}
	for _, part := range a.Parts {
		p.heading(4, part.Heading)
		if part.Intro != "" {
			p.para("", part.Intro)
		}
		if part.Lead != "" {
			p.para("lead", part.Lead)
		}
		if len(part.Criteria) > 0 {
			p.raw("<ul class=\"criteria\">\n")
			for _, c := range part.Criteria {
				criterion(p, l, c)
			}
			p.raw("</ul>\n")
		}
	}
	p.heading(4, l.Grading)
	if len(a.Options) > 0 {
		p.raw("<ul class=\"options\">\n")
		for _, o := range a.Options {
			if o.Chosen {
				p.raw("<li class=\"chosen\"><span class=\"box\" aria-hidden=\"true\">◉</span>")
				p.text(o.Grade + ". " + o.Text)
				p.raw(" <em>(")
				p.text(l.Chosen)
				p.raw(")</em></li>\n")
				continue
			}
			p.raw("<li><span class=\"box\" aria-hidden=\"true\">○</span>")
			p.text(o.Grade + ". " + o.Text)
			p.raw("</li>\n")
		}
		p.raw("</ul>\n")
	}
	if a.Unlisted() {
		p.raw("<p><strong>")
		p.text(l.FinalGrade + ": " + a.Final)
		p.raw("</strong>")
		if a.Note != "" {
			p.raw(" <em>")
			p.lines(a.Note)
			p.raw("</em>")
		}
		p.raw("</p>\n")
	}
	if len(a.Reasons) > 0 {
		p.raw("<p><em>")
		p.text(l.Explanation + ":")
		p.raw("</em></p>\n<ul>\n")
		for _, rs := range a.Reasons {
			p.raw("<li>")
			p.text(rs)
			p.raw("</li>\n")
		}
		p.raw("</ul>\n")
	}
	p.raw("</section>\n")
}

// criterion is one item of a part's list. Its state is text a screen
// reader speaks before the criterion ("Uppfyllt: …"), visually hidden;
// the box beside it is the same state for the eye, hidden from the
// screen reader. Not applicable is struck through, as in the Markdown.
func criterion(p *page, l report.Labels, c report.Criterion) {
	cls, box := "not-met", "☐"
	switch c.State {
	case report.Met:
		cls, box = "met", "☑"
	case report.NotApplicable:
		cls = "na"
	case report.Unassessed:
		cls = "unassessed"
	}
	p.raw("<li class=\"", cls, "\"><span class=\"box\" aria-hidden=\"true\">", box, "</span><span class=\"visually-hidden\">")
	p.text(c.ResultLabel + ":")
	p.raw(" </span><span class=\"cid\">")
	p.text(c.ID)
	p.raw("</span> <span class=\"ctext\">")
	p.text(c.Text)
	p.raw("</span>")
	if c.State == report.NotApplicable || c.State == report.Unassessed {
		// Said already by the hidden state; shown for the eye.
		p.raw(" <em aria-hidden=\"true\">(")
		p.text(strings.ToLower(c.ResultLabel))
		p.raw(")</em>")
	}
	if c.Comment != "" {
		p.raw("<span class=\"comment\"><strong>")
		p.text(l.Comment + ":")
		p.raw("</strong> ")
		p.lines(c.Comment)
		p.raw("</span>")
	}
	p.raw("</li>\n")
}

// plan writes the plan's areas at heading level, their entries one below:
// in the report 3 and 4, alone 2 and 3, as in the Markdown. An entry whose
// criterion is in no area of the catalogue comes under the level above.
func plan(p *page, r *report.Report, level int) {
	l := r.L
	if len(r.Plan.Entries) == 0 {
		p.para("note", l.NoPlanEntries)
		return
	}
	for _, pa := range r.Plan.ByArea() {
		entry := level + 1
		if pa.Heading != "" {
			p.heading(level, pa.Heading)
		} else {
			entry = level
		}
		for _, e := range pa.Entries {
			planEntry(p, l, e, entry)
		}
	}
}

// planEntry is one action: its heading, the criterion, and its fields as a
// table of two columns, the field's name a row header; an action followed
// up has its latest follow-up and the earlier ones as the last rows.
func planEntry(p *page, l report.Labels, e report.PlanEntry, level int) {
	p.raw("<section>\n")
	id := p.heading(level, e.Heading)
	if e.CriterionText != "" {
		p.para("", e.CriterionText)
	}
	p.raw("<table class=\"fields\" aria-labelledby=\"", id, "\">\n<tbody>\n")
	actionRow(p, l.PlanAction, e.Action)
	fieldRow(p, l, l.PlanDue, e.Due, e.DueRead)
	fieldRow(p, l, l.PlanResponsible, e.Responsible, "")
	fieldRow(p, l, l.PlanFollowUp, e.FollowUp, e.FollowUpRead)
	fieldRow(p, l, l.PlanFollowUpBy, e.FollowUpBy, "")
	if f := e.LastFollowUp; f != nil {
		fieldRow(p, l, l.LastFollowUp, f.Line(), "")
	}
	if earlier := e.EarlierLines(); earlier != "" {
		fieldRow(p, l, l.EarlierFollowUps, earlier, "")
	}
	p.raw("</tbody>\n</table>\n</section>\n")
}

// actionRow is the row of an action in a table of fields: the label as
// the row's header, then the action's text, or a dash when it has none.
func actionRow(p *page, label string, action report.Text) {
	p.raw("<tr><th scope=\"row\">")
	p.text(label)
	p.raw("</th><td>")
	if action.Empty() {
		p.text(report.Dash(""))
	} else {
		p.userText(action)
	}
	p.raw("</td></tr>\n")
}

// fieldRow is a row of a table of fields of the plan: the label as the
// row's header, then the value (a dash when empty) and, when a date was
// read as another, what it was read as in italics.
func fieldRow(p *page, l report.Labels, label, value, read string) {
	p.raw("<tr><th scope=\"row\">")
	p.text(label)
	p.raw("</th><td>")
	p.lines(report.Dash(value))
	if read != "" {
		p.raw(" <em>(")
		p.text(l.Normalised + " " + read)
		p.raw(")</em>")
	}
	p.raw("</td></tr>\n")
}
