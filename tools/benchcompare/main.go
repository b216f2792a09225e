// Command benchcompare measures this checkout against an earlier commit on
// the same machine in one run (make bench-compare BASE=0f6b3ec): the build
// of 200 generated inspections and the one report of the benchmarks, and
// spur report on the fixture as a whole process, each alternately, so that
// the two see the same machine. It prints each figure's range for both and
// the ratio of the medians.
//
//	go run ./tools/benchcompare -base 0f6b3ec -runs 4
//
// The earlier commit is checked out in a temporary git worktree, removed at
// the end. Benchmarks write under TMPDIR: on a disk where creating a file
// is slow, both builds pay it, and the figures say which file system it was.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

func main() {
	base := flag.String("base", "0f6b3ec", "the commit to compare with")
	runs := flag.Int("runs", 4, "alternating runs of each benchmark")
	procs := flag.Int("procs", 20, "runs of spur report per round of the whole-process comparison")
	flag.Parse()
	if err := run(*base, *runs, *procs); err != nil {
		fmt.Fprintln(os.Stderr, "benchcompare:", err)
		os.Exit(1)
	}
}

// side is one of the two checkouts, built, and what was measured of it.
type side struct {
	name, dir   string
	bench, spur string               // the build package's test binary, and spur
	figures     map[string][]float64 // figure → the value of each run
}

// figure is one value a benchmark printed, with its unit.
type figure struct {
	unit  string
	value float64
}

func run(base string, runs, procs int) error {
	head, err := filepath.Abs(".")
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "benchcompare")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	wt := filepath.Join(tmp, "base")
	if out, err := exec.Command("git", "worktree", "add", "--detach", wt, base).CombinedOutput(); err != nil {
		return fmt.Errorf("git worktree add %s: %v\n%s", base, err, out)
	}
	defer exec.Command("git", "worktree", "remove", "--force", wt).Run()
	// The binaries are named base and head, not after the commits, which
	// may be the same (-base HEAD) or hold a slash (-base origin/main).
	sides := []*side{
		{name: base, dir: wt, bench: filepath.Join(tmp, "base.test"), spur: filepath.Join(tmp, "base.spur")},
		{name: "HEAD", dir: head, bench: filepath.Join(tmp, "head.test"), spur: filepath.Join(tmp, "head.spur")},
	}
	for _, s := range sides {
		s.figures = map[string][]float64{}
		for _, args := range [][]string{{"test", "-c", "-o", s.bench, "./build"}, {"build", "-o", s.spur, "./cmd/spur"}} {
			cmd := exec.Command("go", args...)
			cmd.Dir = s.dir
			if out, err := cmd.CombinedOutput(); err != nil {
				return fmt.Errorf("%s: go %s: %v\n%s", s.name, strings.Join(args, " "), err, out)
			}
		}
	}
	fmt.Printf("benchcompare: %s against %s, %d alternating runs; TMPDIR %s (%s)\n\n", "HEAD", base, runs, os.TempDir(), fsType(os.TempDir()))
	var order []string
	add := func(s *side, name string, v float64) {
		if !slices.Contains(order, name) {
			order = append(order, name)
		}
		s.figures[name] = append(s.figures[name], v)
	}
	for range runs {
		for _, s := range sides {
			for _, b := range []struct{ name, times string }{{"Build200", "3x"}, {"Report", "100x"}} {
				got, err := benchmark(s, b.name, b.times)
				if err != nil {
					return err
				}
				for _, f := range got {
					add(s, b.name+" "+f.unit, f.value)
				}
			}
			ms, err := reportCPU(s, head, procs)
			if err != nil {
				return err
			}
			add(s, "spur report CPU-ms (whole process)", ms)
		}
	}
	fmt.Printf("| figure | %s | HEAD | HEAD / %s |\n| --- | --- | --- | --- |\n", base, base)
	for _, name := range order {
		a, b := sides[0].figures[name], sides[1].figures[name]
		fmt.Printf("| %s | %s | %s | %.2f |\n", name, span(a), span(b), median(b)/median(a))
	}
	return nil
}

// benchLine reads "name value unit" pairs after a benchmark's iteration count.
var benchLine = regexp.MustCompile(`^Benchmark\S+\s+\d+\s+(.*)$`)

// benchmark runs one benchmark of s's build package and returns its figures
// but ns/op (cpu-ms/inspection, inspections/s, peak-MiB, …) in the order
// the benchmark printed them.
func benchmark(s *side, name, times string) ([]figure, error) {
	cmd := exec.Command(s.bench, "-test.run", "^$", "-test.bench", "^Benchmark"+name+"$", "-test.benchtime", times)
	cmd.Dir = filepath.Join(s.dir, "build")
	out, err := cmd.CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("%s: Benchmark%s: %v\n%s", s.name, name, err, out)
	}
	for _, line := range strings.Split(string(out), "\n") {
		m := benchLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		f := strings.Fields(m[1])
		var res []figure
		for i := 0; i+1 < len(f); i += 2 {
			if v, err := strconv.ParseFloat(f[i], 64); err == nil && f[i+1] != "ns/op" {
				res = append(res, figure{f[i+1], v})
			}
		}
		return res, nil
	}
	return nil, fmt.Errorf("%s: Benchmark%s printed no result:\n%s", s.name, name, out)
}

// reportCPU is the mean CPU time (user and system) of spur report on the
// fixture, as a whole process, over n runs into an empty directory.
func reportCPU(s *side, head string, n int) (float64, error) {
	fixture := filepath.Join(head, "fixtures", "almaklinikens-vardcentral-2025.yaml")
	var total time.Duration
	for range n {
		out, err := os.MkdirTemp("", "report")
		if err != nil {
			return 0, err
		}
		cmd := exec.Command(s.spur, "report", fixture, "-o", out)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err = cmd.Run()
		os.RemoveAll(out)
		if err != nil {
			return 0, fmt.Errorf("%s: spur report: %v\n%s", s.name, err, stderr.String())
		}
		total += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	}
	return float64(total.Microseconds()) / 1000 / float64(n), nil
}

func median(v []float64) float64 {
	s := slices.Sorted(slices.Values(v))
	if len(s) == 0 {
		return 0
	}
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// span is "lo–hi" of v, or the one value.
func span(v []float64) string {
	if len(v) == 0 {
		return "–"
	}
	lo, hi := slices.Min(v), slices.Max(v)
	f := func(x float64) string {
		switch {
		case x >= 100:
			return strconv.FormatFloat(x, 'f', 0, 64)
		case x >= 10:
			return strconv.FormatFloat(x, 'f', 1, 64)
		}
		return strconv.FormatFloat(x, 'f', 2, 64)
	}
	if lo == hi {
		return f(lo)
	}
	return f(lo) + "–" + f(hi)
}
