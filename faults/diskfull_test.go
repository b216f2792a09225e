//go:build unix

package faults

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"spur/corpus"
)

// smallDisk mounts a tmpfs of size bytes on a new folder and unmounts it
// when the test ends. It skips the test where that is not possible: not
// root, or no mount in this container.
func smallDisk(t *testing.T, size string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("not root: cannot mount a small tmpfs to fill (CI runs as root)")
	}
	dir := filepath.Join(t.TempDir(), "disk")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size="+size+",mode=0755"); err != nil {
		t.Skipf("cannot mount a tmpfs (%v): the disk-full cases need one", err)
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(dir, 0); err != nil {
			syscall.Unmount(dir, syscall.MNT_DETACH)
		}
	})
	return dir
}

// fill writes a filler file into dir until the file system is full, then
// frees leave bytes of it (rounded down to whole pages by the file system).
func fill(t *testing.T, dir string, leave int64) {
	t.Helper()
	p := filepath.Join(dir, "filler")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	chunk := make([]byte, 4096)
	var n int64
	for {
		m, err := f.Write(chunk)
		n += int64(m)
		if errors.Is(err, syscall.ENOSPC) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Truncate(max(0, n-leave)); err != nil {
		t.Fatal(err)
	}
	f.Close()
	var st syscall.Statfs_t
	syscall.Statfs(dir, &st)
	t.Logf("the disk is full but %d bytes", st.Bavail*uint64(st.Bsize))
}

// TestDiskFullImport: spur import onto a full disk fails, says the disk is
// full and names the inspection (not its hidden temporary file), and leaves
// the inspection as it was, with no temporary file.
func TestDiskFullImport(t *testing.T) {
	for _, c := range []struct {
		name  string
		leave int64
	}{{"full", 0}, {"4 KB free", 4096}} {
		t.Run(c.name, func(t *testing.T) {
			disk := smallDisk(t, "2m")
			planDir := t.TempDir()
			orig := withoutPlan(t)
			writeFile(t, filepath.Join(planDir, "insp.yaml"), orig, 0o644)
			plan := planFor(t, planDir, "insp.yaml")
			insp := filepath.Join(disk, "insp.yaml")
			writeFile(t, insp, orig, 0o640)
			fill(t, disk, c.leave)

			r := spur(t, disk, "import", "insp.yaml", plan)
			t.Logf("import onto a full disk: exit %d; %s", r.code, strings.TrimSpace(r.stderr))
			if r.code != 1 {
				t.Errorf("exit %d, want 1\n%v", r.code, r)
			}
			if !strings.Contains(r.stderr, "cannot write insp.yaml: the disk is full") {
				t.Errorf("the message does not say the disk is full for insp.yaml:\n%s", r.stderr)
			}
			if strings.Contains(r.out(), ".tmp") {
				t.Errorf("the message names the temporary file:\n%s", r.stderr)
			}
			if got := readFile(t, insp); !bytes.Equal(got, orig) {
				t.Errorf("the inspection changed (%d bytes, was %d)", len(got), len(orig))
			}
			if m := modeOf(t, insp).Perm(); m != 0o640 {
				t.Errorf("mode %04o, was 0640", m)
			}
			if left := temps(t, disk); len(left) > 0 {
				t.Errorf("temporary files left: %v", left)
			}

			// With room again, the import goes through.
			os.Remove(filepath.Join(disk, "filler"))
			must(t, disk, "import", "insp.yaml", plan)
			if got := readFile(t, insp); bytes.Equal(got, orig) || !bytes.Contains(got, []byte("\naction_plan:")) {
				t.Error("the import with room again did not write the plan")
			}
		})
	}
}

// TestDiskFullBuild: spur build into a full disk fails, names the
// documents it could not write, leaves no partial file (what is there is
// byte for byte what a build writes) and no temporary file; with room
// again the next build completes and the check passes.
func TestDiskFullBuild(t *testing.T) {
	in := filepath.Join(t.TempDir(), "in")
	if _, err := corpus.Generate(in, 3, 41); err != nil {
		t.Fatal(err)
	}
	refDir := filepath.Join(t.TempDir(), "ref")
	must(t, "", "build", in, "-o", refDir, "-j", "2")
	ref := tree(t, refDir)
	for _, c := range []struct {
		name  string
		leave int64
	}{{"full", 0}, {"300 KB free", 300 << 10}} {
		t.Run(c.name, func(t *testing.T) {
			disk := smallDisk(t, "2m")
			out := filepath.Join(disk, "out")
			if err := os.Mkdir(out, 0o755); err != nil {
				t.Fatal(err)
			}
			fill(t, disk, c.leave)
			r := spur(t, "", "build", in, "-o", out, "-j", "2")
			files := tree(t, out)
			t.Logf("build onto a full disk: exit %d, %d of %d files written, %d lines of messages", r.code, len(files), len(ref), strings.Count(r.stderr, "\n"))
			if r.code != 1 {
				t.Errorf("exit %d, want 1\n%v", r.code, r)
			}
			if !strings.Contains(r.stderr, "the disk is full") {
				t.Errorf("no message says the disk is full:\n%s", r.stderr)
			}
			named := 0
			for rel := range ref {
				if strings.Contains(r.stderr, "cannot write "+filepath.Join(out, filepath.FromSlash(rel))+": the disk is full") {
					named++
				}
			}
			if named == 0 {
				t.Errorf("no message names a document that could not be written:\n%s", r.stderr)
			}
			if !strings.Contains(r.stderr, "index.md: not updated") {
				t.Errorf("no message says the overview was kept:\n%s", r.stderr)
			}
			if strings.Contains(r.out(), ".tmp") {
				t.Errorf("a message names a temporary file:\n%s", r.stderr)
			}
			for rel, data := range files {
				switch {
				case tempName.MatchString(filepath.Base(rel)):
					t.Errorf("temporary file left: %s", rel)
				case strings.HasPrefix(rel, "index."):
					// Documents could not be written: an overview of the
					// rest would replace a good one with a poorer one.
					t.Errorf("%s was written although documents could not be", rel)
				case !bytes.Equal(data, ref[rel]):
					t.Errorf("%s: %d bytes, not the %d a build writes (partial?)", rel, len(data), len(ref[rel]))
				}
			}
			os.Remove(filepath.Join(disk, "filler"))
			must(t, "", "build", in, "-o", out, "-j", "2")
			if !equalTrees(tree(t, out), ref) {
				t.Error("with room again, the build did not give the reference")
			}
			must(t, "", "build", "--check", in, "-o", out, "-j", "2")
		})
	}
}
