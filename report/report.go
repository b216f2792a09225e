package report

import "time"

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
	Narrative              Text   // as the inspectors wrote it (Markdown), parsed
	Parts                  []Part // the criteria under their headings, in print order
	Options                []Option
	Computed, Override     string
	OverrideReason         string
	Adjusted, Final        string
	// Note is the sentence after the narrative once the inspectors have
	// decided on the action plan (never before the plan is in): the
	// area's plan_note where it has one, else "Handlingsplan inkommen,
	// gradering justerad till C." or "…, gradering D kvarstår.". Plain
	// text (compose.Lines): a "\n" is a line break.
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
	Action        Text // as the unit wrote it (Markdown), parsed
	// Due, Responsible, FollowUp and FollowUpBy are plain text as written
	// (compose.Lines): a "\n" is a line break.
	Due          string
	DueRead      string // the normalised reading where it differs from the text: "2025-12-31"
	Responsible  string
	FollowUp     string
	FollowUpRead string
	FollowUpBy   string
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
