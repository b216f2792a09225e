package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// A build reads only under Dir and writes, compares and deletes only under
// Out. Both may be given as symbolic links (they are resolved once); a
// link inside them is followed only where it stays inside.

// realPath resolves every symbolic link of p; for a path that does not
// exist yet, those of its nearest existing parent, with the rest as given.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var rest []string
	for cur := abs; ; {
		r, err := filepath.EvalSymlinks(cur)
		if err == nil {
			return filepath.Join(append([]string{r}, rest...)...), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return abs, nil
		}
		rest = append([]string{filepath.Base(cur)}, rest...)
		cur = parent
	}
}

// inside reports whether p is root or under it; both are clean and absolute.
func inside(root, p string) bool {
	if p == root {
		return true
	}
	return strings.HasPrefix(p, strings.TrimSuffix(root, string(filepath.Separator))+string(filepath.Separator))
}

// confine checks a path under Out before it is written, compared or
// deleted: each folder on the way, and the file itself, that is a link
// must resolve inside Out. rel is slash-separated, relative to Out.
type confine struct {
	out, real string // Out as given, and resolved

	mu sync.Mutex
	ok map[string]bool // folders (relative) already found inside
}

func newConfine(out string) (*confine, error) {
	real, err := realPath(out)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", out, err)
	}
	return &confine{out: out, real: real, ok: map[string]bool{}}, nil
}

// check returns an error naming the link when rel leads out of Out.
func (c *confine) check(rel string) error {
	parts := strings.Split(rel, "/")
	cur := c.real
	for i, part := range parts {
		sub := strings.Join(parts[:i+1], "/")
		last := i == len(parts)-1
		if !last {
			c.mu.Lock()
			known := c.ok[sub]
			c.mu.Unlock()
			if known {
				cur = filepath.Join(cur, part)
				continue
			}
		}
		next := filepath.Join(cur, part)
		st, err := os.Lstat(next)
		if errors.Is(err, fs.ErrNotExist) {
			return nil // the rest is made by the build, inside
		}
		if err != nil {
			return err
		}
		if st.Mode()&fs.ModeSymlink != 0 {
			target, err := filepath.EvalSymlinks(next)
			if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
			if err != nil {
				return fmt.Errorf("%s is a symbolic link to nothing (%s); remove it", filepath.Join(c.out, filepath.FromSlash(sub)), linkText(next))
			}
			if !inside(c.real, target) {
				shown := filepath.Join(c.out, filepath.FromSlash(sub))
				return fmt.Errorf("%s is a symbolic link that leads out of %s (to %s); spur build writes, compares and deletes only inside its output folder: remove the link or build into another folder", shown, c.out, linkText(next))
			}
			next = target
		}
		if !last {
			c.mu.Lock()
			c.ok[sub] = true
			c.mu.Unlock()
		}
		cur = next
	}
	return nil
}

func linkText(p string) string {
	t, err := os.Readlink(p)
	if err != nil {
		return "?"
	}
	return t
}
