package compose

import (
	"slices"
	"strings"

	"spur/grade"
	"spur/report"
	"spur/schema"
)

// Compare adds to r, the report of insp with its grades res, the section
// on the unit's previous visit, prev with its grades prevRes
// (report.Comparison): per area the earlier final grade beside this one,
// the criteria newly unmet (met or not applicable then, not met now), newly
// met (not met then, met now) and still unmet, the last with the earlier
// plan's actions for them as the unit wrote them.
//
// The two visits may have been made against different catalogue versions.
// A criterion is compared only where both catalogues have its id with the
// same text; one that was not met at a visit and is not so in the other
// catalogue is listed as not compared, with the reason, rather than
// compared with another criterion or taken for new. A criterion not
// assessed at either visit is in no list.
//
// Compare does not judge whether prev is a visit of the same unit before
// this one: schema.CheckPrevious and schema.PreviousOf do. Without both
// catalogues (an inspection Load could not check) it adds nothing.
func Compare(r *report.Report, insp *schema.Inspection, res grade.Result, prev *schema.Inspection, prevRes grade.Result) {
	if insp.Cat == nil || prev == nil || prev.Cat == nil {
		return
	}
	l := r.L
	cur, old := insp.Cat, prev.Cat
	c := &report.Comparison{
		Visit:    l.Date(prev.Visit.Time()),
		VisitISO: prev.Visit.String(),
	}
	c.Heading = l.Comparison + " (" + c.Visit + ")"
	c.Intro = l.CompareIntro(c.Visit)
	if old.Version != cur.Version {
		c.Intro = l.CompareVersions(c.Visit, old.Title, cur.Title)
	}
	c.Grades = gradeChanges(l, cur, old, res, prevRes)

	now, then := results(insp), results(prev)
	oldByID, curByID := criteria(old), criteria(cur)
	var earlier []report.PlanEntry
	if prev.ActionPlan != nil {
		earlier = plan(l, old, prev.ActionPlan).Entries
	}
	for _, ca := range cur.Areas {
		for _, cr := range ca.Criteria {
			was, before := oldByID[cr.ID]
			p, n := then[cr.ID], now[cr.ID]
			if !before || was.Text != cr.Text {
				if n == schema.NotMet || before && p == schema.NotMet {
					c.Uncompared = append(c.Uncompared, uncompared(l, cr, before, p, n, old.Version, cur.Version))
				}
				continue
			}
			switch {
			case n == schema.NotMet && (p == schema.Met || p == schema.NotApplicable):
				c.NewlyUnmet = append(c.NewlyUnmet, report.CriterionChange{ID: cr.ID, Text: cr.Text,
					Note: l.Previously + ": " + strings.ToLower(stateOf(p).Label(l))})
			case p == schema.NotMet && n == schema.Met:
				c.NewlyMet = append(c.NewlyMet, report.CriterionChange{ID: cr.ID, Text: cr.Text})
			case p == schema.NotMet && n == schema.NotMet:
				c.StillUnmet = append(c.StillUnmet, stillUnmet(l, cr, earlier, prev.ActionPlan != nil))
			}
		}
	}
	// What only the earlier catalogue has, and was not met then.
	for _, ca := range old.Areas {
		for _, cr := range ca.Criteria {
			if _, ok := curByID[cr.ID]; !ok && then[cr.ID] == schema.NotMet {
				c.Uncompared = append(c.Uncompared, report.CriterionChange{ID: cr.ID, Text: cr.Text,
					Note: l.UnmetThen + "; " + l.OnlyIn(old.Version)})
			}
		}
	}
	r.Comparison = c
}

// results is each criterion's result in insp, by id; a criterion not
// assessed is not in it.
func results(insp *schema.Inspection) map[string]schema.Result {
	m := map[string]schema.Result{}
	for _, a := range insp.Areas {
		if a == nil {
			continue
		}
		for _, as := range a.Assessments {
			if as.Criterion != nil && as.Result != schema.Unassessed {
				m[as.Criterion.ID] = as.Result
			}
		}
	}
	return m
}

// criteria is the catalogue's criteria by id, read from its areas.
func criteria(cat *schema.Catalog) map[string]schema.Criterion {
	m := map[string]schema.Criterion{}
	for _, ca := range cat.Areas {
		for _, cr := range ca.Criteria {
			m[cr.ID] = cr
		}
	}
	return m
}

// uncompared is a criterion of this visit's catalogue that the earlier one
// lacks (before false) or gives another text.
func uncompared(l report.Labels, cr schema.Criterion, before bool, p, n schema.Result, oldVersion, curVersion string) report.CriterionChange {
	var when []string
	if before && p == schema.NotMet {
		when = append(when, l.UnmetThen)
	}
	if n == schema.NotMet {
		when = append(when, l.UnmetNow)
	}
	why := l.TextChanged
	if !before {
		why = l.OnlyIn(curVersion)
	}
	return report.CriterionChange{ID: cr.ID, Text: cr.Text, Note: strings.Join(when, ", ") + "; " + why}
}

// stillUnmet is a criterion not met at either visit with the earlier
// plan's entries for it.
func stillUnmet(l report.Labels, cr schema.Criterion, earlier []report.PlanEntry, planIn bool) report.StillUnmet {
	s := report.StillUnmet{Heading: l.Criterion + " " + cr.ID, ID: cr.ID, Text: cr.Text}
	for _, e := range earlier {
		if e.CriterionID == cr.ID {
			s.Actions = append(s.Actions, e)
		}
	}
	switch {
	case !planIn:
		s.Note = l.NoEarlierPlan
	case len(s.Actions) == 0:
		s.Note = l.NoEarlierAction
	}
	return s
}

// gradeChanges is one row per area: this catalogue's areas in order, then
// any only the earlier one has.
func gradeChanges(l report.Labels, cur, old *schema.Catalog, res, prevRes grade.Result) []report.GradeChange {
	final := func(r grade.Result, letter string) string {
		if a, ok := r.Area(letter); ok {
			return string(a.Final)
		}
		return ""
	}
	row := func(ca schema.CatalogArea) report.GradeChange {
		g := report.GradeChange{Letter: ca.Letter, Title: ca.Title, Previous: final(prevRes, ca.Letter), Current: final(res, ca.Letter)}
		g.Change = change(l, g.Previous, g.Current)
		return g
	}
	var out []report.GradeChange
	for _, ca := range cur.Areas {
		out = append(out, row(ca))
	}
	for _, ca := range old.Areas {
		if !slices.ContainsFunc(cur.Areas, func(a schema.CatalogArea) bool { return a.Letter == ca.Letter }) {
			out = append(out, row(ca))
		}
	}
	return out
}

// change says whether the grade went from a to b for the better (A is the
// best grade, D the worst), for the worse or neither; "" where a grade is
// missing.
func change(l report.Labels, a, b string) string {
	ra, rb := strings.Index("ABCD", a), strings.Index("ABCD", b)
	switch {
	case a == "" || b == "" || ra < 0 || rb < 0:
		return ""
	case rb < ra:
		return l.Better
	case rb > ra:
		return l.Worse
	}
	return l.Unchanged
}
