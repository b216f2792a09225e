package preview

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// repoRoot is the folder of go.mod above the test's working directory.
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Fatal("no go.mod above the test's directory")
		}
		dir = up
	}
}

// TestBrowserReloads drives the preview with headless chromium: the page
// shows a narrative changed on disk without being told to reload.
func TestBrowserReloads(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed (.ci/run installs it)")
	}
	if _, err := os.Stat("/usr/bin/chromium"); err != nil {
		t.Skip("/usr/bin/chromium is not installed (.ci/run installs it)")
	}
	modules := filepath.Join(repoRoot(t), "tools", "browser", "node_modules")
	if _, err := os.Stat(filepath.Join(modules, "puppeteer-core", "package.json")); err != nil {
		t.Skipf("puppeteer-core is not in %s (make browser-deps installs it)", modules)
	}

	path := filepath.Join(t.TempDir(), "insp.yaml")
	write(t, path, inspection("Texten före ändringen."))
	r := serve(t, path)

	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	const newText = "Texten efter ändringen, sparad på disk."
	cmd := exec.CommandContext(ctx, node, filepath.Join("testdata", "reload.js"), r.url, "Testenheten", newText)
	cmd.Env = append(os.Environ(), "NODE_PATH="+modules)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var written time.Time
	var reported, seen time.Duration
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "READY":
			write(t, path, inspection(newText))
			written = time.Now()
		case strings.HasPrefix(line, "RELOADED "):
			seen = time.Since(written)
			ms, err := strconv.Atoi(strings.TrimPrefix(line, "RELOADED "))
			if err != nil {
				t.Fatalf("reload.js: %q", line)
			}
			reported = time.Duration(ms) * time.Millisecond
		}
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("reload.js: %v\n%s", err, stderr.String())
	}
	if written.IsZero() || reported == 0 {
		t.Fatalf("reload.js did not report a reload\n%s", stderr.String())
	}
	t.Logf("chromium showed the new text %v after the save (%v as the script measured it)", seen.Round(time.Millisecond), reported)
}
