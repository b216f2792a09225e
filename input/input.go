// Package input reads an inspection from a file of any supported format,
// checks it and grades it, so that every command and the batch build
// treat inputs alike. It is the one place that knows the formats.
package input

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"spur/grade"
	"spur/schema"
	"spur/workbook"
)

// Inspection is a loaded, checked and graded inspection.
type Inspection struct {
	*schema.Inspection
	Grades grade.Result
	// Diags is every problem found, sorted by place; the inspection is fit
	// to use when it has no error.
	Diags schema.Diagnostics
}

// OK reports whether the inspection loaded without errors.
func (i *Inspection) OK() bool { return i.Inspection != nil && !i.Diags.HasErrors() }

// Extensions lists the file endings of inspection files.
var Extensions = []string{".yaml", ".yml", ".xlsx"}

// IsInspection reports whether a file name has an inspection's ending.
func IsInspection(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range Extensions {
		if ext == e {
			return true
		}
	}
	return false
}

// MaxFile bounds what is read of any input: YAML is refused above
// schema.MaxInputSize and a workbook above workbook.MaxFileSize by their
// loaders, which see at most MaxFile+1 bytes.
const MaxFile = 32 << 20

// File loads the inspection at path; "-" reads standard input. The error
// is for a file that cannot be read at all; problems in it are Diags.
func File(path string, p grade.Policy) (*Inspection, error) {
	return Open(path, os.Stdin, p)
}

// Open is File with standard input given: "-" reads at most MaxFile+1
// bytes of stdin, named "<stdin>" in the diagnostics.
func Open(path string, stdin io.Reader, p grade.Policy) (*Inspection, error) {
	var (
		data []byte
		err  error
		name = path
	)
	if path == "-" {
		name = "<stdin>"
		data, err = io.ReadAll(io.LimitReader(stdin, MaxFile+1))
	} else {
		data, err = ReadFile(path)
	}
	if err != nil {
		return nil, err
	}
	return Bytes(name, data, p), nil
}

// Load reads, checks and grades the inspection at path as File does, and
// returns the model and every problem: for a caller (a test, a tool) that
// wants the two apart. The error is for a file that cannot be read at all.
func Load(path string) (*schema.Inspection, schema.Diagnostics, error) {
	in, err := File(path, grade.DefaultPolicy())
	if err != nil {
		return nil, nil, err
	}
	return in.Inspection, in.Diags, nil
}

// ReadFile reads at most MaxFile+1 bytes of the file at path, for a loader
// to judge. Only a regular file (or a link to one) is read: a directory, a
// named pipe or a device is an error, and is never read from (a pipe is
// opened without waiting for a writer).
func ReadFile(path string) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is %s, not an inspection file; spur reads regular files only", path, Kind(st.Mode()))
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFile+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return data, nil
}

// Kind names what a file that is not a regular file is: "a directory",
// "a named pipe", "a device".
func Kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return "a device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "a special file"
}

// Bytes loads an inspection from data; name is used in diagnostics. The
// format is told by the content (a workbook is a zip file, an encrypted or
// legacy one an OLE file), else by the name's ending.
func Bytes(name string, data []byte, p grade.Policy) *Inspection {
	var out Inspection
	if workbook.IsWorkbook(name, data) {
		out.Inspection, out.Diags = loadWorkbook(name, data)
	} else {
		out.Inspection, out.Diags = schema.Load(name, data)
	}
	if out.Inspection != nil {
		res, gd := grade.Inspection(out.Inspection, p)
		out.Grades = res
		out.Diags = append(out.Diags, workbook.SheetWords(out.Inspection, gd)...)
		out.Diags.Sort()
	}
	return &out
}
