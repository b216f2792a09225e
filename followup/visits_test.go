package followup_test

import (
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
	"gopkg.in/yaml.v3"

	"spur/corpus"
	"spur/followup"
	"spur/followup/view"
	"spur/schema"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// visitRow is a listed unit as the tests compare it.
func visitRow(v view.Visit) string {
	return fmt.Sprintf("%s | %s | %s | %s | %s", v.Region, v.Name, v.Last, v.Next, v.StateName)
}

// TestVisitEdges: with the default five years and a window of 14 days,
// a unit whose next visit is the day before the list's day is due, one on
// the day and one on the window's last day are due soon, one a day later
// is not listed. Of a unit visited twice the later visit counts, also
// when it has no action plan; a unit known by its id is one unit however
// its name is written. A visit on 29 February is next due on 1 March.
// The list is by the next visit, then region, then unit; the count's line
// says how many are due.
func TestVisitEdges(t *testing.T) {
	asOf := date(2026, 1, 1)
	var insps []*schema.Inspection
	add := func(name, region, id string, visit time.Time, plan bool) {
		insp := load(t, fixture)[0]
		insp.Unit.Name, insp.Unit.Region, insp.Unit.ID = name, region, id
		insp.Visit = schema.NewDate(visit.Year(), visit.Month(), visit.Day())
		insp.File = name + visit.Format(time.DateOnly) + ".yaml"
		if !plan {
			insp.ActionPlan = nil
		}
		insps = append(insps, insp)
	}
	add("Dagen före", "Region Stockholm", "", date(2020, 12, 31), true)       // next 2025-12-31: due
	add("På dagen", "Region Örebro län", "", date(2021, 1, 1), false)         // next 2026-01-01: soon, no plan
	add("Fönstrets sista dag", "Region Skåne", "", date(2021, 1, 15), true)   // next 2026-01-15: soon
	add("Efter fönstret", "Region Skåne", "", date(2021, 1, 16), true)        // next 2026-01-16: later
	add("Besökt två gånger", "Region Skåne", "", date(2019, 5, 2), true)      // would be due, but...
	add("Besökt två gånger", "Region Skåne", "", date(2024, 5, 2), false)     // ... visited again, no plan
	add("Med id", "Region Skåne", "SE-1", date(2018, 3, 1), true)             // would be due, but...
	add("Med id, nytt namn", "Region Skåne", "se-1", date(2023, 3, 1), true)  // ... the same unit by its id
	add("Skottdag", "", "", date(2020, 2, 29), true)                          // next 2025-03-01: due
	add("Även dagen före", "Region Skåne", "", date(2020, 12, 31), true)      // next 2025-12-31: due, Skåne before Stockholm
	add("Ängby, på dagen", "Region Örebro län", "", date(2021, 1, 1), true)   // soon, after Å in Swedish
	add("Åsa, på dagen", "Region Örebro län", "", date(2021, 1, 1), true)     // soon, after P and before Ä in Swedish
	add("Östra, på dagen", "Region Östergötland", "", date(2021, 1, 1), true) // soon, Örebro before Östergötland
	add("Ej angiven region", "", "", date(2021, 1, 1), true)                  // soon, no region last
	add("Ej angiven region", "", "", date(2021, 1, 1), true)                  // a copy: left out of the actions only
	l, dups := followup.Build(insps, followup.Options{AsOf: asOf, Within: 14})
	if len(dups) != 1 {
		t.Errorf("duplicates %v", dups)
	}
	want := []string{
		"Region ej angiven | Skottdag | 2020-02-29 | 2025-03-01 | Försenad",
		"Region Skåne | Även dagen före | 2020-12-31 | 2025-12-31 | Försenad",
		"Region Stockholm | Dagen före | 2020-12-31 | 2025-12-31 | Försenad",
		"Region Örebro län | På dagen | 2021-01-01 | 2026-01-01 | Inom 14 dagar",
		"Region Örebro län | Åsa, på dagen | 2021-01-01 | 2026-01-01 | Inom 14 dagar",
		"Region Örebro län | Ängby, på dagen | 2021-01-01 | 2026-01-01 | Inom 14 dagar",
		"Region Östergötland | Östra, på dagen | 2021-01-01 | 2026-01-01 | Inom 14 dagar",
		"Region ej angiven | Ej angiven region | 2021-01-01 | 2026-01-01 | Inom 14 dagar",
		"Region Skåne | Fönstrets sista dag | 2021-01-15 | 2026-01-15 | Inom 14 dagar",
	}
	var got []string
	for _, v := range l.Visits {
		got = append(got, visitRow(v))
	}
	if !slices.Equal(got, want) {
		t.Errorf("visits\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if l.VisitCounts != [2]int{3, 6} || l.Interval != 5 {
		t.Errorf("counts %v, interval %d", l.VisitCounts, l.Interval)
	}
	if want := "Nästa granskning: försenad för 3 verksamheter, inom 14 dagar för 6 verksamheter."; !strings.HasSuffix(l.Count, want) {
		t.Errorf("count %q lacks %q", l.Count, want)
	}
	if !strings.Contains(l.VisitsNote, "5 år efter det senaste besöket, infaller före 2026-01-01 (försenad) eller inom 14 dagar därefter") {
		t.Errorf("note %q", l.VisitsNote)
	}

	// One event per unit on its next visit, listed or not: 12 units.
	next := map[string]view.Event{}
	for _, e := range l.Events {
		if e.Field == "next_visit" {
			if _, twice := next[e.UID]; twice {
				t.Errorf("UID %s twice", e.UID)
			}
			next[e.UID] = e
		}
	}
	if len(next) != 12 {
		t.Errorf("%d events of next visits, want 12", len(next))
	}
	found := false
	for _, e := range next {
		if e.Summary == "Nästa granskning – Med id, nytt namn" {
			found = true
			if !e.Date.Equal(date(2028, 3, 1)) || !strings.Contains(e.Description, "Senaste besök: 2023-03-01\n") ||
				!strings.Contains(e.Description, "Nästa granskning senast: 2028-03-01 (5 år efter det senaste besöket)") {
				t.Errorf("the event of the unit with an id: %s\n%s", e.Date.Format(time.DateOnly), e.Description)
			}
		}
	}
	if !found {
		t.Error("no event for the unit with an id")
	}

	// The same inspections in another order give the same units and
	// events.
	rev := slices.Clone(insps)
	slices.Reverse(rev)
	lrev, _ := followup.Build(rev, followup.Options{AsOf: asOf, Within: 14})
	if !reflect.DeepEqual(lrev.Visits, l.Visits) || !reflect.DeepEqual(lrev.Events, l.Events) {
		t.Error("the units due or the events depend on the order of the inspections")
	}

	// A shorter interval: all but the two units visited in 2023 and 2024
	// are due; 0 is the default.
	l3, _ := followup.Build(insps, followup.Options{AsOf: asOf, Within: 14, VisitInterval: 3})
	if l3.Interval != 3 || len(l3.Visits) != 10 || l3.VisitCounts != [2]int{10, 0} {
		t.Errorf("three years: interval %d, %d units, counts %v", l3.Interval, len(l3.Visits), l3.VisitCounts)
	}
	if l0, _ := followup.Build(insps, followup.Options{AsOf: asOf, Within: 14, VisitInterval: 0}); l0.Interval != 5 || len(l0.Visits) != len(want) {
		t.Errorf("interval 0: %d years, %d units", l0.Interval, len(l0.Visits))
	}
	// The region chosen, and the window of 0 days: only the day itself.
	lr, _ := followup.Build(insps, followup.Options{AsOf: asOf, Region: []string{"region örebro län"}})
	got = got[:0]
	for _, v := range lr.Visits {
		got = append(got, visitRow(v))
	}
	if want := []string{
		"Region Örebro län | På dagen | 2021-01-01 | 2026-01-01 | Inom 0 dagar",
		"Region Örebro län | Åsa, på dagen | 2021-01-01 | 2026-01-01 | Inom 0 dagar",
		"Region Örebro län | Ängby, på dagen | 2021-01-01 | 2026-01-01 | Inom 0 dagar",
	}; !slices.Equal(got, want) {
		t.Errorf("Region Örebro län:\n%s", strings.Join(got, "\n"))
	}
}

// TestVisitUIDStable: the event of a unit's next visit keeps its UID when
// the unit is visited again, its name changes (it has an id) or the list
// is made on another day; another unit has another.
func TestVisitUIDStable(t *testing.T) {
	uid := func(insp *schema.Inspection, day time.Time) (string, time.Time) {
		l, _ := followup.Build([]*schema.Inspection{insp}, followup.Options{AsOf: day})
		for _, e := range l.Events {
			if e.Field == "next_visit" {
				return e.UID, e.Date
			}
		}
		t.Fatal("no event of the next visit")
		return "", time.Time{}
	}
	insp := load(t, fixture)[0]
	insp.Unit.ID = "SE2321000016-ABCD"
	first, on := uid(insp, asOf)
	if !on.Equal(date(2030, 2, 11)) {
		t.Errorf("next visit on %s", on.Format(time.DateOnly))
	}
	insp.Unit.Name = "Almakliniken, ny namnskylt"
	insp.Visit = schema.NewDate(2029, 9, 1)
	if again, on := uid(insp, asOf.AddDate(4, 0, 0)); again != first || !on.Equal(date(2034, 9, 1)) {
		t.Errorf("UID %s on %s, want %s", again, on.Format(time.DateOnly), first)
	}
	insp.Unit.ID = "SE2321000016-EFGH"
	if other, _ := uid(insp, asOf.AddDate(4, 0, 0)); other == first {
		t.Error("another unit has the same UID")
	}
}

// corpusUnit is what the test reads of a generated inspection, by itself.
type corpusUnit struct {
	Unit struct {
		Name, Organisation, Specialty, Region, ID string
	}
	Visit  string
	Status string
}

// corpusVisits reads the generated inspections' units and visits from
// their YAML, apart from spur's loader.
func corpusVisits(t *testing.T, paths []string) []corpusUnit {
	t.Helper()
	var out []corpusUnit
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var c corpusUnit
		if err := yaml.Unmarshal(b, &c); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		out = append(out, c)
	}
	return out
}

// expectVisits is the list of next visits computed from the files: a unit
// is its id, else its organisation and name without regard to case,
// spacing or the form of accents; its last visit the latest of those
// chosen on or before asOf (a later one had not happened on the day);
// next, years later by the calendar; due before asOf, soon up to
// within days after. Rows as visitRow prints them, sorted.
func expectVisits(units []corpusUnit, region string, asOf time.Time, years, within int) (rows []string, due, soon, revisitedNotDue int) {
	fold := func(s string) string { return strings.ToLower(norm.NFC.String(strings.Join(strings.Fields(s), " "))) }
	type last struct {
		c      corpusUnit
		visit  time.Time
		visits int
		first  time.Time
	}
	byUnit := map[string]*last{}
	for _, c := range units {
		if region != "" && !strings.EqualFold(c.Unit.Region, region) {
			continue
		}
		key := "name " + fold(c.Unit.Organisation) + "|" + fold(c.Unit.Name)
		if id := fold(c.Unit.ID); id != "" {
			key = "id " + id
		}
		v, _ := time.Parse(time.DateOnly, c.Visit)
		if v.After(asOf) {
			continue // not visited yet on the day
		}
		u := byUnit[key]
		if u == nil {
			u = &last{first: v}
			byUnit[key] = u
		}
		u.visits++
		if u.visit.IsZero() || v.After(u.visit) || v.Equal(u.visit) && c.Status == "final" {
			u.c, u.visit = c, v
		}
		if v.Before(u.first) {
			u.first = v
		}
	}
	for _, u := range byUnit {
		next := u.visit.AddDate(years, 0, 0)
		state := ""
		switch {
		case next.Before(asOf):
			state, due = "Försenad", due+1
		case !next.After(asOf.AddDate(0, 0, within)):
			state, soon = fmt.Sprintf("Inom %d dagar", within), soon+1
		}
		if state == "" {
			if u.visits > 1 && u.first.AddDate(years, 0, 0).Before(asOf) {
				revisitedNotDue++
			}
			continue
		}
		r := u.c.Unit.Region
		if r == "" {
			r = "Region ej angiven"
		}
		rows = append(rows, fmt.Sprintf("%s | %s | %s | %s | %s", r, strings.Join(strings.Fields(u.c.Unit.Name), " "),
			u.visit.Format(time.DateOnly), next.Format(time.DateOnly), state))
	}
	slices.Sort(rows)
	return rows, due, soon, revisitedNotDue
}

// TestVisitsOnCorpus: on a generated repository with repeat visits and
// follow-ups, the units due and due soon are those the files give, for
// several days, intervals, windows and a region; each unit's later visit
// counts; the list is in the order of the next visits.
func TestVisitsOnCorpus(t *testing.T) {
	paths, err := corpus.GenerateWith(t.TempDir(), 150, 7, corpus.Options{Revisits: true, FollowUps: true})
	if err != nil {
		t.Fatal(err)
	}
	insps := load(t, paths...)
	units := corpusVisits(t, paths)
	var anyDue, anySoon, anyRevisit bool
	for _, c := range []struct {
		asOf          time.Time
		years, within int
		region        string
	}{
		{date(2026, 6, 1), 5, 30, ""},
		{date(2027, 1, 1), 5, 180, ""},
		{date(2026, 1, 1), 3, 60, ""},
		{date(2027, 6, 1), 3, 120, "region örebro län"},
	} {
		t.Run(fmt.Sprintf("%s+%d,%dy,%s", c.asOf.Format(time.DateOnly), c.within, c.years, c.region), func(t *testing.T) {
			want, due, soon, revisited := expectVisits(units, c.region, c.asOf, c.years, c.within)
			opt := followup.Options{AsOf: c.asOf, Within: c.within, VisitInterval: c.years}
			if c.region != "" {
				opt.Region = []string{c.region}
			}
			l, _ := followup.Build(insps, opt)
			var got []string
			for i, v := range l.Visits {
				got = append(got, visitRow(v))
				if i > 0 && l.Visits[i-1].Next > v.Next {
					t.Errorf("%s before %s: not in the order of the next visits", visitRow(l.Visits[i-1]), visitRow(v))
				}
			}
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("visits\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			if l.VisitCounts != [2]int{due, soon} {
				t.Errorf("counts %v, want %d due and %d soon", l.VisitCounts, due, soon)
			}
			anyDue, anySoon, anyRevisit = anyDue || due > 0, anySoon || soon > 0, anyRevisit || revisited > 0
		})
	}
	if !anyDue || !anySoon || !anyRevisit {
		t.Errorf("the corpus does not test every case: due %v, soon %v, a revisit that is no longer due %v", anyDue, anySoon, anyRevisit)
	}
}
