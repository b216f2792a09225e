package build_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"spur/build"
	"spur/corpus"
	"spur/grade"
)

// cancelAt is a terminal that presses Ctrl-C when the progress line
// reaches a text.
type cancelAt struct {
	mu     sync.Mutex
	at     string
	cancel context.CancelFunc
	b      bytes.Buffer
}

func (c *cancelAt) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if bytes.Contains(p, []byte(c.at)) {
		c.cancel()
	}
	return c.b.Write(p)
}

// TestInterrupt: Ctrl-C stops the build between documents; every file
// left is whole, no temporary file is left, the check then names what is
// missing, and the next build completes the work.
func TestInterrupt(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	if _, err := corpus.Generate(in, 30, 5); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	term := &cancelAt{at: "building 3/30", cancel: cancel}
	sum, err := build.Run(ctx, build.Options{Dir: in, Out: out, Jobs: 2, Policy: grade.DefaultPolicy(), Log: term, Terminal: true})
	if !errors.Is(err, context.Canceled) || !sum.Interrupted || sum.OK() {
		t.Fatalf("err %v, interrupted %v", err, sum.Interrupted)
	}
	if sum.Built < 3 || sum.Built >= 30 || len(sum.Failed) != 0 {
		t.Fatalf("built %d of 30 before the interrupt, failed %v", sum.Built, sum.Failed)
	}
	for _, f := range files(t, out) {
		if strings.HasSuffix(f, ".tmp") || strings.HasPrefix(filepath.Base(f), ".") {
			t.Errorf("left behind: %s", f)
		}
		if data, _ := os.ReadFile(filepath.Join(out, f)); strings.HasSuffix(f, ".pdf") && !bytes.HasSuffix(data, []byte("%%EOF\n")) {
			t.Errorf("%s is not a whole PDF", f)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "index.md")); err == nil {
		t.Error("an interrupted build wrote the overview")
	}

	check, _ := run(t, build.Options{Dir: in, Out: out, Check: true})
	if len(check.Missing) == 0 || len(check.Stale) != 0 || check.OK() {
		t.Errorf("check after the interrupt: %d missing, %d stale", len(check.Missing), len(check.Stale))
	}
	again, _ := run(t, build.Options{Dir: in, Out: out})
	if !again.OK() || again.Built != 30 || len(again.Written) != len(check.Missing) {
		t.Errorf("the next build: built %d, wrote %d files, %d were missing", again.Built, len(again.Written), len(check.Missing))
	}
}
