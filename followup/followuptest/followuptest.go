// Package followuptest writes inspections whose action plans have known
// dates and follow-ups, and says, independently of package followup, what
// state each action is in on a day: the expectations of the tests of
// followup, its renderers and spur followup.
//
// The inspections are the fixture with its unit and its action plan
// replaced: each has an entry for each of the fixture's 14 criteria (every
// unmet föreskrift of a final report needs one), with a due date of a
// known kind, a date of follow-up and 0–3 follow-ups. Dates are written
// in the few forms whose meaning the expectations can state without a
// date parser.
package followuptest

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// State names the states as the issue does, apart from package view.
type State string

const (
	Overdue    State = "overdue"
	DueSoon    State = "due soon"
	Open       State = "open"
	NoDate     State = "no date"
	Unreadable State = "unreadable"
	Done       State = "done"
)

// Criteria are the fixture's unmet föreskrifter, each with an entry.
var Criteria = []string{"C1", "D7", "E4", "E5", "E6", "G1", "G2", "H1", "H2", "H4", "H5", "H6", "H7", "H9"}

// Visit and PlanDate are the fixture's.
var (
	Visit    = day(2025, 2, 11)
	PlanDate = day(2025, 5, 20)
)

// DueKind is how an entry's due date is written.
type DueKind int

const (
	DueISO        DueKind = iota // 2025-12-31
	DueCompact                   // 20251231
	DueDoneWord                  // genomförd
	DueEmpty                     // no due key
	DueUnreadable                // a text no reader makes a date of
	DueOngoing                   // pågår
	dueKinds
)

// FollowUpKind is how an entry's date of follow-up is written.
type FollowUpKind int

const (
	FollowUpSixMonths  FollowUpKind = iota // "om sex månader": the plan's date + 6 months
	FollowUpISO                            // a date
	FollowUpEmpty                          // none
	FollowUpUnreadable                     // a text
	followUpKinds
)

// UnreadableText is the due text spur cannot read.
const UnreadableText = "när verksamheten hinner, enligt överenskommelse"

// Record is a follow-up of an entry.
type Record struct {
	Date   time.Time
	Status string // done, partly, not_done, postponed
	Note   string
	By     string
}

// Entry is one action of a plan, as written and as known.
type Entry struct {
	Criterion    string
	Action       string
	Due          DueKind
	DueDate      time.Time // the day of DueISO and DueCompact
	FollowUp     FollowUpKind
	FollowUpDate time.Time // the day of FollowUpSixMonths and FollowUpISO
	Responsible  string
	FollowUpBy   string
	Records      []Record
}

// DueText is the due date as written.
func (e Entry) DueText() string {
	switch e.Due {
	case DueISO:
		return e.DueDate.Format(time.DateOnly)
	case DueCompact:
		return e.DueDate.Format("20060102")
	case DueDoneWord:
		return "genomförd"
	case DueUnreadable:
		return UnreadableText
	case DueOngoing:
		return "pågår"
	}
	return ""
}

// FollowUpText is the date of follow-up as written.
func (e Entry) FollowUpText() string {
	switch e.FollowUp {
	case FollowUpSixMonths:
		return "om sex månader"
	case FollowUpISO:
		return e.FollowUpDate.Format(time.DateOnly)
	case FollowUpUnreadable:
		return "när det passar"
	}
	return ""
}

// Latest is the latest follow-up dated on or before asOf, the last
// written of those on the same day.
func (e Entry) Latest(asOf time.Time) (Record, bool) {
	var (
		best  Record
		found bool
	)
	for _, r := range e.Records {
		if r.Date.After(asOf) {
			continue
		}
		if !found || !r.Date.Before(best.Date) {
			best, found = r, true
		}
	}
	return best, found
}

// State is where the entry stands on asOf with a window of within days:
// done when the latest follow-up says so, or when the plan says
// "genomförd" and no follow-up says anything else; else by the due date.
func (e Entry) State(asOf time.Time, within int) State {
	latest, ok := e.Latest(asOf)
	if ok && latest.Status == "done" {
		return Done
	}
	switch e.Due {
	case DueISO, DueCompact:
		switch {
		case e.DueDate.Before(asOf):
			return Overdue
		case e.DueDate.After(asOf.AddDate(0, 0, within)):
			return Open
		}
		return DueSoon
	case DueDoneWord:
		if ok {
			return NoDate
		}
		return Done
	case DueUnreadable:
		return Unreadable
	}
	return NoDate
}

// Inspection is one written inspection.
type Inspection struct {
	Path                                  string
	Name, Organisation, Region, Specialty string
	ID                                    string
	Entries                               []Entry
}

// Regions, Specialties and Names are what the units are drawn from; ""
// is a unit that gives no region.
var (
	Regions     = []string{"Region Stockholm", "Region Skåne", "Region Örebro län", "Region Östergötland", ""}
	Specialties = []string{"Allmänmedicin", "Psykiatri", "Kirurgi"}
	Names       = []string{"Ängby vårdcentral", "Åsa vårdcentral", "Vårdcentralen Norr", "Kliniken i Zinkensdamm", "Akutmottagningen"}
	People      = []string{"Verksamhetschefen", "verksamhetschefen", "Studierektor", "", "Åsa Öberg"}
	Statuses    = []string{"done", "partly", "not_done", "postponed"}
)

// Write writes n inspections into dir with a seed, with due dates around
// asOf (from 60 days before to 60 after), and returns them. The first
// inspection's entries have the edges of the window of within days: due
// on asOf-1, asOf, asOf+within and asOf+within+1.
func Write(fixture, dir string, n int, seed uint64, asOf time.Time, within int) ([]Inspection, error) {
	src, err := os.ReadFile(fixture)
	if err != nil {
		return nil, err
	}
	head, _, ok := strings.Cut(string(src), "\naction_plan:")
	if !ok {
		return nil, fmt.Errorf("%s has no action_plan", fixture)
	}
	r := rand.New(rand.NewPCG(seed, 14))
	var out []Inspection
	for i := range n {
		in := Inspection{
			Name:         fmt.Sprintf("%s %d", Names[i%len(Names)], i/len(Names)),
			Organisation: fmt.Sprintf("Vårdgivare %d AB", i%3),
			Region:       Regions[i%len(Regions)],
			Specialty:    Specialties[r.IntN(len(Specialties))],
		}
		if i%4 == 3 {
			in.ID = fmt.Sprintf("SE2321000016-%04d", i)
		}
		for j, c := range Criteria {
			e := Entry{Criterion: c, Action: fmt.Sprintf("Åtgärd %d för %s; med \"citat\", komma, semikolon och \\ i texten.", i, c),
				Responsible: People[r.IntN(len(People))], FollowUpBy: People[r.IntN(len(People))]}
			e.Due = DueKind(r.IntN(int(dueKinds)))
			if e.Due == DueISO || e.Due == DueCompact {
				e.DueDate = asOf.AddDate(0, 0, r.IntN(121)-60)
			}
			if i == 0 && j < 4 {
				e.Due = DueISO
				e.DueDate = asOf.AddDate(0, 0, []int{-1, 0, within, within + 1}[j])
			}
			e.FollowUp = FollowUpKind(r.IntN(int(followUpKinds)))
			switch e.FollowUp {
			case FollowUpSixMonths:
				e.FollowUpDate = PlanDate.AddDate(0, 6, 0)
			case FollowUpISO:
				e.FollowUpDate = asOf.AddDate(0, 0, r.IntN(91)-30)
			}
			for k := range r.IntN(4) {
				e.Records = append(e.Records, Record{
					// From the plan's date to a month after asOf: some
					// are not yet known on asOf. Two may share a day.
					Date:   PlanDate.AddDate(0, 0, 20+r.IntN(int(asOf.Sub(PlanDate).Hours()/24)+10)),
					Status: Statuses[r.IntN(len(Statuses))],
					Note:   fmt.Sprintf("Uppföljning %d av %s", k+1, c),
					By:     People[r.IntN(len(People))],
				})
			}
			in.Entries = append(in.Entries, e)
		}
		in.Path = filepath.Join(dir, fmt.Sprintf("%02d", i%7), fmt.Sprintf("inspektion-%03d.yaml", i))
		if err := os.MkdirAll(filepath.Dir(in.Path), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(in.Path, []byte(in.yaml(head)), 0o644); err != nil {
			return nil, err
		}
		out = append(out, in)
	}
	return out, nil
}

// yaml is the fixture's head with the unit replaced, and the plan.
func (in Inspection) yaml(head string) string {
	unit := fmt.Sprintf("unit:\n  name: %s\n  organisation: %s\n  specialty: %s\n  region: %s\n", q(in.Name), q(in.Organisation), q(in.Specialty), q(in.Region))
	if in.ID != "" {
		unit += "  id: " + q(in.ID) + "\n"
	}
	start := strings.Index(head, "\nunit:\n") + 1
	end := strings.Index(head, "\nvisit:") + 1
	var b strings.Builder
	b.WriteString(head[:start] + unit + head[end:])
	b.WriteString("\naction_plan:\n  date: " + PlanDate.Format(time.DateOnly) + "\n  entries:\n")
	for _, e := range in.Entries {
		fmt.Fprintf(&b, "    - criterion: %s\n      action: %s\n", e.Criterion, q(e.Action))
		if t := e.DueText(); t != "" {
			fmt.Fprintf(&b, "      due: %s\n", q(t))
		}
		fmt.Fprintf(&b, "      responsible: %s\n", q(e.Responsible))
		if t := e.FollowUpText(); t != "" {
			fmt.Fprintf(&b, "      follow_up: %s\n", q(t))
		}
		fmt.Fprintf(&b, "      follow_up_by: %s\n", q(e.FollowUpBy))
		if len(e.Records) > 0 {
			b.WriteString("      follow_ups:\n")
			for _, r := range e.Records {
				fmt.Fprintf(&b, "        - date: %s\n          status: %s\n          note: %s\n          by: %s\n",
					r.Date.Format(time.DateOnly), r.Status, q(r.Note), q(r.By))
			}
		}
	}
	return b.String()
}

// q quotes s as a YAML double-quoted scalar.
func q(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
