package schema

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// minimal is a valid preliminary inspection with every criterion met.
const minimal = `catalog: "2025"
status: preliminary
unit:
  name: Testklinikens vårdcentral
visit: 2025-02-11
inspectors: [Karin Ek, Johan Sund]
areas:
  A: {met: all}
  B: {met: all}
  C: {met: all}
  D: {met: all}
  E: {met: all}
  F: {met: all}
  G: {met: all}
  H: {met: all}
`

// withArea replaces the line of one area in minimal.
func withArea(letter, body string) string {
	return strings.Replace(minimal, "  "+letter+": {met: all}\n", body, 1)
}

func load(t *testing.T, src string) (*Inspection, Diagnostics) {
	t.Helper()
	return Load("x.yaml", []byte(src))
}

func TestMinimalIsValid(t *testing.T) {
	insp, diags := load(t, minimal)
	if len(diags) != 0 {
		t.Fatalf("diagnostics on a valid file:\n%s", diags)
	}
	if insp.Cat == nil || insp.Cat.Version != "2025" {
		t.Fatalf("catalogue not resolved: %+v", insp.Cat)
	}
	for _, a := range insp.Cat.Areas {
		as := insp.Areas[a.Letter].Assessments
		if len(as) != len(a.Criteria) {
			t.Fatalf("area %s: %d assessments, want %d", a.Letter, len(as), len(a.Criteria))
		}
		for _, x := range as {
			if x.Result != Met {
				t.Errorf("%s: %q, want met", x.Criterion.ID, x.Result)
			}
		}
	}
}

// TestDiagnostics holds one case per kind of bad input: the whole printed
// diagnostic is asserted, so that both the message and its place are.
func TestDiagnostics(t *testing.T) {
	bigAction := "action_plan:\n  entries:\n" + strings.Repeat("    - criterion: C1\n", 1)
	tests := []struct {
		name string
		src  string
		want []string // each must appear as a line of the output
		none bool     // and nothing else than want
	}{
		{name: "not YAML", src: "unit: [unclosed\nstatus: final\n",
			want: []string{"x.yaml:1: not valid YAML: did not find expected ',' or ']'"}, none: true},
		{name: "not a mapping", src: "- a\n- b\n",
			want: []string{"x.yaml:1:1: expected an inspection (keys such as catalog, status, unit, visit), found a list: is this an inspection file?"}, none: true},
		{name: "prose", src: "Detta är en rapport.\n",
			want: []string{`x.yaml:1:1: expected an inspection (keys such as catalog, status, unit, visit), found the value "Detta är en rapport.": is this an inspection file?`}, none: true},
		{name: "empty file", src: "",
			want: []string{"x.yaml: the file is empty; an inspection starts with keys such as catalog, status, unit and visit"}, none: true},
		{name: "only comments", src: "# nothing yet\n\n",
			want: []string{"x.yaml: the file is empty; an inspection starts with keys such as catalog, status, unit and visit"}, none: true},
		{name: "Latin-1 byte", src: strings.Replace(minimal, "vårdcentral", "v\xe5rdcentral", 1),
			want: []string{"x.yaml:4:24: byte 0xE5 is not UTF-8; save the file as UTF-8 (a Windows editor may have used Latin-1)"}, none: true},
		{name: "UTF-16", src: "\xff\xfec\x00a\x00",
			want: []string{"x.yaml: the file is in UTF-16; save it as UTF-8"}, none: true},
		{name: "UTF-16 BE", src: "\xfe\xff\x00c\x00a",
			want: []string{"x.yaml: the file is in UTF-16; save it as UTF-8"}, none: true},
		{name: "UTF-32 LE", src: "\xff\xfe\x00\x00c\x00\x00\x00a\x00\x00\x00",
			want: []string{"x.yaml: the file is in UTF-32; save it as UTF-8"}, none: true},
		{name: "UTF-32 BE", src: "\x00\x00\xfe\xff\x00\x00\x00c\x00\x00\x00a",
			want: []string{"x.yaml: the file is in UTF-32; save it as UTF-8"}, none: true},
		{name: "BOM accepted", src: "\xEF\xBB\xBF" + minimal, none: true},
		{name: "tab in indentation", src: strings.Replace(minimal, "  name:", "\tname:", 1),
			want: []string{"x.yaml:4:1: tab character in indentation; YAML indents with spaces only"}},
		{name: "tab inside block scalar is content", src: withArea("E", "  E:\n    met: all\n    narrative: |\n      Rad ett\n      \tindragen rad\n"), none: true},
		{name: "duplicate key", src: minimal + "status: final\n",
			want: []string{`x.yaml:16:1: duplicate key "status" (first at line 2); each key may appear once`}, none: true},
		{name: "duplicate area", src: minimal + "  A: {met: all}\n",
			want: []string{`x.yaml:16:3: duplicate key "A" (first at line 8); each key may appear once`}, none: true},
		// The key meant is read from the value (hints.go), so that it is
		// not also reported missing.
		{name: "unknown key", src: strings.Replace(minimal, "status:", "stauts:", 1),
			want: []string{`x.yaml:2:1: unknown key "stauts"; did you mean status?`}, none: true},
		{name: "unknown nested key", src: strings.Replace(minimal, "  name:", "  nmae:", 1),
			want: []string{`x.yaml:4:3: unknown key "nmae"; did you mean name?`}, none: true},
		{name: "required key missing", src: strings.Replace(minimal, "status: preliminary\n", "", 1),
			want: []string{`x.yaml:1:1: missing required key "status" in the top level`}, none: true},
		{name: "unknown key that is no slip", src: strings.Replace(minimal, "  name:", "  title:", 1),
			want: []string{`x.yaml:4:3: unknown key "title"`, `x.yaml:4:3: missing required key "name" in "unit"`}, none: true},
		{name: "unknown area key", src: withArea("E", "  E: {met: all, not_mett: [E4]}\n"),
			want: []string{`x.yaml:12:17: unknown key "not_mett"; did you mean not_met?`}, none: true},
		{name: "unknown criterion", src: withArea("E", "  E: {met: all, not_met: [E15]}\n"),
			want: []string{`x.yaml:12:27: unknown criterion "E15" in area E; did you mean one of E1–E14?`}, none: true},
		{name: "criterion in lower case", src: withArea("E", "  E: {met: all, not_met: [e4]}\n"),
			want: []string{`x.yaml:12:27: unknown criterion "e4" in area E; did you mean E4?`}, none: true},
		{name: "criterion of another area", src: withArea("E", "  E: {met: all, not_met: [G1]}\n"),
			want: []string{`x.yaml:12:27: criterion G1 belongs to area G (Medicinsk vetenskap och systematiskt kvalitets- och patientsäkerhetsarbete), not to area E; did you mean to list it under area G?`}, none: true},
		{name: "unknown area", src: minimal + "  I: {met: all}\n",
			want: []string{`x.yaml:16:3: unknown area "I"; the areas are A, B, C, D, E, F, G, H`}, none: true},
		{name: "listed twice", src: withArea("E", "  E:\n    met: [E4]\n    not_met: [E4]\n"),
			want: []string{`x.yaml:14:15: E4 is listed twice: under met (line 13) and under not_met`}},
		{name: "grade not A-D", src: withArea("B", "  B: {met: all, override: {grade: E, reason: Kalibrering}}\n"),
			want: []string{`x.yaml:9:35: grade "E" is not a grade; the grades are A, B, C and D`}, none: true},
		{name: "grade in lower case", src: withArea("B", "  B: {met: all, override: {grade: b, reason: Kalibrering}}\n"),
			want: []string{`x.yaml:9:35: grade "b": write B`}, none: true},
		{name: "grade not among options", src: withArea("A", "  A: {met: all, override: {grade: C, reason: Kalibrering}}\n"),
			want: []string{`x.yaml:8:35: grade C is not among the options of area A (A, B, D)`}, none: true},
		{name: "override without reason", src: withArea("B", "  B: {met: all, override: {grade: A}}\n"),
			want: []string{`x.yaml:9:27: the override of area B needs a reason: the report prints why the inspectors set the grade`}, none: true},
		{name: "override with empty reason", src: withArea("B", "  B: {met: all, override: {grade: A, reason: \"  \"}}\n"),
			want: []string{`x.yaml:9:46: the override of area B needs a reason: the report prints why the inspectors set the grade`}, none: true},
		{name: "unassessed in preliminary", src: withArea("E", "  E: {not_met: [E4]}\n"),
			want: []string{`x.yaml:12:3: warning: area E: criteria E1, E2, E3, E5, E6, E7, E8, E9, E10, E11, E12, E13, E14 are not assessed; list each under met, not_met or not_applicable, or write met: all (an unassessed criterion never counts as met)`}, none: true},
		{name: "unassessed in final", src: strings.Replace(withArea("C", "  C: {met: [C1, C2, C3]}\n"), "preliminary", "final", 1),
			want: []string{`x.yaml:10:3: area C: criterion C4 is not assessed; list it under met, not_met or not_applicable, or write met: all`}, none: true},
		{name: "area missing in final", src: strings.Replace(strings.Replace(minimal, "  H: {met: all}\n", "", 1), "preliminary", "final", 1),
			want: []string{`x.yaml:7:1: area H: criteria H1, H2, H3, H4, H5, H6, H7, H8, H9, H10, H11, H12, H13 are not assessed; list each under met, not_met or not_applicable, or write met: all`}, none: true},
		{name: "plan entry for a met criterion", src: minimal + bigAction,
			want: []string{`x.yaml:18:18: action-plan entry for C1, which is met; remove the entry, or list C1 under not_met in area C`}, none: true},
		{name: "plan entry for a not applicable criterion", src: withArea("C", "  C: {met: all, not_applicable: [C1]}\n") + bigAction,
			want: []string{`x.yaml:18:18: action-plan entry for C1, which is not applicable; remove the entry, or list C1 under not_met in area C`}, none: true},
		{name: "two plan entries", src: withArea("C", "  C: {met: all, not_met: [C1]}\n") + bigAction + "    - criterion: C1\n",
			want: []string{`x.yaml:19:18: a second action-plan entry for C1 (the first is at line 18); merge them into one`}, none: true},
		{name: "plan entry for unknown criterion", src: minimal + "action_plan:\n  entries:\n    - criterion: C9\n",
			want: []string{`x.yaml:18:18: unknown criterion "C9"; did you mean one of C1–C4?`}, none: true},
		{name: "final with unmet föreskrift and no plan", src: strings.Replace(withArea("C", "  C: {met: all, not_met: [C1, C3]}\n"), "preliminary", "final", 1),
			want: []string{`x.yaml:2:9: the report is final, but the unit's action plan is not in yet (C1 not met, and no action_plan): keep status: preliminary until it is; spur template makes the workbook the unit fills in, and spur import brings its plan into this file`}, none: true},
		// A plan that lacks an entry: the entry is named at the criterion.
		{name: "final with a plan lacking an unmet föreskrift", src: strings.Replace(withArea("C", "  C: {met: all, not_met: [C1, C3]}\n"), "preliminary", "final", 1) + "action_plan:\n  entries:\n    - {criterion: C3, action: x}\n",
			want: []string{`x.yaml:10:27: C1 is a föreskrift that is not met: a final report needs an action-plan entry for it (action_plan.entries with criterion: C1)`}, none: true},
		// Issue 11, section 4, items 2 and 4: a decision is on a plan, a note on a decision.
		{name: "plan decision without a plan", src: withArea("C", "  C:\n    met: all\n    not_met: [C1]\n    plan_decision: accepted\n"),
			want: []string{`x.yaml:13:5: area C has plan_decision: accepted, but the inspection has no action plan: the inspectors decide on the unit's plan once it is in; import it first (spur import, or action_plan:), or remove plan_decision`}, none: true},
		{name: "plan decision with a plan", src: withArea("C", "  C:\n    met: all\n    not_met: [C1]\n    plan_decision: not_accepted\n") + bigAction, none: true},
		{name: "plan note without a decision", src: withArea("C", "  C:\n    met: all\n    not_met: [C1]\n    plan_note: Graderingen är ändrad till C.\n") + bigAction,
			want: []string{`x.yaml:13:5: area C has a plan_note but no plan_decision: the note is printed instead of the sentence on the inspectors' decision on the action plan; add plan_decision: accepted or not_accepted, or remove plan_note`}, none: true},
		{name: "plan note with a decision", src: withArea("C", "  C:\n    met: all\n    not_met: [C1]\n    plan_decision: accepted\n    plan_note: |\n      Graderingen\n      är ändrad till C.\n") + bigAction, none: true},
		{name: "plan note and decision without a plan", src: withArea("C", "  C: {met: all, not_met: [C1], plan_decision: accepted, plan_note: Ändrad till C.}\n"),
			want: []string{`x.yaml:10:32: area C has plan_decision: accepted, but the inspection has no action plan: the inspectors decide on the unit's plan once it is in; import it first (spur import, or action_plan:), or remove plan_decision`}, none: true},
		{name: "empty plan note", src: withArea("C", "  C: {met: all, not_met: [C1], plan_decision: accepted, plan_note: \" \"}\n") + bigAction,
			want: []string{`x.yaml:10:57: warning: plan_note of area C is empty, so the report prints the standard sentence on the action plan; write the note, or remove plan_note`}, none: true},
		{name: "plan note misspelt", src: withArea("C", "  C: {met: all, not_met: [C1], plan_decision: accepted, plan_notes: x}\n") + bigAction,
			want: []string{`x.yaml:10:57: unknown key "plan_notes"; did you mean plan_note?`}, none: true},
		{name: "visit not a date", src: strings.Replace(minimal, "2025-02-11", "2025-02-30", 1),
			want: []string{`x.yaml:5:8: "2025-02-30" is not a date; write it as YYYY-MM-DD, e.g. 2025-02-11`}, none: true},
		{name: "visit in Swedish", src: strings.Replace(minimal, "2025-02-11", "11 februari 2025", 1),
			want: []string{`x.yaml:5:8: "11 februari 2025" is not a date; write it as YYYY-MM-DD, e.g. 2025-02-11`}, none: true},
		{name: "plan date not a date", src: minimal + "action_plan:\n  date: snart\n",
			want: []string{`x.yaml:17:9: "snart" is not a date; write it as YYYY-MM-DD, e.g. 2025-02-11`}, none: true},
		{name: "normalised date not a date", src: withArea("C", "  C: {met: all, not_met: [C1]}\n") + "action_plan:\n  entries:\n    - criterion: C1\n      due: {text: till jul, date: 2025-12-32}\n",
			want: []string{`x.yaml:19:35: "2025-12-32" is not a date; write it as YYYY-MM-DD, e.g. 2025-02-11`}},
		{name: "unreadable plan date warns", src: withArea("C", "  C: {met: all, not_met: [C1]}\n") + "action_plan:\n  entries:\n    - criterion: C1\n      due: när budgeten tillåter\n",
			want: []string{`x.yaml:19:12: warning: cannot read "när budgeten tillåter" as a date; it is kept as written (write e.g. 2025-12-31, "31 dec 2025", "om sex månader" or "genomförd")`}, none: true},
		{name: "unknown catalogue", src: strings.Replace(minimal, `"2025"`, `"2052"`, 1),
			want: []string{`x.yaml:1:10: unknown catalogue version "2052"; the known versions are 2023, 2025; did you mean 2025?`}, none: true},
		{name: "status in Swedish", src: strings.Replace(minimal, "preliminary", "slutlig", 1),
			want: []string{`x.yaml:2:9: status "slutlig": write final (the key words are English)`}, none: true},
		{name: "text where a list belongs", src: strings.Replace(minimal, "inspectors: [Karin Ek, Johan Sund]", "inspectors: Karin Ek", 1),
			want: []string{`x.yaml:6:13: expected a list (items starting with "- ", or [a, b]), found the value "Karin Ek"`}, none: true},
		{name: "list where text belongs", src: strings.Replace(minimal, "  name: Testklinikens vårdcentral", "  name: [a, b]", 1),
			want: []string{`x.yaml:4:9: expected text, found a list`}, none: true},
		{name: "second document", src: minimal + "---\nstatus: final\n",
			want: []string{`x.yaml:16:1: a second YAML document (after ---); an inspection file holds one`}, none: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, diags := load(t, tc.src)
			checkLines(t, diags, tc.want, tc.none)
		})
	}
}

// checkLines asserts that each of want is a line of the printed
// diagnostics, and with none that there are no others.
func checkLines(t *testing.T, diags Diagnostics, want []string, none bool) {
	t.Helper()
	got := diags.String()
	lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	if got == "" {
		lines = nil
	}
	for _, w := range want {
		found := false
		for _, l := range lines {
			found = found || l == w
		}
		if !found {
			t.Errorf("missing diagnostic\nwant: %s\ngot:\n%s", w, got)
		}
	}
	if none && len(lines) != len(want) {
		t.Errorf("got %d diagnostics, want %d:\n%s", len(lines), len(want), got)
	}
}

func TestSizeLimit(t *testing.T) {
	big := minimal + "# " + strings.Repeat("x", MaxInputSize) + "\n"
	insp, diags := load(t, big)
	if insp != nil || len(diags) != 1 || !strings.Contains(diags[0].Message, "larger than 4 MiB") {
		t.Fatalf("got %v, %s", insp, diags)
	}
}

func TestAliasBombRefused(t *testing.T) {
	// Criterion ids do not nest, so the amplification an inspection allows
	// is an alias to a large area repeated under many keys: 300 areas of
	// 3,000 ids each from a file of a few kilobytes.
	var b strings.Builder
	b.WriteString("ids: &ids [" + strings.Repeat("E1, ", 999) + "E1]\n")
	b.WriteString("areas:\n  X0: &x {met: *ids, not_met: *ids, not_applicable: *ids}\n")
	for i := 1; i < 300; i++ {
		fmt.Fprintf(&b, "  X%d: *x\n", i)
	}
	src := strings.Replace(minimal, "areas:\n", "", 1)
	src = src[:strings.Index(src, "  A:")] + b.String()
	start := time.Now()
	insp, diags := load(t, src)
	if insp != nil || !strings.Contains(diags.String(), "x.yaml:75:8: the file expands to more than 200000 values, 199911 of them copies made by aliases (such as *x); refusing to read further") {
		t.Fatalf("bomb not refused: %.500s", diags)
	}
	// Not a measure of speed, a guard against hanging: the budget makes
	// this milliseconds; minutes would mean the budget is not applied.
	if time.Since(start) > time.Minute {
		t.Fatalf("took %v", time.Since(start))
	}
}

func TestAliasesAreAllowed(t *testing.T) {
	src := withArea("C", "  C: {met: all, not_met: [C1]}\n") + `action_plan:
  date: 2025-05-20
  entries:
    - criterion: C1
      action: Inköp av öronmikroskop
      due: "20251231"
      responsible: &vc Verksamhetschefen
      follow_up: om sex månader
      follow_up_by: *vc
`
	insp, diags := load(t, src)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	e := insp.ActionPlan.Entries[0]
	if e.FollowUpBy != "Verksamhetschefen" {
		t.Errorf("alias not followed: %q", e.FollowUpBy)
	}
	if e.Due.Text != "20251231" || e.Due.Parsed.String() != "2025-12-31" {
		t.Errorf("due = %+v", e.Due)
	}
	if e.FollowUp.Text != "om sex månader" || e.FollowUp.Parsed.String() != "2025-11-20" {
		t.Errorf("follow_up = %+v, want 2025-11-20 (six months after the plan's date)", e.FollowUp)
	}
}

func TestPositionsOfNotMetLists(t *testing.T) {
	insp, _ := load(t, withArea("E", "  E:\n    met: all\n    not_met:\n      - E4\n      - E5\n"))
	if got := insp.Pos("areas.E.not_met[1]").String(); got != "x.yaml:16:9" {
		t.Errorf("position of E5 = %s", got)
	}
}
