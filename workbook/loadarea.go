package workbook

import (
	"fmt"
	"strings"

	"spur/schema"
)

// area reads one area sheet: the narrative, the override and the decision
// on the plan from the form rows, the assessments from the table.
func (d *decoder) area(g *grid, ca *schema.CatalogArea) {
	base := "areas." + ca.Letter
	a := &schema.Area{}
	d.insp.Areas[ca.Letter] = a
	d.insp.SetPos(base, g.pos(0, 1))
	labels := labelRows(g)
	value := func(label string, col int) (cell, bool) {
		r, ok := labels[normWord(label)]
		if !ok {
			return cell{}, false
		}
		return g.read(col, r, d.diags), true
	}
	// The narrative's label carries a hint after it; the text is the row below.
	for r := 1; r <= min(g.lastRow(), 60); r++ {
		if strings.HasPrefix(normWord(g.raw(0, r)), normWord(labelNarrative)) {
			c := g.read(0, r+1, d.diags)
			a.Narrative = c.text
			d.insp.SetPos(base+".narrative", c.pos)
			break
		}
	}
	if c, ok := value(labelOverride, areaValueCol); ok && strings.TrimSpace(c.text) != "" {
		a.Override = &schema.Override{}
		d.insp.SetPos(base+".override", c.pos)
		d.insp.SetPos(base+".override.grade", c.pos)
		if gr := schema.Grade(strings.ToUpper(strings.TrimSpace(c.text))); gr.Valid() {
			a.Override.Grade = gr
		} else {
			d.diags.Errorf(c.pos, "grade %q is not a grade; the grades are A, B, C and D", schema.Clip(c.text))
		}
	}
	if c, ok := value(labelReason, areaValueCol); ok && strings.TrimSpace(c.text) != "" {
		if a.Override == nil {
			d.diags.Errorf(c.pos, "a %s without an %s: choose the grade in %s, or clear this cell", labelReason, labelOverride, cellName(areaValueCol, labels[normWord(labelOverride)]))
		} else {
			a.Override.Reason = c.text
		}
	}
	if a.Override != nil {
		if r, ok := labels[normWord(labelReason)]; ok {
			d.insp.SetPos(base+".override.reason", g.pos(areaValueCol, r))
		}
	}
	if c, ok := value(labelDecision, areaValueCol); ok && strings.TrimSpace(c.text) != "" {
		d.insp.SetPos(base+".plan_decision", c.pos)
		if v, ok := lookupWord(decisionWords, c.text); ok {
			a.PlanDecision = schema.Decision(v)
		} else {
			d.diags.Errorf(c.pos, "%q is not a decision on the plan; choose %s%s", schema.Clip(c.text),
				strings.Join(svWords(decisionWords), " or "), suggest(c.text, svWords(decisionWords)))
		}
	}
	if c, ok := value(labelAllMet, areaValueCol); ok {
		d.setCell(ca.Letter, "all", c.pos)
		if w := strings.TrimSpace(c.text); w != "" {
			if _, ok := lookupWord(allMetWords, w); ok {
				a.Met.All = true // met: all
				d.insp.SetPos(base+".met", c.pos)
			} else {
				d.diags.Errorf(c.pos, "%q is not a choice here; choose %s (every criterion left blank under %s is then met), or clear the cell%s",
					schema.Clip(w), svWord(allMetWords, "all"), labelAssessHeader, suggest(w, svWords(allMetWords)))
			}
		}
	}
	// The cells of the form rows, for diagnostics made later about a value
	// the area does not have (a grade to set, a decision to record).
	for _, f := range [...]struct{ key, label string }{{"override", labelOverride}, {"reason", labelReason}, {"decision", labelDecision}} {
		if r, ok := labels[normWord(f.label)]; ok {
			d.setCell(ca.Letter, f.key, g.pos(areaValueCol, r))
		}
	}
	d.assessments(g, ca, a, base)
}

// setCell records the cell of a workbook field under cellKey(letter, key).
func (d *decoder) setCell(letter, key string, p schema.Pos) {
	d.insp.SetPos(cellKey(letter, key), p)
}

func (d *decoder) assessments(g *grid, ca *schema.CatalogArea, a *schema.Area, base string) {
	t, ok := findTable(g, areaHeaders, []bool{true, false, false, true, false}, 1, 20, d.diags)
	if !ok {
		return
	}
	rows, ok := t.rows(d.diags)
	if !ok {
		return
	}
	d.setCell(ca.Letter, "table", g.pos(t.col[0], t.row))
	seen := map[string]string{}
	reported := map[int]bool{}
	for _, r := range rows {
		t.unread(r, reported, d.diags)
		idc, res, com := t.read(0, r, d.diags), t.read(3, r, d.diags), t.read(4, r, d.diags)
		raw := strings.TrimSpace(idc.text)
		if raw == "" {
			if strings.TrimSpace(res.text+com.text) != "" {
				d.diags.Errorf(idc.pos, "this row has an assessment or a comment but no criterion; write the criterion's id in %s", idc.pos.Cell)
			}
			continue
		}
		id := canonicalID(raw)
		if prev, dup := seen[id]; dup {
			d.diags.Errorf(idc.pos, "a second row for %s (the first is at %s); keep one", schema.Clip(id), prev)
			continue
		}
		seen[id] = idc.pos.Cell
		d.setCell(ca.Letter, "result:"+id, res.pos)
		if cr, _, ok := d.insp.Cat.Criterion(id); ok && t.has(2) {
			if tc := t.read(2, r, d.diags); normalizeBreaks(strings.TrimSpace(tc.text)) != cr.Text {
				d.diags.Warnf(tc.pos, "the criterion text of %s was changed; the report prints the catalogue's text", id)
			}
		}
		if strings.TrimSpace(com.text) != "" {
			if a.Comments == nil {
				a.Comments = map[string]string{}
			}
			a.Comments[id] = com.text
			d.insp.SetPos(base+".comments."+id, com.pos)
		}
		word := strings.TrimSpace(res.text)
		if word == "" {
			continue // unassessed: schema.Validate reports it for the area
		}
		v, ok := lookupWord(resultWords, word)
		if !ok {
			d.diags.Errorf(res.pos, "%q is not an assessment; choose %s%s", schema.Clip(word), strings.Join(svWords(resultWords), ", "), suggest(word, svWords(resultWords)))
			continue
		}
		var list *[]string
		key := v
		switch schema.Result(v) {
		case schema.Met:
			list = &a.Met.IDs
		case schema.NotMet:
			list = &a.NotMet
		default:
			list = &a.NotApplicable
		}
		d.insp.SetPos(fmt.Sprintf("%s.%s[%d]", base, key, len(*list)), res.pos)
		*list = append(*list, id)
	}
}

// plan reads the plan sheet of an inspection workbook: rows by criterion
// id, as a plan template's, checked later by schema.Validate.
func (d *decoder) plan(g *grid, date schema.Date) {
	lines, ok := readPlanLines(g, d.diags)
	if !ok {
		return
	}
	m := &matcher{insp: d.insp, base: date, diags: d.diags}
	entries := m.entries(lines)
	if len(entries) == 0 && date.IsZero() {
		return
	}
	p := &schema.ActionPlan{Date: date}
	for j, pe := range entries {
		path := fmt.Sprintf("action_plan.entries[%d]", j)
		d.insp.SetPos(path, pe.line.id.pos)
		d.insp.SetPos(path+".criterion", pe.line.id.pos)
		for i, k := range fieldKeys {
			d.insp.SetPos(path+"."+k, pe.line.fields[i].pos)
		}
		p.Entries = append(p.Entries, pe.e)
	}
	d.insp.ActionPlan = p
	d.insp.SetPos("action_plan", g.pos(0, 1))
}
