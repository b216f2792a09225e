// Package format is the registry of output formats: the one place that
// knows which formats spur writes, what their files are called and how
// each document is rendered. spur report, spur actionplan, spur build,
// its --check and its --prune all go through it, so that a new format is a
// render package and one line in Default (default.go).
//
// # What it owns
//
//   - Format: a name for --format (and its aliases), the files' ending,
//     and how to open the format's renderers for a run (Settings: the
//     Markdown templates, say) into a Renderer of the report, the action
//     plan and the overview.
//   - File names, in one function (Format.File): the report
//     <slug><ext>, the action plan <slug>-handlingsplan<ext>
//     (-action-plan in English), the overview index<ext>.
//   - Parsing a --format list, with an error that lists the registered
//     formats, and knowing which file names spur may have written (for
//     --check and --prune).
//
// # What it must not do
//
// It lays nothing out (render/… do) and opens no files. A Registry is
// immutable once made: a test that needs another format makes its own
// with Default.With, and passes it to build.Options.Registry.
//
//	fs, err := format.Default.Parse("pdf,md")
//	ws, err := format.Default.Open(format.Settings{}, fs)
//	for _, w := range ws {
//		name := w.File(format.Report, slug, "sv") // "…-2025-02-11.pdf"
//		warnings, err := w.Report(buf, v)
//	}
package format
