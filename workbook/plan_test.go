package workbook

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"spur/schema"
)

// wantDiag is a diagnostic a test expects: its place, severity and a part
// of its message.
type wantDiag struct {
	at   string // "plan.xlsx:Handlingsplan!B3", or "" for any place
	sev  schema.Severity
	text string
}

func checkDiags(t *testing.T, diags schema.Diagnostics, want []wantDiag) {
	t.Helper()
next:
	for _, w := range want {
		for _, d := range diags {
			if (w.at == "" || d.Pos.String() == w.at) && d.Severity == w.sev && strings.Contains(d.Message, w.text) {
				continue next
			}
		}
		t.Errorf("missing diagnostic %q at %s (severity %d); got:\n%s", w.text, w.at, w.sev, diags)
	}
}

// preliminary is insp as a preliminary report.
func preliminary(insp *schema.Inspection) *schema.Inspection {
	cp := *insp
	cp.Status = schema.Preliminary
	return &cp
}

func entryOf(p *schema.ActionPlan, id string) *schema.PlanEntry {
	if p == nil {
		return nil
	}
	for i := range p.Entries {
		if p.Entries[i].Criterion == id {
			return &p.Entries[i]
		}
	}
	return nil
}

// Every way a filled plan can differ from its template is reported at its
// cell, and nothing the unit wrote is dropped without a word.
func TestReadPlanReportsChanges(t *testing.T) {
	insp := fixture(t)
	filled := fillPlan(t, template(t, insp), insp.ActionPlan)
	const sh = SheetPlan
	for _, tc := range []struct {
		name  string
		edit  func(t *testing.T, f *excelize.File)
		insp  func(*schema.Inspection) *schema.Inspection
		opt   *PlanOptions // else none
		diags []wantDiag
		none  bool // no diagnostics at all
		check func(t *testing.T, p *schema.ActionPlan)
	}{{
		name: "required row left empty",
		edit: func(t *testing.T, f *excelize.File) {
			for _, c := range []string{"E2", "F2", "G2", "H2", "I2"} {
				set(t, f, sh, c, "")
			}
		},
		diags: []wantDiag{{"plan.xlsx:Handlingsplan!E2", schema.Warning, "the row for C1 (Föreskrift: åtgärd krävs) is empty"}},
		check: func(t *testing.T, p *schema.ActionPlan) {
			if e := entryOf(p, "C1"); e == nil || e.Action != "" {
				t.Errorf("an empty required row is kept as an empty entry, got %+v", e)
			}
		},
	}, {
		name:  "row deleted",
		edit:  func(t *testing.T, f *excelize.File) { f.RemoveRow(sh, 3) },
		insp:  preliminary,
		diags: []wantDiag{{"plan.xlsx:Handlingsplan!B3", schema.Warning, "the row for D7 (Föreskrift: åtgärd krävs) is missing: it was row 3 of the template; was it deleted? Nothing is imported for D7"}},
		check: func(t *testing.T, p *schema.ActionPlan) {
			if entryOf(p, "D7") != nil || entryOf(p, "E4") == nil {
				t.Error("D7 should be gone and E4 read from its moved row")
			}
		},
	}, {
		// Every unmet föreskrift needs an entry in a final report: its row
		// deleted is an error, not a warning the import goes past.
		name: "row deleted in a final report",
		edit: func(t *testing.T, f *excelize.File) { f.RemoveRow(sh, 3) },
		diags: []wantDiag{{"plan.xlsx:Handlingsplan!B3", schema.Error,
			"the row for D7 (Föreskrift: åtgärd krävs) is missing: it was row 3 of the template; a final report needs an action for every föreskrift that is not met, so put the row back and fill it in"}},
	}, {
		name: "an allmänt råd's row deleted in a final report",
		edit: func(t *testing.T, f *excelize.File) {
			for r := 2; r < 30; r++ {
				if v, _ := f.GetCellValue(sh, "B"+itoa(r)); v == "E11" {
					f.RemoveRow(sh, r)
				}
			}
		},
		diags: []wantDiag{{"", schema.Warning, "the row for E11 (Allmänt råd: åtgärd rekommenderas) is missing"}},
		check: func(t *testing.T, p *schema.ActionPlan) {
			if p == nil || entryOf(p, "D7") == nil {
				t.Error("the plan is read")
			}
		},
	}, {
		name: "rows added",
		edit: func(t *testing.T, f *excelize.File) {
			set(t, f, sh, "B30", "D13")
			set(t, f, sh, "E30", "IUP för den som väntar på ST")
			set(t, f, sh, "B31", "A1")
			set(t, f, sh, "E31", "Riktlinjer finns redan")
			set(t, f, sh, "E32", "En åtgärd utan kriterium")
			set(t, f, sh, "B33", "E15")
			set(t, f, sh, "E33", "Okänt kriterium")
		},
		diags: []wantDiag{
			{"plan.xlsx:Handlingsplan!B30", schema.Warning, "the row for D13 (Kvalitetsindikator) was added"},
			{"plan.xlsx:Handlingsplan!B31", schema.Warning, "the row for A1 is not imported: the inspection records A1 as met"},
			{"plan.xlsx:Handlingsplan!B32", schema.Error, "this row has an answer but no criterion"},
			{"plan.xlsx:Handlingsplan!B33", schema.Error, `unknown criterion "E15"`},
		},
		check: func(t *testing.T, p *schema.ActionPlan) {
			if e := entryOf(p, "D13"); e == nil || e.Action != "IUP för den som väntar på ST" {
				t.Errorf("the added row for D13 is imported as written, got %+v", e)
			}
		},
	}, {
		name: "duplicate row",
		edit: func(t *testing.T, f *excelize.File) {
			set(t, f, sh, "B30", "E4")
			set(t, f, sh, "E30", "En andra plan för E4")
		},
		diags: []wantDiag{{"plan.xlsx:Handlingsplan!B30", schema.Error, "a second row for E4 (the first is at B4)"}},
	}, {
		name:  "criterion text changed",
		edit:  func(t *testing.T, f *excelize.File) { set(t, f, sh, "D4", "Handledaren bedömer ibland.") },
		diags: []wantDiag{{"plan.xlsx:Handlingsplan!D4", schema.Warning, "the criterion text of E4 was changed"}},
	}, {
		name: "findings changed since the template",
		edit: func(t *testing.T, f *excelize.File) {
			f.SetCustomProps(excelize.CustomProperty{Name: propFingerprint, Value: "sha256:0123456789abcdef0123"})
		},
		diags: []wantDiag{{"plan.xlsx:Instruktioner!B3", schema.Warning, "the inspection's findings have changed since this template was made"}},
	}, {
		name: "plan of another inspection",
		insp: func(in *schema.Inspection) *schema.Inspection {
			cp := *in
			cp.Unit.Name = "Björkvikens vårdcentral"
			return &cp
		},
		diags: []wantDiag{{"plan.xlsx:Instruktioner!B3", schema.Error, `this plan was made for another inspection: unit "Almaklinikens vårdcentral", not "Björkvikens vårdcentral"`}},
		check: func(t *testing.T, p *schema.ActionPlan) {
			if p != nil {
				t.Error("a plan of another inspection must not be returned")
			}
		},
	}, {
		name: "document properties lost",
		edit: func(t *testing.T, f *excelize.File) {
			for _, k := range []string{propKind, propUnit, propVisit, propCatalog, propFingerprint} {
				f.SetCustomProps(excelize.CustomProperty{Name: k})
			}
		},
		diags: []wantDiag{{"plan.xlsx:Instruktioner!B3", schema.Warning, "lost spur's document properties"}},
		check: func(t *testing.T, p *schema.ActionPlan) {
			if p == nil || len(p.Entries) != 14 {
				t.Error("the plan is still read by the unit and visit on the instruction sheet")
			}
		},
	}, {
		name:  "unreadable date",
		edit:  func(t *testing.T, f *excelize.File) { set(t, f, sh, "F2", "när vi hinner") },
		diags: []wantDiag{{"plan.xlsx:Handlingsplan!F2", schema.Warning, `cannot read "när vi hinner" as a date; it is kept as written`}},
		check: func(t *testing.T, p *schema.ActionPlan) {
			if e := entryOf(p, "C1"); e == nil || e.Due.Text != "när vi hinner" || e.Due.Parsed.Kind != schema.DateNone {
				t.Errorf("the text is kept with no reading, got %+v", e)
			}
		},
	}, {
		name: "date typed as a date",
		edit: func(t *testing.T, f *excelize.File) {
			style, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
			f.SetCellValue(sh, "F2", time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC))
			f.SetCellStyle(sh, "F2", "F2", style)
		},
		check: func(t *testing.T, p *schema.ActionPlan) {
			if e := entryOf(p, "C1"); e == nil || e.Due.Text != "2025-12-31" || !e.Due.Given.IsZero() || e.Due.Parsed.Date != time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC) {
				t.Errorf("a date cell reads as its ISO date, got %+v", e)
			}
		},
	}, {
		name:  "date serial in a text cell",
		edit:  func(t *testing.T, f *excelize.File) { f.SetCellInt(sh, "H2", 46022) },
		diags: []wantDiag{{"plan.xlsx:Handlingsplan!H2", schema.Warning, "46022 is read as an Excel date serial, 2025-12-31"}},
		check: func(t *testing.T, p *schema.ActionPlan) {
			if e := entryOf(p, "C1"); e == nil || e.FollowUp.Text != "46022" || e.FollowUp.Given.String() != "2025-12-31" {
				t.Errorf("the serial is kept as written, with its date beside it, got %+v", e)
			}
		},
	}, {
		name: "formula",
		edit: func(t *testing.T, f *excelize.File) {
			f.SetCellInt(sh, "F2", 20261231) // the saved value of the formula
			f.SetCellFormula(sh, "F2", `YEAR(TODAY())*10000+1231`)
			f.SetCellValue(sh, "I2", nil)
			f.SetCellFormula(sh, "I2", `UPPER("x")`)
		},
		diags: []wantDiag{
			{"plan.xlsx:Handlingsplan!F2", schema.Warning, `its saved value "20261231" is read, the formula is not evaluated`},
			{"plan.xlsx:Handlingsplan!I2", schema.Warning, "a formula (=UPPER(\"x\")) with no saved value"},
		},
		check: func(t *testing.T, p *schema.ActionPlan) {
			if e := entryOf(p, "C1"); e == nil || e.Due.Text != "20261231" || e.FollowUpBy != "" {
				t.Errorf("got %+v", e)
			}
		},
	}, {
		name:  "header renamed",
		edit:  func(t *testing.T, f *excelize.File) { set(t, f, sh, "F1", "Datum när åtgärden ska va genomförd") },
		diags: []wantDiag{{"plan.xlsx:Handlingsplan!F1", schema.Error, `is not one of this sheet's (Område, Kriterium`}},
	}, {
		name: "columns reordered",
		edit: func(t *testing.T, f *excelize.File) {
			rows, _ := f.GetRows(sh)
			for r, row := range rows {
				row = append(row, make([]string, 9)...)
				g, i := row[6], row[8]
				set(t, f, sh, "G"+itoa(r+1), i)
				set(t, f, sh, "I"+itoa(r+1), g)
			}
		},
		diags: []wantDiag{{"plan.xlsx:Handlingsplan!I1", schema.Warning, "the columns are not in the template's order"}},
		check: func(t *testing.T, p *schema.ActionPlan) {
			if p == nil || len(p.Entries) != 14 || p.Entries[0].Responsible != "Verksamhetschefen" {
				t.Error("moved columns are read by their headers")
			}
		},
	}, {
		name: "plan sheet missing",
		edit: func(t *testing.T, f *excelize.File) {
			f.SetSheetName(sh, "Plan")
		},
		diags: []wantDiag{{"plan.xlsx", schema.Error, `the workbook has no sheet "Handlingsplan" (it has "Instruktioner", "Plan")`}},
	}, {
		name:  "plan's date",
		edit:  func(t *testing.T, f *excelize.File) { set(t, f, SheetInstructions, "B9", "snart") },
		diags: []wantDiag{{"plan.xlsx:Instruktioner!B9", schema.Warning, `cannot read "snart" as the plan's date`}},
	}, {
		name: "plan's date unreadable on the day of the import",
		edit: func(t *testing.T, f *excelize.File) { set(t, f, SheetInstructions, "B9", "snart") },
		opt:  &PlanOptions{Date: schema.NewDate(2025, 6, 3), Today: true},
		diags: []wantDiag{{"plan.xlsx:Instruktioner!B9", schema.Warning,
			`cannot read "snart" as the plan's date; write it as 2025-05-20 (the day of the import, 2025-06-03, is taken instead, and relative dates count from it)`}},
	}, {
		// An empty date silently became the day of the import, and "om sex
		// månader" counted from it: the warning names the date taken.
		name: "plan's date empty",
		edit: func(t *testing.T, f *excelize.File) { set(t, f, SheetInstructions, "B9", "") },
		opt:  &PlanOptions{Date: schema.NewDate(2025, 6, 3), Today: true},
		diags: []wantDiag{{"plan.xlsx:Instruktioner!B9", schema.Warning,
			`the plan's date is empty, so the day of the import, 2025-06-03, is taken as its date, and relative dates such as "om sex månader" count from it`}},
		check: func(t *testing.T, p *schema.ActionPlan) {
			if p == nil || p.Date != schema.NewDate(2025, 6, 3) {
				t.Error("the day of the import is the plan's date")
			} else if e := entryOf(p, "C1"); e.FollowUp.Parsed.Date.Format("2006-01-02") != "2025-12-03" {
				t.Errorf("om sex månader counts from %v", e.FollowUp.Parsed)
			}
		},
	}, {
		name: "plan's date empty, another given",
		edit: func(t *testing.T, f *excelize.File) { set(t, f, SheetInstructions, "B9", "") },
		opt:  &PlanOptions{Date: schema.NewDate(2025, 6, 3)},
		check: func(t *testing.T, p *schema.ActionPlan) {
			if p == nil || p.Date != schema.NewDate(2025, 6, 3) {
				t.Error("the date given is the plan's date")
			}
		},
		none: true,
	}} {
		t.Run(tc.name, func(t *testing.T) {
			data := filled
			if tc.edit != nil {
				data = edit(t, filled, func(f *excelize.File) { tc.edit(t, f) })
			}
			in := insp
			if tc.insp != nil {
				in = tc.insp(insp)
			}
			plan, diags := read(t, "plan.xlsx", data, in)
			if tc.opt != nil {
				var err error
				plan, diags, err = ReadPlan("plan.xlsx", bytes.NewReader(data), int64(len(data)), in, *tc.opt)
				if err != nil {
					t.Fatal(err)
				}
			}
			checkDiags(t, diags, tc.diags)
			if tc.none && len(diags) > 0 {
				t.Errorf("diagnostics:\n%s", diags)
			}
			if tc.check != nil {
				tc.check(t, plan)
			}
		})
	}
}

// A template sent back as it was made is refused with one error, not read
// as a plan of empty entries with a warning for each.
func TestReadPlanNothingFilled(t *testing.T) {
	insp := fixture(t)
	tmpl := template(t, insp)
	const nothing = "nothing is filled in: the action plan has no planned action, date or responsible person in any row; fill in the workbook and import it again"
	for _, tc := range []struct {
		name    string
		edit    func(t *testing.T, f *excelize.File)
		refused bool
	}{
		{"as made", nil, true},
		{"only the plan's date", func(t *testing.T, f *excelize.File) { set(t, f, SheetInstructions, "B9", "2025-05-20") }, true},
		{"a criterion id typed again", func(t *testing.T, f *excelize.File) { set(t, f, SheetPlan, "B2", "c1") }, true},
		{"one responsible person", func(t *testing.T, f *excelize.File) { set(t, f, SheetPlan, "G5", "Verksamhetschefen") }, false},
		{"one follow-up date", func(t *testing.T, f *excelize.File) { set(t, f, SheetPlan, "H18", "hösten 2025") }, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := tmpl
			if tc.edit != nil {
				data = edit(t, tmpl, func(f *excelize.File) { tc.edit(t, f) })
			}
			plan, diags := read(t, "plan.xlsx", data, insp)
			if !tc.refused {
				if plan == nil || diags.HasErrors() {
					t.Errorf("a plan with a field filled in is refused:\n%s", diags)
				}
				return
			}
			if plan != nil {
				t.Errorf("a plan from a template with nothing filled in: %d entries", len(plan.Entries))
			}
			checkDiags(t, diags, []wantDiag{{"plan.xlsx:Handlingsplan!E2", schema.Error, nothing}})
			if len(diags) != 1 {
				t.Errorf("%d diagnostics, want the one:\n%s", len(diags), diags)
			}
		})
	}
}
