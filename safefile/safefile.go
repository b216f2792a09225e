// Package safefile writes files so that no user loses one: through a
// temporary file beside the target that is renamed over it, keeping the
// old file's mode, owner and links, and never half-written on an error, a
// full disk or a kill. It owns the temporary files' names, so that a later
// run can find and remove what a killed one left.
//
// Write is for documents spur makes (reports, workbooks): they may be
// made again. Replace is for files a user wrote (an inspection after
// spur import): it also refuses a read-only file and a file with hard
// links, and syncs the data to disk before the rename.
package safefile

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
)

// tempPattern is the name of a temporary file for target: a dot name, so
// that a left-over is no document (find and the check skip dot files),
// with the target's name in it and a number os.CreateTemp chooses.
func tempPattern(target string) string { return "." + filepath.Base(target) + ".*.tmp" }

// tempName matches the names tempPattern gives.
var tempName = regexp.MustCompile(`^\..+\.[0-9]+\.tmp$`)

// IsTemp reports whether a file name is one of our temporary files.
func IsTemp(name string) bool { return tempName.MatchString(name) }

// Options say how a file is written.
type Options struct {
	// Sync flushes the data to disk before the rename, so that a power
	// failure cannot leave an empty file where a user's file was.
	Sync bool
	// Mode is the mode of a new file; an existing file keeps its own.
	Mode fs.FileMode
	// Owned marks a file a user wrote: a read-only one and one with hard
	// links are refused rather than replaced.
	Owned bool
	// Always writes the file even when it already holds the data.
	Always bool
}

// Write writes data to path atomically. An existing file keeps its mode
// (a new one gets 0644); a symbolic link is written through to its target.
// It reports false, and writes nothing, when the file already holds data.
func Write(path string, data []byte) (written bool, err error) {
	return write(path, data, Options{Mode: 0o644}, nil)
}

// Put writes data to path atomically as Write does, without first
// comparing it with what the file holds: for a caller that has compared.
func Put(path string, data []byte) error {
	_, err := write(path, data, Options{Mode: 0o644, Always: true}, nil)
	return err
}

// Replace writes data over a file a user owns: atomically, through a
// symbolic link to its target, keeping mode and owner, synced to disk
// before the rename. It refuses, writing nothing, a file without write
// permission (also for root: the protection is the user's intention) and a
// file with more than one hard link, which a rename would split. check, if
// not nil, is given what was written, read back from the temporary file,
// and may refuse it; then the old file stays as it was.
func Replace(path string, data []byte, check func([]byte) error) error {
	_, err := write(path, data, Options{Sync: true, Mode: 0o644, Owned: true}, check)
	return err
}

func write(path string, data []byte, opt Options, check func([]byte) error) (bool, error) {
	target := path
	if real, err := filepath.EvalSymlinks(path); err == nil {
		target = real
	} else if !errors.Is(err, fs.ErrNotExist) {
		return false, describe(path, err)
	}
	mode, uid, gid, exists := opt.Mode, -1, -1, false
	st, err := os.Stat(target)
	switch {
	case err == nil:
		exists = true
		if !st.Mode().IsRegular() {
			return false, fmt.Errorf("%s is not a regular file; spur writes only regular files", path)
		}
		mode = st.Mode().Perm()
		var links uint64
		uid, gid, links = owner(st)
		if opt.Owned && links > 1 {
			return false, fmt.Errorf("%s has %d hard links; replacing it would split them, and writing it in place could leave it half-written; nothing was written (write to a new file with -o and move it yourself)", path, links)
		}
		if opt.Owned && !writable(st) {
			return false, fmt.Errorf("%s is read-only (mode %04o); nothing was written (make it writable with chmod u+w, or write to a new file with -o)", path, mode)
		}
		if !opt.Always && st.Size() == int64(len(data)) {
			if old, err := os.ReadFile(target); err == nil && bytes.Equal(old, data) {
				return false, nil
			}
		}
	case errors.Is(err, fs.ErrNotExist):
	default:
		return false, describe(path, err)
	}
	dir := filepath.Dir(target)
	if !exists {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return false, describe(path, err)
		}
	}
	f, err := os.CreateTemp(dir, tempPattern(target))
	if err != nil {
		return false, describe(path, err)
	}
	tmp := f.Name()
	track(tmp)
	defer untrack(tmp)
	fail := func(err error) (bool, error) {
		f.Close()
		os.Remove(tmp)
		return false, describe(path, err)
	}
	if _, err := f.Write(data); err != nil {
		return fail(err)
	}
	if err := f.Chmod(mode); err != nil {
		return fail(err)
	}
	if exists && os.Geteuid() == 0 && uid >= 0 {
		if err := f.Chown(uid, gid); err != nil {
			return fail(err)
		}
	}
	if opt.Sync {
		if err := f.Sync(); err != nil {
			return fail(err)
		}
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return false, describe(path, err)
	}
	if check != nil {
		back, err := os.ReadFile(tmp)
		if err == nil && !bytes.Equal(back, data) {
			err = errors.New("what was written does not read back the same")
		}
		if err == nil {
			err = check(back)
		}
		if err != nil {
			os.Remove(tmp)
			return false, fmt.Errorf("%s: %w; the file is unchanged", path, err)
		}
	}
	if err := os.Rename(tmp, target); err != nil {
		os.Remove(tmp)
		return false, describe(path, err)
	}
	if opt.Sync {
		syncDir(dir)
	}
	return true, nil
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// describe turns an error of the file system into one that names the
// file the user asked for, not the hidden temporary file, and says what
// the error means for it.
func describe(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		err = le.Err
	}
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return fmt.Errorf("cannot write %s: the disk is full; the file is unchanged", path)
	case errors.Is(err, syscall.EDQUOT):
		return fmt.Errorf("cannot write %s: the disk quota is used up; the file is unchanged", path)
	case errors.Is(err, syscall.EROFS):
		return fmt.Errorf("cannot write %s: its file system is read-only; the file is unchanged", path)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("cannot write %s: permission denied in %s; the file is unchanged", path, filepath.Dir(path))
	}
	return fmt.Errorf("cannot write %s: %v", path, err)
}

// The temporary files being written now, so that a process that has to
// stop at once can remove them first.
var (
	mu       sync.Mutex
	inFlight = map[string]bool{}
)

func track(p string)   { mu.Lock(); inFlight[p] = true; mu.Unlock() }
func untrack(p string) { mu.Lock(); delete(inFlight, p); mu.Unlock() }

// RemoveTemps removes the temporary files being written now; for a process
// about to exit on a second Ctrl-C.
func RemoveTemps() {
	mu.Lock()
	defer mu.Unlock()
	for p := range inFlight {
		os.Remove(p)
		delete(inFlight, p)
	}
}

// Leftovers lists the temporary files that interrupted runs left beside
// path: those for path's own name only.
func Leftovers(path string) []string {
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []string
	prefix := "." + base + "."
	for _, e := range entries {
		n := e.Name()
		if e.Type().IsRegular() && strings.HasPrefix(n, prefix) && IsTemp(n) && !tracked(filepath.Join(dir, n)) {
			out = append(out, filepath.Join(dir, n))
		}
	}
	return out
}

func tracked(p string) bool { mu.Lock(); defer mu.Unlock(); return inFlight[p] }
