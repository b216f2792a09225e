package preflight

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestValidate: Preflight itself, in one run, on hand-made files: the one
// valid file passes, and each file with one thing PDF/A-1 forbids fails
// with that thing, so the harness cannot pass by checking nothing. Two of
// the files share a base name, and one has a name in Swedish with spaces.
func TestValidate(t *testing.T) {
	Require(t)
	dir := t.TempDir()
	cases := []struct {
		path string
		pdf  tiny
		want string // the code of its problems; "" for a valid file
	}{
		{"valid.pdf", tiny{}, ""},
		{"a/Åtgärdsplan för ST.pdf", tiny{}, ""},
		{"b/valid.pdf", tiny{noID: true}, "1.4.1"},
		{"no-metadata.pdf", tiny{noMetadata: true}, "7.1"},
		{"gray.pdf", tiny{content: "0 g 10 10 100 100 re f"}, "2.4.3"},
	}
	var files []string
	for _, c := range cases {
		p := filepath.Join(dir, c.path)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, c.pdf.bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	got, err := Validate(context.Background(), files...)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(cases) {
		t.Errorf("%d results for %d files", len(got), len(cases))
	}
	for i, c := range cases {
		ps, ok := got[files[i]]
		switch {
		case !ok:
			t.Errorf("%s: no result", c.path)
		case c.want == "" && len(ps) > 0:
			t.Errorf("%s: want valid, got %v", c.path, ps)
		case c.want != "" && !only(ps, c.want):
			t.Errorf("%s: want problems %s and no other, got %v", c.path, c.want, ps)
		}
	}
}

// only reports whether there are problems and all have the code.
func only(ps []Problem, code string) bool {
	for _, p := range ps {
		if p.Code != code {
			return false
		}
	}
	return len(ps) > 0
}

// TestValidateMissing: a file that is not there is an error, not a file
// without problems.
func TestValidateMissing(t *testing.T) {
	Require(t)
	ok := filepath.Join(t.TempDir(), "ok.pdf")
	if err := os.WriteFile(ok, tiny{}.bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, files := range map[string][]string{
		"missing":   {ok, filepath.Join(t.TempDir(), "missing.pdf")},
		"directory": {ok, t.TempDir()},
	} {
		if got, err := Validate(context.Background(), files...); err == nil {
			t.Errorf("%s: no error, got %v", name, got)
		}
	}
}

// TestValidateBrokenJava: when Preflight cannot run (here JAXB is left off
// the classpath, and Preflight dies of a NoClassDefFoundError), Validate
// says so rather than pass the files.
func TestValidateBrokenJava(t *testing.T) {
	Require(t)
	cp, _ := Available()
	var without []string
	for _, e := range filepath.SplitList(cp) {
		if filepath.Base(e) != "jaxb-api.jar" {
			without = append(without, e)
		}
	}
	if len(without) == len(filepath.SplitList(cp)) {
		t.Skipf("no jaxb-api.jar of its own in the classpath %s", cp)
	}
	t.Setenv(EnvClasspath, strings.Join(without, string(filepath.ListSeparator)))
	p := filepath.Join(t.TempDir(), "valid.pdf")
	if err := os.WriteFile(p, tiny{}.bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := Validate(context.Background(), p)
	if err == nil || !strings.Contains(err.Error(), "DatatypeConverter") {
		t.Errorf("got %v, %v; want an error naming the missing class", got, err)
	}
}

// TestUnavailable: without Java and the jars, Validate says so.
func TestUnavailable(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	if _, ok := Available(); ok {
		t.Fatal("available without java in PATH")
	}
	_, err := Validate(context.Background(), "x.pdf")
	if !errors.Is(err, ErrUnavailable) || !strings.Contains(err.Error(), "java") {
		t.Errorf("got %v, want ErrUnavailable naming java", err)
	}
}

// TestClasspath: SPUR_PREFLIGHT_CP replaces the jars under /usr/share/java,
// and a jar it names that is not there makes Preflight unavailable.
func TestClasspath(t *testing.T) {
	if _, err := exec.LookPath("java"); err != nil {
		t.Skip("no java in PATH")
	}
	jar := filepath.Join(t.TempDir(), "preflight.jar")
	if err := os.WriteFile(jar, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	cp := jar + string(filepath.ListSeparator) + filepath.Join(t.TempDir(), "*")
	t.Setenv(EnvClasspath, cp)
	if got, ok := Available(); !ok || got != cp {
		t.Errorf("Available() = %q, %v; want %q, true", got, ok, cp)
	}
	t.Setenv(EnvClasspath, filepath.Join(t.TempDir(), "absent.jar"))
	if got, ok := Available(); ok {
		t.Errorf("Available() = %q, true with a missing jar", got)
	}
}

// fakeTB records what Require does instead of stopping the test.
type fakeTB struct {
	testing.TB
	did string
}

func (f *fakeTB) Helper()               {}
func (f *fakeTB) Skipf(string, ...any)  { f.did = "skip" }
func (f *fakeTB) Fatalf(string, ...any) { f.did = "fail" }

// TestRequire: without Preflight a test skips, unless CI says otherwise:
// then it fails, so that CI never passes by skipping.
func TestRequire(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	for ci, want := range map[string]string{"": "skip", "false": "skip", "true": "fail", "1": "fail"} {
		t.Setenv("CI", ci)
		f := &fakeTB{TB: t}
		Require(f)
		if f.did != want {
			t.Errorf("CI=%q: %s, want %s", ci, f.did, want)
		}
	}
}
