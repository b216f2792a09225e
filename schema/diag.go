package schema

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// Pos is a place in an input file: a line and column in a text file, or a
// cell of a workbook sheet.
type Pos struct {
	File  string
	Line  int // 1-based; 0 when unknown
	Col   int // 1-based; 0 when unknown
	Sheet string
	Cell  string // "B7"
}

// String gives "file:line:col", "file:line", "file:Sheet!B7" (no space, so that problem matchers parse it) or "file".
func (p Pos) String() string {
	switch {
	case p.Sheet != "":
		return fmt.Sprintf("%s:%s!%s", p.File, p.Sheet, p.Cell)
	case p.Line > 0 && p.Col > 0:
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
	case p.Line > 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return p.File
}

// Severity says whether a Diagnostic stops the input from being used.
type Severity int

const (
	Error Severity = iota
	Warning
)

// Diagnostic is one problem in an input file, with the place to fix it.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Message  string
}

// String gives "file:line:col: message" for an error and
// "file:line:col: warning: message" for a warning.
func (d Diagnostic) String() string {
	if d.Severity == Warning {
		return d.Pos.String() + ": warning: " + d.Message
	}
	return d.Pos.String() + ": " + d.Message
}

// Diagnostics is every problem found in one run, collected rather than
// stopping at the first.
type Diagnostics []Diagnostic

func (ds *Diagnostics) add(sev Severity, p Pos, format string, args ...any) {
	*ds = append(*ds, Diagnostic{Pos: p, Severity: sev, Message: fmt.Sprintf(format, args...)})
}

// Errorf records an error at p.
func (ds *Diagnostics) Errorf(p Pos, format string, args ...any) { ds.add(Error, p, format, args...) }

// Warnf records a warning at p.
func (ds *Diagnostics) Warnf(p Pos, format string, args ...any) { ds.add(Warning, p, format, args...) }

// at reports whether a diagnostic stands at p.
func (ds Diagnostics) at(p Pos) bool {
	for _, d := range ds {
		if d.Pos == p {
			return true
		}
	}
	return false
}

// HasErrors reports whether any diagnostic is an error.
func (ds Diagnostics) HasErrors() bool {
	for _, d := range ds {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Unique drops repeats of a diagnostic (the same place and message, as a
// node reached through many aliases gives); ds must be sorted.
func (ds Diagnostics) Unique() Diagnostics {
	return slices.Compact(ds)
}

// Sort orders the diagnostics by place, then message, so that output is
// stable and reads top to bottom like the file.
func (ds Diagnostics) Sort() {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i].Pos, ds[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Sheet != b.Sheet {
			return a.Sheet < b.Sheet
		}
		if a.Sheet != "" && a.Cell != b.Cell {
			return cellLess(a.Cell, b.Cell)
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return ds[i].Message < ds[j].Message
	})
}

// cellLess orders cell references by row, then column ("B7" before "A10").
func cellLess(a, b string) bool {
	split := func(c string) (string, int) {
		i := strings.IndexAny(c, "0123456789")
		if i < 0 {
			return c, 0
		}
		n := 0
		fmt.Sscanf(c[i:], "%d", &n)
		return c[:i], n
	}
	ac, ar := split(a)
	bc, br := split(b)
	if ar != br {
		return ar < br
	}
	if len(ac) != len(bc) {
		return len(ac) < len(bc)
	}
	return ac < bc
}

// String joins the diagnostics one per line.
func (ds Diagnostics) String() string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// MaxEcho bounds how much of a value a message repeats: enough to
// recognise it, never a megabyte of it.
const MaxEcho = 200

// Clip shortens s for quoting in a message to at most MaxEcho characters,
// cut at a character boundary and marked with an ellipsis and the full
// length, so that a message about a huge value stays short and true.
func Clip(s string) string {
	n := 0
	for i := range s {
		if n == MaxEcho {
			return fmt.Sprintf("%s… (%d characters in all)", s[:i], n+utf8.RuneCountInString(s[i:]))
		}
		n++
	}
	return s
}
