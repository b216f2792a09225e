package build_test

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"

	"spur/build"
	"spur/corpus"
	"spur/grade"
	"spur/input"
	"spur/render/markdown"
	"spur/render/pdf"
	"spur/report"
	"spur/report/compose"
)

const fixture = "../fixtures/almaklinikens-vardcentral-2025.yaml"

// BenchmarkReport renders the documents of one inspection, the seed
// report: the report and the action plan, each as PDF and Markdown.
func BenchmarkReport(b *testing.B) {
	in, err := input.File(fixture, grade.DefaultPolicy())
	if err != nil || !in.OK() {
		b.Fatal(err, in.Diags)
	}
	md, err := markdown.New("")
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	for b.Loop() {
		v := compose.Report(in.Inspection, in.Grades, report.Options{})
		buf.Reset()
		if _, err := pdf.Report(&buf, v); err != nil {
			b.Fatal(err)
		}
		buf.Reset()
		if err := md.Report(&buf, v); err != nil {
			b.Fatal(err)
		}
		buf.Reset()
		if _, err := pdf.Plan(&buf, v); err != nil {
			b.Fatal(err)
		}
		buf.Reset()
		if err := md.Plan(&buf, v); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "reports/s")
}

// BenchmarkBuild200 builds a year of inspections (200 generated ones) into
// an empty directory, with one worker per CPU.
func BenchmarkBuild200(b *testing.B) { benchBuild(b, 200) }

// BenchmarkBuild1000 is the repository of five years: the figure to watch
// is the peak memory, which must not grow with the number of inspections.
func BenchmarkBuild1000(b *testing.B) { benchBuild(b, 1000) }

func benchBuild(b *testing.B, n int) {
	dir := b.TempDir()
	if _, err := corpus.Generate(filepath.Join(dir, "in"), n, 1); err != nil {
		b.Fatal(err)
	}
	resetPeak()
	cpu := cpuTime()
	var docs, i int
	for b.Loop() {
		i++
		out := filepath.Join(dir, "out"+strconv.Itoa(i))
		sum, err := build.Run(context.Background(), build.Options{Dir: filepath.Join(dir, "in"), Out: out, Policy: grade.DefaultPolicy()})
		if err != nil || !sum.OK() || sum.Built != n {
			b.Fatalf("%v: %d of %d built, problems %v", err, sum.Built, n, sum.Problems)
		}
		docs = len(sum.Written)
		b.StopTimer()
		os.RemoveAll(out) // the next build starts from nothing again
		b.StartTimer()
	}
	s := b.Elapsed().Seconds() / float64(b.N)
	// CPU time is the figure to compare on a busy machine: wall time
	// there depends on what else runs.
	b.ReportMetric((cpuTime()-cpu).Seconds()*1000/float64(b.N*n), "cpu-ms/inspection")
	b.ReportMetric(float64(n)/s, "inspections/s")
	// A report is one document in both formats: the report or the plan.
	b.ReportMetric(float64(docs)/2/s, "reports/s")
	b.ReportMetric(peakMiB(), "peak-MiB")
}

// resetPeak returns freed memory to the system and resets the kernel's
// high-water mark of the process's resident memory, so that peakMiB
// measures what follows (Linux; elsewhere peakMiB reports the Go runtime's
// memory obtained from the system).
func resetPeak() {
	runtime.GC()
	debug.FreeOSMemory()
	os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
}

func peakMiB() float64 {
	f, err := os.Open("/proc/self/status")
	if err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
				kb, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
				if err == nil {
					return float64(kb) / 1024
				}
			}
		}
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return float64(ms.Sys) / (1 << 20)
}
