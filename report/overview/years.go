package overview

import (
	"cmp"
	"slices"
	"time"
)

// The yearly compilation (issue 14, item 6): what a region reports per
// year of visit.

// Year is the compilation of the units visited in one year. A unit counts
// once a year, with its last visit that year.
type Year struct {
	Year  string // "2025"
	Units int
	Count string // "12 verksamheter"
	// Grades is the distribution of the final grades per area, in the
	// columns of View.Grades.
	Grades []AreaGrades
	// D is the units graded D in each area before the action plan and
	// after it.
	D []AreaD
	// Actions is the state of the actions of those visits' plans per
	// region, by region; Total sums them. Without any action both are
	// empty (Total.Total is 0).
	Actions []RegionActions
	Total   RegionActions
}

// AreaD is how many of a year's units were graded D in an area before the
// action plan (the inspectors' override, else the computed grade) and
// after it (the final grade), with their shares of the year's units.
type AreaD struct {
	Letter, Title           string
	Before, After           int
	BeforeShare, AfterShare string // "25 %"
}

// RegionActions counts a region's actions per state on the view's AsOf.
type RegionActions struct {
	Region string                 // as written; Labels.NoRegion when not given
	Counts [len(actionStates)]int // per ActionState
	Total  int
}

var actionStates = [...]ActionState{ActionDone, ActionOverdue, ActionOpen}

// years compiles rows per year of visit, the latest year first; the
// actions' states are those on asOf.
func years(l Labels, rows []Row, areas []Area, columns []string, asOf time.Time) []Year {
	// Each unit's last visit of each year.
	type unitYear struct{ year, unit string }
	last := map[unitYear]Row{}
	for _, r := range rows {
		if len(r.Visit) < 4 {
			continue
		}
		k := unitYear{r.Visit[:4], key(r)}
		if old, ok := last[k]; !ok || byVisit(old, r) < 0 {
			last[k] = r
		}
	}
	perYear := map[string][]Row{}
	for k, r := range last {
		perYear[k.year] = append(perYear[k.year], r)
	}
	var out []Year
	for y, rs := range perYear {
		// The map gave them in any order: the counts do not depend on
		// it, but keep the work the same from run to run.
		slices.SortFunc(rs, func(a, b Row) int { return cmp.Or(cmp.Compare(key(a), key(b)), byVisit(a, b)) })
		yr := Year{Year: y, Units: len(rs), Count: l.Units(len(rs)),
			Grades: gradesPerArea(rs, areas, columns, func(r Row) []string { return r.Grades })}
		for i, ca := range areas {
			d := AreaD{Letter: ca.Letter, Title: ca.Title}
			for _, r := range rs {
				if gradeAt(r.Before, i) == "D" {
					d.Before++
				}
				if gradeAt(r.Grades, i) == "D" {
					d.After++
				}
			}
			d.BeforeShare, d.AfterShare = share(d.Before, len(rs)), share(d.After, len(rs))
			yr.D = append(yr.D, d)
		}
		yr.Actions, yr.Total = actionsPerRegion(l, rs, asOf)
		out = append(out, yr)
	}
	slices.SortFunc(out, func(a, b Year) int { return cmp.Compare(b.Year, a.Year) })
	return out
}

// actionsPerRegion counts the actions of rows per region and state on
// asOf, the regions in order; regions without actions are left out.
func actionsPerRegion(l Labels, rows []Row, asOf time.Time) ([]RegionActions, RegionActions) {
	total := RegionActions{Region: l.Total}
	by := map[string]*RegionActions{}
	for _, r := range rows {
		if len(r.Actions) == 0 {
			continue
		}
		name := r.Region
		if name == "" {
			name = l.NoRegion
		}
		ra := by[name]
		if ra == nil {
			ra = &RegionActions{Region: name}
			by[name] = ra
		}
		for _, a := range r.Actions {
			s := a.State(asOf)
			ra.Counts[s]++
			ra.Total++
			total.Counts[s]++
			total.Total++
		}
	}
	var out []RegionActions
	for _, ra := range by {
		out = append(out, *ra)
	}
	slices.SortFunc(out, func(a, b RegionActions) int { return cmp.Compare(a.Region, b.Region) })
	return out, total
}
