package templates

import "embed"

// FS holds the embedded Markdown templates: report.md.tmpl (the whole
// report), actionplan.md.tmpl (the action plan alone) and common.md.tmpl
// (the parts both share: the action-plan entries).
//
//go:embed *.tmpl
var FS embed.FS
