package workbook

import (
	"fmt"
	"io"
	"strings"

	"spur/schema"
)

// MergePlanWorkbook writes plan into an inspection workbook, as package
// plan splices it into a YAML inspection: the entries go on its sheet
// Handlingsplan (the rows that were there are replaced, and reported), the
// plan's date on its sheet Inspektion; every other sheet stays as it was. The workbook is read from r and the result written to
// w. Nothing is written when diags has errors.
func MergePlanWorkbook(w io.Writer, name string, r io.ReaderAt, size int64, plan *schema.ActionPlan) (schema.Diagnostics, error) {
	var diags schema.Diagnostics
	b, err := openBook(name, r, size, &diags)
	if b == nil {
		diags.Sort()
		return diags, err
	}
	defer b.close()
	ok := mergeBook(b, plan, &diags)
	diags.Sort()
	if !ok || diags.HasErrors() {
		return diags, nil
	}
	if _, err := b.f.WriteTo(w); err != nil {
		return diags, fmt.Errorf("write %s: %w", name, err)
	}
	return diags, nil
}

func mergeBook(b *book, plan *schema.ActionPlan, diags *schema.Diagnostics) (ok bool) {
	defer func() {
		if p := recover(); p != nil {
			diags.Errorf(schema.Pos{File: b.file}, "the workbook is damaged: reading it failed (%v); open it in Excel or LibreOffice Calc and save it again", p)
			ok = false
		}
	}()
	if b.props()[propKind] == kindPlan {
		diags.Errorf(schema.Pos{File: b.file}, "this is an action-plan workbook, not an inspection: a plan is imported into its inspection")
		return false
	}
	head, ok := b.readSheet(SheetInspection, diags)
	if !ok {
		return false
	}
	labels := labelRows(head)
	cat, _ := schema.CatalogVersion(labelValue(head, labels, labelCatalog))
	g, ok := b.readSheet(SheetPlan, diags)
	if !ok {
		return false
	}
	required := make([]bool, planCols)
	required[colID] = true
	t, ok := findTable(g, planHeaders[:], required, 1, 10, diags)
	if !ok {
		return false
	}
	old, _ := readPlanLines(g, diags)
	reportReplacedRows(old, plan, diags)
	st, err := newStyles(b.f)
	if err != nil {
		diags.Errorf(schema.Pos{File: b.file}, "cannot write the workbook: %v", err)
		return false
	}
	wr := &writer{f: b.f}
	for r := t.row + 1; r <= g.lastRow(); r++ {
		for _, c := range t.col {
			if c >= 0 {
				wr.str(g.sheet, c, r, "", st.input)
			}
		}
	}
	for i, e := range plan.Entries {
		row := t.row + 1 + i
		vals := map[int]string{colID: e.Criterion, colAction: e.Action, colDue: dateCell(e.Due),
			colResponsible: e.Responsible, colFollowUp: dateCell(e.FollowUp), colFollowUpBy: e.FollowUpBy}
		lines := lineCount(e.Action, planWidths[colAction])
		if cat != nil {
			if cr, area, ok := cat.Criterion(e.Criterion); ok {
				vals[colArea], vals[colText] = area.Letter+". "+area.Title, cr.Text
				vals[colKind] = kindName(cr.Kind)
				if k := cr.Kind.Group(); k == schema.Regulation || k == schema.Advice {
					vals[colKind] = planRow{required: k == schema.Regulation}.kindLabel()
				}
				lines = max(lines, lineCount(cr.Text, planWidths[colText]))
			}
		}
		for k, v := range vals {
			if c := t.col[k]; c >= 0 {
				wr.str(g.sheet, c, row, v, st.input)
			}
		}
		wr.height(g.sheet, row, float64(max(2, lines))*15+4)
	}
	if r, ok := labels[normWord(labelPlanDate)]; ok {
		wr.str(head.sheet, 1, r, plan.Date.String(), st.input)
	} else if !plan.Date.IsZero() {
		diags.Warnf(head.pos(0, 1), "the sheet has no row %q, so the plan's date, %s, is not written", labelPlanDate, plan.Date)
	}
	if wr.err != nil {
		diags.Errorf(schema.Pos{File: b.file}, "cannot write the workbook: %v", wr.err)
		return false
	}
	return true
}

// dateCell is what a plan date field puts in a cell: the text, or the
// date where the text was an Excel serial that only the cell's type made
// a date of.
func dateCell(d schema.DateText) string {
	if !d.Given.IsZero() && strings.Trim(d.Text, "0123456789.") == "" {
		return d.Given.String()
	}
	return d.Text
}

func reportReplacedRows(old []planLine, plan *schema.ActionPlan, diags *schema.Diagnostics) {
	kept := map[string]bool{}
	for _, e := range plan.Entries {
		kept[e.Criterion] = true
	}
	n := 0
	for i := range old {
		if old[i].blank() {
			continue
		}
		if n++; n == 1 {
			diags.Warnf(old[i].id.pos, "the action plan already on this sheet is replaced by the imported one")
		}
		if id := canonicalID(old[i].id.text); id != "" && !kept[id] {
			diags.Warnf(old[i].id.pos, "the old plan's row for %s is not in the imported plan, and is dropped", id)
		}
	}
}
