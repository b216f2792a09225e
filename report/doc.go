// Package report builds the view of a finished, graded inspection that every
// output format renders: the header, the summary, the grade overview, each
// area with its criteria and grade options, and the action plan, with every
// label in the chosen language. It is built once per inspection (by package
// report/compose, from the input model and the grades) and shared read-only
// by the renderers (render/markdown, render/pdf, render/html), which then
// only lay it out.
//
// It is the tree only: it must not import the input model (spur/schema) or
// the grades (spur/grade), so that a renderer, which imports the tree, does
// not depend on them either.
//
// What is printed is decided here, once, and the renderers only walk it:
// an area's parts in print order with their headings (Area.Parts: the
// lead-in with the criteria derived from it, then Föreskrift, Allmänna råd,
// Kvalitetsindikator(er)), a criterion's State and its label, whether the
// final grade is one of the options (Area.Unlisted), the plan by area
// (Plan.ByArea) with each entry's heading, the stand-in for an empty value
// (Dash) and the links a reader may follow (LinkAllowed).
//
// Like grade it is pure: no files, no clock. The document date comes from
// the inspection or from the caller (SOURCE_DATE_EPOCH).
//
// # User text
//
// Every text a person wrote (the unit's name and details, the inspectors,
// the summary, the narratives, the comments, the override reasons, the
// fields of the action plan) enters the view through one function,
// Visible, in compose.Report (and in overview.New for the overview), so
// that no format shows it otherwise and no renderer, nor a user's own
// template (spur report --templates) that prints a field without esc, has
// to remember: a bidirectional control (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F,
// U+061C), which could make a reader or a reviewer of the Markdown in a
// diff see text in another order than it is written (Trojan Source),
// becomes a visible marker "[U+202E]"; zero-width and other invisible
// format characters (U+200B, U+200C, U+200D, U+2060, U+FEFF, the soft
// hyphen U+00AD), variation selectors and control characters other than
// the tab and line ends are removed; line ends become "\n". Markdown text
// stays Markdown. The catalogue's texts and the labels are ours and are
// printed as they are. The renderers keep their own hygiene (render/pdf
// drops what its fonts cannot show) as a second line, not as the rule.
//
// # Text: the one Markdown dialect
//
// The narratives and the planned actions are Markdown as people write it.
// compose.Text parses each once, with goldmark, into a Text of a few
// blocks (Paragraph, List) and inlines (Str, Emph, Strong, Code, Link,
// LineBreak), and every format prints that tree; none parses Markdown
// again. The dialect, the same in the PDF, the Markdown and the HTML:
//
//   - CommonMark without GFM extensions, but for one rule: a line end
//     inside a paragraph is a line break (a LineBreak), kept where the
//     writer typed it, as printed reports keep the inspectors' and the
//     unit's lines; CommonMark would read it as a space. Paragraphs are
//     separated by blank lines. CommonMark's own hard break (a backslash
//     or two spaces at the end of the line) is the same LineBreak, and so
//     is a line end inside emphasis or a link; the spaces before a break
//     are dropped. Every format prints a LineBreak as a new line: the PDF
//     breaks the line, the HTML writes <br>, the Markdown writes the
//     CommonMark hard break (a backslash at the end of the line), which
//     goldmark, cmark-gfm and pandoc read alike.
//
//   - Bullet and numbered lists (the first number kept, tight or loose),
//     nested up to 8 levels; the items of a deeper list become blocks of
//     their parent item. Empty items are left out.
//
//   - Emphasis, strong emphasis and code spans (on one line). Links and
//     autolinks only to addresses LinkAllowed allows; any other link is
//     its source as text ("[x](javascript:…)", "<javascript:…>"). An image
//     is its text.
//
//   - A heading a user writes is a paragraph of one Strong (the headings
//     are the report's own); strong emphasis inside it is its text.
//
//   - Thematic breaks ("---") and link reference definitions are dropped.
//     Block quotes are their content. Code blocks and HTML blocks are
//     paragraphs of their lines, joined by line breaks.
//
//   - No strikethrough, tables or task lists: "~~gammal~~", "| a |" and
//     "[x]" stay literal text in every format. Raw HTML ("<b>x</b>") is
//     text.
//
//   - Control characters are dropped, line ends become "\n", and a parser
//     panic keeps the text as literal paragraphs.
//
// Plain text a person wrote that is not Markdown (a criterion's comment,
// an area's plan_note, the dates and responsibles of the plan) is a string
// made by compose.Lines: each line trimmed, blank lines left out, and a
// "\n" between two lines is a line break the writer typed, which every
// format keeps as it keeps a LineBreak, except where no line may break (a
// cell of a Markdown table, where it is a space).
//
//	v := compose.Report(insp, res, report.Options{Lang: "sv"})
//	markdown.Render(w, v)
package report
