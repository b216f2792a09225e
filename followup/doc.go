// Package followup is the follow-up of action plans across a repository
// (spur followup): every action of every inspection with where it stands
// on a given day, for a region's coordinator.
//
// # What it owns
//
// The states of an action as of a day D (spur-model.md: Who does what,
// step 4; issue 14):
//
//   - done: the latest follow-up on or before D says done, or the plan's
//     date is a word for done ("genomförd") and no later follow-up says
//     otherwise;
//   - overdue: the plan's date can be read and is before D, and the action
//     is not done;
//   - due soon: the date is D or at most Options.Within days after it;
//   - open: a later date;
//   - no date: the plan gives none, or a word such as "pågår";
//   - unreadable: the plan gives a text spur cannot read as a date, kept
//     as written.
//
// A follow-up that says partly, not done or postponed leaves the state to
// the plan's date and is shown beside it. The list knows what existed on
// D: an inspection visited after D is left out altogether, and so are the
// actions of a plan dated after D (the visit still counts for the next
// one), as are follow-ups dated after D; the count's line says how many
// were left out. The list is grouped by region,
// then unit (one inspection: the unit and its visit), then who is
// responsible, and counted per state in each region; the order is fixed
// (Swedish order of names, the empty name last; within a responsible the
// most urgent state first, then the date, then the catalogue's order of
// criteria). The calendar's events (one per due date and per date of
// follow-up that can be read) get a UID from the unit's identity
// (schema.Unit.Identity: its id, else organisation and name), the visit,
// the criterion and the field, so that a subscribed calendar updates them
// instead of adding new ones.
//
// The units due for their next visit (visits.go), by the overview's rule
// (report/overview): a unit's last visit is the latest of its inspections
// chosen on or before D, with a plan or without; its next is
// Options.VisitInterval years later; it is due when that day falls before
// D, and due soon when on D or at most Options.Within days after. The
// calendar has an event on each chosen unit's next visit, listed or later,
// whose UID is the unit's identity's, so that a new visit moves it.
//
// The states of the actions and the visits due follow the overview's
// rules, but the list leaves out the visits and plans after D, where the
// overview counts every inspection of the build. On the inspections up to
// D the two agree: TestFollowupAgreesWithOverview and
// TestVisitsAgreeWithOverview hold them to it.
//
// CheckFilters (filter.go) names each region or specialty asked for that
// no inspection has, with those there and the one likely meant, so that
// a slip ("Region Skane") is not an empty list and no word of why.
//
// # What it must not do
//
// It is pure: inspections in, a view.List out. It opens no files and
// reads no clock (the day is Options.AsOf); it writes nothing. The list
// is in package view, which knows nothing of schema, so that the
// renderers do not either.
//
//	l, dups := followup.Build(insps, followup.Options{AsOf: day, Within: 30, VisitInterval: 5})
//	err := markdown.Followup(w, l)
package followup
