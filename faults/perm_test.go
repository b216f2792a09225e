//go:build unix

package faults

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"spur/corpus"
)

// nobody is the user the folder-permission cases run spur as when the
// tests run as root, for whom the kernel does not enforce a folder's mode.
const nobody = 65534

// unprivileged gives the credential to run spur with so that permissions
// hold: none for an ordinary user; for root, nobody's, when root may
// become nobody here. It skips the test otherwise.
func unprivileged(t *testing.T) *syscall.Credential {
	t.Helper()
	if os.Geteuid() != 0 {
		return nil
	}
	cred := &syscall.Credential{Uid: nobody, Gid: nobody}
	p := command("", nil, "--version")
	p.cmd.SysProcAttr.Credential = cred
	if err := p.cmd.Start(); err != nil {
		t.Skipf("running as root, and cannot run spur as nobody (%v): a folder's permissions do not hold for root", err)
	}
	if err := p.cmd.Wait(); err != nil {
		t.Skipf("running as root, and spur does not run as nobody (%v): a folder's permissions do not hold for root", err)
	}
	return cred
}

// spurAs runs spur with cred (nil: as the test runs).
func spurAs(t *testing.T, cred *syscall.Credential, dir string, args ...string) result {
	t.Helper()
	p := command(dir, nil, args...)
	p.cmd.SysProcAttr.Credential = cred
	p.startProc(t)
	return p.wait(t, liveness)
}

// handOver makes the files under dir belong to the user of cred, and the
// folders above it (the test's own) passable, so that spur run as that
// user meets only the permissions the case sets.
func handOver(t *testing.T, cred *syscall.Credential, dir string) {
	t.Helper()
	if cred == nil {
		return
	}
	for p := filepath.Dir(dir); p != os.TempDir() && p != "/" && p != "."; p = filepath.Dir(p) {
		if st, err := os.Stat(p); err == nil && st.Mode().Perm()&0o005 != 0o005 {
			os.Chmod(p, st.Mode().Perm()|0o005)
		}
	}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil {
			os.Lchown(p, int(cred.Uid), int(cred.Gid))
		}
		return nil
	})
}

// canWrite reports whether spur, run with cred, could create a file in dir
// (the kernel's answer, asked of a process with the same credential).
func canWrite(t *testing.T, cred *syscall.Credential, dir string) bool {
	t.Helper()
	if cred == nil {
		f, err := os.CreateTemp(dir, ".probe")
		if err != nil {
			return false
		}
		f.Close()
		os.Remove(f.Name())
		return true
	}
	// spur template writes a file; the probe asks it to write one there.
	r := spurAs(t, cred, dir, "template", "--inspection", "-o", filepath.Join(dir, "probe.xlsx"))
	os.Remove(filepath.Join(dir, "probe.xlsx"))
	return r.code == 0
}

// TestReadOnlyInspection: an inspection without write permission is
// refused by spur import (also for root: the protection is the user's
// intention), and is left as it was, with its mode.
func TestReadOnlyInspection(t *testing.T) {
	dir := t.TempDir()
	orig := withoutPlan(t)
	insp := filepath.Join(dir, "insp.yaml")
	writeFile(t, insp, orig, 0o644)
	planFor(t, dir, "insp.yaml")
	os.Chmod(insp, 0o444)
	r := spur(t, dir, "import", "insp.yaml", "plan.yaml")
	t.Logf("import into a 0444 inspection: exit %d; %s", r.code, strings.TrimSpace(r.stderr))
	if r.code != 1 {
		t.Errorf("exit %d, want 1\n%v", r.code, r)
	}
	if !strings.Contains(r.stderr, "insp.yaml is read-only") {
		t.Errorf("the message does not say insp.yaml is read-only:\n%s", r.stderr)
	}
	if got := readFile(t, insp); !bytes.Equal(got, orig) {
		t.Error("the read-only inspection changed")
	}
	if m := modeOf(t, insp).Perm(); m != 0o444 {
		t.Errorf("mode %04o, was 0444", m)
	}
	if left := temps(t, dir); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestPrivateInspection: a 0600 inspection stays 0600 after an import.
func TestPrivateInspection(t *testing.T) {
	dir := t.TempDir()
	insp := filepath.Join(dir, "insp.yaml")
	writeFile(t, insp, withoutPlan(t), 0o600)
	planFor(t, dir, "insp.yaml")
	must(t, dir, "import", "insp.yaml", "plan.yaml")
	if m := modeOf(t, insp).Perm(); m != 0o600 {
		t.Errorf("mode %04o after the import, was 0600", m)
	}
	if !bytes.Contains(readFile(t, insp), []byte("\naction_plan:")) {
		t.Error("the plan was not imported")
	}
}

// TestReadOnlyFolder: an inspection in a folder without write permission
// cannot be replaced (the temporary file has nowhere to go): spur import
// fails, names the file, and leaves it as it was.
func TestReadOnlyFolder(t *testing.T) {
	cred := unprivileged(t)
	dir := filepath.Join(t.TempDir(), "locked")
	orig := withoutPlan(t)
	insp := filepath.Join(dir, "insp.yaml")
	writeFile(t, insp, orig, 0o644)
	planFor(t, dir, "insp.yaml")
	handOver(t, cred, dir)
	os.Chmod(dir, 0o555)
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	if canWrite(t, cred, dir) {
		t.Skip("a file can be created in a 0555 folder here (privileged): the case does not apply")
	}
	r := spurAs(t, cred, dir, "import", "insp.yaml", "plan.yaml")
	t.Logf("import in a 0555 folder (%s): exit %d; %s", who(cred), r.code, strings.TrimSpace(r.stderr))
	if r.code != 1 {
		t.Errorf("exit %d, want 1\n%v", r.code, r)
	}
	if !strings.Contains(r.stderr, "cannot write insp.yaml: permission denied") {
		t.Errorf("the message does not name insp.yaml and say why:\n%s", r.stderr)
	}
	if strings.Contains(r.stderr, ".tmp") {
		t.Errorf("the message names a temporary file:\n%s", r.stderr)
	}
	if got := readFile(t, insp); !bytes.Equal(got, orig) {
		t.Error("the inspection changed")
	}
}

// TestReadOnlyOut: a build into an output folder without write permission
// fails with a message that names the documents and says why.
func TestReadOnlyOut(t *testing.T) {
	cred := unprivileged(t)
	base := filepath.Join(t.TempDir(), "base")
	in, out := filepath.Join(base, "in"), filepath.Join(base, "out")
	if _, err := corpus.Generate(in, 2, 43); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(out, 0o755)
	handOver(t, cred, base)
	os.Chmod(out, 0o555)
	t.Cleanup(func() { os.Chmod(out, 0o755) })
	if canWrite(t, cred, out) {
		t.Skip("a file can be created in a 0555 folder here (privileged): the case does not apply")
	}
	r := spurAs(t, cred, base, "build", in, "-o", out, "-j", "2")
	t.Logf("build into a 0555 folder (%s): exit %d; %d lines of messages, the first: %s", who(cred), r.code, strings.Count(r.stderr, "\n"), strings.SplitN(r.stderr, "\n", 2)[0])
	if r.code != 1 {
		t.Errorf("exit %d, want 1\n%v", r.code, r)
	}
	if !strings.Contains(r.stderr, "cannot write "+out+string(filepath.Separator)) || !strings.Contains(r.stderr, "permission denied") {
		t.Errorf("no message names a document under %s and says permission was denied:\n%s", out, r.stderr)
	}
	if files := tree(t, out); len(files) > 0 {
		t.Errorf("files written into a read-only folder: %d", len(files))
	}
}

// who names the user spur runs as.
func who(cred *syscall.Credential) string {
	if cred == nil {
		return "as the test's user"
	}
	return "as nobody, the test running as root"
}
