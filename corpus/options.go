package corpus

import "time"

// DefaultAsOf is the day a generated repository is looked at when
// Options.AsOf is zero: the day of the issue's own example
// (spur followup fixtures --as-of 2026-01-01).
const DefaultAsOf = "2026-01-01"

// Options opts in to what a region's repository holds after some years,
// beyond the single visits of Generate. The zero Options is Generate.
type Options struct {
	// Fixtures are the inspections whose long texts the generator
	// reorders; nil: the module's fixtures/*.yaml, as Generate.
	Fixtures []string

	// Revisits: some units are inspected again. About one inspection in
	// four (while there is an earlier one left to repeat) is the later
	// visit of a unit whose final report of a visit in 2021–2023 came
	// before it in the run, 3 to 6 years after that visit and not after
	// 2026-12-31; each unit is visited at most twice. The later visit is
	// of the same unit (organisation, name, specialty, region, place, and
	// its unit.id where it has one: about three units in ten have one),
	// mostly under the newer catalogue where the earlier one was 2023;
	// each criterion unmet before is met now or still unmet (an action
	// whose latest follow-up says done, or whose due was "genomförd", is
	// more often fixed), and now and then one or two criteria met before
	// are not. Where a unit has no id, the later file may write its name
	// or organisation differently in ways schema.Unit.Identity treats as
	// the same (å/ä/ö decomposed, as from macOS; a doubled space). No two
	// units otherwise share an identity, so every repeat visit
	// schema.PreviousOf finds is one of these.
	Revisits bool

	// FollowUps: the action-plan entries of final reports whose plan came
	// in before AsOf get follow_ups (schema.FollowUp), the first 4 to 9
	// months after the plan's date, each later one 3 to 9 months after the
	// one before, none after AsOf and none after one that says done: most
	// such entries have one, some two or three, some none yet. Their
	// statuses are a mix of done, partly, not_done and postponed (a later
	// follow-up finds done more often), mostly with a Swedish note, and
	// with who followed up (a person of the region, or the plan's
	// follow_up_by). Many due dates have passed by AsOf with no follow-up
	// saying done (overdue). Of all plan entries, preliminary reports'
	// too, about one in eight has a due that names no day: empty, a word for
	// work under way ("pågår", "löpande"), or a text spur cannot read as
	// a date ("när vi hinner"), which spur validate warns of (a warning,
	// never an error). Without Revisits, the inspections are those of the
	// run without FollowUps: the same units, visits and findings.
	FollowUps bool

	// AsOf is the day the repository is looked at: no follow-up is dated
	// after it. Zero: DefaultAsOf.
	AsOf time.Time
}

func (o Options) asOf() time.Time {
	if o.AsOf.IsZero() {
		t, _ := time.Parse(time.DateOnly, DefaultAsOf)
		return t
	}
	return time.Date(o.AsOf.Year(), o.AsOf.Month(), o.AsOf.Day(), 0, 0, 0, 0, time.UTC)
}
