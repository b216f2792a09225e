package overview

import "time"

// Action is an entry of an inspection's action plan, as the overview
// counts it: when it is due and whether it is done.
type Action struct {
	// Due is the day the plan gives for the action, as spur reads its text
	// ("20251231", "hösten 2025", "om sex månader"); zero when it gives
	// none, a word ("pågår") or a text spur cannot read.
	Due time.Time
	// Done is set when the plan gives a status word for its date
	// ("genomförd", "klart").
	Done bool
	// FollowUps are the action's follow-ups, in the order written.
	FollowUps []FollowUp
}

// FollowUp is a follow-up of an action: its day, and whether it found the
// action done.
type FollowUp struct {
	Date time.Time
	Done bool
}

// ActionState is where an action stands on a day.
type ActionState int

const (
	ActionDone    ActionState = iota // its latest follow-up says it is done, or (with none) the plan does
	ActionOverdue                    // its day has passed and it is not done
	ActionOpen                       // neither: its day is to come, or the plan gives none
)

// State is where a stands on the day asOf (its time of day ignored). The
// latest follow-up on or before asOf (the last written of those on one
// day, as schema.PlanEntry.Latest takes it) is the latest word: done when
// it found the action done, not done when it found anything else, even
// where the plan says "genomförd" (the unit's older word); with no
// follow-up, done when the plan says "genomförd". An action not done is
// overdue when its day is before asOf, else open. A follow-up after asOf
// is not known yet on asOf. spur followup states an action by this method
// (through compose.Action; its due soon, no date and unreadable are open
// here), but it leaves out the visits and the plans after its day
// (--as-of), where the overview counts every inspection of the build: on
// the inspections up to the day the two agree, and followup's
// TestFollowupAgreesWithOverview holds them to it.
func (a Action) State(asOf time.Time) ActionState {
	asOf = day(asOf)
	var latest *FollowUp
	for i := range a.FollowUps {
		f := &a.FollowUps[i]
		if f.Date.After(asOf) {
			continue
		}
		if latest == nil || !f.Date.Before(latest.Date) {
			latest = f
		}
	}
	done := a.Done
	if latest != nil {
		done = latest.Done
	}
	switch {
	case done:
		return ActionDone
	case !a.Due.IsZero() && a.Due.Before(asOf):
		return ActionOverdue
	}
	return ActionOpen
}
