// Package report builds the view of a finished, graded inspection that every
// output format renders: the header, the summary, the grade overview, each
// area with its criteria and grade options, and the action plan, with every
// label in the chosen language. It is built once per inspection and shared
// read-only by the renderers (render/markdown, render/pdf), which then only
// lay it out.
//
// Like grade it is pure: no files, no clock. The document date comes from
// the inspection or from the caller (SOURCE_DATE_EPOCH).
//
//	v := report.Build(insp, res, report.Options{Lang: "sv"})
//	markdown.Render(w, v)
package report
