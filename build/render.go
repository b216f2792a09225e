package build

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"sync"

	"spur/report"
	"spur/report/compose"
)

// buffers are a worker's: one for the document, one for the file it is
// compared with. They grow to the largest document and are reused.
type buffers struct{ doc, old bytes.Buffer }

var bufferPool = sync.Pool{New: func() any { return new(buffers) }}

// render is the second pass: every good input is loaded again (or taken
// as the first pass kept it, keep.go), and its documents are rendered,
// written or compared, and dropped, one at a time.
func (b *builder) render(ctx context.Context, items []*item) {
	var good []*item
	for _, it := range items {
		if it.ok {
			good = append(good, it)
		} else {
			b.keep.drop(it)
		}
	}
	b.prog.start("building", len(good))
	b.parallel(ctx, good, b.build)
}

// document is one file of an inspection and how to render it.
type document struct {
	rel    string
	render func(io.Writer) ([]string, error)
}

func (b *builder) build(ctx context.Context, it *item) {
	in, err := b.loadAgain(it)
	if err == nil && !in.OK() {
		err = fmt.Errorf("it has errors now; run spur validate %s", it.path)
	}
	if err != nil {
		it.lateError("changed during the build: %v", err)
		return
	}
	v := compose.Report(in.Inspection, in.Grades, report.Options{Lang: b.opt.Lang, Date: b.opt.Date})
	if (in.ActionPlan != nil) != it.plan || v.Slug != it.slug {
		it.lateError("changed during the build: its unit, visit or action plan is not what it was; build again")
		return
	}
	if it.prev != nil {
		prev, err := b.loadPrevious(it, in.Inspection)
		if err != nil {
			it.lateError("%v; build again", err)
			return
		}
		compose.Compare(v, in.Inspection, in.Grades, prev.Inspection, prev.Grades)
	}
	var docs []document
	for _, d := range b.docs(it) {
		docs = append(docs, document{d.rel, func(w io.Writer) ([]string, error) { return d.w.Document(d.doc)(w, v) }})
	}
	bufs := bufferPool.Get().(*buffers)
	defer bufferPool.Put(bufs)
	for _, d := range docs {
		if ctx.Err() != nil {
			return
		}
		bufs.doc.Reset()
		warnings, err := d.render(&bufs.doc)
		for _, w := range warnings {
			it.late = append(it.late, Problem{File: it.path, Severity: "warning", Message: b.outPath(d.rel) + ": " + w})
		}
		if err != nil {
			it.lateError("%s: %v", b.outPath(d.rel), err)
			return
		}
		if err := b.put(d.rel, it.path, bufs.doc.Bytes(), &bufs.old); err != nil {
			it.lateError("%v", err)
			return
		}
	}
	it.done = true
}

func (it *item) lateError(format string, args ...any) {
	it.ok = false
	it.lateFailed = true
	it.late = append(it.late, Problem{File: it.path, Severity: "error", Message: fmt.Sprintf(format, args...)})
}

// put writes a document to Out, or with Check compares it, and counts it;
// src is the input it is built from, for Summary.Sources.
func (b *builder) put(rel, src string, data []byte, scratch *bytes.Buffer) error {
	p := b.outPath(rel)
	if err := b.out.check(rel); err != nil {
		return err
	}
	if b.opt.Check {
		state, err := compare(p, data, scratch)
		if err != nil {
			return err
		}
		b.mu.Lock()
		defer b.mu.Unlock()
		switch state {
		case same:
			b.sum.Unchanged++
		case differs:
			b.sum.Stale = append(b.sum.Stale, p)
			b.sum.Sources[p] = src
		case absent:
			b.sum.Missing = append(b.sum.Missing, p)
			b.sum.Sources[p] = src
		}
		return nil
	}
	written, err := writeFile(p, data, scratch)
	if err != nil {
		return err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if written {
		b.sum.Written = append(b.sum.Written, p)
	} else {
		b.sum.Unchanged++
	}
	return nil
}
