// Package comparetest gives the tests of the comparison with the previous
// visit (compose.Compare and each format's rendering of it) their two
// visits, and what the comparison must hold, computed from the two
// inspections' own lists (not_met, not_applicable, the earlier action plan)
// and not by the code under test. It is for tests only, as net/http/httptest is.
package comparetest

import (
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"spur/grade"
	"spur/input"
	"spur/report"
	"spur/report/compose"
	"spur/schema"
)

// Paths of the two visits: the fixture (2025, catalogue 2025) and its
// previous visit (2023, catalogue 2023), invented for these tests.
var (
	Current  = fromRoot("fixtures/almaklinikens-vardcentral-2025.yaml")
	Previous = fromRoot("report/compose/testdata/almaklinikens-vardcentral-2023.yaml")
)

func fromRoot(rel string) string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..", filepath.FromSlash(rel))
}

// Visit is a loaded, graded inspection.
type Visit struct {
	Insp   *schema.Inspection
	Grades grade.Result
}

// Load loads and grades the inspection at path; any diagnostic fails t.
func Load(t testing.TB, path string) Visit {
	t.Helper()
	insp, diags, err := input.Load(path)
	if err != nil || len(diags) > 0 {
		t.Fatalf("%s: %v %s", path, err, diags)
	}
	res, gd := grade.Inspection(insp, grade.DefaultPolicy())
	if len(gd) > 0 {
		t.Fatalf("%s: %s", path, gd)
	}
	return Visit{insp, res}
}

// Visits loads the current visit and the previous one.
func Visits(t testing.TB) (cur, prev Visit) {
	t.Helper()
	return Load(t, Current), Load(t, Previous)
}

// Report is the current visit's report in lang with the comparison, as
// spur report --previous makes it.
func Report(t testing.TB, lang string) *report.Report {
	t.Helper()
	cur, prev := Visits(t)
	r := compose.Report(cur.Insp, cur.Grades, report.Options{Lang: lang})
	compose.Compare(r, cur.Insp, cur.Grades, prev.Insp, prev.Grades)
	return r
}

// Action is an earlier plan's entry as the unit wrote it.
type Action struct {
	Criterion, Action, Due string
}

// Expected is what the comparison of two visits must show.
type Expected struct {
	// Grades is each area's final grade, previous and current, by letter,
	// as package grade gives them.
	Grades map[string][2]string
	// The criteria's ids, in catalogue order.
	NewlyUnmet, NewlyMet, StillUnmet []string
	// Earlier is the earlier plan's entries for the criteria still unmet.
	Earlier []Action
	// Texts is each criterion's text in the current catalogue, by id.
	Texts map[string]string
}

// Expect computes the comparison of cur with prev from their lists. Both
// visits must mark every area met: all (as the two visits here do), so
// that a criterion is met where it is in neither list; they must have one
// catalogue's ids.
func Expect(t testing.TB, cur, prev Visit) Expected {
	t.Helper()
	notMet := func(v Visit) (nm, na map[string]bool) {
		nm, na = map[string]bool{}, map[string]bool{}
		for letter, a := range v.Insp.Areas {
			if !a.Met.All {
				t.Fatalf("%s: area %s is not met: all", v.Insp.File, letter)
			}
			for _, id := range a.NotMet {
				nm[id] = true
			}
			for _, id := range a.NotApplicable {
				na[id] = true
			}
		}
		return nm, na
	}
	cnm, cna := notMet(cur)
	pnm, _ := notMet(prev)
	var e Expected
	e.Grades, e.Texts = map[string][2]string{}, map[string]string{}
	for _, ca := range cur.Insp.Cat.Areas {
		var g [2]string
		if a, ok := prev.Grades.Area(ca.Letter); ok {
			g[0] = string(a.Final)
		}
		if a, ok := cur.Grades.Area(ca.Letter); ok {
			g[1] = string(a.Final)
		}
		e.Grades[ca.Letter] = g
		for _, cr := range ca.Criteria {
			id := cr.ID
			e.Texts[id] = cr.Text
			switch {
			case cnm[id] && pnm[id]:
				e.StillUnmet = append(e.StillUnmet, id)
			case cnm[id]:
				e.NewlyUnmet = append(e.NewlyUnmet, id)
			case pnm[id] && !cna[id]:
				e.NewlyMet = append(e.NewlyMet, id)
			}
		}
	}
	if p := prev.Insp.ActionPlan; p != nil {
		for _, pe := range p.Entries {
			if slices.Contains(e.StillUnmet, pe.Criterion) {
				e.Earlier = append(e.Earlier, Action{pe.Criterion, pe.Action, pe.Due.Text})
			}
		}
	}
	return e
}

// Reading is what a reader finds in one format's comparison section, as
// that format's test reads it back (Markdown parsed, HTML parsed, PDF
// through pdftotext and its outline).
type Reading struct {
	// Headings is the section's heading and every heading under it, in
	// order.
	Headings []string
	// Grades is the grade table's body rows: area, previous, current,
	// change.
	Grades [][]string
	// NewlyUnmet and NewlyMet are the ids the two lists show, in order.
	NewlyUnmet, NewlyMet []string
	// Still is the text under each heading of a criterion still unmet, by
	// the criterion's id, its white space made single spaces.
	Still map[string]string
}

// Check asserts that got, read from the report r of Report(t, lang),
// shows the comparison e: the heading with the earlier visit's date, the
// grades side by side with the change, the criteria newly unmet and newly
// met, and each criterion still unmet with the earlier plan's action and
// due date as written, or that there was none.
func Check(t testing.TB, r *report.Report, e Expected, got Reading) {
	t.Helper()
	l := r.L
	title := map[string]string{"sv": "Jämförelse med föregående granskning (14 mars 2023)",
		"en": "Comparison with the previous inspection (14 March 2023)"}[l.Lang]
	want := []string{title, l.NewlyUnmet, l.NewlyMet, l.StillUnmet}
	for _, id := range e.StillUnmet {
		want = append(want, l.Criterion+" "+id)
	}
	if !slices.Equal(got.Headings, want) {
		t.Errorf("headings\n got  %q\n want %q", got.Headings, want)
	}

	rank := func(g string) int { return strings.Index("ABCD", g) }
	if len(got.Grades) != len(e.Grades) {
		t.Errorf("%d grade rows, want %d: %q", len(got.Grades), len(e.Grades), got.Grades)
	}
	for _, row := range got.Grades {
		if len(row) != 4 || len(row[0]) < 3 || row[0][1:3] != ". " {
			t.Errorf("grade row %q", row)
			continue
		}
		g, ok := e.Grades[row[0][:1]]
		if !ok {
			t.Errorf("grade row of no area: %q", row)
			continue
		}
		change := l.Unchanged
		if rank(g[1]) < rank(g[0]) {
			change = l.Better
		} else if rank(g[1]) > rank(g[0]) {
			change = l.Worse
		}
		if w := []string{row[0], report.Dash(g[0]), report.Dash(g[1]), change}; !slices.Equal(row, w) {
			t.Errorf("grade row %q, want %q", row, w)
		}
	}

	if !slices.Equal(got.NewlyUnmet, e.NewlyUnmet) {
		t.Errorf("newly unmet %q, want %q", got.NewlyUnmet, e.NewlyUnmet)
	}
	if !slices.Equal(got.NewlyMet, e.NewlyMet) {
		t.Errorf("newly met %q, want %q", got.NewlyMet, e.NewlyMet)
	}

	actions := map[string]bool{}
	for _, a := range e.Earlier {
		actions[a.Criterion] = true
		text := got.Still[a.Criterion]
		for _, line := range strings.Split(a.Action, "\n") {
			if line = flat(strings.TrimPrefix(strings.TrimSpace(line), "- ")); !strings.Contains(text, line) {
				t.Errorf("%s: the earlier action's %q is not under its heading: %q", a.Criterion, line, text)
			}
		}
		if !strings.Contains(text, l.EarlierAction) || !strings.Contains(text, l.EarlierDue) || !strings.Contains(text, a.Due) {
			t.Errorf("%s: the earlier action or its due date %q is not under its heading: %q", a.Criterion, a.Due, text)
		}
	}
	for _, id := range e.StillUnmet {
		text, ok := got.Still[id]
		if !ok {
			t.Errorf("%s: no heading of its own", id)
			continue
		}
		if !strings.Contains(text, flat(e.Texts[id])) {
			t.Errorf("%s: the criterion's text is not under its heading: %q", id, text)
		}
		if !actions[id] && !strings.Contains(text, l.NoEarlierAction) {
			t.Errorf("%s: no earlier action, and the text does not say so: %q", id, text)
		}
	}
}

func flat(s string) string { return strings.Join(strings.Fields(s), " ") }
