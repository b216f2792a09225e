package preview

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"spur/grade"
	"spur/input"
	"spur/report"
)

// inspection is a valid file with no warnings: every area met, area A
// with the narrative given.
func inspection(narrative string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "catalog: \"2025\"\nstatus: preliminary\nunit: {name: Testenheten}\nvisit: 2025-01-01\nareas:\n")
	fmt.Fprintf(&b, "  A:\n    met: all\n    narrative: %q\n", narrative)
	for _, l := range "BCDEFGH" {
		fmt.Fprintf(&b, "  %c: {met: all}\n", l)
	}
	return b.String()
}

// broken is the file with an unclosed YAML flow sequence, and markup in
// it that must stay text.
const broken = "catalog: \"2025\"\nstatus: preliminary\nunit: {name: Testenheten}\nvisit: 2025-01-01\nareas:\n  A:\n    met: all\n    narrative: [oops <b>\n"

// fakeRender stands for the html format: the unit and area A's narrative,
// escaped, in a document with its own policy against scripts, as the html
// format's documents have.
func fakeRender(w io.Writer, r *report.Report) ([]string, error) {
	var narrative string
	for _, g := range r.Groups {
		for _, a := range g.Areas {
			if a.Letter == "A" {
				for _, b := range a.Narrative.Blocks {
					if p, ok := b.(report.Paragraph); ok {
						narrative += report.Plain(p.Inlines)
					}
				}
			}
		}
	}
	_, err := fmt.Fprintf(w, `<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>%s</title></head><body><main><h1>%s</h1><p>%s</p></main></body></html>`,
		html.EscapeString(r.Unit.Name), html.EscapeString(r.Unit.Name), html.EscapeString(strings.TrimSpace(narrative)))
	return nil, err
}

// running is a preview served on 127.0.0.1 for a test.
type running struct {
	srv    *Server
	url    string
	port   string
	cancel context.CancelFunc
	done   chan error
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// serve starts a preview of path on a free port of 127.0.0.1; it stops
// when the test ends.
func serve(t *testing.T, path string) *running {
	t.Helper()
	s, err := New(Options{Path: path, Policy: grade.DefaultPolicy(), Lang: "sv", Render: fakeRender})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	r := &running{srv: s, url: "http://" + ln.Addr().String() + "/", cancel: cancel, done: make(chan error, 1)}
	_, r.port, _ = net.SplitHostPort(ln.Addr().String())
	go func() { r.done <- s.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-r.done:
		case <-time.After(5 * time.Second):
			t.Error("the preview did not stop")
		}
	})
	return r
}

func get(t *testing.T, url string) (*http.Response, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(body)
}

// waitFor polls until cond holds, for at most 5 s: a bound on liveness,
// not a measure of speed. It returns the time taken.
func waitFor(t *testing.T, what string, cond func() bool) time.Duration {
	t.Helper()
	start := time.Now()
	for !cond() {
		if time.Since(start) > 5*time.Second {
			t.Fatalf("after 5 s still not: %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
	return time.Since(start)
}

var nonceAttr = regexp.MustCompile(`<script nonce="([^"]+)">`)

func TestServesReport(t *testing.T) {
	path := filepath.Join(t.TempDir(), "insp.yaml")
	write(t, path, inspection("Första texten om verksamheten."))
	r := serve(t, path)
	resp, body := get(t, r.url)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	for h, want := range map[string]string{
		"Content-Type":           "text/html; charset=utf-8",
		"X-Content-Type-Options": "nosniff",
		"Cache-Control":          "no-store",
	} {
		if got := resp.Header.Get(h); got != want {
			t.Errorf("%s: %q, want %q", h, got, want)
		}
	}
	for _, want := range []string{"<h1>Testenheten</h1>", "<p>Första texten om verksamheten.</p>", "<main>", "new EventSource(\"/events\")"} {
		if !strings.Contains(body, want) {
			t.Errorf("the page lacks %q:\n%s", want, body)
		}
	}
	if strings.Contains(body, `id="spur-preview"`) {
		t.Errorf("a valid file's page shows diagnostics:\n%s", body)
	}
	if strings.Contains(strings.ToLower(body), "http-equiv") {
		t.Errorf("the document's own policy, which forbids the script, is still in the page:\n%s", body)
	}
	m := nonceAttr.FindStringSubmatch(body)
	if m == nil || strings.Count(body, "<script") != 1 {
		t.Fatalf("the page should have one script, with a nonce:\n%s", body)
	}
	policy := resp.Header.Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'none'", "style-src 'unsafe-inline'", "script-src 'nonce-" + m[1] + "'", "connect-src 'self'"} {
		if !strings.Contains(policy, want) {
			t.Errorf("Content-Security-Policy %q lacks %q", policy, want)
		}
	}
	if strings.Index(body, "<script") > strings.Index(body, "</body>") {
		t.Errorf("the script is not inside the body:\n%s", body)
	}
	_, body2 := get(t, r.url)
	if m2 := nonceAttr.FindStringSubmatch(body2); m2 == nil || m2[1] == m[1] {
		t.Errorf("the nonce is not new for each page: %v, %v", m, m2)
	}
	for _, p := range []string{"insp.yaml", "favicon.ico", "../insp.yaml", "events/x"} {
		if resp, _ := get(t, r.url+p); resp.StatusCode != http.StatusNotFound {
			t.Errorf("/%s: status %d, want 404", p, resp.StatusCode)
		}
	}
	resp, err := http.Post(r.url, "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: status %d, want 405", resp.StatusCode)
	}
}

func TestReloadsOnSave(t *testing.T) {
	path := filepath.Join(t.TempDir(), "insp.yaml")
	write(t, path, inspection("Första texten."))
	r := serve(t, path)
	_, v1 := get(t, r.url+"version")
	write(t, path, inspection("Andra texten, skriven efter besöket."))
	took := waitFor(t, "/version changed", func() bool { _, v := get(t, r.url+"version"); return v != v1 })
	t.Logf("/version changed %v after the save", took.Round(time.Millisecond))
	_, body := get(t, r.url)
	if !strings.Contains(body, "Andra texten, skriven efter besöket.") || strings.Contains(body, "Första texten.") {
		t.Errorf("the page does not show the new text alone:\n%s", body)
	}

	// A save that replaces the file (as many editors do) is seen too.
	tmp := path + ".tmp"
	write(t, tmp, inspection("Tredje."))
	_, v2 := get(t, r.url+"version")
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
	took = waitFor(t, "/version changed after a rename", func() bool { _, v := get(t, r.url+"version"); return v != v2 })
	t.Logf("/version changed %v after a rename over the file", took.Round(time.Millisecond))
	if _, body := get(t, r.url); !strings.Contains(body, "<p>Tredje.</p>") {
		t.Errorf("the page does not show the renamed file's text:\n%s", body)
	}

	// Saving the same content again changes nothing: no page reloads.
	_, v3 := get(t, r.url+"version")
	write(t, path, inspection("Tredje."))
	time.Sleep(1200 * time.Millisecond) // past the forced read, every fifth look
	if _, v := get(t, r.url+"version"); v != v3 {
		t.Errorf("the version changed from %q to %q for the same content", v3, v)
	}
}

func TestShowsDiagnosticsAboveLastGood(t *testing.T) {
	path := filepath.Join(t.TempDir(), "in<b>.yaml") // markup in the name must stay text too
	write(t, path, inspection("Den senaste goda texten."))
	r := serve(t, path)
	_, v1 := get(t, r.url+"version")

	write(t, path, broken)
	waitFor(t, "/version changed", func() bool { _, v := get(t, r.url+"version"); return v != v1 })
	want := input.Bytes(path, []byte(broken), grade.DefaultPolicy()).Diags
	if len(want) == 0 || !regexp.MustCompile(`\.yaml:\d+`).MatchString(want[0].String()) {
		t.Fatalf("the broken file's diagnostic has no line number: %v", want)
	}
	_, body := get(t, r.url)
	shown := html.EscapeString(want[0].String())
	if !strings.Contains(body, shown) {
		t.Errorf("the page lacks the diagnostic %q:\n%s", shown, body)
	}
	if strings.Contains(body, "in<b>") || strings.Contains(body, "oops <b>") {
		t.Errorf("the diagnostic is not escaped:\n%s", body)
	}
	diag, report := strings.Index(body, `id="spur-preview"`), strings.Index(body, "<p>Den senaste goda texten.</p>")
	if diag < 0 || report < 0 || diag > report {
		t.Errorf("the diagnostics should stand above the last good report:\n%s", body)
	}
	t.Logf("shown: %s", want[0])

	_, v2 := get(t, r.url+"version")
	write(t, path, inspection("Rättad text."))
	waitFor(t, "/version changed", func() bool { _, v := get(t, r.url+"version"); return v != v2 })
	_, body = get(t, r.url)
	if strings.Contains(body, `id="spur-preview"`) || strings.Contains(body, shown) {
		t.Errorf("the diagnostics stay after the fix:\n%s", body)
	}
	if !strings.Contains(body, "<p>Rättad text.</p>") {
		t.Errorf("the page lacks the fixed text:\n%s", body)
	}
}

func TestInvalidFromTheStart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "insp.yaml")
	write(t, path, broken)
	r := serve(t, path)
	_, body := get(t, r.url)
	if !strings.Contains(body, "ingen rapport") || !strings.Contains(body, "not valid YAML") {
		t.Errorf("the page of a file that never validated should say why:\n%s", body)
	}
	_, v1 := get(t, r.url+"version")
	write(t, path, inspection("Nu går det."))
	waitFor(t, "/version changed", func() bool { _, v := get(t, r.url+"version"); return v != v1 })
	if _, body := get(t, r.url); !strings.Contains(body, "<p>Nu går det.</p>") || strings.Contains(body, `id="spur-preview"`) {
		t.Errorf("the page should show the report alone:\n%s", body)
	}
}

func TestGoneFileKeepsLastGood(t *testing.T) {
	path := filepath.Join(t.TempDir(), "insp.yaml")
	write(t, path, inspection("Kvar."))
	r := serve(t, path)
	_, v1 := get(t, r.url+"version")
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "/version changed", func() bool { _, v := get(t, r.url+"version"); return v != v1 })
	if _, body := get(t, r.url); !strings.Contains(body, "no such file") || !strings.Contains(body, "<p>Kvar.</p>") {
		t.Errorf("the page should say the file is gone, above the last report:\n%s", body)
	}
	_, v2 := get(t, r.url+"version")
	write(t, path, inspection("Kvar."))
	waitFor(t, "/version changed", func() bool { _, v := get(t, r.url+"version"); return v != v2 })
	if _, body := get(t, r.url); strings.Contains(body, `id="spur-preview"`) {
		t.Errorf("the error stays after the file is back:\n%s", body)
	}
}

func TestManyDiagnosticsAreBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("catalog: \"2025\"\nstatus: preliminary\nunit: {name: T}\nvisit: 2025-01-01\nareas:\n  A:\n    met: all\n    not_met:\n")
	for i := range 300 {
		fmt.Fprintf(&b, "      - Q%d\n", i+1)
	}
	path := filepath.Join(t.TempDir(), "insp.yaml")
	write(t, path, b.String())
	r := serve(t, path)
	_, body := get(t, r.url)
	if n := strings.Count(body, "<li><code>"); n != maxShown {
		t.Errorf("%d diagnostics shown, want %d", n, maxShown)
	}
	if !regexp.MustCompile(`<p>\d+ problem till visas inte\.</p>`).MatchString(body) {
		t.Errorf("the page does not say how many more problems there are")
	}
}

func TestRefusesOtherHosts(t *testing.T) {
	path := filepath.Join(t.TempDir(), "insp.yaml")
	write(t, path, inspection("Hemligt."))
	r := serve(t, path)
	for _, tc := range []struct {
		host string
		want int
	}{
		{"evil.example", http.StatusForbidden},
		{"evil.example:" + r.port, http.StatusForbidden},
		{"127.0.0.1", http.StatusForbidden},
		{"127.0.0.1:1", http.StatusForbidden},
		{"127.0.0.1.nip.io:" + r.port, http.StatusForbidden},
		{"127.0.0.1:" + r.port, http.StatusOK},
		{"localhost:" + r.port, http.StatusOK},
		{"[::1]:" + r.port, http.StatusOK},
	} {
		for _, p := range []string{"", "events", "version"} {
			req, err := http.NewRequest(http.MethodGet, r.url+p, nil)
			if err != nil {
				t.Fatal(err)
			}
			req.Host = tc.host
			if p == "events" && tc.want == http.StatusOK {
				req.Method = http.MethodHead // a stream would not end
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tc.want {
				t.Errorf("Host %s, /%s: status %d, want %d", tc.host, p, resp.StatusCode, tc.want)
			}
			if tc.want == http.StatusForbidden && strings.Contains(string(body), "Hemligt") {
				t.Errorf("Host %s, /%s: the refusal shows the report", tc.host, p)
			}
		}
	}
}

func TestStopsWhenCancelled(t *testing.T) {
	path := filepath.Join(t.TempDir(), "insp.yaml")
	write(t, path, inspection("Stopp."))
	r := serve(t, path)

	// A page listening to /events must not hold the server up.
	resp, err := http.Get(r.url + "events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		t.Fatalf("/events: Content-Type %q", ct)
	}
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() && !strings.HasPrefix(sc.Text(), "data: ") {
	}
	if got, want := strings.TrimPrefix(sc.Text(), "data: "), r.srv.Version(); got != want {
		t.Fatalf("/events gave %q, want the version %q", got, want)
	}

	start := time.Now()
	r.cancel()
	select {
	case err := <-r.done:
		if err != nil {
			t.Fatalf("Serve: %v", err)
		}
		r.done <- nil // for the cleanup
	case <-time.After(5 * time.Second):
		t.Fatal("the preview did not stop within 5 s of the cancel")
	}
	t.Logf("stopped %v after the cancel", time.Since(start).Round(time.Millisecond))
	c := &http.Client{Timeout: 2 * time.Second}
	if resp, err := c.Get(r.url); err == nil {
		resp.Body.Close()
		t.Errorf("the preview still answers after it stopped")
	}
}

func TestCheckAddr(t *testing.T) {
	for _, tc := range []struct {
		addr, want string
		loopback   bool // the error, if any, is ErrNotLoopback
	}{
		{"127.0.0.1:0", "127.0.0.1:0", true},
		{"127.0.0.1:8080", "127.0.0.1:8080", true},
		{"127.1.2.3:0", "127.1.2.3:0", true},
		{"[::1]:0", "[::1]:0", true},
		{"localhost:0", "127.0.0.1:0", true},
		{"LocalHost:9", "127.0.0.1:9", true},
		{"0.0.0.0:0", "", true},
		{"[::]:0", "", true},
		{":8080", "", true},
		{"192.168.1.10:0", "", true},
		{"example.com:80", "", true},
		{"127.0.0.1.nip.io:80", "", true},
		{"127.0.0.1", "", false},
		{"", "", false},
	} {
		got, err := CheckAddr(tc.addr)
		if got != tc.want || (err == nil) != (tc.want != "") {
			t.Errorf("CheckAddr(%q) = %q, %v; want %q", tc.addr, got, err, tc.want)
		}
		if err != nil && errors.Is(err, ErrNotLoopback) != tc.loopback {
			t.Errorf("CheckAddr(%q): %v; ErrNotLoopback %v", tc.addr, err, tc.loopback)
		}
	}
}

func TestNewUnreadable(t *testing.T) {
	_, err := New(Options{Path: filepath.Join(t.TempDir(), "none.yaml"), Render: fakeRender})
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("New of a missing file: %v", err)
	}
	if _, err := New(Options{Path: t.TempDir(), Render: fakeRender}); err == nil {
		t.Errorf("New of a directory: no error")
	}
}
