// Package plantest gives the tests of the action plan's follow-ups (the
// plan in compose.Report and each format's rendering of it) the fixture
// with follow-ups written into its plan, and what each action must show,
// computed from the follow-ups as written and not by the code under test.
// It is for tests only, as net/http/httptest is.
package plantest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"spur/grade"
	"spur/report"
	"spur/report/compose"
	"spur/schema"
)

// Fixture is the inspection the follow-ups are written into.
var Fixture = fromRoot("fixtures/almaklinikens-vardcentral-2025.yaml")

func fromRoot(rel string) string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..", filepath.FromSlash(rel))
}

// Record is a follow-up as the inspection has it.
type Record struct {
	Date, Status, Note, By string
}

// Written is the follow-ups of the fixture's plan, by criterion, in the
// order they are written. C1's are not in the order of their dates; the
// last two of E4's share a day, so the one written last is the action's
// state; D7 has one, with a note of two lines and no one who followed up;
// the other actions have none.
var Written = map[string][]Record{
	"C1": {
		{"2025-12-01", "partly", "Mikroskopet är beställt, leverans i januari.", "Eva Lund"},
		{"2026-02-15", "done", "Mikroskopet är på plats.\nAlla ST-läkare har fått en genomgång.", "Eva Lund"},
		{"2025-08-20", "postponed", "Upphandlingen drar ut på tiden.", "Verksamhetschefen"},
	},
	"D7": {
		{"2025-11-20", "done", "IUP finns för samtliga ST-läkare.\nRevideras vid varje halvårssamtal.", ""},
	},
	"E4": {
		{"2025-09-15", "not_done", "Ingen har gått utbildningen än.", "Anna Berg"},
		{"2026-01-10", "partly", "En av tre har gått utbildningen.", "Anna Berg"},
		{"2026-01-10", "partly", "Två av tre har gått utbildningen.", "Per Ek"},
	},
}

// HostileNote and HostileBy are a follow-up's note and who followed up as
// someone might write them to break out of the document: Markdown that
// would make a heading, a table, a list, a link, emphasis or HTML, a
// backslash before a line break, and a right-to-left override that would
// show the text after it reversed.
const (
	HostileNote = "<script>alert(1)</script> **fet** [länk](javascript:alert(1)) &amp; `kod`\n" +
		"# Rubrik\n" +
		"| a | b |\n" +
		"- punkt\n" +
		"1. nummer\n" +
		"C:\\temp\\\n" +
		"\u202Edlrow olleh"
	HostileBy = "<b>Eva</b> \u202ELund"
)

// Hostile is Written with a hostile follow-up of H9's action, the latest
// of two.
func Hostile() map[string][]Record {
	m := map[string][]Record{}
	for k, v := range Written {
		m[k] = v
	}
	m["H9"] = []Record{{"2025-10-01", "postponed", "Vänta på vårens schema.", "Anna Berg"}, {"2026-03-01", "partly", HostileNote, HostileBy}}
	return m
}

// Source is the fixture's text with recs written into its plan, under
// each criterion's entry.
func Source(t testing.TB, recs map[string][]Record) string {
	t.Helper()
	b, err := os.ReadFile(Fixture)
	if err != nil {
		t.Fatal(err)
	}
	src := string(b)
	if !strings.HasSuffix(src, "\n") {
		src += "\n"
	}
	ids := make([]string, 0, len(recs))
	for id := range recs {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		start := strings.Index(src, "\n    - criterion: "+id+"\n")
		if start < 0 {
			t.Fatalf("the fixture's plan has no entry for %s", id)
		}
		end := len(src)
		if i := strings.Index(src[start+1:], "\n    - criterion: "); i >= 0 {
			end = start + 1 + i + 1
		}
		var y strings.Builder
		y.WriteString("      follow_ups:\n")
		for _, r := range recs[id] {
			y.WriteString("        - date: " + r.Date + "\n          status: " + r.Status + "\n")
			if r.Note != "" {
				y.WriteString("          note: " + quote(t, r.Note) + "\n")
			}
			if r.By != "" {
				y.WriteString("          by: " + quote(t, r.By) + "\n")
			}
		}
		src = src[:end] + y.String() + src[end:]
	}
	return src
}

// quote is s as a YAML double-quoted scalar (JSON's string is one).
func quote(t testing.TB, s string) string {
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Report is the report in lang of the fixture with recs; any diagnostic
// but the warning of an invisible character (which the hostile text has)
// fails t.
func Report(t testing.TB, lang string, recs map[string][]Record) *report.Report {
	t.Helper()
	insp, diags := schema.Load("followups.yaml", []byte(Source(t, recs)))
	for _, d := range diags {
		if d.Severity != schema.Warning || !strings.Contains(d.Message, "invisible character") {
			t.Fatalf("the fixture with follow-ups: %s", diags)
		}
	}
	if insp == nil {
		t.Fatal("the fixture with follow-ups does not load")
	}
	res, gd := grade.Inspection(insp, grade.DefaultPolicy())
	if len(gd) > 0 {
		t.Fatalf("the fixture with follow-ups: %s", gd)
	}
	return compose.Report(insp, res, report.Options{Lang: lang})
}

// words are the statuses as a reader of each language reads them.
var words = map[string]map[string]string{
	"sv": {"done": "genomförd", "partly": "delvis genomförd", "not_done": "ej genomförd", "postponed": "uppskjuten"},
	"en": {"done": "done", "partly": "partly done", "not_done": "not done", "postponed": "postponed"},
}

// Shown is what an action shows of its follow-ups.
type Shown struct {
	// Last is the latest follow-up: "2026-02-15: genomförd — the note
	// (Eva Lund)", the note's lines separated by "\n" as written.
	Last string
	// Earlier is the others without their notes, the latest first:
	// "2025-12-01: delvis genomförd (Eva Lund)".
	Earlier []string
}

// Expect is what each action with follow-ups shows in lang, by
// criterion. The text a person wrote is expected as report.Visible makes
// it, with its lines trimmed.
func Expect(lang string, recs map[string][]Record) map[string]Shown {
	out := map[string]Shown{}
	for id, rs := range recs {
		if len(rs) == 0 {
			continue
		}
		// Latest by date; of one day, the one written last. Dates are
		// YYYY-MM-DD, whose order is that of their text.
		order := make([]int, len(rs))
		for i := range order {
			order[i] = i
		}
		slices.SortFunc(order, func(a, b int) int {
			if c := strings.Compare(rs[b].Date, rs[a].Date); c != 0 {
				return c
			}
			return b - a
		})
		head := func(r Record) string { return r.Date + ": " + words[lang][r.Status] }
		by := func(r Record) string {
			if r.By == "" {
				return ""
			}
			return " (" + visible(r.By) + ")"
		}
		last := rs[order[0]]
		s := Shown{Last: head(last)}
		if last.Note != "" {
			var lines []string
			for _, l := range strings.Split(visible(last.Note), "\n") {
				lines = append(lines, strings.TrimSpace(l))
			}
			s.Last += " — " + strings.Join(lines, "\n")
		}
		s.Last += by(last)
		for _, i := range order[1:] {
			s.Earlier = append(s.Earlier, head(rs[i])+by(rs[i]))
		}
		out[id] = s
	}
	return out
}

// visible is what the notes here show: the right-to-left override as its
// marker.
func visible(s string) string { return strings.ReplaceAll(s, "\u202E", "[U+202E]") }

// Found is what a reader finds of an action's follow-ups in one format,
// as that format's test reads it back; its white space made single spaces.
type Found struct {
	Last, Earlier string
}

// Check asserts that got, the follow-ups read back from each action of a
// report (by criterion, every action of the plan there even without any),
// show want: the latest follow-up whole, the earlier ones without their
// notes, the latest first, and nothing for an action with none. Texts are
// compared with their white space made single spaces (Flat).
func Check(t testing.TB, want map[string]Shown, got map[string]Found) {
	t.Helper()
	CheckWith(t, want, got, Flat)
}

// CheckWith is Check with the texts compared as norm makes them: for a
// reading that does not keep white space as it was (pdftotext).
func CheckWith(t testing.TB, want map[string]Shown, got map[string]Found, norm func(string) string) {
	t.Helper()
	if len(got) != 14 {
		t.Errorf("%d actions read, want the fixture's 14", len(got))
	}
	for id := range want {
		if _, ok := got[id]; !ok {
			t.Errorf("%s: the action is not there", id)
		}
	}
	for id, g := range got {
		w, ok := want[id]
		if !ok {
			if g != (Found{}) {
				t.Errorf("%s has no follow-ups but shows %q", id, g)
			}
			continue
		}
		if f := norm(w.Last); norm(g.Last) != f {
			t.Errorf("%s: latest follow-up\n got  %q\n want %q", id, g.Last, f)
		}
		if f := norm(strings.Join(w.Earlier, " ")); norm(g.Earlier) != f {
			t.Errorf("%s: earlier follow-ups\n got  %q\n want %q", id, g.Earlier, f)
		}
	}
}

// Flat is s with its white space made single spaces.
func Flat(s string) string { return strings.Join(strings.Fields(s), " ") }
