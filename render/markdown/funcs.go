package markdown

import (
	"strings"
	"text/template"

	"spur/report"
)

// funcs are the functions a template may call, the embedded ones and a
// user's own alike (doc.go lists them).
var funcs = template.FuncMap{
	"esc":        Escape,
	"lines":      Lines,
	"md":         Safe,
	"dash":       report.Dash,
	"lower":      strings.ToLower,
	"join":       strings.Join,
	"box":        box,
	"na":         func(c report.Criterion) bool { return c.State == report.NotApplicable },
	"unassessed": func(c report.Criterion) bool { return c.State == report.Unassessed },
	"hasOption":  hasOption,
	"parts":      parts,
	"areaOf":     areaOf,
	"byArea":     byArea,
	"planAt":     planAt,
}

// box is the task-list box of a criterion: "[x]" when met, else "[ ]".
func box(c report.Criterion) string {
	if c.State == report.Met {
		return "[x]"
	}
	return "[ ]"
}

// hasOption is report.Area.Offers, for templates written before it.
func hasOption(a report.Area, g string) bool { return a.Offers(g) }

// Part is the area's parts as report decides them (report.Area.Parts).
type Part = report.Part

// parts is .Parts, for templates written before it.
func parts(a report.Area) []Part { return a.Parts }

// AreaArgs is what the "area" template gets: the labels and the area.
type AreaArgs struct {
	L report.Labels
	A report.Area
}

func areaOf(r *report.Report, a report.Area) AreaArgs { return AreaArgs{L: r.L, A: a} }

// PlanArea is the entries of one area (report.Plan.ByArea).
type PlanArea = report.PlanArea

// byArea is (*report.Plan).ByArea, for templates written before it.
func byArea(p *report.Plan) []PlanArea { return p.ByArea() }

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
