package followup

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"

	"spur/followup/view"
	"spur/report"
	"spur/report/compose"
	"spur/report/overview"
	"spur/schema"
)

// DefaultWithin is the window of "due soon" in days when none is given.
const DefaultWithin = 30

// Options say which actions the list holds and as of which day.
type Options struct {
	// AsOf is the day the states are as of; its time of day is ignored.
	AsOf time.Time
	// Within is the window of view.DueSoon in days, 0 or more: an action
	// due on AsOf+Within is due soon, one due a day later is open.
	Within int
	// Region and Specialty choose the inspections of any of these
	// regions and specialties (case-insensitive, as overview.Filter);
	// empty chooses all.
	Region, Specialty []string
	// Failed names the inspection files that could not be read; the list
	// says that it lacks them.
	Failed []string
	// VisitInterval is the years from a unit's last visit to its next
	// (visits.go); 0 or less means overview.DefaultVisitInterval, as in
	// the overview.
	VisitInterval int
}

// Duplicate is an inspection left out of the list because one given
// before it is of the same unit and visit: the two would give the same
// calendar events (the same UIDs), and one of them is a copy or a slip.
type Duplicate struct {
	File, Same string
}

func (d Duplicate) Error() string {
	return fmt.Sprintf("%s: the same unit and visit as %s; left out of the follow-up (correct the unit, its id or the visit date, or remove the copy)", d.File, d.Same)
}

// Build makes the follow-up list of inspections loaded and validated with
// schema.Load (or input.File): every action of every action plan chosen
// by opt, with its state as of opt.AsOf, and the units whose next visit
// (opt.VisitInterval years after their last) falls before opt.AsOf or
// within opt.Within days after it (visits.go). Inspections without an
// action plan have no actions and are not listed, but they are visits of
// their units. The same inspections in the same order give the same
// list; the order of the list is its own (region, unit, responsible,
// state), not the order given, except that of two inspections of the
// same unit and visit the first is kept.
//
// The list knows what existed on opt.AsOf: an inspection visited after
// the day is left out (it is no visit of its unit yet), and so are the
// actions of a plan dated after it (its visit still counts), as a
// follow-up dated after the day is; the list counts them
// (view.List.LaterVisits, LaterPlans) and says so.
func Build(insps []*schema.Inspection, opt Options) (*view.List, []Duplicate) {
	l := view.Swedish()
	asOf := day(opt.AsOf)
	within := max(opt.Within, 0)
	out := &view.List{L: l, Date: asOf, AsOf: asOf.Format(time.DateOnly), Within: within, Failed: slices.Clone(opt.Failed)}
	for i, s := range l.States {
		if view.State(i) == view.DueSoon {
			s = fmt.Sprintf(s, within)
		}
		out.StateNames[i] = s
	}
	out.Intro = l.Intro(out.AsOf, within)
	out.Filter = filterText(l, opt)

	b := builder{list: out, asOf: asOf, soon: asOf.AddDate(0, 0, within), coll: collate.New(language.Swedish)}
	seen := map[string]string{}
	var dups []Duplicate
	var units []unitAt
	var chosen []*schema.Inspection
	filter := opt.filter()
	for _, insp := range insps {
		if insp == nil || !filter.Chooses(insp.Unit.Specialty, insp.Unit.Region) {
			continue
		}
		key := insp.Unit.Identity() + "\x00" + insp.Visit.String()
		first, dup := seen[key]
		if dup {
			dups = append(dups, Duplicate{File: insp.File, Same: first})
		} else {
			seen[key] = insp.File
		}
		// What came after the day did not exist on it: a visit after it
		// is no visit yet, and a plan dated after it has no actions yet.
		if day(insp.Visit.Time()).After(asOf) {
			if !dup {
				out.LaterVisits++
			}
			continue
		}
		chosen = append(chosen, insp)
		switch {
		case dup, insp.ActionPlan == nil:
		case day(planDate(insp)).After(asOf):
			out.LaterPlans++
		default:
			units = append(units, b.unit(insp))
		}
	}
	b.arrange(units)
	years := opt.VisitInterval
	if years <= 0 {
		years = overview.DefaultVisitInterval
	}
	b.visits(chosen, years)
	out.Count = l.Counted(out.Total.Total(), len(units)) + ". " +
		l.VisitsCounted(out.VisitCounts[view.VisitDue], out.VisitCounts[view.VisitSoon], within)
	if out.LaterVisits+out.LaterPlans > 0 {
		out.Count += " " + l.Later(out.AsOf, out.LaterVisits, out.LaterPlans)
	}
	return out, dups
}

// filter is opt's choice of regions and specialties as the overview
// chooses them.
func (opt Options) filter() overview.Filter {
	return overview.Filter{Specialty: opt.Specialty, Region: opt.Region}
}

// planDate is the day an inspection's action plan came in: its date, else
// the visit's (schema.ActionPlan.Date).
func planDate(insp *schema.Inspection) time.Time {
	if t := insp.ActionPlan.Date.Time(); !t.IsZero() {
		return t
	}
	return insp.Visit.Time()
}

// Slim returns a copy of insp that holds only what Build reads of it: the
// unit, the visit, the action plan, the catalogue and the file's name. A
// caller that loads many inspections keeps these, so that the areas'
// narratives of a whole repository are not held at once.
func Slim(insp *schema.Inspection) *schema.Inspection {
	if insp == nil {
		return nil
	}
	return &schema.Inspection{Catalog: insp.Catalog, Status: insp.Status, Unit: insp.Unit, Visit: insp.Visit,
		ActionPlan: insp.ActionPlan, File: insp.File, Cat: insp.Cat}
}

type builder struct {
	list       *view.List
	asOf, soon time.Time
	coll       *collate.Collator
}

// unitAt is a unit with what it is sorted by.
type unitAt struct {
	view.Unit
	region string // as written, one line; "" when none
	key    string // schema.Unit.Identity
}

func (b *builder) unit(insp *schema.Inspection) unitAt {
	l := b.list.L
	u := unitAt{region: line(insp.Unit.Region), key: insp.Unit.Identity()}
	u.Name, u.Organisation, u.Specialty, u.ID = line(insp.Unit.Name), line(insp.Unit.Organisation), line(insp.Unit.Specialty), line(insp.Unit.ID)
	u.Visit, u.File = insp.Visit.String(), insp.File
	u.PlanDate = insp.ActionPlan.Date.String()
	if u.PlanDate == "" {
		u.PlanDate = u.Visit
	}
	u.Heading = report.Dash(u.Name) + ", " + strings.ToLower(l.Visit) + " " + u.Visit
	groups := map[string]*view.Group{}
	var keys []string
	for _, e := range insp.ActionPlan.Entries {
		a := b.action(insp, e)
		u.Counts[a.State]++
		k := fold(a.Responsible)
		g, ok := groups[k]
		if !ok {
			g = &view.Group{Responsible: a.Responsible}
			groups[k] = g
			keys = append(keys, k)
		}
		// Of the ways one person is written, the group shows the same one
		// whatever the order of the entries.
		if a.Responsible < g.Responsible {
			g.Responsible = a.Responsible
		}
		g.Actions = append(g.Actions, a)
	}
	for _, k := range keys {
		g := groups[k]
		slices.SortStableFunc(g.Actions, func(x, y view.Action) int {
			return cmp.Or(cmp.Compare(x.State, y.State), compareDay(x.DueDate, y.DueDate), compareCriteria(x.Criterion, y.Criterion))
		})
		u.Groups = append(u.Groups, *g)
	}
	slices.SortFunc(u.Groups, func(x, y view.Group) int {
		return cmp.Or(b.compareNames(x.Responsible, y.Responsible), cmp.Compare(x.Responsible, y.Responsible))
	})
	for i := range u.Groups {
		if u.Groups[i].Responsible == "" {
			u.Groups[i].Responsible = l.NoResponsible
		}
	}
	return u
}

func (b *builder) action(insp *schema.Inspection, e schema.PlanEntry) view.Action {
	a := view.Action{
		Criterion:  line(e.Criterion),
		ActionText: strings.TrimSpace(report.Visible(e.Action)),
		Action:     compose.Text(e.Action),
		Due:        written(e.Due), DueRead: reading(e.Due), DueDate: dated(e.Due),
		FollowUp: written(e.FollowUp), FollowUpRead: reading(e.FollowUp), FollowUpDate: dated(e.FollowUp),
		Responsible: line(e.Responsible), FollowUpBy: line(e.FollowUpBy),
	}
	a.DueShown, a.FollowUpShown = b.shown(a.Due, a.DueRead), b.shown(a.FollowUp, a.FollowUpRead)
	if insp.Cat != nil {
		if cr, ca, ok := insp.Cat.Criterion(e.Criterion); ok {
			a.Area, a.CriterionText = ca.Letter+". "+ca.Title, cr.Text
		}
	}
	latest, ok := latestAsOf(e, b.asOf)
	if ok {
		a.Latest = &view.Record{Date: latest.Date.String(), Status: string(latest.Status), Word: latest.Status.Swedish(),
			Note: strings.TrimSpace(report.Visible(latest.Note)), By: line(latest.By)}
		a.Latest.Line = recordLine(a.Latest)
	}
	a.State = b.state(e)
	a.StateName = b.list.StateNames[a.State]
	a.Status = a.StateName
	if a.Latest != nil && a.Latest.Word != "" && a.Latest.Status != string(schema.Done) {
		a.Status += "; " + b.list.L.LatestLine(a.Latest.Date, a.Latest.Word)
	}
	return a
}

// state is where an action stands on the list's day. Done and overdue are
// the overview's (overview.Action.State): a follow-up is the latest word
// on an action, so one that says anything but done (partly, not done,
// postponed) outweighs a "genomförd" the unit wrote as the plan's date,
// which is older. Of the rest, an action with a day is due soon or open;
// one whose plan gives a word (a "genomförd" so outweighed, or "pågår")
// or nothing has no date; one whose date spur cannot read is unreadable.
func (b *builder) state(e schema.PlanEntry) view.State {
	switch compose.Action(e).State(b.asOf) {
	case overview.ActionDone:
		return view.Done
	case overview.ActionOverdue:
		return view.Overdue
	}
	switch e.Due.Parsed.Kind {
	case schema.DateExact, schema.DateRel, schema.DatePeriod:
		if !e.Due.Parsed.Date.After(b.soon) {
			return view.DueSoon
		}
		return view.Open
	case schema.DateDone, schema.DateOngoing:
		return view.NoDate
	}
	if strings.TrimSpace(e.Due.Text) == "" {
		return view.NoDate
	}
	return view.Unreadable
}

// latestAsOf is the latest follow-up of e (schema.PlanEntry.Latest) of
// those dated on or before day: a later one was not known on the day.
func latestAsOf(e schema.PlanEntry, day time.Time) (schema.FollowUp, bool) {
	known := schema.PlanEntry{FollowUps: make([]schema.FollowUp, 0, len(e.FollowUps))}
	for _, f := range e.FollowUps {
		if !f.Date.Time().After(day) {
			known.FollowUps = append(known.FollowUps, f)
		}
	}
	return known.Latest()
}

// arrange sorts the units into regions and counts them.
func (b *builder) arrange(units []unitAt) {
	slices.SortFunc(units, func(x, y unitAt) int {
		return cmp.Or(b.compareNames(x.region, y.region), cmp.Compare(x.region, y.region),
			b.compareNames(x.Name, y.Name), cmp.Compare(x.Name, y.Name),
			b.compareNames(x.Organisation, y.Organisation), cmp.Compare(x.Organisation, y.Organisation),
			cmp.Compare(x.Visit, y.Visit), cmp.Compare(x.key, y.key), cmp.Compare(x.File, y.File))
	})
	l := b.list
	for _, u := range units {
		n := len(l.Regions)
		if n == 0 || l.Regions[n-1].Name != u.region {
			l.Regions = append(l.Regions, view.Region{Name: u.region})
			n++
		}
		r := &l.Regions[n-1]
		r.Units = append(r.Units, u.Unit)
		r.Counts.Add(u.Counts)
		l.Total.Add(u.Counts)
		for _, g := range u.Groups {
			for _, a := range g.Actions {
				l.Events = append(l.Events, b.events(u, a)...)
			}
		}
	}
	for i := range l.Regions {
		if l.Regions[i].Name == "" {
			l.Regions[i].Name = l.L.NoRegion
		}
	}
}

// events are the calendar's events of an action: one for each of its
// dates that can be read.
func (b *builder) events(u unitAt, a view.Action) []view.Event {
	l := b.list.L
	desc := b.description(u, a)
	var out []view.Event
	for _, f := range []struct {
		field, summary string
		date           time.Time
	}{
		{"due", l.EventDue, a.DueDate},
		{"follow_up", l.EventFollowUp, a.FollowUpDate},
	} {
		if f.date.IsZero() {
			continue
		}
		out = append(out, view.Event{
			UID:         uid(u.key, u.Visit, a.Criterion, f.field),
			Date:        f.date,
			Field:       f.field,
			Summary:     fmt.Sprintf(f.summary, a.Criterion) + " – " + report.Dash(u.Name),
			Description: desc,
			Categories:  []string{"SPUR", a.StateName},
		})
	}
	return out
}

// description is what an event says of its action, a field a line.
func (b *builder) description(u unitAt, a view.Action) string {
	l := b.list.L
	var lines []string
	add := func(label, value string) {
		if strings.TrimSpace(value) != "" {
			lines = append(lines, label+": "+value)
		}
	}
	unit := u.Name
	if u.Organisation != "" {
		unit += " (" + u.Organisation + ")"
	}
	add(l.Unit, unit)
	add(l.Region, u.region)
	add(l.Specialty, u.Specialty)
	add(l.Visit, u.Visit)
	crit := a.Criterion
	if a.CriterionText != "" {
		crit += " – " + a.CriterionText
	}
	add(l.Criterion, crit)
	add(l.Action, a.ActionText)
	add(l.Due, a.DueShown)
	add(l.Responsible, a.Responsible)
	add(l.FollowUp, a.FollowUpShown)
	add(l.FollowUpBy, a.FollowUpBy)
	add(l.State+" per "+b.list.AsOf, a.Status)
	if a.Latest != nil {
		add(l.Latest, a.Latest.Line)
	}
	return strings.Join(lines, "\n")
}

// shown is a date field as written with spur's reading beside it.
func (b *builder) shown(text, read string) string {
	if read == "" {
		return text
	}
	return text + " (" + b.list.L.Reading + " " + read + ")"
}

// recordLine is a follow-up on one line: "2025-11-02, delvis genomförd,
// Anna Berg: the note", its note's lines joined.
func recordLine(r *view.Record) string {
	var parts []string
	for _, s := range []string{r.Date, r.Word, r.By} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	s := strings.Join(parts, ", ")
	if note := line(r.Note); note != "" {
		if s != "" {
			s += ": "
		}
		s += note
	}
	return s
}

// uid is the calendar identity of one date field of one action: the same
// for the same unit, visit, criterion and field in every run.
func uid(unit, visit, criterion, field string) string {
	sum := sha256.Sum256([]byte("spur followup\x00" + unit + "\x00" + visit + "\x00" + criterion + "\x00" + field))
	return hex.EncodeToString(sum[:16]) + "@spur"
}

// fold is s as names are compared: visible, NFC, lower case, single spaces.
func fold(s string) string {
	return strings.ToLower(norm.NFC.String(line(s)))
}

// line is a short text a person wrote on one line, as shown: visible,
// with its runs of spaces and line ends one space.
func line(s string) string {
	return strings.Join(strings.Fields(report.Visible(s)), " ")
}

// written is a date field as the unit wrote it, or the date a file states
// by hand when there is no text.
func written(t schema.DateText) string {
	if s := line(t.Text); s != "" {
		return s
	}
	return t.Given.String()
}

// reading is spur's reading of a date field where it says more than the
// text ("2025-12-31" beside "20251231"), as in the report.
func reading(t schema.DateText) string {
	s := t.Parsed.String()
	if s == "" || s == written(t) {
		return ""
	}
	return s
}

// dated is the day a date field denotes, zero when it denotes none.
func dated(t schema.DateText) time.Time {
	switch t.Parsed.Kind {
	case schema.DateExact, schema.DateRel, schema.DatePeriod:
		return day(t.Parsed.Date)
	}
	return time.Time{}
}

func day(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// compareDay orders days, the zero day last.
func compareDay(x, y time.Time) int {
	switch {
	case x.Equal(y):
		return 0
	case x.IsZero():
		return 1
	case y.IsZero():
		return -1
	}
	return x.Compare(y)
}

// compareCriteria orders criterion ids as the catalogue does: by area,
// then by number (E4 before E10).
func compareCriteria(x, y string) int {
	split := func(id string) (string, int, bool) {
		if len(id) < 2 {
			return id, 0, false
		}
		n, err := strconv.Atoi(id[1:])
		return id[:1], n, err == nil
	}
	xa, xn, xok := split(x)
	ya, yn, yok := split(y)
	if xok && yok {
		return cmp.Or(cmp.Compare(xa, ya), cmp.Compare(xn, yn))
	}
	return cmp.Compare(x, y)
}

// compareNames orders names as Swedish does (å, ä, ö after z), the empty
// name, which stands for none, last.
func (b *builder) compareNames(x, y string) int {
	switch {
	case x == y:
		return 0
	case x == "":
		return 1
	case y == "":
		return -1
	}
	return b.coll.CompareString(x, y)
}

// filterText is the selection in words: "Region: Region Skåne; Specialitet: Allmänmedicin".
func filterText(l view.Labels, opt Options) string {
	var parts []string
	for _, f := range []struct {
		label string
		list  []string
	}{{l.Region, opt.Region}, {l.Specialty, opt.Specialty}} {
		var vs []string
		for _, v := range f.list {
			if v = line(v); v != "" {
				vs = append(vs, v)
			}
		}
		if len(vs) > 0 {
			parts = append(parts, f.label+": "+strings.Join(vs, ", "))
		}
	}
	return strings.Join(parts, "; ")
}
