package overview_test

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"spur/report/compose"
	"spur/report/overview"
	"spur/schema"
)

func TestActionState(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	fu := func(date string, done bool) overview.FollowUp { return overview.FollowUp{Date: day(date), Done: done} }
	on := day("2025-06-30")
	tests := []struct {
		name string
		a    overview.Action
		want overview.ActionState
	}{
		{"the plan says genomförd", overview.Action{Done: true}, overview.ActionDone},
		{"genomförd, with a date long past", overview.Action{Done: true, Due: day("2020-01-01")}, overview.ActionDone},
		{"due yesterday", overview.Action{Due: day("2025-06-29")}, overview.ActionOverdue},
		{"due today", overview.Action{Due: on}, overview.ActionOpen},
		{"due later", overview.Action{Due: day("2026-01-01")}, overview.ActionOpen},
		{"no date", overview.Action{}, overview.ActionOpen},
		{"followed up done", overview.Action{Due: day("2025-01-01"), FollowUps: []overview.FollowUp{fu("2025-03-01", true)}}, overview.ActionDone},
		{"followed up done on the day", overview.Action{Due: day("2025-01-01"), FollowUps: []overview.FollowUp{fu("2025-06-30", true)}}, overview.ActionDone},
		{"followed up done after the day: not known yet", overview.Action{Due: day("2025-01-01"), FollowUps: []overview.FollowUp{fu("2025-07-01", true)}}, overview.ActionOverdue},
		{"done, then found not done", overview.Action{Due: day("2025-01-01"), FollowUps: []overview.FollowUp{fu("2025-02-01", true), fu("2025-05-01", false)}}, overview.ActionOverdue},
		{"found not done, then done (written in any order)", overview.Action{Due: day("2025-01-01"), FollowUps: []overview.FollowUp{fu("2025-05-01", true), fu("2025-02-01", false)}}, overview.ActionDone},
		{"two on one day: the last written", overview.Action{Due: day("2025-01-01"), FollowUps: []overview.FollowUp{fu("2025-05-01", false), fu("2025-05-01", true)}}, overview.ActionDone},
		{"two on one day, the other way", overview.Action{Due: day("2025-01-01"), FollowUps: []overview.FollowUp{fu("2025-05-01", true), fu("2025-05-01", false)}}, overview.ActionOverdue},
		{"partly, not yet due", overview.Action{Due: day("2025-12-01"), FollowUps: []overview.FollowUp{fu("2025-05-01", false)}}, overview.ActionOpen},
		{"genomförd, then found not done: the follow-up is the later word", overview.Action{Done: true, FollowUps: []overview.FollowUp{fu("2025-05-01", false)}}, overview.ActionOpen},
		{"genomförd, found not done after the day", overview.Action{Done: true, FollowUps: []overview.FollowUp{fu("2025-07-01", false)}}, overview.ActionDone},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The time of day of the day asked about does not count.
			if got := tt.a.State(on.Add(23 * time.Hour)); got != tt.want {
				t.Errorf("state %d, want %d", got, tt.want)
			}
		})
	}
}

// stateOf is the state of a plan entry on day, from the inspection file's
// own fields: done when the latest follow-up known on the day says so, or,
// with none, when the plan says "genomförd"; overdue when its date has
// passed; open otherwise (as spur followup counts).
func stateOf(e schema.PlanEntry, day time.Time) overview.ActionState {
	var latest *schema.FollowUp
	for i, f := range e.FollowUps {
		if f.Date.Time().After(day) {
			continue
		}
		if latest == nil || !f.Date.Time().Before(latest.Date.Time()) {
			latest = &e.FollowUps[i]
		}
	}
	done := e.Due.Parsed.Kind == schema.DateDone
	if latest != nil {
		done = latest.Status == schema.Done
	}
	if done {
		return overview.ActionDone
	}
	switch e.Due.Parsed.Kind {
	case schema.DateExact, schema.DateRel, schema.DatePeriod:
		if e.Due.Parsed.Date.Before(day) {
			return overview.ActionOverdue
		}
	}
	return overview.ActionOpen
}

// beforePlan is an area's grade before the action plan.
func beforePlan(v visit, i int) string {
	a := v.res.Areas[i]
	if a.Override != "" {
		return string(a.Override)
	}
	return string(a.Computed)
}

// expected is what the overview of vs should show on day, computed from
// the inspections and their grades: the lines of its lists and counts.
func expected(vs []visit, day time.Time, years int) map[string][]string {
	want := map[string][]string{}
	byUnit := map[string][]visit{}
	for _, v := range vs {
		id := v.insp.Unit.Identity()
		byUnit[id] = append(byUnit[id], v)
	}
	for _, us := range byUnit {
		slices.SortFunc(us, func(a, b visit) int { return a.insp.Visit.Time().Compare(b.insp.Visit.Time()) })
		last := us[len(us)-1]
		if next := last.insp.Visit.Time().AddDate(years, 0, 0); next.Before(day) {
			want["due"] = append(want["due"], fmt.Sprintf("%s %s %s", next.Format(time.DateOnly), last.insp.Unit.Name, last.insp.Visit))
		}
		if len(us) > 1 {
			prev := us[len(us)-2]
			line := fmt.Sprintf("%s %s %s:", last.insp.Unit.Name, prev.insp.Visit, last.insp.Visit)
			for i := range last.res.Areas {
				a, b := string(prev.res.Areas[i].Final), string(last.res.Areas[i].Final)
				line += " " + a + ">" + b
			}
			want["revisits"] = append(want["revisits"], line)
		}
	}
	// Per year: each unit's last visit of the year.
	type unitYear struct {
		year int
		id   string
	}
	last := map[unitYear]visit{}
	for _, v := range vs {
		k := unitYear{v.insp.Visit.Time().Year(), v.insp.Unit.Identity()}
		if old, ok := last[k]; !ok || old.insp.Visit.Time().Before(v.insp.Visit.Time()) {
			last[k] = v
		}
	}
	perYear := map[int][]visit{}
	for k, v := range last {
		perYear[k.year] = append(perYear[k.year], v)
	}
	for y, us := range perYear {
		want["units"] = append(want["units"], fmt.Sprintf("%d: %d", y, len(us)))
		for i, ca := range us[0].insp.Cat.Areas {
			counts := map[string]int{}
			before, after := 0, 0
			for _, v := range us {
				counts[string(v.res.Areas[i].Final)]++
				if beforePlan(v, i) == "D" {
					before++
				}
				if v.res.Areas[i].Final == "D" {
					after++
				}
			}
			want["grades"] = append(want["grades"], fmt.Sprintf("%d %s: A%d B%d C%d D%d -%d", y, ca.Letter,
				counts["A"], counts["B"], counts["C"], counts["D"], len(us)-counts["A"]-counts["B"]-counts["C"]-counts["D"]))
			want["d"] = append(want["d"], fmt.Sprintf("%d %s: %d %d%% %d %d%%", y, ca.Letter,
				before, (100*before+len(us)/2)/len(us), after, (100*after+len(us)/2)/len(us)))
		}
		states := map[string]*[3]int{}
		for _, v := range us {
			if v.insp.ActionPlan == nil {
				continue
			}
			for _, e := range v.insp.ActionPlan.Entries {
				r := v.insp.Unit.Region
				if states[r] == nil {
					states[r] = new([3]int)
				}
				states[r][stateOf(e, day)]++
			}
		}
		for r, n := range states {
			want["actions"] = append(want["actions"], fmt.Sprintf("%d %s: %v", y, r, *n))
		}
	}
	for _, l := range want {
		slices.Sort(l)
	}
	return want
}

// got is the same lines from the view.
func got(v *overview.View) map[string][]string {
	out := map[string][]string{}
	for _, d := range v.Due {
		out["due"] = append(out["due"], fmt.Sprintf("%s %s %s", d.Next, d.Unit, d.Last))
	}
	for _, r := range v.Revisits {
		line := fmt.Sprintf("%s %s %s:", r.Unit, r.Previous, r.Latest)
		for _, g := range r.Grades {
			a, b, changed := strings.Cut(g, " → ")
			if !changed {
				b = a
			}
			line += " " + strings.ReplaceAll(a, "–", "") + ">" + strings.ReplaceAll(b, "–", "")
		}
		out["revisits"] = append(out["revisits"], line)
	}
	for _, y := range v.Years {
		out["units"] = append(out["units"], fmt.Sprintf("%s: %d", y.Year, y.Units))
		for _, a := range y.Grades {
			out["grades"] = append(out["grades"], fmt.Sprintf("%s %s: A%d B%d C%d D%d -%d", y.Year, a.Letter, a.Counts[0], a.Counts[1], a.Counts[2], a.Counts[3], a.None))
		}
		for _, d := range y.D {
			out["d"] = append(out["d"], fmt.Sprintf("%s %s: %d %s %d %s", y.Year, d.Letter, d.Before,
				strings.ReplaceAll(d.BeforeShare, " ", ""), d.After, strings.ReplaceAll(d.AfterShare, " ", "")))
		}
		for _, r := range y.Actions {
			out["actions"] = append(out["actions"], fmt.Sprintf("%s %s: %v", y.Year, r.Region, r.Counts))
		}
	}
	for _, l := range out {
		slices.Sort(l)
	}
	return out
}

func compare(t *testing.T, got, want map[string][]string) {
	t.Helper()
	for _, k := range []string{"due", "revisits", "units", "grades", "d", "actions"} {
		if !slices.Equal(got[k], want[k]) {
			t.Errorf("%s:\n got %q\nwant %q", k, got[k], want[k])
		}
	}
}

// TestCompilation: the next visits, the last two visits and the yearly
// compilation of a repository with repeat visits and follow-ups are what
// the inspections say.
func TestCompilation(t *testing.T) {
	vs := repository(t, 30)
	v := compose.OverviewWith(rowsOf(vs), overview.Options{AsOf: asOf})
	want := expected(vs, asOf, 5)
	compare(t, got(v), want)
	if v.AsOf != "2025-06-30" || v.Interval != 5 {
		t.Errorf("as of %q, interval %d", v.AsOf, v.Interval)
	}

	// The repository has what the test is about.
	if len(want["due"]) < 2 || len(want["revisits"]) < 4 {
		t.Fatalf("the repository has %d units due and %d visited again", len(want["due"]), len(want["revisits"]))
	}
	var states [3]int
	for _, y := range v.Years {
		for i, n := range y.Total.Counts {
			states[i] += n
		}
		sum := 0
		for _, r := range y.Actions {
			sum += r.Total
		}
		if sum != y.Total.Total || y.Total.Total != y.Total.Counts[0]+y.Total.Counts[1]+y.Total.Counts[2] {
			t.Errorf("%s: the regions' actions do not add up to the total %+v", y.Year, y.Total)
		}
	}
	if slices.Contains(states[:], 0) {
		t.Errorf("actions per state %v: the repository lacks a state", states)
	}
	// Unit 6's next visit falls on the day itself, not before it; unit
	// 7's the day before.
	if due := strings.Join(want["due"], "\n"); strings.Contains(due, vs[6].insp.Unit.Name) || !strings.Contains(due, vs[7].insp.Unit.Name) {
		t.Errorf("due:\n%s", due)
	}
	// Unit 1 has three visits: the overview shows the last two.
	for _, r := range v.Revisits {
		if r.Unit == vs[1].insp.Unit.Name && r.Previous == vs[1].insp.Visit.String() {
			t.Errorf("%s: the first of three visits shown", r.Unit)
		}
	}

	// Longer between visits: fewer units due; shorter: more.
	for _, years := range []int{3, 8} {
		v := compose.OverviewWith(rowsOf(vs), overview.Options{AsOf: asOf, VisitInterval: years})
		w := expected(vs, asOf, years)
		if !slices.Equal(got(v)["due"], w["due"]) || v.Interval != years {
			t.Errorf("every %d years: due\n got %q\nwant %q", years, got(v)["due"], w["due"])
		}
	}
}

// TestCompilationFiltered: --region and --since choose what is compiled.
func TestCompilationFiltered(t *testing.T) {
	vs := repository(t, 30)
	region := vs[1].insp.Unit.Region
	since := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
	var chosen []visit
	for _, v := range vs {
		if v.insp.Unit.Region == region && !v.insp.Visit.Time().Before(since) {
			chosen = append(chosen, v)
		}
	}
	v := compose.OverviewWith(rowsOf(vs), overview.Options{AsOf: asOf,
		Filter: overview.Filter{Region: []string{strings.ToUpper(region)}, Since: since}})
	want := expected(chosen, asOf, 5)
	compare(t, got(v), want)
	if len(want["revisits"]) == 0 || len(want["actions"]) == 0 {
		t.Errorf("the selection has %d units visited again and %d regions' actions", len(want["revisits"]), len(want["actions"]))
	}
}

// TestAsOfDefault: without a day given, the overview is as of the latest
// date of its inspections: a visit, a plan or a follow-up.
func TestAsOfDefault(t *testing.T) {
	vs := repository(t, 30)
	var latest time.Time
	for _, v := range vs {
		for _, d := range []schema.Date{v.insp.Visit} {
			if d.Time().After(latest) {
				latest = d.Time()
			}
		}
		if p := v.insp.ActionPlan; p != nil {
			if p.Date.Time().After(latest) {
				latest = p.Date.Time()
			}
			for _, e := range p.Entries {
				for _, f := range e.FollowUps {
					if f.Date.Time().After(latest) {
						latest = f.Date.Time()
					}
				}
			}
		}
	}
	v := compose.OverviewWith(rowsOf(vs), overview.Options{})
	if v.AsOf != latest.Format(time.DateOnly) {
		t.Fatalf("as of %s, want the latest date %s", v.AsOf, latest.Format(time.DateOnly))
	}
	compare(t, got(v), expected(vs, latest, 5))
}

// TestFailingRows: an input that could not be built is listed, marked,
// and counted in nothing but the number of inspections.
func TestFailingRows(t *testing.T) {
	vs := repository(t, 12)
	rows := rowsOf(vs)
	good := compose.OverviewWith(rows, overview.Options{AsOf: asOf})
	// A failing input of a unit of the repository, and one whose unit
	// could not be read: its file stands for it.
	bad := []overview.Row{
		{Unit: vs[0].insp.Unit.Name, Region: vs[0].insp.Unit.Region, Specialty: vs[0].insp.Unit.Specialty, Visit: "2025-01-01", Final: true, Failing: true},
		{Unit: "2024/trasig.yaml", Failing: true},
	}
	v := compose.OverviewWith(append(rows, bad...), overview.Options{AsOf: asOf})
	if len(v.Rows) != len(rows)+2 || v.Count != fmt.Sprintf("%d inspektioner", len(rows)+2) {
		t.Errorf("%d rows, count %q", len(v.Rows), v.Count)
	}
	marked := 0
	for _, r := range v.Rows {
		if r.Status == "Underlaget har fel" {
			marked++
			if !r.Failing || len(r.Grades) != len(v.Areas) || strings.Join(r.Grades, "") != "" {
				t.Errorf("failing row %+v", r)
			}
		}
	}
	if marked != 2 {
		t.Errorf("%d rows marked failing, want 2", marked)
	}
	if en := compose.OverviewWith(bad, overview.Options{Lang: "en"}); en.Rows[0].Status != "Input has errors" {
		t.Errorf("in English: %q", en.Rows[0].Status)
	}
	for name, pair := range map[string][2]any{
		"grades per area": {good.Areas, v.Areas}, "most unmet": {good.Unmet, v.Unmet}, "due": {good.Due, v.Due},
		"revisits": {good.Revisits, v.Revisits}, "years": {good.Years, v.Years}, "date": {good.Date, v.Date},
	} {
		if !reflect.DeepEqual(pair[0], pair[1]) {
			t.Errorf("%s: the failing rows are counted:\n%+v\nwant\n%+v", name, pair[1], pair[0])
		}
	}
}

// TestSameViewInAnyOrder: the view does not depend on the order of the
// rows.
func TestSameViewInAnyOrder(t *testing.T) {
	rows := rowsOf(repository(t, 30))
	a := compose.OverviewWith(rows, overview.Options{AsOf: asOf})
	r := rand.New(rand.NewPCG(1, 2))
	for range 3 {
		r.Shuffle(len(rows), func(i, j int) { rows[i], rows[j] = rows[j], rows[i] })
		b := compose.OverviewWith(rows, overview.Options{AsOf: asOf})
		a.L, b.L = overview.Labels{}, overview.Labels{} // functions are never equal
		if !reflect.DeepEqual(a, b) {
			t.Fatal("another order of the rows gives another view")
		}
	}
}
