package preview

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"time"

	"spur/grade"
	"spur/input"
	"spur/report"
	"spur/report/compose"
)

// watcher tells when a file's content changes, by polling: its size and
// modification time on every look, its content's hash when they change or
// when asked. Polling needs no dependency and sees every way of saving
// (in place, or a new file renamed over the old, as many editors do).
type watcher struct {
	path string
	seen bool // size, mod and sum are of a file read
	size int64
	mod  time.Time
	sum  [sha256.Size]byte
}

func newWatcher(path string) *watcher { return &watcher{path: path} }

// poll looks at the file. It returns its content and changed true when the
// content differs from the last read, and an error when the file cannot be
// read; read says to read it even when its size and time are unchanged.
// It reads with the limits of every command (input.ReadFile).
func (w *watcher) poll(read bool) (data []byte, changed bool, err error) {
	st, err := os.Stat(w.path)
	if err != nil {
		w.seen = false
		return nil, false, err
	}
	if w.seen && !read && st.Size() == w.size && st.ModTime().Equal(w.mod) {
		return nil, false, nil
	}
	data, err = input.ReadFile(w.path)
	if err != nil {
		w.seen = false
		return nil, false, err
	}
	sum := sha256.Sum256(data)
	changed = !w.seen || sum != w.sum
	w.seen, w.size, w.mod, w.sum = true, st.Size(), st.ModTime(), sum
	return data, changed, nil
}

// load checks and grades the content read, as input.File does.
func load(path string, data []byte, p grade.Policy) *input.Inspection {
	return input.Bytes(path, data, p)
}

// render builds the report of a valid inspection and renders it.
// Its warnings are given as spur report prints them.
func (s *Server) render(in *input.Inspection) (page []byte, warnings []string, err error) {
	v := compose.Report(in.Inspection, in.Grades, report.Options{Lang: s.opt.Lang, Date: s.opt.Date})
	var buf bytes.Buffer
	ws, err := s.opt.Render(&buf, v)
	if err != nil {
		return nil, nil, fmt.Errorf("render %s: %w", s.opt.Path, err)
	}
	for _, w := range ws {
		warnings = append(warnings, s.opt.Path+": warning: "+w)
	}
	return buf.Bytes(), warnings, nil
}
