package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// spur preview serves the fixture's HTML report on loopback and stops when
// its context ends; an address off loopback is wrong usage.
func TestPreviewCommand(t *testing.T) {
	if code, _, errs := runCLI(t, "", "preview", fixture, "--addr", "0.0.0.0:0"); code != exitUsage || !strings.Contains(errs, "--addr") {
		t.Errorf("--addr 0.0.0.0:0: exit %d\n%s", code, errs)
	}
	if code, _, _ := runCLI(t, "", "preview", "-"); code != exitUsage {
		t.Errorf("preview -: exit %d", code)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	done := make(chan int)
	go func() {
		var errb strings.Builder
		done <- runContext(ctx, []string{"preview", fixture}, strings.NewReader(""), pw, &errb)
		pw.Close()
	}()
	url, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil || !strings.HasPrefix(url, "http://127.0.0.1:") {
		t.Fatalf("printed %q, %v", url, err)
	}
	go io.Copy(io.Discard, pr)
	resp, err := http.Get(strings.TrimSpace(url))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "Almaklinikens vårdcentral") || !strings.Contains(string(body), `lang="sv"`) {
		t.Errorf("status %d, page:\n%.400s", resp.StatusCode, body)
	}
	cancel()
	select {
	case code := <-done:
		if code != exitOK {
			t.Errorf("exit %d after the context ended", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("spur preview did not stop when its context ended")
	}
}
