package build

import (
	"context"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"spur/format"
	"spur/grade"
	"spur/input"
	"spur/report"
	"spur/report/overview"
	"spur/schema"
)

// Options say what to build and how.
type Options struct {
	Dir string // where the inspections are
	Out string // where the documents go
	// Jobs is how many inspections are built at once; 0 means one per CPU.
	Jobs int
	// Registry holds the formats the build knows: those it may write, and
	// whose files --check and Prune look at. nil is format.Default (PDF
	// and Markdown).
	Registry *format.Registry
	// Formats chooses the formats of the documents (and of the overview)
	// as --format does ("pdf,md", "md"); "" means every format of the
	// registry.
	Formats string
	// Check compares the documents with those in Out instead of writing.
	Check bool
	// Prune deletes the unexpected files of Out (see the package doc).
	// It has no effect with Check.
	Prune     bool
	Policy    grade.Policy
	Lang      string    // "sv" (default) or "en"
	Date      time.Time // the documents' date (SOURCE_DATE_EPOCH); zero: each inspection's own
	Templates string    // a directory of Markdown templates (spur report --templates); "" the embedded ones
	Fonts     []string  // the TrueType files of a house style (spur report --fonts); none: the default
	Filter    overview.Filter
	// VisitInterval is the years from a unit's last visit to its next, for
	// the overview's list of units due for a visit; 0 means
	// overview.DefaultVisitInterval (five). The day they are due before,
	// and the actions' states are reckoned on, is Date, else the latest
	// date of the inspections.
	VisitInterval int
	// Log receives the diagnostics, the warnings and, when Terminal is set,
	// a progress line; nil discards them.
	Log      io.Writer
	Terminal bool
}

// SummaryVersion is the version of the layout of Summary as JSON (spur
// build --json): it grows when a field changes its meaning or goes, not
// when one is added.
const SummaryVersion = 1

// Summary is what a build did, or what a check found.
type Summary struct {
	// Version is SummaryVersion.
	Version int `json:"version"`
	Inputs  int `json:"inputs"`
	// Built counts the inspections whose every document is now in place
	// (or, with Check, would be unchanged or was compared).
	Built int `json:"built"`
	// Failed lists the inputs that could not be built, sorted; Failing
	// says, for each, which documents of Out are kept as its own.
	Failed  []string  `json:"failed"`
	Failing []Failing `json:"failing"`
	// Written lists the files written because they were new or differed;
	// Unchanged counts those left as they were (or, with Check, equal).
	Written   []string `json:"written"`
	Unchanged int      `json:"unchanged"`
	// Check is set for a check. Stale lists the files that differ from
	// what the build would write, Missing those not there.
	Check   bool     `json:"check"`
	Stale   []string `json:"stale"`
	Missing []string `json:"missing"`
	// Sources names the input each stale or missing file is built from:
	// the inspection of a report or plan, Dir for an overview.
	Sources map[string]string `json:"sources"`
	// Unexpected lists the files of Out no input gives (see the package
	// doc) and no failing input may give (Failing); a check fails on them,
	// a build leaves them or, with Prune, deletes them and lists them under
	// Pruned. Prune deletes nothing while an input fails.
	Unexpected []string `json:"unexpected"`
	Pruned     []string `json:"pruned"`
	// Leftovers lists the temporary files an interrupted run left in Out
	// (a check fails on them); a build removes them and lists them under
	// Removed.
	Leftovers []string `json:"leftovers"`
	Removed   []string `json:"removed"`
	// Problems is every error and warning, by file and place.
	Problems []Problem `json:"problems"`
	// Interrupted is set when the context was cancelled before the end.
	Interrupted bool `json:"interrupted"`
}

// Failing is an input that could not be built, and the documents of Out
// that are its own, from an earlier build: they are left as they are,
// never pruned, and the overview keeps its row, marked as failing.
type Failing struct {
	Input     string   `json:"input"`
	Documents []string `json:"documents"`
	// Guessed is set when the input could not be read far enough to name
	// its documents (a YAML syntax error, a broken workbook, no unit name
	// or no valid visit date): every document in its output folder that no
	// other input gives is then kept as possibly its.
	Guessed bool `json:"guessed"`
}

// OK reports whether every input was built and, for a check, whether Out
// is up to date.
func (s *Summary) OK() bool {
	if s.Check && len(s.Stale)+len(s.Missing)+len(s.Unexpected)+len(s.Leftovers) > 0 {
		return false
	}
	return len(s.Failed) == 0 && !s.Interrupted
}

// Problem is an error or a warning about one input, with its place.
type Problem struct {
	File     string `json:"file"`
	Line     int    `json:"line,omitempty"`
	Col      int    `json:"col,omitempty"`
	Cell     string `json:"cell,omitempty"` // "Område E!C7" in a workbook
	Severity string `json:"severity"`       // "error" or "warning"
	Message  string `json:"message"`
}

// String gives "file:line:col: message", as spur validate prints it.
func (p Problem) String() string {
	pos := schema.Pos{File: p.File, Line: p.Line, Col: p.Col}
	if sheet, cell, ok := strings.Cut(p.Cell, "!"); ok {
		pos.Sheet, pos.Cell = sheet, cell
	}
	d := schema.Diagnostic{Pos: pos, Message: p.Message}
	if p.Severity == "warning" {
		d.Severity = schema.Warning
	}
	return d.String()
}

func problemOf(d schema.Diagnostic) Problem {
	p := Problem{File: d.Pos.File, Line: d.Pos.Line, Col: d.Pos.Col, Severity: "error", Message: d.Message}
	if d.Pos.Sheet != "" {
		p.Cell = d.Pos.Sheet + "!" + d.Pos.Cell
	}
	if d.Severity == schema.Warning {
		p.Severity = "warning"
	}
	return p
}

// maxPrinted bounds the problems printed for one file, as in spur validate:
// a file with thousands of problems is the wrong file.
const maxPrinted = 200

// outDoc is one document of an inspection: its format, which document it
// is, and its name relative to Out.
type outDoc struct {
	w   *format.Writer
	doc format.Doc
	rel string
}

// docs lists the documents of an inspection in the chosen formats, the
// reports first, then the plans, each in the registry's order, with the
// names spur report and spur actionplan give, in the input's folder.
func (b *builder) docs(it *item) []outDoc {
	var out []outDoc
	for _, d := range []format.Doc{format.Report, format.Plan} {
		if d == format.Plan && !it.plan {
			continue
		}
		for i := range b.formats {
			w := &b.formats[i]
			out = append(out, outDoc{w, d, path.Join(it.dir, w.File(d, it.slug, b.opt.Lang))})
		}
	}
	return out
}

// indexName is the overview's file in a format.
func (b *builder) indexName(w *format.Writer) string {
	return w.File(format.Index, "", b.opt.Lang)
}

// Run builds (or checks) every inspection under opt.Dir. The error is for a
// build that could not run (an unreadable directory, templates that do not
// parse) or was interrupted; problems with inputs are in the summary.
func Run(ctx context.Context, opt Options) (*Summary, error) {
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	if opt.Jobs <= 0 {
		opt.Jobs = runtime.NumCPU()
	}
	if opt.Registry == nil {
		opt.Registry = format.Default
	}
	chosen := opt.Registry.Formats()
	if opt.Formats != "" {
		var err error
		if chosen, err = opt.Registry.Parse(opt.Formats); err != nil {
			return nil, fmt.Errorf("build: the format %w", err)
		}
	}
	if _, ok := report.LabelsFor(opt.Lang); !ok {
		return nil, fmt.Errorf("build: unknown language %q", opt.Lang)
	}
	if len(chosen) == 0 {
		return nil, fmt.Errorf("build: the registry holds no format")
	}
	formats, err := opt.Registry.Open(format.Settings{Templates: opt.Templates, Fonts: opt.Fonts}, chosen)
	if err != nil {
		return nil, err
	}
	out, err := newConfine(opt.Out)
	if err != nil {
		return nil, err
	}
	paths, skipped, err := find(opt.Dir, out.real)
	if err != nil {
		return nil, err
	}
	for _, p := range skipped {
		fmt.Fprintln(opt.Log, p)
	}
	if len(paths) == 0 {
		// An empty build would prune every document of Out.
		return nil, fmt.Errorf("no inspection (.yaml, .yml or .xlsx) found under %s; nothing was built, checked or removed", opt.Dir)
	}
	sum := &Summary{Version: SummaryVersion, Inputs: len(paths), Check: opt.Check, Problems: skipped, Sources: map[string]string{}}
	b := &builder{opt: opt, formats: formats, linked: linked(formats), out: out, mem: newMemory(), sum: sum, prog: newProgress(opt.Log, opt.Terminal)}
	items := b.scan(ctx, paths)
	if betweenPasses != nil {
		betweenPasses()
	}
	previous(items)
	for _, it := range items {
		if it.ok && it.prev != nil {
			b.keep.needs(it.prev)
		}
	}
	b.report(items, func(it *item) []Problem { return it.problems })
	if err := ctx.Err(); err != nil {
		b.sum.Interrupted = true
		return b.finish(items), err
	}
	b.render(ctx, items)
	b.report(items, func(it *item) []Problem { return it.late })
	if err := ctx.Err(); err != nil {
		b.sum.Interrupted = true
		return b.finish(items), err
	}
	n := lateFailures(items)
	if n > 0 && !opt.Check {
		// A disk that filled up, say: the overview of what could be
		// written would replace a good one with a poorer one.
		fmt.Fprintf(opt.Log, "%s: not updated, since the documents of %s could not be written; build again when they can\n", b.outPath(b.indexName(b.linked)), plural(n, "inspection"))
	}
	sv, err := b.survey(items)
	if err != nil {
		return b.finish(items), err
	}
	if n == 0 || opt.Check {
		if err := b.index(items, sv); err != nil {
			return b.finish(items), err
		}
	}
	if err := b.tidy(items, sv); err != nil {
		return b.finish(items), err
	}
	return b.finish(items), nil
}

// betweenPasses, when set (by tests), runs after the first pass.
var betweenPasses func()

// linked is the format whose report the overview links: the highest
// LinkRank, the first among equals (Markdown where it is built, else PDF).
func linked(formats []format.Writer) *format.Writer {
	best := &formats[0]
	for i := range formats {
		if formats[i].LinkRank > best.LinkRank {
			best = &formats[i]
		}
	}
	return best
}

// builder is one run.
type builder struct {
	opt     Options
	formats []format.Writer // the chosen formats, in the registry's order
	linked  *format.Writer  // the format of the reports the overview links
	out     *confine
	mem     *memory
	keep    keeper // the first pass's inspections, for the second (keep.go)
	prog    *progress

	mu  sync.Mutex // guards sum
	sum *Summary
}

// item is one input through the build: what the first pass learnt.
type item struct {
	path   string // as found: Dir joined with the relative path
	charge int64  // the memory it is estimated to need (memory.go)
	dir    string // its folder relative to Dir, slash-separated ("" at the top)
	// slug is its report's name without the ending, when its unit and
	// visit could be read (a failing input may still give them).
	slug string
	plan bool     // it has an action plan
	outs []string // its documents relative to Out, slash-separated (good inputs)
	// row is its row of the overview; for a failing input, only what could
	// be read of the unit and the visit.
	row  overview.Row
	read bool // the first pass got to it (an interrupt may stop it before)
	// visit is its visit's day; prev the latest earlier visit of its unit
	// among the good inputs, whose report gains the comparison (previous).
	visit time.Time
	prev  *item
	// loaded is what the first pass loaded, kept until the renders that
	// need it (uses) are done, and sum the SHA-256 of the bytes it was
	// loaded from (keep.go).
	sum        [32]byte
	loaded     *input.Inspection
	loadedCost int64
	uses       int
	// lateFailed is set when the second pass failed it (a document that
	// could not be written, an input that changed).
	lateFailed bool
	ok         bool
	done       bool // every document is in place (or compared)
	// kept are the documents of Out, relative to it, that a failing input
	// keeps (survey).
	kept []string
	// problems are the first pass's, late the second's (warnings of the
	// layout, a file that changed in between, a failed write).
	problems, late []Problem
}

// report prints problems of every item in input order.
func (b *builder) report(items []*item, which func(*item) []Problem) {
	b.prog.clear()
	for _, it := range items {
		ps := which(it)
		for i, p := range ps {
			if i == maxPrinted {
				fmt.Fprintf(b.opt.Log, "%s: %d more problems not shown\n", it.path, len(ps)-maxPrinted)
				break
			}
			fmt.Fprintln(b.opt.Log, p)
		}
	}
}

// finish sorts the summary's lists.
func (b *builder) finish(items []*item) *Summary {
	b.prog.clear()
	s := b.sum
	for _, it := range items {
		s.Problems = append(s.Problems, it.problems...)
		s.Problems = append(s.Problems, it.late...)
		switch {
		case !it.read:
		case !it.ok:
			s.Failed = append(s.Failed, it.path)
			f := Failing{Input: it.path, Documents: []string{}, Guessed: it.slug == ""}
			for _, rel := range it.kept {
				f.Documents = append(f.Documents, b.outPath(rel))
			}
			sort.Strings(f.Documents)
			s.Failing = append(s.Failing, f)
		case it.done:
			s.Built++
		}
	}
	// Empty lists, not nil: --json prints [] rather than null.
	for _, l := range []*[]string{&s.Failed, &s.Written, &s.Stale, &s.Missing, &s.Unexpected, &s.Pruned, &s.Leftovers, &s.Removed} {
		if *l == nil {
			*l = []string{}
		}
		sort.Strings(*l)
	}
	if s.Failing == nil {
		s.Failing = []Failing{}
	}
	sort.Slice(s.Failing, func(i, j int) bool { return s.Failing[i].Input < s.Failing[j].Input })
	if s.Problems == nil {
		s.Problems = []Problem{}
	}
	return s
}

// lateFailures counts the inputs that loaded but whose documents could not
// be rendered or written.
func lateFailures(items []*item) int {
	n := 0
	for _, it := range items {
		if it.lateFailed {
			n++
		}
	}
	return n
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// outPath is the file in Out of a name relative to it.
func (b *builder) outPath(rel string) string {
	return filepath.Join(b.opt.Out, filepath.FromSlash(rel))
}
