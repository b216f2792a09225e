package build

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"spur/format"
	"spur/input"
	"spur/report"
	"spur/report/compose"
	"spur/report/overview"
	"spur/schema"
	"spur/workbook"
)

// Find lists the inspection files under dir as spur build finds them, for
// another command that reads a repository of inspections (spur followup):
// out, that command's output directory, is skipped when it lies inside
// dir.
func Find(dir, out string) (paths []string, skipped []Problem, err error) {
	outReal := ""
	if out != "" {
		if r, err := realPath(out); err == nil {
			outReal = r
		}
	}
	return find(dir, outReal)
}

// find lists the inspection files under dir in lexical order, skipping dot
// files and folders and the output directory. dir may be a symbolic link
// to a folder; the paths keep the name given. A link inside dir is read
// only when it leads to a regular file inside dir; other links, named
// pipes, devices and sockets are skipped, each with a warning that names
// it (never its content).
func find(dir, outReal string) (paths []string, skipped []Problem, err error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, nil, err
	}
	if !st.IsDir() {
		return nil, nil, fmt.Errorf("%s is not a directory; spur build takes the directory of the inspections (spur report builds one file)", dir)
	}
	root, err := realPath(dir)
	if err != nil {
		return nil, nil, err
	}
	skip := func(p, format string, args ...any) {
		skipped = append(skipped, Problem{File: p, Severity: "warning", Message: fmt.Sprintf(format, args...)})
	}
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		shown := dir
		if p != root {
			rel, err := filepath.Rel(root, p)
			if err != nil {
				return err
			}
			shown = filepath.Join(dir, rel)
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if p != root && p == outReal {
				return filepath.SkipDir
			}
			return nil
		}
		if !input.IsInspection(d.Name()) {
			return nil
		}
		switch t := d.Type(); {
		case t.IsRegular():
		case t&fs.ModeSymlink != 0:
			target, err := filepath.EvalSymlinks(p)
			if err != nil {
				skip(shown, "a symbolic link to nothing (%s); skipped", linkText(p))
				return nil
			}
			if !inside(root, target) {
				skip(shown, "a symbolic link to a file outside %s; skipped: spur build reads only the folder it is given", dir)
				return nil
			}
			st, err := os.Stat(target)
			if err != nil || !st.Mode().IsRegular() {
				skip(shown, "a symbolic link to something that is not a regular file; skipped")
				return nil
			}
		default:
			skip(shown, "%s, not an inspection file; skipped", input.Kind(t))
			return nil
		}
		// The unit's filled plan and the region's follow-up workbooks
		// lie beside the inspections: spur's own, and no inspection.
		if strings.EqualFold(filepath.Ext(p), ".xlsx") {
			if data, err := input.ReadFile(p); err == nil {
				if what := workbook.NotInspection(p, data); what != "" {
					skip(shown, "%s, not an inspection; skipped", what)
					return nil
				}
			}
		}
		paths = append(paths, shown)
		return nil
	})
	return paths, skipped, err
}

// scan is the first pass: it loads every input, in parallel, and keeps
// its problems, its output names and its row of the overview. It then
// fails both inputs of every pair that would write the same file.
func (b *builder) scan(ctx context.Context, paths []string) []*item {
	items := make([]*item, len(paths))
	for i, p := range paths {
		items[i] = &item{path: p, charge: minCharge}
		if st, err := os.Stat(p); err == nil {
			items[i].charge = charge(st.Size())
		}
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
				if !b.mem.acquire(ctx, it.charge) {
					continue
				}
				f(ctx, it)
				b.mem.release(it.charge)
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

func (b *builder) load(_ context.Context, it *item) {
	it.read = true
	rel, err := filepath.Rel(b.opt.Dir, filepath.Dir(it.path))
	if err != nil {
		it.problems = []Problem{{File: it.path, Severity: "error", Message: err.Error()}}
		return
	}
	it.dir = filepath.ToSlash(rel)
	if it.dir == "." {
		it.dir = ""
	}
	data, err := input.ReadFile(it.path)
	if err != nil {
		it.problems = []Problem{{File: it.path, Severity: "error", Message: err.Error()}}
		return
	}
	in := input.Bytes(it.path, data, b.opt.Policy)
	for _, d := range in.Diags {
		it.problems = append(it.problems, problemOf(d))
	}
	// What a failing input still tells, its unit and its visit, names
	// its documents and its row of the overview (survey, index).
	if in.Inspection != nil {
		it.row = described(in.Inspection)
		if strings.TrimSpace(in.Unit.Name) != "" && !in.Visit.IsZero() {
			it.slug = report.Slug(in.Unit.Name, in.Visit.String())
		}
	}
	if !in.OK() {
		return
	}
	it.slug = report.Slug(in.Unit.Name, in.Visit.String())
	it.plan = in.ActionPlan != nil
	// The overview links the report in one format (b.linked); never the
	// action plan.
	var link string
	for _, d := range b.docs(it) {
		it.outs = append(it.outs, d.rel)
		if d.w == b.linked && d.doc == format.Report {
			link = d.rel
		}
	}
	it.row = compose.Row(in.Inspection, in.Grades, link)
	it.visit = in.Visit.Time()
	it.ok = true
	b.keep.offer(it, in, data)
}

// described is the row of an inspection that did not load without errors:
// what it says of its unit and visit, no grade, no plan and no unmet
// criterion, since these are not known without a valid inspection.
func described(insp *schema.Inspection) overview.Row {
	return overview.Row{
		Unit: insp.Unit.Name, Organisation: insp.Unit.Organisation, Specialty: insp.Unit.Specialty,
		Region: insp.Unit.Region, Visit: insp.Visit.String(), Final: insp.Status == schema.Final, Catalog: insp.Catalog,
	}
}

// collisions fails every input whose documents another input also gives:
// which of the two would win must not depend on the order of the workers.
func (b *builder) collisions(items []*item) {
	first := map[string]*item{}
	reserved := map[string]bool{}
	for _, f := range b.opt.Registry.Formats() {
		reserved[f.File(format.Index, "", b.opt.Lang)] = true
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
			why := "the same unit visited on the same day; correct the unit's name or the visit date, or move one file to another folder"
			if other.row.Unit != it.row.Unit || other.row.Visit != it.row.Visit {
				why = fmt.Sprintf("the units %q and %q (visits %s and %s) give the same file name, which keeps only lower-case letters, digits and at most %d characters; make the names differ sooner, or move one file to another folder", schema.Clip(other.row.Unit), schema.Clip(it.row.Unit), other.row.Visit, it.row.Visit, report.MaxSlug)
			}
			other.fail(fmt.Sprintf("gives %s, as does %s: %s", b.outPath(o), it.path, why))
			it.fail(fmt.Sprintf("gives %s, as does %s: %s", b.outPath(o), other.path, why))
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
