package report

import (
	"strings"
	"time"
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
	// Comparison is the section on the unit's previous visit, after the
	// grade overview; nil when there is none to compare with.
	Comparison *Comparison
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
	// LastFollowUp is the action's latest follow-up, its state (the
	// latest by date; of one day, the one written last); nil when it has
	// none. EarlierFollowUps are the others, the latest first: every
	// format prints the last one whole (FollowUp.Line) and the earlier
	// ones without their notes (FollowUp.Brief), which the last has
	// overtaken, so that the plan shows the action's state and the way
	// it got there and stays as long as it was.
	LastFollowUp     *FollowUp
	EarlierFollowUps []FollowUp
}

// EarlierLines is the earlier follow-ups as printed, one a line
// (FollowUp.Brief), the latest first; "" when there are none.
func (e PlanEntry) EarlierLines() string {
	lines := make([]string, len(e.EarlierFollowUps))
	for i, f := range e.EarlierFollowUps {
		lines[i] = f.Brief()
	}
	return strings.Join(lines, "\n")
}

// FollowUp is one follow-up of an action as printed.
type FollowUp struct {
	Date   string // "2026-02-15"; "" when it has none
	Status string // in the report's language: "genomförd", "done"
	// Note is plain text as written (compose.Lines): a "\n" is a line
	// break. By is who followed up, on one line.
	Note, By string
}

// Line is the follow-up as every format prints the action's state:
// "2026-02-15: genomförd — Mikroskopet är på plats. (Eva Lund)", the
// note's line breaks kept.
func (f FollowUp) Line() string {
	s := f.head()
	if f.Note != "" {
		if s != "" {
			s += " — "
		}
		s += f.Note
	}
	return f.by(s)
}

// Brief is the follow-up without its note, as an earlier follow-up is
// printed: "2025-09-01: uppskjuten (Eva Lund)".
func (f FollowUp) Brief() string { return f.by(f.head()) }

// head is "2026-02-15: genomförd", or the one of the two there is.
func (f FollowUp) head() string {
	switch {
	case f.Date == "":
		return f.Status
	case f.Status == "":
		return f.Date
	}
	return f.Date + ": " + f.Status
}

func (f FollowUp) by(s string) string {
	switch {
	case f.By == "":
		return Dash(s)
	case s == "":
		return f.By
	}
	return s + " (" + f.By + ")"
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

// Comparison is the section "Jämförelse med föregående granskning (date)"
// of a unit inspected before: the earlier visit's final grade beside this
// one's per area, the criteria newly unmet and newly met, and the earlier
// plan's actions for the criteria still unmet. Only criteria that mean the
// same in both visits' catalogue versions are compared (same id, same
// text); Uncompared lists the others that would have counted.
type Comparison struct {
	Heading string // "Jämförelse med föregående granskning (14 mars 2023)"
	// Intro says when the earlier visit was and against which catalogue
	// version, where it differs from this one's.
	Intro    string
	Visit    string // the earlier visit: "14 mars 2023"
	VisitISO string // "2023-03-14"
	// Grades is one row per area, in catalogue order (this visit's, then
	// any area only the earlier catalogue has).
	Grades []GradeChange
	// NewlyUnmet: not met now, met or not applicable then. NewlyMet: met
	// now, not met then. StillUnmet: not met then and now. Each in
	// catalogue order; a criterion not assessed in either visit is in none.
	NewlyUnmet, NewlyMet []CriterionChange
	StillUnmet           []StillUnmet
	// Uncompared is each criterion not met in a visit whose id the other
	// visit's catalogue lacks or gives another text; Note says which.
	Uncompared []CriterionChange
}

// GradeChange is one area's final grade at the earlier visit and now.
type GradeChange struct {
	Letter, Title     string
	Previous, Current string // "" where the area has none
	Change            string // Labels.Better, Worse or Unchanged; "" when a grade is missing
}

// CriterionChange is a criterion in one of the comparison's lists. Note
// is what the list's heading does not say ("tidigare: ej tillämpligt"),
// or "".
type CriterionChange struct {
	ID, Text, Note string
}

// StillUnmet is a criterion not met at either visit, with what the earlier
// plan said would be done about it.
type StillUnmet struct {
	Heading  string // "Kriterium D7"
	ID, Text string
	// Actions is the earlier plan's entries for the criterion, as the unit
	// wrote them (usually one).
	Actions []PlanEntry
	// Note stands where there is no action: the earlier plan had none for
	// the criterion, or there was no plan.
	Note string
}
