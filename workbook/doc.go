// Package workbook is the Excel side of spur: the action-plan workbook a
// unit fills in, the same plan as a commented YAML file, the inspection
// workbook inspectors may keep instead of YAML, and merging an imported
// plan into an inspection (spur-model.md: Who does what, steps 2 and 3).
//
// It reads and writes bytes only: no files, no clock (the plan's date when
// the unit gives none comes from the caller, PlanOptions.Date). It decodes
// into package schema's model and validates with schema.Validate. Of
// grades it knows only their messages, which SheetWords words anew for a
// workbook; of reports only the follow-up list (followup/view), which
// WriteFollowupList lays out as a sheet.
//
// # API
//
// Action plan, for the unit of an inspection loaded with schema.Load:
//
//	WritePlanTemplate(w, insp, opt)        the plan workbook (.xlsx)
//	ReadPlan(name, r, size, insp, opt)     a filled workbook → *schema.ActionPlan, diagnostics at cells
//	ReadFilledPlan(insp, f, opt, diags)    the rows of a filled plan in either form → the same (the
//	                                       YAML form, its merge and the import are package plan's)
//	MergePlanWorkbook(w, name, r, size, plan)   the plan into an inspection workbook
//
// Follow-up, for a region following an inspection's plan up:
//
//	WriteFollowUpTemplate(w, insp)         the follow-up workbook (.xlsx)
//	ReadFollowUps(name, r, size, insp)     a filled one → []FollowUpLine, diagnostics at cells
//	IsFollowUpWorkbook(name, data)         whether spur import reads a workbook as follow-ups
//	NotInspection(name, data)              what a workbook spur made is, when not an inspection
//	WriteFollowupList(w, list)             spur followup's list as a workbook, with filters
//
// Inspection workbook:
//
//	WriteInspectionTemplate(w, cat)        a blank inspection workbook for a catalogue
//	LoadInspection(name, r, size)          a filled one → *schema.Inspection, validated as YAML is
//	IsWorkbook(name, head)                 whether input.Bytes reads a file as a workbook
//	SheetWords(insp, diags)                grade's messages in the workbook's words and cells
//
// Each area sheet has, above its table, "Kriterier som inte markerats
// nedan" (C7): "alla uppfyllda" counts every criterion left blank as met,
// as met: all does in YAML.
//
// Every reader returns its result whenever the file could be read, with
// diagnostics (schema.Diagnostics) for everything found; the result is fit
// to use only when there are no errors. The error value is for a reader
// that fails, never for the content.
//
// # Decisions
//
// Sheets. The plan workbook has "Instruktioner" (what to do, by when, how
// to write dates; the identity; the cell "Datum för handlingsplanen") and
// "Handlingsplan": one row per unmet föreskrift ("Föreskrift: åtgärd
// krävs") and per unmet allmänt råd ("Allmänt råd: åtgärd rekommenderas",
// optional), in catalogue order, with Område, Kriterium, Typ and
// Kriterietext locked and the five fields open. The inspection workbook has
// "Inspektion", "Sammanfattning", "Område A" … "Område H" and
// "Handlingsplan". Readers find columns by their headers and fields by
// their labels in column A, so moved columns still read (with a warning);
// a header that is not the template's is an error at its cell.
//
// Identity. Stored as custom document properties (spur.kind, spur.unit,
// spur.visit, spur.catalog, spur.fingerprint), which Excel and LibreOffice
// keep on saving (testdata/libreoffice-plan.xlsx proves it for
// LibreOffice), and shown on the instruction sheet. The fingerprint is the
// SHA-256 of the catalogue version, unit, visit date and each template row
// (criterion id, required or recommended, verbatim text) in order. On
// import, another unit, visit or catalogue is an error (the plan is not
// returned); the same identity with another fingerprint is a warning (the
// findings changed since the template), after which rows are matched by id
// and every difference is reported at its row. A workbook that lost its
// properties is matched by the unit and visit its instruction sheet shows,
// with a warning.
//
// Cells. Input cells are formatted as text ("@"), so that 20251231 and
// 2025-12-31 stay as typed. A cell that is a date anyway (a date-formatted
// number, or a cell of type d) is read as its date in ISO form,
// "2025-12-31"; a plain number in a date field that reads as nothing else
// and lies in the range of Excel serials of this century (36526–73050) is
// kept as written, with its date beside it ({text: "46022", date:
// 2025-12-31} in YAML) and a warning. A formula is never evaluated: its
// saved value is read, with a warning; without one the cell reads as empty,
// with a warning. Line breaks are kept ("\r\n" is read as "\n"); every
// other character is kept as written. A cell over 32,767 characters
// (Excel's limit) is an error, not cut.
//
// Rows. A föreskrift row left empty is kept as an empty entry, with a
// warning; an allmänt-råd row left empty is not imported. A plan with not
// one field filled in, in any row, is refused with one error at its first
// field (the template sent back as it was made). A deleted row, an
// added row, a row with text but no id, an unknown id, a second row for an
// id, a row for a criterion the inspection records as met or not
// applicable, and a changed criterion text are each reported at their
// cell. Entries come out in catalogue order.
//
// Plan date. Read from "Datum för handlingsplanen" on the instruction
// sheet (YYYY-MM-DD, a date cell, or a date ParseDate reads exactly); when
// empty or unreadable, PlanOptions.Date (the caller's today), with a
// warning when unreadable. Relative dates count from it, else from the
// visit.
//
// Untrusted files. A workbook is checked before excelize sees it: at most
// MaxFileSize (16 MiB); not OLE (an encrypted workbook or a legacy .xls is
// named as such), a zip with xl/workbook.xml (an .ods or a .docx is named);
// at most 1000 parts unpacking to at most 64 MiB in all, each part
// unpacked once to check its size and checksum. excelize then opens it with
// UnzipSizeLimit and UnzipXMLSizeLimit of 64 MiB, never its default of
// 16 GB, and nothing is unpacked to temporary files. Before a sheet is
// read, every worksheet is walked once as XML, keeping only counts (scan.go):
// the text its cells expand to, a shared string counted at each cell that
// shows it, is at most MaxTextSize (16 MiB) for the whole workbook; there
// are at most 200,000 cells; none lies beyond column CV or row 100,000; and
// every shared string a cell names exists. Each is refused at its cell
// ("plan.xlsx:Handlingsplan!XFD1048576"), and shared strings that cannot
// be read as a damaged workbook, never as sheets that read as empty. A table
// with more than 300 rows of text is refused at the first row past the
// limit. A value is quoted in a message to at most schema.MaxEcho
// characters. A panic inside excelize is caught at the boundary and
// reported as a damaged workbook.
//
// Determinism. The same input gives the same bytes: the document's
// created and modified dates are the visit's (2000-01-01 for a blank
// inspection template), the creator is "spur", and excelize writes its
// parts in sorted order with no file times.
//
// # Example
//
//	insp, diags := schema.Load("inspection.yaml", src)
//	workbook.WritePlanTemplate(out, insp, workbook.PlanOptions{})
//	// ... the unit fills it in ...
//	plan, diags, err := workbook.ReadPlan("plan.xlsx", f, size, insp, workbook.PlanOptions{Date: today})
//	// plan.Import does this and merges the plan into the inspection file.
package workbook
