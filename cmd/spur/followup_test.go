package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"spur/corpus"
	"spur/followup/followuptest"
)

// runFollowup runs spur followup as the command line does (the command
// is called directly: its entry in dispatch is the lead's to add).
func runFollowup(t testing.TB, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := env{context.Background(), strings.NewReader(""), &out, &errb}
	code = e.followup(args)
	return code, out.String(), errb.String()
}

var followupExts = []string{".md", ".pdf", ".html", ".xlsx", ".ics"}

// TestFollowupFixtures is the example: spur followup fixtures
// --as-of 2026-01-01 writes all five files; the same run again gives the
// same bytes, in another directory too; the PDF passes qpdf --check.
func TestFollowupFixtures(t *testing.T) {
	var first map[string][]byte
	for run := range 2 {
		out := filepath.Join(t.TempDir(), "ut")
		code, stdout, stderr := runFollowup(t, "../../fixtures", "--as-of", "2026-01-01", "-o", out, "--format", "md,pdf,html,xlsx,ics")
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		if !strings.Contains(stderr, "spur followup: 14 actions of 1 inspection (3 overdue) as of 2026-01-01") {
			t.Errorf("stderr: %s", stderr)
		}
		got := map[string][]byte{}
		var listed []string
		for _, ext := range followupExts {
			p := filepath.Join(out, followupName(ext, "2026-01-01"))
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			got[ext] = b
			listed = append(listed, p)
		}
		if strings.Fields(stdout) == nil || !slices.Equal(strings.Fields(stdout), listed) {
			t.Errorf("stdout %q, want %q", stdout, listed)
		}
		if run == 0 {
			first = got
			continue
		}
		for ext, b := range got {
			if !bytes.Equal(b, first[ext]) {
				t.Errorf("%s differs between two runs", ext)
			}
		}
	}
	md := string(first[".md"])
	for _, want := range []string{
		"# Uppföljning av handlingsplaner\n",
		"| Region Stockholm | 3 | 0 | 0 | 0 | 0 | 11 | 14 |\n",
		"### Almaklinikens vårdcentral, besök 2025-02-11\n",
		"#### Ansvarig för genomförandet: Verksamhetschefen\n",
		"##### C1 – Försenad\n",
		"- **Datum när åtgärden ska vara genomförd:** 20251231 (tolkat som 2025-12-31)\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the Markdown lacks %q", want)
		}
	}
	if bin, err := exec.LookPath("qpdf"); err == nil {
		p := filepath.Join(t.TempDir(), "u.pdf")
		os.WriteFile(p, first[".pdf"], 0o644)
		if out, err := exec.Command(bin, "--check", p).CombinedOutput(); err != nil {
			t.Errorf("qpdf --check: %v\n%s", err, out)
		}
	}
}

// TestFollowupFormatsAndDefaults: --format chooses; -o defaults to the
// working directory's "."; the day defaults to SOURCE_DATE_EPOCH's.
func TestFollowupFormatsAndDefaults(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.MkdirAll(in, 0o755)
	copyFile(t, fixture, filepath.Join(in, "a.yaml"))
	t.Chdir(dir)
	t.Setenv("SOURCE_DATE_EPOCH", strconv.FormatInt(time.Date(2025, 12, 15, 13, 0, 0, 0, time.UTC).Unix(), 10))
	code, _, stderr := runFollowup(t, in, "--format", "Markdown, ics")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	names, _ := filepath.Glob(filepath.Join(dir, "uppfoljning*"))
	for i := range names {
		names[i] = filepath.Base(names[i])
	}
	// The list is named by its day; the calendar, a feed, is not.
	if want := []string{"uppfoljning-2025-12-15.md", "uppfoljning.ics"}; !slices.Equal(names, want) {
		t.Errorf("wrote %q, want %q", names, want)
	}
	// On 2025-12-15 the three actions due 2025-12-31 fall within 30 days.
	if !strings.Contains(stderr, "(3 due within 30 days) as of 2025-12-15") {
		t.Errorf("stderr: %s", stderr)
	}
}

func copyFile(t testing.TB, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestFollowupUsage: wrong usage is exit 2 with a message that says what
// is right; a directory that is not one is exit 1.
func TestFollowupUsage(t *testing.T) {
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"../../fixtures", "--as-of", "1 januari"}, exitUsage, "--as-of takes a date YYYY-MM-DD"},
		{[]string{"../../fixtures", "--within", "-1"}, exitUsage, "--within is a number of days, 0 or more"},
		{[]string{"../../fixtures", "--format", "md,docx"}, exitUsage, `"docx" is not a format of spur followup; choose among md, pdf, html, xlsx and ics`},
		{[]string{"a", "b"}, exitUsage, "name one directory of inspections, not 2 arguments"},
		{[]string{fixture}, exitInvalid, "is not a directory; spur followup takes the directory of the inspections"},
		{[]string{"no-such-dir"}, exitInvalid, "no-such-dir"},
	} {
		code, _, stderr := runFollowup(t, append(c.args, "-o", t.TempDir())...)
		if code != c.code || !strings.Contains(stderr, c.msg) {
			t.Errorf("%q: exit %d, %q; want %d and %q", c.args, code, stderr, c.code, c.msg)
		}
	}
}

// TestFollowupFailingInput: an inspection that does not load is reported
// with its position, the others are listed, the list names the missing
// file, and the exit status is 1. The workbook spur followup wrote into
// the directory it reads is not read as an inspection the next time.
func TestFollowupFailingInput(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, fixture, filepath.Join(dir, "a.yaml"))
	os.WriteFile(filepath.Join(dir, "b.yaml"), []byte("catalog: \"2025\"\nstatus: final\nunit: {name: X}\nvisit: 2025-02-30\n"), 0o644)
	os.WriteFile(filepath.Join(dir, ".hidden.yaml"), []byte("not: [an inspection"), 0o644)
	code, _, stderr := runFollowup(t, dir, "--as-of", "2026-01-01", "-o", dir)
	if code != exitInvalid {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, filepath.Join(dir, "b.yaml")+":4:8: ") || strings.Contains(stderr, ".hidden") {
		t.Errorf("stderr: %s", stderr)
	}
	if !strings.Contains(stderr, "1 of 2 inspections failed and are missing from the list") {
		t.Errorf("stderr: %s", stderr)
	}
	md, _ := os.ReadFile(filepath.Join(dir, "uppfoljning-2026-01-01.md"))
	if !strings.Contains(string(md), "Följande filer kunde inte läsas och saknas därför i listan:\n\n- "+filepath.Join(dir, "b.yaml")) ||
		!strings.Contains(string(md), "14 åtgärder i 1 handlingsplan") {
		t.Errorf("the list does not say what it lacks:\n%s", md)
	}
	os.Remove(filepath.Join(dir, "b.yaml"))
	if code, _, stderr := runFollowup(t, dir, "--as-of", "2026-01-01", "-o", dir); code != exitOK {
		t.Errorf("a second run, with its own workbook in the directory: exit %d: %s", code, stderr)
	}
}

// TestFollowupFilters: --region and --specialty, repeated, choose the
// units; the list says what was chosen.
func TestFollowupFilters(t *testing.T) {
	dir := t.TempDir()
	asOf := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	gen, err := followuptest.Write(fixture, dir, 10, 5, asOf, 30)
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, g := range gen {
		if (g.Region == "Region Skåne" || g.Region == "Region Stockholm") && g.Specialty == "Psykiatri" {
			want++
		}
	}
	out := t.TempDir()
	code, _, stderr := runFollowup(t, dir, "--as-of", "2026-01-01", "-o", out, "--format", "md",
		"--region", "Region Skåne", "--region", "region stockholm", "--specialty", "PSYKIATRI")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	md, _ := os.ReadFile(filepath.Join(out, "uppfoljning-2026-01-01.md"))
	if n := strings.Count(string(md), "\n### "); n != want {
		t.Errorf("%d units listed, want %d", n, want)
	}
	if !strings.Contains(string(md), "**Urval:** Region: Region Skåne, region stockholm; Specialitet: PSYKIATRI") {
		t.Errorf("the selection is not said:\n%.600s", md)
	}
}

// pythonICal returns a Python that has the icalendar library (Debian's
// python3-icalendar), skipping the test when there is none, or failing it
// under CI, which installs it.
func pythonICal(t *testing.T) string {
	t.Helper()
	for _, p := range []string{"python3", "/usr/bin/python3"} {
		bin, err := exec.LookPath(p)
		if err != nil {
			continue
		}
		if exec.Command(bin, "-c", "import icalendar").Run() == nil {
			return bin
		}
	}
	if ci, _ := strconv.ParseBool(os.Getenv("CI")); ci {
		t.Fatal("no python3 with the icalendar library; CI is set, so this fails rather than skips: apt-get install python3-icalendar")
	}
	t.Skip("no python3 with the icalendar library: apt-get install python3-icalendar")
	return ""
}

// icalEvents is what the parse script prints of each event.
type icalEvent struct {
	UID, Start, End, Stamp, Summary, Description string
	AllDay                                       bool
}

const icalScript = `
import json, sys, datetime, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
out = []
for e in cal.walk('VEVENT'):
    s, en = e.decoded('DTSTART'), e.decoded('DTEND')
    out.append({'UID': str(e['UID']), 'Start': s.isoformat(), 'End': en.isoformat(),
                'Stamp': e.decoded('DTSTAMP').isoformat(), 'Summary': str(e['SUMMARY']),
                'Description': str(e['DESCRIPTION']),
                'AllDay': type(s) is datetime.date and e['DTSTART'].params.get('VALUE') == 'DATE'})
json.dump({'version': str(cal['VERSION']), 'events': out}, sys.stdout)
`

// TestFollowupCalendar parses the .ics of generated plans with Python's
// icalendar library and checks every event against the plans: one all-day
// event per due date and per date of follow-up that can be read, on that
// day, with the unit, criterion and action in its description, a UID of
// its own, and DTSTAMP the day of the list. Its lines are CRLF-ended and
// at most 75 octets, each valid UTF-8.
func TestFollowupCalendar(t *testing.T) {
	py := pythonICal(t)
	dir := t.TempDir()
	asOf := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	gen, err := followuptest.Write(fixture, dir, 12, 9, asOf, 30)
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	if code, _, stderr := runFollowup(t, dir, "--as-of", "2026-01-01", "-o", out, "--format", "ics"); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	path := filepath.Join(out, "uppfoljning.ics")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasSuffix(raw, []byte("END:VCALENDAR\r\n")) {
		t.Error("the calendar does not end with END:VCALENDAR and CRLF")
	}
	for i, l := range bytes.Split(bytes.TrimSuffix(raw, []byte("\r\n")), []byte("\r\n")) {
		if len(l) > 75 || !utf8.Valid(l) || bytes.ContainsAny(l, "\r\n") {
			t.Errorf("line %d: %d octets, valid UTF-8 %v: %q", i+1, len(l), utf8.Valid(l), l)
		}
	}
	script := filepath.Join(t.TempDir(), "parse.py")
	os.WriteFile(script, []byte(icalScript), 0o644)
	cmd := exec.Command(py, script, path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	js, err := cmd.Output()
	if err != nil {
		t.Fatalf("icalendar: %v\n%s", err, stderr.String())
	}
	var cal struct {
		Version string
		Events  []icalEvent
	}
	if err := json.Unmarshal(js, &cal); err != nil {
		t.Fatal(err)
	}
	if cal.Version != "2.0" {
		t.Errorf("VERSION %q", cal.Version)
	}
	type want struct {
		summary string
		day     time.Time
		says    []string // in the description
	}
	var wants []want
	for _, g := range gen {
		says := []string{"Verksamhet: " + g.Name}
		for _, e := range g.Entries {
			says := append(says, "Kriterium: "+e.Criterion+" – ", "Planerad åtgärd: "+e.Action)
			if !e.DueDate.IsZero() {
				wants = append(wants, want{e.Criterion + " ska vara genomförd – " + g.Name, e.DueDate, says})
			}
			if !e.FollowUpDate.IsZero() {
				wants = append(wants, want{"Uppföljning av " + e.Criterion + " – " + g.Name, e.FollowUpDate, says})
			}
		}
		// Each unit's next visit, five years after its visit.
		wants = append(wants, want{"Nästa granskning – " + g.Name, followuptest.Visit.AddDate(5, 0, 0),
			append(says, "Senaste besök: "+followuptest.Visit.Format(time.DateOnly), "Nästa granskning senast: 2030-02-11 (5 år efter det senaste besöket)")})
	}
	if len(cal.Events) != len(wants) {
		t.Fatalf("%d events, want %d", len(cal.Events), len(wants))
	}
	uids := map[string]bool{}
	for _, ev := range cal.Events {
		if uids[ev.UID] {
			t.Errorf("UID %s twice", ev.UID)
		}
		uids[ev.UID] = true
		if !ev.AllDay || ev.Stamp != "2026-01-01T00:00:00+00:00" {
			t.Errorf("%s: all-day %v, DTSTAMP %s", ev.Summary, ev.AllDay, ev.Stamp)
		}
	}
	for _, w := range wants {
		i := slices.IndexFunc(cal.Events, func(ev icalEvent) bool {
			return ev.Summary == w.summary && ev.Start == w.day.Format(time.DateOnly)
		})
		if i < 0 {
			t.Errorf("no event %q on %s", w.summary, w.day.Format(time.DateOnly))
			continue
		}
		ev := cal.Events[i]
		if ev.End != w.day.AddDate(0, 0, 1).Format(time.DateOnly) {
			t.Errorf("%s: ends %s", w.summary, ev.End)
		}
		for _, s := range w.says {
			if !strings.Contains(ev.Description, s) {
				t.Errorf("%s: the description lacks %q:\n%s", w.summary, s, ev.Description)
			}
		}
	}
	// The next run, a day later and with another interval of visits,
	// updates the same events: same UIDs.
	out2 := t.TempDir()
	runFollowup(t, dir, "--as-of", "2026-01-02", "-o", out2, "--format", "ics", "--visit-interval", "4")
	next, _ := os.ReadFile(filepath.Join(out2, "uppfoljning.ics"))
	for uid := range uids {
		if !bytes.Contains(next, []byte("UID:"+uid+"\r\n")) {
			t.Errorf("UID %s is gone a day later", uid)
			break
		}
	}
	if n := bytes.Count(next, []byte("DTSTART;VALUE=DATE:20290211\r\n")); n != len(gen) {
		t.Errorf("%d events on 2029-02-11, want the next visit of each of the %d units", n, len(gen))
	}
}

// writeVisit writes the fixture as the inspection of another unit on
// another day.
func writeVisit(t *testing.T, dir, name, region, visit string) {
	t.Helper()
	b, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(b), "\nvisit: 2025-02-11\n", "\nvisit: "+visit+"\n", 1)
	s = strings.Replace(s, "\n  name: Almaklinikens vårdcentral\n", "\n  name: "+name+"\n", 1)
	s = strings.Replace(s, "\n  region: Region Stockholm\n", "\n  region: "+region+"\n", 1)
	if s == string(b) {
		t.Fatal("the fixture is not as this test expects")
	}
	p := filepath.Join(dir, name+"-"+visit+".yaml")
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestFollowupNextVisits: the units whose next visit (five years after
// their last, else --visit-interval) falls before --as-of, or within
// --within days after it, are in the Markdown, in the order of those
// days, said on the count's line and in the summary on stderr; a unit
// visited again since is not; a negative or broken interval is a usage
// error.
func TestFollowupNextVisits(t *testing.T) {
	dir := t.TempDir()
	writeVisit(t, dir, "Gamla kliniken", "Region Skåne", "2020-06-01")         // next 2025-06-01: due
	writeVisit(t, dir, "Nästan dags", "Region Uppsala", "2021-01-20")          // next 2026-01-20: within 30 days
	writeVisit(t, dir, "Besökt igen", "Region Skåne", "2019-09-09")            // would be due, but...
	writeVisit(t, dir, "Besökt igen", "Region Skåne", "2024-09-09")            // ... visited again
	copyFile(t, fixture, filepath.Join(dir, "almaklinikens-vardcentral.yaml")) // next 2030-02-11
	out := t.TempDir()
	code, _, stderr := runFollowup(t, dir, "--as-of", "2026-01-01", "-o", out, "--format", "md")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "as of 2026-01-01; next visit due for 2 units (1 past, 1 within 30 days)\n") {
		t.Errorf("stderr: %s", stderr)
	}
	md, _ := os.ReadFile(filepath.Join(out, "uppfoljning-2026-01-01.md"))
	for _, want := range []string{
		"Nästa granskning: försenad för 1 verksamhet, inom 30 dagar för 1 verksamhet.\n",
		"## Nästa granskning\n\nVerksamheter vars nästa granskning, 5 år efter det senaste besöket, infaller före 2026-01-01 (försenad) eller inom 30 dagar därefter.",
		"| Verksamhet | Region | Senaste besök | Nästa granskning senast | Läge |\n| --- | --- | --- | --- | --- |\n" +
			"| Gamla kliniken | Region Skåne | 2020-06-01 | 2025-06-01 | Försenad |\n" +
			"| Nästan dags | Region Uppsala | 2021-01-20 | 2026-01-20 | Inom 30 dagar |\n\n",
	} {
		if !strings.Contains(string(md), want) {
			t.Errorf("the Markdown lacks %q:\n%.1500s", want, md)
		}
	}

	// Three years: Besökt igen (2027-09-09) is not due yet, Almakliniken
	// (2028-02-11) neither; a window of 0 days leaves Nästan dags out.
	code, _, stderr = runFollowup(t, dir, "--as-of", "2026-01-01", "-o", out, "--format", "md", "--visit-interval", "3", "--within", "0")
	md, _ = os.ReadFile(filepath.Join(out, "uppfoljning-2026-01-01.md"))
	if code != exitOK || !strings.Contains(string(md), "| Gamla kliniken | Region Skåne | 2020-06-01 | 2023-06-01 | Försenad |\n"+
		"| Nästan dags | Region Uppsala | 2021-01-20 | 2024-01-20 | Försenad |\n\n") {
		t.Errorf("--visit-interval 3: exit %d, %s\n%.1500s", code, stderr, md)
	}

	for _, bad := range []string{"-1", "fem", "2.5"} {
		code, _, stderr := runFollowup(t, dir, "--visit-interval", bad, "-o", out)
		if code != exitUsage || !strings.Contains(stderr, "visit-interval") {
			t.Errorf("--visit-interval %s: exit %d, %q", bad, code, stderr)
		}
	}
}

// BenchmarkFollowup1000 is spur followup over a repository of 1,000
// generated inspections, writing all five formats: time per run, time and
// memory per inspection, and the peak resident memory.
func BenchmarkFollowup1000(b *testing.B) {
	dir := b.TempDir()
	in := filepath.Join(dir, "in")
	// Repeat visits and follow-ups, as a region's repository holds them.
	if _, err := corpus.GenerateWith(in, 1000, 1, corpus.Options{Revisits: true, FollowUps: true}); err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
	b.ReportAllocs()
	var summary string
	for b.Loop() {
		out := filepath.Join(dir, "out")
		code, _, stderr := runFollowup(b, in, "--as-of", "2026-01-01", "-o", out)
		if code != exitOK {
			b.Fatalf("exit %d: %s", code, stderr)
		}
		b.StopTimer()
		summary = stderr
		os.RemoveAll(out)
		b.StartTimer()
	}
	b.ReportMetric(b.Elapsed().Seconds()*1000/float64(b.N*1000), "ms/inspection")
	b.ReportMetric(peakRSS(), "peak-MiB")
	b.Log(strings.TrimSpace(summary))
}

// peakRSS is the process's peak resident memory in MiB (Linux), else 0.
func peakRSS() float64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			return float64(kb) / 1024
		}
	}
	return 0
}

// TestFollowupCalendarNeedsEveryInspection: a typo in one inspection
// leaves the .ics as it was, byte for byte (a calendar subscribed to it
// would otherwise drop that unit's events), while the other formats are
// written and name the file; stderr says why. In a folder with no
// calendar yet none is written. Once the typo is fixed the calendar is
// written again, as before the typo. A copy of an inspection holds the
// calendar back too.
func TestFollowupCalendarNeedsEveryInspection(t *testing.T) {
	dir, out := t.TempDir(), t.TempDir()
	writeVisit(t, dir, "Björkkliniken", "Region Skåne", "2024-10-01")
	copyFile(t, fixture, filepath.Join(dir, "almaklinikens-vardcentral.yaml"))
	b := filepath.Join(dir, "Björkkliniken-2024-10-01.yaml")
	good, err := os.ReadFile(b)
	if err != nil {
		t.Fatal(err)
	}
	ics := filepath.Join(out, "uppfoljning.ics")
	run := func(out string) (int, string, string) {
		return runFollowup(t, dir, "--as-of", "2026-01-01", "-o", out, "--format", "md,ics")
	}
	if code, _, stderr := run(out); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	whole, err := os.ReadFile(ics)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(whole, []byte("Björkkliniken")) || !bytes.Contains(whole, []byte("Almaklinikens vårdcentral")) {
		t.Fatal("the calendar lacks a unit")
	}

	// The typo: a visit on 32 October.
	typo := bytes.Replace(good, []byte("\nvisit: 2024-10-01\n"), []byte("\nvisit: 2024-10-32\n"), 1)
	if bytes.Equal(typo, good) {
		t.Fatal("no typo made")
	}
	os.WriteFile(b, typo, 0o644)
	code, stdout, stderr := run(out)
	if code != exitInvalid {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if now, _ := os.ReadFile(ics); !bytes.Equal(now, whole) {
		t.Errorf("the calendar changed with a typo in one inspection:\n%s", now)
	}
	if want := "spur followup: uppfoljning.ics not written: 1 inspection could not be read, and a calendar subscribed to it would drop their events; " +
		"one already in " + out + " is left as it was"; !strings.Contains(stderr, want) {
		t.Errorf("stderr lacks %q:\n%s", want, stderr)
	}
	if strings.Contains(stdout, ".ics") || !strings.Contains(stdout, "uppfoljning-2026-01-01.md") {
		t.Errorf("stdout: %s", stdout)
	}
	md, _ := os.ReadFile(filepath.Join(out, "uppfoljning-2026-01-01.md"))
	if !strings.Contains(string(md), "Följande filer kunde inte läsas och saknas därför i listan:\n\n- "+b) {
		t.Errorf("the Markdown does not name the file:\n%.800s", md)
	}
	// A folder with no calendar yet gets none.
	fresh := t.TempDir()
	if code, _, _ := run(fresh); code != exitInvalid {
		t.Errorf("exit %d", code)
	}
	if _, err := os.Stat(filepath.Join(fresh, "uppfoljning.ics")); !os.IsNotExist(err) {
		t.Errorf("a calendar was written with a typo in an inspection: %v", err)
	}

	// Fixed: the calendar is written again, as it was before the typo.
	os.WriteFile(b, good, 0o644)
	os.WriteFile(ics, []byte("stale"), 0o644)
	if code, _, stderr := run(out); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if now, _ := os.ReadFile(ics); !bytes.Equal(now, whole) {
		t.Errorf("the calendar was not rewritten once the typo was fixed:\n%.300s", now)
	}

	// A copy of an inspection: left out of the list, and the calendar.
	copyFile(t, fixture, filepath.Join(dir, "kopia.yaml"))
	os.WriteFile(ics, []byte("stale"), 0o644)
	code, _, stderr = run(out)
	if now, _ := os.ReadFile(ics); code != exitInvalid || string(now) != "stale" ||
		!strings.Contains(stderr, "ics not written: 1 inspection was left out as a copy") {
		t.Errorf("with a copy: exit %d, calendar %.40q\n%s", code, now, stderr)
	}
}

// TestFollowupAsOfBeforeThePlan: as of a day after the visit and before
// the plan came in (the fixture's plan is dated 2025-05-20, its visit
// 2025-02-11), no action is listed, not as open and not as done; the
// unit's next visit still counts from its visit; the list and stderr say
// what was left out. As of a day before the visit the unit has no visit
// either.
func TestFollowupAsOfBeforeThePlan(t *testing.T) {
	out := t.TempDir()
	code, _, stderr := runFollowup(t, "../../fixtures", "--as-of", "2025-03-01", "-o", out, "--format", "md,ics")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "spur followup: 0 actions of 0 inspections as of 2025-03-01; 1 action plan dated after 2025-03-01 left out\n") {
		t.Errorf("stderr: %s", stderr)
	}
	md, _ := os.ReadFile(filepath.Join(out, "uppfoljning-2025-03-01.md"))
	for _, absent := range []string{"Almaklinikens vårdcentral, besök", "| Region Stockholm |", "##### C1"} {
		if strings.Contains(string(md), absent) {
			t.Errorf("the Markdown has %q:\n%s", absent, md)
		}
	}
	if !strings.Contains(string(md), "1 handlingsplan daterad efter 2025-03-01 ingår inte i listan.") {
		t.Errorf("the Markdown does not say what it leaves out:\n%s", md)
	}
	cal, _ := os.ReadFile(filepath.Join(out, "uppfoljning.ics"))
	if n := bytes.Count(cal, []byte("BEGIN:VEVENT")); n != 1 || !bytes.Contains(cal, []byte("DTSTART;VALUE=DATE:20300211\r\n")) {
		t.Errorf("%d events; want only the next visit on 2030-02-11:\n%s", n, cal)
	}

	code, _, stderr = runFollowup(t, "../../fixtures", "--as-of", "2025-02-10", "-o", out, "--format", "ics")
	cal, _ = os.ReadFile(filepath.Join(out, "uppfoljning.ics"))
	if code != exitOK || bytes.Contains(cal, []byte("BEGIN:VEVENT")) ||
		!strings.Contains(stderr, "; 1 inspection visited after 2025-02-10 left out\n") {
		t.Errorf("before the visit: exit %d, %s\n%s", code, stderr, cal)
	}
}

// TestFollowupFilterSlips: a --region or --specialty that no inspection
// has is named with those there and the one likely meant; when the
// choice leaves nothing the exit status is 1 and nothing is written;
// when it leaves something the list is written, with the warning.
func TestFollowupFilterSlips(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, fixture, filepath.Join(dir, "a.yaml"))
	writeVisit(t, dir, "Björkkliniken", "Region Skåne", "2024-10-01")
	for _, c := range []struct {
		name  string
		args  []string
		code  int
		warns []string
	}{
		{"a letter", []string{"--region", "Region Skane"}, exitInvalid, []string{
			`spur followup: warning: --region "Region Skane" matches no inspection under ` + dir + `; the regions there: Region Skåne, Region Stockholm; did you mean "Region Skåne"?`,
			"spur followup: --region leaves none of the 2 inspections under " + dir + "; nothing written\n"}},
		{"without Region", []string{"--region", "stockholm"}, exitInvalid, []string{`did you mean "Region Stockholm"?`}},
		{"a specialty", []string{"--specialty", "Allmänmedecin"}, exitInvalid, []string{"--specialty leaves none of the 2 inspections",
			`--specialty "Allmänmedecin" matches no inspection under ` + dir + `; the specialties there: Allmänmedicin; did you mean "Allmänmedicin"?`}},
		{"far off", []string{"--region", "Region Gotland"}, exitInvalid, []string{
			`--region "Region Gotland" matches no inspection under ` + dir + `; the regions there: Region Skåne, Region Stockholm` + "\n"}},
		{"each there, together none", []string{"--region", "Region Skåne", "--specialty", "Psykiatri"}, exitInvalid, []string{
			`--specialty "Psykiatri" matches no inspection`, "--region and --specialty leave none of the 2 inspections"}},
		{"one of two", []string{"--region", "Region Stockholm", "--region", "Region Skaane"}, exitOK, []string{
			`--region "Region Skaane" matches no inspection under ` + dir + `; the regions there: Region Skåne, Region Stockholm; did you mean "Region Skåne"?`}},
		{"case", []string{"--region", "REGION SKÅNE"}, exitOK, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := t.TempDir()
			code, stdout, stderr := runFollowup(t, append([]string{dir, "--as-of", "2026-01-01", "-o", out}, c.args...)...)
			if code != c.code {
				t.Errorf("exit %d, want %d: %s", code, c.code, stderr)
			}
			for _, w := range c.warns {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
			if c.warns == nil && strings.Contains(stderr, "warning") {
				t.Errorf("a warning: %s", stderr)
			}
			written, _ := os.ReadDir(out)
			if c.code == exitInvalid && (len(written) != 0 || stdout != "") {
				t.Errorf("wrote %d files: %s", len(written), stdout)
			}
			if c.code == exitOK && len(written) != len(followupExts) {
				t.Errorf("wrote %d files, want %d", len(written), len(followupExts))
			}
		})
	}

	// The one inspection of the region asked for does not load: the
	// warning says that what could not be read was not counted.
	os.WriteFile(filepath.Join(dir, "c.yaml"), []byte("catalog: \"2025\"\nstatus: final\nunit: {name: X, region: Region Uppsala}\nvisit: 2025-02-30\n"), 0o644)
	code, _, stderr := runFollowup(t, dir, "--as-of", "2026-01-01", "-o", t.TempDir(), "--region", "Region Uppsala")
	if code != exitInvalid || !strings.Contains(stderr, `--region "Region Uppsala" matches no inspection under `+dir+
		"; the regions there: Region Skåne, Region Stockholm (1 inspection that could not be read not counted)\n") {
		t.Errorf("exit %d: %s", code, stderr)
	}
}
