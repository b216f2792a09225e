// Package corpus derives any number of varied, valid inspection files from
// the fixtures, for the benchmarks, the load test of the batch build and
// the follow-up of a region's repository.
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
// # What a repository holds after some years
//
// GenerateWith opts in to more (Options): repeat visits of units 3 to 6
// years after an earlier one, with criteria fixed and newly unmet, some
// under the newer catalogue and some units known by unit.id (Revisits);
// and follow-ups of the action plans as of a day (FollowUps, AsOf,
// default DefaultAsOf): done, partly, not done and postponed, actions
// overdue, and due dates missing or unreadable. The zero Options is
// Generate, byte for byte, so the load test, the benchmarks and the
// render and fault tests keep their files. FollowUps alone adds to the
// same inspections (same units, visits and findings); Revisits changes
// which inspections there are. Options draw from a random stream of their
// own, so the same seed and Options give the same files, and a longer run
// starts with the files of a shorter one.
//
// # What it must not do
//
// It writes only under the directory it is given and never a file that
// does not validate: the tests load every generated file and accept no
// error, and no warning but the one FollowUps asks for (a due date spur
// cannot read, "när vi hinner"). It is not a fixture: no test should
// assert on what a generated report says, only on what the build does
// with it, or on what the test itself computes from the files as spur
// reads them.
//
//	paths, err := corpus.Generate(dir, 200, 1)
//	paths, err = corpus.GenerateWith(dir, 200, 1, corpus.Options{Revisits: true, FollowUps: true})
package corpus
