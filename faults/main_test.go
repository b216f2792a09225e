//go:build unix

package faults

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// spurBin is the spur binary TestMain builds for every test; launcherBin
// runs it and reports its peak memory (testdata/launcher).
var spurBin, launcherBin string

// long is set by SPUR_FAULTS=long (make faults): ten times the runs.
var long = os.Getenv("SPUR_FAULTS") == "long"

// scale gives the number of runs of a test: n by default, 10n in the long
// form.
func scale(n int) int {
	if long {
		return 10 * n
	}
	return n
}

// liveness bounds any one run of spur: a run that takes longer hangs.
const liveness = 2 * time.Minute

func TestMain(m *testing.M) {
	os.Exit(buildAndRun(m))
}

func buildAndRun(m *testing.M) int {
	dir, err := os.MkdirTemp("", "spur-faults-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "faults:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	// Every test may run spur as another user (see unprivileged): the binary
	// must be reachable by anyone.
	if err := os.Chmod(dir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "faults:", err)
		return 1
	}
	spurBin, launcherBin = filepath.Join(dir, "spur"), filepath.Join(dir, "launcher")
	goTool, err := exec.LookPath("go")
	if err != nil {
		goTool = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	for _, b := range [][2]string{{spurBin, "spur/cmd/spur"}, {launcherBin, "./testdata/launcher"}} {
		cmd := exec.Command(goTool, "build", "-o", b[0], b[1])
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			fmt.Fprintf(os.Stderr, "faults: building %s: %v\n", b[1], err)
			return 1
		}
	}
	start := time.Now()
	code := m.Run()
	if testing.Verbose() {
		fmt.Printf("faults: %d runs of spur in %v\n", spurRuns.Load(), time.Since(start).Round(time.Second))
	}
	return code
}

// spurRuns counts the runs of spur.
var spurRuns atomic.Int64

// result is one finished run of spur.
type result struct {
	code           int            // exit status; -1 when a signal ended it
	signal         syscall.Signal // the signal that ended it, if one did
	stdout, stderr string
	dur            time.Duration
	rss            int64 // peak resident set size in KiB
}

// out is everything the run printed.
func (r result) out() string { return r.stdout + r.stderr }

func (r result) String() string {
	status := fmt.Sprintf("exit %d", r.code)
	if r.signal != 0 {
		status = "ended by " + r.signal.String()
	}
	return fmt.Sprintf("%s after %v, peak RSS %s\nstdout:\n%s\nstderr:\n%s", status, r.dur.Round(time.Millisecond), kib(r.rss), clip(r.stdout), clip(r.stderr))
}

// clip shortens what a run printed for a test's failure message.
func clip(s string) string {
	const n = 3000
	if len(s) <= n {
		return s
	}
	return s[:n/2] + fmt.Sprintf("\n… (%d bytes) …\n", len(s)-n) + s[len(s)-n/2:]
}

func kib(k int64) string {
	if k >= 10<<10 {
		return fmt.Sprintf("%.1f MiB", float64(k)/1024)
	}
	return fmt.Sprintf("%d KiB", k)
}

// proc is a run of spur under way.
type proc struct {
	cmd            *exec.Cmd
	stdout, stderr bytes.Buffer
	start          time.Time
	done           chan struct{}
	res            result
}

// command prepares a run of spur in dir (the current folder if empty),
// with the environment of the test minus SOURCE_DATE_EPOCH, plus env. spur
// runs under the launcher, in a process group of its own, which signals
// reach as a terminal's Ctrl-C reaches a foreground job.
func command(dir string, env []string, args ...string) *proc {
	return limited(dir, env, 0, args...)
}

// limited is command with a bound on spur's virtual memory, in KiB (0: none).
func limited(dir string, env []string, limitKiB int64, args ...string) *proc {
	p := &proc{done: make(chan struct{})}
	p.cmd = exec.Command(launcherBin, append([]string{strconv.FormatInt(limitKiB, 10), spurBin}, args...)...)
	p.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	p.cmd.Dir = dir
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "SOURCE_DATE_EPOCH=") {
			p.cmd.Env = append(p.cmd.Env, kv)
		}
	}
	p.cmd.Env = append(p.cmd.Env, env...)
	p.cmd.Stdout, p.cmd.Stderr = &p.stdout, &p.stderr
	return p
}

// startProc starts p; wait collects it.
func (p *proc) startProc(t testing.TB) {
	t.Helper()
	if err := p.cmd.Start(); err != nil {
		t.Fatalf("start spur: %v", err)
	}
	spurRuns.Add(1)
	p.start = time.Now()
	go func() {
		err := p.cmd.Wait()
		p.res.dur = time.Since(p.start)
		var ee *exec.ExitError
		if err != nil && !errors.As(err, &ee) {
			p.res.code = -2
			p.res.stderr = err.Error()
		}
		close(p.done)
	}()
}

// exited reports whether the process has ended.
func (p *proc) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// signal sends sig to the process group: spur and its launcher.
func (p *proc) signal(sig syscall.Signal) { syscall.Kill(-p.cmd.Process.Pid, sig) }

// kill ends spur and its launcher at once (SIGKILL).
func (p *proc) kill() { p.signal(syscall.SIGKILL) }

// wait waits for the process to end, at most limit; a process still running
// then is killed and the test fails: spur hung.
func (p *proc) wait(t testing.TB, limit time.Duration) result {
	t.Helper()
	timer := time.NewTimer(limit)
	defer timer.Stop()
	select {
	case <-p.done:
	case <-timer.C:
		if p.exited() {
			break
		}
		p.kill()
		<-p.done
		t.Fatalf("spur %s did not end within %v (killed)\nstderr:\n%s", strings.Join(p.cmd.Args[1:], " "), limit, clip(p.stderr.String()))
	}
	r := p.res
	r.stdout, r.stderr = p.stdout.String(), p.stderr.String()
	if i := strings.LastIndex(r.stderr, rssMark); i >= 0 {
		line := r.stderr[i+len(rssMark):]
		r.stderr = r.stderr[:i]
		r.rss, _ = strconv.ParseInt(strings.TrimSpace(line), 10, 64)
	}
	if st := p.cmd.ProcessState; st != nil {
		r.code = st.ExitCode()
		if ws, ok := st.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			r.signal = ws.Signal()
		}
	}
	return r
}

// rssMark begins the launcher's last line: spur's peak RSS in KiB.
const rssMark = "\x00launcher: maxrss="

// spur runs spur to its end in dir and returns what it did.
func spur(t testing.TB, dir string, args ...string) result {
	t.Helper()
	return spurEnv(t, dir, nil, args...)
}

func spurEnv(t testing.TB, dir string, env []string, args ...string) result {
	t.Helper()
	p := command(dir, env, args...)
	p.startProc(t)
	return p.wait(t, liveness)
}

// must runs spur and fails the test unless it exits 0.
func must(t testing.TB, dir string, args ...string) result {
	t.Helper()
	r := spur(t, dir, args...)
	if r.code != 0 {
		t.Fatalf("spur %s: %v", strings.Join(args, " "), r)
	}
	return r
}

// rng gives a test its random numbers from a seed it logs, or from
// SPUR_FAULTS_SEED to replay a run.
func rng(t testing.TB) *rand.Rand {
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("SPUR_FAULTS_SEED"); s != "" {
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatalf("SPUR_FAULTS_SEED=%q: %v", s, err)
		}
		seed = n
	}
	t.Logf("seed %d (SPUR_FAULTS_SEED=%d replays it)", seed, seed)
	return rand.New(rand.NewPCG(seed, 0xfa17))
}

// tempName matches the temporary files of spur: .NAME.NNN.tmp.
var tempName = regexp.MustCompile(`^\..+\.[0-9]+\.tmp$`)

// tree maps every regular file under dir (relative, slash-separated) to its
// content; dot files are included, so that temporary files show.
func tree(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == dir {
				return filepath.SkipAll
			}
			return err
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = data
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// temps lists the temporary files of spur under dir.
func temps(t testing.TB, dir string) []string {
	t.Helper()
	var out []string
	for rel := range tree(t, dir) {
		if tempName.MatchString(filepath.Base(rel)) {
			out = append(out, rel)
		}
	}
	sort.Strings(out)
	return out
}

// copyTree copies the regular files and folders of src into dst, which must
// not exist.
func copyTree(t testing.TB, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		to := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(to, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func writeFile(t testing.TB, path string, data []byte, mode fs.FileMode) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil { // past the umask
		t.Fatal(err)
	}
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func modeOf(t testing.TB, path string) fs.FileMode {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return st.Mode()
}

// pdfWhole reports whether data looks like a whole PDF: its header, and its
// end as spur writes it.
func pdfWhole(data []byte) bool {
	return bytes.HasPrefix(data, []byte("%PDF-")) && bytes.HasSuffix(data, []byte("%%EOF\n"))
}

// qpdfCheck runs qpdf --check on a PDF where qpdf is installed; it reports
// false with qpdf's output when the check fails, and ok without qpdf.
func qpdfCheck(t testing.TB, path string) (ok bool, out string) {
	t.Helper()
	q, err := exec.LookPath("qpdf")
	if err != nil {
		return true, ""
	}
	b, err := exec.Command(q, "--check", path).CombinedOutput()
	return err == nil, string(b)
}

// haveQpdf tells, once per test, whether PDFs are checked with qpdf.
func haveQpdf(t testing.TB) bool {
	_, err := exec.LookPath("qpdf")
	if err != nil {
		t.Log("qpdf is not installed: PDFs are checked for their header and end marker only")
	}
	return err == nil
}

// percentiles gives the minimum, median, 90th percentile and maximum.
func percentiles(ds []time.Duration) string {
	if len(ds) == 0 {
		return "no runs"
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	at := func(q float64) time.Duration { return s[min(len(s)-1, int(q*float64(len(s))))].Round(time.Millisecond) }
	return fmt.Sprintf("min %v, median %v, p90 %v, max %v", s[0].Round(time.Millisecond), at(0.5), at(0.9), s[len(s)-1].Round(time.Millisecond))
}
