package workbook

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"spur/schema"
)

// planLine is one row of a plan as read, from a workbook or a YAML
// skeleton, with the place of each value.
type planLine struct {
	id      cell
	text    cell // the criterion text the row shows
	hasText bool // the row has a criterion text to compare
	fields  [5]cell
}

func (l *planLine) blank() bool {
	if strings.TrimSpace(l.id.text) != "" {
		return false
	}
	return l.unanswered()
}

// unanswered reports whether the five fields are all empty.
func (l *planLine) unanswered() bool {
	for _, f := range l.fields {
		if strings.TrimSpace(f.text) != "" {
			return false
		}
	}
	return true
}

// unfilled reports whether not one open field of any line has text: a
// template imported just as it was made. A plan with no rows to fill in
// (the inspection found nothing to act on) is not one.
func unfilled(lines []planLine, want []planRow) bool {
	if len(lines) == 0 && len(want) == 0 {
		return false
	}
	for i := range lines {
		if !lines[i].unanswered() {
			return false
		}
	}
	return true
}

// nothingFilled is the message for an unfilled plan; %s is "workbook" or
// "file".
const nothingFilled = "nothing is filled in: the action plan has no planned action, date or responsible person in any row; fill in the %s and import it again"

// firstOpen is the first open field of lines, where filling in starts;
// else none.
func firstOpen(lines []planLine, none schema.Pos) schema.Pos {
	if len(lines) > 0 {
		return lines[0].fields[0].pos
	}
	return none
}

// placedEntry is an entry and the places of its values.
type placedEntry struct {
	e    schema.PlanEntry
	line *planLine
}

// matcher turns lines into entries. With want set (a plan template), every
// line is matched against the rows the template had and the inspection's
// findings, and dates are read; without (an inspection workbook's plan
// sheet), schema.Validate does that later.
type matcher struct {
	insp  *schema.Inspection
	want  []planRow
	base  schema.Date // the plan's date for relative dates; else the visit
	where func(i int) schema.Pos
	diags *schema.Diagnostics
	form  string // "workbook" or "file": how a missing row is named
}

func (m *matcher) entries(lines []planLine) []placedEntry {
	cat := m.insp.Cat
	wanted := map[string]int{}
	for i, r := range m.want {
		wanted[r.crit.ID] = i
	}
	seen := map[string]*planLine{}
	var out []placedEntry
	for k := range lines {
		l := &lines[k]
		if l.blank() {
			continue
		}
		raw := strings.TrimSpace(l.id.text)
		if raw == "" {
			m.diags.Errorf(l.id.pos, "this row has an answer but no criterion; write the criterion's id (e.g. E4) in %s, or move the text to the row of its criterion", l.id.pos.Cell)
			continue
		}
		id := canonicalID(raw)
		cr, area, ok := cat.Criterion(id)
		if !ok {
			m.diags.Errorf(l.id.pos, "unknown criterion %q; the criteria are A1–H13 (spur catalog lists them)", schema.Clip(raw))
			continue
		}
		if prev, dup := seen[id]; dup {
			m.diags.Errorf(l.id.pos, "a second row for %s (the first is at %s); merge the two into one row", id, prev.id.pos.Cell)
			continue
		}
		seen[id] = l
		// An inspection workbook's plan sheet may leave the text out; a
		// template's row had it, locked.
		if text := normalizeBreaks(strings.TrimSpace(l.text.text)); l.hasText && (text != "" || m.want != nil) && text != cr.Text {
			m.diags.Warnf(l.text.pos, "the criterion text of %s was changed; the row is read as %s, and the report prints the catalogue's text", id, id)
		}
		if m.want != nil && !m.check(l, cr, area, wanted) {
			continue
		}
		e := schema.PlanEntry{Criterion: id, Action: l.fields[0].text, Responsible: l.fields[2].text, FollowUpBy: l.fields[4].text}
		e.Due = m.date(l.fields[1])
		e.FollowUp = m.date(l.fields[3])
		out = append(out, placedEntry{e, l})
	}
	for i, r := range m.want {
		if seen[r.crit.ID] != nil {
			continue
		}
		was := fmt.Sprintf("row %d", i+2)
		if m.form == formFile {
			was = fmt.Sprintf("entry %d", i+1)
		}
		// Every unmet föreskrift needs an entry in a final report
		// (spur-model.md: Action plan): there a deleted row is an error at
		// the plan, not a gap the report would show.
		if r.required && m.insp.Status == schema.Final {
			m.diags.Errorf(m.where(i), "the row for %s (%s) is missing: it was %s of the template; a final report needs an action for every föreskrift that is not met, so put the row back and fill it in",
				r.crit.ID, r.kindLabel(), was)
			continue
		}
		m.diags.Warnf(m.where(i), "the row for %s (%s) is missing: it was %s of the template; was it deleted? Nothing is imported for %s",
			r.crit.ID, r.kindLabel(), was, r.crit.ID)
	}
	order := map[string]int{}
	for _, a := range cat.Areas {
		for _, c := range a.Criteria {
			order[c.ID] = len(order)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return order[out[i].e.Criterion] < order[out[j].e.Criterion] })
	return out
}

// check matches a line against the template's rows and the findings; false
// means it is not imported (and has been reported).
func (m *matcher) check(l *planLine, cr *schema.Criterion, area *schema.CatalogArea, wanted map[string]int) bool {
	if i, ok := wanted[cr.ID]; ok {
		r := m.want[i]
		if l.unanswered() {
			if r.required {
				m.diags.Warnf(l.fields[0].pos, "the row for %s (%s) is empty: the unit has written no action; the entry is kept empty, so that the plan shows it", cr.ID, kindRequired)
				return true
			}
			return false // an allmänt råd the unit does not act on
		}
		return true
	}
	result := schema.Unassessed
	if a := m.insp.Areas[area.Letter]; a != nil {
		for _, as := range a.Assessments {
			if as.Criterion.ID == cr.ID {
				result = as.Result
			}
		}
	}
	switch result {
	case schema.Met, schema.NotApplicable:
		what := map[schema.Result]string{schema.Met: "met", schema.NotApplicable: "not applicable"}[result]
		m.diags.Warnf(l.id.pos, "the row for %s is not imported: the inspection records %s as %s, so it needs no action (list it under not_met in area %s to keep the row)",
			cr.ID, cr.ID, what, area.Letter)
		return false
	}
	if l.unanswered() {
		m.diags.Warnf(l.id.pos, "the row for %s was added but has no answer; nothing is imported for it", cr.ID)
		return false
	}
	m.diags.Warnf(l.id.pos, "the row for %s (%s) was added: it is not in the template, and is imported as written", cr.ID, kindName(cr.Kind))
	return true
}

// date keeps the text as written, and gives the reading of it: the date the
// cell holds as a date, else what schema.ParseDate reads, else a warning.
func (m *matcher) date(c cell) schema.DateText {
	dt := schema.DateText{Text: c.text}
	if d := dateOfCell(c, m.base, m.diags); !d.IsZero() {
		if pd, ok := schema.ParseDate(c.text, m.base.Time()); !ok || pd.Kind != schema.DateExact || !pd.Date.Equal(d.Time()) {
			dt.Given = d // the text alone does not say it: write both
		}
		dt.Parsed = schema.PlanDate{Kind: schema.DateExact, Date: d.Time()}
		return dt
	}
	if m.want == nil || strings.TrimSpace(c.text) == "" {
		return dt // schema.Validate reads it
	}
	pd, ok := schema.ParseDate(c.text, m.base.Time())
	if !ok {
		m.diags.Warnf(c.pos, "cannot read %q as a date; it is kept as written (write e.g. 2025-12-31, \"31 dec 2025\", \"om sex månader\" or \"genomförd\")", schema.Clip(c.text))
	}
	dt.Parsed = pd
	return dt
}

// canonicalID reads "e4", " E 4 " and "E04" as E4.
func canonicalID(s string) string {
	s = strings.ToUpper(strings.Join(strings.Fields(s), ""))
	if len(s) > 1 {
		if n, err := strconv.Atoi(s[1:]); err == nil && n >= 0 {
			return fmt.Sprintf("%c%d", s[0], n)
		}
	}
	return s
}

// The forms a plan template comes in, as messages name them.
const (
	formWorkbook = "workbook"
	formFile     = "file"
)

// filled is a plan template as the unit sent it back, in either form,
// once its identity has been checked.
type filled struct {
	insp  *schema.Inspection
	want  []planRow
	date  cell // the plan's date as written; its pos is where it is, or belongs
	lines []planLine
	start schema.Pos             // the first field to fill in, when there are no lines
	where func(i int) schema.Pos // where template row i is reported missing
	form  string
}

// plan turns f into its action plan: nil, with one error, when nothing is
// filled in (the template sent back as it was made).
func (f *filled) plan(opt PlanOptions, diags *schema.Diagnostics) *schema.ActionPlan {
	if unfilled(f.lines, f.want) && !diags.HasErrors() {
		diags.Errorf(firstOpen(f.lines, f.start), nothingFilled, f.form)
		return nil
	}
	p := &schema.ActionPlan{Date: planDate(f.date, opt, diags)}
	base := p.Date
	if base.IsZero() {
		base = f.insp.Visit
	}
	m := &matcher{insp: f.insp, want: f.want, base: base, diags: diags, where: f.where, form: f.form}
	for _, pe := range m.entries(f.lines) {
		p.Entries = append(p.Entries, pe.e)
	}
	return p
}

// planDate reads the plan's date, c: a date cell, YYYY-MM-DD, or a date
// ParseDate reads exactly. Empty or unreadable, it is opt.Date, and a
// warning names the date taken when it is the day of the import: relative
// dates ("om sex månader") count from it, so a silent guess would move
// them.
func planDate(c cell, opt PlanOptions, diags *schema.Diagnostics) schema.Date {
	if d := dateOfCell(c, schema.Date{}, diags); !d.IsZero() {
		return d
	}
	text := strings.TrimSpace(c.text)
	if text == "" {
		if opt.Today && !opt.Date.IsZero() {
			diags.Warnf(c.pos, "the plan's date is empty, so the day of the import, %s, is taken as its date, and relative dates such as \"om sex månader\" count from it; write the date the unit sent the plan (e.g. 2025-05-20), or import with --date", opt.Date)
		}
		return opt.Date
	}
	if d, ok := schema.ParseISODate(text); ok {
		return d
	}
	if pd, ok := schema.ParseDate(text, opt.Date.Time()); ok && pd.Kind == schema.DateExact {
		return schema.NewDate(pd.Date.Year(), pd.Date.Month(), pd.Date.Day())
	}
	alt := "it is left unset"
	switch {
	case opt.Date.IsZero():
	case opt.Today:
		alt = "the day of the import, " + opt.Date.String() + ", is taken instead, and relative dates count from it"
	default:
		alt = opt.Date.String() + " is taken instead"
	}
	diags.Warnf(c.pos, "cannot read %q as the plan's date; write it as 2025-05-20 (%s)", schema.Clip(text), alt)
	return opt.Date
}

// The rules of a plan template, for its forms other than a workbook (the
// YAML file of package plan): which rows it has, the identity that ties it
// to its inspection, and how the rows a unit sent back become the plan.
// Both forms share them, so that they cannot drift apart.

// PlanFields are the five fields of a plan entry in the template's order:
// the key a YAML plan writes and the column header the unit knows.
var PlanFields = func() (f [5]struct{ Key, Label string }) {
	for i := range f {
		f[i].Key, f[i].Label = fieldKeys[i], planHeaders[colAction+i]
	}
	return f
}()

// Labels of the instruction sheet that a plan in another form repeats.
const (
	LabelUnit     = labelUnit
	LabelVisit    = labelVisit
	LabelCatalog  = labelCatalog
	LabelPlanDate = labelPlanDate
)

// PlanRow is a row of a plan template: a criterion the unit must answer
// (Required, a föreskrift) or may (an allmänt råd).
type PlanRow struct {
	Area      *schema.CatalogArea
	Criterion *schema.Criterion
	Required  bool
}

// Kind is the row's label: "Föreskrift: åtgärd krävs" or "Allmänt råd:
// åtgärd rekommenderas".
func (r PlanRow) Kind() string { return planRow{required: r.Required}.kindLabel() }

// PlanID ties a plan template to its inspection: the unit, visit and
// catalogue, and a fingerprint of the template's rows.
type PlanID struct{ Unit, Visit, Catalog, Fingerprint string }

// PlanTemplate is what the plan template of an inspection holds, in any form.
type PlanTemplate struct {
	Rows []PlanRow
	ID   PlanID
}

// NewPlanTemplate lists the rows and the identity of the plan template of
// insp, which must have been loaded.
func NewPlanTemplate(insp *schema.Inspection) (*PlanTemplate, error) {
	rows, err := planRows(insp)
	if err != nil {
		return nil, err
	}
	t := &PlanTemplate{ID: PlanID(identityOf(insp, rows))}
	for _, r := range rows {
		t.Rows = append(t.Rows, PlanRow{Area: r.area, Criterion: r.crit, Required: r.required})
	}
	return t, nil
}

// PlanValue is a value of a filled plan as read: the text as written, its
// place, and a date the value gives apart from its text (YAML's {text,
// date}), if any.
type PlanValue struct {
	Pos  schema.Pos
	Text string
	Date schema.Date
}

// PlanLine is an entry of a filled plan as read: its criterion, and the
// five fields in the order of PlanFields.
type PlanLine struct {
	Criterion PlanValue
	Fields    [5]PlanValue
}

// FilledPlan is a plan template in a form other than a workbook, as the
// unit sent it back: what it says, with places, before any rule is applied.
type FilledPlan struct {
	ID    PlanID // the identity the file carries
	IDAt  schema.Pos
	Date  PlanValue // the plan's date; Pos is where it is written, or belongs
	Lines []PlanLine
	Start schema.Pos // where filling in starts, for a plan with no entries
	// Missing is where a template row the file lacks is reported.
	Missing schema.Pos
}

// ReadFilledPlan applies to f the rules ReadPlan applies to a workbook: the
// identity is checked (another inspection is an error, and no plan),
// entries are matched to the template's rows and the findings, dates are
// read, and a plan with nothing filled in is refused. Diagnostics are added
// to diags; the plan is fit to import only when there are no errors.
func ReadFilledPlan(insp *schema.Inspection, f FilledPlan, opt PlanOptions, diags *schema.Diagnostics) (*schema.ActionPlan, error) {
	want, err := planRows(insp)
	if err != nil {
		return nil, err
	}
	if !identity(f.ID).compare(identityOf(insp, want), f.IDAt, diags) {
		return nil, nil
	}
	value := func(v PlanValue) cell { return cell{text: v.Text, pos: v.Pos, date: v.Date, ok: true} }
	fp := filled{insp: insp, want: want, date: value(f.Date), start: f.Start, form: formFile,
		where: func(int) schema.Pos { return f.Missing }}
	for _, l := range f.Lines {
		pl := planLine{id: value(l.Criterion)}
		for i, v := range l.Fields {
			pl.fields[i] = value(v)
		}
		fp.lines = append(fp.lines, pl)
	}
	return fp.plan(opt, diags), nil
}
