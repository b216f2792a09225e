package followup

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"time"

	"spur/followup/view"
	"spur/report"
	"spur/schema"
)

// When a unit's next visit is due (issue 14, item 4), by the overview's
// rule (report/overview/visits.go) but only of the visits up to the
// list's day, where the overview counts every inspection of the build. On
// the inspections up to the day the two list the same units, and
// TestVisitsAgreeWithOverview holds them to it:
//
//   - a unit is schema.Unit.Identity (its id, else its organisation and
//     name normalised), as overview.Row.UnitKey;
//   - its last visit is the latest of its inspections chosen, with an
//     action plan or without, on or before the list's day (Build leaves
//     out a visit after it, which had not happened); of two on the same
//     day the final report, then the later file;
//   - its next visit is the last plus the interval in years (time.AddDate:
//     a visit on 29 February is next due on 1 March);
//   - it is due when its next visit falls strictly before the list's day.
//
// The list adds the units due soon: those whose next visit falls on the
// day or at most Options.Within days after it, as an action is due soon.

// lastVisit is a unit's latest inspection among those chosen.
type lastVisit struct {
	insp  *schema.Inspection
	key   string // schema.Unit.Identity
	visit time.Time
	next  time.Time
	// region, name and org are the unit's, on one line (line), as the
	// list sorts by them.
	region, name, org string
}

// laterVisit orders two inspections of a unit by visit, a preliminary
// report before a final one of the same day, then by file: the last is
// the unit's last visit, as overview's byVisit orders rows.
func laterVisit(a, b lastVisit) int {
	return cmp.Or(a.visit.Compare(b.visit), cmp.Compare(btoi(a.insp.Status == schema.Final), btoi(b.insp.Status == schema.Final)),
		cmp.Compare(a.insp.File, b.insp.File))
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// lastVisits is the last visit of each unit of insps, with its next
// visit years later, by the day of the next visit, then region and unit
// (Swedish order, the empty name last).
func (b *builder) lastVisits(insps []*schema.Inspection, years int) []lastVisit {
	at := map[string]int{}
	var out []lastVisit
	for _, insp := range insps {
		t := insp.Visit.Time()
		if t.IsZero() {
			continue // a valid inspection always has its visit
		}
		v := lastVisit{insp: insp, key: insp.Unit.Identity(), visit: day(t)}
		v.next = v.visit.AddDate(years, 0, 0)
		i, seen := at[v.key]
		switch {
		case !seen:
			at[v.key] = len(out)
			out = append(out, v)
		case laterVisit(v, out[i]) > 0:
			out[i] = v
		}
	}
	for i := range out {
		u := out[i].insp.Unit
		out[i].region, out[i].name, out[i].org = line(u.Region), line(u.Name), line(u.Organisation)
	}
	slices.SortFunc(out, func(x, y lastVisit) int {
		// Comparing names is slow, and cmp.Or reads all its arguments:
		// each pair is compared only when those before it are equal.
		if c := x.next.Compare(y.next); c != 0 {
			return c
		}
		for _, p := range [...][2]string{{x.region, y.region}, {x.name, y.name}, {x.org, y.org}} {
			if c := cmp.Or(b.compareNames(p[0], p[1]), cmp.Compare(p[0], p[1])); c != 0 {
				return c
			}
		}
		return cmp.Compare(x.key, y.key)
	})
	return out
}

// visits fills in the list's units due for their next visit, their
// counts and notes, and appends the calendar's event of each unit's next
// visit.
func (b *builder) visits(insps []*schema.Inspection, years int) {
	l := b.list
	L := l.L
	l.Interval = years
	for i, s := range L.VisitStates {
		if view.VisitState(i) == view.VisitSoon {
			s = fmt.Sprintf(s, l.Within)
		}
		l.VisitStateNames[i] = s
	}
	l.VisitsNote, l.NoVisits = L.VisitsNote(years, l.AsOf, l.Within), L.NoVisits(l.AsOf, l.Within)
	for _, v := range b.lastVisits(insps, years) {
		state, listed := b.visitState(v.next)
		if listed {
			u := v.insp.Unit
			vis := view.Visit{Region: v.region, Name: v.name, Organisation: v.org, Specialty: line(u.Specialty),
				ID: line(u.ID), Last: v.visit.Format(time.DateOnly), Next: v.next.Format(time.DateOnly), NextDate: v.next,
				State: state, StateName: l.VisitStateNames[state], File: v.insp.File}
			if vis.Region == "" {
				vis.Region = L.NoRegion
			}
			l.Visits = append(l.Visits, vis)
			l.VisitCounts[state]++
		}
		l.Events = append(l.Events, b.visitEvent(v, state, listed))
	}
}

// visitState is where a next visit on next stands on the list's day;
// listed is false for one after the window.
func (b *builder) visitState(next time.Time) (state view.VisitState, listed bool) {
	switch {
	case next.Before(b.asOf):
		return view.VisitDue, true
	case !next.After(b.soon):
		return view.VisitSoon, true
	}
	return 0, false
}

// visitEvent is the calendar's event of a unit's next visit. Its UID is
// the unit's identity's: a later visit of the unit moves the event in a
// subscribed calendar instead of adding one.
func (b *builder) visitEvent(v lastVisit, state view.VisitState, listed bool) view.Event {
	l := b.list
	L := l.L
	u := v.insp.Unit
	status := L.States[view.Open]
	if listed {
		status = l.VisitStateNames[state]
	}
	unit := v.name
	if v.org != "" {
		unit += " (" + v.org + ")"
	}
	var lines []string
	for _, f := range [][2]string{
		{L.Unit, unit}, {L.Region, v.region}, {L.Specialty, line(u.Specialty)}, {L.UnitID, line(u.ID)},
		{L.LastVisit, v.visit.Format(time.DateOnly)},
		{L.NextVisit, v.next.Format(time.DateOnly) + " (" + L.Interval(l.Interval) + ")"},
		{L.State + " per " + l.AsOf, status},
	} {
		if strings.TrimSpace(f[1]) != "" {
			lines = append(lines, f[0]+": "+f[1])
		}
	}
	return view.Event{
		UID:         visitUID(v.key),
		Date:        v.next,
		Field:       "next_visit",
		Summary:     L.NextVisits + " – " + report.Dash(v.name),
		Description: strings.Join(lines, "\n"),
		Categories:  []string{"SPUR", L.NextVisits},
	}
}

// visitUID is the calendar identity of a unit's next visit: the same for
// the same unit (schema.Unit.Identity) in every run, whatever the day.
func visitUID(identity string) string {
	sum := sha256.Sum256([]byte("spur followup\x00" + identity + "\x00next-visit"))
	return hex.EncodeToString(sum[:16]) + "@spur"
}
