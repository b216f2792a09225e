package build

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// WriteFile writes data to path through a temporary file beside it that is
// renamed into place, so that an interrupted run leaves no half-written
// file, and leaves a file that already holds data untouched. written is
// false when the file was already up to date.
func WriteFile(path string, data []byte) (written bool, err error) {
	return writeFile(path, data, new(bytes.Buffer))
}

func writeFile(path string, data []byte, scratch *bytes.Buffer) (bool, error) {
	state, err := compare(path, data, scratch)
	if err != nil {
		return false, err
	}
	if state == same {
		return false, nil
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return false, err
	}
	// A dot name: a left-over temporary file is not a document (find and
	// the check skip dot files).
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return false, err
	}
	tmp := f.Name()
	_, werr := f.Write(data)
	cerr := f.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(tmp)
		return false, fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		os.Remove(tmp)
		return false, err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return false, err
	}
	return true, nil
}

type fileState int

const (
	same fileState = iota
	differs
	absent
)

// compare tells whether the file at path holds data, reading it into
// scratch only when the sizes agree.
func compare(path string, data []byte, scratch *bytes.Buffer) (fileState, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return absent, nil
	}
	if err != nil {
		return 0, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return 0, err
	}
	if st.IsDir() {
		return 0, fmt.Errorf("%s is a directory, where the build writes a document", path)
	}
	if st.Size() != int64(len(data)) {
		return differs, nil
	}
	scratch.Reset()
	if _, err := io.Copy(scratch, f); err != nil {
		return 0, fmt.Errorf("read %s: %w", path, err)
	}
	if bytes.Equal(scratch.Bytes(), data) {
		return same, nil
	}
	return differs, nil
}

// looksWritten reports whether a file name is one spur build may have
// written: lower-case ASCII letters, digits and hyphens, then .pdf or .md.
func looksWritten(name string) bool {
	stem, ok := strings.CutSuffix(name, ".pdf")
	if !ok {
		if stem, ok = strings.CutSuffix(name, ".md"); !ok {
			return false
		}
	}
	if stem == "" {
		return false
	}
	for _, r := range stem {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// unexpected lists the files of Out that look written by spur build and
// that no input gives any more; with Prune (and without Check) it deletes
// them, unless an input failed. An input that failed gives no names, so its old documents are
// counted too: the check fails on the failed input anyway.
func (b *builder) unexpected(items []*item) error {
	want := map[string]bool{}
	for _, n := range b.indexNames() {
		want[n] = true
	}
	for _, it := range items {
		for _, o := range it.outs {
			want[o] = true
		}
	}
	if _, err := os.Stat(b.opt.Out); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	var found []string
	err := filepath.WalkDir(b.opt.Out, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != b.opt.Out && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !looksWritten(d.Name()) {
			return nil
		}
		rel, err := filepath.Rel(b.opt.Out, p)
		if err != nil {
			return err
		}
		if !want[filepath.ToSlash(rel)] {
			found = append(found, p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	// Pruning after a failed input would delete the documents of an
	// inspection that is only mistyped for now.
	if b.opt.Check || !b.opt.Prune || b.failed(items) {
		b.sum.Unexpected = found
		return nil
	}
	for _, p := range found {
		if err := os.Remove(p); err != nil {
			return err
		}
		b.sum.Pruned = append(b.sum.Pruned, p)
	}
	return nil
}

func (b *builder) failed(items []*item) bool {
	for _, it := range items {
		if !it.ok {
			return true
		}
	}
	return false
}
