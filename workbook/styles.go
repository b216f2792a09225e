package workbook

import (
	"strconv"

	"github.com/xuri/excelize/v2"

	"spur/schema"
)

// styles are the cell formats every workbook of spur uses: locked cells
// written by spur on a pale grey, the cells a person fills in on pale
// yellow, unlocked and formatted as text (number format "@"), so that
// Excel and LibreOffice keep "20251231" and "2025-12-31" as typed instead
// of turning them into numbers and dates.
type styles struct {
	title, heading, label, text, header, locked, lockedCenter, input, note int
}

const (
	colorHeader = "D9E1F2"
	colorLocked = "F2F2F2"
	colorInput  = "FFF8D6"
	colorMet    = "E2EFDA" // a blank assessment that counts as met (alla uppfyllda)
	colorBorder = "BFBFBF"
	font        = "Calibri" // excelize's default font, which LibreOffice shows as Carlito
)

func newStyles(f *excelize.File) (styles, error) {
	var s styles
	border := []excelize.Border{
		{Type: "left", Color: colorBorder, Style: 1}, {Type: "right", Color: colorBorder, Style: 1},
		{Type: "top", Color: colorBorder, Style: 1}, {Type: "bottom", Color: colorBorder, Style: 1},
	}
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	fill := func(c string) excelize.Fill { return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}} }
	for _, d := range []struct {
		id *int
		st excelize.Style
	}{
		{&s.title, excelize.Style{Font: &excelize.Font{Family: font, Bold: true, Size: 16}, Alignment: &excelize.Alignment{Vertical: "center"}}},
		{&s.heading, excelize.Style{Font: &excelize.Font{Family: font, Bold: true, Size: 12}, Alignment: &excelize.Alignment{Vertical: "bottom"}}},
		{&s.label, excelize.Style{Font: &excelize.Font{Family: font, Bold: true, Size: 11}, Alignment: top}},
		{&s.text, excelize.Style{Alignment: top}},
		{&s.header, excelize.Style{Font: &excelize.Font{Family: font, Bold: true, Size: 11}, Alignment: top, Fill: fill(colorHeader), Border: border}},
		{&s.locked, excelize.Style{Alignment: top, Fill: fill(colorLocked), Border: border}},
		{&s.lockedCenter, excelize.Style{Font: &excelize.Font{Family: font, Bold: true, Size: 11}, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "center"}, Fill: fill(colorLocked), Border: border}},
		{&s.input, excelize.Style{Alignment: top, Fill: fill(colorInput), Border: border, NumFmt: 49, Protection: &excelize.Protection{Locked: false}}},
		{&s.note, excelize.Style{Font: &excelize.Font{Family: font, Color: "7F7F7F", Size: 9}, Alignment: top}},
	} {
		id, err := f.NewStyle(&d.st)
		if err != nil {
			return s, err
		}
		*d.id = id
	}
	return s, nil
}

// docProps fixes the document properties so that the same input gives the
// same bytes: the dates are the inspection's, the creator is spur.
func docProps(f *excelize.File, title, subject string, date schema.Date) error {
	stamp := "2000-01-01T00:00:00Z"
	if !date.IsZero() {
		stamp = date.String() + "T00:00:00Z"
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Title: title, Subject: subject, Creator: "spur", LastModifiedBy: "spur",
		Created: stamp, Modified: stamp, Language: "sv-SE",
	}); err != nil {
		return err
	}
	return f.SetAppProps(&excelize.AppProperties{Application: "spur"})
}

// protect guards a sheet against slips, not against anyone: no password,
// locked cells still selectable, rows and columns still resizable.
func protect(f *excelize.File, sheet string) error {
	return f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{
		SelectLockedCells: true, SelectUnlockedCells: true, FormatRows: true, FormatColumns: true,
	})
}

// printLayout prints a sheet on A4, one page wide, repeating the first
// titleRows rows on every page.
func printLayout(f *excelize.File, sheet, orient string, titleRows int) error {
	size, wide, tall := 9, 1, 0
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Orientation: &orient, Size: &size, FitToWidth: &wide, FitToHeight: &tall,
	}); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if titleRows == 0 {
		return nil
	}
	return f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", Scope: sheet,
		RefersTo: "'" + sheet + "'!$1:$" + strconv.Itoa(titleRows),
	})
}

// freezeHeader keeps the first rows in view while scrolling.
func freezeHeader(f *excelize.File, sheet string, rows int) error {
	return f.SetPanes(sheet, &excelize.Panes{
		Freeze: true, YSplit: rows, TopLeftCell: cellName(0, rows+1), ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: cellName(0, rows+1), ActiveCell: cellName(0, rows+1), Pane: "bottomLeft"}},
	})
}

// inputHelp shows msg when a cell of rng is selected.
func inputHelp(f *excelize.File, sheet, rng, title, msg string) error {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = rng
	dv.SetInput(title, msg)
	return f.AddDataValidation(sheet, dv)
}

// dropDown offers the words of list in the cells of rng; other text is
// refused by Excel and LibreOffice, and reported by spur if it comes anyway.
func dropDown(f *excelize.File, sheet, rng string, list []string, title, msg string) error {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = rng
	if err := dv.SetDropList(list); err != nil {
		return err
	}
	dv.SetInput(title, msg)
	dv.SetError(excelize.DataValidationErrorStyleStop, title, msg)
	return f.AddDataValidation(sheet, dv)
}

// writer collects the first error of a run of excelize calls, so that the
// layout code reads as a list of cells.
type writer struct {
	f   *excelize.File
	err error
}

func (w *writer) do(err error) {
	if w.err == nil {
		w.err = err
	}
}

func (w *writer) str(sheet string, col, row int, s string, style int) {
	ref := cellName(col, row)
	w.do(w.f.SetCellStr(sheet, ref, s))
	w.do(w.f.SetCellStyle(sheet, ref, ref, style))
}

func (w *writer) style(sheet string, c0, r0, c1, r1, style int) {
	w.do(w.f.SetCellStyle(sheet, cellName(c0, r0), cellName(c1, r1), style))
}

func (w *writer) merge(sheet string, c0, r0, c1, r1 int) {
	w.do(w.f.MergeCell(sheet, cellName(c0, r0), cellName(c1, r1)))
}

func (w *writer) height(sheet string, row int, h float64) {
	w.do(w.f.SetRowHeight(sheet, row, min(h, 409))) // Excel's largest row
}

func (w *writer) widths(sheet string, widths []float64) {
	for i, wd := range widths {
		col := cellName(i, 1)
		col = col[:len(col)-1]
		w.do(w.f.SetColWidth(sheet, col, col, wd))
	}
}
