package workbook

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"spur/schema"
)

// What a workbook expands to. excelize gives every cell a string of its
// own: a shared string is copied at each cell that shows it, so that a
// 36 KB file with one string of 32,767 characters in 897 cells becomes
// 29 MB of text before a line of it is checked. So before a sheet is read,
// every worksheet is walked once as XML, as excelize will walk it, keeping
// nothing but counts: what its cells will expand to (MaxTextSize), how many
// there are (maxCells), how far out they lie (maxExtentCol, maxExtentRow)
// and whether each shared string they name exists. The workbook is refused
// at the cell where one of these fails, before anything is built from it.

// The namespaces of a sheet's XML that excelize reads, transitional and
// strict, and the part that holds the shared strings.
const (
	nsMain       = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsMainStrict = "http://purl.oclc.org/ooxml/spreadsheetml/main"
	partStrings  = "xl/sharedStrings.xml"
)

// scan checks every worksheet of b before it is read; false means the
// workbook is refused (and reported).
func (b *book) scan(diags *schema.Diagnostics) bool {
	top := schema.Pos{File: b.file}
	sizes, err := b.sharedSizes()
	if err != nil {
		diags.Errorf(top, "the workbook is damaged: its shared strings (%s, where the text of its cells is kept) cannot be read (%s); open it in Excel or LibreOffice Calc and save it again",
			partStrings, schema.Clip(err.Error()))
		return false
	}
	s := &scanner{book: b, sizes: sizes, diags: diags}
	for _, sp := range b.sheetParts() {
		if !s.sheet(sp) {
			return false
		}
	}
	return true
}

// part is the unpacked bytes of a part of the archive, as excelize holds
// them.
func (b *book) part(name string) ([]byte, bool) {
	v, ok := b.f.Pkg.Load(name)
	if !ok {
		return nil, false
	}
	data, ok := v.([]byte)
	return data, ok
}

func (b *book) decoder(data []byte) *xml.Decoder {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = b.f.CharsetReader
	return d
}

// sharedSizes gives the length of each shared string, as excelize will
// make it (the text of its runs; the phonetic runs are not shown), nil
// for a workbook without any.
func (b *book) sharedSizes() ([]int, error) {
	data, ok := b.part(partStrings)
	if !ok || len(bytes.TrimSpace(data)) == 0 {
		return nil, nil
	}
	d := b.decoder(data)
	var (
		sizes       = []int{}
		depth, phon int // of elements; of phonetic runs
		inT         bool
	)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch {
			case depth == 1:
				if t.Name.Local != "sst" || t.Name.Space != nsMain && t.Name.Space != nsMainStrict {
					return nil, fmt.Errorf("it holds <%s>, not the table of shared strings", schema.Clip(t.Name.Local))
				}
			case t.Name.Local == "si":
				sizes = append(sizes, 0)
			case t.Name.Local == "rPh":
				phon++
			case t.Name.Local == "t":
				inT = phon == 0 && len(sizes) > 0
			}
		case xml.EndElement:
			depth--
			switch {
			case depth == 0:
				return sizes, nil // excelize reads no further either
			case t.Name.Local == "rPh":
				phon--
			case t.Name.Local == "t":
				inT = false
			}
		case xml.CharData:
			if inT {
				sizes[len(sizes)-1] += len(t)
			} else if depth == 0 && len(bytes.TrimSpace(t)) > 0 {
				return nil, errors.New("it is not XML")
			}
		}
	}
	return nil, errors.New("it has no table of shared strings")
}

// sheetPart is a worksheet and the part that holds it.
type sheetPart struct{ sheet, part string }

// sheetParts lists the worksheets in the workbook's order with their parts,
// found as excelize finds them: the workbook through the package's
// relationships, each sheet through the workbook's.
func (b *book) sheetParts() []sheetPart {
	if b.f.WorkBook == nil {
		return nil
	}
	wb := ""
	for _, r := range b.rels("_rels/.rels") {
		if strings.HasSuffix(r.Type, "/officeDocument") {
			wb = strings.TrimPrefix(r.Target, "/")
			break
		}
	}
	dir := path.Dir(wb)
	relsPath := strings.TrimPrefix(dir+"/_rels/"+path.Base(wb)+".rels", "/")
	if dir == "." {
		relsPath = "_rels/" + path.Base(wb) + ".rels"
	}
	targets := map[string]string{}
	for _, r := range b.rels(relsPath) {
		p := strings.TrimPrefix(path.Clean(dir+"/"+r.Target), "/")
		if strings.HasPrefix(r.Target, "/") {
			p = strings.TrimPrefix(path.Clean(r.Target), "/")
		}
		targets[r.ID] = p // the last of an id, as for excelize
	}
	var out []sheetPart
	for _, s := range b.f.WorkBook.Sheets.Sheet {
		if p, ok := targets[s.ID]; ok {
			out = append(out, sheetPart{s.Name, p})
		}
	}
	return out
}

type relationship struct {
	ID     string `xml:"Id,attr"`
	Target string `xml:"Target,attr"`
	Type   string `xml:"Type,attr"`
}

// rels reads a relationships part; one that cannot be read has none, as
// for excelize.
func (b *book) rels(name string) []relationship {
	data, ok := b.part(name)
	if !ok {
		return nil
	}
	var r struct {
		Rel []relationship `xml:"Relationship"`
	}
	if err := b.decoder(data).Decode(&r); err != nil {
		return nil
	}
	return r.Rel
}

// scanner walks the worksheets of one workbook, keeping the running counts.
type scanner struct {
	*book
	sizes []int // of the shared strings
	text  int   // bytes the cells so far expand to
	cells int
	diags *schema.Diagnostics
}

// cellXML is what the walk keeps of one <c>.
type cellXML struct {
	ref, typ string
	col, row int
	size     int    // bytes of the value
	index    []byte // the <v> of a shared-string cell, up to 20 bytes
	long     bool   // the <v> is longer than that
}

// sheet walks one worksheet; false means the workbook is refused.
func (s *scanner) sheet(sp sheetPart) bool {
	data, ok := s.part(sp.part)
	if !ok {
		return true // excelize does not read it either
	}
	damaged := func(err error) bool {
		s.diags.Errorf(schema.Pos{File: s.file}, "the workbook is damaged: its sheet %q cannot be read (%s); open it in Excel or LibreOffice Calc and save it again",
			schema.Clip(sp.sheet), schema.Clip(err.Error()))
		return false
	}
	d := s.decoder(data)
	var (
		inData, inCell bool
		inV, inIS, inT bool
		row, col       int
		c              cellXML // the cell being read, when inCell
	)
	for {
		tok, err := d.RawToken() // the cells are checked, not the nesting
		if err == io.EOF {
			return true
		}
		if err != nil {
			return damaged(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch name := t.Name.Local; {
			case name == "sheetData":
				inData = true
			case !inData:
			case name == "row":
				row++
				if v := attr(t, "r"); v != "" {
					n, err := strconv.Atoi(v)
					if err != nil || n < 1 {
						return damaged(fmt.Errorf("a row is numbered %q", schema.Clip(v)))
					}
					row = n
				}
				col = 0
				if row > maxExtentRow {
					return s.far(sp.sheet, cellName(0, row))
				}
			case name == "c":
				col++
				inCell, c = true, cellXML{ref: attr(t, "r"), typ: attr(t, "t"), col: col, row: row, index: c.index[:0]}
				if c.ref != "" {
					cc, rr, err := excelize.CellNameToCoordinates(c.ref)
					if err != nil {
						return damaged(fmt.Errorf("a cell is named %q", schema.Clip(c.ref)))
					}
					col, c.col = cc, cc
					if cc > maxExtentCol || rr > maxExtentRow {
						return s.far(sp.sheet, c.ref)
					}
				}
				if c.col > maxExtentCol {
					return s.far(sp.sheet, cellName(c.col-1, c.row))
				}
			case !inCell:
			case name == "v":
				inV = true
			case name == "is":
				inIS = true
			case name == "t":
				inT = inIS
			}
		case xml.CharData:
			switch {
			case !inCell:
			case inV:
				c.size += len(t)
				if c.typ == "s" {
					if len(c.index)+len(t) > 20 {
						c.long = true
					} else {
						c.index = append(c.index, t...)
					}
				}
			case inT:
				c.size += len(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "sheetData":
				inData = false
			case "v":
				inV = false
			case "is":
				inIS = false
			case "t":
				inT = false
			case "c":
				if inCell && !s.cell(sp.sheet, &c) {
					return false
				}
				inCell = false
			}
		}
	}
}

// cell adds one cell to the counts; false means the workbook is refused.
func (s *scanner) cell(sheet string, c *cellXML) bool {
	at := schema.Pos{File: s.file, Sheet: sheet, Cell: cellName(c.col-1, c.row)}
	if c.typ == "s" {
		c.size = 0
		if v := strings.TrimSpace(string(c.index)); v != "" || c.long {
			i, err := strconv.Atoi(v)
			switch {
			case err != nil || c.long || i < 0:
				s.diags.Errorf(at, "the workbook is damaged: the cell's text is to be shared string %q, which is not a number; open the workbook in Excel or LibreOffice Calc and save it again", schema.Clip(v))
				return false
			case s.sizes == nil:
				s.diags.Errorf(at, "the workbook is damaged: the cell's text is shared string %d, but the workbook has no shared strings (%s); open it in Excel or LibreOffice Calc and save it again",
					i, partStrings)
				return false
			case i >= len(s.sizes):
				s.diags.Errorf(at, "the workbook is damaged: the cell's text is shared string %d, but the workbook's shared strings (%s) hold %d; open it in Excel or LibreOffice Calc and save it again",
					i, partStrings, len(s.sizes))
				return false
			}
			c.size = s.sizes[i]
		}
	}
	s.text += c.size
	s.cells++
	switch {
	case s.text > MaxTextSize:
		s.diags.Errorf(at, "the workbook's cells, up to this one, hold more than %d MiB of text (a text shared by many cells counts once for each), far more than a workbook of spur (well under 1 MiB): refusing to read it; is it the right file?",
			MaxTextSize>>20)
		return false
	case s.cells > maxCells:
		s.diags.Errorf(at, "the workbook has more than %d cells by this one, far more than a workbook of spur has (a few thousand): refusing to read it; is it the right file?", maxCells)
		return false
	}
	return true
}

// far refuses a cell beyond the extent of a sheet of spur: a few bytes such
// as <c r="XFD1048576"> make excelize build every row and column before it.
func (s *scanner) far(sheet, ref string) bool {
	s.diags.Errorf(schema.Pos{File: s.file, Sheet: sheet, Cell: ref},
		"a cell this far out is outside anything spur writes (a dozen columns, a few hundred rows; at most column %s and row %d are read): refusing to read the workbook; clear the cell (in Excel, Ctrl+End goes to it) and save it again",
		columnName(maxExtentCol-1), maxExtentRow)
	return false
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}
