// Package view is the follow-up list of a region's coordinator as every
// format prints it (spur followup): each action of each action plan with
// its state as of a day, grouped by region, unit and responsible, with the
// counts per region. Package followup makes it from inspections; the
// renderers (render/markdown, render/html, render/pdf, render/ics and
// workbook) lay it out.
//
// Like report and report/overview it knows nothing of the input model, so
// that a renderer, which imports only the view, does not depend on schema
// either (render/deps_test.go). It holds data and labels only: every
// decision about what is printed (the state, its words, the order, the
// events of the calendar) is made by package followup, once.
package view
