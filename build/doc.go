// Package build makes every document of a repository of inspections: it
// finds each inspection file (.yaml, .yml, .xlsx) under a directory, loads,
// checks and grades them all (package input), and writes each one's report
// and, when it has one, its action plan, in every chosen format of the
// format registry (package format; PDF and Markdown by default), under an
// output directory that mirrors the input tree, with an overview of all of
// them (OUT/index.pdf, OUT/index.md). With Check it writes nothing and says
// which files are stale, missing or unexpected, for CI.
//
// # What it owns
//
//   - Finding inputs: every file with an inspection's ending, in sorted
//     order, skipping dot files and dot folders (.git, .github), the
//     output directory when it lies inside the input one, and the plan
//     and follow-up workbooks and follow-up lists spur made
//     (workbook.NotInspection), each with a warning (Find, for spur
//     followup too).
//   - Names: inputs/2025/x.yaml gives OUT/2025/<slug>.pdf and .md, and
//     OUT/2025/<slug>-handlingsplan.pdf and .md (-action-plan in English),
//     the names spur report and spur actionplan give (format.Format.File).
//     Two inputs giving the same file is an error naming both; neither is
//     built.
//   - Two passes: the first loads every input (in parallel) and keeps only
//     its diagnostics, its output names and its row of the overview; the
//     second loads each good input again and renders, writes or compares and
//     drops its documents before taking the next. Memory does not grow
//     with the number of inspections beyond a few hundred bytes each.
//   - The previous visit: between the passes each good input is paired
//     with the latest earlier visit of its unit among the good inputs
//     (previous.go); the second pass loads that one too and adds the
//     comparison to the report (compose.Compare).
//   - Writes: a temporary file beside the target, renamed into place, and
//     only when the bytes differ, so an interrupted build leaves no
//     half-written file and a second build writes nothing.
//   - The check: the documents are rendered in memory and compared byte for
//     byte with OUT. A file is unexpected when it lies under OUT, looks like
//     a file spur writes (a name of lower-case letters, digits and hyphens
//     ending in a registered format's ending, .pdf or .md, chosen or not,
//     not in a dot folder) and no input gives it: the report of a deleted
//     or renamed inspection. Other files (a README.md, a
//     .gitattributes, the inputs themselves when OUT is the input directory)
//     are left alone. Prune deletes the unexpected files.
//   - A failed input is not a deleted one. The documents an input that
//     fails would give are its, kept: never unexpected, never pruned
//     (Summary.Failing), and the overview keeps its row, marked as failing.
//     They are named by what the input still tells (its unit and visit,
//     when they read, give the names in its output folder), or, when it
//     tells nothing, every document of its output folder no other input
//     gives is kept as possibly its. No record of earlier builds is kept:
//     a build depends on its inputs and OUT alone. While an input fails,
//     Prune deletes nothing.
//
// # What it must not do
//
// It decides nothing about inspections (input, grade, report do) and lays
// nothing out (render/…). It reads no clock: dates come from the
// inspections or Options.Date. It writes only under Options.Out, and to
// Options.Log diagnostics and progress; exit statuses are cmd/spur's.
// Cancelling the context stops the build between documents.
//
//	sum, err := build.Run(ctx, build.Options{Dir: "inspections", Out: "reports", Log: os.Stderr})
//	if err != nil { … }           // the build could not run, or was interrupted
//	if !sum.OK() { os.Exit(1) }   // an input failed, or the check found differences
package build
