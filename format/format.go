package format

import (
	"io"
	"strings"

	"spur/report"
	"spur/report/overview"
)

// Format is one output format, as registered.
type Format struct {
	// Name is what --format takes: "pdf", "md". Aliases are other names it
	// takes ("markdown"). Both are matched without regard to case.
	Name    string
	Aliases []string
	// Ext is the files' ending, a dot and lower-case letters or digits:
	// ".pdf".
	Ext string
	// LinkRank chooses the report the overview links: that of the chosen
	// format with the highest rank, the first registered among equals.
	LinkRank int
	// Open makes the format's renderers for one run. It is called once per
	// run, so it is where templates are read and parsed.
	Open func(Settings) (Renderer, error)
}

// Settings are what a run may set for the formats that take it.
type Settings struct {
	Templates string // a directory of Markdown templates (--templates); "" the embedded ones
	// Fonts are the TrueType files of a house style (--fonts): regular,
	// bold, italic and, optionally, bold italic; none for the default.
	Fonts []string
}

// DocFunc renders a report's document (the report, or the action plan
// alone) and returns the warnings of the layout.
type DocFunc func(w io.Writer, r *report.Report) (warnings []string, err error)

// IndexFunc renders the overview of many inspections.
type IndexFunc func(w io.Writer, v *overview.View) (warnings []string, err error)

// Renderer is a format opened for a run. It must be safe for concurrent
// use: a build renders many inspections at once.
type Renderer struct {
	Report, Plan DocFunc
	Index        IndexFunc
}

// Doc is one of the documents spur writes.
type Doc int

const (
	Report Doc = iota // the whole report of an inspection
	Plan              // its action plan alone
	Index             // the overview of a build
)

// File is the name of a document in this format: "<slug>.pdf",
// "<slug>-handlingsplan.pdf" ("-action-plan" in English), "index.pdf".
// spur report, spur actionplan and spur build all name files with it.
func (f *Format) File(d Doc, slug, lang string) string {
	switch d {
	case Plan:
		return slug + planSuffix(lang) + f.Ext
	case Index:
		return "index" + f.Ext
	}
	return slug + f.Ext
}

// planSuffix is the action plan's name after the report's, from the
// language's word for it: "-handlingsplan", "-action-plan".
func planSuffix(lang string) string {
	l, _ := report.LabelsFor(lang)
	return "-" + strings.ToLower(strings.ReplaceAll(l.Decision, " ", "-"))
}

// Document is the function that renders d, the report or the plan.
func (r Renderer) Document(d Doc) DocFunc {
	if d == Plan {
		return r.Plan
	}
	return r.Report
}

// Fixed is Open for a format that takes no settings.
func Fixed(r Renderer) func(Settings) (Renderer, error) {
	return func(Settings) (Renderer, error) { return r, nil }
}

// Quiet adapts a renderer that gives no warnings to DocFunc or IndexFunc.
func Quiet[T any](f func(io.Writer, T) error) func(io.Writer, T) ([]string, error) {
	return func(w io.Writer, v T) ([]string, error) { return nil, f(w, v) }
}
