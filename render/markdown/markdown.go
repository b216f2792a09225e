package markdown

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sync"
	"text/template"

	"spur/report"
	"spur/templates"
)

// The template files, as in package templates and in a --templates DIR.
const (
	ReportFile = "report.md.tmpl"
	PlanFile   = "actionplan.md.tmpl"
	CommonFile = "common.md.tmpl"
)

// ErrNoPlan is returned by RenderPlan for an inspection without an action
// plan.
var ErrNoPlan = errors.New("markdown: the inspection has no action plan yet")

// Renderer writes reports with one set of templates. It is read-only once
// made and safe for concurrent use.
type Renderer struct {
	report, plan *template.Template
	// goReport and goPlan write a document whose templates are all the
	// embedded ones in their Go form (native.go); they are nil when the
	// document is written by executing its template.
	goReport, goPlan func(*bytes.Buffer, *report.Report)
}

// embedded is the renderer of the embedded templates, parsed once per
// process and shared.
var embedded = sync.OnceValues(func() (*Renderer, error) {
	return NewFS(nil)
})

// Render writes the whole report as GitHub-flavoured Markdown with the
// embedded templates.
func Render(w io.Writer, r *report.Report) error {
	m, err := embedded()
	if err != nil {
		return err
	}
	return m.Report(w, r)
}

// RenderPlan writes the action plan alone with the embedded templates.
func RenderPlan(w io.Writer, r *report.Report) error {
	m, err := embedded()
	if err != nil {
		return err
	}
	return m.Plan(w, r)
}

// New returns the renderer of the templates in dir (spur report
// --templates DIR): report.md.tmpl, actionplan.md.tmpl and common.md.tmpl
// are read from dir where it has them and are the embedded ones
// otherwise. dir "" gives the embedded templates, parsed once per process.
// A directory that does not exist or holds none of the three is an error,
// as is a template that does not parse.
func New(dir string) (*Renderer, error) {
	if dir == "" {
		return embedded()
	}
	st, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("templates: %s is not a directory", dir)
	}
	m, err := NewFS(os.DirFS(dir))
	if err != nil {
		return nil, fmt.Errorf("templates %s: %w", dir, err)
	}
	return m, nil
}

// NewFS is New for the templates in fsys (nil: none, all embedded).
func NewFS(fsys fs.FS) (*Renderer, error) {
	files := map[string][]byte{}
	given := map[string]bool{}
	for _, name := range []string{ReportFile, PlanFile, CommonFile} {
		src, err := readFile(fsys, name)
		switch {
		case err == nil:
			given[name] = true
			src = bytes.TrimPrefix(src, []byte("\uFEFF")) // a byte-order mark an editor left
		case errors.Is(err, fs.ErrNotExist):
			if src, err = templates.FS.ReadFile(name); err != nil {
				return nil, fmt.Errorf("embedded %s: %w", name, err)
			}
		default:
			return nil, err
		}
		files[name] = src
	}
	if fsys != nil && len(given) == 0 {
		return nil, fmt.Errorf("holds none of %s, %s and %s", ReportFile, PlanFile, CommonFile)
	}
	rep, err := parse2(files, ReportFile)
	if err != nil {
		return nil, err
	}
	plan, err := parse2(files, PlanFile)
	if err != nil {
		return nil, err
	}
	m := &Renderer{report: rep, plan: plan}
	if !given[ReportFile] && !given[CommonFile] {
		m.goReport = nativeReport
	}
	if !given[PlanFile] && !given[CommonFile] {
		m.goPlan = nativePlanDoc
	}
	return m, nil
}

func readFile(fsys fs.FS, name string) ([]byte, error) {
	if fsys == nil {
		return nil, fs.ErrNotExist
	}
	src, err := fs.ReadFile(fsys, name)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return src, err
}

// parse2 parses the common parts, then the document's own file, whose
// definitions replace common ones of the same name.
func parse2(files map[string][]byte, name string) (*template.Template, error) {
	t := template.New(name).Funcs(funcs).Option("missingkey=error")
	if _, err := t.New(CommonFile).Parse(string(files[CommonFile])); err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	if _, err := t.Parse(string(files[name])); err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	return t, nil
}

// Report writes the whole report.
func (m *Renderer) Report(w io.Writer, r *report.Report) error {
	if m.goReport != nil {
		return executeNative(w, m.goReport, r)
	}
	return execute(w, m.report, r)
}

// Plan writes the action plan alone, or returns ErrNoPlan.
func (m *Renderer) Plan(w io.Writer, r *report.Report) error {
	if r.Plan == nil {
		return ErrNoPlan
	}
	if m.goPlan != nil {
		return executeNative(w, m.goPlan, r)
	}
	return execute(w, m.plan, r)
}

// execute runs t into a buffer, so that a failing template writes nothing.
func execute(w io.Writer, t *template.Template, r *report.Report) error {
	var buf bytes.Buffer
	buf.Grow(64 << 10)
	if err := t.Execute(&buf, r); err != nil {
		return fmt.Errorf("markdown: %w", err)
	}
	return flush(w, buf.Bytes())
}

// executeNative is execute for the Go form of an embedded template.
func executeNative(w io.Writer, write func(*bytes.Buffer, *report.Report), r *report.Report) error {
	var buf bytes.Buffer
	buf.Grow(64 << 10)
	write(&buf, r)
	return flush(w, buf.Bytes())
}

// flush tidies a whole document and writes it in one call.
func flush(w io.Writer, doc []byte) error {
	if _, err := w.Write(tidy(doc)); err != nil {
		return fmt.Errorf("markdown: write: %w", err)
	}
	return nil
}

// tidy drops trailing spaces (two would be a hard break), carriage returns
// (from a template saved on Windows) and runs of blank
// lines, which templates make easily and which mean nothing in Markdown
// (list looseness depends on whether there is a blank line, not how many),
// and ends the text with one newline.
func tidy(b []byte) []byte {
	out := make([]byte, 0, len(b))
	blank := true // at the start: drop leading blank lines
	for len(b) > 0 {
		line := b
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			line, b = b[:i], b[i+1:]
		} else {
			b = nil
		}
		line = bytes.TrimRight(line, " \t\r")
		if len(line) == 0 {
			if !blank {
				out = append(out, '\n')
			}
			blank = true
			continue
		}
		blank = false
		out = append(out, line...)
		out = append(out, '\n')
	}
	for len(out) > 1 && out[len(out)-1] == '\n' && out[len(out)-2] == '\n' {
		out = out[:len(out)-1]
	}
	return out
}
