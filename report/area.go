package report

import (
	"strings"
)

// State is a criterion's result as the report prints it.
type State int

const (
	Unassessed State = iota
	Met
	NotMet
	NotApplicable
)

// Label is the state's label in l: "Uppfyllt", "Ej tillämpligt", …
func (s State) Label(l Labels) string {
	switch s {
	case Met:
		return l.Met
	case NotMet:
		return l.NotMet
	case NotApplicable:
		return l.NotApplicable
	}
	return l.Unassessed
}

// String is the state as the input file spells it ("met", "not_met",
// "not_applicable"), "" when not assessed.
func (s State) String() string {
	switch s {
	case Met:
		return "met"
	case NotMet:
		return "not_met"
	case NotApplicable:
		return "not_applicable"
	}
	return ""
}

// PartKind says what a part of an area is.
type PartKind int

const (
	// LeadIn is the introductory föreskrift text ("Den vårdgivare som tar
	// emot läkare …", then "Vilket enligt SPUR-modellen innebär att:") with
	// the criteria derived from it (F*).
	LeadIn PartKind = iota
	Regulations
	Advice
	Indicators
)

// Part is one part of an area under its heading, in print order: the
// lead-in, then Föreskrift, Allmänna råd and Kvalitetsindikator(er)
// (spur-model.md: The report, in order). In an area with a lead-in and
// föreskrifter of its own besides the derived ones (area D), the lead-in
// and the föreskrifter are two parts, each with its heading "Föreskrift",
// as in printed reports; where no criterion is derived from the lead-in,
// the area's föreskrifter follow it in the one part.
type Part struct {
	Kind    PartKind
	Heading string
	// Intro and Lead are the lead-in's text and the sentence that leads
	// into its criteria; "" in the other parts.
	Intro, Lead string
	Criteria    []Criterion
}

// Criterion is one criterion with its result. Comment is the inspectors'
// plain text (compose.Lines): a "\n" in it is a line break.
type Criterion struct {
	ID, Text, Comment string
	State             State
	ResultLabel       string // State.Label
}

// Offers reports whether grade g is one of the area's options.
func (a Area) Offers(g string) bool {
	for _, o := range a.Options {
		if o.Grade == g {
			return true
		}
	}
	return false
}

// Unlisted reports whether the area has a final grade that is none of its
// options (an adjusted C where a catalogue offers no C): every format then
// prints it after the options, with the note.
func (a Area) Unlisted() bool { return a.Final != "" && !a.Offers(a.Final) }

// Dash stands in for an empty value in a table or a field.
func Dash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "–"
	}
	return s
}

// LinkAllowed reports whether a link to u may be followed from a report:
// http, https and mailto only, so that no javascript:, data: or file:
// address reaches a reader. Every format shows other links as text.
func LinkAllowed(u string) bool {
	l := strings.ToLower(strings.TrimSpace(u))
	return strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "mailto:")
}
