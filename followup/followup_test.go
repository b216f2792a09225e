package followup_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"spur/followup"
	"spur/followup/followuptest"
	"spur/followup/view"
	"spur/input"
	"spur/schema"
)

const fixture = "../fixtures/almaklinikens-vardcentral-2025.yaml"

var asOf = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func load(t testing.TB, paths ...string) []*schema.Inspection {
	t.Helper()
	var out []*schema.Inspection
	for _, p := range paths {
		insp, diags, err := input.Load(p)
		if err != nil || diags.HasErrors() {
			t.Fatalf("%s: %v\n%s", p, err, diags)
		}
		out = append(out, insp)
	}
	return out
}

// stateOf maps the test's names of the states to the view's.
var stateOf = map[followuptest.State]view.State{
	followuptest.Overdue: view.Overdue, followuptest.DueSoon: view.DueSoon, followuptest.Open: view.Open,
	followuptest.NoDate: view.NoDate, followuptest.Unreadable: view.Unreadable, followuptest.Done: view.Done,
}

// TestFixtureAsOf: the fixture's plan read independently (its due texts
// are "genomförd", 20251231 and 251231): on 2026-01-01 the three dated
// actions are overdue and the eleven others done; on 2025-12-15 the
// dated ones fall within 30 days, and within 10 days they are open.
func TestFixtureAsOf(t *testing.T) {
	src, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	var raw struct {
		ActionPlan struct {
			Entries []struct{ Criterion, Due string }
		} `yaml:"action_plan"`
	}
	if err := yaml.Unmarshal(src, &raw); err != nil {
		t.Fatal(err)
	}
	due := map[string]time.Time{} // criterion → day; absent: "genomförd"
	for _, e := range raw.ActionPlan.Entries {
		switch {
		case e.Due == "genomförd":
		case regexp.MustCompile(`^\d{8}$`).MatchString(e.Due):
			due[e.Criterion], _ = time.Parse("20060102", e.Due)
		case regexp.MustCompile(`^\d{6}$`).MatchString(e.Due):
			due[e.Criterion], _ = time.Parse("060102", e.Due)
		default:
			t.Fatalf("the fixture's due text %q is not one this test reads", e.Due)
		}
	}
	insps := load(t, fixture)
	for _, c := range []struct {
		asOf   time.Time
		within int
	}{{asOf, 30}, {time.Date(2025, 12, 15, 0, 0, 0, 0, time.UTC), 30}, {time.Date(2025, 12, 15, 0, 0, 0, 0, time.UTC), 10}} {
		t.Run(fmt.Sprintf("%s+%d", c.asOf.Format(time.DateOnly), c.within), func(t *testing.T) {
			var want view.Counts
			wantState := map[string]view.State{}
			for _, e := range raw.ActionPlan.Entries {
				d, dated := due[e.Criterion]
				s := view.Done
				switch {
				case !dated:
				case d.Before(c.asOf):
					s = view.Overdue
				case !d.After(c.asOf.AddDate(0, 0, c.within)):
					s = view.DueSoon
				default:
					s = view.Open
				}
				wantState[e.Criterion] = s
				want[s]++
			}
			l, dups := followup.Build(insps, followup.Options{AsOf: c.asOf, Within: c.within})
			if len(dups) > 0 {
				t.Fatal(dups)
			}
			if l.Total != want {
				t.Errorf("counts %v, want %v", l.Total, want)
			}
			if len(l.Regions) != 1 || l.Regions[0].Name != "Region Stockholm" || l.Regions[0].Counts != want {
				t.Fatalf("regions %+v", l.Regions)
			}
			u := l.Regions[0].Units[0]
			if u.Heading != "Almaklinikens vårdcentral, besök 2025-02-11" || u.PlanDate != "2025-05-20" {
				t.Errorf("unit %q, plan %q", u.Heading, u.PlanDate)
			}
			if len(u.Groups) != 1 || u.Groups[0].Responsible != "Verksamhetschefen" {
				t.Fatalf("groups %+v", u.Groups)
			}
			for _, a := range u.Groups[0].Actions {
				if a.State != wantState[a.Criterion] {
					t.Errorf("%s: %v, want %v", a.Criterion, a.StateName, l.StateNames[wantState[a.Criterion]])
				}
			}
			// Six months after the plan's date, 2025-05-20.
			if a := u.Groups[0].Actions[0]; a.FollowUpShown != "om sex månader (tolkat som 2025-11-20)" {
				t.Errorf("follow-up date shown as %q", a.FollowUpShown)
			}
		})
	}
}

// TestGeneratedStates builds the list of generated plans with known dates
// and follow-ups and compares every action, every count and the order
// with what followuptest computes from what it wrote.
func TestGeneratedStates(t *testing.T) {
	const within = 30
	gen, err := followuptest.Write(fixture, t.TempDir(), 25, 7, asOf, within)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, g := range gen {
		paths = append(paths, g.Path)
	}
	insps := load(t, paths...)
	l, dups := followup.Build(insps, followup.Options{AsOf: asOf, Within: within})
	if len(dups) > 0 {
		t.Fatal(dups)
	}
	checkList(t, l, gen, asOf, within)

	// The same inspections in another order give the same list.
	slices.Reverse(insps)
	again, _ := followup.Build(insps, followup.Options{AsOf: asOf, Within: within})
	// Labels hold functions, which reflect.DeepEqual never finds equal.
	again.L, l.L = view.Labels{}, view.Labels{}
	if !reflect.DeepEqual(again, l) {
		t.Error("the list depends on the order of the inspections")
	}
	// What Slim keeps is all Build reads.
	var slim []*schema.Inspection
	for _, insp := range insps {
		slim = append(slim, followup.Slim(insp))
	}
	fromSlim, _ := followup.Build(slim, followup.Options{AsOf: asOf, Within: within})
	fromSlim.L = view.Labels{}
	if !reflect.DeepEqual(fromSlim, l) {
		t.Error("the list of the slim inspections differs")
	}
	l.L = view.Swedish()

	// Every state occurs, so that each is tested.
	for s, n := range l.Total {
		if n == 0 {
			t.Errorf("no action is %s; choose another seed", l.StateNames[s])
		}
	}
}

// checkList compares l with the generated inspections: each action's
// state, latest follow-up and dates; the counts per region; the order of
// regions, units, responsibles and actions; the calendar's events.
func checkList(t *testing.T, l *view.List, gen []followuptest.Inspection, asOf time.Time, within int) {
	t.Helper()
	type key struct{ unit, crit string }
	want := map[key]followuptest.Entry{}
	wantRegion := map[string]view.Counts{}
	var wantTotal view.Counts
	wantEvents := 0
	regionName := func(r string) string {
		if r == "" {
			return "Region ej angiven"
		}
		return r
	}
	for _, g := range gen {
		for _, e := range g.Entries {
			want[key{g.Name, e.Criterion}] = e
			s := stateOf[e.State(asOf, within)]
			c := wantRegion[regionName(g.Region)]
			c[s]++
			wantRegion[regionName(g.Region)] = c
			wantTotal[s]++
			if !e.DueDate.IsZero() {
				wantEvents++
			}
			if !e.FollowUpDate.IsZero() {
				wantEvents++
			}
		}
	}
	if l.Total != wantTotal {
		t.Errorf("total %v, want %v", l.Total, wantTotal)
	}
	// Swedish order, the unit without a region last.
	var regions []string
	for _, r := range l.Regions {
		regions = append(regions, r.Name)
		if r.Counts != wantRegion[r.Name] {
			t.Errorf("%s: counts %v, want %v", r.Name, r.Counts, wantRegion[r.Name])
		}
	}
	var wantOrder []string
	for _, r := range []string{"Region Skåne", "Region Stockholm", "Region Örebro län", "Region Östergötland", "Region ej angiven"} {
		if _, ok := wantRegion[r]; ok {
			wantOrder = append(wantOrder, r)
		}
	}
	if !slices.Equal(regions, wantOrder) {
		t.Errorf("regions %q, want %q", regions, wantOrder)
	}
	seen := 0
	uids := map[string]bool{}
	for _, r := range l.Regions {
		var names []string
		for _, u := range r.Units {
			names = append(names, u.Name)
			var people []string
			for _, g := range u.Groups {
				people = append(people, g.Responsible)
				var prev *view.Action
				for i := range g.Actions {
					a := &g.Actions[i]
					e, ok := want[key{u.Name, a.Criterion}]
					if !ok {
						t.Fatalf("%s %s: not written", u.Name, a.Criterion)
					}
					seen++
					where := u.Name + " " + a.Criterion
					if ws := stateOf[e.State(asOf, within)]; a.State != ws {
						t.Errorf("%s (due %q, follow-ups %+v): %s, want %s", where, e.DueText(), e.Records, a.StateName, l.StateNames[ws])
					}
					if !a.DueDate.Equal(e.DueDate) || !a.FollowUpDate.Equal(e.FollowUpDate) {
						t.Errorf("%s: dates %v %v, want %v %v", where, a.DueDate, a.FollowUpDate, e.DueDate, e.FollowUpDate)
					}
					if a.Due != e.DueText() {
						t.Errorf("%s: due %q, want %q as written", where, a.Due, e.DueText())
					}
					rec, ok := e.Latest(asOf)
					switch {
					case ok != (a.Latest != nil):
						t.Errorf("%s: latest %+v, want %+v (%v)", where, a.Latest, rec, ok)
					case ok && (a.Latest.Date != rec.Date.Format(time.DateOnly) || a.Latest.Status != rec.Status || a.Latest.Note != rec.Note):
						t.Errorf("%s: latest %+v, want %+v", where, *a.Latest, rec)
					case ok && rec.Status != "done" && !strings.Contains(a.Status, a.Latest.Word):
						t.Errorf("%s: the status %q does not show the latest follow-up %q", where, a.Status, a.Latest.Word)
					}
					if !strings.EqualFold(a.Responsible, g.Responsible) && !(a.Responsible == "" && g.Responsible == "Ansvarig ej angiven") {
						t.Errorf("%s: responsible %q in the group of %q", where, a.Responsible, g.Responsible)
					}
					if prev != nil && (prev.State > a.State || prev.State == a.State && !prev.DueDate.IsZero() && !a.DueDate.IsZero() && prev.DueDate.After(a.DueDate)) {
						t.Errorf("%s: after %s (%s %v), out of order", where, prev.Criterion, prev.StateName, prev.DueDate)
					}
					prev = a
				}
			}
			// Names as Swedish sorts them; "verksamhetschefen" is the
			// same person as "Verksamhetschefen"; who is not named, last.
			for i := 1; i < len(people); i++ {
				if strings.EqualFold(people[i-1], people[i]) {
					t.Errorf("%s: %q twice", u.Name, people[i])
				}
			}
			if i := slices.Index(people, "Ansvarig ej angiven"); i >= 0 && i != len(people)-1 {
				t.Errorf("%s: responsibles %q", u.Name, people)
			}
			if i, j := slices.Index(people, "Studierektor"), slices.Index(people, "Åsa Öberg"); i >= 0 && j >= 0 && i > j {
				t.Errorf("%s: responsibles %q: Å after S in Swedish", u.Name, people)
			}
		}
		// Å before Ä in Swedish, unlike in the bytes of UTF-8.
		if i, j := indexPrefix(names, "Åsa"), indexPrefix(names, "Ängby"); i >= 0 && j >= 0 && i > j {
			t.Errorf("%s: units %q: Åsa after Ängby", r.Name, names)
		}
	}
	if seen != len(want) {
		t.Errorf("%d actions listed, %d written", seen, len(want))
	}
	// And one on each unit's next visit: every generated unit is another
	// unit, visited on the fixture's day.
	wantEvents += len(gen)
	if len(l.Events) != wantEvents {
		t.Errorf("%d events, want %d", len(l.Events), wantEvents)
	}
	next := followuptest.Visit.AddDate(5, 0, 0) // the default interval, five years
	for _, e := range l.Events {
		if e.Field == "next_visit" && (!e.Date.Equal(next) || !strings.HasPrefix(e.Summary, "Nästa granskning – ")) {
			t.Errorf("next visit %q on %s, want on %s", e.Summary, e.Date.Format(time.DateOnly), next.Format(time.DateOnly))
		}
	}
	for _, e := range l.Events {
		if uids[e.UID] || !strings.HasSuffix(e.UID, "@spur") {
			t.Errorf("UID %q twice or malformed", e.UID)
		}
		uids[e.UID] = true
	}
}

func indexPrefix(list []string, prefix string) int {
	return slices.IndexFunc(list, func(s string) bool { return strings.HasPrefix(s, prefix) })
}

// TestWindowEdges: due the day before the list's day is overdue; on the
// day, and on its last day of the window, due soon; a day later, open.
func TestWindowEdges(t *testing.T) {
	gen, err := followuptest.Write(fixture, t.TempDir(), 1, 3, asOf, 14)
	if err != nil {
		t.Fatal(err)
	}
	l, _ := followup.Build(load(t, gen[0].Path), followup.Options{AsOf: asOf, Within: 14})
	got := map[string]view.State{}
	for _, g := range l.Regions[0].Units[0].Groups {
		for _, a := range g.Actions {
			got[a.Criterion] = a.State
		}
	}
	// followuptest.Write dates the first four entries of the first
	// inspection at these edges; a follow-up that says done may end one.
	for i, wantState := range []view.State{view.Overdue, view.DueSoon, view.DueSoon, view.Open} {
		c := followuptest.Criteria[i]
		if latest, ok := gen[0].Entries[i].Latest(asOf); ok && latest.Status == "done" {
			wantState = view.Done
		}
		if got[c] != wantState {
			t.Errorf("%s due %s: %s, want %s", c, gen[0].Entries[i].DueText(), l.StateNames[got[c]], l.StateNames[wantState])
		}
	}
	if l.StateNames[view.DueSoon] != "Ska vara genomförd inom 14 dagar" {
		t.Errorf("the window's name is %q", l.StateNames[view.DueSoon])
	}
}

// TestFollowUpsDecide: a follow-up that says done makes the action done,
// whatever its date; one after the list's day is not known yet; one that
// says not done outweighs the plan's "genomförd"; one that says partly
// is shown beside the date's state.
func TestFollowUpsDecide(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	// C1 is due 20251231, D7 "genomförd", E4 20251231, G1 251231.
	text := string(src)
	add := func(crit, followUps string) {
		i := strings.Index(text, "    - criterion: "+crit+"\n")
		j := strings.Index(text[i+1:], "    - criterion: ") + i + 1
		text = text[:j] + followUps + text[j:]
	}
	add("C1", "      follow_ups:\n        - {date: 2025-11-20, status: done, by: Regionens samordnare}\n")
	add("D7", "      follow_ups:\n        - {date: 2025-11-20, status: not_done, note: Ingen plan finns}\n")
	add("E4", "      follow_ups:\n        - {date: 2025-11-20, status: partly}\n        - {date: 2026-02-01, status: done}\n")
	add("G1", "      follow_ups:\n        - {date: 2025-12-01, status: postponed}\n        - {date: 2025-12-01, status: partly, note: \"Samma dag, senare skriven\"}\n")
	p := filepath.Join(dir, "a.yaml")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	l, _ := followup.Build(load(t, p), followup.Options{AsOf: asOf, Within: 30})
	got := map[string]view.Action{}
	for _, g := range l.Regions[0].Units[0].Groups {
		for _, a := range g.Actions {
			got[a.Criterion] = a
		}
	}
	for crit, want := range map[string]struct {
		state  view.State
		status string
	}{
		"C1": {view.Done, "Genomförd"},
		"D7": {view.NoDate, "Inget datum angivet; senast uppföljd 2025-11-20: ej genomförd"},
		"E4": {view.Overdue, "Försenad; senast uppföljd 2025-11-20: delvis genomförd"},
		"G1": {view.Overdue, "Försenad; senast uppföljd 2025-12-01: delvis genomförd"},
		"H1": {view.Done, "Genomförd"},
	} {
		if a := got[crit]; a.State != want.state || a.Status != want.status {
			t.Errorf("%s: %v %q, want %v %q", crit, a.State, a.Status, want.state, want.status)
		}
	}
	if r := got["D7"].Latest; r == nil || r.Line != "2025-11-20, ej genomförd: Ingen plan finns" {
		t.Errorf("D7's latest follow-up: %+v", r)
	}
	// On 2026-02-01 E4's done is known.
	l, _ = followup.Build(load(t, p), followup.Options{AsOf: time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)})
	for _, a := range l.Regions[0].Units[0].Groups[0].Actions {
		if a.Criterion == "E4" && a.State != view.Done {
			t.Errorf("E4 on 2026-02-01: %s", a.StateName)
		}
	}
}

// TestFilters: --region and --specialty choose units case-insensitively;
// the counts are those of the units chosen.
func TestFilters(t *testing.T) {
	gen, err := followuptest.Write(fixture, t.TempDir(), 15, 11, asOf, 30)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, g := range gen {
		paths = append(paths, g.Path)
	}
	insps := load(t, paths...)
	for _, c := range []struct {
		name              string
		region, specialty []string
		filter            string
	}{
		{"region", []string{"region stockholm"}, nil, "Region: region stockholm"},
		{"two regions", []string{"Region Skåne", " REGION ÖREBRO LÄN "}, nil, "Region: Region Skåne, REGION ÖREBRO LÄN"},
		{"specialty", nil, []string{"Psykiatri"}, "Specialitet: Psykiatri"},
		{"both", []string{"Region Stockholm", "Region Skåne"}, []string{"allmänmedicin"}, "Region: Region Stockholm, Region Skåne; Specialitet: allmänmedicin"},
		{"none", []string{"Region Gotland"}, nil, "Region: Region Gotland"},
	} {
		t.Run(c.name, func(t *testing.T) {
			match := func(list []string, s string) bool {
				if len(list) == 0 {
					return true
				}
				for _, x := range list {
					if strings.EqualFold(strings.TrimSpace(x), s) {
						return true
					}
				}
				return false
			}
			var chosen []followuptest.Inspection
			for _, g := range gen {
				if match(c.region, g.Region) && match(c.specialty, g.Specialty) {
					chosen = append(chosen, g)
				}
			}
			l, _ := followup.Build(insps, followup.Options{AsOf: asOf, Within: 30, Region: c.region, Specialty: c.specialty})
			if l.Filter != c.filter {
				t.Errorf("filter %q, want %q", l.Filter, c.filter)
			}
			var total view.Counts
			units := 0
			for _, r := range l.Regions {
				total.Add(r.Counts)
				units += len(r.Units)
			}
			if units != len(chosen) || total != l.Total || l.Actions() != 14*len(chosen) {
				t.Errorf("%d units, %d actions; want %d units, %d actions", units, l.Actions(), len(chosen), 14*len(chosen))
			}
			if len(chosen) > 0 {
				checkList(t, l, chosen, asOf, 30)
			} else if len(l.Regions) != 0 || len(l.Events) != 0 {
				t.Errorf("an empty selection lists %+v", l.Regions)
			}
		})
	}
}

// TestDuplicatesLeftOut: a copy of an inspection (the same unit, by id or
// by organisation and name, and the same visit) is named and left out,
// so that no two events share a UID.
func TestDuplicatesLeftOut(t *testing.T) {
	insps := load(t, fixture, fixture)
	insps[1].File = "kopia.yaml"
	insps[1].Unit.Name = "  ALMAKLINIKENS   vårdcentral "
	l, dups := followup.Build(insps, followup.Options{AsOf: asOf})
	if len(dups) != 1 || dups[0].File != "kopia.yaml" || dups[0].Same != insps[0].File {
		t.Fatalf("duplicates %+v", dups)
	}
	if !strings.Contains(dups[0].Error(), "kopia.yaml: the same unit and visit as") {
		t.Errorf("message %q", dups[0].Error())
	}
	if l.Actions() != 14 {
		t.Errorf("%d actions", l.Actions())
	}
	// Another visit of the unit is another inspection.
	insps[1].Visit = schema.NewDate(2023, 3, 1)
	if l, dups := followup.Build(insps, followup.Options{AsOf: asOf}); len(dups) != 0 || l.Actions() != 28 {
		t.Errorf("a second visit: %d actions, %v", l.Actions(), dups)
	}
}

// TestDuplicatesBySameUnit: the list knows a unit as schema.SameUnit does
// (the overview and the next visits group by the same identity), so that a
// copy whose id is written in full-width characters is a copy, and one
// with another id is another unit.
func TestDuplicatesBySameUnit(t *testing.T) {
	for _, c := range []struct {
		name, id, copyID string
	}{
		{"full width", "SE-1234", "ＳＥ－１２３４"},
		{"case", "se-1234", "SE-1234"},
		{"another id", "SE-1234", "SE-1235"},
	} {
		t.Run(c.name, func(t *testing.T) {
			insps := load(t, fixture, fixture)
			insps[1].File = "kopia.yaml"
			insps[0].Unit.ID, insps[1].Unit.ID = c.id, c.copyID
			_, dups := followup.Build(insps, followup.Options{AsOf: asOf})
			if same := schema.SameUnit(insps[0], insps[1]); (len(dups) == 1) != same {
				t.Errorf("SameUnit %v, duplicates %+v", same, dups)
			}
		})
	}
}

// TestUIDsStable: a UID depends on the unit's identity, the visit, the
// criterion and the field only: not on the action's text, its dates, the
// unit's spelling (with an id) or the day of the list.
func TestUIDsStable(t *testing.T) {
	uids := func(insp *schema.Inspection, day time.Time) map[string]string {
		l, _ := followup.Build([]*schema.Inspection{insp}, followup.Options{AsOf: day})
		m := map[string]string{}
		for _, e := range l.Events {
			crit := strings.Fields(e.Summary)[0]
			if e.Field == "follow_up" {
				crit = strings.Fields(e.Summary)[2]
			}
			m[crit+" "+e.Field] = e.UID
		}
		return m
	}
	insp := load(t, fixture)[0]
	insp.Unit.ID = "SE2321000016-ABCD"
	first := uids(insp, asOf)
	if len(first) != 18 { // 3 due dates, 14 dates of follow-up, the next visit
		t.Fatalf("%d events: %v", len(first), first)
	}
	insp.Unit.Name = "Almakliniken, ny namnskylt"
	insp.ActionPlan.Entries[0].Action = "Något annat"
	insp.ActionPlan.Entries[0].Due.Parsed.Date = insp.ActionPlan.Entries[0].Due.Parsed.Date.AddDate(0, 1, 0)
	if again := uids(insp, asOf.AddDate(0, 2, 0)); fmt.Sprint(again) != fmt.Sprint(first) {
		t.Errorf("UIDs changed:\n%v\n%v", first, again)
	}
	insp.Unit.ID = "SE2321000016-EFGH"
	for k, v := range uids(insp, asOf) {
		if first[k] == v {
			t.Errorf("%s: another unit has the same UID", k)
		}
	}
}

func ExampleBuild() {
	insp, _, _ := input.Load(fixture)
	l, _ := followup.Build([]*schema.Inspection{insp}, followup.Options{AsOf: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Within: 30})
	fmt.Println(l.Count)
	for _, r := range l.Regions {
		fmt.Println(r.Name, r.Counts[view.Overdue], "försenade,", r.Counts[view.Done], "genomförda")
	}
	// Output:
	// 14 åtgärder i 1 handlingsplan. Ingen verksamhets nästa granskning är försenad eller infaller inom 30 dagar.
	// Region Stockholm 3 försenade, 11 genomförda
}
