// Package overview is the view of many inspections that an inspection body
// publishes each year: every inspection in one table, the distribution of
// grades per area, and the criteria most often unmet across units,
// optionally for one specialty, region or period. render/markdown and
// render/pdf lay it out (their Index functions), as they lay out a
// report.Report.
//
// It knows nothing of the input model: package compose makes a row of an
// inspection (compose.Row) and the view against the latest catalogue
// (compose.Overview, which passes its areas to New).
//
// Like package report it is pure: rows in, a sorted view out, no files and
// no clock. The same rows give the same view in any order. The texts of a
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
	// Date is the latest date of the inspection: its plan's, else its visit.
	Date time.Time
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

// Match reports whether the filter chooses r. Texts are compared as
// report.Visible shows them: a zero-width space does not make two names
// differ.
func (f Filter) Match(r Row) bool {
	oneOf := func(list []string, s string) bool {
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
	return oneOf(f.Specialty, r.Specialty) && oneOf(f.Region, r.Region) &&
		(f.Since.IsZero() || r.Visit >= f.Since.Format(time.DateOnly))
}

// View is the overview, ready to lay out.
type View struct {
	L      Labels
	Filter string // the filter in words, "" when every inspection is shown
	Count  string // "12 inspektioner"
	Rows   []ViewRow
	Areas  []AreaGrades
	Grades []string // the grade columns of Areas: A, B, C, D
	Unmet  []Unmet
	// Date is the document date: the latest date of the inspections
	// shown (zero when there are none), unless the caller sets another.
	Date time.Time
}

// ViewRow is a row with its texts as printed.
type ViewRow struct {
	Row
	Status string // "Slutlig", "Preliminär"
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
// "en"; other values give Swedish). The rows' texts are chosen, sorted and
// shown as report.Visible makes them; rows is not changed.
func New(rows []Row, areas []Area, f Filter, lang string) *View {
	l := LabelsFor(lang)
	v := &View{L: l, Filter: report.Visible(describe(l, f)), Grades: []string{"A", "B", "C", "D"}}
	var chosen []Row
	for _, r := range rows {
		r = visible(r)
		if f.Match(r) {
			chosen = append(chosen, r)
		}
	}
	slices.SortFunc(chosen, func(a, b Row) int {
		return cmp.Or(cmp.Compare(a.Specialty, b.Specialty), cmp.Compare(a.Region, b.Region),
			cmp.Compare(a.Unit, b.Unit), cmp.Compare(a.Visit, b.Visit), cmp.Compare(a.Report, b.Report))
	})
	v.Count = l.Inspections(len(chosen))
	counts := map[string]int{}
	for _, r := range chosen {
		if r.Date.After(v.Date) {
			v.Date = r.Date
		}
		status := l.Preliminary
		if r.Final {
			status = l.Final
		}
		v.Rows = append(v.Rows, ViewRow{Row: r, Status: status, Plan: l.Plan[r.Plan], Link: link(r.Report)})
		for _, id := range r.Unmet {
			counts[id]++
		}
	}
	for i, ca := range areas {
		ag := AreaGrades{Letter: ca.Letter, Title: ca.Title, Counts: make([]int, len(v.Grades))}
		for _, r := range chosen {
			g := ""
			if i < len(r.Grades) {
				g = r.Grades[i]
			}
			if j := slices.Index(v.Grades, g); j >= 0 {
				ag.Counts[j]++
			} else {
				ag.None++
			}
		}
		v.Areas = append(v.Areas, ag)
	}
	for _, ca := range areas {
		for _, cr := range ca.Criteria {
			if n := counts[cr.ID]; n > 0 {
				v.Unmet = append(v.Unmet, Unmet{ID: cr.ID, Kind: cr.Kind, Text: cr.Text,
					Area: ca.Letter + ". " + ca.Title, Count: n, Share: fmt.Sprintf("%d %%", (100*n+len(chosen)/2)/len(chosen))})
			}
		}
	}
	// Most often first; a tie keeps the catalogue's order.
	slices.SortStableFunc(v.Unmet, func(a, b Unmet) int { return b.Count - a.Count })
	v.Unmet = v.Unmet[:min(len(v.Unmet), TopUnmet)]
	return v
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
