package compose

import (
	"spur/grade"
	"spur/report/overview"
	"spur/schema"
)

// Row makes the overview row of a loaded, valid inspection; link is the
// path of its Markdown report relative to the index.
func Row(insp *schema.Inspection, res grade.Result, link string) overview.Row {
	r := overview.Row{
		Unit: insp.Unit.Name, Organisation: insp.Unit.Organisation, Specialty: insp.Unit.Specialty,
		Region: insp.Unit.Region, Visit: insp.Visit.String(), Final: insp.Status == schema.Final,
		Catalog: insp.Catalog, Report: link, Date: insp.Visit.Time(), UnitKey: insp.Unit.Identity(),
	}
	var accepted, notAccepted, open int
	for _, a := range res.Areas {
		r.Grades = append(r.Grades, string(a.Final))
		before := a.Computed
		if a.Override != "" {
			before = a.Override
		}
		r.Before = append(r.Before, string(before))
		if a.Final == "D" || a.Adjusted != "" {
			switch a.Decision {
			case schema.Accepted:
				accepted++
			case schema.NotAccepted:
				notAccepted++
			default:
				open++
			}
		}
	}
	if insp.Cat != nil {
		for _, ca := range insp.Cat.Areas {
			if a := insp.Areas[ca.Letter]; a != nil {
				for _, as := range a.Assessments {
					if as.Result == schema.NotMet {
						r.Unmet = append(r.Unmet, as.Criterion.ID)
					}
				}
			}
		}
	}
	if p := insp.ActionPlan; p != nil {
		if p.Date.Time().After(r.Date) {
			r.Date = p.Date.Time()
		}
		for _, e := range p.Entries {
			for _, f := range e.FollowUps {
				if f.Date.Time().After(r.Date) {
					r.Date = f.Date.Time()
				}
			}
			r.Actions = append(r.Actions, Action(e))
		}
		switch {
		case accepted+notAccepted == 0:
			r.Plan = overview.PlanIn
		case accepted > 0 && notAccepted+open == 0:
			r.Plan = overview.PlanAccepted
		case notAccepted > 0 && accepted+open == 0:
			r.Plan = overview.PlanNotAccepted
		default:
			r.Plan = overview.PlanPartly
		}
	}
	return r
}

// Action is the plan entry e as the overview counts it: its day, whether
// the plan says it is done, and its follow-ups. spur followup states its
// actions by the same (overview.Action.State).
func Action(e schema.PlanEntry) overview.Action {
	a := overview.Action{Due: e.Due.Parsed.Date, Done: e.Due.Parsed.Kind == schema.DateDone}
	for _, f := range e.FollowUps {
		a.FollowUps = append(a.FollowUps, overview.FollowUp{Date: f.Date.Time(), Done: f.Status == schema.Done})
	}
	return a
}

// Overview is overview.New with the areas and criteria of the latest
// catalogue, the one the rows' grades are counted by.
func Overview(rows []overview.Row, f overview.Filter, lang string) *overview.View {
	return overview.New(rows, Areas(latest()), f, lang)
}

// OverviewWith is overview.Make with the areas and criteria of the latest
// catalogue.
func OverviewWith(rows []overview.Row, o overview.Options) *overview.View {
	return overview.Make(rows, Areas(latest()), o)
}

// latest is the latest catalogue, nil if there is none.
func latest() *schema.Catalog {
	cat, _ := schema.LatestCatalog()
	return cat
}

// Areas gives the areas of cat as the overview counts them, in the
// catalogue's order; none for a nil catalogue.
func Areas(cat *schema.Catalog) []overview.Area {
	if cat == nil {
		return nil
	}
	out := make([]overview.Area, 0, len(cat.Areas))
	for _, ca := range cat.Areas {
		a := overview.Area{Letter: ca.Letter, Title: ca.Title}
		for _, cr := range ca.Criteria {
			a.Criteria = append(a.Criteria, overview.Criterion{ID: cr.ID, Kind: string(cr.Kind), Text: cr.Text})
		}
		out = append(out, a)
	}
	return out
}
