package view

import (
	"time"

	"spur/report"
)

// State is where an action stands on the day of the list. The order is
// the list's: most urgent first.
type State int

const (
	Overdue    State = iota // its date has passed and it is not done
	DueSoon                 // its date falls within the window (List.Within days)
	Open                    // its date is later
	NoDate                  // the plan gives no date (or a word such as "pågår")
	Unreadable              // the plan gives a date spur cannot read; kept as written
	Done                    // done: a follow-up says so, or the plan says "genomförd"
)

// States is every state in the order of the list and of the counts.
var States = [...]State{Overdue, DueSoon, Open, NoDate, Unreadable, Done}

// Counts is a number of actions per state, indexed by State.
type Counts [len(States)]int

// Total is the number of actions counted.
func (c Counts) Total() int {
	n := 0
	for _, x := range c {
		n += x
	}
	return n
}

// Add counts the actions of o too.
func (c *Counts) Add(o Counts) {
	for i, x := range o {
		c[i] += x
	}
}

// List is the follow-up list, ready to lay out.
type List struct {
	L Labels
	// Date is the day the states are as of (UTC midnight): the document's
	// date, and the calendar's DTSTAMP.
	Date   time.Time
	AsOf   string // Date as YYYY-MM-DD
	Within int    // days of the window of DueSoon
	// StateNames are the words of each state, "Inom 30 dagar" with the
	// window filled in, indexed by State.
	StateNames [len(States)]string
	Intro      string // what the list is, in a sentence or two
	Count      string // "14 åtgärder i 1 handlingsplan. Nästa granskning: försenad för 1 verksamhet, inom 30 dagar för ingen verksamhet."
	Filter     string // the selection in words, "" when every inspection is shown
	Total      Counts
	Regions    []Region
	// Failed names the inspection files that could not be read, which
	// the list therefore lacks; the documents say so.
	Failed []string
	// LaterVisits counts the inspections of the selection visited after
	// the list's day, and LaterPlans the action plans dated after it (of
	// visits on or before it): they did not exist on the day, and the
	// list leaves them out. Count says so when there are any.
	LaterVisits, LaterPlans int
	// Interval is the years from a unit's last visit to its next.
	Interval int
	// Visits are the units whose next visit falls before the list's day
	// (VisitDue) or at most Within days after it (VisitSoon), by the day of the
	// next visit, then region and unit (visits.go in package followup).
	// VisitsNote says which units they are, NoVisits that there is none.
	Visits               []Visit
	VisitsNote, NoVisits string
	// VisitCounts is the number of Visits per VisitState.
	VisitCounts [len(VisitStates)]int
	// VisitStateNames are the words of each VisitState, the window filled
	// in: "Försenad", "Inom 30 dagar".
	VisitStateNames [len(VisitStates)]string
	// Events are the calendar's: one per date of an action that can be
	// read (its due date and its date of follow-up), in list order, then
	// one per unit of the selection on the day of its next visit, in the
	// order of those days.
	Events []Event
}

// VisitState is where a unit's next visit stands on the list's day.
type VisitState int

const (
	VisitDue  VisitState = iota // the next visit falls before the list's day
	VisitSoon                   // on the day or at most List.Within days after it
)

// VisitStates is every state of a visit, in the order of the counts.
var VisitStates = [...]VisitState{VisitDue, VisitSoon}

// Visit is a unit whose next visit is due: its last visit (the latest of
// its inspections chosen, whether or not with an action plan) and the day
// of its next, List.Interval years later.
type Visit struct {
	Region                            string // as written; Labels.NoRegion when none
	Name, Organisation, Specialty, ID string // as of the last visit
	Last, Next                        string // YYYY-MM-DD
	NextDate                          time.Time
	State                             VisitState
	StateName                         string // List.VisitStateNames[State]
	File                              string // the last visit's inspection file
}

// Actions is the number of actions in the list.
func (l *List) Actions() int { return l.Total.Total() }

// Region is the units of one region.
type Region struct {
	Name   string // as written; Labels.NoRegion when the inspections give none
	Counts Counts
	Units  []Unit
}

// Unit is one inspection of a unit: its action plan's actions, grouped by
// who is responsible for them.
type Unit struct {
	Name, Organisation, Specialty, ID string
	Visit                             string // YYYY-MM-DD
	PlanDate                          string // the plan's date, YYYY-MM-DD
	Heading                           string // "Almaklinikens vårdcentral, besök 2025-02-11"
	File                              string // the inspection file, as found
	Counts                            Counts
	Groups                            []Group
}

// Group is the actions of one responsible.
type Group struct {
	Responsible string // as written (one line); Labels.NoResponsible when not given
	Actions     []Action
}

// Action is one entry of an action plan with its state.
type Action struct {
	Criterion     string // "C1"
	Area          string // "C. Lokaler och utrustning"; "" for a criterion not in the catalogue
	CriterionText string
	Action        report.Text // as the unit wrote it, parsed
	ActionText    string      // as the unit wrote it, the Markdown source
	// Due and FollowUp are the plan's dates as written (one line); DueRead
	// and FollowUpRead spur's reading where it says more ("2025-12-31"
	// beside "20251231"); DueDate and FollowUpDate the day read, zero when
	// none can be.
	Due, DueRead           string
	DueDate                time.Time
	FollowUp, FollowUpRead string
	FollowUpDate           time.Time
	// DueShown and FollowUpShown are the dates as every format prints
	// them: the text with the reading beside it, "20251231 (tolkat som 2025-12-31)".
	DueShown, FollowUpShown string
	Responsible             string // as written; "" when not given
	FollowUpBy              string
	State                   State
	StateName               string // List.StateNames[State]
	// Latest is the latest follow-up on or before the list's day, nil when
	// there is none; Status is the state with it in words, e.g.
	// "Försenad; senast uppföljd 2025-11-02: delvis genomförd".
	Latest *Record
	Status string
}

// Record is a follow-up of an action.
type Record struct {
	Date   string // YYYY-MM-DD; "" when not given
	Status string // the key: done, partly, not_done, postponed, or ""
	Word   string // the status in words: "delvis genomförd"
	Note   string
	By     string
	// Line is the follow-up as printed on one line:
	// "2025-11-02, delvis genomförd, Anna Berg: the note".
	Line string
}

// Event is one all-day event of the calendar.
type Event struct {
	// UID is the same for the same action and field in every run, so that
	// a calendar subscribed to the file updates the event instead of
	// adding another.
	UID         string
	Date        time.Time // the day (UTC midnight)
	Field       string    // "due", "follow_up" or "next_visit"
	Summary     string
	Description string // plain text, lines separated by "\n"
	Categories  []string
}
