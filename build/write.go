package build

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"spur/format"
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

// survey is what a walk of Out found besides what the inputs give.
type survey struct {
	// unexpected are the files that look written by spur build (a name
	// Registry.Written knows, in any registered format, chosen or not) that
	// no input gives and no failing input may give; relative to Out, in
	// the walk's order, with the OS's separator.
	unexpected []string
	temps      []string // the temporary files an interrupted run left
	// kept holds the files (slash-separated) that failing inputs keep.
	kept map[string]bool
}

// survey walks Out, as resolved and following no link in it, for the
// files no good input gives, and ties each to the failing inputs that may
// give it (item.kept):
//
//   - an input whose unit and visit could be read (a typo elsewhere, two
//     inputs with the same report, a document that could not be written)
//     gives the files its slug names in its output folder, in the chosen
//     formats: the report and the action plan, whether it has one or not;
//   - an input that could not be read that far (a YAML syntax error, a
//     broken workbook, no unit name or visit date) may have given any
//     document of its output folder: every one there that no good input
//     gives is kept as possibly its (Failing.Guessed). This keeps more
//     than its own at times, never less; once the input reads again, the
//     rest show as unexpected.
//
// The names come from the input as it is now, not from a record of earlier
// builds: a build depends on its inputs and Out alone, and a record could
// itself go stale.
func (b *builder) survey(items []*item) (*survey, error) {
	want := map[string]bool{}
	for i := range b.formats {
		want[b.indexName(&b.formats[i])] = true
	}
	named := map[string][]*item{}  // a document's name → the failing inputs that give it
	folder := map[string][]*item{} // an output folder → the failing inputs unread in it
	for _, it := range items {
		switch {
		case it.ok:
			for _, o := range it.outs {
				want[o] = true
			}
		case !it.read:
		case it.slug != "":
			for i := range b.formats {
				w := &b.formats[i]
				for _, d := range []format.Doc{format.Report, format.Plan} {
					rel := path.Join(it.dir, w.File(d, it.slug, b.opt.Lang))
					named[rel] = append(named[rel], it)
				}
			}
		default:
			folder[it.dir] = append(folder[it.dir], it)
		}
	}
	sv := &survey{kept: map[string]bool{}}
	root := b.out.real
	if _, err := os.Stat(root); errors.Is(err, fs.ErrNotExist) {
		return sv, nil
	}
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
				sv.temps = append(sv.temps, rel)
			}
			return nil
		}
		if !d.Type().IsRegular() || !b.opt.Registry.Written(d.Name()) {
			return nil
		}
		slash := filepath.ToSlash(rel)
		if want[slash] {
			return nil
		}
		dir := path.Dir(slash)
		if dir == "." {
			dir = ""
		}
		owners := slices.Concat(named[slash], folder[dir])
		for _, it := range owners {
			it.kept = append(it.kept, slash)
		}
		if len(owners) > 0 {
			sv.kept[slash] = true
		} else {
			sv.unexpected = append(sv.unexpected, rel)
		}
		return nil
	})
	return sv, err
}

// tidy removes the temporary files an interrupted run left (a check
// reports them), and lists the unexpected files or, with Prune and
// without Check, deletes them, unless an input failed: its unit's name may
// be mistyped for now, so that its documents are not known for sure.
func (b *builder) tidy(items []*item, sv *survey) error {
	root := b.out.real
	for _, rel := range sv.temps {
		p := b.outPath(rel)
		if b.opt.Check {
			b.sum.Leftovers = append(b.sum.Leftovers, p)
		} else if err := os.Remove(filepath.Join(root, rel)); err == nil {
			b.sum.Removed = append(b.sum.Removed, p)
		}
	}
	if b.opt.Check || !b.opt.Prune || b.failed(items) {
		for _, rel := range sv.unexpected {
			b.sum.Unexpected = append(b.sum.Unexpected, b.outPath(rel))
		}
		return nil
	}
	for _, rel := range sv.unexpected {
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
