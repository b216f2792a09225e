package plan

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"gopkg.in/yaml.v3"

	"spur/input"
	"spur/schema"
	"spur/workbook"
)

// Attacks on the follow-up import and the plan import: what a region or a
// unit may type, and how an inspection file may be laid out. Each must come
// into the file exactly, with every other line as it was.

// setRow types a follow-up into the row of id as the region would.
func setRow(id string, row [4]string) func(f *excelize.File, rowOf func(string) string) {
	return func(f *excelize.File, rowOf func(string) string) {
		r := rowOf(id)
		for i, v := range row {
			f.SetCellStr(workbook.SheetActions, string(rune('H'+i))+r, v)
		}
	}
}

// Every kind of text in the note and who cells is written into the file as
// it was typed, character for character; the file gains the follow-up's
// lines and nothing else changes.
func TestFollowUpTextKeptExactly(t *testing.T) {
	src, _ := load(t)
	before := followUpsOf(t, "insp.yaml", src)
	for name, text := range map[string]string{
		"lines":             "rad ett\nrad två\n\nrad fyra",
		"trailing spaces":   "slutar med mellanslag   ",
		"trailing on lines": "a  \nb  \n",
		"final break":       "slutar med radbrytning\n",
		"final breaks":      "två radbrytningar\n\n\n",
		"leading spaces":    "   inleds med mellanslag",
		"leading, lines":    "  inleds\nmed mellanslag",
		"leading break":     "\ninleds med radbrytning",
		"leading blank":     "  \nx",
		"tabs":              "\tflik\tmitt",
		"tabs, lines":       "\tflik\nrad två\t",
		"dashes":            "---",
		"dashes, lines":     "ett\n---\ntvå\n...",
		"a list":            "- x: y",
		"a list, lines":     "- x: y\n- z: w",
		"hash":              "# inte en kommentar",
		"hash, lines":       "text # inte\n# kommentar\n  # indragen",
		"quotes":            `"citat" och 'apostrof'`,
		"emoji":             "👍🏽 klart 🇸🇪",
		"a date":            "2025-11-20",
		"null":              "null",
		"yes":               "yes",
		"tilde":             "~",
		"merge key":         "<<",
		"flow":              "{a: b} [c, d]",
		"indicators":        "&a *b !c %d @e `f` |g >h",
		"escapes":           `C:\temp\n \u00e5 \U0001F44D`,
		"block header":      "|\n  x",
		"line separators":   "rad\u2028ny\u2029och\u0085sist",
		"bom inside":        "\ufeffbom",
		"no-break spaces":   "\u00a0hårt\u00a0",
		"zero width":        "\u200bnoll\u200d",
		"private use":       "a\ue000b\nc👍",
		"very long":         strings.Repeat("lång text utan radbrytning ", 1200),
		"very long lines":   strings.Repeat("lång rad ", 300) + "\n" + strings.Repeat("x", 5000),
		"spur's own token":  "spurblockx000000x\nx",
	} {
		t.Run(name, func(t *testing.T) {
			book := followUpBook(t, src, nil, setRow("C1", [4]string{"genomförd", text, "2025-11-20", text}))
			res, diags, err := ImportFollowUps("insp.yaml", src, "uppfoljning.xlsx", book, importDay)
			if err != nil || len(diags) > 0 {
				t.Fatalf("%v\n%s", err, diags)
			}
			want := map[string][]schema.FollowUp{"C1": {{Date: day(2025, 11, 20), Status: schema.Done, Note: text, By: text}}}
			for id, fs := range before {
				want[id] = fs
			}
			if got := followUpsOf(t, "insp.yaml", res.File); !reflect.DeepEqual(got, want) {
				t.Errorf("C1's follow-ups: got %s", clipped(fmt.Sprintf("%q", got["C1"])))
			}
			inserted(t, src, res.File)
		})
	}
}

// What a cell cannot say is not made up: a lone carriage return is a line
// break as every program types it, and a note of spaces or breaks alone
// says nothing (and would make a second import of the row look new).
func TestFollowUpTextNormalised(t *testing.T) {
	src, _ := load(t)
	for typed, want := range map[string]string{"a\rb": "a\nb", "a\r\nb": "a\nb", " ": "", "\n": "", " \n\t": ""} {
		book := followUpBook(t, src, nil, setRow("C1", [4]string{"genomförd", typed, "2025-11-20", ""}))
		res, diags, err := ImportFollowUps("insp.yaml", src, "uppfoljning.xlsx", book, importDay)
		if err != nil {
			t.Fatalf("%q: %v\n%s", typed, err, diags)
		}
		if got := followUpsOf(t, "insp.yaml", res.File)["C1"]; len(got) != 1 || got[0].Note != want {
			t.Errorf("%q: got %+v, want the note %q", typed, got, want)
		}
	}
}

// commentsOf lists the comments of a YAML text, in order.
func commentsOf(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if c := strings.TrimLeft(l, " "); strings.HasPrefix(c, "#") {
			out = append(out, strings.TrimSpace(c))
		} else if i := strings.Index(l, " #"); i >= 0 {
			out = append(out, strings.TrimSpace(l[i:]))
		}
	}
	return out
}

// sameComments checks that got has the comments want has, in order, and
// names those lost.
func sameComments(t *testing.T, got, want []string) {
	t.Helper()
	if reflect.DeepEqual(got, want) {
		return
	}
	have := map[string]bool{}
	for _, c := range got {
		have[c] = true
	}
	for _, c := range want {
		if !have[c] {
			t.Errorf("comment lost: %q", c)
		}
	}
	t.Errorf("the comments are not kept as they were (%d of %d)", len(got), len(want))
}

// A plan written anew keeps the comments the region wrote in and beside
// an entry's follow-ups: when the unit sends its plan again (the entry
// keeps its follow-ups), and when a follow-up import cannot add its lines
// where they stand (another entry's list is in flow style). Before, both
// dropped them, the import saying only that every value was kept.
func TestSplicedPlanKeepsFollowUpComments(t *testing.T) {
	data, _ := load(t)
	src := strings.Replace(string(data), "      follow_up_by: Verksamhetschefen\n    - criterion: D7\n",
		"      follow_up_by: Verksamhetschefen\n      follow_ups:\n        # första rundan, per telefon\n        - date: 2025-09-01   # ungefär\n"+
			"          status: partly\n          note: Beställt.  # enligt Eva\n          by: Eva Lund\n        # andra rundan väntar\n    - criterion: D7\n", 1)
	want := commentsOf(src)
	in := input.Bytes("insp.yaml", []byte(src), policy)
	if !in.OK() {
		t.Fatal(in.Diags)
	}
	check := func(t *testing.T, file []byte) {
		t.Helper()
		sameComments(t, commentsOf(string(file)), want)
		if fs := followUpsOf(t, "insp.yaml", file)["C1"]; len(fs) == 0 || fs[0] != (schema.FollowUp{Date: day(2025, 9, 1), Status: schema.Partly, Note: "Beställt.", By: "Eva Lund"}) {
			t.Errorf("C1's follow-ups: %+v", fs)
		}
	}

	t.Run("the plan sent again", func(t *testing.T) {
		plan := *in.ActionPlan
		plan.Entries = nil
		for _, e := range in.ActionPlan.Entries {
			e.FollowUps = nil
			plan.Entries = append(plan.Entries, e)
		}
		plan.Entries[1].Action = "Ny text\n"
		filled := fillWorkbook(t, template(t, in.Inspection, Workbook), &plan)
		res, diags, err := Import("insp.yaml", []byte(src), "plan.xlsx", filled, importDay)
		if err != nil {
			t.Fatalf("%v\n%s", err, diags)
		}
		check(t, res.File)
	})
	t.Run("a follow-up import that writes the plan anew", func(t *testing.T) {
		flow := strings.Replace(src, "follow_up_by: Verksamhetschefen\n    - criterion: E5", "follow_up_by: Verksamhetschefen\n      follow_ups: []\n    - criterion: E5", 1)
		book := followUpBook(t, []byte(flow), map[string][4]string{"E4": {"genomförd", "", "2025-12-01", ""}}, nil)
		res, diags, err := ImportFollowUps("insp.yaml", []byte(flow), "uppfoljning.xlsx", book, importDay)
		if err != nil {
			t.Fatalf("%v\n%s", err, diags)
		}
		checkDiags(t, diags, []wantDiag{{"insp.yaml", schema.Warning, "action_plan is written anew"}})
		check(t, res.File)
	})
}

// However the inspection is laid out around an entry's follow-ups, the
// new follow-up comes after those there, every value read back the same,
// and, where the layout lets it be added as lines of its own, every line
// of the file is kept as it was.
func TestFollowUpLayouts(t *testing.T) {
	data, _ := load(t)
	c1 := "      follow_up_by: Verksamhetschefen\n    - criterion: D7\n"
	earlier := schema.FollowUp{Date: day(2025, 9, 1), Status: schema.Partly, Note: "Beställt.", By: "Eva Lund"}
	next := schema.FollowUp{Date: day(2025, 12, 1), Status: schema.Done}
	old := "        - date: 2025-09-01\n          status: partly\n          note: Beställt.\n          by: Eva Lund\n"
	at := func(list string) func(string) string {
		return func(s string) string {
			return strings.Replace(s, c1, "      follow_up_by: Verksamhetschefen\n"+list+"    - criterion: D7\n", 1)
		}
	}
	for _, tc := range []struct {
		name    string
		edit    func(string) string
		first   *schema.FollowUp // the follow-up there before, if any
		written bool             // the plan is written anew, with a warning
	}{
		{name: "a comment after the last, at the dash", edit: at("      follow_ups:\n" + old + "        # efter sista\n"), first: &earlier},
		{name: "a comment after the last, deeper", edit: at("      follow_ups:\n" + old + "          # djupare\n"), first: &earlier},
		{name: "a comment after the last, at the key", edit: at("      follow_ups:\n" + old + "      # vid nyckeln\n"), first: &earlier},
		{name: "line comments", edit: at("      follow_ups:   # uppföljningar\n" + strings.Replace(old, "Eva Lund\n", "Eva Lund   # Eva\n", 1)), first: &earlier},
		{name: "a comment and nothing else", edit: at("      follow_ups: # inga än\n")},
		{name: "a comment under the key", edit: at("      follow_ups:\n        # inga än\n")},
		{name: "the list not indented", edit: at("      follow_ups:\n      - date: 2025-09-01\n        status: partly\n        note: Beställt.\n        by: Eva Lund\n"), first: &earlier},
		{name: "follow_ups before the other keys", first: &earlier, edit: func(s string) string {
			return strings.Replace(s, "    - criterion: C1\n", "    - follow_ups:\n"+old+"      criterion: C1\n", 1)
		}},
		{name: "a kept final break", edit: at("      follow_ups:\n        - date: 2025-09-01\n          status: partly\n          note: |+\n            Beställt.\n\n          by: Eva Lund\n"),
			first: &schema.FollowUp{Date: day(2025, 9, 1), Status: schema.Partly, Note: "Beställt.\n\n", By: "Eva Lund"}},
		{name: "a byte order mark", edit: func(s string) string { return "\ufeff" + at("      follow_ups:\n"+old)(s) }, first: &earlier},
		{name: "no final line break", edit: func(s string) string { return strings.TrimSuffix(at("      follow_ups:\n"+old)(s), "\n") }, first: &earlier},
		{name: "a document start", edit: func(s string) string { return "---\n" + at("      follow_ups:\n"+old)(s) }, first: &earlier},
		{name: "CRLF", edit: func(s string) string { return strings.ReplaceAll(at("      follow_ups:\n"+old)(s), "\n", "\r\n") }, first: &earlier},
		{name: "null", edit: at("      follow_ups: ~\n"), written: true},
		{name: "a flow entry", first: &earlier, written: true, edit: func(s string) string {
			i, j := strings.Index(s, "    - criterion: C1\n"), strings.Index(s, "    - criterion: D7\n")
			return s[:i] + "    - {criterion: C1, action: \"Inköp av öronmikroskop\\n\", due: \"20251231\", responsible: Verksamhetschefen, follow_up: om sex månader, " +
				"follow_up_by: Verksamhetschefen, follow_ups: [{date: 2025-09-01, status: partly, note: Beställt., by: Eva Lund}]} # flödesstil\n" + s[j:]
		}},
		{name: "a kept final break, last in the file", written: true, first: &schema.FollowUp{Date: day(2025, 9, 1), Status: schema.Partly, Note: "Beställt.\n\n\n", By: "Eva Lund"},
			edit: func(s string) string {
				return strings.TrimRight(s, "\n") + "\n      follow_ups:\n        - date: 2025-09-01\n          status: partly\n          by: Eva Lund\n          note: |+\n            Beställt.\n\n\n"
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := tc.edit(string(data))
			id := "C1"
			if strings.Contains(tc.name, "last in the file") {
				id = "H9"
			}
			book := followUpBook(t, []byte(s), map[string][4]string{id: {"genomförd", "", "2025-12-01", ""}}, nil)
			res, diags, err := ImportFollowUps("insp.yaml", []byte(s), "uppfoljning.xlsx", book, importDay)
			if err != nil {
				t.Fatalf("%v\n%s", err, diags)
			}
			want := []schema.FollowUp{next}
			if tc.first != nil {
				want = []schema.FollowUp{*tc.first, next}
			}
			if got := followUpsOf(t, "insp.yaml", res.File)[id]; !reflect.DeepEqual(got, want) {
				t.Errorf("%s's follow-ups: %+v", id, got)
			}
			if tc.written {
				checkDiags(t, diags, []wantDiag{{"insp.yaml", schema.Warning, "action_plan is written anew, with every value kept"}})
				return
			}
			if len(diags) > 0 {
				t.Errorf("diagnostics:\n%s", diags)
			}
			inserted(t, []byte(s), res.File)
		})
	}
}

// A cell changed after an import and the workbook imported again gives a
// second follow-up beside the first; the import says so, naming the one
// there, so that the person who follows up deletes the wrong one. Before,
// it was added without a word. The same row again, or in English, adds
// nothing.
func TestSecondImportOfAChangedRow(t *testing.T) {
	src, _ := load(t)
	first := [4]string{"genomförd", "Levererat.", "2025-11-20", "Eva Lund"}
	res, diags, err := ImportFollowUps("insp.yaml", src, "uppfoljning.xlsx", followUpBook(t, src, map[string][4]string{"C1": first}, nil), importDay)
	if err != nil {
		t.Fatalf("%v\n%s", err, diags)
	}
	for _, tc := range []struct {
		name  string
		row   [4]string
		added int
		want  string
	}{
		{"the note", [4]string{"genomförd", "Levererat och installerat.", "2025-11-20", "Eva Lund"}, 1,
			"uppfoljning.xlsx:Åtgärder!H2: warning: C1 has a follow-up dated 2025-11-20 already (genomförd) whose note or who is not this one's; both are kept, this one after it; if it corrects that one, delete that one from insp.yaml"},
		{"who", [4]string{"genomförd", "Levererat.", "2025-11-20", "Eva Lund (studierektor)"}, 1,
			"uppfoljning.xlsx:Åtgärder!H2: warning: C1 has a follow-up dated 2025-11-20 already (genomförd) whose note or who is not this one's"},
		{"the date", [4]string{"genomförd", "Levererat.", "2025-11-21", "Eva Lund"}, 1,
			"uppfoljning.xlsx:Åtgärder!J2: warning: C1 has the same follow-up (genomförd, the same note) dated 2025-11-20 already; this one, dated 2025-11-21, is added too; if its date corrects that one's, delete that one from insp.yaml"},
		{"the status", [4]string{"delvis genomförd", "Levererat.", "2025-11-20", "Eva Lund"}, 1,
			"uppfoljning.xlsx:Åtgärder!H2: warning: C1 has a follow-up dated 2025-11-20 already, which says genomförd; this one says delvis genomförd"},
		{"nothing", first, 0, ""},
		{"the status in English", [4]string{"Done", "Levererat.", "2025-11-20", "Eva Lund"}, 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			again, diags, err := ImportFollowUps("insp.yaml", res.File, "uppfoljning.xlsx", followUpBook(t, res.File, map[string][4]string{"C1": tc.row}, nil), importDay)
			if err != nil || again.Added != tc.added {
				t.Fatalf("%v: added %d, want %d\n%s", err, again.Added, tc.added, diags)
			}
			if tc.want == "" && len(diags) > 0 || tc.want != "" && (len(diags) != 1 || !strings.HasPrefix(diags[0].String(), tc.want)) {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", diags, tc.want)
			}
			if got := followUpsOf(t, "insp.yaml", again.File)["C1"]; len(got) != 1+tc.added {
				t.Errorf("C1's follow-ups: %+v", got)
			}
		})
	}
	// A bare status on another day is a new round, not a repeat.
	plain := followUpBook(t, res.File, map[string][4]string{"D7": {"ej genomförd", "", "2025-11-20", ""}}, nil)
	res2, _, err := ImportFollowUps("insp.yaml", res.File, "uppfoljning.xlsx", plain, importDay)
	if err != nil {
		t.Fatal(err)
	}
	plain = followUpBook(t, res2.File, map[string][4]string{"D7": {"ej genomförd", "", "2025-12-20", ""}}, nil)
	if _, diags, err := ImportFollowUps("insp.yaml", res2.File, "uppfoljning.xlsx", plain, importDay); err != nil || len(diags) > 0 {
		t.Errorf("a second round with the same status: %v\n%s", err, diags)
	}
}

// A follow-up dated after the day of the import (a mistyped year) would
// stand as the action's state over every follow-up made after it: it is
// imported with a warning at its date. Before, it went in without a word.
// With --date the day of the import is not known, and nothing is said.
func TestFollowUpDatedAfterTheImport(t *testing.T) {
	src, _ := load(t)
	book := followUpBook(t, src, map[string][4]string{"C1": {"genomförd", "", "2052-11-20", ""}}, nil)
	res, diags, err := ImportFollowUps("insp.yaml", src, "uppfoljning.xlsx", book, importDay)
	if err != nil || res.Added != 1 {
		t.Fatalf("%v\n%s", err, diags)
	}
	if want := "uppfoljning.xlsx:Åtgärder!J2: warning: the follow-up of C1 is dated 2052-11-20, after the day of the import (2026-01-10); a follow-up is dated the day it was made, and the latest stands as the action's state: check the date"; strings.TrimSpace(diags.String()) != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", diags, want)
	}
	given := importDay
	given.Today = false
	if _, diags, err := ImportFollowUps("insp.yaml", src, "uppfoljning.xlsx", book, given); err != nil || len(diags) > 0 {
		t.Errorf("with --date: %v\n%s", err, diags)
	}
}

// The date cell: a date cell, a date serial, a day as text with its year
// are read; anything that does not give one day is refused at the cell.
func TestFollowUpDateCells(t *testing.T) {
	src, _ := load(t)
	for _, tc := range []struct {
		name string
		set  func(f *excelize.File, ref string)
		want schema.Date // zero: refused
	}{
		{"a serial", func(f *excelize.File, ref string) { f.SetCellValue(workbook.SheetActions, ref, 45981) }, day(2025, 11, 20)},
		{"a number of eight digits", func(f *excelize.File, ref string) { f.SetCellValue(workbook.SheetActions, ref, 20251120) }, day(2025, 11, 20)},
		{"day.month.year", func(f *excelize.File, ref string) { f.SetCellStr(workbook.SheetActions, ref, "20.11.2025") }, day(2025, 11, 20)},
		{"a serial with a time", func(f *excelize.File, ref string) { f.SetCellValue(workbook.SheetActions, ref, 45981.5) }, schema.Date{}},
		{"a serial as text", func(f *excelize.File, ref string) { f.SetCellStr(workbook.SheetActions, ref, "45981") }, schema.Date{}},
		{"a year", func(f *excelize.File, ref string) { f.SetCellStr(workbook.SheetActions, ref, "2025") }, schema.Date{}},
		{"a month", func(f *excelize.File, ref string) { f.SetCellStr(workbook.SheetActions, ref, "nov 2025") }, schema.Date{}},
		{"a week", func(f *excelize.File, ref string) { f.SetCellStr(workbook.SheetActions, ref, "v 47 2025") }, schema.Date{}},
		{"no year", func(f *excelize.File, ref string) { f.SetCellStr(workbook.SheetActions, ref, "20 nov") }, schema.Date{}},
		{"relative", func(f *excelize.File, ref string) { f.SetCellStr(workbook.SheetActions, ref, "igår") }, schema.Date{}},
		{"no such day", func(f *excelize.File, ref string) { f.SetCellStr(workbook.SheetActions, ref, "2025-02-30") }, schema.Date{}},
		{"a time", func(f *excelize.File, ref string) { f.SetCellStr(workbook.SheetActions, ref, "2025-11-20T10:00") }, schema.Date{}},
		{"TRUE", func(f *excelize.File, ref string) { f.SetCellValue(workbook.SheetActions, ref, true) }, schema.Date{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			book := followUpBook(t, src, map[string][4]string{"C1": {"genomförd", "", "", ""}}, func(f *excelize.File, rowOf func(string) string) {
				tc.set(f, "J"+rowOf("C1"))
			})
			res, diags, err := ImportFollowUps("insp.yaml", src, "uppfoljning.xlsx", book, importDay)
			if tc.want.IsZero() {
				if !errors.Is(err, ErrFollowUpsNotImported) || !strings.Contains(diags.String(), "uppfoljning.xlsx:Åtgärder!J2: cannot read") {
					t.Errorf("not refused at J2: %v\n%s", err, diags)
				}
				return
			}
			if err != nil {
				t.Fatalf("%v\n%s", err, diags)
			}
			if got := followUpsOf(t, "insp.yaml", res.File)["C1"]; len(got) != 1 || got[0].Date != tc.want {
				t.Errorf("got %+v, want the date %s", got, tc.want)
			}
		})
	}
}

// stripProperties is a workbook as a program that drops custom document
// properties saves it.
func stripProperties(t *testing.T, data []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(r)
		r.Close()
		if f.Name == "docProps/custom.xml" {
			b = []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
				`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"></Properties>`)
		}
		w, _ := zw.Create(f.Name)
		w.Write(b)
	}
	zw.Close()
	return out.Bytes()
}

// A workbook that lost spur's properties is still known by its sheets and
// matched by the unit and visit on its instruction sheet: its own
// inspection's imports with a warning, another's is refused.
func TestFollowUpWorkbookWithoutProperties(t *testing.T) {
	src, _ := load(t)
	other := bytes.Replace(src, []byte("name: Almaklinikens vårdcentral"), []byte("name: Björkklinikens vårdcentral"), 1)
	own := stripProperties(t, followUpBook(t, src, map[string][4]string{"C1": {"genomförd", "", "2025-11-20", ""}}, nil))
	if !workbook.IsFollowUpWorkbook("uppfoljning.xlsx", own) {
		t.Fatal("not known as a follow-up workbook without its properties")
	}
	res, diags, err := ImportFollowUps("insp.yaml", src, "uppfoljning.xlsx", own, importDay)
	if err != nil || res.Added != 1 {
		t.Fatalf("%v\n%s", err, diags)
	}
	checkDiags(t, diags, []wantDiag{{"uppfoljning.xlsx:Instruktioner!B3", schema.Warning, "lost spur's document properties"}})
	theirs := stripProperties(t, followUpBook(t, other, map[string][4]string{"C1": {"genomförd", "", "2025-11-20", ""}}, nil))
	_, diags, err = ImportFollowUps("insp.yaml", src, "uppfoljning.xlsx", theirs, importDay)
	if !errors.Is(err, ErrFollowUpsNotImported) {
		t.Fatalf("another inspection's workbook without properties: %v", err)
	}
	checkDiags(t, diags, []wantDiag{{"uppfoljning.xlsx:Instruktioner!B3", schema.Error, `made for another inspection: unit "Björkklinikens vårdcentral", not "Almaklinikens vårdcentral"`}})
}

// clipped is a text short enough for a test's message.
func clipped(s string) string {
	if len(s) > 200 {
		return fmt.Sprintf("%q… (%d bytes)", s[:200], len(s))
	}
	return fmt.Sprintf("%q", s)
}

// fillQuoted fills a YAML plan template with plan as double-quoted
// strings, which can say any character (yaml.v3's own block writer, as
// fillYAML uses it, writes a text that begins with a tab so that it does
// not read back).
func fillQuoted(t *testing.T, skel []byte, plan *schema.ActionPlan) []byte {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(skel, &doc); err != nil {
		t.Fatal(err)
	}
	pn := field(mapping(&doc), "action_plan")
	field(pn, "date").Value = plan.Date.String()
	for _, en := range field(pn, "entries").Content {
		for _, e := range plan.Entries {
			if scalar(en, "criterion") == e.Criterion {
				for i, v := range []string{e.Action, e.Due.Text, e.Responsible, e.FollowUp.Text, e.FollowUpBy} {
					n := field(en, workbook.PlanFields[i].Key)
					n.Value, n.Style = v, yaml.DoubleQuotedStyle
				}
			}
		}
	}
	out, err := encodeNode(&doc)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// The texts a literal block cannot hold as they are, or that yaml.v3
// misreads in one, come into the inspection exactly, from a YAML plan and
// from a workbook (which cannot hold NUL and the C1 controls).
func TestPlanTextsKeptExactly(t *testing.T) {
	src, in, want := withoutPlan(t, false)
	for name, text := range map[string]string{
		"leading spaces":     "   inleds med mellanslag\nrad två",
		"leading tab":        "\tflik först\nrad två",
		"leading break":      "\n  rad två indragen",
		"leading blank line": "  \nx",
		"final breaks":       "text\n\n\n",
		"breaks alone":       "\n\n",
		"whitespace alone":   "   \n  \n",
		"a tab":              "\t",
		"a tab and a break":  "\t\n",
		"tabs inside":        "a\tb\n\tc\n",
		"trailing spaces":    "a\nb   ",
		"U+2028":             "rad\u2028ny\nrad tre",
		"U+2029":             "rad\u2029ny\nrad tre",
		"U+0085":             "rad\u0085ny\nrad tre",
		"BOM first":          "\ufeffbom\nrad två",
		"BOM inside":         "rad\ufeff\nrad två",
		"U+FFFE":             "a\ufffeb\nc",
		"NUL":                "rad\x00ny\nrad tre",
		"DEL":                "a\x7fb\nc",
		"C1 control":         "a\u0080b\nc",
		"a carriage return":  "a\rb\nc",
		"document markers":   "---\n...\n---",
		"escapes":            "\\n\\U0001F44D\n\"",
		"emoji":              "👍\n🇸🇪  \n",
		"very long lines":    strings.Repeat("x", 20000) + "\n" + strings.Repeat("lång rad ", 1300),
	} {
		t.Run(name, func(t *testing.T) {
			plan := *want
			plan.Entries = append([]schema.PlanEntry(nil), want.Entries...)
			plan.Entries[0].Action, plan.Entries[0].Responsible = text, text
			forms := map[string][]byte{"plan.yaml": fillQuoted(t, template(t, in.Inspection, YAML), &plan)}
			if !strings.ContainsAny(text, "\x00\x7f\u0080\r\ufffe") {
				forms["plan.xlsx"] = fillWorkbook(t, template(t, in.Inspection, Workbook), &plan)
			}
			for planName, filled := range forms {
				res, diags, err := Import("insp.yaml", src, planName, filled, Options{Policy: policy})
				if err != nil {
					t.Fatalf("%s: %v\n%s", planName, err, diags)
				}
				got, ld := schema.Load("insp.yaml", res.File)
				if ld.HasErrors() {
					t.Fatalf("%s: %s", planName, ld)
				}
				if e := got.ActionPlan.Entries[0]; e.Action != text || e.Responsible != text {
					t.Errorf("%s: got %s", planName, clipped(e.Action))
				}
				if !bytes.HasPrefix(res.File, src) {
					t.Errorf("%s: the lines before the plan changed", planName)
				}
			}
		})
	}
}

// Two rows for one criterion (a row copied below the table, in a sheet
// unprotected): both follow-ups go to that criterion's entry, none to
// another; on one day, the second is named as the one after the first.
// A row whose criterion was changed to another entry's is recorded for
// that entry, with a warning that its action is not that entry's.
func TestTwoRowsForOneCriterion(t *testing.T) {
	src, _ := load(t)
	book := followUpBook(t, src, map[string][4]string{"C1": {"genomförd", "Första raden.", "2025-11-20", ""}}, func(f *excelize.File, rowOf func(string) string) {
		rows, _ := f.GetRows(workbook.SheetActions)
		below := itoa(len(rows) + 1)
		f.SetCellStr(workbook.SheetActions, "B"+below, "C1")
		f.SetCellStr(workbook.SheetActions, "H"+below, "delvis genomförd")
		f.SetCellStr(workbook.SheetActions, "I"+below, "Andra raden.")
		f.SetCellStr(workbook.SheetActions, "J"+below, "2025-11-20")
		setRow("D7", [4]string{"uppskjuten", "", "2025-11-21", ""})(f, rowOf)
		f.SetCellStr(workbook.SheetActions, "B"+rowOf("D7"), "E4")
	})
	res, diags, err := ImportFollowUps("insp.yaml", src, "uppfoljning.xlsx", book, importDay)
	if err != nil {
		t.Fatalf("%v\n%s", err, diags)
	}
	got := followUpsOf(t, "insp.yaml", res.File)
	want := []schema.FollowUp{{Date: day(2025, 11, 20), Status: schema.Done, Note: "Första raden."}, {Date: day(2025, 11, 20), Status: schema.Partly, Note: "Andra raden."}}
	if !reflect.DeepEqual(got["C1"], want) || len(got["D7"]) != 0 || len(got["E4"]) != 1 {
		t.Errorf("follow-ups: %+v", got)
	}
	checkDiags(t, diags, []wantDiag{
		{"", schema.Warning, "C1 has a follow-up dated 2025-11-20 already, which says genomförd; this one says delvis genomförd"},
		{"uppfoljning.xlsx:Åtgärder!C3", schema.Warning, "the planned action of E4 here is not the plan's"},
	})
}

// A plan sent again keeps the comments of the old plan wherever the new
// one has their key or entry: before and after an entry and its keys, at
// the end of a line (also after a date written {text, date}, whose comment
// was dropped), after the plan and at the end of the file.
func TestPlanSentAgainKeepsComments(t *testing.T) {
	data, _ := load(t)
	s := strings.Replace(string(data), "    - criterion: C1\n      action: |\n        Inköp av öronmikroskop\n      due: \"20251231\"\n",
		"    # huvud för C1\n    - criterion: C1   # rad C1\n      # före action\n      action: |   # efter pipe\n        Inköp av öronmikroskop\n"+
			"      # efter blocket\n      due: {text: \"20251231\", date: 2025-12-31}   # på due\n", 1)
	s = strings.Replace(s, "      follow_up_by: Verksamhetschefen\n    - criterion: D7\n",
		"      follow_up_by: Verksamhetschefen   # på follow_up_by\n      # sist i C1\n\n    # mellan C1 och D7\n    - criterion: D7\n", 1)
	s = strings.Replace(s, "  entries:\n", "  entries:   # på entries\n", 1)
	s = strings.TrimRight(s, "\n") + "\n    # sist i planen, indragen\n# sist i filen\n"
	in := input.Bytes("insp.yaml", []byte(s), policy)
	if !in.OK() {
		t.Fatal(in.Diags)
	}
	filled := fillWorkbook(t, template(t, in.Inspection, Workbook), in.ActionPlan)
	res, diags, err := Import("insp.yaml", []byte(s), "plan.xlsx", filled, importDay)
	if err != nil {
		t.Fatalf("%v\n%s", err, diags)
	}
	sameComments(t, commentsOf(string(res.File)), commentsOf(s))
}
