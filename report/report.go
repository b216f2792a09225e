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
	Unit       schema.Unit
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
	Intro, IntroLead       string
	Sections               []Section
	Options                []Option
	Computed, Override     string
	OverrideReason         string
	Adjusted, Final        string
	// Note is the sentence after the narrative once the plan is decided:
	// "Handlingsplan inkommen, gradering justerad till C."
	Note    string
	Reasons []string
}

// Section is the criteria of one kind under their heading.
type Section struct {
	Heading  string
	Criteria []Criterion
}

// Criterion is one criterion with its result.
type Criterion struct {
	ID, Text, Comment string
	Kind              schema.Kind
	Result            schema.Result
	ResultLabel       string
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
		Intro: ca.Intro, IntroLead: ca.IntroLead,
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
	byKind := map[schema.Kind]*Section{}
	for i, cr := range ca.Criteria {
		k := cr.Kind.Group()
		s, ok := byKind[k]
		if !ok {
			s = &Section{Heading: heading(l, cat, ca, k)}
			byKind[k] = s
		}
		c := Criterion{ID: cr.ID, Text: cr.Text, Kind: cr.Kind}
		if i < len(results) && results[i].Criterion != nil && results[i].Criterion.ID == cr.ID {
			c.Result, c.Comment = results[i].Result, Visible(results[i].Comment)
		}
		c.ResultLabel = resultLabel(l, c.Result)
		s.Criteria = append(s.Criteria, c)
	}
	for _, k := range []schema.Kind{schema.Regulation, schema.Advice, schema.Indicator} {
		if s, ok := byKind[k]; ok {
			a.Sections = append(a.Sections, *s)
		}
	}
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

func resultLabel(l Labels, r schema.Result) string {
	switch r {
	case schema.Met:
		return l.Met
	case schema.NotMet:
		return l.NotMet
	case schema.NotApplicable:
		return l.NotApplicable
	}
	return l.Unassessed
}

func buildPlan(l Labels, cat *schema.Catalog, p *schema.ActionPlan) *Plan {
	out := &Plan{Intro: l.PlanIntro, Date: l.Date(p.Date.Time())}
	for _, e := range p.Entries {
		pe := PlanEntry{CriterionID: Visible(e.Criterion), Action: Visible(e.Action), Responsible: Visible(e.Responsible),
			FollowUpBy: Visible(e.FollowUpBy), Due: Visible(e.Due.Text), FollowUp: Visible(e.FollowUp.Text),
			DueRead: reading(e.Due), FollowUpRead: reading(e.FollowUp)}
		if cr, ca, ok := cat.Criterion(e.Criterion); ok {
			pe.AreaHeading, pe.CriterionText = ca.Letter+". "+ca.Title, cr.Text
		}
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

func visibleUnit(u schema.Unit) schema.Unit {
	u.Name, u.Organisation, u.Specialty = Visible(u.Name), Visible(u.Organisation), Visible(u.Specialty)
	u.Region, u.Place = Visible(u.Region), Visible(u.Place)
	return u
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
