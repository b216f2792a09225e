//go:build race

package build_test

// raceDetector is set under go test -race.
const raceDetector = true
