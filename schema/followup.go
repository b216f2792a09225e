package schema

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// Follow-up of the action plan (issue 14): a region checks on each action,
// often about six months after the plan, and writes down what it found.
// Each check is a FollowUp of the plan entry, dated; the latest is the
// action's state.

// FollowUpStatus is what a follow-up found of an action.
type FollowUpStatus string

const (
	NoStatus  FollowUpStatus = ""
	Done      FollowUpStatus = "done"
	Partly    FollowUpStatus = "partly"
	NotDone   FollowUpStatus = "not_done"
	Postponed FollowUpStatus = "postponed"
)

// followUpStatuses are the statuses in the order they are offered.
var followUpStatuses = []FollowUpStatus{Done, Partly, NotDone, Postponed}

// Swedish returns the status as the report and the follow-up workbook
// write it: "genomförd", "delvis genomförd", "ej genomförd", "uppskjuten";
// "" for no status or an unknown one.
func (s FollowUpStatus) Swedish() string {
	switch s {
	case Done:
		return "genomförd"
	case Partly:
		return "delvis genomförd"
	case NotDone:
		return "ej genomförd"
	case Postponed:
		return "uppskjuten"
	}
	return ""
}

// followUpMeaning says what each status means, for an editor to show
// beside it (jsonschema.go).
var followUpMeaning = map[FollowUpStatus]string{
	Done:      "the action is carried out.",
	Partly:    "part of the action is carried out, or it is under way.",
	NotDone:   "the action is not carried out.",
	Postponed: "the action is put off to a later date.",
}

// Valid reports whether s is one of the four statuses.
func (s FollowUpStatus) Valid() bool { return s.Swedish() != "" }

// ReadFollowUpStatus reads a status as a person may write it in a
// workbook's cell: the English value, or a Swedish word for it
// ("genomförd", "Delvis genomförd", "pågår", "uppskjuten"), in any case
// and spacing. ok is false when the word is none of them.
func ReadFollowUpStatus(s string) (FollowUpStatus, bool) {
	f := fold(s)
	if f == "" {
		return NoStatus, false
	}
	for _, v := range followUpStatuses {
		if f == fold(string(v)) || f == fold(v.Swedish()) {
			return v, true
		}
	}
	if v, ok := followUpEnum.swedish[f]; ok {
		return FollowUpStatus(v), true
	}
	if v, ok := followUpEnum.english[f]; ok {
		return FollowUpStatus(v), true
	}
	return NoStatus, false
}

// followUpEnum is the status words. The Swedish ones are those of the
// follow-up workbook's drop-down and the words of a plan's status
// (plandate_words.go), negated where that is what they say.
var followUpEnum = enum{
	values: []string{string(Done), string(Partly), string(NotDone), string(Postponed)},
	swedish: foldKeys(map[string][]string{
		"done": {"genomförd", "genomfört", "genomförda", "klar", "klart", "avklarad", "avklarat", "gjord", "gjort",
			"åtgärdad", "åtgärdat", "utförd", "utfört", "färdig", "färdigt", "avslutad", "avslutat", "införd", "infört",
			"implementerad", "implementerat", "helt genomförd", "helt genomfört"},
		"partly": {"delvis", "delvis genomförd", "delvis genomfört", "delvis klar", "delvis klart", "delvis utförd", "delvis utfört",
			"delvis åtgärdad", "delvis åtgärdat", "pågår", "pågående", "påbörjad", "påbörjat", "under arbete", "arbete pågår", "arbetet pågår"},
		"not_done": {"ej genomförd", "ej genomfört", "inte genomförd", "inte genomfört", "ej klar", "ej klart", "inte klar", "inte klart",
			"ej utförd", "ej utfört", "inte utförd", "inte utfört", "ej åtgärdad", "ej åtgärdat", "inte åtgärdad", "inte åtgärdat",
			"ej påbörjad", "ej påbörjat", "inte påbörjad", "inte påbörjat", "ej gjord", "ej gjort", "inte gjord", "inte gjort", "ogjord", "ogjort"},
		"postponed": {"uppskjuten", "uppskjutet", "uppskjuten till senare", "senarelagd", "senarelagt", "framskjuten", "framskjutet",
			"framflyttad", "framflyttat", "flyttad", "flyttat", "omplanerad", "omplanerat"},
	}),
	english: foldKeys(map[string][]string{
		"done":      {"complete", "completed", "finished", "closed", "fixed", "resolved"},
		"partly":    {"partial", "partially", "partially_done", "partly_done", "in_progress", "ongoing", "started"},
		"not_done":  {"undone", "not_started", "open", "incomplete"},
		"postponed": {"postpone", "deferred", "delayed", "rescheduled", "moved"},
	}),
}

// foldKeys turns value → words into folded word → value.
func foldKeys(m map[string][]string) map[string]string {
	out := map[string]string{}
	for v, words := range m {
		for _, w := range words {
			out[fold(w)] = v
		}
	}
	return out
}

func (s *FollowUpStatus) decodeNode(d *decoder, n *yaml.Node, path string) {
	v, _ := followUpEnum.read(d, n, "status")
	*s = FollowUpStatus(v)
}

// Latest returns the entry's follow-up with the latest date (the last
// written among equal dates); ok is false when it has none.
func (e PlanEntry) Latest() (f FollowUp, ok bool) {
	for i, x := range e.FollowUps {
		if i == 0 || !x.Date.Time().Before(f.Date.Time()) {
			f = x
		}
	}
	return f, len(e.FollowUps) > 0
}

// validateFollowUps checks the follow-ups of the plan entry at path. visit
// and planDate are the inspection's dates (either may be zero). What the
// entry's own criterion allows (an entry for a criterion that is met is an
// error) is the entry's rule, reported once for it and not per follow-up.
func validateFollowUps(insp *Inspection, e *PlanEntry, path string, visit, planDate Date, diags *Diagnostics) {
	of := ""
	if e.Criterion != "" {
		of = " of " + Clip(e.Criterion)
	}
	for k := range e.FollowUps {
		f := &e.FollowUps[k]
		fpath := fmt.Sprintf("%s.follow_ups[%d]", path, k)
		dpath := fpath + ".date"
		if f.Status != NoStatus && !f.Status.Valid() { // set by another decoder than YAML's
			diags.Errorf(insp.Pos(fpath+".status"), "status %q is not one of %s", Clip(string(f.Status)), strings.Join(followUpEnum.values, ", "))
		}
		if f.Date.IsZero() {
			if _, given := insp.pos[dpath]; given && !reported(*diags, insp.Pos(dpath)) {
				diags.Errorf(insp.Pos(dpath), "the follow-up%s has no date; write the day it was made, YYYY-MM-DD", of)
			}
			continue
		}
		switch {
		case !visit.IsZero() && f.Date.Time().Before(visit.Time()):
			diags.Warnf(insp.Pos(dpath), "the follow-up%s is dated %s, before the visit (%s): it cannot follow up a plan made after the visit; check the date",
				of, f.Date, visit)
		case !planDate.IsZero() && f.Date.Time().Before(planDate.Time()):
			diags.Warnf(insp.Pos(dpath), "the follow-up%s is dated %s, before the action plan came in (%s, action_plan.date); check the date",
				of, f.Date, planDate)
		}
		// Of two follow-ups on one day, Latest takes the one written
		// last; if they disagree, one date is likely wrong.
		for i := k - 1; i >= 0; i-- {
			g := &e.FollowUps[i]
			if !g.Date.Time().Equal(f.Date.Time()) {
				continue
			}
			if g.Status != f.Status && g.Status != NoStatus && f.Status != NoStatus {
				diags.Warnf(insp.Pos(dpath), "the follow-ups%s at lines %d and %d are both dated %s but say %s and %s; the one written last (%s) is taken as the action's state; correct one of the dates, or remove one",
					of, insp.Pos(fmt.Sprintf("%s.follow_ups[%d]", path, i)).Line, insp.Pos(fpath).Line, f.Date, g.Status, f.Status, f.Status)
			}
			break
		}
	}
}

// reported reports whether diags has an error at p already.
func reported(diags Diagnostics, p Pos) bool {
	for _, d := range diags {
		if d.Severity == Error && d.Pos == p {
			return true
		}
	}
	return false
}
