package overview

import (
	"cmp"
	"slices"
	"time"

	"spur/report"
)

// A unit over its visits: when its next visit is due (issue 14, item 4)
// and how its grades went from its previous visit to its last (item 5).

// DueVisit is a unit whose next visit falls before the view's AsOf.
type DueVisit struct {
	Unit, Organisation, Specialty, Region string // as of its last visit
	Last                                  string // its last visit, YYYY-MM-DD
	Next                                  string // Last plus the interval, YYYY-MM-DD
	Link                                  string // its last visit's report, as ViewRow.Link
}

// Revisit is a unit visited more than once, with its last two visits.
type Revisit struct {
	Unit, Organisation, Specialty, Region string // as of its last visit
	Previous, Latest                      string // the visits, YYYY-MM-DD
	PreviousLink, LatestLink              string // their reports, as ViewRow.Link
	// Grades is the final grade of each area (View.Areas) at the two
	// visits, as printed: "C → B" where it changed, "B" where it did not,
	// "– → B" where the previous visit has none, "–" where neither has.
	Grades []string
	// Changed is set for each area whose grade changed.
	Changed []bool
}

// key is the unit a row is a visit of.
func key(r Row) string {
	if r.UnitKey != "" {
		return r.UnitKey
	}
	return "shown:" + r.Organisation + "\x1f" + r.Unit
}

// byVisit orders the visits of a unit: by day, a preliminary report
// before a final one of the same day (as schema.PreviousOf prefers the
// final), then by report.
func byVisit(a, b Row) int {
	return cmp.Or(cmp.Compare(a.Visit, b.Visit), cmp.Compare(btoi(a.Final), btoi(b.Final)), cmp.Compare(a.Report, b.Report))
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// units groups rows by unit, each unit's visits in order (byVisit), the
// units in the order of their first row.
func units(rows []Row) [][]Row {
	at := map[string]int{}
	var out [][]Row
	for _, r := range rows {
		k := key(r)
		i, ok := at[k]
		if !ok {
			i = len(out)
			at[k] = i
			out = append(out, nil)
		}
		out[i] = append(out[i], r)
	}
	for _, vs := range out {
		slices.SortStableFunc(vs, byVisit)
	}
	return out
}

// dueVisits lists the units (each its visits, as units gives them) whose
// last visit plus years falls before asOf, the earliest first; none
// without asOf.
func dueVisits(byUnit [][]Row, asOf time.Time, years int) []DueVisit {
	if asOf.IsZero() {
		return nil
	}
	var out []DueVisit
	for _, vs := range byUnit {
		last := vs[len(vs)-1]
		t, err := time.Parse(time.DateOnly, last.Visit)
		if err != nil {
			continue // a good row always has its visit
		}
		next := t.AddDate(years, 0, 0)
		if !next.Before(asOf) {
			continue
		}
		out = append(out, DueVisit{Unit: last.Unit, Organisation: last.Organisation, Specialty: last.Specialty, Region: last.Region,
			Last: last.Visit, Next: next.Format(time.DateOnly), Link: link(last.Report)})
	}
	slices.SortFunc(out, func(a, b DueVisit) int {
		return cmp.Or(cmp.Compare(a.Next, b.Next), cmp.Compare(a.Specialty, b.Specialty), cmp.Compare(a.Region, b.Region),
			cmp.Compare(a.Unit, b.Unit), cmp.Compare(a.Link, b.Link))
	})
	return out
}

// revisits lists the units (as units gives them) with two visits or
// more, by specialty, region and unit, each with its last two visits'
// grades in n areas.
func revisits(byUnit [][]Row, n int) []Revisit {
	var out []Revisit
	for _, vs := range byUnit {
		if len(vs) < 2 {
			continue
		}
		prev, last := vs[len(vs)-2], vs[len(vs)-1]
		rv := Revisit{Unit: last.Unit, Organisation: last.Organisation, Specialty: last.Specialty, Region: last.Region,
			Previous: prev.Visit, Latest: last.Visit, PreviousLink: link(prev.Report), LatestLink: link(last.Report)}
		for i := range n {
			a, b := gradeAt(prev.Grades, i), gradeAt(last.Grades, i)
			if a == b {
				rv.Grades = append(rv.Grades, report.Dash(b))
			} else {
				rv.Grades = append(rv.Grades, report.Dash(a)+" → "+report.Dash(b))
			}
			rv.Changed = append(rv.Changed, a != b)
		}
		out = append(out, rv)
	}
	slices.SortFunc(out, func(a, b Revisit) int {
		return cmp.Or(cmp.Compare(a.Specialty, b.Specialty), cmp.Compare(a.Region, b.Region), cmp.Compare(a.Unit, b.Unit),
			cmp.Compare(a.Latest, b.Latest), cmp.Compare(a.LatestLink, b.LatestLink))
	})
	return out
}
