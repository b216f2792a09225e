package overview

import "fmt"

// Labels is every fixed text of the overview in one language.
type Labels struct {
	Lang, PDFLang                            string
	Title, Selection, Since                  string
	Table, GradesPerArea, MostUnmet          string
	Unit, Specialty, Region, Visit, Status   string
	ActionPlan, Area, NoGrade, Criterion     string
	Kind, Count, Share, Total, NoInspections string
	GradesNote, UnmetNote, NoUnmet           string
	Preliminary, Final                       string
	Plan                                     [5]string // per PlanState
	one, many                                string
	Page                                     func(n, total int) string
}

// Inspections gives "1 inspektion", "12 inspektioner".
func (l Labels) Inspections(n int) string {
	if n == 1 {
		return fmt.Sprintf(l.one, n)
	}
	return fmt.Sprintf(l.many, n)
}

var swedish = Labels{
	Lang: "sv", PDFLang: "sv-SE",
	Title: "SPUR-inspektioner: översikt", Selection: "Urval", Since: "besök från och med",
	Table: "Inspektioner", GradesPerArea: "Graderingar per område", MostUnmet: "Oftast ej uppfyllda kriterier",
	Unit: "Verksamhet", Specialty: "Specialitet", Region: "Region", Visit: "Besök", Status: "Status",
	ActionPlan: "Handlingsplan", Area: "Område", NoGrade: "Ingen", Criterion: "Kriterium",
	Kind: "Typ", Count: "Antal", Share: "Andel", Total: "Summa", NoInspections: "Inga inspektioner i urvalet.",
	GradesNote:  "Antal inspektioner med varje slutlig gradering (efter handlingsplan och inspektörernas avvikande gradering).",
	UnmetNote:   "Kriterier som inte var uppfyllda vid besöket, i flest inspektioner först; andel av inspektionerna i urvalet.",
	NoUnmet:     "Varje kriterium var uppfyllt i varje inspektion i urvalet.",
	Preliminary: "Preliminär", Final: "Slutlig",
	Plan: [5]string{"–", "inkommen", "godtagen", "delvis godtagen", "ej godtagen"},
	one:  "%d inspektion", many: "%d inspektioner",
	Page: func(n, total int) string { return fmt.Sprintf("Sida %d av %d", n, total) },
}

var english = Labels{
	Lang: "en", PDFLang: "en-GB",
	Title: "SPUR inspections: overview", Selection: "Selection", Since: "visits from",
	Table: "Inspections", GradesPerArea: "Grades per area", MostUnmet: "Criteria most often not met",
	Unit: "Unit", Specialty: "Specialty", Region: "Region", Visit: "Visit", Status: "Status",
	ActionPlan: "Action plan", Area: "Area", NoGrade: "None", Criterion: "Criterion",
	Kind: "Kind", Count: "Count", Share: "Share", Total: "Total", NoInspections: "No inspections in the selection.",
	GradesNote:  "Number of inspections with each final grade (after the action plan and any override by the inspectors).",
	UnmetNote:   "Criteria not met at the visit, those unmet in most inspections first; share of the inspections selected.",
	NoUnmet:     "Every criterion was met in every inspection selected.",
	Preliminary: "Preliminary", Final: "Final",
	Plan: [5]string{"–", "received", "accepted", "partly accepted", "not accepted"},
	one:  "%d inspection", many: "%d inspections",
	Page: func(n, total int) string { return fmt.Sprintf("Page %d of %d", n, total) },
}

// LabelsFor returns the labels of lang: "en", else Swedish.
func LabelsFor(lang string) Labels {
	if lang == "en" {
		return english
	}
	return swedish
}
