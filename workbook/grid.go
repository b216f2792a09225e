package workbook

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"spur/schema"
)

// Reading cells: a sheet is read once as raw values, and a cell is turned
// into the text the person wrote (see read).

func (b *book) close() { _ = b.f.Close() }

// sheetName finds the sheet want, also written in another case or with
// spaces around it; else it reports which sheets there are.
func (b *book) sheetName(want string, diags *schema.Diagnostics) (string, bool) {
	list := b.f.GetSheetList()
	for _, s := range list {
		if s == want {
			return s, true
		}
	}
	for _, s := range list {
		if normWord(s) == normWord(want) {
			return s, true
		}
	}
	diags.Errorf(schema.Pos{File: b.file}, "the workbook has no sheet %q (it has %s)%s; was it renamed?",
		want, quoteList(list), suggest(want, list))
	return "", false
}

// grid is one sheet's cells, read once as raw values.
type grid struct {
	b     *book
	sheet string
	rows  [][]string
}

// readSheet reads the sheet named want.
func (b *book) readSheet(want string, diags *schema.Diagnostics) (*grid, bool) {
	name, ok := b.sheetName(want, diags)
	if !ok {
		return nil, false
	}
	rows, err := b.rows(name)
	if err != nil {
		diags.Errorf(schema.Pos{File: b.file}, "the workbook is damaged: its sheet %q cannot be read (%s); open it in Excel or LibreOffice Calc and save it again",
			schema.Clip(name), schema.Clip(err.Error()))
		return nil, false
	}
	return &grid{b: b, sheet: name, rows: rows}, true
}

// rows is excelize's GetRows, but for an error in a row (a shared string
// or a cell reference that cannot be read), which GetRows passes over in
// silence, leaving the rest of the sheet empty.
func (b *book) rows(sheet string) ([][]string, error) {
	it, err := b.f.Rows(sheet)
	if err != nil {
		return nil, err
	}
	var rows [][]string
	for n := 1; it.Next(); n++ {
		row, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			it.Close()
			return nil, err
		}
		if len(row) > 0 {
			rows = append(rows, make([][]string, n-1-len(rows))...)
			rows = append(rows, row)
		}
	}
	return rows, it.Close()
}

// cellName gives "D7" for column 3 (0-based) and row 7 (1-based).
func cellName(col, row int) string {
	name, err := excelize.CoordinatesToCellName(col+1, row)
	if err != nil {
		return "?"
	}
	return name
}

func (g *grid) pos(col, row int) schema.Pos {
	return schema.Pos{File: g.b.file, Sheet: g.sheet, Cell: cellName(col, row)}
}

// raw is the stored value of a cell, "" for none.
func (g *grid) raw(col, row int) string {
	if row < 1 || row > len(g.rows) || col < 0 || col >= len(g.rows[row-1]) {
		return ""
	}
	return g.rows[row-1][col]
}

// lastRow is the last row that holds anything.
func (g *grid) lastRow() int { return len(g.rows) }

// cell is what a cell says, as text.
type cell struct {
	text string
	pos  schema.Pos
	// date is set when the cell holds a date (a date-formatted number or a
	// date cell); text is then the date as YYYY-MM-DD.
	date schema.Date
	// serial is set for a plain number that may be a date serial.
	serial float64
	number bool
	ok     bool // false: the cell cannot be used (reported)
}

// read returns the text of a cell as the person wrote it: the stored value
// of a formula (never evaluated), a date cell as YYYY-MM-DD, line breaks as
// "\n".
func (g *grid) read(col, row int, diags *schema.Diagnostics) cell {
	c := cell{pos: g.pos(col, row), ok: true}
	v := g.raw(col, row)
	ref := c.pos.Cell
	formula, _ := g.b.f.GetCellFormula(g.sheet, ref)
	if formula != "" {
		if v == "" {
			diags.Warnf(c.pos, "the cell holds a formula (=%s) with no saved value, so nothing is read from it; type the text instead", schema.Clip(formula))
			return c
		}
		diags.Warnf(c.pos, "the cell holds a formula (=%s); its saved value %q is read, the formula is not evaluated", schema.Clip(formula), schema.Clip(v))
	}
	if v == "" {
		return c
	}
	typ, _ := g.b.f.GetCellType(g.sheet, ref)
	switch typ {
	case excelize.CellTypeBool:
		v = map[string]string{"1": "TRUE", "0": "FALSE"}[v]
	case excelize.CellTypeError:
		diags.Warnf(c.pos, "the cell holds the error value %s; it is read as that text", schema.Clip(v))
	case excelize.CellTypeDate:
		if d, text, ok := isoCell(v); ok {
			c.date, v = d, text
		}
	case excelize.CellTypeUnset, excelize.CellTypeNumber:
		if f, ok := parseNumber(v); ok {
			c.number, f = true, f+g.b.offset
			if g.b.isDateStyle(g.sheet, ref) {
				if d, text, ok := fromSerial(f); ok {
					c.date, v, c.number = d, text, false
				}
			} else {
				c.serial = f
			}
		}
	}
	if n := utf8.RuneCountInString(v); n > maxCellRunes {
		diags.Errorf(c.pos, "the cell holds %d characters, more than the %d an Excel cell can hold; shorten it (a long routine can go in an appendix)", n, maxCellRunes)
		c.ok = false
		return c
	}
	if !utf8.ValidString(v) {
		v = strings.ToValidUTF8(v, "\uFFFD")
	}
	c.text = normalizeBreaks(v)
	return c
}

// normalizeBreaks writes every line break as "\n": Excel on Windows may
// store "\r\n", and a break is a break whichever program typed it.
func normalizeBreaks(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// isDateStyle reports whether the cell's number format shows a date.
func (b *book) isDateStyle(sheet, ref string) bool {
	idx, err := b.f.GetCellStyle(sheet, ref)
	if err != nil || idx == 0 {
		return false
	}
	if d, ok := b.dates[idx]; ok {
		return d
	}
	d := false
	if st, err := b.f.GetStyle(idx); err == nil && st != nil {
		d = builtinDateFormat(st.NumFmt)
		if st.CustomNumFmt != nil {
			d = d || dateFormatCode(*st.CustomNumFmt)
		}
	}
	b.dates[idx] = d
	return d
}

func quoteList(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = fmt.Sprintf("%q", schema.Clip(s))
	}
	return strings.Join(q, ", ")
}
