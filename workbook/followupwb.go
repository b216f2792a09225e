package workbook

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"spur/schema"
)

// The follow-up workbook (issue 14): every action of an inspection's plan
// on a row, with open columns for what the region found when it followed
// the action up. It carries its inspection's identity as the plan
// workbook does, under a kind of its own, so that spur import tells the
// two apart and refuses another inspection's workbook.

// SheetActions is the follow-up workbook's sheet of actions, one row per
// entry of the plan.
const SheetActions = "Åtgärder"

const kindFollowUp = "uppföljning"

// The columns of the sheet of actions: the plan's entry as the unit wrote
// it, locked, and the four open columns of a follow-up.
const (
	fuArea = iota
	fuID
	fuAction
	fuDue
	fuDueRead
	fuResponsible
	fuLatest
	fuStatus
	fuNote
	fuDate
	fuBy
	fuCols
)

var fuHeaders = [fuCols]string{
	fuArea:        "Område",
	fuID:          "Kriterium",
	fuAction:      "Planerad åtgärd",
	fuDue:         "Datum när åtgärden ska vara genomförd",
	fuDueRead:     "Datumet som spur läser det",
	fuResponsible: "Ansvarig för genomförandet",
	fuLatest:      "Senaste uppföljning",
	fuStatus:      "Status",
	fuNote:        "Kommentar",
	fuDate:        "Datum för uppföljningen",
	fuBy:          "Uppföljd av",
}

var fuWidths = [fuCols]float64{22, 10, 50, 16, 13, 20, 24, 18, 44, 14, 20}

// followUpWords are the statuses as the drop-down offers them.
var followUpWords = func() []string {
	var out []string
	for _, s := range []schema.FollowUpStatus{schema.Done, schema.Partly, schema.NotDone, schema.Postponed} {
		out = append(out, s.Swedish())
	}
	return out
}()

const (
	statusHelpTitle = "Status"
	statusHelp      = "Välj genomförd, delvis genomförd, ej genomförd eller uppskjuten. Lämna raden tom om åtgärden inte följs upp nu."
	fuDateHelpTitle = "Datum för uppföljningen"
	fuDateHelp      = "Dagen då åtgärden följdes upp, som 2025-11-20. Lämnas det tomt används dagen då arbetsboken läses in."
	noteHelpTitle   = "Kommentar"
	noteHelp        = "Vad uppföljningen visade, så utförligt som behövs. Ny rad i cellen: Alt+Enter i Excel, Ctrl+Enter i LibreOffice Calc."
)

// followUpIdentity ties a follow-up workbook to its inspection: the unit,
// visit and catalogue, and a fingerprint of the plan's entries as the
// workbook shows them (criterion, action, due date as written). A
// workbook made before the plan changed has another fingerprint.
func followUpIdentity(insp *schema.Inspection) identity {
	id := identity{Unit: insp.Unit.Name, Visit: insp.Visit.String(), Catalog: insp.Catalog}
	h := sha256.New()
	fmt.Fprintf(h, "spur follow-up 1\n%q\n%q\n%q\n", id.Catalog, id.Unit, id.Visit)
	if insp.ActionPlan != nil {
		for _, e := range insp.ActionPlan.Entries {
			fmt.Fprintf(h, "%s\t%q\t%q\n", e.Criterion, e.Action, e.Due.Text)
		}
	}
	id.Fingerprint = "sha256:" + hex.EncodeToString(h.Sum(nil))
	return id
}

// WriteFollowUpTemplate writes the follow-up workbook of an inspection
// with an action plan: an instruction sheet and one row per entry of the
// plan, in the plan's order. insp must have been loaded. The same
// inspection gives the same bytes.
func WriteFollowUpTemplate(w io.Writer, insp *schema.Inspection) error {
	if insp == nil || insp.Cat == nil {
		return errors.New("the inspection has no catalogue: load and validate it first")
	}
	if insp.ActionPlan == nil || len(insp.ActionPlan.Entries) == 0 {
		return errors.New("the inspection has no action plan to follow up: import the unit's plan first (spur template, spur import)")
	}
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	id := followUpIdentity(insp)
	wr := &writer{f: f}
	wr.do(f.SetSheetName("Sheet1", SheetInstructions))
	_, err = f.NewSheet(SheetActions)
	wr.do(err)
	writeFollowUpInstructions(wr, st, insp, id)
	writeActionsSheet(wr, st, insp)
	setIdentity(wr, kindFollowUp, id)
	wr.do(docProps(f, "Uppföljning – "+insp.Unit.Name, "SPUR-inspektion "+insp.Visit.String(), insp.Visit))
	wr.do(f.ProtectWorkbook(&excelize.WorkbookProtectionOptions{LockStructure: true}))
	f.SetActiveSheet(0)
	if wr.err != nil {
		return fmt.Errorf("follow-up workbook: %w", wr.err)
	}
	return save(f, w, map[string]int{SheetActions: 2})
}

func writeFollowUpInstructions(wr *writer, st styles, insp *schema.Inspection, id identity) {
	const sh = SheetInstructions
	wr.widths(sh, instructionWidths)
	wr.str(sh, 0, 1, "Uppföljning av handlingsplan efter SPUR-inspektion", st.title)
	wr.merge(sh, 0, 1, 1, 1)
	wr.height(sh, 1, 30)
	row := 3
	for _, kv := range [][2]string{
		{labelUnit, insp.Unit.Name}, {labelOrg, insp.Unit.Organisation}, {labelSpecialty, insp.Unit.Specialty},
		{labelRegion, insp.Unit.Region}, {labelVisit, insp.Visit.String()}, {labelCatalog, insp.Catalog},
		{labelPlanDate, insp.ActionPlan.Date.String()},
	} {
		wr.str(sh, 0, row, kv[0], st.label)
		wr.str(sh, 1, row, kv[1], st.text)
		row++
	}
	n := len(insp.ActionPlan.Entries)
	rows := "en rad"
	if n != 1 {
		rows = fmt.Sprintf("%d rader", n)
	}
	writeInstructionText(wr, st, row+1, []paragraph{
		{text: "På bladet " + SheetActions + " finns " + rows + ", en för varje åtgärd i enhetens handlingsplan, med åtgärden och datumet som enheten skrev dem. " +
			"Fyll i hur det har gått för de åtgärder du följer upp, spara filen och läs in den i inspektionen med spur import."},
		{text: "Så fyller du i", heading: true},
		{text: "• " + fuHeaders[fuStatus] + ": välj " + strings.Join(followUpWords[:len(followUpWords)-1], ", ") + " eller " + followUpWords[len(followUpWords)-1] + " i listan."},
		{text: "• " + fuHeaders[fuNote] + ": vad uppföljningen visade. Ny rad i en cell: Alt+Enter i Excel, Ctrl+Enter i LibreOffice Calc."},
		{text: "• " + fuHeaders[fuDate] + ": dagen då du följde upp åtgärden, som 2025-11-20. Lämnas det tomt används dagen då arbetsboken läses in."},
		{text: "• " + fuHeaders[fuBy] + ": vem som följde upp, gärna som namn med roll inom parentes."},
		{text: "• En rad som lämnas tom följs inte upp den här gången och ändrar ingenting."},
		{text: "Att tänka på", heading: true},
		{text: "• Uppföljningar som redan finns i inspektionen ligger kvar; kolumnen " + fuHeaders[fuLatest] + " visar den senaste. " +
			"Samma arbetsbok kan läsas in flera gånger utan att något läggs till två gånger."},
		{text: "• Lägg inte till, ta inte bort och flytta inte rader, och ändra inte rubrikerna: raderna läses via kriteriet i kolumn B. " +
			"Bladen är skyddade mot misstag, utan lösenord."},
		{text: "• Spara filen som Excel-arbetsbok (.xlsx), även i LibreOffice Calc."},
	}, id.short()+" (knyter arbetsboken till inspektionen; ändra inget utom de gula cellerna)")
}

func writeActionsSheet(wr *writer, st styles, insp *schema.Inspection) {
	const sh = SheetActions
	wr.widths(sh, fuWidths[:])
	for c, h := range fuHeaders {
		wr.str(sh, c, 1, h, st.header)
	}
	wr.height(sh, 1, 48)
	entries := insp.ActionPlan.Entries
	for i, e := range entries {
		row := i + 2
		area := ""
		if _, ca, ok := insp.Cat.Criterion(e.Criterion); ok {
			area = ca.Letter + ". " + ca.Title
		}
		latest := latestText(e)
		for _, cv := range []struct {
			col  int
			text string
		}{
			{fuArea, area}, {fuAction, e.Action}, {fuDue, e.Due.Text}, {fuDueRead, dueReading(e.Due)},
			{fuResponsible, e.Responsible}, {fuLatest, latest},
		} {
			wr.str(sh, cv.col, row, cellCut(cv.text), st.locked)
		}
		wr.str(sh, fuID, row, e.Criterion, st.lockedCenter)
		wr.style(sh, fuStatus, row, fuBy, row, st.input)
		lines := max(3, lineCount(e.Action, fuWidths[fuAction]), lineCount(area, fuWidths[fuArea]), lineCount(latest, fuWidths[fuLatest]))
		wr.height(sh, row, float64(lines)*15+4)
	}
	last := len(entries) + 1
	rng := func(c int) string { return cellName(c, 2) + ":" + cellName(c, last) }
	wr.do(dropDown(wr.f, sh, rng(fuStatus), followUpWords, statusHelpTitle, statusHelp))
	wr.do(inputHelp(wr.f, sh, rng(fuNote), noteHelpTitle, noteHelp))
	wr.do(inputHelp(wr.f, sh, rng(fuDate), fuDateHelpTitle, fuDateHelp))
	wr.do(freezeHeader(wr.f, sh, 1))
	wr.do(printLayout(wr.f, sh, "landscape", 1))
	wr.do(protect(wr.f, sh))
}

// dueReading is the day spur reads a due date as, in the words of the
// report: "2025-12-31", "genomförd", "pågår"; "kan inte läsas" for a text
// spur cannot read, "" for none.
func dueReading(d schema.DateText) string {
	if s := d.Parsed.String(); s != "" {
		return s
	}
	if strings.TrimSpace(d.Text) != "" {
		return "kan inte läsas"
	}
	return ""
}

// latestText is the entry's latest follow-up as the sheet shows it:
// "2025-11-20: delvis genomförd (Eva Lund)", its note on the next line.
func latestText(e schema.PlanEntry) string {
	f, ok := e.Latest()
	if !ok {
		return ""
	}
	s := f.Date.String() + ": " + f.Status.Swedish()
	if by := strings.TrimSpace(f.By); by != "" {
		s += " (" + by + ")"
	}
	if note := strings.TrimSpace(f.Note); note != "" {
		s += "\n" + note
	}
	return s
}

// cellCut is s as a cell holds it: Excel's limit of characters, cut at a
// character with "…". Only the locked, shown columns are cut; the reader
// never compares them with more than a warning.
func cellCut(s string) string {
	if len(s) <= maxCellRunes {
		return s // no more characters than bytes
	}
	n := 0
	for i := range s {
		if n == maxCellRunes-1 {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// FollowUpLine is a follow-up as read from a row of the follow-up
// workbook: the entry's criterion, and what the row says.
type FollowUpLine struct {
	Criterion string
	// FollowUp is the row's follow-up; its Date is zero where the row
	// gives none (the caller dates it).
	FollowUp schema.FollowUp
	At       schema.Pos // the status cell
	DateAt   schema.Pos // the date cell, or where the date belongs
}

// IsFollowUpWorkbook reports whether data (named name) is a follow-up
// workbook: it carries the follow-up kind, or, where a program dropped
// spur's document properties, it has the sheets of one and not those of
// a plan. Nothing is reported: reading it tells what is wrong with it.
func IsFollowUpWorkbook(name string, data []byte) bool {
	if !IsWorkbook(name, data) {
		return false
	}
	var ignored schema.Diagnostics
	b, err := openBook(name, bytes.NewReader(data), int64(len(data)), &ignored)
	if err != nil || b == nil {
		return false
	}
	defer b.close()
	if k := b.props()[propKind]; k != "" {
		return k == kindFollowUp
	}
	has := map[string]bool{}
	for _, s := range b.f.GetSheetList() {
		has[normWord(s)] = true
	}
	return has[normWord(SheetActions)] && has[normWord(SheetInstructions)] && !has[normWord(SheetPlan)]
}

// ReadFollowUps reads a follow-up workbook filled in for insp (loaded and
// validated, with an action plan) and returns its follow-ups in the order
// of the rows. A row left empty is not followed up and gives nothing.
// Problems are diagnostics at their cells ("uppfoljning.xlsx:Åtgärder!H7"):
// another inspection's workbook, a status spur does not know, a row with a
// note but no status, a date spur cannot read, a row whose criterion has
// no entry in the plan. The lines are fit to import only when diags has no
// errors. err is for a reader that fails, or an inspection that was not
// loaded.
func ReadFollowUps(name string, r io.ReaderAt, size int64, insp *schema.Inspection) ([]FollowUpLine, schema.Diagnostics, error) {
	if insp == nil || insp.Cat == nil {
		return nil, nil, errors.New("the inspection has no catalogue: load and validate it first")
	}
	var diags schema.Diagnostics
	if insp.ActionPlan == nil {
		diags.Errorf(schema.Pos{File: insp.File}, "the inspection has no action plan, so there is nothing to follow up; import the unit's plan first")
		return nil, diags, nil
	}
	b, err := openBook(name, r, size, &diags)
	if b == nil {
		diags.Sort()
		return nil, diags, err
	}
	defer b.close()
	lines := readFollowUpBook(b, insp, &diags)
	diags.Sort()
	return lines, diags, nil
}

func readFollowUpBook(b *book, insp *schema.Inspection, diags *schema.Diagnostics) (lines []FollowUpLine) {
	defer func() {
		if p := recover(); p != nil {
			diags.Errorf(schema.Pos{File: b.file}, "the workbook is damaged: reading it failed (%s); open it in Excel or LibreOffice Calc and save it again", schema.Clip(fmt.Sprint(p)))
			lines = nil
		}
	}()
	top := schema.Pos{File: b.file}
	props := b.props()
	switch props[propKind] {
	case kindInspection:
		diags.Errorf(top, "this is an inspection workbook, not a follow-up workbook; spur template --follow-up writes the follow-up workbook")
		return nil
	case kindPlan:
		diags.Errorf(top, "this is an action-plan workbook, not a follow-up workbook; spur import reads it as the unit's plan")
		return nil
	}
	instr, _ := b.optionalSheet(SheetInstructions, "the inspection the workbook belongs to is read from it", diags)
	labels := labelRows(instr)
	id, ok := b.readIdentity(followUpPhrases, props, instr, labels, diags)
	if !ok || !id.compareAs(followUpPhrases, followUpIdentity(insp), b.labelPos(instr, labels, labelUnit), diags) {
		return nil
	}
	g, ok := b.readSheet(SheetActions, diags)
	if !ok {
		return nil
	}
	required := make([]bool, fuCols)
	required[fuID], required[fuStatus] = true, true
	t, ok := findTable(g, fuHeaders[:], required, 1, 10, diags)
	if !ok {
		return nil
	}
	rows, ok := t.rows(diags)
	if !ok {
		return nil
	}
	entries := map[string]*schema.PlanEntry{}
	for i := range insp.ActionPlan.Entries {
		e := &insp.ActionPlan.Entries[i]
		if _, dup := entries[e.Criterion]; !dup {
			entries[e.Criterion] = e
		}
	}
	reported := map[int]bool{}
	blank := true
	for _, r := range rows {
		t.unread(r, reported, diags)
		status, note, date, by := t.read(fuStatus, r, diags), t.read(fuNote, r, diags), t.read(fuDate, r, diags), t.read(fuBy, r, diags)
		if !status.ok || !note.ok || !date.ok || !by.ok {
			blank = false
			continue // reported
		}
		if empty(status) && empty(note) && empty(date) && empty(by) {
			continue // not followed up this time
		}
		blank = false
		dateAt := date.pos
		if !t.has(fuDate) {
			dateAt = status.pos
		}
		l, ok := readFollowUpRow(t, r, entries, status, note, date, by, diags)
		if ok {
			l.At, l.DateAt = status.pos, dateAt
			lines = append(lines, l)
		}
	}
	if blank && !diags.HasErrors() {
		where := g.pos(t.col[fuStatus], t.row+1)
		diags.Errorf(where, "nothing is filled in: no row has a status; choose a status (%s) in the rows of the actions you followed up and import the workbook again",
			strings.Join(followUpWords, ", "))
	}
	return lines
}

func empty(c cell) bool { return strings.TrimSpace(c.text) == "" }

// readFollowUpRow reads a row that has something in its open columns; ok
// is false when it cannot be imported (and has been reported).
func readFollowUpRow(t *table, r int, entries map[string]*schema.PlanEntry, status, note, date, by cell, diags *schema.Diagnostics) (FollowUpLine, bool) {
	idc := t.read(fuID, r, diags)
	raw := strings.TrimSpace(idc.text)
	ok := true
	var l FollowUpLine
	switch e := entries[canonicalID(raw)]; {
	case raw == "":
		diags.Errorf(idc.pos, "this row has a follow-up but no criterion; write the criterion's id (e.g. E4) in %s, or move the follow-up to the row of its action", idc.pos.Cell)
		ok = false
	case e == nil:
		diags.Errorf(idc.pos, "%s has no entry in the inspection's action plan, so it cannot be followed up; import the plan with an entry for it first, or clear the row", schema.Clip(raw))
		ok = false
	default:
		l.Criterion = e.Criterion
		if t.has(fuAction) {
			if a := t.read(fuAction, r, diags); strings.TrimSpace(a.text) != strings.TrimSpace(cellCut(e.Action)) {
				diags.Warnf(a.pos, "the planned action of %s here is not the plan's (changed in the workbook, or in the plan since the workbook was made); the follow-up is recorded for the plan's entry for %s, whose action is kept as it is", e.Criterion, e.Criterion)
			}
		}
	}
	of := ""
	if l.Criterion != "" {
		of = " of " + l.Criterion
	}
	if empty(status) {
		diags.Errorf(status.pos, "the follow-up%s has no status; choose one of %s, or clear the row if the action is not followed up now", of, strings.Join(followUpWords, ", "))
		ok = false
	} else if s, known := schema.ReadFollowUpStatus(status.text); known {
		l.FollowUp.Status = s
	} else {
		candidates := append([]string{}, followUpWords...)
		for _, s := range []schema.FollowUpStatus{schema.Done, schema.Partly, schema.NotDone, schema.Postponed} {
			candidates = append(candidates, string(s))
		}
		diags.Errorf(status.pos, "status %q is not one of %s%s", schema.Clip(strings.TrimSpace(status.text)), strings.Join(followUpWords, ", "), suggest(status.text, candidates))
		ok = false
	}
	if !empty(date) {
		d, read := followUpDate(date, diags)
		if !read {
			diags.Errorf(date.pos, "cannot read %q as the date of the follow-up%s; write the day it was made, e.g. 2025-11-20", schema.Clip(strings.TrimSpace(date.text)), of)
			ok = false
		}
		l.FollowUp.Date = d
	}
	// A cell of spaces alone says nothing, and would make a second
	// import of the same row look new.
	for _, v := range []struct {
		c  cell
		to *string
	}{{note, &l.FollowUp.Note}, {by, &l.FollowUp.By}} {
		if !empty(v.c) {
			*v.to = v.c.text
		}
	}
	return l, ok
}

// followUpDate reads the date of a follow-up: a date cell, YYYY-MM-DD, or
// a day with its year that ParseDate reads ("20251120", "20 nov 2025").
// A date without a year, or counted from another ("om sex månader"), is
// not a follow-up's date.
func followUpDate(c cell, diags *schema.Diagnostics) (schema.Date, bool) {
	if d := dateOfCell(c, schema.Date{}, diags); !d.IsZero() {
		return d, true
	}
	text := strings.TrimSpace(c.text)
	if d, ok := schema.ParseISODate(text); ok {
		return d, true
	}
	if pd, ok := schema.ParseDate(text, schema.Date{}.Time()); ok && pd.Kind == schema.DateExact && pd.Note == "" {
		return schema.NewDate(pd.Date.Year(), pd.Date.Month(), pd.Date.Day()), true
	}
	return schema.Date{}, false
}
