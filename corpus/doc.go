// Package corpus derives any number of varied, valid inspection files from
// the fixtures, for the benchmarks and the load test of the batch build.
//
// # What it owns
//
// The generator: from a seed, inspections of units across the real regions
// and many specialties, visited 2021–2026, against both catalogue versions,
// preliminary and final; areas with every criterion met and areas with
// unmet quality indicators, allmänna råd and föreskrifter; with and without
// an action plan, accepted or not; now and then an override or a criterion
// not applicable. The long texts (narratives, summary items, comments,
// planned actions) are the fixtures' own, reordered, so that the documents
// have the size and the typography of real ones. The same seed gives the
// same files, byte for byte, and the first k files of a run of n are the
// files of a run of k.
//
// # What it must not do
//
// It writes only under the directory it is given and never a file that
// does not validate: the tests load every generated file and accept no
// error and no warning. It is not a fixture: no test should assert on what
// a generated report says, only on what the build does with it.
//
//	paths, err := corpus.Generate(dir, 200, 1)
package corpus
