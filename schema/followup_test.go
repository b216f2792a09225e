package schema

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
)

// withFollowUps is withPlan (C1 not met, the visit 2025-02-11, the plan in
// 2025-05-20) with the follow-ups given, one a line from line 26, each as
// "        - " + item.
func withFollowUps(items ...string) string {
	src := withPlan + "      follow_ups:\n"
	for _, it := range items {
		src += "        - " + it + "\n"
	}
	return src
}

// TestFollowUpDiagnostics holds one case per rule of the follow-ups (issue
// 14, item 1): the whole printed diagnostic, and nothing else.
func TestFollowUpDiagnostics(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{name: "valid", src: withFollowUps(
			"{date: 2025-11-20, status: partly, note: Mikroskopet är beställt., by: Region Exempel}",
			"{date: 2026-02-15, status: done}")},
		{name: "every status", src: withFollowUps(
			"{date: 2025-06-01, status: not_done}", "{date: 2025-07-01, status: postponed}",
			"{date: 2025-08-01, status: partly}", "{date: 2025-09-01, status: done}")},
		{name: "block style", src: withPlan + "      follow_ups:\n        - date: 2025-11-20\n          status: done\n          note: |\n            Mikroskopet är på plats.\n            Fakturan bifogad.\n          by: Eva Lund\n"},
		{name: "an empty list", src: withPlan + "      follow_ups: []\n"},
		{name: "nothing under the key", src: withPlan + "      follow_ups:\n"},

		// Dates.
		{name: "on the day of the plan", src: withFollowUps("{date: 2025-05-20, status: done}")},
		{name: "before the visit", src: withFollowUps("{date: 2025-01-15, status: done}"),
			want: []string{"x.yaml:26:18: warning: the follow-up of C1 is dated 2025-01-15, before the visit (2025-02-11): it cannot follow up a plan made after the visit; check the date"}},
		{name: "before the plan came in", src: withFollowUps("{date: 2025-03-01, status: done}"),
			want: []string{"x.yaml:26:18: warning: the follow-up of C1 is dated 2025-03-01, before the action plan came in (2025-05-20, action_plan.date); check the date"}},
		{name: "after the visit, no plan date", src: strings.Replace(withFollowUps("{date: 2025-03-01, status: done}"), "  date: 2025-05-20\n", "", 1)},
		{name: "before the visit, no plan date", src: strings.Replace(withFollowUps("{date: 2025-02-10, status: done}"), "  date: 2025-05-20\n", "", 1),
			want: []string{"x.yaml:25:18: warning: the follow-up of C1 is dated 2025-02-10, before the visit (2025-02-11): it cannot follow up a plan made after the visit; check the date"}},
		{name: "no date", src: withFollowUps("{status: done}"),
			want: []string{`x.yaml:26:11: missing required key "date" in "action_plan.entries[0].follow_ups[0]"`}},
		{name: "an empty date", src: withFollowUps("{date: , status: done}"),
			want: []string{"x.yaml:26:18: the follow-up of C1 has no date; write the day it was made, YYYY-MM-DD"}},
		{name: "not a date", src: withFollowUps("{date: 2025-11-31, status: done}"),
			want: []string{`x.yaml:26:18: "2025-11-31" is not a date; write it as YYYY-MM-DD, e.g. 2025-02-11`}},
		{name: "a date in words", src: withFollowUps("{date: 20 november 2025, status: done}"),
			want: []string{`x.yaml:26:18: "20 november 2025" is not a date; write it as YYYY-MM-DD, e.g. 2025-02-11`}},
		{name: "one day, two statuses", src: withFollowUps("{date: 2025-11-20, status: partly}", "{date: 2026-01-10, status: done}", "{date: 2025-11-20, status: not_done}"),
			want: []string{"x.yaml:28:18: warning: the follow-ups of C1 at lines 26 and 28 are both dated 2025-11-20 but say partly and not_done; the one written last (not_done) is taken as the action's state; correct one of the dates, or remove one"}},
		{name: "one day, one status", src: withFollowUps("{date: 2025-11-20, status: partly, note: Beställt}", "{date: 2025-11-20, status: partly, note: Levereras i december}")},

		// Statuses.
		{name: "no status", src: withFollowUps("{date: 2025-11-20}"),
			want: []string{`x.yaml:26:11: missing required key "status" in "action_plan.entries[0].follow_ups[0]"`}},
		{name: "an empty status", src: withFollowUps("{date: 2025-11-20, status: }"),
			want: []string{"x.yaml:26:38: status is empty; write one of done, partly, not_done, postponed"}},
		{name: "a status in Swedish", src: withFollowUps("{date: 2025-11-20, status: Delvis genomförd}"),
			want: []string{`x.yaml:26:38: status "Delvis genomförd": write partly (the key words are English)`}},
		{name: "a status misspelt", src: withFollowUps("{date: 2025-11-20, status: dnoe}"),
			want: []string{`x.yaml:26:38: status "dnoe" is not one of done, partly, not_done, postponed; did you mean done?`}},
		{name: "a Swedish status misspelt", src: withFollowUps("{date: 2025-11-20, status: uppskjuen}"),
			want: []string{`x.yaml:26:38: status "uppskjuen" is not one of done, partly, not_done, postponed; did you mean postponed?`}},
		{name: "an unknown status", src: withFollowUps("{date: 2025-11-20, status: kanske}"),
			want: []string{`x.yaml:26:38: status "kanske" is not one of done, partly, not_done, postponed`}},
		{name: "a list for a status", src: withFollowUps("{date: 2025-11-20, status: [done]}"),
			want: []string{`x.yaml:26:38: expected text, found a list`}},
		// The status word is read as meant: the two below disagree.
		{name: "Swedish statuses on one day", src: withFollowUps("{date: 2025-11-20, status: genomförd}", "{date: 2025-11-20, status: pågår}"),
			want: []string{
				`x.yaml:26:38: status "genomförd": write done (the key words are English)`,
				`x.yaml:27:38: status "pågår": write partly (the key words are English)`,
				"x.yaml:27:18: warning: the follow-ups of C1 at lines 26 and 27 are both dated 2025-11-20 but say done and partly; the one written last (partly) is taken as the action's state; correct one of the dates, or remove one",
			}},

		// What the entry's criterion allows is the entry's rule, said once.
		{name: "on an entry for a met criterion", src: strings.Replace(withFollowUps("{date: 2025-11-20, status: done}"), "not_met: [C1]", "not_met: [C2]", 1),
			want: []string{"x.yaml:19:18: action-plan entry for C1, which is met; remove the entry, or list C1 under not_met in area C"}},
		{name: "on an entry for a criterion not assessed", src: strings.Replace(withFollowUps("{date: 2025-11-20, status: done}"), "  C: {met: all, not_met: [C1]}", "  C: {met: [C2, C3, C4]}", 1),
			want: []string{
				"x.yaml:10:3: warning: area C: criterion C1 is not assessed; list it under met, not_met or not_applicable, or write met: all (an unassessed criterion never counts as met)",
				"x.yaml:19:18: warning: action-plan entry for C1, which is not assessed; list C1 under not_met in area C",
			}},
		{name: "on an entry for an unknown criterion", src: strings.Replace(withFollowUps("{date: 2025-01-01, status: done}"), "- criterion: C1", "- criterion: C9", 1),
			want: []string{
				`x.yaml:19:18: unknown criterion "C9"; did you mean one of C1–C4?`,
				"x.yaml:26:18: warning: the follow-up of C9 is dated 2025-01-01, before the visit (2025-02-11): it cannot follow up a plan made after the visit; check the date",
			}},

		// The shape.
		{name: "one follow-up, not a list", src: withPlan + "      follow_ups: {date: 2025-11-20, status: done}\n",
			want: []string{`x.yaml:25:19: expected a list (items starting with "- ", or [a, b]), found a mapping (key: value)`}},
		{name: "the follow-ups under follow_up", src: strings.Replace(withPlan, "follow_up: om sex månader", "follow_up:\n        - {date: 2025-11-20, status: done}", 1),
			want: []string{"x.yaml:24:9: follow_up is when the action is to be followed up, as written; write the follow-ups made under follow_ups (- {date: YYYY-MM-DD, status: done})"}},
		{name: "an invisible character in a note", src: withFollowUps("{date: 2025-11-20, status: done, note: \"Klart\u200b\"}"),
			want: []string{"x.yaml:26:50: warning: invisible character U+200B (ZERO WIDTH SPACE) in the text; it can disguise what the text says; it is removed from the documents"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, diags := load(t, tc.src)
			checkLines(t, diags, tc.want, true)
		})
	}
}

// TestFollowUpHints holds the words people write for the follow-ups' keys:
// each gives one message that names the key meant, and the value is read
// as that key's.
func TestFollowUpHints(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
		// latest is the status the entry's latest follow-up is read as.
		latest FollowUpStatus
	}{
		{name: "the Swedish keys", src: withPlan + "      uppföljningar:\n        - datum: 2025-11-20\n          status: partly\n          kommentar: Beställt\n          uppföljd av: Eva Lund\n",
			want: []string{
				`x.yaml:25:7: unknown key "uppföljningar": write follow_ups (the key words are English)`,
				`x.yaml:26:11: unknown key "datum": write date (the key words are English)`,
				`x.yaml:28:11: unknown key "kommentar": write note (the key words are English)`,
				`x.yaml:29:11: unknown key "uppföljd av": write by (the key words are English)`,
			}, latest: Partly},
		{name: "uppföljning with a list is the follow-ups", src: strings.Replace(withPlan, "follow_up: om sex månader", "uppföljning:\n        - {date: 2025-11-20, status: done}", 1),
			want: []string{`x.yaml:23:7: unknown key "uppföljning": write follow_ups (the key words are English)`}, latest: Done},
		{name: "uppföljning with a text is the date planned", src: strings.Replace(withPlan, "follow_up:", "uppföljning:", 1),
			want: []string{`x.yaml:23:7: unknown key "uppföljning": write follow_up (the key words are English)`}},
		{name: "followups", src: withPlan + "      followups:\n        - {date: 2025-11-20, status: not_done}\n",
			want: []string{`x.yaml:25:7: unknown key "followups"; did you mean follow_ups?`}, latest: NotDone},
		{name: "English words near the keys", src: withPlan + "      follow_ups:\n        - {when: 2025-11-20, state: postponed, comment: Till hösten, who: Eva Lund}\n",
			want: []string{
				`x.yaml:26:12: unknown key "when"; did you mean date?`,
				`x.yaml:26:30: unknown key "state"; did you mean status?`,
				`x.yaml:26:48: unknown key "comment"; did you mean note?`,
				`x.yaml:26:70: unknown key "who"; did you mean by?`,
			}, latest: Postponed},
		{name: "a status on the entry", src: withPlan + "      status: done\n",
			want: []string{`x.yaml:25:7: unknown key "status": write status in each follow-up under follow_ups`}},
		{name: "a status on the entry in Swedish", src: withPlan + "      läge: genomförd\n",
			want: []string{`x.yaml:25:7: unknown key "läge": write status in each follow-up under follow_ups (the key words are English)`}},
		// A date on an entry may as well be its due date: no guess.
		{name: "a date on the entry", src: withPlan + "      datum: 2025-11-20\n",
			want: []string{`x.yaml:25:7: unknown key "datum"`}},
		{name: "a Swedish key beside the English one", src: withFollowUps("{date: 2025-11-20, datum: 2025-11-21, status: done}"),
			want: []string{`x.yaml:26:30: unknown key "datum": write date (the key words are English)`}, latest: Done},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			insp, diags := load(t, tc.src)
			checkLines(t, diags, tc.want, true)
			f, ok := insp.ActionPlan.Entries[0].Latest()
			if ok != (tc.latest != NoStatus) || f.Status != tc.latest {
				t.Errorf("latest follow-up %+v (%v), want status %q", f, ok, tc.latest)
			}
		})
	}
	// The date written under datum beside date is not read.
	insp, _ := load(t, tests[len(tests)-1].src)
	if f, _ := insp.ActionPlan.Entries[0].Latest(); f.Date.String() != "2025-11-20" {
		t.Errorf("date %s, want the one written under date", f.Date)
	}
}

// TestFollowUpStatusWords: each word a person may write for a status gives
// one message that names the status meant, and is read as it, in YAML
// (Load) and in a workbook's cell (ReadFollowUpStatus).
func TestFollowUpStatusWords(t *testing.T) {
	tests := []struct {
		word string
		want FollowUpStatus
		msg  string // after `status "word"`
	}{
		{"done", Done, ""},
		{"partly", Partly, ""},
		{"not_done", NotDone, ""},
		{"postponed", Postponed, ""},
		{"genomförd", Done, ": write done (the key words are English)"},
		{"Genomfört", Done, ": write done (the key words are English)"},
		{"klar", Done, ": write done (the key words are English)"},
		{"åtgärdat", Done, ": write done (the key words are English)"},
		{"delvis", Partly, ": write partly (the key words are English)"},
		{"delvis genomförd", Partly, ": write partly (the key words are English)"},
		{"pågår", Partly, ": write partly (the key words are English)"},
		{"påbörjad", Partly, ": write partly (the key words are English)"},
		{"ej genomförd", NotDone, ": write not_done (the key words are English)"},
		{"inte genomförd", NotDone, ": write not_done (the key words are English)"},
		{"Ej klart", NotDone, ": write not_done (the key words are English)"},
		{"uppskjuten", Postponed, ": write postponed (the key words are English)"},
		{"senarelagd", Postponed, ": write postponed (the key words are English)"},
		{"framflyttad", Postponed, ": write postponed (the key words are English)"},
		{"Done", Done, ": write done"},
		{"not done", NotDone, ": write not_done"},
		{"NOT-DONE", NotDone, ": write not_done"},
		{"completed", Done, ": write done"},
		{"in progress", Partly, ": write partly"},
		{"deferred", Postponed, ": write postponed"},
	}
	for _, tc := range tests {
		t.Run(tc.word, func(t *testing.T) {
			insp, diags := load(t, withFollowUps(`{date: 2025-11-20, status: "`+tc.word+`"}`))
			var want []string
			if tc.msg != "" {
				want = []string{`x.yaml:26:38: status "` + tc.word + `"` + tc.msg}
			}
			checkLines(t, diags, want, true)
			if got := insp.ActionPlan.Entries[0].FollowUps[0].Status; got != tc.want {
				t.Errorf("read as %q, want %q", got, tc.want)
			}
			if got, ok := ReadFollowUpStatus(tc.word); !ok || got != tc.want {
				t.Errorf("ReadFollowUpStatus(%q) = %q, %v; want %q", tc.word, got, ok, tc.want)
			}
		})
	}
	for _, w := range []string{"", "  ", "kanske", "ja"} {
		if got, ok := ReadFollowUpStatus(w); ok || got != NoStatus {
			t.Errorf("ReadFollowUpStatus(%q) = %q, %v; want no status", w, got, ok)
		}
	}
}

func TestFollowUpStatusSwedish(t *testing.T) {
	want := map[FollowUpStatus]string{Done: "genomförd", Partly: "delvis genomförd", NotDone: "ej genomförd", Postponed: "uppskjuten", NoStatus: "", "klar": ""}
	for s, sv := range want {
		if got := s.Swedish(); got != sv {
			t.Errorf("%q.Swedish() = %q, want %q", s, got, sv)
		}
		if s.Valid() != (sv != "") {
			t.Errorf("%q.Valid() = %v", s, s.Valid())
		}
		// The workbook's drop-down writes the Swedish word.
		if got, ok := ReadFollowUpStatus(sv); sv != "" && (!ok || got != s) {
			t.Errorf("ReadFollowUpStatus(%q) = %q, %v; want %q", sv, got, ok, s)
		}
	}
}

func TestLatest(t *testing.T) {
	fu := func(date string, s FollowUpStatus, note string) FollowUp {
		d, ok := ParseISODate(date)
		if !ok {
			t.Fatalf("bad date %q", date)
		}
		return FollowUp{Date: d, Status: s, Note: note}
	}
	tests := []struct {
		name string
		fus  []FollowUp
		want string // the note of the latest; "" for none
	}{
		{"none", nil, ""},
		{"one", []FollowUp{fu("2025-11-20", Partly, "a")}, "a"},
		{"in order", []FollowUp{fu("2025-11-20", Partly, "a"), fu("2026-02-01", Done, "b")}, "b"},
		{"latest first", []FollowUp{fu("2026-02-01", Done, "b"), fu("2025-11-20", Partly, "a")}, "b"},
		{"latest in the middle", []FollowUp{fu("2025-09-01", NotDone, "a"), fu("2026-02-01", Done, "b"), fu("2025-11-20", Partly, "c")}, "b"},
		{"equal dates: the last written", []FollowUp{fu("2025-11-20", Partly, "a"), fu("2025-11-20", Done, "b"), fu("2025-10-01", NotDone, "c")}, "b"},
		{"equal dates after a later one", []FollowUp{fu("2026-01-01", Postponed, "a"), fu("2025-11-20", Done, "b"), fu("2026-01-01", Partly, "c")}, "c"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, ok := PlanEntry{FollowUps: tc.fus}.Latest()
			if ok != (tc.want != "") || f.Note != tc.want {
				t.Errorf("Latest() = %+v, %v; want the one with note %q", f, ok, tc.want)
			}
		})
	}
}

// TestFollowUpsInAFixture adds follow-ups, as a region writes them, to the
// fixture's action plan: it loads without a diagnostic, and Latest gives
// each action's state.
func TestFollowUpsInAFixture(t *testing.T) {
	data, err := os.ReadFile("../fixtures/almaklinikens-vardcentral-2025.yaml")
	if err != nil {
		t.Fatal(err)
	}
	src := string(data)
	// after puts text at the end of the entry for id, before the next.
	after := func(id, next, text string) {
		t.Helper()
		at := "    - criterion: " + next + "\n"
		if !strings.Contains(src, "    - criterion: "+id+"\n") || strings.Count(src, at) != 1 {
			t.Fatalf("the fixture has no entry %s followed by %s", id, next)
		}
		src = strings.Replace(src, at, text+at, 1)
	}
	after("C1", "D7", `      follow_ups:
        - date: 2025-11-20
          status: partly
          note: Mikroskopet är beställt, leverans i januari.
          by: Region Exempel, enheten för uppföljning
        - date: 2026-02-15
          status: done
          note: Mikroskopet är på plats.
          by: Region Exempel, enheten för uppföljning
`)
	// Written out of order: the latest by date is the first.
	after("D7", "E4", `      follow_ups:
        - {date: 2026-01-10, status: done, by: Eva Lund}
        - {date: 2025-11-25, status: not_done, note: "Planerna saknas för två av tre ST-läkare.", by: Eva Lund}
`)
	// Two notes on one day with one status: the last written counts.
	after("E4", "E5", `      follow_ups:
        - {date: 2025-11-20, status: partly, note: Lars Wikström har gått utbildningen.}
        - {date: 2025-11-20, status: partly, note: Oskar Lindberg är anmäld till hösten.}
`)
	after("E5", "E6", `      follow_ups:
        - date: 2025-11-20
          status: postponed
          note: |
            Flyttas till våren 2026:
            budgeten räcker inte i år.
`)
	insp, diags := Load("fixture.yaml", []byte(src))
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%s", diags)
	}
	want := map[string]struct {
		date   string
		status FollowUpStatus
		note   string
	}{
		"C1": {"2026-02-15", Done, "Mikroskopet är på plats."},
		"D7": {"2026-01-10", Done, ""},
		"E4": {"2025-11-20", Partly, "Oskar Lindberg är anmäld till hösten."},
		"E5": {"2025-11-20", Postponed, "Flyttas till våren 2026:\nbudgeten räcker inte i år.\n"},
	}
	for _, e := range insp.ActionPlan.Entries {
		f, ok := e.Latest()
		w, has := want[e.Criterion]
		if ok != has {
			t.Errorf("%s: latest follow-up %+v (%v), want one: %v", e.Criterion, f, ok, has)
			continue
		}
		if has && (f.Date.String() != w.date || f.Status != w.status || f.Note != w.note) {
			t.Errorf("%s: latest follow-up %s %s %q, want %s %s %q", e.Criterion, f.Date, f.Status, f.Note, w.date, w.status, w.note)
		}
	}
	if c1 := insp.ActionPlan.Entries[0]; len(c1.FollowUps) != 2 || c1.FollowUps[0].By != "Region Exempel, enheten för uppföljning" {
		t.Errorf("C1's follow-ups %+v", c1.FollowUps)
	}
}

// TestJSONSchemaFollowUps checks what an editor offers for a follow-up:
// its keys with the required ones, and each status with its Swedish word;
// and that a catalogue's branch, which narrows the entry's criterion,
// leaves the follow-ups to the model.
func TestJSONSchemaFollowUps(t *testing.T) {
	var s map[string]any
	if err := json.Unmarshal(JSONSchema(), &s); err != nil {
		t.Fatal(err)
	}
	get := func(v any, path ...string) any {
		for _, k := range path {
			m, _ := v.(map[string]any)
			v = m[k]
		}
		return v
	}
	strs := func(v any) []string {
		var out []string
		l, _ := v.([]any)
		for _, x := range l {
			s, _ := x.(string)
			out = append(out, s)
		}
		return out
	}
	entry := get(s, "properties", "action_plan", "properties", "entries", "items")
	fus := get(entry, "properties", "follow_ups")
	if get(fus, "type") != "array" || !strings.Contains(get(fus, "description").(string), "uppföljningar") {
		t.Errorf("follow_ups: %v", fus)
	}
	item := get(fus, "items")
	if get(item, "additionalProperties") != false {
		t.Error("a follow-up accepts unknown keys")
	}
	var keys []string
	for k := range get(item, "properties").(map[string]any) {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if !slices.Equal(keys, []string{"by", "date", "note", "status"}) {
		t.Errorf("a follow-up's keys %v", keys)
	}
	if req := strs(get(item, "required")); !slices.Equal(req, []string{"date", "status"}) {
		t.Errorf("a follow-up requires %v, want date and status", req)
	}
	if p := get(item, "properties", "date", "pattern"); p != `^[0-9]{4}-[0-9]{2}-[0-9]{2}$` {
		t.Errorf("date pattern %v", p)
	}
	status := get(item, "properties", "status")
	if got := strs(get(status, "enum")); !slices.Equal(got, []string{"done", "partly", "not_done", "postponed"}) {
		t.Errorf("statuses %v", got)
	}
	docs := strs(get(status, "enumDescriptions"))
	for i, sv := range []string{"genomförd", "delvis genomförd", "ej genomförd", "uppskjuten"} {
		if i >= len(docs) || !strings.HasPrefix(docs[i], sv+": ") {
			t.Errorf("status %d is described as %q, want it to start with %q", i, docs, sv)
		}
	}
	for _, b := range s["allOf"].([]any) {
		items := get(b, "then", "properties", "action_plan", "properties", "entries", "items")
		if get(items, "additionalProperties") != nil || get(items, "properties", "follow_ups") != nil {
			t.Errorf("the branch for catalogue %v narrows an entry beyond its criterion: %v", get(b, "if", "properties", "catalog", "const"), items)
		}
	}
}

// TestSwedishSlipInAnyEnum: a Swedish word with a slip is taken for the
// value it is near, in each closed set of words, not only the statuses of
// follow-ups.
func TestSwedishSlipInAnyEnum(t *testing.T) {
	src := withArea("C", "  C: {met: all, not_met: [C1], plan_decision: godtagn}\n") + "action_plan:\n  entries:\n    - {criterion: C1, action: Köp ett mikroskop}\n"
	_, diags := load(t, strings.Replace(src, "preliminary", "slutlgi", 1))
	checkLines(t, diags, []string{
		`x.yaml:2:9: status "slutlgi" is not one of preliminary, final; did you mean final?`,
		`x.yaml:10:47: plan_decision "godtagn" is not one of accepted, not_accepted; did you mean accepted?`,
	}, true)
}
