package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"

	"spur/build"
	"spur/format"
	"spur/report"
	"spur/report/overview"
)

// build implements `spur build [DIR] [-o OUT] [-j N] [--check] [--json] …`:
// every report and action plan of a repository of inspections, and the
// overview OUT/index.md and .pdf.
func (e env) build(args []string) int {
	fs := newFlags(e, "build")
	out := fs.String("o", "out", "")
	jobs := fs.Int("j", runtime.NumCPU(), "")
	check := fs.Bool("check", false, "")
	prune := fs.Bool("prune", false, "")
	asJSON := fs.Bool("json", false, "")
	formats := fs.String("format", "", "") // "": every registered format
	lang := fs.String("lang", "sv", "")
	tmplDir := fs.String("templates", "", "")
	fonts := fontsFlag(fs)
	since := fs.String("since", "", "")
	var filter overview.Filter
	fs.Func("specialty", "", func(s string) error { filter.Specialty = append(filter.Specialty, s); return nil })
	fs.Func("region", "", func(s string) error { filter.Region = append(filter.Region, s); return nil })
	interval := overview.DefaultVisitInterval
	fs.Var(nonNegative{&interval}, "visit-interval", "")
	pol := policyFlags(fs)
	pos, ok := e.parse(fs, args)
	if !ok {
		return exitUsage
	}
	dir := "."
	switch len(pos) {
	case 0:
	case 1:
		dir = pos[0]
	default:
		e.usagef("build: name one directory of inspections, not %d arguments", len(pos))
		return exitUsage
	}
	if *jobs < 1 {
		e.usagef("build: -j is the number of inspections built at once, at least 1")
		return exitUsage
	}
	if _, err := format.Default.Parse(*formats); err != nil {
		e.usagef("build: --format %v", err)
		return exitUsage
	}
	if _, ok := report.LabelsFor(*lang); !ok {
		e.usagef("build: --lang is sv or en, not %q", *lang)
		return exitUsage
	}
	if pol.MaxUnmetIndicators < 0 {
		e.usagef("build: --max-unmet-indicators cannot be negative")
		return exitUsage
	}
	if *since != "" {
		d, err := isoDate(*since)
		if err != nil {
			e.usagef("build: --since %v", err)
			return exitUsage
		}
		filter.Since = d.Time()
	}
	date, err := sourceDate()
	if err != nil {
		e.usagef("%v", err)
		return exitUsage
	}
	// A soft ceiling for the garbage collector, beside the build's own
	// budget (build.MemoryBudget); GOMEMLIMIT overrides it.
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(1 << 30)
	}
	defer stopsCleanly("stopping after the documents being written")()
	sum, err := build.Run(e.ctx, build.Options{
		Dir: dir, Out: *out, Jobs: *jobs, Formats: *formats, Check: *check, Prune: *prune, Policy: *pol, Lang: *lang,
		Date: date, Templates: *tmplDir, Fonts: *fonts, Filter: filter, VisitInterval: interval, Log: e.stderr, Terminal: isTerminal(e.stderr),
	})
	if sum == nil {
		fmt.Fprintf(e.stderr, "spur: %v\n", err)
		return exitInvalid
	}
	if *asJSON {
		e.writeJSON(sum)
	} else {
		e.printBuild(sum)
	}
	switch {
	case errors.Is(err, context.Canceled):
		fmt.Fprintf(e.stderr, "spur build: interrupted after %d of %d inspections; every file written is whole\n", sum.Built, sum.Inputs)
		if code := stoppedBy.Load(); code != 0 {
			return int(code)
		}
		return exitInterrupted
	case err != nil:
		fmt.Fprintf(e.stderr, "spur: %v\n", err)
		return exitInvalid
	case !sum.OK():
		return exitInvalid
	}
	return exitOK
}

// printBuild gives the files on stdout, one a line (written ones, or with
// --check the differences), and on stderr the documents kept for failing
// inputs, what to do about unexpected files and a closing line.
func (e env) printBuild(s *build.Summary) {
	if s.Check {
		for _, l := range []struct {
			what  string
			paths []string
		}{{"stale", s.Stale}, {"missing", s.Missing}, {"unexpected", s.Unexpected}, {"leftover", s.Leftovers}} {
			for _, p := range l.paths {
				fmt.Fprintf(e.stdout, "%s: %s\n", l.what, p)
			}
		}
	} else {
		for _, p := range s.Written {
			fmt.Fprintln(e.stdout, p)
		}
		for _, p := range s.Pruned {
			fmt.Fprintf(e.stdout, "removed: %s\n", p)
		}
		for _, p := range s.Removed {
			fmt.Fprintf(e.stderr, "%s: removed, a temporary file an interrupted build left\n", p)
		}
		for _, p := range s.Unexpected {
			if len(s.Failed) > 0 {
				fmt.Fprintf(e.stderr, "%s: no inspection gives this file any more; delete it, or build with --prune once every inspection builds (--prune removes nothing while one fails)\n", p)
			} else {
				fmt.Fprintf(e.stderr, "%s: no inspection gives this file any more; delete it, or build with --prune (spur build --check fails while it is there)\n", p)
			}
		}
	}
	kept := 0
	for _, f := range s.Failing {
		for _, p := range f.Documents {
			if f.Guessed {
				fmt.Fprintf(e.stderr, "%s: kept: perhaps a document of %s, which failed before naming its unit and visit; left as it is until that input builds\n", p, f.Input)
			} else {
				fmt.Fprintf(e.stderr, "%s: kept: a document of %s, which failed; left as it is until that input builds\n", p, f.Input)
			}
		}
		kept += len(f.Documents)
	}
	verb := "built"
	if s.Check {
		verb = "checked"
	}
	line := fmt.Sprintf("spur build: %d of %s %s", s.Built, plural(s.Inputs, "inspection"), verb)
	if n := len(s.Failed); n > 0 {
		line += fmt.Sprintf(", %d failed", n)
	}
	if s.Check {
		line += fmt.Sprintf("; %s up to date, %d stale, %d missing, %d unexpected", files(s.Unchanged), len(s.Stale), len(s.Missing), len(s.Unexpected))
		if len(s.Leftovers) > 0 {
			line += fmt.Sprintf(", %d left over by an interrupted run", len(s.Leftovers))
		}
	} else {
		line += fmt.Sprintf("; %s written, %d unchanged", files(len(s.Written)), s.Unchanged)
	}
	if kept > 0 {
		line += fmt.Sprintf(", %d kept for failing inspections", kept)
	}
	if s.Check {
		line += checkHint(s)
	}
	fmt.Fprintln(e.stderr, line)
}

// checkHint is what to do after a check that failed: mend the failing
// inputs first, then build, with --prune when there are unexpected files.
func checkHint(s *build.Summary) string {
	rebuild := len(s.Stale)+len(s.Missing)+len(s.Leftovers) > 0
	switch {
	case len(s.Failed) > 0:
		return "; mend the failing inspections first (their errors are above), then run spur build and commit the result"
	case rebuild && len(s.Unexpected) > 0:
		return "; run spur build --prune and commit the result"
	case rebuild:
		return "; run spur build without --check and commit the result"
	case len(s.Unexpected) > 0:
		return "; delete the unexpected files, or run spur build --prune, and commit the result"
	}
	return ""
}

// isTerminal reports whether w is a terminal, where a progress line may be
// redrawn; in CI it is a pipe or a file and gets plain lines.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// plural gives "1 file", "2 files", "2 entries".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	if stem, ok := strings.CutSuffix(word, "y"); ok {
		return fmt.Sprintf("%d %sies", n, stem)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func files(n int) string { return plural(n, "file") }
