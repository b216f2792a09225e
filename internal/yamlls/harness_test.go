package yamlls

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

type fakeTB struct {
	testing.TB
	did string
}

func (f *fakeTB) Helper()               {}
func (f *fakeTB) Skipf(string, ...any)  { f.did = "skip" }
func (f *fakeTB) Fatalf(string, ...any) { f.did = "fail" }

// TestRequire: without the server a test skips, unless CI says otherwise:
// then it fails, so that CI never passes by skipping.
func TestRequire(t *testing.T) {
	empty := t.TempDir() // no node_modules
	for ci, want := range map[string]string{"": "skip", "false": "skip", "true": "fail", "1": "fail"} {
		t.Setenv("CI", ci)
		f := &fakeTB{TB: t}
		Require(f, empty)
		if f.did != want {
			t.Errorf("CI=%q: %s, want %s", ci, f.did, want)
		}
	}
}

// hungServer answers initialize and then nothing, and will not exit.
const hungServer = `
let buf = Buffer.alloc(0);
process.stdin.on("data", (d) => {
  buf = Buffer.concat([buf, d]);
  const s = buf.toString();
  const m = s.match(/Content-Length: (\d+)\r\n\r\n/);
  if (!m || s.length < m.index + m[0].length + Number(m[1])) return;
  const msg = JSON.parse(s.substr(m.index + m[0].length, Number(m[1])));
  buf = Buffer.alloc(0);
  if (msg.method === "initialize") {
    const body = JSON.stringify({ jsonrpc: "2.0", id: msg.id, result: { capabilities: {} } });
    process.stdout.write("Content-Length: " + Buffer.byteLength(body) + "\r\n\r\n" + body);
  }
});
process.on("SIGTERM", () => {});
setInterval(() => {}, 1000);
`

// TestHungServerFails: a server that stops answering fails each wait
// within Timeout, and is killed at Close, rather than hanging the test.
func TestHungServerFails(t *testing.T) {
	Require(t, "../../tools/yamlls") // node is needed; the real server is not used
	dir := t.TempDir()
	bin := filepath.Join(dir, "node_modules", "yaml-language-server", "bin")
	if err := os.MkdirAll(bin, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(bin, "yaml-language-server"), []byte(hungServer), 0o644); err != nil {
		t.Fatal(err)
	}
	old := Timeout
	Timeout = 300 * time.Millisecond
	t.Cleanup(func() { Timeout = old })

	t0 := time.Now()
	s, err := Start(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Open("file:///x.yaml", "a: 1\n"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Diagnostics("file:///x.yaml"); err == nil || !strings.Contains(err.Error(), "no diagnostics") {
		t.Errorf("Diagnostics: %v, want no diagnostics within the timeout", err)
	}
	if _, err := s.Complete("file:///x.yaml", Position{}); err == nil || !strings.Contains(err.Error(), "no answer") {
		t.Errorf("Complete: %v, want no answer within the timeout", err)
	}
	if err := s.Close(); err == nil || !strings.Contains(err.Error(), "killed") {
		t.Errorf("Close: %v, want killed", err)
	}
	if d := time.Since(t0); d > 5*time.Second {
		t.Errorf("took %v with a timeout of %v", d, Timeout)
	}
}
