package build

import (
	"spur/render/markdown"
	"spur/render/pdf"
	"spur/report/overview"
)

// index writes (or checks) the overview of every inspection built, as
// chosen by opt.Filter, in Out: index.md and index.pdf.
func (b *builder) index(items []*item) error {
	var rows []overview.Row
	for _, it := range items {
		if it.ok {
			rows = append(rows, it.row)
		}
	}
	v := overview.New(rows, b.opt.Filter, b.opt.Lang)
	if !b.opt.Date.IsZero() {
		v.Date = b.opt.Date
	}
	bufs := bufferPool.Get().(*buffers)
	defer bufferPool.Put(bufs)
	if b.opt.Formats&Markdown != 0 {
		bufs.doc.Reset()
		if err := markdown.Index(&bufs.doc, v); err != nil {
			return err
		}
		if err := b.put(IndexNames[0], bufs.doc.Bytes(), &bufs.old); err != nil {
			return err
		}
	}
	if b.opt.Formats&PDF == 0 {
		return nil
	}
	bufs.doc.Reset()
	warnings, err := pdf.Index(&bufs.doc, v)
	for _, w := range warnings {
		p := Problem{File: b.outPath(IndexNames[1]), Severity: "warning", Message: w}
		b.sum.Problems = append(b.sum.Problems, p)
		b.prog.clear()
		b.opt.Log.Write([]byte(p.String() + "\n"))
	}
	if err != nil {
		return err
	}
	return b.put(IndexNames[1], bufs.doc.Bytes(), &bufs.old)
}
