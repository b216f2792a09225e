//go:build unix

package faults

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"spur/corpus"
)

// The hostile inputs: one case per attack, each with what spur must do. The
// small inputs are files in testdata/hostile; the big ones (over ~100 KB),
// and those made from the fixture, are generated (hostilegen_test.go).
//
// A case places its input(s) in a folder, so that the hostile build at the
// end can place every one of them in one folder and build it whole.

// secretToken is in every file outside the inspections' folder that a link
// inside it points to: it must appear in nothing spur prints or writes.
const secretToken = "SPUR-SECRET-TOKEN-4b1d9e7c2a"

// memCeiling is the virtual memory a hostile run may reserve (RLIMIT_AS):
// a case that is not bounded fails with an out-of-memory error instead of
// taking the machine down. It is far above every ceiling below.
const memCeiling = 4 << 20 // KiB

type hostile struct {
	name string
	// place writes the input(s) into dir (files outside the inspections'
	// folder go into outside) and returns the arguments of spur, run in
	// dir. A case that cannot be placed in a folder of inputs (a device)
	// sets alone.
	place func(t *testing.T, dir, outside string) []string
	alone bool
	code  int
	// msg must match what spur printed (stdout and stderr).
	msg string
	// rss is the ceiling of the peak resident set size, in KiB.
	rss int64
	// check asserts more, given the folder and the run.
	check func(t *testing.T, dir string, r result)
	// pending names the work in progress a failure may be waiting for.
	pending string
}

var hostileCases = []hostile{
	{
		name: "alias bomb in bytes",
		// An anchor on a 1 MB text and 2,000 aliases to it: 2 GB of text
		// from a 1 MB file.
		place: func(t *testing.T, dir, _ string) []string {
			var b strings.Builder
			b.WriteString(header("Aliasbomben", "2025-02-11", "&big "+strings.Repeat("x", 1<<20)))
			b.WriteString("summary:\n  strengths: [")
			for i := range 2000 {
				if i > 0 {
					b.WriteString(", ")
				}
				b.WriteString("*big")
			}
			b.WriteString("]\nareas:\n  A: {met: all}\n")
			writeFile(t, filepath.Join(dir, "alias-bomb.yaml"), []byte(b.String()), 0o644)
			return []string{"validate", "alias-bomb.yaml"}
		},
		code:    1,
		msg:     `alias-bomb\.yaml:\d+:\d+: .*expand`,
		rss:     64 << 10,
		pending: "schema: a budget on what aliases expand to",
	},
	{
		name: "billion laughs",
		// Nine levels of ten aliases: 10^9 copies of "lol".
		place: func(t *testing.T, dir, _ string) []string {
			copyIn(t, "billion-laughs.yaml", dir)
			return []string{"validate", "billion-laughs.yaml"}
		},
		code: 1,
		msg:  `billion-laughs\.yaml:\d+:\d+: `,
		rss:  64 << 10,
		check: func(t *testing.T, _ string, r result) {
			if len(r.stderr) > 64<<10 {
				t.Errorf("%d bytes of diagnostics for a 2 KB file", len(r.stderr))
			}
		},
	},
	{
		name: "1 MB status",
		place: func(t *testing.T, dir, _ string) []string {
			s := header("Statuskliniken", "2025-02-11", "") + "areas:\n  A: {met: all}\n"
			s = strings.Replace(s, "status: preliminary", "status: "+strings.Repeat("preliminär", 100_000), 1)
			writeFile(t, filepath.Join(dir, "long-status.yaml"), []byte(s), 0o644)
			return []string{"validate", "long-status.yaml"}
		},
		code: 1,
		msg:  `long-status\.yaml:\d+:\d+: .*status`,
		rss:  64 << 10,
		check: func(t *testing.T, _ string, r result) {
			if len(r.stderr) > 4<<10 {
				t.Errorf("%d bytes of diagnostics; the 1 MB value is echoed", len(r.stderr))
			}
			for _, l := range strings.Split(r.stderr, "\n") {
				if strings.Contains(l, "status") && len(l) > 500 {
					t.Errorf("a message of %d bytes about the status (want < 500): %.200s…", len(l), l)
				}
			}
		},
	},
	{
		name: "UTF-32",
		place: func(t *testing.T, dir, _ string) []string {
			copyIn(t, "utf32.yaml", dir)
			return []string{"validate", "utf32.yaml"}
		},
		code: 1,
		msg:  `utf32\.yaml: .*UTF-32`,
		rss:  64 << 10,
	},
	{
		name: "a million ids",
		// not_met: [A1,A1,…] a million times, 3 MB: under the size limit.
		place: func(t *testing.T, dir, _ string) []string {
			var b strings.Builder
			b.WriteString(header("Idkliniken", "2025-02-11", ""))
			b.WriteString("areas:\n  A:\n    met: all\n    not_met: [A1")
			b.WriteString(strings.Repeat(",A1", 999_999))
			b.WriteString("]\n")
			writeFile(t, filepath.Join(dir, "million-ids.yaml"), []byte(b.String()), 0o644)
			return []string{"validate", "million-ids.yaml"}
		},
		code: 1,
		msg:  `million-ids\.yaml:\d+:\d+: `,
		rss:  512 << 10,
		check: func(t *testing.T, _ string, r result) {
			if len(r.stderr) > 64<<10 {
				t.Errorf("%d bytes of diagnostics", len(r.stderr))
			}
		},
	},
	{
		name: "named pipe in a build",
		// A FIFO named like an inspection: skipped with a warning that
		// names it; the build does not wait on it.
		place: func(t *testing.T, dir, _ string) []string {
			in := filepath.Join(dir, "fifo")
			writeFile(t, filepath.Join(in, "a.yaml"), fixtureNamed(t, "Pipkliniken", "2025-03-01"), 0o644)
			if err := syscall.Mkfifo(filepath.Join(in, "b.yaml"), 0o644); err != nil {
				t.Skipf("mkfifo: %v", err)
			}
			return []string{"build", "fifo", "-o", filepath.Join(outside(dir), "out-fifo")}
		},
		code: 0,
		msg:  `fifo/b\.yaml: warning: a named pipe`,
		rss:  128 << 10,
		check: func(t *testing.T, dir string, r result) {
			if _, err := os.Stat(filepath.Join(outside(dir), "out-fifo", "pipkliniken-2025-03-01.pdf")); err != nil {
				t.Errorf("the good inspection beside the pipe was not built: %v", err)
			}
		},
	},
	{
		name: "link out of the tree",
		// x.yaml → an inspection outside the folder, y.yaml → a secret:
		// both skipped with a warning naming the link; the token is in
		// nothing printed or written.
		place: func(t *testing.T, dir, outsideDir string) []string {
			in := filepath.Join(dir, "links")
			writeFile(t, filepath.Join(in, "a.yaml"), fixtureNamed(t, "Länkkliniken", "2025-03-02"), 0o644)
			insp := filepath.Join(outsideDir, "secret-inspection.yaml")
			writeFile(t, insp, fixtureNamed(t, "Kliniken "+secretToken, "2025-03-03"), 0o644)
			secret := filepath.Join(outsideDir, "secret.txt")
			writeFile(t, secret, readFile(t, filepath.Join("testdata", "hostile", "secret.txt")), 0o600)
			for name, target := range map[string]string{"x.yaml": insp, "y.yaml": secret} {
				if err := os.Symlink(target, filepath.Join(in, name)); err != nil {
					t.Fatal(err)
				}
			}
			return []string{"build", "links", "-o", filepath.Join(outside(dir), "out-links")}
		},
		code: 0,
		msg:  `links/x\.yaml: warning: a symbolic link to a file outside`,
		rss:  128 << 10,
		check: func(t *testing.T, dir string, r result) {
			if !strings.Contains(r.stderr, "links/y.yaml: warning: a symbolic link") {
				t.Errorf("no warning names links/y.yaml:\n%s", r.stderr)
			}
			out := filepath.Join(outside(dir), "out-links")
			outputs := []string{r.out()}
			for _, args := range [][]string{{"build", "--check", "links", "-o", out}, {"build", "--json", "links", "-o", out}, {"build", "--check", "--json", "links", "-o", out}} {
				res := spur(t, dir, args...)
				if res.code != 0 {
					t.Errorf("spur %s: %v", strings.Join(args, " "), res)
				}
				outputs = append(outputs, res.out())
			}
			for rel, data := range tree(t, out) {
				outputs = append(outputs, rel, string(data))
			}
			for _, o := range outputs {
				if strings.Contains(o, secretToken) || strings.Contains(o, strings.ToLower(secretToken)) {
					t.Fatalf("the secret behind a link out of the tree leaked:\n%s", clip(o))
				}
			}
		},
	},
	{
		name: "/dev/urandom",
		place: func(t *testing.T, dir, _ string) []string {
			return []string{"validate", "/dev/urandom"}
		},
		alone: true,
		code:  1,
		msg:   `/dev/urandom.*not .*regular file|/dev/urandom.*regular files only`,
		rss:   64 << 10,
	},
	{
		name: "zip bomb",
		// A workbook whose shared strings unpack to 100 MB from some
		// 100 KB.
		place: func(t *testing.T, dir, _ string) []string {
			writeFile(t, filepath.Join(dir, "zip-bomb.xlsx"), zipBomb(t, 100<<20, false), 0o644)
			return []string{"validate", "zip-bomb.xlsx"}
		},
		code: 1,
		msg:  `zip-bomb\.xlsx: .*unpacks to`,
		rss:  64 << 10,
	},
	{
		name: "zip bomb that lies",
		// The same, with its directory claiming 1 KB for the part.
		place: func(t *testing.T, dir, _ string) []string {
			writeFile(t, filepath.Join(dir, "zip-liar.xlsx"), zipBomb(t, 100<<20, true), 0o644)
			return []string{"validate", "zip-liar.xlsx"}
		},
		code: 1,
		msg:  `zip-liar\.xlsx: .*(damaged|unpack)`,
		rss:  64 << 10,
	},
	{
		name: "one long text in 900 cells",
		// One shared string of 32,767 characters shown in 900 cells: 36 KB
		// on disk, 29 MB of cell text.
		place: func(t *testing.T, dir, _ string) []string {
			writeFile(t, filepath.Join(dir, "shared-text.xlsx"), sharedTextBomb(t), 0o644)
			return []string{"validate", "shared-text.xlsx"}
		},
		code:    1,
		msg:     `shared-text\.xlsx:[^\n]*![A-Z]+[0-9]+`,
		rss:     64 << 10,
		pending: "workbook: a bound on the text a workbook's cells expand to",
	},
	{
		name: "unit name longer than a file name",
		// Two visits of a unit whose name alone is longer than a file
		// name: the date must survive, so two visits give two files.
		place: func(t *testing.T, dir, _ string) []string {
			unit := strings.Repeat("Specialistmottagningen för allmänmedicin och ", 6) + "Barkarby"
			in := filepath.Join(dir, "long-unit")
			writeFile(t, filepath.Join(in, "first.yaml"), fixtureNamed(t, unit, "2025-02-11"), 0o644)
			writeFile(t, filepath.Join(in, "second.yaml"), fixtureNamed(t, unit, "2025-09-30"), 0o644)
			return []string{"build", "long-unit", "-o", filepath.Join(outside(dir), "out-long")}
		},
		code: 0,
		msg:  `2 of 2 inspections built`,
		rss:  128 << 10,
		check: func(t *testing.T, dir string, r result) {
			var reports []string
			for rel := range tree(t, filepath.Join(outside(dir), "out-long")) {
				if strings.HasSuffix(rel, ".pdf") && !strings.Contains(rel, "handlingsplan") && !strings.HasPrefix(rel, "index") {
					reports = append(reports, rel)
				}
			}
			if len(reports) != 2 {
				t.Fatalf("two visits gave %d reports: %v", len(reports), reports)
			}
			for _, d := range []string{"2025-02-11", "2025-09-30"} {
				if !strings.Contains(strings.Join(reports, " "), d+".pdf") {
					t.Errorf("no report name ends with the visit %s: %v", d, reports)
				}
			}
		},
	},
	{
		name: "bidi override in a narrative",
		// U+202E turns the text after it around on screen: the Markdown
		// must not carry it raw.
		place: func(t *testing.T, dir, _ string) []string {
			s := string(fixtureNamed(t, "Bidikliniken", "2025-03-04"))
			s = strings.Replace(s, "    narrative: |\n      ", "    narrative: |\n      Betalas till konto \u202e1234-5678\u202c enligt avtal. ", 1)
			writeFile(t, filepath.Join(dir, "bidi", "bidi.yaml"), []byte(s), 0o644)
			return []string{"build", "bidi", "-o", filepath.Join(outside(dir), "out-bidi")}
		},
		code:    0,
		msg:     `1 of 1 inspection built`,
		rss:     128 << 10,
		pending: "report: invisible and bidi characters shown, not passed on",
		check: func(t *testing.T, dir string, r result) {
			n := 0
			for rel, data := range tree(t, filepath.Join(outside(dir), "out-bidi")) {
				if strings.HasSuffix(rel, ".md") {
					n++
					if bytes.Contains(data, []byte("\u202e")) {
						t.Errorf("%s holds a raw U+202E", rel)
					}
				}
			}
			if n == 0 {
				t.Error("no Markdown written")
			}
		},
	},
}

// TestHostile runs each hostile input alone and checks its exit status,
// its message and its peak memory.
func TestHostile(t *testing.T) {
	for _, c := range hostileCases {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "in")
			os.MkdirAll(dir, 0o755)
			args := c.place(t, dir, outside(dir))
			r := hostileRun(t, dir, args...)
			t.Logf("%s: exit %d in %v, peak RSS %s (ceiling %s), %d bytes of messages",
				c.name, r.code, r.dur.Round(time.Millisecond), kib(r.rss), kib(c.rss), len(r.stderr))
			failed := false
			if r.code != c.code {
				t.Errorf("exit %d, want %d", r.code, c.code)
				failed = true
			}
			if !regexp.MustCompile(c.msg).MatchString(r.out()) {
				t.Errorf("no message matches %q", c.msg)
				failed = true
			}
			if r.rss > c.rss {
				t.Errorf("peak RSS %s, over the ceiling of %s", kib(r.rss), kib(c.rss))
				failed = true
			}
			if failed {
				t.Logf("spur %s: %v", strings.Join(args, " "), r)
			}
			if c.check != nil {
				c.check(t, dir, r)
			}
			if t.Failed() && c.pending != "" {
				t.Logf("this case waits for work in progress: %s", c.pending)
			}
		})
	}
}

// TestHostileBuild: one spur build -j 8 over every hostile input and a few
// good inspections. It ends, fails (the bad inputs), builds the good ones
// and the overview, and stays under 1 GiB.
func TestHostileBuild(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "in")
	out := filepath.Join(outside(dir), "out")
	placed := 0
	for _, c := range hostileCases {
		if !c.alone {
			c.place(t, dir, outside(dir))
			placed++
		}
	}
	good, err := corpus.Generate(filepath.Join(dir, "good"), 3, 31)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "good", "almaklinikens-vardcentral-2025.yaml"), readFile(t, fixture), 0o644)
	r := hostileRun(t, dir, "build", ".", "-o", out, "-j", "8", "--json")
	t.Logf("spur build -j 8 over %d hostile cases and %d good inspections: exit %d in %v, peak RSS %s",
		placed, len(good)+1, r.code, r.dur.Round(time.Millisecond), kib(r.rss))
	if r.code != 1 {
		t.Errorf("exit %d, want 1 (some inputs are bad)\n%v", r.code, r)
	}
	var sum struct {
		Inputs, Built int
		Failed        []string
	}
	if err := json.Unmarshal([]byte(r.stdout), &sum); err != nil {
		t.Fatalf("--json: %v\n%s", err, clip(r.stdout))
	}
	var failed []string
	for _, f := range sum.Failed {
		failed = append(failed, filepath.ToSlash(f))
	}
	sort.Strings(failed)
	wantFailed := []string{"alias-bomb.yaml", "billion-laughs.yaml", "long-status.yaml", "million-ids.yaml", "shared-text.xlsx", "utf32.yaml", "zip-bomb.xlsx", "zip-liar.xlsx"}
	if strings.Join(failed, " ") != strings.Join(wantFailed, " ") {
		t.Errorf("failed: %v\nwant %v", failed, wantFailed)
	}
	// The good: the fixture, the corpus, and the good inspections beside
	// the pipe, the links, the long unit names and the bidi text.
	if want := len(good) + 1 + 5; sum.Built != want {
		t.Errorf("%d of %d inspections built, want %d", sum.Built, sum.Inputs, want)
	}
	t.Logf("%d inputs: %d built, %d failed: %v", sum.Inputs, sum.Built, len(sum.Failed), failed)
	if r.rss > 1<<20 {
		t.Errorf("peak RSS %s, over 1 GiB", kib(r.rss))
	}
	files := tree(t, out)
	stems := []string{"good/almaklinikens-vardcentral-2025-02-11"}
	for _, p := range good {
		rel, _ := filepath.Rel(dir, p)
		stems = append(stems, strings.TrimSuffix(filepath.ToSlash(rel), ".yaml"))
	}
	for _, stem := range stems {
		for _, ext := range []string{".pdf", ".md"} {
			if _, ok := files[stem+ext]; !ok {
				t.Errorf("the good inspection's %s was not written", stem+ext)
			}
		}
	}
	for _, n := range []string{"index.md", "index.pdf"} {
		if _, ok := files[n]; !ok {
			t.Errorf("no %s", n)
		}
	}
	if left := temps(t, out); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
	for rel, data := range files {
		if bytes.Contains(data, []byte(secretToken)) {
			t.Errorf("%s holds the secret behind a link", rel)
		}
		if strings.HasSuffix(rel, ".pdf") && !pdfWhole(data) {
			t.Errorf("%s is not a whole PDF", rel)
		}
	}
	if strings.Contains(r.out(), secretToken) {
		t.Error("the build printed the secret behind a link")
	}
	t.Logf("%d files written; %d bytes of messages", len(files), len(r.stderr))
}
