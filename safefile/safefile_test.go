package safefile

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func writeOld(t *testing.T, path string, mode os.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, []byte("old text\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func modeOf(t *testing.T, path string) os.FileMode {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return st.Mode().Perm()
}

// A replaced file keeps its mode, whatever it was; a new one is 0644.
func TestReplaceKeepsMode(t *testing.T) {
	for _, mode := range []os.FileMode{0o600, 0o640, 0o664, 0o755} {
		path := filepath.Join(t.TempDir(), "insp.yaml")
		writeOld(t, path, mode)
		if err := Replace(path, []byte("new text\n"), nil); err != nil {
			t.Fatalf("%04o: %v", mode, err)
		}
		if got := modeOf(t, path); got != mode {
			t.Errorf("mode %04o became %04o", mode, got)
		}
		if mustRead(t, path) != "new text\n" {
			t.Errorf("%04o: not replaced", mode)
		}
	}
	path := filepath.Join(t.TempDir(), "sub", "new.pdf")
	if w, err := Write(path, []byte("x")); err != nil || !w {
		t.Fatalf("written %v, %v", w, err)
	}
	if got := modeOf(t, path); got != 0o644 {
		t.Errorf("a new file has mode %04o, want 0644", got)
	}
}

// A file without write permission is refused, also for root, and stays.
func TestReplaceRefusesReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "insp.yaml")
	writeOld(t, path, 0o444)
	err := Replace(path, []byte("new text\n"), nil)
	if err == nil || !strings.Contains(err.Error(), "read-only") || !strings.Contains(err.Error(), path) {
		t.Fatalf("err = %v, want a read-only refusal naming %s", err, path)
	}
	if mustRead(t, path) != "old text\n" || modeOf(t, path) != 0o444 {
		t.Errorf("the read-only file changed")
	}
}

// Through a symbolic link the target is written; the link stays a link.
func TestReplaceWritesThroughLink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real", "insp.yaml")
	os.MkdirAll(filepath.Dir(target), 0o755)
	writeOld(t, target, 0o600)
	link := filepath.Join(dir, "insp.yaml")
	if err := os.Symlink("real/insp.yaml", link); err != nil {
		t.Fatal(err)
	}
	if err := Replace(link, []byte("new text\n"), nil); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link is no longer a link: %v", err)
	}
	if mustRead(t, target) != "new text\n" {
		t.Errorf("the target was not written")
	}
	if modeOf(t, target) != 0o600 {
		t.Errorf("the target's mode changed")
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "*", ".*.tmp")); len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
}

// A file with a second hard link is refused rather than split.
func TestReplaceRefusesHardLink(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "insp.yaml")
	writeOld(t, path, 0o644)
	if err := os.Link(path, filepath.Join(dir, "copy.yaml")); err != nil {
		t.Fatal(err)
	}
	err := Replace(path, []byte("new text\n"), nil)
	if err == nil || !strings.Contains(err.Error(), "hard links") {
		t.Fatalf("err = %v, want a hard-link refusal", err)
	}
	if mustRead(t, path) != "old text\n" || mustRead(t, filepath.Join(dir, "copy.yaml")) != "old text\n" {
		t.Errorf("a linked file changed")
	}
}

// A check that refuses what was written leaves the old file, and no
// temporary file.
func TestReplaceCheckRefuses(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "insp.yaml")
	writeOld(t, path, 0o644)
	err := Replace(path, []byte("new text\n"), func(b []byte) error {
		if !bytes.Equal(b, []byte("new text\n")) {
			t.Errorf("the check was given %q", b)
		}
		return errors.New("no")
	})
	if err == nil || !strings.Contains(err.Error(), "unchanged") {
		t.Fatalf("err = %v", err)
	}
	if mustRead(t, path) != "old text\n" {
		t.Errorf("the file changed")
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*")); len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
}

// An error names the file asked for, never the hidden temporary file.
func TestErrorsNameTheTarget(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes into a read-only folder; the disk-full case below covers root")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "insp.yaml")
	writeOld(t, path, 0o644)
	os.Chmod(dir, 0o555)
	defer os.Chmod(dir, 0o755)
	err := Replace(path, []byte("new text\n"), nil)
	if err == nil || !strings.Contains(err.Error(), "cannot write "+path) || strings.Contains(err.Error(), ".tmp") {
		t.Fatalf("err = %v", err)
	}
}

// On a full disk the old file stays, and the error says so by its name.
func TestDiskFull(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("mounting a small tmpfs needs root (CI runs as root)")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v %s", err, out)
	}
	defer exec.Command("umount", dir).Run()
	path := filepath.Join(dir, "insp.yaml")
	writeOld(t, path, 0o640)
	big := bytes.Repeat([]byte("x"), 128<<10)
	err := Replace(path, big, nil)
	if err == nil || !strings.Contains(err.Error(), "disk is full") || !strings.Contains(err.Error(), path) || strings.Contains(err.Error(), ".tmp") {
		t.Fatalf("err = %v", err)
	}
	if mustRead(t, path) != "old text\n" {
		t.Errorf("the file changed")
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*")); len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
}

// Leftovers finds what a killed run left for this file only.
func TestLeftovers(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "insp.yaml")
	writeOld(t, path, 0o644)
	for _, n := range []string{".insp.yaml.123.tmp", ".other.yaml.5.tmp", ".insp.yaml.x.tmp", "insp.yaml.9.tmp"} {
		os.WriteFile(filepath.Join(dir, n), nil, 0o644)
	}
	got := Leftovers(path)
	if len(got) != 1 || filepath.Base(got[0]) != ".insp.yaml.123.tmp" {
		t.Errorf("Leftovers = %v", got)
	}
	for name, want := range map[string]bool{".a.pdf.1234.tmp": true, ".a.pdf.tmp": false, "a.pdf.1.tmp": false, ".a.pdf.12.tmp.x": false} {
		if IsTemp(name) != want {
			t.Errorf("IsTemp(%q) = %v", name, !want)
		}
	}
}
