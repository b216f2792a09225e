// Package overview is the view of many inspections that an inspection body
// publishes each year and a region follows its units up with: every
// inspection in one table, the distribution of grades per area, the
// criteria most often unmet across units, the units due for their next
// visit (visits.go), the grades of each unit's last two visits, and the
// yearly compilation (years.go: per year of visit, the grades per area, the
// share of units graded D before and after the action plan, and the state
// of the actions per region), optionally for one specialty, region or
// period. render/markdown, render/pdf and render/html lay it out (their
// Index functions), as they lay out a report.Report.
//
// It knows nothing of the input model: package compose makes a row of an
// inspection (compose.Row) and the view against the latest catalogue
// (compose.Overview and compose.OverviewWith, which pass its areas to New
// and Make).
//
// Like package report it is pure: rows in, a sorted view out, no files and
// no clock: the day the states of the actions and the visits due are
// reckoned from is the caller's (Options.AsOf, spur build's
// SOURCE_DATE_EPOCH), else the latest date of the inspections shown. The
// same rows give the same view in any order. The texts of a
// row that a person wrote (unit, organisation, specialty, region,
// catalogue) and the filter enter the view through report.Visible, as in a
// report: a bidirectional control shows as "[U+202E]", invisible
// characters and controls are removed.
//
//	v := overview.New(rows, areas, overview.Filter{Specialty: []string{"Allmänmedicin"}}, "sv")
//	err := markdown.Index(w, v)
package overview

import (
	"cmp"
	"fmt"
	"net/url"
	"path"
	"slices"
	"strings"
	"time"

	"spur/report"
)

// Row is one inspection as the overview shows it.
type Row struct {
	Unit, Organisation, Specialty, Region string
	Visit                                 string // YYYY-MM-DD
	Final                                 bool
	Catalog                               string
	// Grades is the final grade of each area, "" where there is none,
	// in the catalogue's order (A–H).
	Grades []string
	Plan   PlanState
	// Unmet lists the criteria not met, in catalogue order.
	Unmet []string
	// Report is the path of the report's Markdown relative to the index,
	// slash-separated: "2025/almaklinikens-vardcentral-2025-02-11.md".
	Report string
	// Date is the latest date of the inspection: its latest follow-up's,
	// else its plan's, else its visit.
	Date time.Time
	// UnitKey is the unit's identity across visits (schema.Unit.Identity:
	// its id, else its organisation and name normalised), a key to group
	// by, never printed; "" stands for the organisation and the name as
	// shown.
	UnitKey string
	// Before is the grade of each area before the action plan (the
	// inspectors' override, else the computed grade), "" where there is
	// none, in the order of Grades.
	Before []string
	// Actions are the entries of the inspection's action plan.
	Actions []Action
	// Failing marks the row of an input that could not be built (spur
	// build): it is listed, with Labels.Failing as its status, and counted
	// in no statistic of the view.
	Failing bool
}

// PlanState is how far an inspection's action plan has come.
type PlanState int

const (
	PlanNone        PlanState = iota // no plan yet
	PlanIn                           // in, and no area graded D has a decision yet (or none needs one)
	PlanAccepted                     // every area graded D adjusted to C
	PlanPartly                       // some areas graded D accepted, some not (or not yet)
	PlanNotAccepted                  // D stands in every area graded D
)

// Filter chooses the inspections of the overview. Empty fields choose all.
type Filter struct {
	Specialty, Region []string  // any of these, case and accents as written, case-insensitive
	Since             time.Time // visits on or after this day
}

// Match reports whether the filter chooses r.
func (f Filter) Match(r Row) bool {
	return f.Chooses(r.Specialty, r.Region) && (f.Since.IsZero() || r.Visit >= f.Since.Format(time.DateOnly))
}

// Chooses reports whether the filter chooses a unit of this specialty and
// region; Since plays no part. Texts are compared as report.Visible shows
// them, without regard to case or the spaces around them: a zero-width
// space does not make two names differ.
func (f Filter) Chooses(specialty, region string) bool {
	return oneOf(f.Specialty, specialty) && oneOf(f.Region, region)
}

// oneOf reports whether s is one of list, as Chooses compares; an empty
// list holds everything.
func oneOf(list []string, s string) bool {
	if len(list) == 0 {
		return true
	}
	s = strings.TrimSpace(report.Visible(s))
	for _, x := range list {
		if strings.EqualFold(strings.TrimSpace(report.Visible(x)), s) {
			return true
		}
	}
	return false
}

// Options are the settings of an overview.
type Options struct {
	Filter Filter
	Lang   string // "sv", "en"; other values give Swedish
	// AsOf is the day the states of the actions and the visits due are
	// reckoned from (spur build: SOURCE_DATE_EPOCH); zero means the latest
	// date of the inspections shown (View.Date). Its time of day is
	// ignored.
	AsOf time.Time
	// VisitInterval is the number of years from a unit's last visit to its
	// next; 0 or less means DefaultVisitInterval.
	VisitInterval int
}

// DefaultVisitInterval is the years from a unit's visit to its next, as
// regions plan them (issue 14).
const DefaultVisitInterval = 5

// View is the overview, ready to lay out.
type View struct {
	L      Labels
	Filter string // the filter in words, "" when every inspection is shown
	Count  string // "12 inspektioner", failing inputs included
	Rows   []ViewRow
	Areas  []AreaGrades
	Grades []string // the grade columns of Areas: A, B, C, D
	Unmet  []Unmet
	// Date is the document date: the latest date of the inspections
	// shown (zero when there are none), unless the caller sets another.
	Date time.Time
	// AsOf is the day the actions' states and the visits due are reckoned
	// from, YYYY-MM-DD; "" when there is none (no inspection shown).
	AsOf string
	// Interval is the years from a unit's last visit to its next.
	Interval int
	// DueNote says which units Due lists, NoneDue that none is; Due is
	// those whose next visit falls before AsOf, the earliest first
	// (visits.go).
	DueNote, NoneDue string
	Due              []DueVisit
	// Revisits is every unit visited more than once, with the grades of
	// its last two visits (visits.go).
	Revisits []Revisit
	// Years is the yearly compilation, the latest year first (years.go).
	Years []Year
	// States names the states of the actions, per ActionState;
	// ActionsNote says what they mean on AsOf.
	States      []string
	ActionsNote string
}

// ViewRow is a row with its texts as printed.
type ViewRow struct {
	Row
	Status string // "Slutlig", "Preliminär", "Underlaget har fel"
	Plan   string // "godtagen", "–"
	Link   string // Report, escaped for a Markdown link destination
}

// AreaGrades is how many inspections got each grade in one area.
type AreaGrades struct {
	Letter, Title string
	Counts        []int // per View.Grades
	None          int   // no grade
}

// Unmet is a criterion with the number of inspections that did not meet it.
type Unmet struct {
	ID, Kind, Text string
	Area           string // "E. Handledning och kompetensbedömning"
	Count          int
	Share          string // "12 %"
}

// TopUnmet is how many criteria the list of the most often unmet shows.
const TopUnmet = 10

// Area is an area of the catalogue the rows are graded by, as the
// overview counts it: its grades (Row.Grades, in the order of the areas)
// and its criteria (Row.Unmet).
type Area struct {
	Letter, Title string
	Criteria      []Criterion
}

// Criterion is a criterion of an Area.
type Criterion struct {
	ID, Kind, Text string
}

// New makes the overview of the rows f chooses, counted by areas (those of
// the latest catalogue: compose.Overview), with the labels of lang ("sv",
// "en"; other values give Swedish). It is Make with these options and the
// defaults.
func New(rows []Row, areas []Area, f Filter, lang string) *View {
	return Make(rows, areas, Options{Filter: f, Lang: lang})
}

// Make makes the overview of the rows o.Filter chooses, counted by areas.
// The rows' texts are chosen, sorted and shown as report.Visible makes
// them; rows is not changed. A failing row (Row.Failing) is listed and
// counted in Count, and in nothing else.
func Make(rows []Row, areas []Area, o Options) *View {
	l := LabelsFor(o.Lang)
	v := &View{L: l, Filter: report.Visible(describe(l, o.Filter)), Grades: []string{"A", "B", "C", "D"},
		Interval: o.VisitInterval, States: l.States[:]}
	if v.Interval <= 0 {
		v.Interval = DefaultVisitInterval
	}
	var chosen []Row
	for _, r := range rows {
		r = visible(r)
		if o.Filter.Match(r) {
			// One grade per area, blank where the row has none (a
			// failing input), so that every table lines up.
			if len(r.Grades) != len(areas) {
				g := make([]string, len(areas))
				copy(g, r.Grades)
				r.Grades = g
			}
			chosen = append(chosen, r)
		}
	}
	slices.SortFunc(chosen, func(a, b Row) int {
		return cmp.Or(cmp.Compare(a.Specialty, b.Specialty), cmp.Compare(a.Region, b.Region),
			cmp.Compare(a.Unit, b.Unit), cmp.Compare(a.Visit, b.Visit), cmp.Compare(a.Report, b.Report))
	})
	v.Count = l.Inspections(len(chosen))
	// good is the rows the statistics count: all but the failing.
	var good []Row
	counts := map[string]int{}
	for _, r := range chosen {
		status := l.Preliminary
		switch {
		case r.Failing:
			status = l.Failing
		case r.Final:
			status = l.Final
		}
		v.Rows = append(v.Rows, ViewRow{Row: r, Status: status, Plan: l.Plan[r.Plan], Link: link(r.Report)})
		if r.Failing {
			continue
		}
		good = append(good, r)
		if r.Date.After(v.Date) {
			v.Date = r.Date
		}
		for _, id := range r.Unmet {
			counts[id]++
		}
	}
	v.Areas = gradesPerArea(good, areas, v.Grades, func(r Row) []string { return r.Grades })
	for _, ca := range areas {
		for _, cr := range ca.Criteria {
			if n := counts[cr.ID]; n > 0 {
				v.Unmet = append(v.Unmet, Unmet{ID: cr.ID, Kind: cr.Kind, Text: cr.Text,
					Area: ca.Letter + ". " + ca.Title, Count: n, Share: share(n, len(good))})
			}
		}
	}
	// Most often first; a tie keeps the catalogue's order.
	slices.SortStableFunc(v.Unmet, func(a, b Unmet) int { return b.Count - a.Count })
	v.Unmet = v.Unmet[:min(len(v.Unmet), TopUnmet)]

	asOf := o.AsOf
	if asOf.IsZero() {
		asOf = v.Date
	}
	if !asOf.IsZero() {
		asOf = day(asOf)
		v.AsOf = asOf.Format(time.DateOnly)
	}
	if v.AsOf != "" {
		v.DueNote, v.NoneDue, v.ActionsNote = l.DueNote(v.Interval, v.AsOf), l.NoneDue(v.AsOf), l.ActionsNote(v.AsOf)
	} else {
		v.NoneDue = l.NoInspections
	}
	byUnit := units(good)
	v.Due = dueVisits(byUnit, asOf, v.Interval)
	v.Revisits = revisits(byUnit, len(areas))
	v.Years = years(l, good, areas, v.Grades, asOf)
	return v
}

// gradesPerArea counts the grades of rows in each area: grades gives a
// row's grades in the order of the areas.
func gradesPerArea(rows []Row, areas []Area, columns []string, grades func(Row) []string) []AreaGrades {
	var out []AreaGrades
	for i, ca := range areas {
		ag := AreaGrades{Letter: ca.Letter, Title: ca.Title, Counts: make([]int, len(columns))}
		for _, r := range rows {
			if j := slices.Index(columns, gradeAt(grades(r), i)); j >= 0 {
				ag.Counts[j]++
			} else {
				ag.None++
			}
		}
		out = append(out, ag)
	}
	return out
}

// gradeAt is the i-th grade of gs, "" when there is none.
func gradeAt(gs []string, i int) string {
	if i < len(gs) {
		return gs[i]
	}
	return ""
}

// share is n of total as a whole percentage, rounded half up: "12 %".
func share(n, total int) string {
	if total == 0 {
		return "0 %"
	}
	return fmt.Sprintf("%d %%", (100*n+total/2)/total)
}

// day is t's day at midnight UTC.
func day(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func describe(l Labels, f Filter) string {
	var parts []string
	if len(f.Specialty) > 0 {
		parts = append(parts, l.Specialty+": "+strings.Join(f.Specialty, ", "))
	}
	if len(f.Region) > 0 {
		parts = append(parts, l.Region+": "+strings.Join(f.Region, ", "))
	}
	if !f.Since.IsZero() {
		parts = append(parts, l.Since+" "+f.Since.Format(time.DateOnly))
	}
	return strings.Join(parts, "; ")
}

// visible is the row with its user texts through report.Visible. The
// report's path is not text: link escapes it.
func visible(r Row) Row {
	r.Unit, r.Organisation, r.Specialty = report.Visible(r.Unit), report.Visible(r.Organisation), report.Visible(r.Specialty)
	r.Region, r.Catalog = report.Visible(r.Region), report.Visible(r.Catalog)
	return r
}

// link escapes each segment of a relative path for a link destination.
func link(p string) string {
	if p == "" {
		return ""
	}
	segs := strings.Split(path.Clean(p), "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}
