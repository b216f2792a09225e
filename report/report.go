package report

import (
	"strings"
	"time"

	"spur/grade"
	"spur/schema"
)

// Options choose the language and the document date.
type Options struct {
	Lang string // "sv" (default) or "en"
	// Date is the document's date (PDF creation date); zero means the
	// latest date of the inspection (the plan's date, else the visit).
	Date time.Time
}

// Report is a graded inspection ready to lay out.
type Report struct {
	L          Labels
	Slug       string // a file name, safe on every system: unit and visit date
	Date       time.Time
	Unit       Unit
	Visit      string // "11 februari 2025"
	VisitISO   string // "2025-02-11"
	Inspectors []string
	Catalog    string // "SPUR-kriterier 2025 (HSLF-FS 2021:8)"
	Version    string // "2025"
	Status     string // "Slutlig rapport"
	Final      bool
	Summary    Summary
	Overview   []GradeRow
	Groups     []Group
	Plan       *Plan
}

// Unit is the unit inspected, as printed.
type Unit struct {
	Name, Organisation, Specialty, Region, Place string
}

// Summary is the three-column summary table.
type Summary struct {
	Strengths, Weaknesses, Improvements []string
}

// Rows returns the summary as table rows, one item of each list per row.
func (s Summary) Rows() [][3]string {
	n := max(len(s.Strengths), len(s.Weaknesses), len(s.Improvements))
	rows := make([][3]string, n)
	for i := range rows {
		for j, l := range [][]string{s.Strengths, s.Weaknesses, s.Improvements} {
			if i < len(l) {
				rows[i][j] = l[i]
			}
		}
	}
	return rows
}

// Empty reports whether all three lists are empty.
func (s Summary) Empty() bool {
	return len(s.Strengths)+len(s.Weaknesses)+len(s.Improvements) == 0
}

// GradeRow is one line of the grade overview.
type GradeRow struct {
	Letter, Title                       string
	Computed, Override, Adjusted, Final string // "" where there is none
}

// Group is STRUKTUR or PROCESS with its areas.
type Group struct {
	Name  string
	Areas []Area
}

// Area is one area as the report prints it.
type Area struct {
	Letter, Title, Heading string // Heading: "E. Handledning och kompetensbedömning"
	Narrative              string // Markdown as the inspectors wrote it
	Parts                  []Part // the criteria under their headings, in print order
	Options                []Option
	Computed, Override     string
	OverrideReason         string
	Adjusted, Final        string
	// Note is the sentence after the narrative once the plan is decided:
	// "Handlingsplan inkommen, gradering justerad till C."
	Note    string
	Reasons []string
}

// Option is a grade option; Chosen marks the area's grade.
type Option struct {
	Grade  string
	Text   string
	Chosen bool
}

// Plan is the action plan.
type Plan struct {
	Intro   string
	Date    string // "20 maj 2025", or ""
	Entries []PlanEntry
}

// PlanEntry is one action as the unit wrote it.
type PlanEntry struct {
	Heading       string // "Kriterium C1"
	AreaHeading   string // "C. Lokaler och utrustning"
	CriterionID   string
	CriterionText string
	Action        string // Markdown
	Due           string // as written
	DueRead       string // the normalised reading where it differs from the text: "2025-12-31"
	Responsible   string
	FollowUp      string
	FollowUpRead  string
	FollowUpBy    string
}

// Build makes the view of a loaded, valid inspection and its grades. Every
// text a person wrote enters the view through Visible, once for every
// format; the slug is made from the name as written, as spur build makes it.
func Build(insp *schema.Inspection, res grade.Result, opt Options) *Report {
	l, ok := LabelsFor(opt.Lang)
	if !ok {
		l = swedish
	}
	cat := insp.Cat
	r := &Report{
		L:          l,
		Slug:       Slug(insp.Unit.Name, insp.Visit.String()),
		Date:       opt.Date,
		Unit:       visibleUnit(insp.Unit),
		Visit:      l.Date(insp.Visit.Time()),
		VisitISO:   insp.Visit.String(),
		Inspectors: visibleAll(insp.Inspectors),
		Catalog:    cat.Title,
		Version:    cat.Version,
		Final:      insp.Status == schema.Final,
		Summary: Summary{visibleAll(insp.Summary.Strengths), visibleAll(insp.Summary.Weaknesses),
			visibleAll(insp.Summary.Improvements)},
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
		a := buildArea(l, cat, ca, insp.Areas[ca.Letter], ga)
		r.Overview = append(r.Overview, GradeRow{ca.Letter, ca.Title, a.Computed, a.Override, a.Adjusted, a.Final})
		name := l.Groups[ca.Group]
		if name == "" {
			name = ca.Group
		}
		if n := len(r.Groups); n == 0 || r.Groups[n-1].Name != name {
			r.Groups = append(r.Groups, Group{Name: name})
		}
		g := &r.Groups[len(r.Groups)-1]
		g.Areas = append(g.Areas, a)
	}
	if p := insp.ActionPlan; p != nil {
		r.Plan = buildPlan(l, cat, p)
	}
	return r
}

func buildArea(l Labels, cat *schema.Catalog, ca *schema.CatalogArea, in *schema.Area, ga *grade.Area) Area {
	a := Area{
		Letter: ca.Letter, Title: ca.Title, Heading: ca.Letter + ". " + ca.Title,
		Computed: string(ga.Computed), Override: string(ga.Override), OverrideReason: Visible(ga.OverrideReason),
		Adjusted: string(ga.Adjusted), Final: string(ga.Final),
	}
	if in != nil {
		a.Narrative = Visible(in.Narrative)
	}
	for _, rs := range ga.Reasons {
		text := Visible(rs.In(l.Lang)) // it may quote the override reason
		a.Reasons = append(a.Reasons, text)
		switch rs.Code {
		case grade.PlanAccepted, grade.PlanAcceptedNoC, grade.PlanNotAccepted:
			a.Note = text
		}
	}
	var results []schema.Assessment
	if in != nil {
		results = in.Assessments
	}
	crit := make([]Criterion, len(ca.Criteria))
	for i, cr := range ca.Criteria {
		c := Criterion{ID: cr.ID, Text: cr.Text}
		if i < len(results) && results[i].Criterion != nil && results[i].Criterion.ID == cr.ID {
			c.State, c.Comment = stateOf(results[i].Result), Visible(results[i].Comment)
		}
		c.ResultLabel = c.State.Label(l)
		crit[i] = c
	}
	a.Parts = parts(l, cat, ca, crit)
	for _, o := range ca.Options {
		a.Options = append(a.Options, Option{Grade: string(o.Grade), Text: o.Text, Chosen: string(o.Grade) == a.Final})
	}
	return a
}

// heading gives the official Swedish heading, or the English label.
func heading(l Labels, cat *schema.Catalog, ca *schema.CatalogArea, k schema.Kind) string {
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

func buildPlan(l Labels, cat *schema.Catalog, p *schema.ActionPlan) *Plan {
	out := &Plan{Intro: l.PlanIntro, Date: l.Date(p.Date.Time())}
	for _, e := range p.Entries {
		pe := PlanEntry{Heading: l.Criterion + " " + Visible(e.Criterion), CriterionID: Visible(e.Criterion), Action: Visible(e.Action), Responsible: Visible(e.Responsible),
			FollowUpBy: Visible(e.FollowUpBy), Due: Visible(e.Due.Text), FollowUp: Visible(e.FollowUp.Text),
			DueRead: reading(e.Due), FollowUpRead: reading(e.FollowUp)}
		if cr, ca, ok := cat.Criterion(e.Criterion); ok {
			pe.AreaHeading, pe.CriterionText = ca.Letter+". "+ca.Title, cr.Text
		}
		out.Entries = append(out.Entries, pe)
	}
	return out
}

// PlanArea is the entries of one area, in plan order.
type PlanArea struct {
	Heading string // "C. Lokaler och utrustning"; "" for a criterion not in the catalogue
	Entries []PlanEntry
}

// ByArea groups consecutive entries of the same area: the plan as every
// format prints it, an area heading and its entries.
func (p *Plan) ByArea() []PlanArea {
	if p == nil {
		return nil
	}
	var out []PlanArea
	for _, e := range p.Entries {
		if n := len(out); n > 0 && out[n-1].Heading == e.AreaHeading {
			out[n-1].Entries = append(out[n-1].Entries, e)
			continue
		}
		out = append(out, PlanArea{Heading: e.AreaHeading, Entries: []PlanEntry{e}})
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

func visibleUnit(u schema.Unit) Unit {
	return Unit{Name: Visible(u.Name), Organisation: Visible(u.Organisation), Specialty: Visible(u.Specialty),
		Region: Visible(u.Region), Place: Visible(u.Place)}
}

// visibleAll is Visible of each item, in a new slice: the inspection is
// not changed.
func visibleAll(list []string) []string {
	if list == nil {
		return nil
	}
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = Visible(s)
	}
	return out
}
