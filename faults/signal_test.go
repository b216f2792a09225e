//go:build unix

package faults

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"spur/corpus"
)

// stopBound is how long a build may take to end after Ctrl-C before the
// test calls it hung; spur promises about a second.
const stopBound = 15 * time.Second

// TestSignals: Ctrl-C, two Ctrl-C and SIGTERM in the middle of a build.
// Two builds: many ordinary inspections (several seconds in all, each
// document quick), and two inspections of 12 MB of text each, whose
// documents take up to a second to render, so that a worker is busy when
// the signal comes: it finishes its document, or the grace of a second or
// a second Ctrl-C ends the process. Each time the build ends within the
// bound with the documented status (130; 143 for SIGTERM), leaves no
// temporary file and no overview, and every document it wrote is whole:
// byte for byte what a complete build writes. Ctrl-C during a check ends
// it with nothing written.
func TestSignals(t *testing.T) {
	r := rng(t)
	many := filepath.Join(t.TempDir(), "many")
	n := 400
	if _, err := corpus.Generate(many, n, 23); err != nil {
		t.Fatal(err)
	}
	slow := filepath.Join(t.TempDir(), "slow")
	for i := range 2 {
		writeFile(t, filepath.Join(slow, fmt.Sprintf("slow%d.yaml", i)), slowInspection(t, i), 0o644)
	}
	// The documents of the slow build, made once; the ordinary ones are
	// compared with a build of the inspections they come from.
	slowRef := filepath.Join(t.TempDir(), "slow-ref")
	res := must(t, "", "build", slow, "-o", slowRef, "-j", "2")
	slowDur := res.dur
	t.Logf("the slow build: 2 inspections in %v, peak RSS %s", slowDur.Round(time.Millisecond), kib(res.rss))
	slowFiles := tree(t, slowRef)

	type signalCase struct {
		name  string
		slow  bool
		sigs  []syscall.Signal
		codes []int // the statuses allowed
	}
	cases := []signalCase{
		{"Ctrl-C", false, []syscall.Signal{syscall.SIGINT}, []int{130}},
		{"Ctrl-C twice", false, []syscall.Signal{syscall.SIGINT, syscall.SIGINT}, []int{130}},
		{"SIGTERM", false, []syscall.Signal{syscall.SIGTERM}, []int{143}},
		{"Ctrl-C, slow documents", true, []syscall.Signal{syscall.SIGINT}, []int{130}},
		{"Ctrl-C twice, slow documents", true, []syscall.Signal{syscall.SIGINT, syscall.SIGINT}, []int{130}},
		{"SIGTERM, slow documents", true, []syscall.Signal{syscall.SIGTERM}, []int{143}},
	}
	for range scale(1) - 1 {
		cases = append(cases, cases[:6]...)
	}
	stops := map[string][]time.Duration{} // by case: from the last signal to the end
	hows := map[string]map[string]int{}
	var peak int64
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := many
			if c.slow {
				in = slow
			}
			out := filepath.Join(t.TempDir(), "out")
			p := command("", nil, "build", in, "-o", out, "-j", "2")
			p.startProc(t)
			var when string
			if c.slow {
				// Into the rendering of the first documents: 20–60 % of the
				// time the whole build takes.
				d := slowDur/5 + time.Duration(r.Int64N(int64(slowDur)*2/5))
				time.Sleep(d)
				if p.exited() {
					t.Logf("run %d: the slow build ended within %v, before the signal: %v", i, d, p.wait(t, 0))
					return
				}
				when = fmt.Sprintf("%v after the start", d.Round(time.Millisecond))
			} else {
				// Mid-build: once some documents are there.
				at := 4 + r.IntN(40)
				d := waitFiles(t, p, out, at)
				when = fmt.Sprintf("%v after the start (%d files there)", d.Round(time.Millisecond), at)
			}
			t0 := time.Now()
			var last time.Time
			alive := true
			for j, s := range c.sigs {
				if j > 0 {
					time.Sleep(50 * time.Millisecond)
					alive = !p.exited()
				}
				last = time.Now()
				p.signal(s)
			}
			res := p.wait(t, stopBound)
			stop, fromLast := time.Since(t0), time.Since(last)
			if !containsInt(c.codes, res.code) {
				t.Errorf("%s: exit %d, want %v\n%v", c.name, res.code, c.codes, res)
			}
			files := tree(t, out)
			docs := 0
			for rel := range files {
				if !tempName.MatchString(path.Base(rel)) {
					docs++
				}
			}
			ended := fmt.Sprintf("%v later", stop.Round(time.Millisecond))
			if len(c.sigs) > 1 {
				ended = fmt.Sprintf("%v after the first signal, %v after the second", stop.Round(time.Millisecond), fromLast.Round(time.Millisecond))
				if !alive {
					ended += " (it had ended before the second)"
				}
			}
			how := "stopped between documents"
			switch {
			case strings.Contains(res.stderr, "still busy"):
				how = "ended by the grace of a second"
			case len(c.sigs) > 1 && alive:
				how = "ended by the second signal"
			}
			total := 4 * n
			if c.slow {
				total = len(slowFiles)
			}
			t.Logf("run %d: %s %s: the build ended %s with status %d, %s; %d of some %d files written; peak RSS %s",
				i, c.name, when, ended, res.code, how, docs, total, kib(res.rss))
			stops[c.name] = append(stops[c.name], fromLast)
			if hows[c.name] == nil {
				hows[c.name] = map[string]int{}
			}
			hows[c.name][fmt.Sprintf("%s, status %d", how, res.code)]++
			peak = max(peak, res.rss)
			if len(c.sigs) > 1 && alive && fromLast > time.Second {
				t.Errorf("the second signal did not end the build at once: %v", fromLast)
			}
			if left := temps(t, out); len(left) > 0 {
				t.Errorf("temporary files left: %v", left)
			}
			if _, ok := files["index.md"]; ok {
				t.Error("an interrupted build wrote the overview")
			}
			if c.slow {
				for rel, data := range files {
					if !bytes.Equal(data, slowFiles[rel]) {
						t.Errorf("%s: %d bytes, not the %d a complete build writes (partial?)", rel, len(data), len(slowFiles[rel]))
					}
				}
			} else {
				if docs >= 3*n {
					t.Errorf("%d files: the build was not interrupted (a larger corpus is needed)", docs)
				}
				wholeDocuments(t, in, out, files)
			}
		})
	}

	for _, c := range cases[:6] {
		var ways []string
		for how, k := range hows[c.name] {
			ways = append(ways, fmt.Sprintf("%d %s", k, how))
		}
		sort.Strings(ways)
		t.Logf("%-28s: %d runs; from the (last) signal to the end: %s; %s", c.name, len(stops[c.name]), percentiles(stops[c.name]), strings.Join(ways, "; "))
	}
	t.Logf("peak RSS of an interrupted build: %s", kib(peak))

	// Ctrl-C during a check: it ends, and the folder is as it was.
	t.Run("Ctrl-C during --check", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "out")
		writeFile(t, filepath.Join(out, "README.md"), []byte("not spur's\n"), 0o644)
		before := tree(t, out)
		p := command("", nil, "build", "--check", many, "-o", out, "-j", "2")
		p.startProc(t)
		time.Sleep(300 * time.Millisecond)
		if p.exited() {
			t.Skipf("the check ended within 0.3 s, before the signal: %v", p.wait(t, 0))
		}
		t0 := time.Now()
		p.signal(syscall.SIGINT)
		res := p.wait(t, stopBound)
		t.Logf("Ctrl-C 0.3 s into a check of %d inspections: ended %v later with status %d", n, time.Since(t0).Round(time.Millisecond), res.code)
		if res.code != 130 {
			t.Errorf("exit %d, want 130\n%v", res.code, res)
		}
		if !equalTrees(tree(t, out), before) {
			t.Error("an interrupted check changed the output folder")
		}
	})
}

// slowInspection is the fixture with 1.5 MB of narrative, given once with
// an anchor and used in every area through an alias: 12 MB of text, within
// what spur reads, whose documents take a second or more to render.
func slowInspection(t *testing.T, i int) []byte {
	t.Helper()
	s := string(fixtureNamed(t, fmt.Sprintf("Långsamma kliniken %d", i), "2025-02-11"))
	para := strings.Repeat("Handledningen följs upp vid varje möte och dokumenteras i utbildningsplanen, som revideras minst en gång per halvår. ", 8)
	var big strings.Builder
	for big.Len() < 1_500_000 {
		big.WriteString("      " + para + "\n\n")
	}
	parts := strings.Split(s, "    narrative: |\n")
	if len(parts) < 3 {
		t.Fatal("the fixture has too few narratives")
	}
	var b strings.Builder
	b.WriteString(parts[0])
	for j, p := range parts[1:] {
		// Drop the narrative's own lines.
		lines := strings.SplitAfter(p, "\n")
		k := 0
		for k < len(lines) && (strings.HasPrefix(lines[k], "      ") || strings.TrimSpace(lines[k]) == "") {
			k++
		}
		if j == 0 {
			b.WriteString("    narrative: &long |\n" + big.String())
		} else {
			b.WriteString("    narrative: *long\n")
		}
		b.WriteString(strings.Join(lines[k:], ""))
	}
	return []byte(b.String())
}

// waitFiles waits until at least n documents are under out, and fails the
// test when the process ends first. It returns the time since the start.
func waitFiles(t *testing.T, p *proc, out string, n int) time.Duration {
	t.Helper()
	for {
		if p.exited() {
			t.Fatalf("the build ended before it could be interrupted: %v", p.wait(t, 0))
		}
		if countDocs(out) >= n {
			return time.Since(p.start)
		}
		if time.Since(p.start) > liveness {
			p.kill()
			t.Fatalf("no %d documents within %v", n, liveness)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// countDocs counts the documents under a folder a build is writing: files
// come and go (temporary ones are renamed) while it looks.
func countDocs(dir string) int {
	n := 0
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() && !tempName.MatchString(d.Name()) {
			n++
		}
		return nil
	})
	return n
}

// wholeDocuments checks that every document under a build's output is
// what a complete build of its inspection writes, byte for byte: the
// inspections whose documents are there are built again, alone, into a
// folder of their own, and compared. PDFs also pass qpdf --check (a few).
func wholeDocuments(t *testing.T, in, out string, files map[string][]byte) {
	t.Helper()
	mini, ref := filepath.Join(t.TempDir(), "in"), filepath.Join(t.TempDir(), "ref")
	var pdfs []string
	for rel, data := range files {
		if tempName.MatchString(path.Base(rel)) || rel == "index.md" || rel == "index.pdf" {
			continue
		}
		ext := path.Ext(rel)
		slug := strings.TrimSuffix(strings.TrimSuffix(rel, ext), "-handlingsplan")
		src := filepath.Join(in, filepath.FromSlash(slug)+".yaml")
		data0, err := os.ReadFile(src)
		if err != nil {
			t.Errorf("%s: no inspection %s gives it", rel, src)
			continue
		}
		writeFile(t, filepath.Join(mini, filepath.FromSlash(slug)+".yaml"), data0, 0o644)
		if ext == ".pdf" {
			if !pdfWhole(data) {
				t.Errorf("%s is not a whole PDF", rel)
			}
			pdfs = append(pdfs, rel)
		}
	}
	if _, err := os.Stat(mini); err != nil {
		return // nothing written
	}
	must(t, "", "build", mini, "-o", ref, "-j", "2")
	want := tree(t, ref)
	for rel, data := range files {
		w, ok := want[rel]
		if !ok || tempName.MatchString(path.Base(rel)) {
			continue
		}
		if !bytes.Equal(data, w) {
			t.Errorf("%s: %d bytes, not the %d a complete build writes (a partial file?)", rel, len(data), len(w))
		}
	}
	sort.Strings(pdfs)
	for i := 0; i < len(pdfs); i += max(1, len(pdfs)/3) {
		if ok, msg := qpdfCheck(t, filepath.Join(out, filepath.FromSlash(pdfs[i]))); !ok {
			t.Errorf("qpdf --check %s:\n%s", pdfs[i], msg)
		}
	}
}

func containsInt(list []int, v int) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
