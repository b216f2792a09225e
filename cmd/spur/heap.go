package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// startingHeap lets the heap grow to goal bytes before the garbage
// collector first runs, and then collects as GOGC=100 does; GOGC, when set,
// is left alone. `spur report` allocates some 10 MiB: from the runtime's
// starting goal of 4 MiB it was collected three times, a quarter of the
// command's CPU time on two cores, where the collector's workers wake the
// idle one. The Go compiler starts its heap so too
// (cmd/compile/internal/base/startheap.go).
func startingHeap(goal uint64) {
	if _, set := os.LookupEnv("GOGC"); set {
		return
	}
	// The runtime's smallest heap goal is 4 MiB at GOGC=100.
	debug.SetGCPercent(int(100 * goal / (4 << 20)))
	afterGC(func() bool {
		s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		metrics.Read(s)
		live := s[0].Value.Uint64()
		if live == 0 || 2*live >= goal {
			debug.SetGCPercent(100)
			return false
		}
		// The next goal is live × (1 + GOGC/100): keep it at goal.
		debug.SetGCPercent(int(100 * (goal - live) / live))
		return true
	})
}

// afterGC calls f after each collection for as long as f returns true.
func afterGC(f func() bool) {
	type sentinel struct{ _ [32]byte } // not tiny: a tiny object's finalizer may not run
	runtime.SetFinalizer(&sentinel{}, func(*sentinel) {
		if f() {
			afterGC(f)
		}
	})
}
