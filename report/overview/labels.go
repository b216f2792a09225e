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
	// Failing is the status of an input that could not be built.
	Failing string
	Plan    [5]string // per PlanState
	// The next visit, and the last two visits of each unit.
	NextVisits, LastVisit, NextVisit   string
	Revisits, RevisitsNote, NoRevisits string
	PreviousVisit, LatestVisit         string
	// The yearly compilation.
	Years, YearsNote, NoYears           string
	DShare, DShareNote, DBefore, DAfter string
	ShareBefore, ShareAfter             string
	Actions, NoActions, NoRegion        string
	States                              [3]string // per ActionState
	one, many, oneUnit, manyUnits       string
	Page                                func(n, total int) string
	// DueNote says which units are listed as due: those whose next visit,
	// years after the last, falls before the day asOf.
	DueNote func(years int, asOf string) string
	// NoneDue says that no unit is due before asOf.
	NoneDue func(asOf string) string
	// ActionsNote says what the states of the actions are, on asOf.
	ActionsNote func(asOf string) string
}

// Units gives "1 verksamhet", "12 verksamheter".
func (l Labels) Units(n int) string {
	if n == 1 {
		return fmt.Sprintf(l.oneUnit, n)
	}
	return fmt.Sprintf(l.manyUnits, n)
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
	Preliminary: "Preliminär", Final: "Slutlig", Failing: "Underlaget har fel",
	Plan:       [5]string{"–", "inkommen", "godtagen", "delvis godtagen", "ej godtagen"},
	NextVisits: "Nästa granskning", LastVisit: "Senaste besök", NextVisit: "Nästa granskning senast",
	Revisits:      "De två senaste besöken",
	RevisitsNote:  "Slutlig gradering per område vid det föregående och det senaste besöket, för verksamheter som besökts mer än en gång; en pil visar en ändring.",
	NoRevisits:    "Ingen verksamhet i urvalet har besökts mer än en gång.",
	PreviousVisit: "Föregående besök", LatestVisit: "Senaste besök",
	Years:     "Sammanställning per år",
	YearsNote: "Per år för besöket. En verksamhet räknas en gång per år, med årets senaste besök.",
	NoYears:   "Inga inspektioner i urvalet.",
	DShare:    "Andel verksamheter med D",
	DShareNote: "Verksamheter med gradering D i området före handlingsplanen (beräknad gradering eller inspektörernas avvikande) " +
		"och efter den (slutlig gradering), och deras andel av årets verksamheter.",
	DBefore: "D före", DAfter: "D efter", ShareBefore: "Andel före", ShareAfter: "Andel efter",
	Actions: "Åtgärdernas läge per region", NoActions: "Inga åtgärder i årets handlingsplaner.", NoRegion: "Ingen region angiven",
	States: [3]string{"Genomförda", "Försenade", "Öppna"},
	one:    "%d inspektion", many: "%d inspektioner", oneUnit: "%d verksamhet", manyUnits: "%d verksamheter",
	Page: func(n, total int) string { return fmt.Sprintf("Sida %d av %d", n, total) },
	DueNote: func(years int, asOf string) string {
		return fmt.Sprintf("Verksamheter vars nästa granskning, %d år efter det senaste besöket, infaller före %s.", years, asOf)
	},
	NoneDue: func(asOf string) string {
		return fmt.Sprintf("Ingen verksamhet i urvalet ska granskas igen före %s.", asOf)
	},
	ActionsNote: func(asOf string) string {
		return fmt.Sprintf("Handlingsplanernas åtgärder den %s: genomförda (enligt handlingsplanen eller den senaste uppföljningen), "+
			"försenade (datumet för genomförandet har passerat) och öppna (övriga, också de utan datum).", asOf)
	},
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
	Preliminary: "Preliminary", Final: "Final", Failing: "Input has errors",
	Plan:       [5]string{"–", "received", "accepted", "partly accepted", "not accepted"},
	NextVisits: "Next visit", LastVisit: "Last visit", NextVisit: "Next visit due",
	Revisits:      "The last two visits",
	RevisitsNote:  "Final grade per area at the previous and the last visit, for units visited more than once; an arrow shows a change.",
	NoRevisits:    "No unit in the selection was visited more than once.",
	PreviousVisit: "Previous visit", LatestVisit: "Last visit",
	Years:     "Compilation per year",
	YearsNote: "Per year of the visit. A unit counts once a year, with its last visit of the year.",
	NoYears:   "No inspections in the selection.",
	DShare:    "Share of units graded D",
	DShareNote: "Units graded D in the area before the action plan (the computed grade or the inspectors' override) " +
		"and after it (the final grade), and their share of the year's units.",
	DBefore: "D before", DAfter: "D after", ShareBefore: "Share before", ShareAfter: "Share after",
	Actions: "State of the actions per region", NoActions: "No actions in the year's action plans.", NoRegion: "No region given",
	States: [3]string{"Done", "Overdue", "Open"},
	one:    "%d inspection", many: "%d inspections", oneUnit: "%d unit", manyUnits: "%d units",
	Page: func(n, total int) string { return fmt.Sprintf("Page %d of %d", n, total) },
	DueNote: func(years int, asOf string) string {
		return fmt.Sprintf("Units whose next visit, %d years after the last, falls before %s.", years, asOf)
	},
	NoneDue: func(asOf string) string {
		return fmt.Sprintf("No unit in the selection is due for a visit before %s.", asOf)
	},
	ActionsNote: func(asOf string) string {
		return fmt.Sprintf("The actions of the action plans on %s: done (by the action plan or the latest follow-up), "+
			"overdue (the date of completion has passed) and open (the others, those without a date too).", asOf)
	},
}

// LabelsFor returns the labels of lang: "en", else Swedish.
func LabelsFor(lang string) Labels {
	if lang == "en" {
		return english
	}
	return swedish
}
