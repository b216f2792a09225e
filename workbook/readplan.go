package workbook

import (
	"fmt"
	"io"
	"strings"

	"spur/schema"
)

// ReadPlan reads a plan workbook filled in by the unit of insp (loaded and
// validated) and returns the action plan it holds, every value as the unit
// wrote it. Problems are diagnostics at their cells ("plan.xlsx:
// Handlingsplan!F7"); the plan is returned whenever the workbook could be
// read (but not when it was made for another inspection, or has nothing
// filled in), and is fit to import only when diags has no errors. err is
// for a reader that fails, or an inspection that was not loaded.
func ReadPlan(name string, r io.ReaderAt, size int64, insp *schema.Inspection, opt PlanOptions) (*schema.ActionPlan, schema.Diagnostics, error) {
	want, err := planRows(insp)
	if err != nil {
		return nil, nil, err
	}
	var diags schema.Diagnostics
	b, err := openBook(name, r, size, &diags)
	if b == nil {
		diags.Sort()
		return nil, diags, err
	}
	defer b.close()
	plan := readPlanBook(b, insp, want, opt, &diags)
	diags.Sort()
	return plan, diags, nil
}

func readPlanBook(b *book, insp *schema.Inspection, want []planRow, opt PlanOptions, diags *schema.Diagnostics) (plan *schema.ActionPlan) {
	defer func() {
		if p := recover(); p != nil {
			diags.Errorf(schema.Pos{File: b.file}, "the workbook is damaged: reading it failed (%s); open it in Excel or LibreOffice Calc and save it again", schema.Clip(fmt.Sprint(p)))
			plan = nil
		}
	}()
	props := b.props()
	if props[propKind] == kindInspection {
		diags.Errorf(schema.Pos{File: b.file}, "this is an inspection workbook, not an action plan; the plan is the workbook spur template writes for the unit")
		return nil
	}
	instr, _ := b.optionalSheet(SheetInstructions, "the plan's date and the inspection it belongs to are read from it", diags)
	labels := labelRows(instr)
	id, ok := b.readIdentity(planPhrases, props, instr, labels, diags)
	if !ok || !id.compare(identityOf(insp, want), b.labelPos(instr, labels, labelUnit), diags) {
		return nil
	}
	g, ok := b.readSheet(SheetPlan, diags)
	if !ok {
		return nil
	}
	lines, ok := readPlanLines(g, diags)
	if !ok {
		return nil
	}
	date := cell{pos: schema.Pos{File: b.file}}
	if r, ok := labels[normWord(labelPlanDate)]; ok {
		date = instr.read(1, r, diags)
	}
	f := filled{insp: insp, want: want, date: date, lines: lines, start: g.pos(colAction, 2), form: formWorkbook,
		where: func(i int) schema.Pos { return g.pos(colID, i+2) }}
	return f.plan(opt, diags)
}

// readPlanLines reads the rows of a plan sheet under its header.
func readPlanLines(g *grid, diags *schema.Diagnostics) ([]planLine, bool) {
	required := make([]bool, planCols)
	for c := colID; c < planCols; c++ {
		required[c] = c != colKind && c != colText
	}
	t, ok := findTable(g, planHeaders[:], required, 1, 10, diags)
	if !ok {
		return nil, false
	}
	rows, ok := t.rows(diags)
	if !ok {
		return nil, false
	}
	var lines []planLine
	reported := map[int]bool{}
	for _, r := range rows {
		t.unread(r, reported, diags)
		l := planLine{id: t.read(colID, r, diags), hasText: t.has(colText)}
		if l.hasText {
			l.text = t.read(colText, r, diags)
		}
		for i := range l.fields {
			l.fields[i] = t.read(colAction+i, r, diags)
		}
		lines = append(lines, l)
	}
	return lines, true
}

// labelRows maps each label in column A of a form sheet to its row.
func labelRows(g *grid) map[string]int {
	m := map[string]int{}
	if g == nil {
		return m
	}
	for r := 1; r <= min(g.lastRow(), 60); r++ {
		if k := normWord(g.raw(0, r)); k != "" {
			if _, dup := m[k]; !dup {
				m[k] = r
			}
		}
	}
	return m
}

// labelValue is the text beside a label; a date cell reads as YYYY-MM-DD.
func labelValue(g *grid, labels map[string]int, label string) string {
	if r, ok := labels[normWord(label)]; ok {
		var ignored schema.Diagnostics // the cell is reported where it is used
		return strings.TrimSpace(g.read(1, r, &ignored).text)
	}
	return ""
}

// optionalSheet reads a sheet whose absence is a warning: why says what is
// lost without it.
func (b *book) optionalSheet(want, why string, diags *schema.Diagnostics) (*grid, bool) {
	for _, s := range b.f.GetSheetList() {
		if normWord(s) == normWord(want) {
			return b.readSheet(s, diags)
		}
	}
	diags.Warnf(schema.Pos{File: b.file}, "the workbook has no sheet %q; %s", want, why)
	return nil, false
}

// props returns the workbook's custom document properties as text.
func (b *book) props() map[string]string {
	m := map[string]string{}
	list, err := b.f.GetCustomProps()
	if err != nil {
		return m
	}
	for _, p := range list {
		m[p.Name] = fmt.Sprint(p.Value)
	}
	return m
}
