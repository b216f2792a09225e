package build

import (
	"path"
	"path/filepath"

	"spur/format"
	"spur/report/compose"
	"spur/report/overview"
)

// failingStatus is the status in the overview of an inspection that fails
// to build, in place of "Slutlig" or "Preliminär": its row is kept, with
// no grades, and links its report only where an earlier build left it.
var failingStatus = map[string]string{"sv": "Underlaget har fel", "en": "Input has errors"}

// index writes (or checks) the overview of every inspection, as chosen by
// opt.Filter, in Out: index<ext> in every chosen format. An inspection that
// fails keeps its row, marked as failing (failingStatus), so that a typo
// does not take a unit out of the overview; the grades per area and the
// criteria most often unmet count the inspections built alone.
func (b *builder) index(items []*item, sv *survey) error {
	var failing []*item
	var rows []overview.Row
	for _, it := range items {
		switch {
		case it.ok:
			rows = append(rows, it.row)
		case it.read:
			failing = append(failing, it)
		}
	}
	v := compose.Overview(rows, b.opt.Filter, b.opt.Lang)
	if len(failing) > 0 {
		// A good row always links its report, and a failing row only a
		// kept file, which no good input gives: a row is failing when its
		// link is one of those, or when it has none.
		marked := map[string]bool{"": true}
		for _, it := range failing {
			r := b.failingRow(it, len(v.Areas), sv)
			marked[r.Report] = true
			rows = append(rows, r)
		}
		all := compose.Overview(rows, b.opt.Filter, b.opt.Lang)
		v.Rows, v.Count = all.Rows, all.Count
		status := failingStatus[b.opt.Lang]
		if status == "" {
			status = failingStatus["sv"]
		}
		for i := range v.Rows {
			if marked[v.Rows[i].Report] {
				v.Rows[i].Status = status
			}
		}
	}
	if !b.opt.Date.IsZero() {
		v.Date = b.opt.Date
	}
	bufs := bufferPool.Get().(*buffers)
	defer bufferPool.Put(bufs)
	for i := range b.formats {
		w := &b.formats[i]
		name := b.indexName(w)
		bufs.doc.Reset()
		warnings, err := w.Index(&bufs.doc, v)
		for _, msg := range warnings {
			p := Problem{File: b.outPath(name), Severity: "warning", Message: msg}
			b.sum.Problems = append(b.sum.Problems, p)
			b.prog.clear()
			b.opt.Log.Write([]byte(p.String() + "\n"))
		}
		if err != nil {
			return err
		}
		if err := b.put(name, b.opt.Dir, bufs.doc.Bytes(), &bufs.old); err != nil {
			return err
		}
	}
	return nil
}

// failingRow is the row of a failing input: what it says of its unit and
// visit (its path relative to Dir in place of a unit it does not name), a
// blank grade in each of the areas, and a link to its report where an
// earlier build left one (a file it keeps).
func (b *builder) failingRow(it *item, areas int, sv *survey) overview.Row {
	r := overview.Row{
		Unit: it.row.Unit, Organisation: it.row.Organisation, Specialty: it.row.Specialty, Region: it.row.Region,
		Visit: it.row.Visit, Final: it.row.Final, Catalog: it.row.Catalog, Grades: make([]string, areas),
	}
	if r.Unit == "" {
		r.Unit = path.Join(it.dir, filepath.Base(it.path))
	}
	if it.slug != "" {
		if rel := path.Join(it.dir, b.linked.File(format.Report, it.slug, b.opt.Lang)); sv.kept[rel] {
			r.Report = rel
		}
	}
	return r
}
