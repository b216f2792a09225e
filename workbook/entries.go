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
	row     int // sheet row, or YAML line, for messages
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
		if seen[r.crit.ID] == nil {
			m.diags.Warnf(m.where(i), "the row for %s (%s) is missing: it was row %d of the template; was it deleted? Nothing is imported for %s",
				r.crit.ID, r.kindLabel(), i+2, r.crit.ID)
		}
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
