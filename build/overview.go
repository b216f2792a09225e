package build

import (
	"spur/report/compose"
	"spur/report/overview"
)

// index writes (or checks) the overview of every inspection built, as
// chosen by opt.Filter, in Out: index<ext> in every chosen format.
func (b *builder) index(items []*item) error {
	var rows []overview.Row
	for _, it := range items {
		if it.ok {
			rows = append(rows, it.row)
		}
	}
	v := compose.Overview(rows, b.opt.Filter, b.opt.Lang)
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
		if err := b.put(name, bufs.doc.Bytes(), &bufs.old); err != nil {
			return err
		}
	}
	return nil
}
