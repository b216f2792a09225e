package workbook

import (
	"strings"

	"spur/schema"
)

// The layout of the workbooks: sheet names, column headers and labels. The
// words a unit or an inspector sees are Swedish and live here, in one place;
// readers find columns by these headers and fields by these labels, so a
// workbook whose rows were moved still reads.

// Sheet names.
const (
	SheetInstructions = "Instruktioner"  // plan workbook: what to do, the plan's date
	SheetPlan         = "Handlingsplan"  // plan and inspection workbooks: one row per criterion
	SheetInspection   = "Inspektion"     // inspection workbook: the header
	SheetSummary      = "Sammanfattning" // inspection workbook: the three summary lists
)

// AreaSheet is the name of the sheet of area letter in an inspection
// workbook: "Område E".
func AreaSheet(letter string) string { return "Område " + letter }

// A plan sheet's columns in the template's order. Area, id, kind and text
// are written by spur and locked; the five fields of spur-model.md are the
// unit's.
const (
	colArea = iota
	colID
	colKind
	colText
	colAction
	colDue
	colResponsible
	colFollowUp
	colFollowUpBy
	planCols
)

var planHeaders = [planCols]string{
	colArea:        "Område",
	colID:          "Kriterium",
	colKind:        "Typ",
	colText:        "Kriterietext",
	colAction:      "Planerad åtgärd",
	colDue:         "Datum när åtgärden ska vara genomförd",
	colResponsible: "Ansvarig för genomförandet",
	colFollowUp:    "Datum för uppföljning",
	colFollowUpBy:  "Ansvarig för uppföljningen",
}

// planWidths are the column widths in characters: wide enough to read a
// criterion and a planned action without widening anything, and for the
// longest word of an area title ("patientsäkerhetsarbete") in Område.
var planWidths = [planCols]float64{24, 10, 15, 44, 56, 16, 20, 16, 20}

// The five fields of an entry, in the order of planHeaders from colAction.
var fieldKeys = [5]string{"action", "due", "responsible", "follow_up", "follow_up_by"}

// Kind labels of a plan row (spur-model.md: every unmet föreskrift needs an
// action; an unmet allmänt råd is recommended one).
const (
	kindRequired    = "Föreskrift: åtgärd krävs"
	kindRecommended = "Allmänt råd: åtgärd rekommenderas"
)

// Labels of the instruction sheet, in column A, values in column B.
const (
	labelUnit      = "Enhet"
	labelOrg       = "Vårdgivare"
	labelSpecialty = "Specialitet"
	labelVisit     = "Inspektionsbesök"
	labelCatalog   = "Kriterieversion"
	labelDue       = "Handlingsplanen ska vara inne"
	labelPlanDate  = "Datum för handlingsplanen"
	labelPrint     = "Fingeravtryck"
)

// Labels of the inspection sheet.
const (
	labelStatus       = "Rapportstatus"
	labelName         = "Enhetens namn"
	labelRegion       = "Region"
	labelPlace        = "Ort"
	labelInspectors   = "Inspektörer"
	labelNarrative    = "Inspektörernas bedömning"
	labelOverride     = "Avvikande gradering"
	labelReason       = "Motivering"
	labelDecision     = "Bedömning av handlingsplanen"
	labelAssessHeader = "Bedömning"
	labelComment      = "Kommentar"
	// labelAllMet is the row above an area's table where one choice,
	// alla uppfyllda, marks every criterion left blank below as met (met:
	// all in YAML). Templates made before it have no such row.
	labelAllMet = "Kriterier som inte markerats nedan"
)

// Words of the drop-downs, and the model's values they stand for.
var (
	statusWords = []word{{"preliminär", string(schema.Preliminary)}, {"slutlig", string(schema.Final)}}
	resultWords = []word{
		{"uppfyllt", string(schema.Met)},
		{"ej uppfyllt", string(schema.NotMet)},
		{"ej tillämpligt", string(schema.NotApplicable)},
	}
	decisionWords = []word{{"godtagen", string(schema.Accepted)}, {"ej godtagen", string(schema.NotAccepted)}}
	allMetWords   = []word{{"alla uppfyllda", "all"}}
)

type word struct{ sv, value string }

// lookupWord reads s as one of words, in Swedish or as the model's key
// word, ignoring case, spaces and underscores.
func lookupWord(words []word, s string) (string, bool) {
	n := normWord(s)
	for _, w := range words {
		if n == normWord(w.sv) || n == normWord(w.value) {
			return w.value, true
		}
	}
	return "", false
}

func svWords(words []word) []string {
	var out []string
	for _, w := range words {
		out = append(out, w.sv)
	}
	return out
}

func svWord(words []word, value string) string {
	for _, w := range words {
		if w.value == value {
			return w.sv
		}
	}
	return value
}

func normWord(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(s, "_", " "))), " ")
}

// kindName is the Swedish name of a criterion kind, as the inspection
// workbook shows it.
func kindName(k schema.Kind) string {
	switch k {
	case schema.Regulation:
		return "Föreskrift"
	case schema.DerivedRegulation:
		return "Föreskrift (F*)"
	case schema.Advice:
		return "Allmänt råd"
	}
	return "Kvalitetsindikator"
}

// Date help shown as an input message (Excel allows 255 characters) and on
// the instruction sheet (spur-model.md: "Action-plan values as users write them").
const (
	dateHelpTitle = "Så skriver du datum"
	dateHelp      = "Till exempel 2025-12-31, 20251231, 31 dec 2025, 15 april, om sex månader, " +
		"hösten 2025 eller genomförd. Det du skriver sparas som du skrev det."
	actionHelpTitle = "Planerad åtgärd"
	actionHelp      = "Beskriv åtgärden så utförligt som behövs. Ny rad i cellen: Alt+Enter i Excel, " +
		"Ctrl+Enter i LibreOffice Calc."
	planDateHelp = "Dagens datum när ni skickar in planen, som 2025-05-20. " +
		"Uttryck som \"om sex månader\" räknas från det."
)
