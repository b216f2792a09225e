package view

import (
	"fmt"
	"strings"
)

// Labels is every fixed text of the follow-up list in one language. The
// list is for Swedish regions, so there is one table; the words of the
// plan's fields are those of the action plan (spur-model.md: The report,
// in order).
type Labels struct {
	Lang, PDFLang string
	Title         string // "Uppföljning av handlingsplaner"
	Selection     string // "Urval"
	Summary       string // the heading of the counts per region
	AllRegions    string // the row of the counts of every region
	Total         string // the column of all states
	Region        string
	Unit          string
	Organisation  string
	Specialty     string
	UnitID        string
	Visit         string
	PlanDate      string
	Area          string
	Criterion     string
	CriterionText string
	Action        string
	Due           string
	Reading       string // "tolkat som"
	Responsible   string
	FollowUp      string
	FollowUpBy    string
	State         string
	Latest        string // "Senaste uppföljning"
	LatestDate    string
	LatestNote    string
	LatestBy      string
	NoRegion      string // a region's heading when the inspection gives none
	NoResponsible string
	NoActions     string // a list without actions
	Failed        string // before the files that could not be read
	EventDue      string // "%s ska vara genomförd" with the criterion
	EventFollowUp string // "Uppföljning av %s"
	Calendar      string // the calendar's name
	NextVisits    string // the heading of the units due for their next visit
	LastVisit     string // "Senaste besök"
	NextVisit     string // "Nästa granskning senast"
	// VisitStates are the words of each VisitState; VisitSoon's takes
	// the window in days.
	VisitStates [len(VisitStates)]string
	// VisitsNote says which units the list of next visits holds: the
	// interval in years, the day and the window in days; NoVisits that
	// there is none.
	VisitsNote func(years int, day string, within int) string
	NoVisits   func(day string, within int) string
	// VisitsCounted is the units due for their next visit on the count's
	// line: those past it, and those within the window of days.
	VisitsCounted func(due, soon, within int) string
	// Interval is the interval of visits in the calendar's events.
	Interval func(years int) string
	// States are the words of each state, indexed by State; DueSoon's
	// takes the window in days.
	States [len(States)]string
	// Intro says what the list is: the day, and the window in days.
	Intro func(day string, within int) string
	// LatestLine is the latest follow-up beside the state: day and words.
	LatestLine func(day, word string) string
	// Counted gives "14 åtgärder i 1 handlingsplan".
	Counted func(actions, plans int) string
	// Later says, on the count's line, that the inspections visited
	// after the day and the plans dated after it are not in the list.
	Later func(day string, visits, plans int) string
	Page  func(n, total int) string
}

var swedish = Labels{
	Lang: "sv", PDFLang: "sv-SE",
	Title: "Uppföljning av handlingsplaner", Selection: "Urval",
	Summary: "Läget per region", AllRegions: "Alla regioner", Total: "Summa",
	Region: "Region", Unit: "Verksamhet", Organisation: "Huvudman/vårdgivare", Specialty: "Specialitet",
	UnitID: "Enhetens id", Visit: "Besök", PlanDate: "Datum för handlingsplanen",
	Area: "Område", Criterion: "Kriterium", CriterionText: "Kriterietext", Action: "Planerad åtgärd",
	Due: "Datum när åtgärden ska vara genomförd", Reading: "tolkat som",
	Responsible: "Ansvarig för genomförandet", FollowUp: "Datum för uppföljning", FollowUpBy: "Ansvarig för uppföljningen",
	State: "Läge", Latest: "Senaste uppföljning", LatestDate: "Datum för senaste uppföljning",
	LatestNote: "Anteckning vid uppföljningen", LatestBy: "Uppföljd av",
	NoRegion: "Region ej angiven", NoResponsible: "Ansvarig ej angiven",
	NoActions: "Inga åtgärder i urvalet.",
	Failed:    "Följande filer kunde inte läsas och saknas därför i listan:",
	EventDue:  "%s ska vara genomförd", EventFollowUp: "Uppföljning av %s",
	Calendar:   "SPUR: uppföljning av handlingsplaner",
	NextVisits: "Nästa granskning", LastVisit: "Senaste besök", NextVisit: "Nästa granskning senast",
	VisitStates: [len(VisitStates)]string{"Försenad", "Inom %d dagar"},
	VisitsNote: func(years int, day string, within int) string {
		return fmt.Sprintf("Verksamheter vars nästa granskning, %d år efter det senaste besöket, infaller före %s (försenad) eller inom %d dagar därefter. "+
			"Det senaste besöket är det senaste av verksamhetens inspektioner i urvalet, också de utan handlingsplan.", years, day, within)
	},
	NoVisits: func(day string, within int) string {
		return fmt.Sprintf("Ingen verksamhet i urvalet ska granskas igen före %s eller inom %d dagar därefter.", day, within)
	},
	VisitsCounted: func(due, soon, within int) string {
		switch {
		case due == 0 && soon == 0:
			return fmt.Sprintf("Ingen verksamhets nästa granskning är försenad eller infaller inom %d dagar.", within)
		case soon == 0:
			return fmt.Sprintf("Nästa granskning är försenad för %s.", units(due))
		case due == 0:
			return fmt.Sprintf("Nästa granskning infaller inom %d dagar för %s.", within, units(soon))
		}
		return fmt.Sprintf("Nästa granskning: försenad för %s, inom %d dagar för %s.", units(due), within, units(soon))
	},
	Interval: func(years int) string { return fmt.Sprintf("%d år efter det senaste besöket", years) },
	States:   [len(States)]string{"Försenad", "Ska vara genomförd inom %d dagar", "Senare datum", "Inget datum angivet", "Datum som inte kan läsas", "Genomförd"},
	Intro: func(day string, within int) string {
		return fmt.Sprintf("Läget per %s för varje åtgärd i handlingsplanerna. Försenad: datumet då åtgärden skulle vara genomförd har passerat. "+
			"Ska vara genomförd inom %d dagar: datumet infaller senast %d dagar efter %s. Genomförd: den senaste uppföljningen säger det, eller handlingsplanen anger \"genomförd\".",
			day, within, within, day)
	},
	LatestLine: func(day, word string) string {
		if day == "" {
			return "senast uppföljd: " + word
		}
		return "senast uppföljd " + day + ": " + word
	},
	Counted: func(actions, plans int) string {
		a, p := "åtgärder", "handlingsplaner"
		if actions == 1 {
			a = "åtgärd"
		}
		if plans == 1 {
			p = "handlingsplan"
		}
		return fmt.Sprintf("%d %s i %d %s", actions, a, plans, p)
	},
	Later: func(day string, visits, plans int) string {
		var parts []string
		if visits > 0 {
			w := "inspektioner"
			if visits == 1 {
				w = "inspektion"
			}
			parts = append(parts, fmt.Sprintf("%d %s med besök efter %s", visits, w, day))
		}
		if plans > 0 {
			w := "handlingsplaner daterade"
			if plans == 1 {
				w = "handlingsplan daterad"
			}
			parts = append(parts, fmt.Sprintf("%d %s efter %s", plans, w, day))
		}
		return strings.Join(parts, " och ") + " ingår inte i listan."
	},
	Page: func(n, total int) string { return fmt.Sprintf("Sida %d av %d", n, total) },
}

// units is n units in words: "ingen verksamhet", "1 verksamhet", "2 verksamheter".
func units(n int) string {
	switch n {
	case 0:
		return "ingen verksamhet"
	case 1:
		return "1 verksamhet"
	}
	return fmt.Sprintf("%d verksamheter", n)
}

// Swedish returns the labels of the list in Swedish, the language of the
// plans and of the regions that follow them up.
func Swedish() Labels { return swedish }
