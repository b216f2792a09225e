package workbook

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// Rows that grow with their text. Neither Excel nor LibreOffice fits row
// heights when it opens a file, so every row of a template gets a height;
// excelize marks each such height as set by hand (customHeight), and a row
// set by hand no longer grows while a person types into it. The rows where
// people type are written with the height but without the mark. Rows with
// merged cells keep it: no program fits those.

// save writes f to w; grow names, per sheet, the first row whose height
// is to follow its text.
func save(f *excelize.File, w io.Writer, grow map[string]int) error {
	parts := map[string]int{}
	for id, name := range f.GetSheetMap() {
		if r, ok := grow[name]; ok {
			parts[fmt.Sprintf("xl/worksheets/sheet%d.xml", id)] = r
		}
	}
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return &growZip{zw: zip.NewWriter(w), parts: parts} })
	_, err := f.WriteTo(w)
	return err
}

// growZip rewrites the named worksheet parts on their way into the archive.
type growZip struct {
	zw      *zip.Writer
	parts   map[string]int
	pending string
	from    int
	buf     bytes.Buffer
}

func (z *growZip) Create(name string) (io.Writer, error) {
	if err := z.flush(); err != nil {
		return nil, err
	}
	if r, ok := z.parts[name]; ok {
		z.pending, z.from = name, r
		z.buf.Reset()
		return &z.buf, nil
	}
	return z.zw.Create(name)
}

func (z *growZip) AddFS(fsys fs.FS) error {
	if err := z.flush(); err != nil {
		return err
	}
	return z.zw.AddFS(fsys)
}

func (z *growZip) Close() error {
	if err := z.flush(); err != nil {
		return err
	}
	return z.zw.Close()
}

var customRow = regexp.MustCompile(`<row r="(\d+)"([^>]*?) customHeight="(?:true|1)"`)

func (z *growZip) flush() error {
	if z.pending == "" {
		return nil
	}
	w, err := z.zw.Create(z.pending)
	if err != nil {
		return err
	}
	z.pending = ""
	_, err = w.Write(customRow.ReplaceAllFunc(z.buf.Bytes(), func(m []byte) []byte {
		sm := customRow.FindSubmatch(m)
		if n, _ := strconv.Atoi(string(sm[1])); n >= z.from {
			return append(append([]byte(`<row r="`), sm[1]...), append([]byte(`"`), sm[2]...)...)
		}
		return m
	}))
	return err
}
