package plan

import (
	"bytes"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"spur/grade"
	"spur/input"
	"spur/schema"
	"spur/workbook"
)

// followUpBook writes the follow-up workbook of the inspection file src
// and types rows into it, as the region would: status, note, date and
// who (columns H–K) in the row of each criterion; edit then changes it
// further.
func followUpBook(t testing.TB, src []byte, rows map[string][4]string, edit func(f *excelize.File, rowOf func(id string) string)) []byte {
	t.Helper()
	in := input.Bytes("insp.yaml", src, policy)
	if !in.OK() {
		t.Fatalf("%s", in.Diags)
	}
	var b bytes.Buffer
	if err := workbook.WriteFollowUpTemplate(&b, in.Inspection); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rowOf := func(id string) string {
		all, _ := f.GetRows(workbook.SheetActions)
		for i, r := range all {
			if len(r) > 1 && r[1] == id {
				return itoa(i + 1)
			}
		}
		t.Fatalf("no row for %s", id)
		return ""
	}
	for id, r := range rows {
		n := rowOf(id)
		for i, v := range r {
			if v != "" {
				if err := f.SetCellStr(workbook.SheetActions, string(rune('H'+i))+n, v); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	if edit != nil {
		edit(f, rowOf)
	}
	var out bytes.Buffer
	if _, err := f.WriteTo(&out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

var importDay = Options{Date: schema.NewDate(2026, 1, 10), Today: true, Policy: grade.DefaultPolicy()}

// inserted checks that merged is src with lines added and nothing else:
// every line of src in order, and returns the lines added.
func inserted(t *testing.T, src, merged []byte) string {
	t.Helper()
	have := strings.SplitAfter(string(src), "\n")
	var added strings.Builder
	i := 0
	for _, l := range strings.SplitAfter(string(merged), "\n") {
		if i < len(have) && l == have[i] {
			i++
			continue
		}
		added.WriteString(l)
	}
	if i < len(have) {
		t.Fatalf("line %d of the inspection, %q, is not kept in order", i+1, have[i])
	}
	return added.String()
}

func followUpsOf(t *testing.T, name string, file []byte) map[string][]schema.FollowUp {
	t.Helper()
	in := input.Bytes(name, file, policy)
	if !in.OK() {
		t.Fatalf("the file with the follow-ups:\n%s\n%s", in.Diags, file)
	}
	out := map[string][]schema.FollowUp{}
	for _, e := range in.ActionPlan.Entries {
		if len(e.FollowUps) > 0 {
			out[e.Criterion] = e.FollowUps
		}
	}
	return out
}

func day(y int, m time.Month, d int) schema.Date { return schema.NewDate(y, m, d) }

// The done-when: the follow-up workbook, filled in with Swedish
// words, a note of several lines with an emoji, a date cell and a date
// as text, goes into the inspection exactly; every line of the file
// stays as it was (comments too), the follow-ups are lines of their own
// written as a person would, and a second import changes nothing.
func TestImportFollowUps(t *testing.T) {
	src, _ := load(t)
	book := followUpBook(t, src, map[string][4]string{
		"C1": {"Genomförd", "Mikroskopet är på plats 👍\nFakturan bifogad.", "2025-11-20", "Eva Lund (studierektor)"},
		"E4": {"delvis genomförd", "Två av tre har gått kursen.", "", "Eva Lund"},
		"H9": {"ej genomförd", "", "20 nov 2025", ""},
	}, func(f *excelize.File, rowOf func(string) string) {
		ref := "J" + rowOf("D7")
		style, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
		f.SetCellValue(workbook.SheetActions, ref, time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC))
		f.SetCellStyle(workbook.SheetActions, ref, ref, style)
		f.SetCellStr(workbook.SheetActions, "H"+rowOf("D7"), "uppskjuten")
	})
	res, diags, err := ImportFollowUps("insp.yaml", src, "uppfoljning.xlsx", book, importDay)
	if err != nil {
		t.Fatalf("%v\n%s", err, diags)
	}
	if want := "uppfoljning.xlsx:Åtgärder!J4: warning: the follow-up of E4 has no date, so the day of the import, 2026-01-10, is taken as its date; write the day it was made (e.g. 2025-11-20), or import with --date"; strings.TrimSpace(diags.String()) != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", diags, want)
	}
	if res.Added != 4 || res.Known != 0 {
		t.Errorf("added %d, known %d", res.Added, res.Known)
	}
	want := map[string][]schema.FollowUp{
		"C1": {{Date: day(2025, 11, 20), Status: schema.Done, Note: "Mikroskopet är på plats 👍\nFakturan bifogad.", By: "Eva Lund (studierektor)"}},
		"D7": {{Date: day(2025, 12, 1), Status: schema.Postponed}},
		"E4": {{Date: day(2026, 1, 10), Status: schema.Partly, Note: "Två av tre har gått kursen.", By: "Eva Lund"}},
		"H9": {{Date: day(2025, 11, 20), Status: schema.NotDone}},
	}
	if got := followUpsOf(t, "insp.yaml", res.File); !reflect.DeepEqual(got, want) {
		t.Errorf("follow-ups in the file:\n got %+v\nwant %+v", got, want)
	}
	added := inserted(t, src, res.File)
	for _, block := range []string{
		"      follow_ups:\n        - date: 2025-11-20\n          status: done\n          note: |-\n            Mikroskopet är på plats 👍\n            Fakturan bifogad.\n          by: Eva Lund (studierektor)\n",
		"      follow_ups:\n        - date: 2025-12-01\n          status: postponed\n",
		"      follow_ups:\n        - date: 2025-11-20\n          status: not_done\n",
	} {
		if !strings.Contains(added, block) {
			t.Errorf("the follow-ups are not written as a person would; added:\n%s", added)
		}
	}
	if !bytes.HasSuffix(res.File, []byte("      follow_up_by: Verksamhetschefen\n      follow_ups:\n        - date: 2025-11-20\n          status: not_done\n")) {
		t.Errorf("the last entry's follow-up is not at its end:\n%s", res.File[len(res.File)-300:])
	}

	again, diags, err := ImportFollowUps("insp.yaml", res.File, "uppfoljning.xlsx", book, importDay)
	if err != nil || again.Added != 0 || again.Known != 4 || !bytes.Equal(again.File, res.File) {
		t.Errorf("a second import: %v, added %d, known %d, same file %t\n%s", err, again.Added, again.Known, bytes.Equal(again.File, res.File), diags)
	}
	// The row without a date, imported on another day, is taken for the
	// follow-up it gave the first time, and says so.
	later := importDay
	later.Date = day(2026, 2, 1)
	again, diags, err = ImportFollowUps("insp.yaml", res.File, "uppfoljning.xlsx", book, later)
	if err != nil || again.Added != 0 || !bytes.Equal(again.File, res.File) {
		t.Errorf("a second import on another day: %v, added %d\n%s", err, again.Added, diags)
	}
	if want := "uppfoljning.xlsx:Åtgärder!J4: warning: the follow-up of E4 has no date, and insp.yaml has the same follow-up (delvis genomförd) already, dated 2026-01-10: it is taken for that one and not added again; if it is a new follow-up, write its date here"; strings.TrimSpace(diags.String()) != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", diags, want)
	}
}

// The follow-ups a file has are kept, and the new ones come after them:
// in a list in block style as items of their own, in a list in flow style
// by writing the plan anew (with a warning), in a file with CRLF line
// ends with CRLF.
func TestImportFollowUpsKeepsThoseThere(t *testing.T) {
	src, _ := load(t)
	earlier := schema.FollowUp{Date: day(2025, 9, 1), Status: schema.Partly, Note: "Beställt.", By: "Eva Lund"}
	next := schema.FollowUp{Date: day(2025, 12, 1), Status: schema.Done}
	c1 := "      follow_up_by: Verksamhetschefen\n    - criterion: D7\n"
	for _, tc := range []struct {
		name, list string
		crlf       bool
		rewritten  bool
		fresh      bool // the list has no follow-up before
	}{
		{name: "nothing under the key", list: "      follow_ups:\n", fresh: true},
		{name: "an empty list", list: "      follow_ups: []\n", rewritten: true, fresh: true},
		{name: "block list", list: "      follow_ups:\n        # the first round\n        - date: 2025-09-01\n          status: partly\n          note: Beställt.\n          by: Eva Lund\n"},
		{name: "flow items", list: "      follow_ups:\n        - {date: 2025-09-01, status: partly, note: Beställt., by: Eva Lund}\n    # D7, as the unit wrote it:\n"},
		{name: "flow list", list: "      follow_ups: [{date: 2025-09-01, status: partly, note: Beställt., by: Eva Lund}]\n", rewritten: true},
		{name: "CRLF", list: "      follow_ups:\n        - date: 2025-09-01\n          status: partly\n          note: Beställt.\n          by: Eva Lund\n", crlf: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := strings.Replace(string(src), c1, "      follow_up_by: Verksamhetschefen\n"+tc.list+"    - criterion: D7\n", 1)
			if tc.crlf {
				s = strings.ReplaceAll(s, "\n", "\r\n")
			}
			book := followUpBook(t, []byte(s), map[string][4]string{"C1": {"genomförd", "", "2025-12-01", ""}}, nil)
			res, diags, err := ImportFollowUps("insp.yaml", []byte(s), "uppfoljning.xlsx", book, importDay)
			if err != nil {
				t.Fatalf("%v\n%s", err, diags)
			}
			want := []schema.FollowUp{earlier, next}
			if tc.fresh {
				want = want[1:]
			}
			if got := followUpsOf(t, "insp.yaml", res.File)["C1"]; !reflect.DeepEqual(got, want) {
				t.Errorf("C1's follow-ups: %+v", got)
			}
			if tc.rewritten {
				if len(diags) != 1 || !strings.Contains(diags[0].Message, "action_plan is written anew") {
					t.Errorf("no warning that the plan is written anew:\n%s", diags)
				}
				return
			}
			if len(diags) > 0 {
				t.Errorf("diagnostics:\n%s", diags)
			}
			added := inserted(t, []byte(s), res.File)
			lines := "        - date: 2025-12-01\n          status: done\n"
			if tc.crlf {
				lines = strings.ReplaceAll(lines, "\n", "\r\n")
			}
			if added != lines {
				t.Errorf("added %q, want %q", added, lines)
			}
		})
	}
}

// Bad input names its cell, and nothing is imported: a status spur does
// not know (with the word meant), a row whose criterion has no plan
// entry. A follow-up dated before the visit, or before the plan came in,
// is imported with a warning at its date.
func TestImportFollowUpsDiagnostics(t *testing.T) {
	src, _ := load(t)
	refused := []struct {
		name string
		rows map[string][4]string
		edit func(f *excelize.File, rowOf func(string) string)
		want string
	}{
		{name: "a status spur does not know", rows: map[string][4]string{"C1": {"genomfört", "", "2025-11-20", ""}, "D7": {"ej genomförr", "", "2025-11-20", ""}},
			want: `uppfoljning.xlsx:Åtgärder!H3: status "ej genomförr" is not one of genomförd, delvis genomförd, ej genomförd, uppskjuten; did you mean "ej genomförd"?`},
		{name: "no plan entry", rows: map[string][4]string{"C1": {"genomförd", "", "2025-11-20", ""}},
			edit: func(f *excelize.File, rowOf func(string) string) {
				f.SetCellStr(workbook.SheetActions, "B"+rowOf("C1"), "C3")
			},
			want: "uppfoljning.xlsx:Åtgärder!B2: C3 has no entry in the inspection's action plan, so it cannot be followed up; import the plan with an entry for it first, or clear the row"},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			book := followUpBook(t, src, tc.rows, tc.edit)
			res, diags, err := ImportFollowUps("insp.yaml", src, "uppfoljning.xlsx", book, importDay)
			if !errors.Is(err, ErrFollowUpsNotImported) || res != nil || !strings.Contains(err.Error(), "insp.yaml is unchanged") {
				t.Errorf("not refused: %v", err)
			}
			if strings.TrimSpace(diags.String()) != tc.want {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", diags, tc.want)
			}
		})
	}
	book := followUpBook(t, src, map[string][4]string{"C1": {"genomförd", "", "2025-01-15", ""}, "D7": {"genomförd", "", "2025-03-01", ""}}, nil)
	res, diags, err := ImportFollowUps("insp.yaml", src, "uppfoljning.xlsx", book, importDay)
	if err != nil || res.Added != 2 {
		t.Fatalf("%v\n%s", err, diags)
	}
	want := "uppfoljning.xlsx:Åtgärder!J2: warning: the follow-up of C1 is dated 2025-01-15, before the visit (2025-02-11): it cannot follow up a plan made after the visit; check the date\n" +
		"uppfoljning.xlsx:Åtgärder!J3: warning: the follow-up of D7 is dated 2025-03-01, before the action plan came in (2025-05-20); check the date"
	if strings.TrimSpace(diags.String()) != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", diags, want)
	}
}

// Another inspection's workbook is refused; an inspection with no plan
// has nothing to follow up; a plan workbook is not taken for follow-ups,
// nor a follow-up workbook for a plan.
func TestImportFollowUpsRefusesOtherWorkbooks(t *testing.T) {
	src, in := load(t)
	book := followUpBook(t, src, map[string][4]string{"C1": {"genomförd", "", "2025-11-20", ""}}, nil)
	other := bytes.Replace(src, []byte("visit: 2025-02-11"), []byte("visit: 2025-02-12"), 1)
	_, diags, err := ImportFollowUps("other.yaml", other, "uppfoljning.xlsx", book, importDay)
	if !errors.Is(err, ErrFollowUpsNotImported) || !strings.Contains(diags.String(), "uppfoljning.xlsx:Instruktioner!B3: this follow-up workbook was made for another inspection: the visit of 2025-02-11, not 2025-02-12") {
		t.Errorf("another inspection's workbook: %v\n%s", err, diags)
	}
	planBook := fillWorkbook(t, template(t, in.Inspection, Workbook), in.ActionPlan)
	_, diags, err = ImportFollowUps("insp.yaml", src, "plan.xlsx", planBook, importDay)
	if !errors.Is(err, ErrFollowUpsNotImported) || strings.TrimSpace(diags.String()) != "plan.xlsx: this is an action-plan workbook, not a follow-up workbook; spur import reads it as the unit's plan" {
		t.Errorf("a plan workbook: %v\n%s", err, diags)
	}
	_, diags, err = Import("insp.yaml", src, "uppfoljning.xlsx", book, importDay)
	if !errors.Is(err, ErrNotImported) || !strings.Contains(diags.String(), "this is a follow-up workbook") {
		t.Errorf("a follow-up workbook as a plan: %v\n%s", err, diags)
	}
	xlsx, err := os.ReadFile("../workbook/testdata/almaklinikens-vardcentral-2025.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	_, diags, err = ImportFollowUps("insp.xlsx", xlsx, "uppfoljning.xlsx", book, importDay)
	if !errors.Is(err, ErrFollowUpsNotImported) || !strings.Contains(diags.String(), "insp.xlsx: follow-ups are kept in a YAML inspection file") {
		t.Errorf("an inspection workbook: %v\n%s", err, diags)
	}
}

// A plan sent again keeps the follow-ups of its entries: the unit's
// workbook has no place for them. An entry with follow-ups that the new
// plan lacks is a loss, refused unless forced.
func TestPlanImportKeepsFollowUps(t *testing.T) {
	src, _ := load(t)
	book := followUpBook(t, src, map[string][4]string{"C1": {"genomförd", "Levererat.", "2025-11-20", "Eva Lund"}, "D7": {"uppskjuten", "", "2025-11-20", ""}}, nil)
	res, diags, err := ImportFollowUps("insp.yaml", src, "uppfoljning.xlsx", book, importDay)
	if err != nil {
		t.Fatalf("%v\n%s", err, diags)
	}
	withFollowUps := res.File
	in := input.Bytes("insp.yaml", withFollowUps, policy)
	plan := *in.ActionPlan
	plan.Entries = nil
	for _, e := range in.ActionPlan.Entries {
		e.FollowUps = nil
		plan.Entries = append(plan.Entries, e)
	}
	plan.Entries[0].Action = "Inköp av öronmikroskop, två stycken\n"
	filled := fillWorkbook(t, template(t, in.Inspection, Workbook), &plan)
	got, diags, err := Import("insp.yaml", withFollowUps, "plan.xlsx", filled, importDay)
	if err != nil {
		t.Fatalf("%v\n%s", err, diags)
	}
	want := followUpsOf(t, "insp.yaml", withFollowUps)
	if fs := followUpsOf(t, "insp.yaml", got.File); !reflect.DeepEqual(fs, want) {
		t.Errorf("follow-ups after the plan came again:\n got %+v\nwant %+v", fs, want)
	}

	prelim := bytes.Replace(withFollowUps, []byte("\nstatus: final"), []byte("\nstatus: preliminary"), 1)
	in = input.Bytes("insp.yaml", prelim, policy)
	fewer := plan
	fewer.Entries = append([]schema.PlanEntry(nil), plan.Entries[:1]...)
	fewer.Entries = append(fewer.Entries, plan.Entries[2:]...) // D7 left out
	filled = fillWorkbook(t, template(t, in.Inspection, Workbook), &fewer)
	filled = deleteRow(t, filled, "D7")
	_, diags, err = Import("insp.yaml", prelim, "plan.xlsx", filled, importDay)
	if !errors.Is(err, ErrNotImported) {
		t.Fatalf("a plan that drops D7's follow-ups: %v", err)
	}
	checkDiags(t, diags, []wantDiag{{"", schema.Error, "the entry for D7 has text (Planerad åtgärd, Datum när åtgärden ska vara genomförd, Ansvarig för genomförandet, Datum för uppföljning, Ansvarig för uppföljningen, 1 uppföljning), and plan.xlsx has no entry for D7"}})
}

// deleteRow removes the row of criterion id from a plan workbook.
func deleteRow(t *testing.T, data []byte, id string) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(workbook.SheetPlan)
	for i, r := range rows {
		if len(r) > 1 && r[1] == id {
			f.RemoveRow(workbook.SheetPlan, i+1)
		}
	}
	var b bytes.Buffer
	f.WriteTo(&b)
	return b.Bytes()
}
