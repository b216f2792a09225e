package corpus

import (
	"time"

	"spur/schema"
)

// Follow-ups of the action plan (Options.FollowUps): a region checks on
// each action, often about six months after the plan came in, and again
// where it was not done (issue 14; README: Follow-up of the action plan).

// followUps adds the follow-ups made by the generator's day (AsOf) to the
// plan of f, and gives some entries a due date that is missing or cannot
// be read, as units write them.
func (g *gen) followUps(f *file) {
	p := f.ActionPlan
	if p == nil {
		return
	}
	planDay, err := time.Parse(time.DateOnly, p.Date)
	if err != nil {
		panic("corpus: plan date " + p.Date + " is not a date")
	}
	for i := range p.Entries {
		e := &p.Entries[i]
		switch x := g.x.Float64(); {
		case x < 0.06:
			e.Due = g.xpick(unreadableDue)
		case x < 0.10:
			e.Due = ""
		case x < 0.13:
			e.Due = g.xpick(ongoingDue)
		}
		// A preliminary report's plan is not followed up: the report is
		// not done. Some actions are not followed up yet.
		if f.Status != "final" || !planDay.Before(g.asOf) || g.xchance(0.3) {
			continue
		}
		day := planDay.AddDate(0, 4+g.x.IntN(5), g.x.IntN(28))
		for k := 0; k < 3 && !day.After(g.asOf); k++ {
			st := g.status(k)
			u := followUp{Date: day.Format(time.DateOnly), Status: string(st), By: g.followedUpBy(f, e)}
			if g.xchance(0.8) {
				u.Note = g.xpick(followUpNotes[st])
			}
			e.FollowUps = append(e.FollowUps, u)
			if st == schema.Done || g.xchance(0.4) {
				break
			}
			day = day.AddDate(0, 3+g.x.IntN(6), 1+g.x.IntN(28))
		}
	}
}

// status is what the k-th follow-up of an action (from 0) finds: done more
// often at a later one.
func (g *gen) status(k int) schema.FollowUpStatus {
	x := g.x.Float64()
	if k > 0 {
		x = 1 - x*x // towards done
	}
	switch {
	case x < 0.15:
		return schema.NotDone
	case x < 0.30:
		return schema.Postponed
	case x < 0.60:
		return schema.Partly
	}
	return schema.Done
}

// followedUpBy is who followed the action up: the one the plan names, or
// a person of the region.
func (g *gen) followedUpBy(f *file, e *planEntry) string {
	if g.xchance(0.3) {
		return e.FollowUpBy
	}
	return g.xpick(firstNames) + " " + g.xpick(lastNames) + ", " + f.Unit.Region
}
