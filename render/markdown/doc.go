// Package markdown writes a graded report (report.Report) as
// GitHub-flavoured Markdown, through the text/template files of package
// templates or a user's own (spur report --templates DIR).
//
// # What it owns
//
// The Markdown shape of the report and of the action plan, and the safety
// of user text in it: everything a person typed reaches the document
// through Escape (plain text on one line: names, summary items, the plan's
// dates and responsibles in their table), Lines (plain text whose line
// breaks are kept: comments, an area's plan_note) or Safe (narratives and
// planned actions, which report/compose parsed once into a report.Text,
// written back as Markdown), so that no input can open a heading, a table,
// HTML or a list of its own, or break the one it sits in. The output reads
// the same in goldmark and in pandoc -f gfm; a line break is the
// CommonMark hard break (a backslash at the end of the line), which
// goldmark, cmark-gfm and pandoc read alike. A GFM table cell cannot hold
// a line break that all three read (only "<br>", which is HTML), so there
// a break is a space.
//
// What is shown of a user's text is decided before: the view holds it as
// report.Visible made it, so a bidirectional control arrives as the text
// "[U+202E]" (which Escape and Safe write as "\[U+202E\]" and a reader
// sees as "[U+202E]"), and zero-width characters and controls do not
// arrive at all. Escape still drops control characters, for text that
// does not come from compose.Report.
//
// # What it must not do
//
// It decides nothing about grades and holds no label text: both come from
// the view (report.Report). Rendering opens no files and reads no clock;
// only New reads the templates of a directory. The same report gives the
// same bytes.
//
// # Templates
//
// A template gets a *report.Report. Besides text/template's own, it may
// call:
//
//	esc S            S as literal inline text (Escape)
//	lines IND S      S as esc does, its line breaks kept as hard breaks, the
//	                 lines after the first indented by IND (Lines); for a
//	                 paragraph or a list item, not a table cell or heading
//	md T             T, a report.Text (.Narrative, .Action), as safe block Markdown (Safe)
//	dash S           "–" for an empty S
//	lower S, join LIST SEP
//	box C            "[x]" for a met criterion, else "[ ]"
//	na C, unassessed C   whether a criterion is not applicable / not assessed
//	areaOf R AREA    the data of the "area" template (AreaArgs)
//	planAt R LEVEL   the data of the "plan" template (PlanArgs)
//
// What is printed is decided in the view, once for every format: an
// area's parts in print order with their headings (.Parts), whether the
// final grade is none of the options (.Unlisted), the plan by area
// (.Plan.ByArea) with each entry's heading and its follow-ups
// (.LastFollowUp.Line, the action's state, nil without any, and
// .EarlierLines, those before it; the "plan" template prints them with
// lines under the entry's table, where their line breaks are kept), the
// comparison with the unit's previous visit (.Comparison, nil without
// one; report.md.tmpl prints it after the grade overview with its
// "comparison" template, so a user's own report.md.tmpl written before it
// prints none). hasOption AREA G, parts AREA and byArea PLAN are kept for
// templates written before these fields.
//
// report.md.tmpl and actionplan.md.tmpl are parsed after common.md.tmpl
// (the "plan" template), so that a define of theirs replaces a common one.
// After execution, trailing spaces and runs of blank lines are removed.
//
// Use:
//
//	v := compose.Report(insp, res, report.Options{Lang: "sv"})
//	err := markdown.Render(w, v)      // embedded templates
//
//	m, err := markdown.New(dir)       // a user's templates, once
//	err = m.Report(w, v)
//	err = m.Plan(w, v)
package markdown
