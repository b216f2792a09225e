package workbook

import (
	"bytes"
	"io"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"spur/schema"
)

// followUpTemplate writes the follow-up workbook of insp.
func followUpTemplate(t testing.TB, insp *schema.Inspection) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteFollowUpTemplate(&b, insp); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// fuRow is what a person types into a row of the sheet of actions:
// status, note, date and who, in columns H to K.
type fuRow struct{ status, note, date, by string }

// fillFollowUps types rows into the follow-up workbook data, each in the
// row of its criterion.
func fillFollowUps(t testing.TB, data []byte, rows map[string]fuRow) []byte {
	t.Helper()
	return edit(t, data, func(f *excelize.File) {
		for id, r := range rows {
			n := itoa(rowOf(t, f, SheetActions, "B", id))
			for i, v := range []string{r.status, r.note, r.date, r.by} {
				if v != "" {
					set(t, f, SheetActions, string(rune('H'+i))+n, v)
				}
			}
		}
	})
}

func readFollowUps(t testing.TB, data []byte, insp *schema.Inspection) ([]FollowUpLine, schema.Diagnostics) {
	t.Helper()
	lines, diags, err := ReadFollowUps("uppfoljning.xlsx", bytes.NewReader(data), int64(len(data)), insp)
	if err != nil {
		t.Fatal(err)
	}
	return lines, diags
}

// sameDiags compares the diagnostics as printed, every one of them.
func sameDiags(t *testing.T, got schema.Diagnostics, want ...string) {
	t.Helper()
	var lines []string
	for _, d := range got {
		lines = append(lines, d.String())
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

// The template lists every action of the plan, in the plan's order, with
// the unit's words locked and the four open columns, the status as a
// drop-down of the four Swedish words; it carries the inspection's
// identity under the follow-up kind, and the same inspection gives the
// same bytes.
func TestFollowUpTemplate(t *testing.T) {
	insp := fixture(t)
	data := followUpTemplate(t, insp)
	if again := followUpTemplate(t, insp); !bytes.Equal(data, again) {
		t.Error("two follow-up workbooks of one inspection differ")
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !reflect.DeepEqual(got, []string{SheetInstructions, SheetActions}) {
		t.Errorf("sheets %v", got)
	}
	rows, _ := f.GetRows(SheetActions)
	if !reflect.DeepEqual(rows[0], fuHeaders[:]) {
		t.Errorf("headers %q", rows[0])
	}
	if len(rows) != 1+len(insp.ActionPlan.Entries) {
		t.Fatalf("%d rows, want a header and %d actions", len(rows), len(insp.ActionPlan.Entries))
	}
	for i, e := range insp.ActionPlan.Entries {
		r := rows[i+1]
		want := []string{"", e.Criterion, e.Action, e.Due.Text, e.Due.Parsed.String(), e.Responsible}
		if _, ca, _ := insp.Cat.Criterion(e.Criterion); ca != nil {
			want[0] = ca.Letter + ". " + ca.Title
		}
		if !reflect.DeepEqual(r[:6], want) {
			t.Errorf("row %d: %q\nwant %q", i+2, r[:6], want)
		}
		if len(r) > fuLatest {
			t.Errorf("row %d has text beyond the plan's columns: %q", i+2, r[fuLatest:])
		}
	}
	if rows[1][fuDue] != "20251231" || rows[1][fuDueRead] != "2025-12-31" || rows[2][fuDue] != "genomförd" || rows[2][fuDueRead] != "genomförd" {
		t.Errorf("due dates of C1 and D7: %q %q", rows[1][fuDue:fuResponsible], rows[2][fuDue:fuResponsible])
	}
	props, _ := f.GetCustomProps()
	kind := ""
	for _, p := range props {
		if p.Name == propKind {
			kind, _ = p.Value.(string)
		}
	}
	if kind != kindFollowUp {
		t.Errorf("spur.kind = %q", kind)
	}
	dvs, _ := f.GetDataValidations(SheetActions)
	var list string
	for _, dv := range dvs {
		if dv.Type == "list" {
			list = dv.Sqref + " " + dv.Formula1
		}
	}
	if last := itoa(len(insp.ActionPlan.Entries) + 1); list != `H2:H`+last+` "genomförd,delvis genomförd,ej genomförd,uppskjuten"` {
		t.Errorf("the status drop-down: %q", list)
	}
	for ref, locked := range map[string]bool{"C2": true, "B2": true, "H2": false, "K2": false} {
		st, _ := f.GetCellStyle(SheetActions, ref)
		s, _ := f.GetStyle(st)
		if got := s.Protection == nil || s.Protection.Locked; got != locked {
			t.Errorf("%s locked = %t, want %t", ref, got, locked)
		}
	}
	if !IsFollowUpWorkbook("x.xlsx", data) || IsFollowUpWorkbook("plan.xlsx", template(t, insp)) {
		t.Error("IsFollowUpWorkbook does not tell the follow-up workbook from the plan workbook")
	}
}

// An inspection with follow-ups already shows each action's latest in its
// locked column; one with no plan has no workbook.
func TestFollowUpTemplateShowsTheLatest(t *testing.T) {
	insp := fixture(t)
	e := &insp.ActionPlan.Entries[0]
	e.FollowUps = []schema.FollowUp{
		{Date: schema.NewDate(2025, 12, 1), Status: schema.Done, Note: "Levererat.", By: "Eva Lund"},
		{Date: schema.NewDate(2025, 9, 1), Status: schema.Partly},
	}
	f, err := excelize.OpenReader(bytes.NewReader(followUpTemplate(t, insp)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got, _ := f.GetCellValue(SheetActions, "G2"); got != "2025-12-01: genomförd (Eva Lund)\nLevererat." {
		t.Errorf("G2 = %q", got)
	}
	insp.ActionPlan = nil
	if err := WriteFollowUpTemplate(io.Discard, insp); err == nil || !strings.Contains(err.Error(), "no action plan") {
		t.Errorf("no plan: %v", err)
	}
}

// What a person types comes back as typed: Swedish status words in any
// case, a note of several lines with an emoji, a date as text, a date
// typed into a cell that became a date, another form of date; rows left
// empty give nothing.
func TestReadFollowUps(t *testing.T) {
	insp := fixture(t)
	data := fillFollowUps(t, followUpTemplate(t, insp), map[string]fuRow{
		"C1": {"Genomförd", "Mikroskopet är på plats 👍\nFakturan bifogad.\n", "2025-11-20", "Eva Lund (studierektor)"},
		"D7": {"delvis genomförd", "", "20 nov 2025", ""},
		"E4": {"pågår", "Två av tre har gått kursen.", "", "Eva Lund"},
		"E5": {"uppskjuten", "", "20251201", ""},
	})
	data = edit(t, data, func(f *excelize.File) {
		r := itoa(rowOf(t, f, SheetActions, "B", "E6"))
		style, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
		f.SetCellValue(SheetActions, "J"+r, time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC))
		f.SetCellStyle(SheetActions, "J"+r, "J"+r, style)
		f.SetCellStr(SheetActions, "H"+r, "ej genomförd")
	})
	lines, diags := readFollowUps(t, data, insp)
	sameDiags(t, diags)
	pos := func(c string, id string) schema.Pos {
		for i, e := range insp.ActionPlan.Entries {
			if e.Criterion == id {
				return schema.Pos{File: "uppfoljning.xlsx", Sheet: SheetActions, Cell: c + itoa(i+2)}
			}
		}
		t.Fatalf("no entry %s", id)
		return schema.Pos{}
	}
	line := func(id string, f schema.FollowUp) FollowUpLine {
		return FollowUpLine{Criterion: id, FollowUp: f, At: pos("H", id), DateAt: pos("J", id)}
	}
	want := []FollowUpLine{
		line("C1", schema.FollowUp{Date: schema.NewDate(2025, 11, 20), Status: schema.Done, Note: "Mikroskopet är på plats 👍\nFakturan bifogad.\n", By: "Eva Lund (studierektor)"}),
		line("D7", schema.FollowUp{Date: schema.NewDate(2025, 11, 20), Status: schema.Partly}),
		line("E4", schema.FollowUp{Status: schema.Partly, Note: "Två av tre har gått kursen.", By: "Eva Lund"}),
		line("E5", schema.FollowUp{Date: schema.NewDate(2025, 12, 1), Status: schema.Postponed}),
		line("E6", schema.FollowUp{Date: schema.NewDate(2026, 1, 15), Status: schema.NotDone}),
	}
	if !reflect.DeepEqual(lines, want) {
		t.Errorf("got  %+v\nwant %+v", lines, want)
	}
}

// Each problem of a filled workbook is an error at its cell, with what
// would be right; one does not hide the next.
func TestReadFollowUpsDiagnostics(t *testing.T) {
	insp := fixture(t)
	blank := followUpTemplate(t, insp)
	at := func(cell string) string { return "uppfoljning.xlsx:" + SheetActions + "!" + cell }
	tests := []struct {
		name string
		rows map[string]fuRow
		edit func(f *excelize.File)
		want []string
	}{
		{name: "a status spur does not know", rows: map[string]fuRow{"C1": {status: "genomförr"}, "D7": {status: "kanske"}},
			want: []string{
				at("H2") + `: status "genomförr" is not one of genomförd, delvis genomförd, ej genomförd, uppskjuten; did you mean "genomförd"?`,
				at("H3") + `: status "kanske" is not one of genomförd, delvis genomförd, ej genomförd, uppskjuten`,
			}},
		{name: "a note without a status", rows: map[string]fuRow{"C1": {note: "Beställt."}},
			want: []string{at("H2") + ": the follow-up of C1 has no status; choose one of genomförd, delvis genomförd, ej genomförd, uppskjuten, or clear the row if the action is not followed up now"}},
		{name: "a date spur cannot read", rows: map[string]fuRow{"C1": {status: "genomförd", date: "om sex månader"}, "D7": {status: "genomförd", date: "15 april"}},
			want: []string{
				at("J2") + `: cannot read "om sex månader" as the date of the follow-up of C1; write the day it was made, e.g. 2025-11-20`,
				at("J3") + `: cannot read "15 april" as the date of the follow-up of D7; write the day it was made, e.g. 2025-11-20`,
			}},
		{name: "a criterion with no plan entry", rows: map[string]fuRow{"C1": {status: "genomförd"}},
			edit: func(f *excelize.File) { f.SetCellStr(SheetActions, "B2", "C2") },
			want: []string{
				at("B2") + ": C2 has no entry in the inspection's action plan, so it cannot be followed up; import the plan with an entry for it first, or clear the row",
			}},
		{name: "a changed action", rows: map[string]fuRow{"C1": {status: "genomförd", date: "2025-11-20"}},
			edit: func(f *excelize.File) { f.SetCellStr(SheetActions, "C2", "Något annat") },
			want: []string{at("C2") + ": warning: the planned action of C1 here is not the plan's (changed in the workbook, or in the plan since the workbook was made); the follow-up is recorded for the plan's entry for C1, whose action is kept as it is"}},
		{name: "nothing filled in",
			want: []string{at("H2") + ": nothing is filled in: no row has a status; choose a status (genomförd, delvis genomförd, ej genomförd, uppskjuten) in the rows of the actions you followed up and import the workbook again"}},
		{name: "text beside the table", rows: map[string]fuRow{"C1": {status: "genomförd", date: "2025-11-20"}},
			edit: func(f *excelize.File) { f.SetCellStr(SheetActions, "M5", "en anteckning") },
			want: []string{at("M5") + ": warning: column M has text but no header, so it is not read; move the text into the column it belongs to"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := fillFollowUps(t, blank, tc.rows)
			if tc.edit != nil {
				data = edit(t, data, tc.edit)
			}
			_, diags := readFollowUps(t, data, insp)
			sameDiags(t, diags, tc.want...)
		})
	}
}

// A workbook made for another inspection is refused at the unit's cell;
// one made before the plan changed is read with a warning; a plan
// workbook or an inspection workbook is named as such.
func TestReadFollowUpsIdentity(t *testing.T) {
	insp := fixture(t)
	data := fillFollowUps(t, followUpTemplate(t, insp), map[string]fuRow{"C1": {status: "genomförd", date: "2025-11-20"}})

	other := fixture(t)
	other.Unit.Name = "Björkklinikens vårdcentral"
	other.Visit = schema.NewDate(2025, 3, 4)
	lines, diags := readFollowUps(t, data, other)
	sameDiags(t, diags, `uppfoljning.xlsx:Instruktioner!B3: this follow-up workbook was made for another inspection: unit "Almaklinikens vårdcentral", not "Björkklinikens vårdcentral", the visit of 2025-02-11, not 2025-03-04; import it into the inspection it was made for, or make a new one with spur template --follow-up`)
	if lines != nil {
		t.Errorf("lines of another inspection's workbook: %+v", lines)
	}

	changed := fixture(t)
	changed.ActionPlan.Entries[1].Action = "En ny åtgärd."
	lines, diags = readFollowUps(t, data, changed)
	if len(diags) != 1 || diags[0].Severity != schema.Warning || !strings.Contains(diags[0].Message, "the action plan has changed since this workbook was made") || len(lines) != 1 {
		t.Errorf("a changed plan: %d lines\n%s", len(lines), diags)
	}

	plan := fillPlan(t, template(t, insp), insp.ActionPlan)
	_, diags = readFollowUps(t, plan, insp)
	sameDiags(t, diags, "uppfoljning.xlsx: this is an action-plan workbook, not a follow-up workbook; spur import reads it as the unit's plan")
}

// A program that drops spur's document properties: the workbook is still
// known as a follow-up workbook by its sheets, and matched to its
// inspection by what its instruction sheet shows, with a warning.
func TestReadFollowUpsWithoutProperties(t *testing.T) {
	insp := fixture(t)
	data := withPart(t, fillFollowUps(t, followUpTemplate(t, insp), map[string]fuRow{"C1": {status: "genomförd", date: "2025-11-20"}}), "docProps/custom.xml",
		func([]byte) []byte {
			return []byte(`<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"></Properties>`)
		})
	if !IsFollowUpWorkbook("x.xlsx", data) {
		t.Error("not known as a follow-up workbook without its properties")
	}
	lines, diags := readFollowUps(t, data, insp)
	sameDiags(t, diags, "uppfoljning.xlsx:Instruktioner!B3: warning: the workbook has lost spur's document properties (saved by a program that drops them?); it is matched to the inspection by the unit and visit on this sheet")
	if len(lines) != 1 || lines[0].FollowUp.Status != schema.Done {
		t.Errorf("lines %+v", lines)
	}
}
