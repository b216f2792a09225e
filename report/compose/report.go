package compose

import (
	"strings"

	"spur/grade"
	"spur/report"
	"spur/schema"
)

// Report makes the view of a loaded, valid inspection and its grades. Every
// text a person wrote enters the view through report.Visible, once for
// every format; the slug is made from the name as written, as spur build
// makes it.
func Report(insp *schema.Inspection, res grade.Result, opt report.Options) *report.Report {
	l, ok := report.LabelsFor(opt.Lang)
	if !ok {
		l, _ = report.LabelsFor("sv")
	}
	cat := insp.Cat
	r := &report.Report{
		L:          l,
		Slug:       report.Slug(insp.Unit.Name, insp.Visit.String()),
		Date:       opt.Date,
		Unit:       visibleUnit(insp.Unit),
		Visit:      l.Date(insp.Visit.Time()),
		VisitISO:   insp.Visit.String(),
		Inspectors: visibleAll(insp.Inspectors),
		Catalog:    cat.Title,
		Version:    cat.Version,
		Final:      insp.Status == schema.Final,
		Summary: report.Summary{Strengths: visibleAll(insp.Summary.Strengths), Weaknesses: visibleAll(insp.Summary.Weaknesses),
			Improvements: visibleAll(insp.Summary.Improvements)},
	}
	r.Status = l.Preliminary
	if r.Final {
		r.Status = l.Final
	}
	if r.Date.IsZero() {
		r.Date = insp.Visit.Time()
		if p := insp.ActionPlan; p != nil && p.Date.Time().After(r.Date) {
			r.Date = p.Date.Time()
		}
	}
	for i := range cat.Areas {
		ca := &cat.Areas[i]
		ga, _ := res.Area(ca.Letter)
		if ga == nil {
			ga = &grade.Area{Letter: ca.Letter}
		}
		a := area(l, cat, ca, insp.Areas[ca.Letter], ga)
		r.Overview = append(r.Overview, report.GradeRow{Letter: ca.Letter, Title: ca.Title, Computed: a.Computed,
			Override: a.Override, Adjusted: a.Adjusted, Final: a.Final})
		name := l.Groups[ca.Group]
		if name == "" {
			name = ca.Group
		}
		if n := len(r.Groups); n == 0 || r.Groups[n-1].Name != name {
			r.Groups = append(r.Groups, report.Group{Name: name})
		}
		g := &r.Groups[len(r.Groups)-1]
		g.Areas = append(g.Areas, a)
	}
	if p := insp.ActionPlan; p != nil {
		r.Plan = plan(l, cat, p)
	}
	return r
}

func area(l report.Labels, cat *schema.Catalog, ca *schema.CatalogArea, in *schema.Area, ga *grade.Area) report.Area {
	a := report.Area{
		Letter: ca.Letter, Title: ca.Title, Heading: ca.Letter + ". " + ca.Title,
		Computed: string(ga.Computed), Override: string(ga.Override), OverrideReason: report.Visible(ga.OverrideReason),
		Adjusted: string(ga.Adjusted), Final: string(ga.Final),
	}
	if in != nil {
		a.Narrative = Text(report.Visible(in.Narrative))
	}
	for _, rs := range ga.Reasons {
		text := report.Visible(rs.In(l.Lang)) // it may quote the override reason
		a.Reasons = append(a.Reasons, text)
		switch rs.Code {
		case grade.PlanAccepted, grade.PlanAcceptedNoC, grade.PlanNotAccepted:
			// Only a decision on a plan that is in gives these reasons
			// (package grade), so no note is printed without a plan. The
			// inspectors' own note replaces the standard sentence; the
			// explanation keeps it.
			a.Note = text
			if in != nil {
				if note := Lines(in.PlanNote); note != "" {
					a.Note = note
				}
			}
		}
	}
	var results []schema.Assessment
	if in != nil {
		results = in.Assessments
	}
	crit := make([]report.Criterion, len(ca.Criteria))
	for i, cr := range ca.Criteria {
		c := report.Criterion{ID: cr.ID, Text: cr.Text}
		if i < len(results) && results[i].Criterion != nil && results[i].Criterion.ID == cr.ID {
			c.State, c.Comment = stateOf(results[i].Result), Lines(results[i].Comment)
		}
		c.ResultLabel = c.State.Label(l)
		crit[i] = c
	}
	a.Parts = parts(l, cat, ca, crit)
	for _, o := range ca.Options {
		a.Options = append(a.Options, report.Option{Grade: string(o.Grade), Text: o.Text, Chosen: string(o.Grade) == a.Final})
	}
	return a
}

// heading gives the official Swedish heading, or the English label.
func heading(l report.Labels, cat *schema.Catalog, ca *schema.CatalogArea, k schema.Kind) string {
	if l.Lang == "sv" {
		return cat.Heading(ca, k)
	}
	switch k {
	case schema.Regulation:
		return l.Regulation
	case schema.Advice:
		return l.Advice
	}
	if strings.HasSuffix(cat.Heading(ca, k), "er") {
		return l.Indicators
	}
	return l.Indicator
}

func plan(l report.Labels, cat *schema.Catalog, p *schema.ActionPlan) *report.Plan {
	v := report.Visible
	out := &report.Plan{Intro: l.PlanIntro, Date: l.Date(p.Date.Time())}
	for _, e := range p.Entries {
		pe := report.PlanEntry{Heading: l.Criterion + " " + v(e.Criterion), CriterionID: v(e.Criterion), Action: Text(v(e.Action)), Responsible: Lines(e.Responsible),
			FollowUpBy: Lines(e.FollowUpBy), Due: Lines(e.Due.Text), FollowUp: Lines(e.FollowUp.Text),
			DueRead: reading(e.Due), FollowUpRead: reading(e.FollowUp)}
		if cr, ca, ok := cat.Criterion(e.Criterion); ok {
			pe.AreaHeading, pe.CriterionText = ca.Letter+". "+ca.Title, cr.Text
		}
		pe.LastFollowUp, pe.EarlierFollowUps = followUps(l, e.FollowUps)
		out.Entries = append(out.Entries, pe)
	}
	return out
}

// reading gives the normalised value of a date field where it says more
// than the text: "2025-12-31" beside "20251231", nothing beside "2025-12-31".
func reading(t schema.DateText) string {
	s := t.Parsed.String()
	if s == "" || s == strings.TrimSpace(t.Text) {
		return ""
	}
	return s
}

func visibleUnit(u schema.Unit) report.Unit {
	v := report.Visible
	return report.Unit{Name: v(u.Name), Organisation: v(u.Organisation), Specialty: v(u.Specialty),
		Region: v(u.Region), Place: v(u.Place)}
}

// visibleAll is report.Visible of each item, in a new slice: the
// inspection is not changed.
func visibleAll(list []string) []string {
	if list == nil {
		return nil
	}
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = report.Visible(s)
	}
	return out
}
