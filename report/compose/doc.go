// Package compose turns a loaded, graded inspection into the document tree:
// the report.Report of one inspection (Report) and the overview.Row of one
// inspection in the yearly overview (Row), and the overview.View of many
// rows against the latest catalogue (Overview).
//
// It is the one place where the input model (schema) and the grades
// (grade) meet the tree. The tree packages, report and report/overview,
// know nothing of the input model, so that a renderer, which imports only
// the tree, does not depend on schema or grade either.
//
// Like the tree it builds it is pure: no files, no clock. Every text a
// person wrote enters the tree through report.Visible, here and in
// overview.New. Markdown a person wrote (narratives, planned actions) is
// parsed here, once, into a report.Text (Text), in the dialect package
// report documents; no renderer parses Markdown. Plain text (comments, an
// area's plan_note, the plan's short fields) keeps its lines (Lines).
//
//	v := compose.Report(insp, res, report.Options{Lang: "sv"})
//	err := markdown.Render(w, v)
package compose
