package build

import (
	"path"
	"path/filepath"

	"spur/format"
	"spur/report/compose"
	"spur/report/overview"
)

// index writes (or checks) the overview of every inspection, as chosen by
// opt.Filter, in Out: index<ext> in every chosen format. An inspection that
// fails keeps its row, marked as failing (overview.Row.Failing), so that a
// typo does not take a unit out of the overview; every statistic of the
// overview counts the inspections built alone.
func (b *builder) index(items []*item, sv *survey) error {
	var rows []overview.Row
	for _, it := range items {
		switch {
		case it.ok:
			rows = append(rows, it.row)
		case it.read:
			rows = append(rows, b.failingRow(it, sv))
		}
	}
	v := compose.OverviewWith(rows, overview.Options{Filter: b.opt.Filter, Lang: b.opt.Lang,
		AsOf: b.opt.Date, VisitInterval: b.opt.VisitInterval})
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
// visit (its path relative to Dir in place of a unit it does not name), no
// grade, and a link to its report where an earlier build left one (a file
// it keeps).
func (b *builder) failingRow(it *item, sv *survey) overview.Row {
	r := overview.Row{
		Unit: it.row.Unit, Organisation: it.row.Organisation, Specialty: it.row.Specialty, Region: it.row.Region,
		Visit: it.row.Visit, Final: it.row.Final, Catalog: it.row.Catalog, Failing: true,
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
