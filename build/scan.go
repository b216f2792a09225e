package build

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"spur/input"
	"spur/report"
	"spur/report/overview"
)

// find lists the inspection files under dir in lexical order, skipping dot
// files and folders and the output directory.
func find(dir, out string) ([]string, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("%s is not a directory; spur build takes the directory of the inspections (spur report builds one file)", dir)
	}
	outAbs, _ := filepath.Abs(out)
	var paths []string
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if abs, _ := filepath.Abs(p); p != dir && abs == outAbs {
				return filepath.SkipDir
			}
			return nil
		}
		if input.IsInspection(d.Name()) {
			paths = append(paths, p)
		}
		return nil
	})
	return paths, err
}

// scan is the first pass: it loads every input, in parallel, and keeps
// its problems, its output names and its row of the overview. It then
// fails both inputs of every pair that would write the same file.
func (b *builder) scan(ctx context.Context, paths []string) []*item {
	items := make([]*item, len(paths))
	for i, p := range paths {
		items[i] = &item{path: p}
	}
	b.prog.start("checking", len(items))
	b.parallel(ctx, items, b.load)
	b.collisions(items)
	return items
}

// parallel runs f on every item with opt.Jobs workers, until ctx is done.
func (b *builder) parallel(ctx context.Context, items []*item, f func(context.Context, *item)) {
	next := make(chan *item)
	var wg sync.WaitGroup
	for range min(b.opt.Jobs, max(len(items), 1)) {
		wg.Go(func() {
			for it := range next {
				f(ctx, it)
				b.prog.done(!it.ok)
			}
		})
	}
feed:
	for _, it := range items {
		select {
		case next <- it:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
}

// planSuffix is the action plan's file name after the report's, as spur
// actionplan names it: "-handlingsplan", "-action-plan".
func planSuffix(lang string) string {
	l, _ := report.LabelsFor(lang)
	return "-" + strings.ToLower(strings.ReplaceAll(l.Decision, " ", "-"))
}

func (b *builder) load(_ context.Context, it *item) {
	it.read = true
	in, err := input.File(it.path, b.opt.Policy)
	if err != nil {
		it.problems = []Problem{{File: it.path, Severity: "error", Message: err.Error()}}
		return
	}
	for _, d := range in.Diags {
		it.problems = append(it.problems, problemOf(d))
	}
	if !in.OK() {
		return
	}
	rel, err := filepath.Rel(b.opt.Dir, filepath.Dir(it.path))
	if err != nil {
		it.problems = append(it.problems, Problem{File: it.path, Severity: "error", Message: err.Error()})
		return
	}
	it.dir = filepath.ToSlash(rel)
	if it.dir == "." {
		it.dir = ""
	}
	it.slug = report.Slug(in.Unit.Name, in.Visit.String())
	it.plan = in.ActionPlan != nil
	var kinds []docKind
	kinds, it.outs = b.docs(it)
	// The overview links the report in Markdown where there is one, else
	// its PDF; never the action plan.
	var link string
	for i, k := range kinds {
		if k == reportMD || k == reportPDF && link == "" {
			link = it.outs[i]
		}
	}
	it.row = overview.RowOf(in.Inspection, in.Grades, link)
	it.ok = true
}

// collisions fails every input whose documents another input also gives:
// which of the two would win must not depend on the order of the workers.
func (b *builder) collisions(items []*item) {
	first := map[string]*item{}
	reserved := map[string]bool{}
	for _, n := range IndexNames {
		reserved[n] = true
	}
	for _, it := range items {
		if !it.ok {
			continue
		}
		for _, o := range it.outs {
			if reserved[o] {
				it.fail(fmt.Sprintf("its document %s would replace the overview; rename the unit", b.outPath(o)))
				break
			}
			other, dup := first[o]
			if !dup {
				first[o] = it
				continue
			}
			msg := "gives %s, as does %s: the same unit visited on the same day; correct the unit's name or the visit date, or move one file to another folder"
			other.fail(fmt.Sprintf(msg, b.outPath(o), it.path))
			it.fail(fmt.Sprintf(msg, b.outPath(o), other.path))
			break
		}
	}
}

// fail marks an item failed with a problem about the whole file, which
// comes before those at a line, as in schema.Diagnostics.
func (it *item) fail(msg string) {
	it.ok = false
	it.problems = append([]Problem{{File: it.path, Severity: "error", Message: msg}}, it.problems...)
}
