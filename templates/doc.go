// Package templates holds the Markdown templates of the report, embedded in
// the program: report.md.tmpl, actionplan.md.tmpl and common.md.tmpl. They
// are text/template files executed by render/markdown with a
// *report.Report as data and the functions that package documents (esc for
// user text, md for user Markdown, …).
//
// It owns only the files. It must not hold Go logic: what a template needs
// beyond text/template is a function of render/markdown, so that a user's
// own templates (spur report --templates DIR) can use it too.
//
// render/markdown writes the documents of these three files with their Go
// form (render/markdown/native.go), which is a tenth of a build faster
// than executing them; TestNativeAsTemplates holds the two to the same
// bytes, so a change to a template here needs the same change there.
//
//	src, _ := templates.FS.ReadFile("report.md.tmpl")
package templates
