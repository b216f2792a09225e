package workbook

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"spur/schema"
)

// PlanOptions are the choices of a plan template and of its import.
type PlanOptions struct {
	// Due is the date by which the unit is to send the plan in, printed on
	// the instruction sheet; zero prints "within about three months of the
	// report" (spur-model.md: Who does what).
	Due schema.Date
	// Date is the plan's date on import when the unit left "Datum för
	// handlingsplanen" empty: a date the caller chose, or the day of the
	// import. Zero leaves it unset, and relative dates then count from the
	// visit.
	Date schema.Date
	// Today says that Date is the day of the import, not a date someone
	// chose: a plan that takes it gets a warning that names it.
	Today bool
	// Revise fills the template with the plan the inspection already has
	// (one the inspectors did not accept, sent back to be revised), as the
	// unit wrote it, for the unit to change rather than write again.
	Revise bool
}

// WritePlanTemplate writes the action-plan workbook for the unit of an
// inspection: an instruction sheet and one row per criterion that needs
// action. insp must have been loaded (schema.Load or LoadInspection). The
// same inspection and options give the same bytes.
func WritePlanTemplate(w io.Writer, insp *schema.Inspection, opt PlanOptions) error {
	rows, err := planRows(insp)
	if err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	id := identityOf(insp, rows)
	wr := &writer{f: f}
	wr.do(f.SetSheetName("Sheet1", SheetInstructions))
	_, err = f.NewSheet(SheetPlan)
	wr.do(err)
	writeInstructions(wr, st, insp, id, len(rows), opt)
	var prev *schema.ActionPlan
	if opt.Revise {
		prev = insp.ActionPlan
	}
	writePlanSheet(wr, st, rows, prev)
	setIdentity(wr, kindPlan, id)
	wr.do(docProps(f, "Handlingsplan – "+insp.Unit.Name, "SPUR-inspektion "+insp.Visit.String(), insp.Visit))
	wr.do(f.ProtectWorkbook(&excelize.WorkbookProtectionOptions{LockStructure: true}))
	f.SetActiveSheet(0)
	if wr.err != nil {
		return fmt.Errorf("plan template: %w", wr.err)
	}
	return save(f, w, map[string]int{SheetPlan: 2})
}

// entryFor is the plan's entry for a criterion, nil when it has none.
func entryFor(plan *schema.ActionPlan, id string) *schema.PlanEntry {
	if plan == nil {
		return nil
	}
	for i := range plan.Entries {
		if plan.Entries[i].Criterion == id {
			return &plan.Entries[i]
		}
	}
	return nil
}

// The instruction sheet: column A labels, column B values; the text below
// runs across both.
var instructionWidths = []float64{32, 92}

func writeInstructions(wr *writer, st styles, insp *schema.Inspection, id identity, n int, opt PlanOptions) {
	const sh = SheetInstructions
	wr.widths(sh, instructionWidths)
	wr.str(sh, 0, 1, "Handlingsplan efter SPUR-inspektion", st.title)
	wr.merge(sh, 0, 1, 1, 1)
	wr.height(sh, 1, 30)
	due := "inom cirka tre månader efter att ni har fått inspektionsrapporten"
	if !opt.Due.IsZero() {
		due = "senast " + opt.Due.String()
	}
	row := 3
	for _, kv := range [][2]string{
		{labelUnit, insp.Unit.Name}, {labelOrg, insp.Unit.Organisation}, {labelSpecialty, insp.Unit.Specialty},
		{labelVisit, insp.Visit.String()}, {labelCatalog, insp.Catalog}, {labelDue, due},
	} {
		wr.str(sh, 0, row, kv[0], st.label)
		wr.str(sh, 1, row, kv[1], st.text)
		row++
	}
	wr.str(sh, 0, row, labelPlanDate, st.label)
	planDate := ""
	if opt.Revise && insp.ActionPlan != nil && !insp.ActionPlan.Date.IsZero() {
		planDate = insp.ActionPlan.Date.String()
	}
	wr.str(sh, 1, row, planDate, st.input)
	wr.do(inputHelp(wr.f, sh, cellName(1, row), labelPlanDate, planDateHelp))
	writeInstructionText(wr, st, row+2, instructionText(n),
		id.short()+" (knyter planen till inspektionen; ändra inget på bladen utom de gula cellerna)")
}

// setIdentity stores the kind of a plan or follow-up workbook and the
// identity of its inspection as custom document properties.
func setIdentity(wr *writer, kind string, id identity) {
	for _, p := range []excelize.CustomProperty{
		{Name: propKind, Value: kind}, {Name: propUnit, Value: id.Unit}, {Name: propVisit, Value: id.Visit},
		{Name: propCatalog, Value: id.Catalog}, {Name: propFingerprint, Value: id.Fingerprint},
	} {
		wr.do(wr.f.SetCustomProps(p))
	}
}

// writeInstructionText writes the paragraphs of the instruction sheet
// from row on, a line below them the fingerprint with what it is for
// (note), and the sheet's print layout and protection.
func writeInstructionText(wr *writer, st styles, row int, text []paragraph, note string) {
	const sh = SheetInstructions
	for _, p := range text {
		style := st.text
		if p.heading {
			style = st.heading
			row++
		}
		wr.str(sh, 0, row, p.text, style)
		wr.merge(sh, 0, row, 1, row)
		wr.height(sh, row, textHeight(p.text, 124))
		row++
	}
	row++
	wr.str(sh, 0, row, labelPrint, st.note)
	wr.str(sh, 1, row, note, st.note)
	wr.do(printLayout(wr.f, sh, "portrait", 0))
	wr.do(protect(wr.f, sh))
}

type paragraph struct {
	text    string
	heading bool
}

func instructionText(n int) []paragraph {
	rows := "en rad"
	if n != 1 {
		rows = fmt.Sprintf("%d rader", n)
	}
	return []paragraph{
		{text: "Vid inspektionen uppfylldes inte alla kriterier. På bladet " + SheetPlan + " finns " + rows +
			", en för varje kriterium som behöver åtgärdas. Fyll i planen, spara filen och skicka den tillbaka till inspektörerna. " +
			"Inspektörerna bedömer sedan om planen räcker för att justera graderingen."},
		{text: "Så fyller du i", heading: true},
		{text: "• Rader märkta \"" + kindRequired + "\" ska fyllas i: varje föreskrift som inte uppfylls behöver en åtgärd."},
		{text: "• Rader märkta \"" + kindRecommended + "\" fyller ni i om ni planerar en åtgärd; annars lämnar ni raden tom."},
		{text: "• Fyll i de fem gula kolumnerna: " + strings.Join(planHeaders[colAction:], ", ") +
			". Område, kriterium och kriterietext är låsta."},
		{text: "• Skriv den ansvariga som roll (Verksamhetschefen, Studierektor) eller som namn med roll inom parentes: Förnamn Efternamn (huvudhandledare)."},
		{text: "• Ny rad i en cell: Alt+Enter i Excel, Ctrl+Enter i LibreOffice Calc. En cell rymmer en hel rutin."},
		{text: "• Fyll också i " + labelPlanDate + " ovan: dagens datum när ni skickar planen."},
		{text: "Så skriver du datum", heading: true},
		{text: "• Ett datum: 2025-12-31 eller 20251231, eller med månadens namn: 31 dec 2025, 15 april (utan år gäller nästa sådant datum)."},
		{text: "• En tid räknad från planens datum: om sex månader, om 3 månader, inom ett år."},
		{text: "• En period: hösten 2025, under våren, under 2026."},
		{text: "• Något som redan är gjort: genomförd, klart, redan gjort, gärna med en kommentar inom parentes: genomförd (se bilaga 1)."},
		{text: "• Det du skriver sparas precis som du skrev det; där datumet inte går att läsa ut får inspektörerna en påminnelse om det."},
		{text: "Att tänka på", heading: true},
		{text: "• Lägg inte till, ta inte bort och flytta inte rader, och ändra inte rubrikerna: planen läses in rad för rad via kriteriet i kolumn B. " +
			"Bladen är skyddade mot misstag, utan lösenord."},
		{text: "• Spara filen som Excel-arbetsbok (.xlsx), även i LibreOffice Calc, och skicka den till inspektörerna."},
	}
}

// textHeight estimates the height in points of a row whose wrapped text
// runs across width characters; merged cells are not fitted by Excel or
// LibreOffice, so their rows get a height.
func textHeight(s string, width int) float64 {
	return float64(lineCount(s, float64(width)))*15 + 3
}

// lineCount estimates the lines s wraps to in a column of width
// characters: prose runs a little narrower than the digit "0" that
// measures a column, and wrapping at words wastes some of it.
func lineCount(s string, width float64) int {
	per := max(1, int(width*1.05))
	lines := 0
	for _, l := range strings.Split(s, "\n") {
		lines += max(1, (utf8.RuneCountInString(l)+per-1)/per)
	}
	return lines
}

// writePlanSheet writes the table the unit fills in. A plan the
// inspection already has (one the inspectors did not accept, sent back to
// be revised) fills its rows, as the unit wrote them, for the unit to
// change rather than write again.
func writePlanSheet(wr *writer, st styles, rows []planRow, plan *schema.ActionPlan) {
	const sh = SheetPlan
	wr.widths(sh, planWidths[:])
	for c, h := range planHeaders {
		wr.str(sh, c, 1, h, st.header)
	}
	wr.height(sh, 1, 48)
	for i, r := range rows {
		row := i + 2
		wr.str(sh, colArea, row, r.area.Letter+". "+r.area.Title, st.locked)
		wr.str(sh, colID, row, r.crit.ID, st.lockedCenter)
		wr.str(sh, colKind, row, r.kindLabel(), st.locked)
		wr.str(sh, colText, row, r.crit.Text, st.locked)
		wr.style(sh, colAction, row, colFollowUpBy, row, st.input)
		if e := entryFor(plan, r.crit.ID); e != nil {
			for _, cv := range []struct {
				col int
				v   string
			}{{colAction, e.Action}, {colDue, e.Due.Text}, {colResponsible, e.Responsible}, {colFollowUp, e.FollowUp.Text}, {colFollowUpBy, e.FollowUpBy}} {
				if cv.v != "" {
					wr.str(sh, cv.col, row, cv.v, st.input)
				}
			}
		}
		// LibreOffice does not fit row heights on opening, so rows get one:
		// the locked texts' height, and room for a few lines of answer.
		lines := max(4, lineCount(r.crit.Text, planWidths[colText]), lineCount(r.area.Title, planWidths[colArea]))
		wr.height(sh, row, float64(lines)*15+4)
	}
	if len(rows) > 0 {
		last := len(rows) + 1
		rng := func(c int) string { return cellName(c, 2) + ":" + cellName(c, last) }
		wr.do(inputHelp(wr.f, sh, rng(colAction), actionHelpTitle, actionHelp))
		wr.do(inputHelp(wr.f, sh, rng(colDue)+" "+rng(colFollowUp), dateHelpTitle, dateHelp))
	}
	wr.do(freezeHeader(wr.f, sh, 1))
	wr.do(printLayout(wr.f, sh, "landscape", 1))
	wr.do(protect(wr.f, sh))
}
