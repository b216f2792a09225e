// Package html writes a report, its action plan and the overview of many
// inspections as HTML: one self-contained, accessible file per document,
// for units and regions who read on screens and for public bodies that
// must publish accessibly (issue 10, part 3).
//
// # What it owns
//
//   - The page: <!DOCTYPE html>, lang from the labels, a <title>, inline
//     CSS for the screen and for A4 print, a Content-Security-Policy that
//     forbids scripts and every outside request, and all content inside one
//     <main> landmark.
//   - The same headings in the same order as the Markdown (h1 the title,
//     h2 the sections, h3 the areas, h4 their parts), tables with <th
//     scope>, criteria and grade options as lists whose state is spoken
//     text, not only a glyph, and the overview's figures (the grades per
//     area, and each year's grades, D shares and action states) as inline
//     SVG charts beside their tables of numbers.
//   - The inspectors' Markdown (narratives, planned actions) as
//     report/compose parsed it into a report.Text (the dialect is in
//     package report): paragraphs, line breaks, lists, emphasis, code
//     spans and links from report.LinkAllowed, every text escaped. Raw
//     HTML in the Markdown is text in the tree; it never becomes markup.
//     The plain text a person wrote (comments, an area's plan_note, the
//     plan's fields) keeps its line breaks as <br>.
//
// # What it must not do
//
// It reads only the report tree (package report and report/overview),
// opens no files and reads no clock: the same tree gives the same bytes.
// User text is always escaped; no user text reaches an attribute other
// than an allowed link's href.
//
//	warnings, err := html.Report(w, compose.Report(insp, res, report.Options{Lang: "sv"}))
package html
