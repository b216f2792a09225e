package corpus_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"spur/corpus"
	"spur/grade"
	"spur/input"
	"spur/schema"
)

// load loads every generated file as spur does and fails on any error.
func load(t *testing.T, paths []string) []*input.Inspection {
	t.Helper()
	var out []*input.Inspection
	for _, p := range paths {
		in, err := input.File(p, grade.DefaultPolicy())
		if err != nil {
			t.Fatal(err)
		}
		if in.Diags.HasErrors() {
			t.Fatalf("%s:\n%s", p, in.Diags)
		}
		out = append(out, in)
	}
	return out
}

// TestRevisitsAndFollowUps generates repositories with both options and
// checks, from the files as spur reads them, what a region's repository
// after some years holds: repeat visits that schema.PreviousOf finds, with
// plausible changes, and follow-ups in every state.
func TestRevisitsAndFollowUps(t *testing.T) {
	for _, c := range []struct {
		seed int64
		asOf string // "": the default, 2026-01-01
	}{{1, ""}, {2, ""}, {3, "2024-06-30"}} {
		t.Run(fmt.Sprint("seed ", c.seed, " ", c.asOf), func(t *testing.T) {
			opt := corpus.Options{Revisits: true, FollowUps: true}
			asOf := time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC)
			if c.asOf != "" {
				asOf, _ = time.Parse(time.DateOnly, c.asOf)
				opt.AsOf = asOf
			}
			dir := t.TempDir()
			paths, err := corpus.GenerateWith(dir, 200, c.seed, opt)
			if err != nil {
				t.Fatal(err)
			}
			if len(paths) != 200 {
				t.Fatalf("%d files, want 200", len(paths))
			}
			ins := load(t, paths)
			all := make([]*schema.Inspection, len(ins))
			for i, in := range ins {
				all[i] = in.Inspection
				checkWarnings(t, in)
			}
			checkRevisits(t, all)
			checkFollowUps(t, ins, asOf)
		})
	}
}

// checkWarnings accepts one warning only: a due date spur cannot read,
// one per such entry, and no other.
func checkWarnings(t *testing.T, in *input.Inspection) {
	t.Helper()
	var want []string
	if in.ActionPlan != nil {
		for _, e := range in.ActionPlan.Entries {
			if strings.TrimSpace(e.Due.Text) != "" && e.Due.Parsed.Kind == schema.DateNone {
				want = append(want, fmt.Sprintf("cannot read %q as a date", e.Due.Text))
			}
		}
	}
	var got []string
	for _, d := range in.Diags {
		msg, _, _ := strings.Cut(d.Message, ";")
		got = append(got, msg)
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("%s: warnings\n%s\nwant one per unreadable due date: %q", in.File, in.Diags, want)
	}
}

// checkRevisits groups the inspections by unit and checks each later
// visit against the one before it.
func checkRevisits(t *testing.T, all []*schema.Inspection) {
	t.Helper()
	byUnit := map[string][]*schema.Inspection{}
	for _, in := range all {
		byUnit[in.Unit.Identity()] = append(byUnit[in.Unit.Identity()], in)
	}
	seen := map[string]int{}
	for _, in := range all {
		visits := byUnit[in.Unit.Identity()]
		slices.SortFunc(visits, func(a, b *schema.Inspection) int { return a.Visit.Time().Compare(b.Visit.Time()) })
		i := slices.Index(visits, in)
		got := schema.PreviousOf(in, all)
		if i == 0 {
			if got != nil {
				t.Errorf("%s is the first visit of its unit, but PreviousOf gives %s", in.File, got.File)
			}
			continue
		}
		prev := visits[i-1]
		if got != prev {
			t.Errorf("PreviousOf(%s) = %v, want %s", in.File, got, prev.File)
			continue
		}
		seen["revisit"]++
		if d := in.Visit.Time(); d.Before(prev.Visit.Time().AddDate(3, 0, 0)) || d.After(prev.Visit.Time().AddDate(6, 0, 0)) {
			t.Errorf("%s (%s) follows %s (%s): not 3 to 6 years after", in.File, in.Visit, prev.File, prev.Visit)
		}
		if prev.Status != schema.Final {
			t.Errorf("%s is visited again, but its report is %s", prev.File, prev.Status)
		}
		if in.Unit.Specialty != prev.Unit.Specialty || in.Unit.Region != prev.Unit.Region || in.Unit.Place != prev.Unit.Place {
			t.Errorf("%s and %s are one unit in two specialties, regions or places: %+v, %+v", prev.File, in.File, prev.Unit, in.Unit)
		}
		if in.Unit.ID != "" {
			seen["with id"]++
		}
		if in.Unit.Name != prev.Unit.Name || in.Unit.Organisation != prev.Unit.Organisation {
			seen["written differently"]++
		}
		if in.Catalog != prev.Catalog {
			seen["catalogue "+prev.Catalog+" → "+in.Catalog]++
		}
		for letter, a := range in.Areas {
			was := prev.Areas[letter].NotMet
			for _, id := range a.NotMet {
				if !slices.Contains(was, id) {
					seen["newly unmet"]++
				}
			}
			for _, id := range was {
				if slices.Contains(a.NotMet, id) {
					seen["still unmet"]++
				} else {
					seen["newly met"]++
				}
			}
		}
	}
	t.Logf("repeat visits: %v", seen)
	if seen["revisit"] < 20 {
		t.Errorf("%d repeat visits in %d inspections, want at least 20", seen["revisit"], len(all))
	}
	for _, k := range []string{"with id", "written differently", "catalogue 2023 → 2025", "newly unmet", "newly met", "still unmet"} {
		if seen[k] == 0 {
			t.Errorf("no repeat visit with %s: %v", k, seen)
		}
	}
	// The earlier visit of the catalogue moves forward only.
	if seen["catalogue 2025 → 2023"] > 0 {
		t.Errorf("%d repeat visits go back to the older catalogue", seen["catalogue 2025 → 2023"])
	}
}

// checkFollowUps computes each action's state on asOf from the follow-ups
// and the due date as spur reads them, and checks that every state occurs.
func checkFollowUps(t *testing.T, ins []*input.Inspection, asOf time.Time) {
	t.Helper()
	seen := map[string]int{}
	for _, in := range ins {
		if in.ActionPlan == nil {
			continue
		}
		planDay := in.ActionPlan.Date.Time()
		for _, e := range in.ActionPlan.Entries {
			var last schema.FollowUp
			for i, f := range e.FollowUps {
				d := f.Date.Time()
				if !d.After(planDay) || d.After(asOf) {
					t.Errorf("%s: a follow-up of %s on %s, not after the plan (%s) and on or before %s", in.File, e.Criterion, f.Date, in.ActionPlan.Date, asOf.Format(time.DateOnly))
				}
				if i > 0 && !d.After(last.Date.Time()) {
					t.Errorf("%s: the follow-ups of %s are not in order of date", in.File, e.Criterion)
				}
				if last.Status == schema.Done {
					t.Errorf("%s: %s is followed up again after it was done", in.File, e.Criterion)
				}
				seen["status "+string(f.Status)]++
				if f.Note != "" {
					seen["note"]++
				}
				if f.By != "" {
					seen["by"]++
				}
				last = f
			}
			if len(e.FollowUps) > 0 {
				if in.Status != schema.Final {
					t.Errorf("%s: a preliminary report's plan is followed up", in.File)
				}
				seen["latest "+string(last.Status)]++
			}
			if len(e.FollowUps) > 1 {
				seen["several"]++
			}
			switch due := e.Due.Parsed; {
			case strings.TrimSpace(e.Due.Text) == "":
				seen["no due"]++
			case due.Kind == schema.DateNone:
				seen["unreadable due"]++
			case due.Kind == schema.DateOngoing:
				seen["ongoing"]++
			case due.Kind == schema.DateDone:
			case due.Date.Before(asOf) && last.Status != schema.Done:
				seen["overdue"]++
			}
		}
	}
	t.Logf("follow-ups: %v", seen)
	for _, k := range []string{"status done", "status partly", "status not_done", "status postponed",
		"latest done", "latest partly", "latest not_done", "latest postponed",
		"note", "by", "several", "no due", "unreadable due", "ongoing", "overdue"} {
		if seen[k] == 0 {
			t.Errorf("no follow-up or action with %s: %v", k, seen)
		}
	}
}

// TestOptionsRepeat: with options too, the same seed gives the same
// files, and a longer run starts with the files of a shorter one.
func TestOptionsRepeat(t *testing.T) {
	opt := corpus.Options{Revisits: true, FollowUps: true}
	a, b, long := read(t, 60, 9, opt), read(t, 60, 9, opt), read(t, 90, 9, opt)
	if len(a) != 60 || len(long) != 90 {
		t.Fatalf("%d and %d files, want 60 and 90", len(a), len(long))
	}
	for name, data := range a {
		if !bytes.Equal(b[name], data) {
			t.Errorf("%s differs between two runs with seed 9", name)
		}
		if !bytes.Equal(long[name], data) {
			t.Errorf("%s differs between runs of 60 and 90 files", name)
		}
	}
	// The options change the files: a run that opts in is not Generate's.
	plain := read(t, 60, 9, corpus.Options{})
	same := 0
	for name, data := range a {
		if bytes.Equal(plain[name], data) {
			same++
		}
	}
	if same == len(a) {
		t.Error("Revisits and FollowUps change no file")
	}
}

// TestZeroOptionsAreGenerate: the existing callers (the load test, the
// benchmarks, the render and fault tests) get Generate's files, and
// follow-ups alone add to the same inspections without changing which.
func TestZeroOptionsAreGenerate(t *testing.T) {
	dir := t.TempDir()
	paths, err := corpus.Generate(dir, 50, 7)
	if err != nil {
		t.Fatal(err)
	}
	gen := map[string][]byte{}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, p)
		gen[rel] = data
	}
	with := read(t, 50, 7, corpus.Options{})
	if len(with) != len(gen) {
		t.Fatalf("%d files with the zero Options, %d from Generate", len(with), len(gen))
	}
	for name, data := range gen {
		if !bytes.Equal(with[name], data) {
			t.Errorf("%s differs between Generate and GenerateWith(Options{})", name)
		}
	}

	fdir := t.TempDir()
	fpaths, err := corpus.GenerateWith(fdir, 50, 7, corpus.Options{FollowUps: true})
	if err != nil {
		t.Fatal(err)
	}
	plain, followed := load(t, paths), load(t, fpaths)
	followUps := 0
	for i := range plain {
		p, f := plain[i], followed[i]
		if p.Unit != f.Unit || !p.Visit.Time().Equal(f.Visit.Time()) || p.Status != f.Status || p.Catalog != f.Catalog {
			t.Errorf("%s: FollowUps changes the inspection: %+v %s, not %+v %s", fpaths[i], f.Unit, f.Visit, p.Unit, p.Visit)
			continue
		}
		for letter, a := range p.Areas {
			if !slices.Equal(a.NotMet, f.Areas[letter].NotMet) {
				t.Errorf("%s: FollowUps changes the criteria not met in %s", fpaths[i], letter)
			}
		}
		if f.ActionPlan != nil {
			for _, e := range f.ActionPlan.Entries {
				followUps += len(e.FollowUps)
			}
		}
	}
	if followUps == 0 {
		t.Error("FollowUps adds no follow-up to 50 inspections")
	}
}

// read generates n files and returns them by path under the folder.
func read(t *testing.T, n int, seed int64, opt corpus.Options) map[string][]byte {
	t.Helper()
	dir := t.TempDir()
	paths, err := corpus.GenerateWith(dir, n, seed, opt)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, p)
		out[rel] = b
	}
	return out
}
