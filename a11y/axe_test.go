package a11y

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"spur/build"
	"spur/corpus"
	"spur/grade"
)

// browserTools gives the node command and the folder of tools/browser, or
// skips the test with the reason.
func browserTools(t *testing.T) (node, dir string) {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed (.ci/run installs it)")
	}
	chromium := os.Getenv("CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	if _, err := os.Stat(chromium); err != nil {
		t.Skipf("%s is not installed (.ci/run installs Debian's chromium)", chromium)
	}
	dir, _ = filepath.Abs("../tools/browser")
	for _, m := range []string{"axe-core", "puppeteer-core"} {
		if _, err := os.Stat(filepath.Join(dir, "node_modules", m)); err != nil {
			t.Skipf("%s is not installed in tools/browser (make browser-deps)", m)
		}
	}
	return node, dir
}

type axeResult struct {
	File       string
	Violations []struct {
		ID, Impact, Help string
		Nodes            []string
	}
	Outside []string
}

// axe runs tools/browser/axe.js over files.
func axe(t *testing.T, files ...string) []axeResult {
	t.Helper()
	node, dir := browserTools(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, append([]string{filepath.Join(dir, "axe.js")}, files...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("axe.js: %v\n%s", err, stderr.String())
	}
	var res []axeResult
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var r axeResult
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("axe.js printed %q: %v", sc.Text(), err)
		}
		res = append(res, r)
	}
	if len(res) != len(files) {
		t.Fatalf("axe.js checked %d of %d files\n%s", len(res), len(files), stderr.String())
	}
	return res
}

// buildHTML builds the HTML documents of the inspections in dir.
func buildHTML(t *testing.T, dir string) []string {
	t.Helper()
	out := t.TempDir()
	sum, err := build.Run(context.Background(), build.Options{Dir: dir, Out: out, Formats: "html", Policy: grade.DefaultPolicy()})
	if err != nil {
		t.Fatal(err)
	}
	if !sum.OK() {
		t.Fatalf("build: %+v", sum.Problems)
	}
	var files []string
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".html") {
			files = append(files, p)
		}
		return nil
	})
	return files
}

// The done-when: axe-core finds no violation of the WCAG 2.1 A and
// AA rules or its best practices on the fixture's report, plan and index,
// and no document asks for anything from outside.
func TestFixtureIsAccessible(t *testing.T) {
	browserTools(t)
	files := buildHTML(t, "../fixtures")
	names := map[string]bool{}
	for _, f := range files {
		names[filepath.Base(f)] = true
	}
	for _, want := range []string{"index.html", "almaklinikens-vardcentral-2025-02-11.html", "almaklinikens-vardcentral-2025-02-11-handlingsplan.html"} {
		if !names[want] {
			t.Errorf("the build wrote no %s (it wrote %v)", want, files)
		}
	}
	check(t, axe(t, files...))
}

// Generated inspections, with their variety of areas, plans and texts.
func TestGeneratedAreAccessible(t *testing.T) {
	browserTools(t)
	dir := t.TempDir()
	if _, err := corpus.Generate(dir, 6, 23); err != nil {
		t.Fatal(err)
	}
	check(t, axe(t, buildHTML(t, dir)...))
}

func check(t *testing.T, res []axeResult) {
	t.Helper()
	for _, r := range res {
		for _, v := range r.Violations {
			t.Errorf("%s: %s (%s): %s, at %s", filepath.Base(r.File), v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "; "))
		}
		for _, u := range r.Outside {
			t.Errorf("%s asks for %s", filepath.Base(r.File), u)
		}
	}
	t.Logf("axe-core checked %d documents", len(res))
}
