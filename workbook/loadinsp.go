package workbook

import (
	"fmt"
	"io"
	"strings"

	"spur/schema"
)

// LoadInspection reads an inspection workbook (WriteInspectionTemplate,
// filled in) into the model, records the cell of every value with SetPos,
// and validates it with schema.Validate, so that it is checked exactly as
// a YAML file is and every diagnostic names its cell ("inspection.xlsx:
// Område E!D12") in the words of the workbook (see SheetWords). As
// schema.Load, it returns the inspection whenever the workbook could be
// read; it is fit to use only when diags has no errors.
func LoadInspection(name string, r io.ReaderAt, size int64) (*schema.Inspection, schema.Diagnostics, error) {
	var diags schema.Diagnostics
	b, err := openBook(name, r, size, &diags)
	if b == nil {
		diags.Sort()
		return nil, diags, err
	}
	defer b.close()
	insp := loadBook(b, &diags)
	if insp != nil {
		diags = append(diags, reword(insp, schema.Validate(insp))...)
	}
	diags.Sort()
	return insp, diags, nil
}

// decoder fills an inspection from a workbook.
type decoder struct {
	b     *book
	insp  *schema.Inspection
	diags *schema.Diagnostics
}

func loadBook(b *book, diags *schema.Diagnostics) (insp *schema.Inspection) {
	defer func() {
		if p := recover(); p != nil {
			diags.Errorf(schema.Pos{File: b.file}, "the workbook is damaged: reading it failed (%s); open it in Excel or LibreOffice Calc and save it again", schema.Clip(fmt.Sprint(p)))
			insp = nil
		}
	}()
	if b.props()[propKind] == kindPlan {
		diags.Errorf(schema.Pos{File: b.file}, "this is an action-plan workbook, not an inspection; import it into its inspection with spur import INSPECTION %s", b.file)
		return nil
	}
	d := &decoder{b: b, insp: &schema.Inspection{File: b.file}, diags: diags}
	d.insp.SetPos("", schema.Pos{File: b.file})
	head, ok := b.readSheet(SheetInspection, diags)
	if !ok {
		return nil
	}
	d.insp.SetPos(cellKey("", "book"), head.pos(0, 1))
	planDate := d.header(head)
	if g, ok := b.readSheet(SheetSummary, diags); ok {
		d.summary(g)
	}
	cat, _ := schema.CatalogVersion(d.insp.Catalog)
	if cat == nil {
		return d.insp // schema.Validate reports the version
	}
	d.insp.Cat = cat
	d.insp.Areas = map[string]*schema.Area{}
	for i := range cat.Areas {
		if g, ok := b.readSheet(AreaSheet(cat.Areas[i].Letter), diags); ok {
			d.area(g, &cat.Areas[i])
		}
	}
	if g, ok := b.optionalSheet(SheetPlan, "the inspection is read without an action plan", diags); ok {
		d.plan(g, planDate)
	}
	return d.insp
}

// header reads the inspection sheet, and returns the plan's date.
func (d *decoder) header(g *grid) schema.Date {
	labels := labelRows(g)
	get := func(label, path string, required bool) cell {
		r, ok := labels[normWord(label)]
		if !ok {
			d.diags.Errorf(g.pos(0, 1), "the row %q is missing from sheet %q (its label goes in column A)%s", label, g.sheet, suggestLabel(g, label))
			return cell{ok: false}
		}
		c := g.read(1, r, d.diags)
		c.text = strings.TrimSpace(c.text)
		if path != "" {
			d.insp.SetPos(path, c.pos)
		}
		if required && c.text == "" && c.ok {
			d.diags.Errorf(c.pos, "%s is empty; fill it in", label)
		}
		return c
	}
	in := d.insp
	in.Catalog = get(labelCatalog, "catalog", false).text
	if c := get(labelStatus, "status", true); c.text != "" {
		if v, ok := lookupWord(statusWords, c.text); ok {
			in.Status = schema.ReportStatus(v)
		} else {
			d.diags.Errorf(c.pos, "status %q is not one of %s%s", schema.Clip(c.text), strings.Join(svWords(statusWords), ", "), suggest(c.text, svWords(statusWords)))
		}
	}
	in.Unit.Name = get(labelName, "unit.name", true).text
	in.Unit.Organisation = get(labelOrg, "unit.organisation", false).text
	in.Unit.Specialty = get(labelSpecialty, "unit.specialty", false).text
	in.Unit.Region = get(labelRegion, "unit.region", false).text
	in.Unit.Place = get(labelPlace, "unit.place", false).text
	in.Visit = d.date(get(labelVisit, "visit", true))
	c := get(labelInspectors, "inspectors", false)
	for _, l := range strings.Split(c.text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			d.insp.SetPos(fmt.Sprintf("inspectors[%d]", len(in.Inspectors)), c.pos)
			in.Inspectors = append(in.Inspectors, l)
		}
	}
	if _, ok := labels[normWord(labelPlanDate)]; ok {
		return d.date(get(labelPlanDate, "action_plan.date", false))
	}
	return schema.Date{}
}

// date reads a YYYY-MM-DD cell, or a cell typed as a date.
func (d *decoder) date(c cell) schema.Date {
	if !c.date.IsZero() {
		return c.date
	}
	if c.text == "" {
		return schema.Date{}
	}
	v, ok := schema.ParseISODate(c.text)
	if !ok {
		d.diags.Errorf(c.pos, "%q is not a date; write it as YYYY-MM-DD, e.g. 2025-02-11", schema.Clip(c.text))
	}
	return v
}

func suggestLabel(g *grid, label string) string {
	var have []string
	for r := 1; r <= min(g.lastRow(), 60); r++ {
		if v := strings.TrimSpace(g.raw(0, r)); v != "" && len(v) < 60 {
			have = append(have, v)
		}
	}
	if s := suggest(label, have); s != "" {
		return "; was it renamed" + strings.TrimPrefix(s, "; did you mean")
	}
	return ""
}

func (d *decoder) summary(g *grid) {
	t, ok := findTable(g, summaryHeaders, []bool{true, true, true}, 1, 5, d.diags)
	if !ok {
		return
	}
	lists := []*[]string{&d.insp.Summary.Strengths, &d.insp.Summary.Weaknesses, &d.insp.Summary.Improvements}
	keys := []string{"strengths", "weaknesses", "improvements"}
	rows, ok := t.rows(d.diags)
	if !ok {
		return
	}
	reported := map[int]bool{}
	for _, r := range rows {
		t.unread(r, reported, d.diags)
		for i, list := range lists {
			if c := t.read(i, r, d.diags); strings.TrimSpace(c.text) != "" {
				d.insp.SetPos(fmt.Sprintf("summary.%s[%d]", keys[i], len(*list)), c.pos)
				*list = append(*list, c.text)
			}
		}
	}
}
