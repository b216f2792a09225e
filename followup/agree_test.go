package followup_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"spur/corpus"
	"spur/followup"
	"spur/followup/view"
	"spur/grade"
	"spur/input"
	"spur/report/compose"
	"spur/report/overview"
	"spur/schema"
)

// spur followup and the overview's yearly compilation count an action's
// state the same way: on a corpus with follow-ups, each action done in
// one is done in the other, overdue alike, and the rest open. spur
// followup counts only the plans there on its day; so does the
// expectation.
func TestFollowupAgreesWithOverview(t *testing.T) {
	dir := t.TempDir()
	paths, err := corpus.GenerateWith(dir, 120, 7, corpus.Options{Revisits: true, FollowUps: true})
	if err != nil {
		t.Fatal(err)
	}
	var insps []*schema.Inspection
	var rows []overview.Row
	for _, p := range paths {
		in, err := input.File(p, grade.DefaultPolicy())
		if err != nil || !in.OK() {
			t.Fatalf("%s: %v %s", filepath.Base(p), err, in.Diags)
		}
		insps = append(insps, in.Inspection)
		rows = append(rows, compose.Row(in.Inspection, in.Grades, ""))
	}
	for _, asOf := range []time.Time{time.Date(2024, 6, 30, 0, 0, 0, 0, time.UTC), time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)} {
		var want [3]int // done, overdue, open, by the overview's rule
		for i, r := range rows {
			// Of the plans that existed on the day (the overview is made
			// as of the latest date of its inspections, and counts all).
			if !existed(insps[i], asOf, true) {
				continue
			}
			for _, a := range r.Actions {
				want[a.State(asOf)]++
			}
		}
		l, _ := followup.Build(insps, followup.Options{AsOf: asOf, Within: 30})
		got := [3]int{l.Total[view.Done], l.Total[view.Overdue]}
		got[2] = l.Total[view.DueSoon] + l.Total[view.Open] + l.Total[view.NoDate] + l.Total[view.Unreadable]
		if got != want {
			t.Errorf("as of %s: spur followup counts done, overdue, open %v; the overview %v", asOf.Format(time.DateOnly), got, want)
		}
		if want[0] == 0 || want[1] == 0 || want[2] == 0 {
			t.Errorf("as of %s the corpus has no action in some state: %v", asOf.Format(time.DateOnly), want)
		}
	}
}

// spur followup and the overview list the same units as due for their
// next visit, on the same day and interval, with the same last and next
// visits, on a corpus with repeat visits; for a region chosen too.
func TestVisitsAgreeWithOverview(t *testing.T) {
	dir := t.TempDir()
	paths, err := corpus.GenerateWith(dir, 120, 7, corpus.Options{Revisits: true, FollowUps: true})
	if err != nil {
		t.Fatal(err)
	}
	var insps []*schema.Inspection
	var rows []overview.Row
	for _, p := range paths {
		in, err := input.File(p, grade.DefaultPolicy())
		if err != nil || !in.OK() {
			t.Fatalf("%s: %v %s", filepath.Base(p), err, in.Diags)
		}
		insps = append(insps, followup.Slim(in.Inspection))
		rows = append(rows, compose.Row(in.Inspection, in.Grades, filepath.Base(p)))
	}
	for _, c := range []struct {
		asOf   time.Time
		years  int
		region string
	}{
		{time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), 0, ""},
		{time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), 5, ""},
		{time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), 3, ""},
		{time.Date(2027, 6, 1, 0, 0, 0, 0, time.UTC), 3, "Region Örebro län"},
	} {
		var filter overview.Filter
		opt := followup.Options{AsOf: c.asOf, Within: 30, VisitInterval: c.years}
		if c.region != "" {
			filter.Region, opt.Region = []string{c.region}, []string{c.region}
		}
		// The visits that had happened on the day.
		var then []overview.Row
		for i, r := range rows {
			if existed(insps[i], c.asOf, false) {
				then = append(then, r)
			}
		}
		var want []string
		for _, d := range overview.Make(then, nil, overview.Options{Filter: filter, AsOf: c.asOf, VisitInterval: c.years}).Due {
			want = append(want, d.Region+" | "+d.Unit+" | "+d.Last+" | "+d.Next)
		}
		l, _ := followup.Build(insps, opt)
		var got []string
		for _, v := range l.Visits {
			if v.State == view.VisitDue {
				got = append(got, v.Region+" | "+v.Name+" | "+v.Last+" | "+v.Next)
			}
		}
		slices.Sort(want)
		slices.Sort(got)
		if !slices.Equal(got, want) || len(want) == 0 {
			t.Errorf("as of %s, %d years, %q: spur followup\n%s\nthe overview\n%s", c.asOf.Format(time.DateOnly), c.years, c.region,
				strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// existed reports whether insp's visit, and with plan its action plan
// (dated, else from the visit), had happened on the day.
func existed(insp *schema.Inspection, day time.Time, plan bool) bool {
	if insp.Visit.Time().After(day) {
		return false
	}
	if plan && insp.ActionPlan != nil && insp.ActionPlan.Date.Time().After(day) {
		return false
	}
	return true
}
