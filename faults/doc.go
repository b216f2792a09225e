//go:build unix

// Package faults holds the fault suite of spur: tests that build the spur
// binary once and run it as a user would, then kill it, interrupt it, fill
// its disk, take its permissions away or feed it hostile input, and check
// the promises a user relies on most: a file the user owns is never lost or
// half-written, a document is whole or absent, an interrupted build is
// named as such by spur build --check and completed by the next build, and
// no input makes spur hang or use unbounded memory.
//
//	go test ./faults                     the default size, part of make test
//	SPUR_FAULTS=long go test ./faults    ten times the runs (make faults)
//	go test -v ./faults                  with the figures: runs, outcomes, stop times, peak RSS
//
// SPUR_FAULTS_SEED=N replays the random delays of an earlier run (each test
// logs its seed).
//
// # What it owns
//
//   - kill_test.go: SIGKILL at random moments during spur import and spur
//     build; signal_test.go: Ctrl-C, two Ctrl-C and SIGTERM during a build
//     and a check.
//   - diskfull_test.go: import and build onto a full tmpfs (as root, where
//     mount works); perm_test.go: read-only files and folders (as root, spur
//     runs as nobody, for whom a folder's mode holds).
//   - hostile_test.go: one case per hostile input (the table hostileCases:
//     command, exit status, message, memory ceiling), and one spur build -j 8
//     over all of them; the inputs are in testdata/hostile or generated
//     (hostilegen_test.go).
//   - testdata/launcher: a small command that runs spur and reports its own
//     peak RSS, which the rusage of a child of the large test process does
//     not give (see its doc).
//
// # What it must not do
//
// It tests what the binary does, seen from outside, never through Go calls
// into spur's packages (it uses package corpus only to generate
// inspections). It writes only in its temporary folders (and, as root,
// mounts small tmpfs file systems there, unmounted when the test ends).
package faults
