package schema

import (
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// ReportStatus is preliminary or final.
type ReportStatus string

const (
	Preliminary ReportStatus = "preliminary"
	Final       ReportStatus = "final"
)

// Decision is the inspectors' decision on an area's action plan.
type Decision string

const (
	NoDecision  Decision = ""
	Accepted    Decision = "accepted"
	NotAccepted Decision = "not_accepted"
)

// enum describes a closed set of words and the Swedish words people may
// write instead, so that the error can say which key word is meant.
type enum struct {
	values  []string
	swedish map[string]string // folded (see fold) → value
	english map[string]string // other English words, folded → value
}

var (
	statusEnum = enum{
		values: []string{string(Preliminary), string(Final)},
		swedish: map[string]string{"preliminar": "preliminary", "preliminart": "preliminary", "utkast": "preliminary",
			"slutlig": "final", "slutligt": "final", "slutgiltig": "final", "slutgiltigt": "final"},
	}
	decisionEnum = enum{
		values: []string{string(Accepted), string(NotAccepted)},
		swedish: map[string]string{"godtagen": "accepted", "godtaget": "accepted", "godkand": "accepted", "godkant": "accepted", "accepterad": "accepted",
			"ejgodtagen": "not_accepted", "ejgodtaget": "not_accepted", "ejgodkand": "not_accepted", "ejgodkant": "not_accepted",
			"integodtagen": "not_accepted", "integodkand": "not_accepted", "underkand": "not_accepted", "ejaccepterad": "not_accepted"},
	}
	resultEnum = enum{values: []string{"all"}}
)

// read returns the word written when it is one of the values. A word
// taken for one of them (Swedish, or a slip of case, space or spelling) is
// an error, and read returns the value meant with ok false, so that the
// caller may check the rest of the file as it is meant: one message for
// plan_decision: godtagen, not that one and a missing decision besides.
func (e enum) read(d *decoder, n *yaml.Node, what string) (v string, ok bool) {
	s, ok := d.text(n)
	if !ok || s == "" {
		if ok {
			d.errorf(n, "%s is empty; write one of %s", what, strings.Join(e.values, ", "))
		}
		return "", false
	}
	for _, v := range e.values {
		if s == v {
			return s, true
		}
	}
	f := fold(s)
	if en, ok := e.swedish[f]; ok {
		d.errorf(n, "%s %q: write %s (the key words are English)", what, Clip(s), en)
		return en, false
	}
	for _, v := range e.values {
		if f != "" && f == fold(v) {
			d.errorf(n, "%s %q: write %s", what, Clip(s), v)
			return v, false
		}
	}
	if en, ok := e.english[f]; ok {
		d.errorf(n, "%s %q: write %s", what, Clip(s), en)
		return en, false
	}
	near := nearest(s, e.values)
	hint := didYouMean(s, e.values)
	if near == "" && utf8.RuneCountInString(f) >= 5 {
		// A Swedish word with a slip ("genomförf"); short words are too
		// easily confused.
		if w := nearest(f, sortedKeys(e.swedish)); w != "" {
			near, hint = e.swedish[w], "; did you mean "+e.swedish[w]+"?"
		}
	}
	d.errorf(n, "%s %q is not one of %s%s", what, Clip(s), strings.Join(e.values, ", "), hint)
	return near, false
}

func sortedKeys(m map[string]string) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func (s *ReportStatus) decodeNode(d *decoder, n *yaml.Node, path string) {
	v, _ := statusEnum.read(d, n, "status")
	*s = ReportStatus(v)
}

func (s *Decision) decodeNode(d *decoder, n *yaml.Node, path string) {
	if isNull(n) {
		return
	}
	v, _ := decisionEnum.read(d, n, "plan_decision")
	*s = Decision(v)
}

func (g *Grade) decodeNode(d *decoder, n *yaml.Node, path string) {
	s, ok := d.text(n)
	if !ok {
		return
	}
	if up := Grade(strings.ToUpper(strings.TrimSpace(s))); up.Valid() && string(up) != s {
		d.errorf(n, "grade %q: write %s", Clip(s), up)
		return
	}
	if !Grade(s).Valid() {
		d.errorf(n, "grade %q is not a grade; the grades are A, B, C and D", Clip(s))
		return
	}
	*g = Grade(s)
}

// Date is a calendar day.
type Date struct{ t time.Time }

// NewDate returns the day y-m-d.
func NewDate(y int, m time.Month, day int) Date {
	return Date{time.Date(y, m, day, 0, 0, 0, 0, time.UTC)}
}

// ParseISODate reads YYYY-MM-DD and accepts nothing else.
func ParseISODate(s string) (Date, bool) {
	t, err := time.Parse("2006-01-02", strings.TrimSpace(s))
	if err != nil {
		return Date{}, false
	}
	return Date{t}, true
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d.t.IsZero() }

// Time returns the day at midnight UTC.
func (d Date) Time() time.Time { return d.t }

// String gives YYYY-MM-DD, or "" for an unset date.
func (d Date) String() string {
	if d.t.IsZero() {
		return ""
	}
	return d.t.Format("2006-01-02")
}

func (dt *Date) decodeNode(d *decoder, n *yaml.Node, path string) {
	s, ok := d.text(n)
	if !ok || s == "" {
		return
	}
	v, ok := ParseISODate(s)
	if !ok {
		d.errorf(n, "%q is not a date; write it as YYYY-MM-DD, e.g. 2025-02-11", Clip(s))
		return
	}
	*dt = v
}

// Selection is the `met` key of an area: either "all" or a list of ids.
type Selection struct {
	All bool
	IDs []string
}

func (s *Selection) decodeNode(d *decoder, n *yaml.Node, path string) {
	switch {
	case isNull(n):
	case n.Kind == yaml.ScalarNode:
		if strings.EqualFold(strings.TrimSpace(n.Value), "all") {
			s.All = true
			return
		}
		switch fold(n.Value) {
		case "alla", "allt", "samtliga", "allauppfyllda", "allaaruppfyllda":
			// Read as meant, so that the area is not also reported
			// unassessed.
			d.errorf(n, "met %q: write all (the key words are English)", Clip(n.Value))
			s.All = true
			return
		}
		d.errorf(n, "met must be all or a list of criterion ids, found %s", kindName(n))
	case n.Kind == yaml.SequenceNode:
		var ids []string
		d.decode(n, reflectValue(&ids), path)
		s.IDs = ids
	default:
		d.errorf(n, "met must be all or a list of criterion ids, found %s", kindName(n))
	}
}

// DateText is a date field of an action plan: the text the unit wrote, and
// the normalised reading of it that Load adds where one can be made.
type DateText struct {
	Text string
	// Given is a date the file states by hand ({text: ..., date: ...}).
	Given Date
	// Parsed is the normalised reading, filled by Load.
	Parsed PlanDate
}

// dateForm is the long form of a DateText.
type dateForm struct {
	Text string `yaml:"text"`
	Date Date   `yaml:"date"`
}

func (t *DateText) decodeNode(d *decoder, n *yaml.Node, path string) {
	switch n.Kind {
	case yaml.ScalarNode:
		t.Text, _ = d.text(n)
	case yaml.MappingNode:
		var form dateForm
		d.decodeStruct(n, reflectValue(&form), path)
		t.Text, t.Given = form.Text, form.Date
	case yaml.SequenceNode:
		if strings.HasSuffix(path, ".follow_up") {
			// The follow-ups made, written under the key of the one
			// planned.
			d.errorf(n, "follow_up is when the action is to be followed up, as written; write the follow-ups made under follow_ups (- {date: YYYY-MM-DD, status: done})")
			return
		}
		d.errorf(n, "expected text or {text: ..., date: YYYY-MM-DD}, found %s", kindName(n))
	default:
		d.errorf(n, "expected text or {text: ..., date: YYYY-MM-DD}, found %s", kindName(n))
	}
}
