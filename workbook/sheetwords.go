package workbook

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/xuri/excelize/v2"

	"spur/schema"
)

// Diagnostics in the words of the workbook. schema.Validate, and package
// grade after it, check an inspection in the model's terms and say what to
// write in YAML ("list it under met, not_met or not_applicable"). An
// inspector who fills in the workbook has no such keys: each of those
// messages is rewritten here into what to choose in which cell, and moved
// to that cell where the model had none to give (an unassessed criterion
// is reported at its Bedömning cell, not at the top of its sheet).
//
// The messages are recognised by their text. One this table does not know
// passes unchanged; the tests fail for any message of the inspection
// workbook that still names a YAML key.

// cellKey is the path under which LoadInspection records a cell that no
// value of the model has (the override cell of an area without one);
// letter is "" for the workbook as a whole. It has no dot or bracket, so
// that schema's lookup, which walks up a path, finds it only as written.
func cellKey(letter, key string) string { return "xlsx:" + letter + ":" + key }

// SheetWords rewrites the diagnostics that checks made on an inspection
// loaded with LoadInspection (package grade's) into the words and cells of
// the workbook, as LoadInspection does for schema.Validate's: "choose
// godtagen or ej godtagen in C6", not "plan_decision: accepted or
// not_accepted". Diagnostics it does not know, and all diagnostics of an
// inspection not read from a workbook, are returned unchanged.
func SheetWords(insp *schema.Inspection, diags schema.Diagnostics) schema.Diagnostics {
	if insp == nil {
		return diags
	}
	if _, ok := (wording{insp}).cell("", "book"); !ok {
		return diags
	}
	return reword(insp, diags)
}

func reword(insp *schema.Inspection, diags schema.Diagnostics) schema.Diagnostics {
	w := wording{insp}
	var out schema.Diagnostics
	for _, d := range diags {
		out = append(out, w.reword(d)...)
	}
	return out
}

// wording rewrites the diagnostics of one inspection workbook.
type wording struct{ insp *schema.Inspection }

var rewrites = []struct {
	re *regexp.Regexp
	fn func(w wording, d schema.Diagnostic, m []string) schema.Diagnostics
}{
	// schema.Validate
	{regexp.MustCompile(`^area ([A-H]): .*\bnot assessed\b`), wording.unassessed},
	{regexp.MustCompile(`^catalog is empty; (.*)$`), wording.catalog},
	{regexp.MustCompile(`^a final report names its inspectors`), wording.inspectors},
	{regexp.MustCompile(`^criterion (\S+) belongs to area ([A-H]) \((.*)\), not to area ([A-H])`), wording.otherArea},
	{regexp.MustCompile(`^the override of area ([A-H]) needs a reason`), wording.reason},
	{regexp.MustCompile(`^area ([A-H]) has plan_decision: (\S+), but the inspection has no action plan`), wording.noPlan},
	{regexp.MustCompile(`^action-plan entry for (\S+), which is (met|not applicable|not assessed)`), wording.planRow},
	{regexp.MustCompile(`^the action-plan entry for (\S+) has no planned action`), wording.noAction},
	{regexp.MustCompile(`^(\S+) is a föreskrift that is not met: a final report needs an action-plan entry`), wording.unplanned},
	{regexp.MustCompile(`^the report is final, but the unit's action plan is not in yet \((.+) not met, and no action_plan\)`), wording.finalEarly},
	// package grade
	{regexp.MustCompile(`^area ([A-H]) is (.+), not D: a decision on the action plan applies only to an area graded D`), wording.notD},
	{regexp.MustCompile(`^area ([A-H]): every criterion is not applicable, so no grade can be computed`), wording.noGrade},
	{regexp.MustCompile(`^area ([A-H]) is graded D: a final report records the inspectors' decision on the action plan`), wording.noDecision},
}

func (w wording) reword(d schema.Diagnostic) schema.Diagnostics {
	for _, r := range rewrites {
		if m := r.re.FindStringSubmatch(d.Message); m != nil {
			return r.fn(w, d, m)
		}
	}
	return schema.Diagnostics{d}
}

// cell is the cell recorded under cellKey(letter, key).
func (w wording) cell(letter, key string) (schema.Pos, bool) {
	p := w.insp.Pos(cellKey(letter, key))
	return p, p.Sheet != ""
}

// field names a form field of an area sheet by its cell, "C4
// (Avvikande gradering)", or by its label when the row is missing; at is
// its cell, or else def.
func (w wording) field(letter, key, label string, def schema.Pos) (name string, at schema.Pos) {
	if p, ok := w.cell(letter, key); ok {
		return fmt.Sprintf("%s (%s)", p.Cell, label), p
	}
	return fmt.Sprintf("the row %s of sheet %s", label, AreaSheet(letter)), def
}

func redo(d schema.Diagnostic, at schema.Pos, format string, args ...any) schema.Diagnostics {
	return schema.Diagnostics{{Pos: at, Severity: d.Severity, Message: fmt.Sprintf(format, args...)}}
}

// allHint offers the area's alla uppfyllda cell, where the sheet has one.
func (w wording) allHint(letter string) string {
	if p, ok := w.cell(letter, "all"); ok {
		return fmt.Sprintf(", or %s in %s to count every criterion left blank as met", svWord(allMetWords, "all"), p.Cell)
	}
	return ""
}

// spot is an unassessed criterion: its place in the area and its cell.
type spot struct {
	index int
	id    string
	pos   schema.Pos
}

// unassessed reports the area's unassessed criteria at the cell of the
// first, naming the cell of each, and those without a row at the table's
// header.
func (w wording) unassessed(d schema.Diagnostic, m []string) schema.Diagnostics {
	letter := m[1]
	a := w.insp.Areas[letter]
	table, ok := w.cell(letter, "table")
	if !ok || a == nil {
		return nil // the sheet or its table could not be read, which is reported
	}
	var spots []spot
	var rowless []string
	for i, as := range a.Assessments {
		if as.Result != schema.Unassessed {
			continue
		}
		if p, ok := w.cell(letter, "result:"+as.Criterion.ID); ok {
			spots = append(spots, spot{i, as.Criterion.ID, p})
		} else {
			rowless = append(rowless, as.Criterion.ID)
		}
	}
	never := ""
	if d.Severity == schema.Warning {
		never = " (an unassessed criterion never counts as met)"
	}
	var out schema.Diagnostics
	if len(spots) > 0 {
		ids, cells := runs(spots)
		out = append(out, redo(d, spots[0].pos, "%s %s not assessed: choose %s in %s%s%s",
			joinAnd(ids), isAre(len(spots)), orList(svWords(resultWords)), joinAnd(cells), w.allHint(letter), never)...)
	}
	if len(rowless) > 0 {
		out = append(out, redo(d, table, "%s %s no row in the table (deleted?): add a row with the id under %s and choose its %s%s%s",
			joinAnd(rowless), hasHave(len(rowless)), areaHeaders[0], labelAssessHeader, w.allHint(letter), never)...)
	}
	return out
}

// runs lists the ids and cells of spots, three or more in a row as a
// range: "H1–H5" in "D9:D13".
func runs(spots []spot) (ids, cells []string) {
	for i := 0; i < len(spots); {
		j := i
		for j+1 < len(spots) && spots[j+1].index == spots[j].index+1 && below(spots[j].pos.Cell, spots[j+1].pos.Cell) {
			j++
		}
		if j-i >= 2 {
			ids = append(ids, spots[i].id+"–"+spots[j].id)
			cells = append(cells, spots[i].pos.Cell+":"+spots[j].pos.Cell)
		} else {
			for k := i; k <= j; k++ {
				ids = append(ids, spots[k].id)
				cells = append(cells, spots[k].pos.Cell)
			}
		}
		i = j + 1
	}
	return ids, cells
}

// below reports whether cell b is the one right below cell a.
func below(a, b string) bool {
	ac, ar, err1 := excelize.CellNameToCoordinates(a)
	bc, br, err2 := excelize.CellNameToCoordinates(b)
	return err1 == nil && err2 == nil && ac == bc && br == ar+1
}

func (w wording) catalog(d schema.Diagnostic, m []string) schema.Diagnostics {
	return redo(d, d.Pos, "%s is empty; %s", labelCatalog, m[1])
}

func (w wording) inspectors(d schema.Diagnostic, m []string) schema.Diagnostics {
	where := fmt.Sprintf("beside %s on sheet %s", labelInspectors, SheetInspection)
	if d.Pos.Sheet != "" {
		where = "in " + d.Pos.Cell
	}
	return redo(d, d.Pos, "a final report names the inspectors; write them %s, one name per line", where)
}

func (w wording) otherArea(d schema.Diagnostic, m []string) schema.Diagnostics {
	return redo(d, d.Pos, "criterion %s belongs to area %s (%s), not to area %s: assess it on sheet %s, and clear it on this sheet",
		m[1], m[2], m[3], m[4], AreaSheet(m[2]))
}

func (w wording) reason(d schema.Diagnostic, m []string) schema.Diagnostics {
	letter := m[1]
	what := labelOverride
	if a := w.insp.Areas[letter]; a != nil && a.Override != nil && a.Override.Grade != "" {
		what += " " + string(a.Override.Grade)
	}
	if p, ok := w.cell(letter, "override"); ok {
		what += " in " + p.Cell
	}
	where := "beside it"
	if d.Pos.Sheet != "" {
		where = "in " + d.Pos.Cell
	}
	return redo(d, d.Pos, "%s needs a %s: write %s why the inspectors set the grade; the report prints it", what, labelReason, where)
}

func (w wording) noPlan(d schema.Diagnostic, m []string) schema.Diagnostics {
	letter := m[1]
	name, at := w.field(letter, "decision", labelDecision, d.Pos)
	return redo(d, at, "area %s has the decision %s in %s, but the workbook has no action plan: the inspectors decide on the unit's plan once it is in; "+
		"fill in sheet %s (or import the unit's plan with spur import), or clear the decision",
		letter, svWord(decisionWords, m[2]), name, SheetPlan)
}

// result is the assessment of criterion id, the letter of its area and
// where to change it: "in Område A!D9", or "for A1 on sheet Område A".
func (w wording) result(id string) (res schema.Result, letter, where string, explicit bool) {
	if w.insp.Cat == nil {
		return schema.Unassessed, "", "", false
	}
	_, ca, ok := w.insp.Cat.Criterion(id)
	if !ok {
		return schema.Unassessed, "", "", false
	}
	letter = ca.Letter
	where = fmt.Sprintf("for %s on sheet %s", id, AreaSheet(letter))
	if p, ok := w.cell(letter, "result:"+id); ok {
		where = "in " + AreaSheet(letter) + "!" + p.Cell
	}
	a := w.insp.Areas[letter]
	if a == nil {
		return schema.Unassessed, letter, where, false
	}
	for _, as := range a.Assessments {
		if as.Criterion.ID == id {
			res = as.Result
		}
	}
	explicit = res != schema.Met || !a.Met.All
	for _, m := range a.Met.IDs {
		explicit = explicit || m == id
	}
	return res, letter, where, explicit
}

func (w wording) planRow(d schema.Diagnostic, m []string) schema.Diagnostics {
	id := m[1]
	res, letter, where, explicit := w.result(id)
	notMet := svWord(resultWords, string(schema.NotMet))
	if letter == "" || res == schema.Unassessed || res == schema.NotMet {
		return redo(d, d.Pos, "a row for %s, which is not assessed: choose %s %s, or clear the row", id, notMet, where)
	}
	how := fmt.Sprintf("is %s", svWord(resultWords, string(res)))
	switch {
	case !explicit:
		how = "counts as " + svWord(resultWords, string(schema.Met))
		if p, ok := w.cell(letter, "all"); ok {
			how += fmt.Sprintf(" through %s in %s!%s", svWord(allMetWords, "all"), AreaSheet(letter), p.Cell)
		}
	case strings.HasPrefix(where, "in "):
		how += " " + where
		where = "there"
	}
	return redo(d, d.Pos, "a row for %s, which %s: clear the row, or choose %s %s", id, how, notMet, where)
}

func (w wording) noAction(d schema.Diagnostic, m []string) schema.Diagnostics {
	at := d.Pos
	if p := w.insp.ActionPlan; p != nil {
		for j, e := range p.Entries {
			if e.Criterion == m[1] {
				if c := w.insp.Pos(fmt.Sprintf("action_plan.entries[%d].action", j)); c.Sheet != "" {
					at = c
				}
				break
			}
		}
	}
	where := planHeaders[colAction]
	if at.Sheet != "" {
		where = fmt.Sprintf("in %s (%s)", at.Cell, planHeaders[colAction])
	}
	return redo(d, at, "the row for %s has no planned action: write it %s", m[1], where)
}

func (w wording) unplanned(d schema.Diagnostic, m []string) schema.Diagnostics {
	return redo(d, d.Pos, "%s is a föreskrift that is %s: a final report needs a row for it on sheet %s, with %s under %s and its %s",
		m[1], svWord(resultWords, string(schema.NotMet)), SheetPlan, m[1], planHeaders[colID], planHeaders[colAction])
}

func (w wording) finalEarly(d schema.Diagnostic, m []string) schema.Diagnostics {
	return redo(d, d.Pos, "the report is %s, but the unit's action plan is not in yet (%s %s, and sheet %s is empty): choose %s here until it is; spur template makes the workbook the unit fills in",
		svWord(statusWords, string(schema.Final)), m[1], svWord(resultWords, string(schema.NotMet)), SheetPlan, svWord(statusWords, string(schema.Preliminary)))
}

func (w wording) notD(d schema.Diagnostic, m []string) schema.Diagnostics {
	name, at := w.field(m[1], "decision", labelDecision, d.Pos)
	return redo(d, at, "area %s is %s, not D: a decision on the action plan applies only to an area graded D; clear %s", m[1], m[2], name)
}

func (w wording) noGrade(d schema.Diagnostic, m []string) schema.Diagnostics {
	letter := m[1]
	grade, at := w.field(letter, "override", labelOverride, d.Pos)
	reason, _ := w.field(letter, "reason", labelReason, d.Pos)
	return redo(d, at, "area %s: every criterion is %s, so no grade can be computed; choose one in %s and write why in %s",
		letter, svWord(resultWords, string(schema.NotApplicable)), grade, reason)
}

func (w wording) noDecision(d schema.Diagnostic, m []string) schema.Diagnostics {
	name, at := w.field(m[1], "decision", labelDecision, d.Pos)
	return redo(d, at, "area %s is graded D: a final report records the inspectors' decision on the action plan; choose %s in %s",
		m[1], orList(svWords(decisionWords)), name)
}

// joinAnd gives "a", "a and b", "a, b and c".
func joinAnd(list []string) string {
	return joinLast(list, " and ")
}

// orList gives "a, b or c".
func orList(list []string) string {
	return joinLast(list, " or ")
}

func joinLast(list []string, last string) string {
	if len(list) < 2 {
		return strings.Join(list, "")
	}
	return strings.Join(list[:len(list)-1], ", ") + last + list[len(list)-1]
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

func hasHave(n int) string {
	if n == 1 {
		return "has"
	}
	return "have"
}
