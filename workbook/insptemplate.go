package workbook

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"spur/schema"
)

// The inspection workbook: what the inspectors fill in instead of a YAML
// file. A header sheet, the summary's three lists, one sheet per area with
// its narrative and one row per criterion, and the action plan.

// Rows of the inspection sheet: label in column A, value in column B.
var inspectionFields = []struct{ label, help string }{
	{labelCatalog, ""},
	{labelStatus, "preliminär eller slutlig"},
	{labelName, ""},
	{labelOrg, ""},
	{labelSpecialty, "t.ex. Allmänmedicin"},
	{labelRegion, "t.ex. Region Stockholm"},
	{labelPlace, ""},
	{labelVisit, "Datum för besöket, ÅÅÅÅ-MM-DD, t.ex. 2025-02-11"},
	{labelInspectors, "Ett namn per rad (ny rad i cellen: Alt+Enter i Excel, Ctrl+Enter i LibreOffice Calc)"},
	{labelPlanDate, "När handlingsplanen kom in, ÅÅÅÅ-MM-DD; fylls i av spur import"},
}

// An area sheet: the form rows at the top, the criteria table below.
const (
	areaNarrativeRow = 3
	areaHeaderRow    = 8
	areaValueCol     = 2 // column C holds the override, its reason and the decision
)

var areaHeaders = []string{"Kriterium", "Typ", "Kriterietext", labelAssessHeader, labelComment}

var areaWidths = []float64{11, 18, 62, 16, 50}

var summaryHeaders = []string{"Styrkor", "Svagheter", "Förbättringspotential"}

// The choice above an area's table that marks every criterion left blank
// as met. Excel shows at most 32 characters of a title and 225 of a
// message that refuses other text.
const (
	allMetTitle = "Alla uppfyllda"
	allMetHelp  = "Välj alla uppfyllda: varje kriterium som lämnas tomt i kolumn D räknas då som uppfyllt. " +
		"Markera bara de som är ej uppfyllda eller ej tillämpliga. Lämna cellen tom för att bedöma varje kriterium för sig."
)

// summaryRows is how many items each summary list has room for.
const summaryRows = 40

// WriteInspectionTemplate writes a blank inspection workbook for catalogue
// cat. The same catalogue gives the same bytes.
func WriteInspectionTemplate(w io.Writer, cat *schema.Catalog) error {
	if cat == nil {
		return fmt.Errorf("inspection template: no catalogue")
	}
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	// Blank assessments that count as met, once alla uppfyllda is chosen,
	// show it in the colour of a met criterion.
	met, err := f.NewConditionalStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colorMet}}})
	if err != nil {
		return err
	}
	wr := &writer{f: f}
	wr.do(f.SetSheetName("Sheet1", SheetInspection))
	writeInspectionSheet(wr, st, cat)
	writeSummarySheet(wr, st)
	for i := range cat.Areas {
		writeAreaSheet(wr, st, met, &cat.Areas[i])
	}
	writeFreePlanSheet(wr, st, cat.Count())
	for _, p := range []excelize.CustomProperty{{Name: propKind, Value: kindInspection}, {Name: propCatalog, Value: cat.Version}} {
		wr.do(f.SetCustomProps(p))
	}
	wr.do(docProps(f, "SPUR-inspektion", "Kriterieversion "+cat.Version, schema.Date{}))
	f.SetActiveSheet(0)
	if wr.err != nil {
		return fmt.Errorf("inspection template: %w", wr.err)
	}
	grow := map[string]int{SheetSummary: 2, SheetPlan: 2}
	for _, a := range cat.Areas {
		grow[AreaSheet(a.Letter)] = areaHeaderRow + 1
	}
	return save(f, w, grow)
}

func writeInspectionSheet(wr *writer, st styles, cat *schema.Catalog) {
	const sh = SheetInspection
	wr.widths(sh, []float64{30, 80})
	wr.str(sh, 0, 1, "SPUR-inspektion", st.title)
	wr.merge(sh, 0, 1, 1, 1)
	wr.height(sh, 1, 30)
	for i, fd := range inspectionFields {
		row := i + 3
		wr.str(sh, 0, row, fd.label, st.label)
		if fd.label == labelCatalog {
			wr.str(sh, 1, row, cat.Version, st.locked)
			continue
		}
		wr.str(sh, 1, row, "", st.input)
		ref := cellName(1, row)
		switch {
		case fd.label == labelStatus:
			wr.do(dropDown(wr.f, sh, ref, svWords(statusWords), fd.label, fd.help))
		case fd.help != "":
			wr.do(inputHelp(wr.f, sh, ref, fd.label, fd.help))
		}
		if fd.label == labelInspectors {
			wr.height(sh, row, 48)
		}
	}
	row := len(inspectionFields) + 4
	for _, p := range []string{
		"Fyll i de gula cellerna på varje blad: här ovan, " + SheetSummary + ", ett blad per område och " + SheetPlan + ".",
		"På varje områdesblad: inspektörernas bedömning (Markdown), och för varje kriterium uppfyllt, ej uppfyllt eller ej tillämpligt. " +
			"Ett kriterium som inte är bedömt räknas aldrig som uppfyllt.",
		"Är de flesta kriterierna i ett område uppfyllda: välj alla uppfyllda i raden ”" + labelAllMet + "” ovanför tabellen " +
			"och markera bara de kriterier som är ej uppfyllda eller ej tillämpliga. Varje kriterium som lämnas tomt räknas då som uppfyllt; " +
			"det du markerat gäller som du markerat det.",
		"Avvikande gradering behöver en motivering. Bedömning av handlingsplanen (godtagen eller ej godtagen) gäller ett område som graderats D.",
		"På bladet " + SheetPlan + ": en rad per kriterium med kriteriets id i kolumn B; spur import fyller i bladet från enhetens handlingsplan.",
		"Kontrollera arbetsboken med spur validate; fel och varningar anges som blad!cell.",
	} {
		wr.str(sh, 0, row, p, st.text)
		wr.merge(sh, 0, row, 1, row)
		wr.height(sh, row, textHeight(p, 110))
		row++
	}
	wr.do(printLayout(wr.f, sh, "portrait", 0))
	wr.do(protect(wr.f, sh))
}

func writeSummarySheet(wr *writer, st styles) {
	const sh = SheetSummary
	_, err := wr.f.NewSheet(sh)
	wr.do(err)
	wr.widths(sh, []float64{50, 50, 50})
	for c, h := range summaryHeaders {
		wr.str(sh, c, 1, h, st.header)
	}
	wr.style(sh, 0, 2, len(summaryHeaders)-1, summaryRows+1, st.input)
	wr.do(inputHelp(wr.f, sh, "A2:C"+fmt.Sprint(summaryRows+1), "Sammanfattning", "En kort punkt per cell, uppifrån och ned."))
	wr.do(freezeHeader(wr.f, sh, 1))
	wr.do(printLayout(wr.f, sh, "landscape", 1))
	wr.do(protect(wr.f, sh))
}

func writeAreaSheet(wr *writer, st styles, met int, ca *schema.CatalogArea) {
	sh := AreaSheet(ca.Letter)
	_, err := wr.f.NewSheet(sh)
	wr.do(err)
	last := len(areaHeaders) - 1
	wr.widths(sh, areaWidths)
	wr.str(sh, 0, 1, fmt.Sprintf("%s. %s (%s)", ca.Letter, ca.Title, ca.Group), st.title)
	wr.merge(sh, 0, 1, last, 1)
	wr.height(sh, 1, 30)
	wr.str(sh, 0, 2, labelNarrative+" (Markdown; tom rad mellan stycken)", st.label)
	wr.merge(sh, 0, 2, last, 2)
	wr.str(sh, 0, areaNarrativeRow, "", st.input)
	wr.merge(sh, 0, areaNarrativeRow, last, areaNarrativeRow)
	wr.height(sh, areaNarrativeRow, 160)
	var grades []string
	for _, o := range ca.Options {
		grades = append(grades, string(o.Grade))
	}
	allRow := 0
	for i, fd := range []struct{ label, help string }{
		{labelOverride, "Lämna tomt för den beräknade graderingen; annars " + strings.Join(grades, ", ") + "."},
		{labelReason, "Varför inspektörerna satt en annan gradering; skrivs ut i rapporten."},
		{labelDecision, "För ett område graderat D: godtagen (graderingen justeras till C) eller ej godtagen (D kvarstår)."},
		{labelAllMet, allMetHelp},
	} {
		row := 4 + i
		wr.str(sh, 0, row, fd.label, st.label)
		wr.merge(sh, 0, row, 1, row)
		wr.str(sh, areaValueCol, row, "", st.input)
		ref := cellName(areaValueCol, row)
		switch fd.label {
		case labelAllMet:
			allRow = row
			wr.height(sh, row, 32)
			wr.do(dropDown(wr.f, sh, ref, svWords(allMetWords), allMetTitle, fd.help))
		case labelOverride:
			wr.do(dropDown(wr.f, sh, ref, grades, fd.label, fd.help))
		case labelReason:
			wr.merge(sh, areaValueCol, row, last, row)
			wr.height(sh, row, 32)
			wr.do(inputHelp(wr.f, sh, ref, fd.label, fd.help))
		case labelDecision:
			wr.do(dropDown(wr.f, sh, ref, svWords(decisionWords), fd.label, fd.help))
		}
	}
	for c, h := range areaHeaders {
		wr.str(sh, c, areaHeaderRow, h, st.header)
	}
	for i, cr := range ca.Criteria {
		row := areaHeaderRow + 1 + i
		wr.str(sh, 0, row, cr.ID, st.lockedCenter)
		wr.str(sh, 1, row, kindName(cr.Kind), st.locked)
		wr.str(sh, 2, row, cr.Text, st.locked)
		wr.style(sh, 3, row, 4, row, st.input)
		wr.height(sh, row, float64(max(2, lineCount(cr.Text, areaWidths[2])))*15+4)
	}
	if n := len(ca.Criteria); n > 0 {
		first, lastRow := areaHeaderRow+1, areaHeaderRow+n
		wr.do(dropDown(wr.f, sh, cellName(3, first)+":"+cellName(3, lastRow), svWords(resultWords), labelAssessHeader,
			"uppfyllt, ej uppfyllt eller ej tillämpligt (räknas varken för eller emot). "+
				"Tomt: inte bedömt, eller uppfyllt om alla uppfyllda är valt ovanför tabellen."))
		all := "$" + columnName(areaValueCol) + "$" + fmt.Sprint(allRow)
		wr.do(wr.f.SetConditionalFormat(sh, cellName(3, first)+":"+cellName(3, lastRow), []excelize.ConditionalFormatOptions{{
			Type: "formula", Format: &met,
			Criteria: fmt.Sprintf(`AND(%s="%s",TRIM(%s)="")`, all, svWord(allMetWords, "all"), cellName(3, first)),
		}}))
	}
	wr.do(printLayout(wr.f, sh, "landscape", areaHeaderRow))
	wr.do(protect(wr.f, sh))
}

// writeFreePlanSheet is the inspection workbook's plan sheet: the plan
// template's columns, every cell open, one row per criterion at most.
func writeFreePlanSheet(wr *writer, st styles, rows int) {
	const sh = SheetPlan
	_, err := wr.f.NewSheet(sh)
	wr.do(err)
	wr.widths(sh, planWidths[:])
	for c, h := range planHeaders {
		wr.str(sh, c, 1, h, st.header)
	}
	wr.height(sh, 1, 48)
	wr.style(sh, 0, 2, planCols-1, rows+1, st.input)
	rng := func(c int) string { return cellName(c, 2) + ":" + cellName(c, rows+1) }
	wr.do(inputHelp(wr.f, sh, rng(colID), "Kriterium", "Kriteriets id, t.ex. E4. Område, typ och kriterietext kan lämnas tomma."))
	wr.do(inputHelp(wr.f, sh, rng(colDue)+" "+rng(colFollowUp), dateHelpTitle, dateHelp))
	wr.do(freezeHeader(wr.f, sh, 1))
	wr.do(printLayout(wr.f, sh, "landscape", 1))
}
