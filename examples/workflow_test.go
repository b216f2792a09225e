// Package examples holds the CI recipe of the README, and a test that runs
// it, so that the recipe cannot rot.
package examples

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"
)

const workflowFile = "spur-reports.yml"

// workflow is what the test reads of a GitHub Actions workflow.
type workflow struct {
	Jobs map[string]struct {
		Steps []step `yaml:"steps"`
	} `yaml:"jobs"`
}

type step struct {
	Name  string            `yaml:"name"`
	Uses  string            `yaml:"uses"`
	With  map[string]string `yaml:"with"`
	Run   string            `yaml:"run"`
	Env   map[string]string `yaml:"env"`
	Shell string            `yaml:"shell"`
	Dir   string            `yaml:"working-directory"`
}

// TestWorkflow runs the example workflow's steps, in order, in a scratch
// repository of inspections laid out as its comment says: both checkouts
// are replaced (the inspections are already there; spur's source is this
// tree, linked where the workflow puts it), setup-go is checked for the
// files it reads, and each run: step runs with bash as on a runner. The
// reports are built with the command the comment gives for mending. The
// check then passes; after an inspection is edited it fails with exit
// status 1 and names the stale report; after the mend it passes again.
func TestWorkflow(t *testing.T) {
	if testing.Short() {
		t.Skip("builds spur and runs the workflow's steps")
	}
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	src, err := os.ReadFile(workflowFile)
	if err != nil {
		t.Fatal(err)
	}
	var wf workflow
	if err := yaml.Unmarshal(src, &wf); err != nil {
		t.Fatalf("%s: %v", workflowFile, err)
	}
	if len(wf.Jobs) != 1 {
		t.Fatalf("%s has %d jobs; the test knows one", workflowFile, len(wf.Jobs))
	}
	var steps []step
	for _, j := range wf.Jobs {
		steps = j.Steps
	}
	mend := mendCommand(t, string(src))

	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	ws, runnerTemp := t.TempDir(), t.TempDir()
	inspection := filepath.Join(ws, "inspections", "2025", "almaklinikens-vardcentral.yaml")
	fixture, err := os.ReadFile(filepath.Join(root, "fixtures", "almaklinikens-vardcentral-2025.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, inspection, fixture)

	// The steps before the check set up spur; the check is the first
	// step that runs spur build --check, and those after it.
	check := -1
	for i, s := range steps {
		if strings.Contains(s.Run, "build --check") {
			check = i
			break
		}
	}
	if check < 0 {
		t.Fatalf("%s: no step runs spur build --check", workflowFile)
	}

	r := runner{t: t, ws: ws, env: runnerEnv(t, ws, runnerTemp)}
	for i, s := range steps[:check] {
		r.setUp(i, s, root)
	}
	spur := filepath.Join(runnerTemp, "spur")
	if _, err := os.Stat(spur); err != nil {
		t.Fatalf("the steps before the check built no $RUNNER_TEMP/spur: %v", err)
	}

	// The reports, built as the comment says.
	if code, out := r.bash("the mend command", mend, "PATH="+runnerTemp+string(os.PathListSeparator)+os.Getenv("PATH")); code != 0 {
		t.Fatalf("%s: exit %d\n%s", mend, code, out)
	}
	report := filepath.Join("reports", "2025", "almaklinikens-vardcentral-2025-02-11")
	if _, err := os.Stat(filepath.Join(ws, report+".pdf")); err != nil {
		t.Fatalf("%s did not build the report: %v", mend, err)
	}

	code, out := r.checkSteps(steps[check:])
	if code != 0 || !strings.Contains(out, "spur build: 1 of 1 inspection checked") {
		t.Fatalf("the check after a build: exit %d\n%s", code, out)
	}

	write(t, inspection, bytes.Replace(fixture, []byte("Öronmikroskop saknas"), []byte("Otoskop saknas"), 1))
	code, out = r.checkSteps(steps[check:])
	if code != 1 || !strings.Contains(out, "stale: "+report+".pdf\n") {
		t.Errorf("the check after an inspection changed: exit %d, want 1 naming %s.pdf\n%s", code, report, out)
	}

	if code, out := r.bash("the mend command", mend, "PATH="+runnerTemp+string(os.PathListSeparator)+os.Getenv("PATH")); code != 0 {
		t.Fatalf("%s: exit %d\n%s", mend, code, out)
	}
	if code, out = r.checkSteps(steps[check:]); code != 0 {
		t.Errorf("the check after the mend: exit %d\n%s", code, out)
	}
}

// mendCommand is the command the workflow's comment gives to mend the
// reports: a comment line that runs spur build with --prune.
func mendCommand(t *testing.T, src string) string {
	t.Helper()
	m := regexp.MustCompile(`(?m)^#\s+(spur build .*--prune.*)$`).FindStringSubmatch(src)
	if m == nil {
		t.Fatalf("%s: no comment line gives the command that mends the reports (spur build … --prune)", workflowFile)
	}
	return strings.TrimSpace(m[1])
}

// runnerEnv is the environment of a step on a GitHub runner, as far as the
// steps read it, with a go on the PATH.
func runnerEnv(t *testing.T, ws, runnerTemp string) []string {
	t.Helper()
	path := os.Getenv("PATH")
	if _, err := exec.LookPath("go"); err != nil {
		path = filepath.Join(runtime.GOROOT(), "bin") + string(os.PathListSeparator) + path
	}
	var env []string
	for _, kv := range os.Environ() {
		// A date from outside would date the documents of a build and a
		// check alike; it is left out all the same, as on a runner.
		if !strings.HasPrefix(kv, "SOURCE_DATE_EPOCH=") && !strings.HasPrefix(kv, "PATH=") {
			env = append(env, kv)
		}
	}
	return append(env, "PATH="+path, "CI=true", "GITHUB_ACTIONS=true", "GITHUB_WORKSPACE="+ws, "RUNNER_TEMP="+runnerTemp)
}

type runner struct {
	t   *testing.T
	ws  string
	env []string
}

// setUp takes one step before the check: a checkout, setup-go or a run.
func (r runner) setUp(i int, s step, root string) {
	t := r.t
	t.Helper()
	name := s.Name
	if name == "" {
		name = s.Uses
	}
	switch uses, _, _ := strings.Cut(s.Uses, "@"); {
	case uses == "actions/checkout" && s.With["path"] == "":
		// The repository of inspections: the scratch folder itself.
	case uses == "actions/checkout":
		ref := s.With["ref"]
		if !regexp.MustCompile(`^[0-9a-f]{40}$`).MatchString(ref) {
			t.Errorf("step %d (%s): ref %q is not a full commit SHA: a tag or a branch can move", i+1, name, ref)
		}
		checkCommit(t, root, ref)
		dst := filepath.Join(r.ws, filepath.FromSlash(s.With["path"]))
		if err := os.Symlink(root, dst); err != nil {
			t.Fatal(err)
		}
	case uses == "actions/setup-go":
		for _, key := range []string{"go-version-file", "cache-dependency-path"} {
			f := s.With[key]
			if f == "" {
				t.Errorf("step %d (%s): no %s; setup-go then looks for go.sum in the inspections' repository, which has none", i+1, name, key)
				continue
			}
			if _, err := os.Stat(filepath.Join(r.ws, filepath.FromSlash(f))); err != nil {
				t.Errorf("step %d (%s): %s: %v", i+1, name, key, err)
			}
		}
	case s.Uses != "":
		t.Fatalf("step %d uses %s, which the test cannot stand in for", i+1, s.Uses)
	default:
		if code, out := r.step(i, s); code != 0 {
			t.Fatalf("step %d (%s): exit %d\n%s", i+1, name, code, out)
		}
	}
}

// checkSteps runs the steps from the check on, as a runner does: each after
// the one before succeeded. It gives the first non-zero exit status and
// the output of all.
func (r runner) checkSteps(steps []step) (int, string) {
	var all strings.Builder
	for i, s := range steps {
		if s.Uses != "" {
			r.t.Fatalf("a step after the check uses %s, which the test cannot stand in for", s.Uses)
		}
		code, out := r.step(i, s)
		all.WriteString(out)
		if code != 0 {
			return code, all.String()
		}
	}
	return 0, all.String()
}

// step runs a run: step with bash, as GitHub's default shell does.
func (r runner) step(i int, s step) (int, string) {
	t := r.t
	t.Helper()
	if strings.Contains(s.Run, "${{") {
		t.Fatalf("step %d (%s) has an expression ${{ }} in its run:, which only GitHub evaluates; use the environment", i+1, s.Name)
	}
	if s.Shell != "" && s.Shell != "bash" {
		t.Fatalf("step %d (%s): shell %s; the test runs bash", i+1, s.Name, s.Shell)
	}
	var extra []string
	for k, v := range s.Env {
		extra = append(extra, k+"="+v)
	}
	return r.bashIn(s.Dir, s.Name, s.Run, extra...)
}

func (r runner) bash(what, script string, env ...string) (int, string) {
	return r.bashIn("", what, script, env...)
}

// bashIn runs script as `bash --noprofile --norc -eo pipefail`, GitHub's
// bash, in dir under the workspace.
func (r runner) bashIn(dir, what, script string, env ...string) (int, string) {
	t := r.t
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script)
	cmd.Dir = filepath.Join(r.ws, filepath.FromSlash(dir))
	cmd.Env = append(append([]string{}, r.env...), env...)
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("%s: did not finish in 2 minutes\n%s", what, out)
	}
	if ee := (*exec.ExitError)(nil); errors.As(err, &ee) {
		return ee.ExitCode(), string(out)
	}
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return 0, string(out)
}

// checkCommit checks that the pinned SHA is a commit of spur's history,
// when this tree is a git checkout that holds it (a shallow clone, or a
// tree without git, is not asked).
func checkCommit(t *testing.T, root, sha string) {
	t.Helper()
	git := func(args ...string) (string, error) {
		out, err := exec.Command("git", append([]string{"-C", root}, args...)...).Output()
		return strings.TrimSpace(string(out)), err
	}
	if shallow, err := git("rev-parse", "--is-shallow-repository"); err != nil || shallow != "false" {
		t.Logf("not a full git checkout: the pinned commit %s is not looked up", sha)
		return
	}
	if _, err := git("cat-file", "-e", sha+"^{commit}"); err != nil {
		t.Errorf("the workflow pins spur at %s, which is no commit of spur's history; pin one that is", sha)
	}
}

func write(t *testing.T, p string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
