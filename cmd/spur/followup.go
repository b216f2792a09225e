package main

import (
	"bytes"
	"fmt"
	"io"

	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"

	"spur/build"
	"spur/followup"
	"spur/followup/view"
	"spur/grade"
	"spur/input"
	"spur/render/html"
	"spur/render/ics"
	"spur/render/markdown"
	"spur/render/pdf"
	"spur/report/overview"
	"spur/schema"
	"spur/workbook"
)

// followupFormat is one format of spur followup: its name for --format,
// its file ending and its writer.
type followupFormat struct {
	name, ext string
	write     func(w io.Writer, l *view.List) (warnings []string, err error)
}

var followupFormats = []followupFormat{
	{"md", ".md", func(w io.Writer, l *view.List) ([]string, error) { return nil, markdown.Followup(w, l) }},
	{"pdf", ".pdf", pdf.Followup},
	{"html", ".html", html.Followup},
	{"xlsx", ".xlsx", func(w io.Writer, l *view.List) ([]string, error) { return nil, workbook.WriteFollowupList(w, l) }},
	{"ics", ".ics", ics.Followup},
}

// followupStem is the name of spur followup's files before their ending.
const followupStem = "uppfoljning-"

// followupName is the name of one of spur followup's files: the list of a
// day is named by the day (uppfoljning-2026-01-01.pdf), so that a region
// keeps one per round; the calendar is a feed, named the same every day
// (uppfoljning.ics), so that a calendar that subscribes to it sees each
// new run and updates its events by their UIDs.
func followupName(ext, day string) string {
	if ext == ".ics" {
		return "uppfoljning.ics"
	}
	return followupStem + day + ext
}

// followupOutput matches the workbook spur followup writes, which is never
// read as an inspection when the output is inside the directory read.
var followupOutput = regexp.MustCompile(`^uppfoljning-[0-9]{4}-[0-9]{2}-[0-9]{2}\.xlsx$`)

// followup implements `spur followup [DIR] [--as-of DATE] [--within DAYS]
// [--region R] [--specialty S] [--visit-interval N] [-o OUT] [--format
// md,pdf,html,xlsx,ics]`: every action of every inspection under DIR with
// its state as of a day, and the units due for their next visit, as
// OUT/uppfoljning-<day>.md, .pdf, .html, .xlsx and OUT/uppfoljning.ics.
func (e env) followup(args []string) int {
	fs := newFlags(e, "followup")
	asOf := fs.String("as-of", "", "")
	within := fs.Int("within", followup.DefaultWithin, "")
	out := fs.String("o", ".", "")
	formats := fs.String("format", "", "") // "": all five
	var opt followup.Options
	opt.VisitInterval = overview.DefaultVisitInterval
	fs.Var(nonNegative{&opt.VisitInterval}, "visit-interval", "")
	fs.Func("region", "", func(s string) error { opt.Region = append(opt.Region, s); return nil })
	fs.Func("specialty", "", func(s string) error { opt.Specialty = append(opt.Specialty, s); return nil })
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
		e.usagef("followup: name one directory of inspections, not %d arguments", len(pos))
		return exitUsage
	}
	if *within < 0 {
		e.usagef("followup: --within is a number of days, 0 or more")
		return exitUsage
	}
	chosen, err := parseFollowupFormats(*formats)
	if err != nil {
		e.usagef("followup: --format %v", err)
		return exitUsage
	}
	day, _, err := flagDate("--as-of", *asOf) // the day the list is as of
	if err != nil {
		e.usagef("followup: %v", err)
		return exitUsage
	}
	opt.AsOf, opt.Within = day.Time(), *within

	paths, skipped, err := inspectionFiles(dir, *out)
	if err != nil {
		fmt.Fprintf(e.stderr, "spur: %v\n", err)
		return exitInvalid
	}
	for _, s := range skipped {
		fmt.Fprintln(e.stderr, s)
	}
	insps, failed := e.loadAll(paths)
	opt.Failed = failed
	if unmatched, kept := followup.CheckFilters(insps, opt); len(insps) > 0 {
		// What failed to load may be of the region asked for: say so.
		unread := ""
		if len(failed) > 0 {
			unread = fmt.Sprintf(" (%s that could not be read not counted)", plural(len(failed), "inspection"))
		}
		for _, u := range unmatched {
			fmt.Fprintf(e.stderr, "spur followup: warning: %s%s\n", unmatchedText(u, dir), unread)
		}
		if kept == 0 {
			// Files of an empty list would only mislead, and an empty
			// calendar would take every event from one subscribed to it.
			fmt.Fprintf(e.stderr, "spur followup: %s none of the %s under %s%s; nothing written\n",
				choiceText(opt), plural(len(insps), "inspection"), dir, unread)
			return exitInvalid
		}
	}
	l, dups := followup.Build(insps, opt)
	for _, d := range dups {
		fmt.Fprintf(e.stderr, "%v\n", d)
	}

	status := exitOK
	if len(failed) > 0 || len(dups) > 0 {
		status = exitInvalid
	}
	for _, f := range chosen {
		if f.name == "ics" && len(failed)+len(dups) > 0 {
			// The calendar is the one output a program acts on: one
			// subscribed to it deletes the events a file lacks. A typo in
			// one inspection must not empty its unit out of the calendar,
			// so a calendar is written only of a whole repository.
			name := followupName(f.ext, l.AsOf)
			fmt.Fprintf(e.stderr, "spur followup: %s not written: %s, and a calendar subscribed to it would drop their events; "+
				"one already in %s is left as it was (correct the inspections and run spur followup again)\n",
				name, lacking(len(failed), len(dups)), *out)
			continue
		}
		var buf bytes.Buffer
		warnings, err := f.write(&buf, l)
		name := followupName(f.ext, l.AsOf)
		for _, w := range warnings {
			fmt.Fprintf(e.stderr, "%s: warning: %s\n", name, w)
		}
		if err != nil {
			fmt.Fprintf(e.stderr, "spur: %s: %v\n", name, err)
			status = exitInvalid
			continue
		}
		if e.emit(filepath.Join(*out, name), buf.Bytes()) != exitOK {
			status = exitInvalid
		}
	}
	fmt.Fprintf(e.stderr, "spur followup: %s as of %s", followupCount(l), l.AsOf)
	if due, soon := l.VisitCounts[view.VisitDue], l.VisitCounts[view.VisitSoon]; due+soon > 0 {
		fmt.Fprintf(e.stderr, "; next visit due for %s (%d past, %d within %d days)", plural(due+soon, "unit"), due, soon, l.Within)
	}
	if later := laterText(l); later != "" {
		fmt.Fprintf(e.stderr, "; %s", later)
	}
	if len(failed) > 0 {
		fmt.Fprintf(e.stderr, "; %d of %s failed and are missing from the list", len(failed), plural(len(paths), "inspection"))
	}
	fmt.Fprintln(e.stderr)
	return status
}

// choiceText names the flags that choose: "--region leaves",
// "--region and --specialty leave".
func choiceText(opt followup.Options) string {
	switch {
	case len(opt.Region) > 0 && len(opt.Specialty) > 0:
		return "--region and --specialty leave"
	case len(opt.Region) > 0:
		return "--region leaves"
	}
	return "--specialty leaves"
}

// lacking says which inspections the list lacks: "1 inspection could not
// be read", "2 inspections could not be read and 1 was left out as a copy".
func lacking(failed, dups int) string {
	var parts []string
	if failed > 0 {
		parts = append(parts, plural(failed, "inspection")+" could not be read")
	}
	if dups > 0 {
		s := plural(dups, "inspection") + " "
		if failed > 0 {
			s = fmt.Sprint(dups) + " "
		}
		if dups == 1 {
			s += "was left out as a copy"
		} else {
			s += "were left out as copies"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " and ")
}

// laterText says what the list leaves out as not there on its day:
// "2 inspections visited after 2026-01-01 and 1 action plan dated after
// it left out", "" when nothing is.
func laterText(l *view.List) string {
	var parts []string
	if l.LaterVisits > 0 {
		parts = append(parts, plural(l.LaterVisits, "inspection")+" visited after "+l.AsOf)
	}
	if l.LaterPlans > 0 {
		p := plural(l.LaterPlans, "action plan") + " dated after "
		if len(parts) > 0 {
			p += "it"
		} else {
			p += l.AsOf
		}
		parts = append(parts, p)
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, " and ") + " left out"
}

// unmatchedText is the warning of a --region or --specialty value that no
// inspection under dir has.
func unmatchedText(u followup.Unmatched, dir string) string {
	many := map[string]string{"region": "regions", "specialty": "specialties"}[u.Field]
	s := fmt.Sprintf("--%s %q matches no inspection under %s; ", u.Field, u.Value, dir)
	if len(u.Present) == 0 {
		s += "none of them gives a " + u.Field
	} else {
		s += "the " + many + " there: " + strings.Join(u.Present, ", ")
	}
	if u.Suggest != "" {
		s += fmt.Sprintf("; did you mean %q?", u.Suggest)
	}
	return s
}

// followupCount gives "14 actions of 1 inspection: 2 overdue, 1 due within 30 days".
func followupCount(l *view.List) string {
	plans := 0
	for _, r := range l.Regions {
		plans += len(r.Units)
	}
	s := plural(l.Actions(), "action") + " of " + plural(plans, "inspection")
	var parts []string
	if n := l.Total[view.Overdue]; n > 0 {
		parts = append(parts, fmt.Sprintf("%d overdue", n))
	}
	if n := l.Total[view.DueSoon]; n > 0 {
		parts = append(parts, fmt.Sprintf("%d due within %d days", n, l.Within))
	}
	if len(parts) > 0 {
		s += " (" + strings.Join(parts, ", ") + ")"
	}
	return s
}

// parseFollowupFormats reads --format: names separated by commas, "" for
// all of them, in the order of followupFormats.
func parseFollowupFormats(s string) ([]followupFormat, error) {
	if strings.TrimSpace(s) == "" {
		return followupFormats, nil
	}
	want := map[string]bool{}
	for _, n := range strings.Split(s, ",") {
		n = strings.ToLower(strings.TrimSpace(n))
		if n == "markdown" {
			n = "md"
		}
		if !slices.ContainsFunc(followupFormats, func(f followupFormat) bool { return f.name == n }) {
			return nil, fmt.Errorf("%q is not a format of spur followup; choose among md, pdf, html, xlsx and ics", n)
		}
		want[n] = true
	}
	var out []followupFormat
	for _, f := range followupFormats {
		if want[f.name] {
			out = append(out, f)
		}
	}
	return out, nil
}

// loadAll loads the inspections at paths, a few at a time, in the order
// of paths. An inspection that cannot be used is named in failed, its
// errors printed; the list is made of the others.
func (e env) loadAll(paths []string) (insps []*schema.Inspection, failed []string) {
	// Each worker keeps of an inspection what the list reads
	// (followup.Slim), or the problems of one that failed, so that a
	// repository's narratives are not all held at once.
	type loaded struct {
		insp *schema.Inspection
		errs schema.Diagnostics
		err  error
	}
	res := make([]loaded, len(paths))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(len(paths), 1)) {
		wg.Go(func() {
			for i := range next {
				in, err := input.File(paths[i], grade.DefaultPolicy())
				switch {
				case err != nil:
					res[i].err = err
				case !in.OK():
					for _, d := range in.Diags {
						if d.Severity != schema.Warning {
							res[i].errs = append(res[i].errs, d)
						}
					}
				default:
					res[i].insp = followup.Slim(in.Inspection)
				}
			}
		})
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, r := range res {
		switch {
		case r.err != nil:
			fmt.Fprintf(e.stderr, "spur: %v\n", r.err)
		case r.insp == nil:
			e.printDiags(r.errs)
		default:
			insps = append(insps, r.insp)
			continue
		}
		failed = append(failed, paths[i])
	}
	return insps, failed
}

// inspectionFiles lists the inspection files under dir as spur build
// finds them (build.Find), leaving out the workbooks spur followup writes,
// which -o may put among the inspections.
func inspectionFiles(dir, out string) (paths, skipped []string, err error) {
	if st, err := os.Stat(dir); err != nil {
		return nil, nil, err
	} else if !st.IsDir() {
		return nil, nil, fmt.Errorf("%s is not a directory; spur followup takes the directory of the inspections", dir)
	}
	all, problems, err := build.Find(dir, out)
	for _, p := range problems {
		skipped = append(skipped, p.File+": warning: "+p.Message)
	}
	for _, p := range all {
		if !followupOutput.MatchString(filepath.Base(p)) {
			paths = append(paths, p)
		}
	}
	return paths, skipped, err
}
