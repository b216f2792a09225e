package followup_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"spur/followup"
	"spur/schema"
)

// TestAsOfBeforeThePlan: a list as of a day holds only what existed on
// that day. An inspection visited after the day is in no part of it (no
// actions, no visit, no event); the actions of a plan dated after the day
// are not listed, though its visit counts for the unit's next visit; a
// plan without a date came in at the visit. The expectations are written
// out by hand from the dates below.
func TestAsOfBeforeThePlan(t *testing.T) {
	day := date(2026, 1, 1)
	var insps []*schema.Inspection
	add := func(name string, visit, plan time.Time, hasPlan bool) {
		insp := load(t, fixture)[0]
		insp.Unit.Name = name
		insp.Visit = schema.NewDate(visit.Year(), visit.Month(), visit.Day())
		insp.ActionPlan.Date = schema.Date{}
		if !plan.IsZero() {
			insp.ActionPlan.Date = schema.NewDate(plan.Year(), plan.Month(), plan.Day())
		}
		if !hasPlan {
			insp.ActionPlan = nil
		}
		insp.File = name + "-" + visit.Format(time.DateOnly) + ".yaml"
		insps = append(insps, insp)
	}
	none := time.Time{}
	add("Före", date(2025, 2, 11), date(2025, 5, 20), true)         // listed
	add("Plan på dagen", date(2025, 11, 3), date(2026, 1, 1), true) // listed: on the day
	add("Besök på dagen", date(2026, 1, 1), none, true)             // listed: the plan dates from the visit
	add("Plan senare", date(2025, 10, 1), date(2026, 2, 15), true)  // not listed; visited on 2025-10-01
	add("Besökt igen", date(2020, 6, 1), none, false)               // next visit due 2025-06-01 ...
	add("Besökt igen", date(2026, 3, 1), date(2026, 4, 1), true)    // ... as this visit had not happened
	add("Inte besökt än", date(2026, 1, 2), none, true)             // nothing at all
	add("Inte besökt än, utan plan", date(2026, 6, 1), none, false) // nothing at all

	l, dups := followup.Build(insps, followup.Options{AsOf: day, Within: 30})
	if len(dups) != 0 {
		t.Fatal(dups)
	}
	var listed []string
	for _, r := range l.Regions {
		for _, u := range r.Units {
			listed = append(listed, u.Heading)
		}
	}
	slices.Sort(listed)
	want := []string{"Besök på dagen, besök 2026-01-01", "Före, besök 2025-02-11", "Plan på dagen, besök 2025-11-03"}
	if !slices.Equal(listed, want) {
		t.Errorf("units listed %q, want %q", listed, want)
	}
	if l.Actions() != 3*14 {
		t.Errorf("%d actions, want %d", l.Actions(), 3*14)
	}
	if l.LaterVisits != 3 || l.LaterPlans != 1 {
		t.Errorf("left out: %d visits, %d plans; want 3 and 1", l.LaterVisits, l.LaterPlans)
	}
	if want := "3 inspektioner med besök efter 2026-01-01 och 1 handlingsplan daterad efter 2026-01-01 ingår inte i listan."; !strings.Contains(l.Count, want) {
		t.Errorf("count %q lacks %q", l.Count, want)
	}

	// The next visits: each unit's last visit on or before the day.
	next := map[string]string{}
	for _, e := range l.Events {
		if e.Field != "next_visit" {
			continue
		}
		name := strings.TrimPrefix(e.Summary, "Nästa granskning – ")
		if _, twice := next[name]; twice {
			t.Errorf("%s: two events of the next visit", name)
		}
		next[name] = e.Date.Format(time.DateOnly)
	}
	wantNext := map[string]string{
		"Före": "2030-02-11", "Plan på dagen": "2030-11-03", "Besök på dagen": "2031-01-01",
		"Plan senare": "2030-10-01", "Besökt igen": "2025-06-01",
	}
	if len(next) != len(wantNext) {
		t.Errorf("next visits %v, want %v", next, wantNext)
	}
	for name, d := range wantNext {
		if next[name] != d {
			t.Errorf("%s: next visit %q, want %s", name, next[name], d)
		}
	}
	var due []string
	for _, v := range l.Visits {
		due = append(due, visitRow(v))
	}
	if want := []string{"Region Stockholm | Besökt igen | 2020-06-01 | 2025-06-01 | Försenad"}; !slices.Equal(due, want) {
		t.Errorf("units due %q, want %q", due, want)
	}
	// No event of an action of a plan not yet there: those of the three
	// units listed, and the next visits.
	for _, e := range l.Events {
		if e.Field == "next_visit" {
			continue
		}
		if !strings.HasSuffix(e.Summary, " – Före") && !strings.HasSuffix(e.Summary, " – Plan på dagen") && !strings.HasSuffix(e.Summary, " – Besök på dagen") {
			t.Errorf("an event of a plan not there on the day: %s", e.Summary)
		}
	}

	// A day later than every date, everything is there; nothing is said.
	all, _ := followup.Build(insps, followup.Options{AsOf: date(2026, 7, 1), Within: 30})
	if all.Actions() != 6*14 || all.LaterVisits != 0 || all.LaterPlans != 0 || strings.Contains(all.Count, "ingår inte") {
		t.Errorf("as of 2026-07-01: %d actions, left out %d and %d, %q", all.Actions(), all.LaterVisits, all.LaterPlans, all.Count)
	}
	// One visit after the day, in the singular.
	one, _ := followup.Build(insps[:4:4], followup.Options{AsOf: date(2025, 12, 31)})
	if want := "1 inspektion med besök efter 2025-12-31 och 2 handlingsplaner daterade efter 2025-12-31 ingår inte i listan."; !strings.Contains(one.Count, want) {
		t.Errorf("count %q lacks %q", one.Count, want)
	}
	if one.Actions() != 14 {
		t.Errorf("as of 2025-12-31: %d actions, want 14", one.Actions())
	}
}
