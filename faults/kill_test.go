//go:build unix

package faults

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"spur/corpus"
)

// fixture is the inspection the import tests start from.
const fixture = "../fixtures/almaklinikens-vardcentral-2025.yaml"

// withoutPlan is the fixture as it was before the unit's plan came in: no
// action_plan, no plan decisions, preliminary (as cmd/spur's plan tests
// make it).
func withoutPlan(t testing.TB) []byte {
	t.Helper()
	s := string(readFile(t, fixture))
	i := strings.Index(s, "\naction_plan:")
	if i < 0 {
		t.Fatalf("%s has no action_plan", fixture)
	}
	s = s[:i+1]
	s = regexp.MustCompile(`(?m)^\s*plan_decision:.*\n`).ReplaceAllString(s, "")
	s = strings.Replace(s, "\nstatus: final", "\nstatus: preliminary", 1)
	return []byte(s)
}

// planFor writes the YAML plan template of the inspection at dir/insp and
// fills it in as a unit would: an action, a date and a person per entry,
// and the plan's date. It returns the plan's path.
func planFor(t testing.TB, dir, insp string) string {
	t.Helper()
	must(t, dir, "template", insp, "-o", "plan.yaml")
	p := filepath.Join(dir, "plan.yaml")
	s := string(readFile(t, p))
	n := 0
	s = regexp.MustCompile(`(?m)^(\s+action:\s+)""`).ReplaceAllStringFunc(s, func(m string) string {
		n++
		return strings.TrimSuffix(m, `""`) + fmt.Sprintf(`"Åtgärd %d: inköp, utbildning och uppföljning enligt plan"`, n)
	})
	s = regexp.MustCompile(`(?m)^(\s+due:\s+)""`).ReplaceAllString(s, `${1}"20251231"`)
	s = regexp.MustCompile(`(?m)^(\s+responsible:\s+)""`).ReplaceAllString(s, `${1}"Verksamhetschefen"`)
	s = regexp.MustCompile(`(?m)^(  date:\s+)""`).ReplaceAllString(s, `${1}"2025-05-20"`)
	if n == 0 {
		t.Fatalf("the plan template has no action to fill in:\n%s", s)
	}
	writeFile(t, p, []byte(s), 0o644)
	return p
}

// TestKillImport: spur import killed (SIGKILL) at random moments leaves the
// inspection byte for byte as it was or as a complete import makes it, with
// its mode, never anything between; and the next import removes the
// temporary files the killed ones left.
func TestKillImport(t *testing.T) {
	r := rng(t)
	dir := t.TempDir()
	insp := filepath.Join(dir, "insp.yaml")
	const mode fs.FileMode = 0o640 // not spur's default, to see it kept
	orig := withoutPlan(t)
	writeFile(t, insp, orig, mode)
	planFor(t, dir, "insp.yaml")

	// The file a complete import gives, and how long one takes.
	var ds []time.Duration
	var full []byte
	for i := range 5 {
		writeFile(t, insp, orig, mode)
		res := must(t, dir, "import", "insp.yaml", "plan.yaml")
		ds = append(ds, res.dur)
		got := readFile(t, insp)
		if i > 0 && !bytes.Equal(got, full) {
			t.Fatal("two complete imports of the same plan gave different files")
		}
		full = got
	}
	if bytes.Equal(full, orig) {
		t.Fatal("a complete import did not change the inspection")
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	normal := ds[len(ds)/2]
	maxDelay := normal*3/2 + 2*time.Millisecond
	t.Logf("a complete import takes %v (median of 5); kills come 0–%v after the start", normal.Round(time.Microsecond), maxDelay.Round(time.Microsecond))

	runs := scale(150)
	var intact, replaced, finished, leftovers, fabricated int
	for i := range runs {
		writeFile(t, insp, orig, mode)
		p := command(dir, nil, "import", "insp.yaml", "plan.yaml")
		p.startProc(t)
		time.Sleep(time.Duration(r.Int64N(int64(maxDelay) + 1)))
		if p.exited() {
			finished++
		}
		p.kill()
		res := p.wait(t, liveness)
		got := readFile(t, insp)
		switch {
		case bytes.Equal(got, orig):
			intact++
		case bytes.Equal(got, full):
			replaced++
		default:
			t.Fatalf("run %d: after a kill %v after the start, the inspection is neither the original (%d bytes) nor the imported file (%d bytes) but %d other bytes\n%v",
				i, res.dur, len(orig), len(full), len(got), res)
		}
		if m := modeOf(t, insp).Perm(); m != mode {
			t.Fatalf("run %d: the inspection's mode is %04o after a kill, was %04o", i, m, mode)
		}
		left := temps(t, dir)
		if len(left) == 0 && i == runs-1 && leftovers == 0 {
			// No kill left a temporary file: the removal is checked with
			// one made as a kill leaves it.
			made := ".insp.yaml.4242.tmp"
			writeFile(t, filepath.Join(dir, made), full[:len(full)/2], 0o600)
			left = []string{made}
			fabricated++
		}
		if len(left) == 0 {
			continue
		}
		// The next import removes every left-over and says so.
		leftovers++
		writeFile(t, insp, orig, mode)
		res = must(t, dir, "import", "insp.yaml", "plan.yaml")
		for _, tmp := range left {
			if !strings.Contains(res.stderr, tmp+": removed, a temporary file an interrupted spur import left") {
				t.Errorf("run %d: the next import did not say it removed %s:\n%s", i, tmp, res.stderr)
			}
		}
		if rest := temps(t, dir); len(rest) > 0 {
			t.Errorf("run %d: temporary files left after a complete import: %v", i, rest)
		}
		if got := readFile(t, insp); !bytes.Equal(got, full) {
			t.Errorf("run %d: the import after a kill did not give the imported file", i)
		}
		if m := modeOf(t, insp).Perm(); m != mode {
			t.Errorf("run %d: mode %04o after the import, was %04o", i, m, mode)
		}
	}
	t.Logf("%d kills: %d left the inspection intact, %d fully imported (%d of those imports had ended before the kill); %d left a temporary file, each removed by the next import",
		runs, intact, replaced, finished, leftovers-fabricated)
	if fabricated > 0 {
		t.Log("no kill left a temporary file: the removal was checked with one made as a kill leaves it")
	}
	if intact == 0 || replaced == finished {
		t.Logf("note: the kills did not land on both sides of the rename (intact %d, replaced while running %d)", intact, replaced-finished)
	}
}

// TestKillBuild: spur build killed at random moments, into a fresh folder,
// one already up to date, or one with stale documents, leaves every file
// whole (each one byte for byte a document of the new or of the old
// build); spur build --check fails exactly when the build was not
// complete; the next build completes it and removes the temporary files,
// and the check then passes.
func TestKillBuild(t *testing.T) {
	r := rng(t)
	base := t.TempDir()
	in := filepath.Join(base, "in")
	if _, err := corpus.Generate(in, 4, 11); err != nil {
		t.Fatal(err)
	}
	// The reference: what a complete build writes. The stale folder: a
	// complete build with another date, so that its documents differ.
	refDir, oldDir := filepath.Join(base, "ref"), filepath.Join(base, "old")
	res := must(t, "", "build", in, "-o", refDir, "-j", "2")
	fresh := res.dur
	ref := tree(t, refDir)
	res = spurEnv(t, "", []string{"SOURCE_DATE_EPOCH=1600000000"}, "build", in, "-o", oldDir, "-j", "2")
	if res.code != 0 {
		t.Fatalf("build with SOURCE_DATE_EPOCH: %v", res)
	}
	old := tree(t, oldDir)
	differ := 0
	for rel, data := range old {
		if _, ok := ref[rel]; !ok {
			t.Fatalf("the dated build wrote %s, which the reference does not have", rel)
		}
		if !bytes.Equal(data, ref[rel]) {
			differ++
		}
	}
	t.Logf("reference: %d files, a fresh build takes %v, peak RSS %s; %d of them differ in the stale folder",
		len(ref), fresh.Round(time.Millisecond), kib(res.rss), differ)
	qpdf := haveQpdf(t)

	type tally struct{ runs, untouched, partial, complete, leftovers int }
	kinds := []string{"fresh", "up to date", "stale"}
	tallies := make([]tally, len(kinds))
	var stopAt, gone []time.Duration
	maxDelay := fresh * 6 / 5
	runs := scale(30)
	pdfsChecked := 0
	for i := range runs {
		kind := i % len(kinds)
		out := filepath.Join(base, fmt.Sprintf("out%d", i))
		switch kind {
		case 1:
			copyTree(t, refDir, out)
		case 2:
			copyTree(t, oldDir, out)
		}
		before := tree(t, out)
		p := command("", nil, "build", in, "-o", out, "-j", "2")
		p.startProc(t)
		delay := time.Duration(r.Int64N(int64(maxDelay) + 1))
		time.Sleep(delay)
		killed := time.Now()
		p.kill()
		res := p.wait(t, liveness)
		stopAt = append(stopAt, res.dur)
		gone = append(gone, time.Since(killed))

		files := tree(t, out)
		var left []string
		complete := len(files) == len(ref)
		var pdfs []string
		for rel, data := range files {
			if tempName.MatchString(filepath.Base(rel)) {
				left = append(left, rel)
				complete = false
				continue
			}
			want, ok := ref[rel]
			if !ok {
				t.Fatalf("run %d (%s): the killed build left %s, which no complete build writes", i, kinds[kind], rel)
			}
			if !bytes.Equal(data, want) {
				complete = false
				if o, ok := old[rel]; !(kind == 2 && ok && bytes.Equal(data, o)) {
					t.Fatalf("run %d (%s), killed after %v: %s is neither what the build writes (%d bytes) nor the old document, but %d other bytes (a partial file?)",
						i, kinds[kind], res.dur, rel, len(want), len(data))
				}
			}
			if strings.HasSuffix(rel, ".pdf") {
				if !pdfWhole(data) {
					t.Fatalf("run %d: %s is not a whole PDF", i, rel)
				}
				pdfs = append(pdfs, rel)
			}
		}
		sort.Strings(pdfs)
		if qpdf && len(pdfs) > 0 {
			pick := pdfs[r.IntN(len(pdfs))]
			if ok, msg := qpdfCheck(t, filepath.Join(out, pick)); !ok {
				t.Fatalf("run %d: qpdf --check %s:\n%s", i, pick, msg)
			}
			pdfsChecked++
		}
		tl := &tallies[kind]
		tl.runs++
		switch {
		case complete:
			tl.complete++
		case equalTrees(files, before):
			tl.untouched++
		default:
			tl.partial++
		}
		if len(left) > 0 {
			tl.leftovers++
		}

		// The check names an incomplete build, and passes a complete one.
		chk := spur(t, "", "build", "--check", in, "-o", out, "-j", "2")
		switch {
		case complete && chk.code != 0:
			t.Fatalf("run %d (%s): the build was complete, yet --check: %v", i, kinds[kind], chk)
		case !complete && chk.code != 1:
			t.Fatalf("run %d (%s): the build was incomplete (%d of %d files as they should be, left over %v), yet --check: %v",
				i, kinds[kind], countEqual(files, ref), len(ref), left, chk)
		}
		for _, l := range left {
			if !strings.Contains(chk.stdout, "leftover: "+filepath.Join(out, filepath.FromSlash(l))) {
				t.Errorf("run %d: --check does not name the left-over %s:\n%s", i, l, chk.stdout)
			}
		}

		// The next build completes the work and removes the left-overs.
		done := must(t, "", "build", in, "-o", out, "-j", "2")
		for _, l := range left {
			if !strings.Contains(done.stderr, filepath.Join(out, filepath.FromSlash(l))+": removed") {
				t.Errorf("run %d: the next build does not say it removed %s:\n%s", i, l, done.stderr)
			}
		}
		if after := tree(t, out); !equalTrees(after, ref) {
			t.Fatalf("run %d (%s): after a complete build the folder is not the reference: %d of %d files equal, %d files, temporary files %v",
				i, kinds[kind], countEqual(after, ref), len(ref), len(after), temps(t, out))
		}
		if chk := spur(t, "", "build", "--check", in, "-o", out, "-j", "2"); chk.code != 0 {
			t.Fatalf("run %d: --check after the completing build: %v", i, chk)
		}
		os.RemoveAll(out)
	}
	for k, tl := range tallies {
		t.Logf("%-10s: %d kills: %d left the folder as it was, %d partly written, %d complete; %d left a temporary file",
			kinds[k], tl.runs, tl.untouched, tl.partial, tl.complete, tl.leftovers)
	}
	t.Logf("kills up to %v after the start; the processes ended %s after the start, %s after the kill; %d PDFs passed qpdf --check",
		maxDelay.Round(time.Millisecond), percentiles(stopAt), percentiles(gone), pdfsChecked)
}

// equalTrees reports whether two folders hold the same files, byte for byte.
func equalTrees(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		w, ok := b[k]
		if !ok || !bytes.Equal(v, w) {
			return false
		}
	}
	return true
}

// countEqual counts the files of got that are as in want.
func countEqual(got, want map[string][]byte) int {
	n := 0
	for k, v := range got {
		if w, ok := want[k]; ok && bytes.Equal(v, w) {
			n++
		}
	}
	return n
}
