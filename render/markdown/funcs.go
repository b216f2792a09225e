package markdown

import (
	"strings"
	"text/template"

	"spur/report"
	"spur/schema"
)

// funcs are the functions a template may call, the embedded ones and a
// user's own alike (doc.go lists them).
var funcs = template.FuncMap{
	"esc":        Escape,
	"md":         Safe,
	"dash":       dash,
	"lower":      strings.ToLower,
	"join":       strings.Join,
	"box":        box,
	"na":         func(c report.Criterion) bool { return c.Result == schema.NotApplicable },
	"unassessed": func(c report.Criterion) bool { return c.Result == "" },
	"hasOption":  hasOption,
	"parts":      parts,
	"areaOf":     areaOf,
	"byArea":     byArea,
	"planAt":     planAt,
}

// dash stands in for an empty value.
func dash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "–"
	}
	return s
}

// box is the task-list box of a criterion: "[x]" when met, else "[ ]".
func box(c report.Criterion) string {
	if c.Result == schema.Met {
		return "[x]"
	}
	return "[ ]"
}

func hasOption(a report.Area, g string) bool {
	for _, o := range a.Options {
		if o.Grade == g {
			return true
		}
	}
	return false
}

// Part is a run of criteria under one heading. In an area with an
// introductory föreskrift text, the criteria derived from it (F*) follow
// that text under "Föreskrift", and the area's other föreskrifter get a
// heading "Föreskrift" of their own after them, as in printed reports
// (area D).
type Part struct {
	Heading     string
	Intro, Lead string
	Criteria    []report.Criterion
}

func parts(a report.Area) []Part {
	var out []Part
	for _, s := range a.Sections {
		if a.Intro == "" || len(s.Criteria) == 0 || s.Criteria[0].Kind.Group() != schema.Regulation {
			out = append(out, Part{Heading: s.Heading, Criteria: s.Criteria})
			continue
		}
		derived := Part{Heading: s.Heading, Intro: a.Intro, Lead: a.IntroLead}
		plain := Part{Heading: s.Heading}
		for _, c := range s.Criteria {
			if c.Kind == schema.DerivedRegulation {
				derived.Criteria = append(derived.Criteria, c)
			} else {
				plain.Criteria = append(plain.Criteria, c)
			}
		}
		if len(derived.Criteria) == 0 {
			// No derived criteria: the text introduces the föreskrifter.
			derived.Criteria, plain.Criteria = plain.Criteria, nil
		}
		out = append(out, derived)
		if len(plain.Criteria) > 0 {
			out = append(out, plain)
		}
	}
	return out
}

// AreaArgs is what the "area" template gets: the labels and the area.
type AreaArgs struct {
	L report.Labels
	A report.Area
}

func areaOf(r *report.Report, a report.Area) AreaArgs { return AreaArgs{L: r.L, A: a} }

// PlanArea is the action-plan entries of one area, in plan order.
type PlanArea struct {
	Heading string
	Entries []report.PlanEntry
}

// byArea groups consecutive entries of the same area.
func byArea(p *report.Plan) []PlanArea {
	if p == nil {
		return nil
	}
	var out []PlanArea
	for _, e := range p.Entries {
		if n := len(out); n > 0 && out[n-1].Heading == e.AreaHeading {
			out[n-1].Entries = append(out[n-1].Entries, e)
			continue
		}
		out = append(out, PlanArea{Heading: e.AreaHeading, Entries: []report.PlanEntry{e}})
	}
	return out
}

// PlanArgs is what the "plan" template gets: the report, and the heading
// marks of an area ("###") and of an entry ("####").
type PlanArgs struct {
	*report.Report
	AreaMark, EntryMark string
}

// planAt places the plan's area headings at level (2–5).
func planAt(r *report.Report, level int) PlanArgs {
	level = min(max(level, 1), 5)
	return PlanArgs{Report: r, AreaMark: strings.Repeat("#", level), EntryMark: strings.Repeat("#", level+1)}
}
