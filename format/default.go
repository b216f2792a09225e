package format

import (
	"spur/render/markdown"
	"spur/render/pdf"
)

// Default holds the formats spur writes, in the order their documents are
// written and listed: PDF, then Markdown. A new format is a render
// package and one line here.
var Default = MustNew(
	Format{Name: "pdf", Ext: ".pdf", LinkRank: 1, Open: Fixed(Renderer{Report: pdf.Report, Plan: pdf.Plan, Index: pdf.Index})},
	Format{Name: "md", Aliases: []string{"markdown"}, Ext: ".md", LinkRank: 2, Open: openMarkdown},
)

// openMarkdown parses the templates of s (spur report --templates).
func openMarkdown(s Settings) (Renderer, error) {
	m, err := markdown.New(s.Templates)
	if err != nil {
		return Renderer{}, err
	}
	return Renderer{Report: Quiet(m.Report), Plan: Quiet(m.Plan), Index: Quiet(markdown.Index)}, nil
}
