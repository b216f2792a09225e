package overview_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"spur/corpus"
	"spur/grade"
	"spur/input"
	"spur/report/compose"
	"spur/report/overview"
	"spur/schema"
)

// A repository of inspections as a region keeps it: generated ones
// (package corpus), repeat visits of some of their units made by copying
// other generated inspections under their names, and follow-ups of the
// actions. The tests compute what the overview should say from these
// inspections and their grades, not from the rows the overview reads.

// asOf is the day the tests reckon the states and the visits due from.
var asOf = time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)

// visit is an inspection of the repository, graded, with its report's
// path.
type visit struct {
	insp *schema.Inspection
	res  grade.Result
	link string
}

func (v visit) row() overview.Row { return compose.Row(v.insp, v.res, v.link) }

// repository generates n inspections (seed 41) and adds to them:
//   - a repeat visit of each of the first units, years after the first
//     (the second unit twice, so that it has three visits; the third a
//     few months later, within the same year);
//   - follow-ups of their actions of every kind: done before asOf, partly,
//     done after asOf (not known yet), done and later found not done, two
//     on one day that disagree.
func repository(t *testing.T, n int) []visit {
	t.Helper()
	paths, err := corpus.Generate(t.TempDir(), n, 41)
	if err != nil {
		t.Fatal(err)
	}
	var vs []visit
	for _, p := range paths {
		in, err := input.File(p, grade.DefaultPolicy())
		if err != nil || !in.OK() {
			t.Fatalf("%s: %v %s", p, err, in.Diags)
		}
		vs = append(vs, visit{in.Inspection, in.Grades, filepath.Base(filepath.Dir(p)) + "/" + strings.TrimSuffix(filepath.Base(p), ".yaml") + ".md"})
	}
	// Visits long ago: unit 5's is due, unit 6's is due on asOf itself
	// (not before it), unit 7's the day before.
	for i, d := range []string{"2019-05-01", "2020-06-30", "2020-06-29"} {
		t, _ := time.Parse(time.DateOnly, d)
		vs[5+i].insp.Visit = schema.NewDate(t.Year(), t.Month(), t.Day())
	}
	// Repeat visits: unit i visited again, as donor d was, after the
	// years and months given.
	for _, rv := range []struct{ unit, donor, years, months int }{
		{0, n - 1, 3, 0}, {1, n - 2, 2, 0}, {1, n - 3, 4, 1}, {2, n - 4, 0, 2}, {3, n - 5, 5, 0},
	} {
		u, d := vs[rv.unit], vs[rv.donor]
		c := *d.insp
		c.Unit = u.insp.Unit
		at := u.insp.Visit.Time().AddDate(rv.years, rv.months, 0)
		c.Visit = schema.NewDate(at.Year(), at.Month(), at.Day())
		if d.insp.ActionPlan != nil {
			p := *d.insp.ActionPlan
			p.Entries = slices.Clone(p.Entries)
			c.ActionPlan = &p
		}
		vs = append(vs, visit{&c, d.res, fmt.Sprintf("%d/repeat-%d-%s.md", at.Year(), rv.unit, at.Format(time.DateOnly))})
	}
	// Follow-ups, of every kind, by the entry's place.
	k := 0
	for _, v := range vs {
		p := v.insp.ActionPlan
		if p == nil {
			continue
		}
		entries := slices.Clone(p.Entries)
		for i := range entries {
			e := &entries[i]
			base := v.insp.Visit.Time()
			fu := func(days int, s schema.FollowUpStatus) schema.FollowUp {
				t := base.AddDate(0, 0, days)
				return schema.FollowUp{Date: schema.NewDate(t.Year(), t.Month(), t.Day()), Status: s}
			}
			switch k % 6 {
			case 1:
				e.FollowUps = []schema.FollowUp{fu(200, schema.Done)}
			case 2:
				e.FollowUps = []schema.FollowUp{fu(200, schema.Partly)}
			case 3:
				late := asOf.AddDate(0, 0, 30)
				e.FollowUps = []schema.FollowUp{{Date: schema.NewDate(late.Year(), late.Month(), late.Day()), Status: schema.Done}}
			case 4:
				e.FollowUps = []schema.FollowUp{fu(100, schema.Done), fu(300, schema.NotDone)}
			case 5:
				e.FollowUps = []schema.FollowUp{fu(150, schema.NotDone), fu(150, schema.Done)}
			}
			k++
		}
		cp := *p
		cp.Entries = entries
		v.insp.ActionPlan = &cp
	}
	return vs
}

func rowsOf(vs []visit) []overview.Row {
	var rows []overview.Row
	for _, v := range vs {
		rows = append(rows, v.row())
	}
	return rows
}
