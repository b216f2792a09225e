// Package render holds the output formats, one package each
// (render/markdown, render/pdf): each reads only the view (report.Report,
// overview.View) and writes to an io.Writer. This package has no code of
// its own; its test checks that every format prints the same structure:
// the same headings in the same order, every criterion and every field
// of the action plan.
package render
