package workbook

import (
	"fmt"
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"spur/followup/view"
	"spur/schema"
)

// The follow-up list of spur followup as a workbook, for those who sort,
// filter and mark in Excel: one row per action in the list's order, with
// a filter on every column, the header row frozen, and the dates spur
// reads as dates (sortable, YYYY-MM-DD) beside the text the unit wrote.
// A second sheet counts the actions per region and state; a third lists
// the units due for their next visit, with filters too. Nothing is
// locked: the file is the coordinator's to work in.
const (
	SheetFollowup       = "Uppföljning"
	SheetFollowupCounts = "Läget per region"
	SheetFollowupVisits = "Nästa granskning"
)

// followupColumn is a column of the list: its header, its width in
// characters, whether it holds a date, and its value in a row.
type followupColumn struct {
	header string
	width  float64
	date   bool
	value  func(r *followupRow) any
}

type followupRow struct {
	region string
	unit   *view.Unit
	a      *view.Action
}

// isoDay is the value of a list's cell that shows a date written
// YYYY-MM-DD: the day, or nothing.
func isoDay(s string) any {
	if d, ok := schema.ParseISODate(s); ok {
		return d.Time()
	}
	return nil
}

func followupColumns(L view.Labels) []followupColumn {
	text := func(s string) any { return s }
	day := func(t time.Time) any {
		if t.IsZero() {
			return nil
		}
		return t
	}
	latest := func(r *followupRow) *view.Record {
		if r.a.Latest == nil {
			return &view.Record{}
		}
		return r.a.Latest
	}
	return []followupColumn{
		{L.Region, 20, false, func(r *followupRow) any { return text(r.region) }},
		{L.Unit, 28, false, func(r *followupRow) any { return text(r.unit.Name) }},
		{L.Organisation, 22, false, func(r *followupRow) any { return text(r.unit.Organisation) }},
		{L.Specialty, 18, false, func(r *followupRow) any { return text(r.unit.Specialty) }},
		{L.UnitID, 14, false, func(r *followupRow) any { return text(r.unit.ID) }},
		{L.Visit, 12, true, func(r *followupRow) any { return isoDay(r.unit.Visit) }},
		{L.Responsible, 22, false, func(r *followupRow) any { return text(r.a.Responsible) }},
		{L.Area, 24, false, func(r *followupRow) any { return text(r.a.Area) }},
		{L.Criterion, 10, false, func(r *followupRow) any { return text(r.a.Criterion) }},
		{L.CriterionText, 40, false, func(r *followupRow) any { return text(r.a.CriterionText) }},
		{L.Action, 60, false, func(r *followupRow) any { return text(r.a.ActionText) }},
		{L.Due, 18, false, func(r *followupRow) any { return text(r.a.Due) }},
		{L.Due + ", " + L.Reading, 14, true, func(r *followupRow) any { return day(r.a.DueDate) }},
		{L.State, 24, false, func(r *followupRow) any { return text(r.a.StateName) }},
		{L.Latest, 18, false, func(r *followupRow) any { return text(latest(r).Word) }},
		{L.LatestDate, 14, true, func(r *followupRow) any { return isoDay(latest(r).Date) }},
		{L.LatestBy, 18, false, func(r *followupRow) any { return text(latest(r).By) }},
		{L.LatestNote, 40, false, func(r *followupRow) any { return text(latest(r).Note) }},
		{L.FollowUp, 18, false, func(r *followupRow) any { return text(r.a.FollowUp) }},
		{L.FollowUp + ", " + L.Reading, 14, true, func(r *followupRow) any { return day(r.a.FollowUpDate) }},
		{L.FollowUpBy, 22, false, func(r *followupRow) any { return text(r.a.FollowUpBy) }},
	}
}

// WriteFollowupList writes the follow-up list as a workbook. The same
// list gives the same bytes: the document's dates are the list's day.
func WriteFollowupList(w io.Writer, l *view.List) error {
	L := l.L
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd"), Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left"}})
	if err != nil {
		return err
	}
	wr := &writer{f: f}
	sh := SheetFollowup
	wr.do(f.SetSheetName("Sheet1", sh))
	cols := followupColumns(L)
	var widths []float64
	for c, col := range cols {
		wr.str(sh, c, 1, col.header, st.header)
		widths = append(widths, col.width)
	}
	wr.widths(sh, widths)
	wr.height(sh, 1, 48)
	row := 2
	values := make([]any, len(cols))
	for _, rg := range l.Regions {
		for i := range rg.Units {
			u := &rg.Units[i]
			for _, g := range u.Groups {
				for j := range g.Actions {
					r := followupRow{region: rg.Name, unit: u, a: &g.Actions[j]}
					lines := 1
					for c, col := range cols {
						v := col.value(&r)
						if s, ok := v.(string); ok {
							s = cellCut(s)
							v = s
							lines = max(lines, lineCount(s, col.width))
						}
						values[c] = v
					}
					wr.do(f.SetSheetRow(sh, cellName(0, row), &values))
					wr.height(sh, row, float64(min(lines, 12))*15+3)
					row++
				}
			}
		}
	}
	last := row - 1
	if last >= 2 {
		for c, col := range cols {
			s := st.text
			if col.date {
				s = dateStyle
			}
			wr.style(sh, c, 2, c, last, s)
		}
	}
	wr.do(f.AutoFilter(sh, cellName(0, 1)+":"+cellName(len(cols)-1, max(last, 2)), nil))
	wr.do(freezeHeader(f, sh, 1))
	wr.do(printLayout(f, sh, "landscape", 1))
	writeFollowupCounts(wr, st, l)
	writeFollowupVisits(wr, st, dateStyle, l)
	// Its kind tells spur build and spur followup that it is no
	// inspection, where it lies among them (Kind).
	wr.do(f.SetCustomProps(excelize.CustomProperty{Name: propKind, Value: kindFollowUpList}))
	wr.do(docProps(f, L.Title+" "+l.AsOf, l.Filter, dayOf(l.Date)))
	f.SetActiveSheet(0)
	if wr.err != nil {
		return fmt.Errorf("follow-up list: %w", wr.err)
	}
	return save(f, w, nil)
}

// writeFollowupCounts is the second sheet: the actions per region and
// state, and the sum of every region.
func writeFollowupCounts(wr *writer, st styles, l *view.List) {
	L := l.L
	sh := SheetFollowupCounts
	_, err := wr.f.NewSheet(sh)
	wr.do(err)
	head := append([]string{L.Region}, l.StateNames[:]...)
	head = append(head, L.Total)
	widths := []float64{28}
	for c, h := range head {
		wr.str(sh, c, 1, h, st.header)
		if c > 0 {
			widths = append(widths, 16)
		}
	}
	wr.widths(sh, widths)
	wr.height(sh, 1, 48)
	row := 2
	put := func(name string, c view.Counts, style int) {
		wr.str(sh, 0, row, name, style)
		for i, n := range append(c[:], c.Total()) {
			ref := cellName(i+1, row)
			wr.do(wr.f.SetCellInt(sh, ref, int64(n)))
			wr.do(wr.f.SetCellStyle(sh, ref, ref, style))
		}
		row++
	}
	for _, r := range l.Regions {
		put(r.Name, r.Counts, st.text)
	}
	put(L.AllRegions, l.Total, st.label)
	wr.do(freezeHeader(wr.f, sh, 1))
}

// writeFollowupVisits is the third sheet: the units due for their next
// visit in the list's order, the visits as dates, with a filter on every
// column and the header row frozen.
func writeFollowupVisits(wr *writer, st styles, dateStyle int, l *view.List) {
	L := l.L
	sh := SheetFollowupVisits
	_, err := wr.f.NewSheet(sh)
	wr.do(err)
	head := []string{L.Region, L.Unit, L.Organisation, L.Specialty, L.UnitID, L.LastVisit, L.NextVisit, L.State}
	widths := []float64{20, 28, 22, 18, 14, 12, 14, 18}
	for c, h := range head {
		wr.str(sh, c, 1, h, st.header)
	}
	wr.widths(sh, widths)
	wr.height(sh, 1, 48)
	row := 2
	for _, v := range l.Visits {
		values := []any{cellCut(v.Region), cellCut(v.Name), cellCut(v.Organisation), cellCut(v.Specialty), cellCut(v.ID),
			isoDay(v.Last), isoDay(v.Next), v.StateName}
		wr.do(wr.f.SetSheetRow(sh, cellName(0, row), &values))
		row++
	}
	last := row - 1
	if last >= 2 {
		for c := range head {
			s := st.text
			if c == 5 || c == 6 {
				s = dateStyle
			}
			wr.style(sh, c, 2, c, last, s)
		}
	}
	wr.do(wr.f.AutoFilter(sh, cellName(0, 1)+":"+cellName(len(head)-1, max(last, 2)), nil))
	wr.do(freezeHeader(wr.f, sh, 1))
	wr.do(printLayout(wr.f, sh, "landscape", 1))
}

func dayOf(t time.Time) schema.Date {
	if t.IsZero() {
		return schema.Date{}
	}
	return schema.NewDate(t.Year(), t.Month(), t.Day())
}

func ptr[T any](v T) *T { return &v }
