package format

import (
	"spur/render/html"
	"spur/render/markdown"
	"spur/render/pdf"
)

// Default holds the formats spur writes, in the order their documents are
// written and listed: PDF, Markdown, then HTML. A new format is a render
// package and one line here.
var Default = MustNew(
	Format{Name: "pdf", Ext: ".pdf", LinkRank: 1, Open: Fixed(Renderer{Report: pdf.Report, Plan: pdf.Plan, Index: pdf.Index})},
	Format{Name: "md", Aliases: []string{"markdown"}, Ext: ".md", LinkRank: 2, Open: openMarkdown},
	// HTML ties with Markdown: index.md keeps linking the Markdown reports
	// (registered first), index.html links the .html ones itself.
	Format{Name: "html", Ext: ".html", LinkRank: 2, Open: Fixed(Renderer{Report: html.Report, Plan: html.Plan, Index: html.Index})},
)

// openMarkdown parses the templates of s (spur report --templates).
func openMarkdown(s Settings) (Renderer, error) {
	m, err := markdown.New(s.Templates)
	if err != nil {
		return Renderer{}, err
	}
	return Renderer{Report: Quiet(m.Report), Plan: Quiet(m.Plan), Index: Quiet(markdown.Index)}, nil
}
