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
	"syscall"

	"spur/input"
	"spur/safefile"
)

// writeFile writes data to path atomically (safefile.Put), and leaves a
// file that already holds data untouched. written is false when the file
// was already up to date.
func writeFile(path string, data []byte, scratch *bytes.Buffer) (bool, error) {
	state, err := compare(path, data, scratch)
	if err != nil {
		return false, err
	}
	if state == same {
		return false, nil
	}
	if err := safefile.Put(path, data); err != nil {
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
// scratch only when the sizes agree. Only a regular file is read: a named
// pipe where a document should be is an error, never waited on.
func compare(path string, data []byte, scratch *bytes.Buffer) (fileState, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
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
	if !st.Mode().IsRegular() {
		return 0, fmt.Errorf("%s is %s, where the build writes a document", path, input.Kind(st.Mode()))
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

// unexpected lists the files of Out that look written by spur build (a
// name Registry.Written knows, in any registered format, chosen or not)
// and that no input gives any more; with Prune (and without Check) it
// deletes them, unless an input failed. An input that failed gives no
// names, so its old documents are counted too: the check fails on the failed input anyway. The temporary
// files an interrupted run left are removed by a build and reported by a
// check. Out is walked as resolved, and no link in it is followed.
func (b *builder) unexpected(items []*item) error {
	want := map[string]bool{}
	for i := range b.formats {
		want[b.indexName(&b.formats[i])] = true
	}
	for _, it := range items {
		for _, o := range it.outs {
			want[o] = true
		}
	}
	root := b.out.real
	if _, err := os.Stat(root); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	var found, temps []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			if d.Type().IsRegular() && safefile.IsTemp(d.Name()) {
				temps = append(temps, rel)
			}
			return nil
		}
		if !d.Type().IsRegular() || !b.opt.Registry.Written(d.Name()) {
			return nil
		}
		if !want[filepath.ToSlash(rel)] {
			found = append(found, rel)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, rel := range temps {
		p := b.outPath(rel)
		if b.opt.Check {
			b.sum.Leftovers = append(b.sum.Leftovers, p)
		} else if err := os.Remove(filepath.Join(root, rel)); err == nil {
			b.sum.Removed = append(b.sum.Removed, p)
		}
	}
	// Pruning after a failed input would delete the documents of an
	// inspection that is only mistyped for now.
	if b.opt.Check || !b.opt.Prune || b.failed(items) {
		for _, rel := range found {
			b.sum.Unexpected = append(b.sum.Unexpected, b.outPath(rel))
		}
		return nil
	}
	for _, rel := range found {
		if err := b.out.check(filepath.ToSlash(rel)); err != nil {
			return err
		}
		if err := os.Remove(filepath.Join(root, rel)); err != nil {
			return err
		}
		b.sum.Pruned = append(b.sum.Pruned, b.outPath(rel))
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
