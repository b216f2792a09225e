package workbook

import (
	"strings"

	"spur/schema"
)

// A table is a sheet's rows under a header row. Columns are found by their
// headers, not by position, so that a sheet whose columns were moved still
// reads; a header that is not one of the template's is an error at its
// cell, since there is no telling which field it holds.

// table maps the columns of a header row.
type table struct {
	g    *grid
	row  int   // the header row, 1-based
	col  []int // for each name, its column (0-based), or -1
	used map[int]bool
}

// findTable looks for the header row among rows from..to: the row with the
// most cells that are one of names. required lists the names that must be
// there; order is the template's position of each name, for the warning
// about moved columns.
func findTable(g *grid, names []string, required []bool, from, to int, diags *schema.Diagnostics) (*table, bool) {
	best, bestN := 0, 0
	for r := from; r <= min(to, g.lastRow()); r++ {
		n := 0
		for c := range g.rows[r-1] {
			if indexOf(names, g.raw(c, r)) >= 0 {
				n++
			}
		}
		if n > bestN {
			best, bestN = r, n
		}
	}
	if bestN < 2 {
		diags.Errorf(g.pos(0, from), "sheet %q has no header row: expected the headers %s in row %d; were they renamed or deleted?",
			g.sheet, strings.Join(names, ", "), from)
		return nil, false
	}
	t := &table{g: g, row: best, col: make([]int, len(names)), used: map[int]bool{}}
	for i := range t.col {
		t.col[i] = -1
	}
	ok := true
	for c, v := range g.rows[best-1] {
		if strings.TrimSpace(v) == "" {
			continue
		}
		i := indexOf(names, v)
		switch {
		case i < 0:
			diags.Errorf(g.pos(c, best), "the header %q is not one of this sheet's (%s)%s; give the column its header back, so that spur knows what it holds",
				schema.Clip(v), strings.Join(names, ", "), suggest(v, names))
			ok = false
		case t.col[i] >= 0:
			diags.Errorf(g.pos(c, best), "a second column with the header %q (the first is %s)", names[i], cellName(t.col[i], best))
			ok = false
		default:
			t.col[i] = c
			t.used[c] = true
		}
	}
	for i, name := range names {
		if t.col[i] < 0 && required[i] {
			diags.Errorf(g.pos(0, best), "the column %q is missing from the header row; the template has it in column %s", name, columnName(i))
			ok = false
		}
	}
	if ok {
		for i, c := range t.col {
			if c >= 0 && c != i {
				diags.Warnf(g.pos(c, best), "the columns are not in the template's order (%q is in column %s, not %s); they are read by their headers",
					names[i], columnName(c), columnName(i))
				break
			}
		}
	}
	return t, ok
}

func indexOf(names []string, v string) int {
	n := normWord(v)
	for i, name := range names {
		if normWord(name) == n {
			return i
		}
	}
	return -1
}

func columnName(c int) string {
	n := cellName(c, 1)
	return n[:len(n)-1]
}

// has reports whether the table has the column of name i.
func (t *table) has(i int) bool { return t.col[i] >= 0 }

// read reads the cell of name i in row r; a missing column reads as empty.
func (t *table) read(i, r int, diags *schema.Diagnostics) cell {
	if t.col[i] < 0 {
		return cell{ok: true}
	}
	return t.g.read(t.col[i], r, diags)
}

// unread reports text in columns with no header, once per column: it would
// otherwise be lost without a word.
func (t *table) unread(r int, reported map[int]bool, diags *schema.Diagnostics) {
	if r > len(t.g.rows) {
		return
	}
	for c, v := range t.g.rows[r-1] {
		if strings.TrimSpace(v) != "" && !t.used[c] && !reported[c] {
			reported[c] = true
			diags.Warnf(t.g.pos(c, r), "column %s has text but no header, so it is not read; move the text into the column it belongs to", columnName(c))
		}
	}
}

// rowEmpty reports whether row r holds nothing at all.
func (t *table) rowEmpty(r int) bool {
	if r > len(t.g.rows) {
		return true
	}
	for _, v := range t.g.rows[r-1] {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// maxRows bounds the rows with text read from one table: the catalogue
// has 74 criteria, so a sheet with hundreds of rows is not one of spur's,
// and reading it row by row would bury the one message that matters.
const maxRows = 300

// rows lists the rows under the header that hold anything; a sheet with
// more than maxRows of them is refused at the first row past the limit.
func (t *table) rows(diags *schema.Diagnostics) ([]int, bool) {
	var rows []int
	for r := t.row + 1; r <= t.g.lastRow(); r++ {
		if t.rowEmpty(r) {
			continue
		}
		if len(rows) == maxRows {
			diags.Errorf(t.g.pos(0, r), "sheet %q has more than %d rows with text (it runs to row %d); a sheet of spur has at most one row per criterion, so this is not one: nothing on it is read",
				t.g.sheet, maxRows, t.g.lastRow())
			return nil, false
		}
		rows = append(rows, r)
	}
	return rows, true
}
