package main

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
)

// TestBenchmarkOrder reads the figures of a benchmark line in the order it
// prints them, without ns/op, from a stand-in for the test binary.
func TestBenchmarkOrder(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the stand-in is a shell script")
	}
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "build"), 0o755); err != nil {
		t.Fatal(err)
	}
	bench := filepath.Join(dir, "build.test")
	script := "#!/bin/sh\necho 'BenchmarkReport-8   100   1234 ns/op   3.5 cpu-ms/inspection   280 inspections/s   41 peak-MiB'\n"
	if err := os.WriteFile(bench, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	for range 20 {
		got, err := benchmark(&side{name: "head", dir: dir, bench: bench}, "Report", "1x")
		if err != nil {
			t.Fatal(err)
		}
		want := []figure{{"cpu-ms/inspection", 3.5}, {"inspections/s", 280}, {"peak-MiB", 41}}
		if !slices.Equal(got, want) {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
}
