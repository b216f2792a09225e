package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func gcPercent() int {
	p := debug.SetGCPercent(-1)
	debug.SetGCPercent(p)
	return p
}

// TestStartingHeap: the collector waits for a larger heap, and collects as
// GOGC=100 does once what is live reaches half of it.
func TestStartingHeap(t *testing.T) {
	if _, set := os.LookupEnv("GOGC"); set {
		t.Skip("GOGC is set")
	}
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	startingHeap(16 << 20)
	if p := gcPercent(); p != 400 {
		t.Fatalf("GOGC %d at the start, want 400 (a 16 MiB heap goal)", p)
	}
	var keep [][]byte
	for range 12 {
		keep = append(keep, make([]byte, 1<<20))
	}
	runtime.GC()
	deadline := time.Now().Add(5 * time.Second)
	for gcPercent() != 100 {
		if time.Now().After(deadline) {
			t.Fatalf("GOGC %d with 12 MiB live, want 100", gcPercent())
		}
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
	runtime.KeepAlive(keep)
}
