package report

import (
	"fmt"
	"time"
)

// Labels is every fixed text a report prints, in one language. The
// criteria, grade options and introductory texts are not labels: they are
// the catalogue's official Swedish texts and are printed as they are.
type Labels struct {
	Lang, PDFLang                                   string
	Title, ActionPlanTitle                          string
	Unit, Organisation, Specialty, Region, Place    string
	Visit, Inspectors, Catalog, Status              string
	Preliminary, Final                              string
	Summary, Strengths, Weaknesses, Improvements    string
	Overview, Area, Computed, Override, Adjusted    string
	FinalGrade, Decision                            string
	Groups                                          map[string]string
	Regulation, Advice, Indicator, Indicators       string
	Grading, Met, NotMet, NotApplicable, Unassessed string
	Chosen, OverrideNote, Reason, Explanation       string
	Comment                                         string
	Plan, PlanIntro, PlanDate                       string
	PlanAction, PlanDue, PlanResponsible            string
	PlanFollowUp, PlanFollowUpBy, Criterion         string
	NoPlanEntries, NoSummaryItems                   string
	Accepted, NotAccepted, Pending                  string
	Normalised                                      string
	Page                                            func(n, total int) string
	Months                                          [12]string

	// LastFollowUp and EarlierFollowUps head an action's latest follow-up
	// and the ones before it (PlanEntry); FollowUpStatus is a follow-up's
	// status in words, by its key (done, partly, not_done, postponed).
	LastFollowUp, EarlierFollowUps string
	FollowUpStatus                 map[string]string

	// The comparison with the previous visit (Comparison).
	Comparison, ComparePrevious, CompareCurrent, CompareChange string
	Better, Worse, Unchanged                                   string
	NewlyUnmet, NewlyUnmetLead, NewlyMet, NewlyMetLead         string
	StillUnmet, StillUnmetLead, Uncompared, UncomparedLead     string
	Previously, UnmetThen, UnmetNow, TextChanged               string
	EarlierAction, EarlierDue, NoEarlierAction, NoEarlierPlan  string
	CompareNone                                                string
	// CompareIntro is the sentence under the heading, with the earlier
	// visit's date; CompareVersions is it where the two visits were made
	// against different catalogue versions (their titles, earlier first).
	CompareIntro    func(date string) string
	CompareVersions func(date, previous, current string) string
	OnlyIn          func(version string) string
}

var swedish = Labels{
	Lang: "sv", PDFLang: "sv-SE",
	Title: "Rapport från SPUR-inspektion", ActionPlanTitle: "Handlingsplan efter SPUR-inspektion",
	Unit: "Verksamhet", Organisation: "Vårdgivare", Specialty: "Specialitet", Region: "Region", Place: "Ort",
	Visit: "Datum för inspektionsbesöket", Inspectors: "Inspektörer", Catalog: "Kriterieversion", Status: "Rapportstatus",
	Preliminary: "Preliminär rapport", Final: "Slutlig rapport",
	Summary: "Sammanfattning", Strengths: "Styrkor", Weaknesses: "Svagheter", Improvements: "Förbättringspotential",
	Overview: "Graderingar", Area: "Område", Computed: "Beräknad", Override: "Inspektörernas", Adjusted: "Justerad",
	FinalGrade: "Gradering", Decision: "Handlingsplan",
	Groups:     map[string]string{"STRUKTUR": "STRUKTUR", "PROCESS": "PROCESS"},
	Regulation: "Föreskrift", Advice: "Allmänna råd", Indicator: "Kvalitetsindikator", Indicators: "Kvalitetsindikatorer",
	Grading: "Gradering", Met: "Uppfyllt", NotMet: "Ej uppfyllt", NotApplicable: "Ej tillämpligt", Unassessed: "Ej bedömt",
	Chosen: "vald", OverrideNote: "Inspektörernas gradering", Reason: "Motivering", Explanation: "Grund för graderingen",
	Comment: "Kommentar",
	Plan:    "HANDLINGSPLAN",
	PlanIntro: "Under granskningen påvisades brister vad gäller följsamheten till Socialstyrelsens föreskrifter och allmänna råd. " +
		"Verksamheten har efter granskningen inkommit med följande handlingsplan.",
	PlanDate:   "Handlingsplanen inkom",
	PlanAction: "Planerad åtgärd", PlanDue: "Datum när åtgärden ska vara genomförd", PlanResponsible: "Ansvarig för genomförandet",
	PlanFollowUp: "Datum för uppföljning", PlanFollowUpBy: "Ansvarig för uppföljningen", Criterion: "Kriterium",
	NoPlanEntries: "Handlingsplanen har inga åtgärder.", NoSummaryItems: "–",
	Accepted: "godtagen", NotAccepted: "ej godtagen", Pending: "ej bedömd",
	Normalised: "tolkat som",
	Page:       func(n, total int) string { return fmt.Sprintf("Sida %d av %d", n, total) },
	Comparison: "Jämförelse med föregående granskning", ComparePrevious: "Föregående granskning", CompareCurrent: "Denna granskning",
	CompareChange: "Förändring", Better: "bättre", Worse: "sämre", Unchanged: "oförändrad",
	NewlyUnmet: "Nytillkomna brister", NewlyUnmetLead: "Kriterier som inte är uppfyllda nu men var uppfyllda eller ej tillämpliga vid föregående granskning.",
	NewlyMet: "Åtgärdade brister", NewlyMetLead: "Kriterier som inte var uppfyllda vid föregående granskning och är uppfyllda nu.",
	StillUnmet: "Kvarstående brister", StillUnmetLead: "Kriterier som inte var uppfyllda vid föregående granskning och fortfarande inte är det, med den åtgärd som planerades då.",
	Uncompared: "Kriterier som inte jämförs", UncomparedLead: "Kriterier som inte är uppfyllda vid en av granskningarna och som inte är desamma i båda kriterieversionerna.",
	Previously: "tidigare", UnmetThen: "ej uppfyllt vid föregående granskning", UnmetNow: "ej uppfyllt nu",
	TextChanged:   "kriteriets text skiljer sig mellan kriterieversionerna",
	EarlierAction: "Planerad åtgärd vid föregående granskning", EarlierDue: "Datum när åtgärden skulle vara genomförd",
	NoEarlierAction: "Den föregående handlingsplanen har ingen åtgärd för kriteriet.", NoEarlierPlan: "Föregående granskning har ingen handlingsplan.",
	CompareNone: "Inga.",
	CompareIntro: func(date string) string {
		return "Föregående granskning av verksamheten gjordes " + date + " enligt samma kriterieversion som denna."
	},
	CompareVersions: func(date, previous, current string) string {
		return "Föregående granskning av verksamheten gjordes " + date + " enligt " + previous + ", denna enligt " + current +
			". Kriterier som inte är desamma i båda versionerna jämförs inte."
	},
	OnlyIn: func(version string) string { return "finns bara i kriterieversion " + version },
	Months: [12]string{"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
		"september", "oktober", "november", "december"},

	LastFollowUp: "Uppföljning", EarlierFollowUps: "Tidigare uppföljningar",
	// The words of the follow-up workbook's drop-down (schema.FollowUpStatus.Swedish).
	FollowUpStatus: map[string]string{"done": "genomförd", "partly": "delvis genomförd", "not_done": "ej genomförd", "postponed": "uppskjuten"},
}

var english = Labels{
	Lang: "en", PDFLang: "en-GB",
	Title: "SPUR inspection report", ActionPlanTitle: "Action plan after SPUR inspection",
	Unit: "Unit", Organisation: "Care provider", Specialty: "Specialty", Region: "Region", Place: "Place",
	Visit: "Date of the visit", Inspectors: "Inspectors", Catalog: "Catalogue version", Status: "Report status",
	Preliminary: "Preliminary report", Final: "Final report",
	Summary: "Summary", Strengths: "Strengths", Weaknesses: "Weaknesses", Improvements: "Improvement potential",
	Overview: "Grades", Area: "Area", Computed: "Computed", Override: "Inspectors'", Adjusted: "Adjusted",
	FinalGrade: "Grade", Decision: "Action plan",
	Groups:     map[string]string{"STRUKTUR": "STRUCTURE", "PROCESS": "PROCESS"},
	Regulation: "Regulation (föreskrift)", Advice: "Advice (allmänna råd)", Indicator: "Quality indicator", Indicators: "Quality indicators",
	Grading: "Grading", Met: "Met", NotMet: "Not met", NotApplicable: "Not applicable", Unassessed: "Not assessed",
	Chosen: "chosen", OverrideNote: "Inspectors' grade", Reason: "Reason", Explanation: "Basis of the grade",
	Comment: "Comment",
	Plan:    "ACTION PLAN",
	PlanIntro: "The inspection found shortcomings in compliance with the regulations and general advice of the National Board of Health and Welfare. " +
		"After the inspection the unit has submitted the following action plan.",
	PlanDate:   "Action plan received",
	PlanAction: "Planned action", PlanDue: "Date by which the action is to be completed", PlanResponsible: "Responsible for the action",
	PlanFollowUp: "Date of follow-up", PlanFollowUpBy: "Responsible for the follow-up", Criterion: "Criterion",
	NoPlanEntries: "The action plan has no entries.", NoSummaryItems: "–",
	Accepted: "accepted", NotAccepted: "not accepted", Pending: "not yet decided",
	Normalised: "read as",
	Page:       func(n, total int) string { return fmt.Sprintf("Page %d of %d", n, total) },
	Comparison: "Comparison with the previous inspection", ComparePrevious: "Previous inspection", CompareCurrent: "This inspection",
	CompareChange: "Change", Better: "better", Worse: "worse", Unchanged: "unchanged",
	NewlyUnmet: "New shortcomings", NewlyUnmetLead: "Criteria not met now that were met or not applicable at the previous inspection.",
	NewlyMet: "Remedied shortcomings", NewlyMetLead: "Criteria not met at the previous inspection that are met now.",
	StillUnmet: "Remaining shortcomings", StillUnmetLead: "Criteria not met at the previous inspection and still not met, with the action planned then.",
	Uncompared: "Criteria not compared", UncomparedLead: "Criteria not met at one of the inspections that are not the same in both catalogue versions.",
	Previously: "previously", UnmetThen: "not met at the previous inspection", UnmetNow: "not met now",
	TextChanged:   "the criterion's text differs between the catalogue versions",
	EarlierAction: "Action planned at the previous inspection", EarlierDue: "Date by which the action was to be completed",
	NoEarlierAction: "The previous action plan has no action for this criterion.", NoEarlierPlan: "The previous inspection has no action plan.",
	CompareNone: "None.",
	CompareIntro: func(date string) string {
		return "The previous inspection of the unit was made on " + date + " against the same catalogue version as this one."
	},
	CompareVersions: func(date, previous, current string) string {
		return "The previous inspection of the unit was made on " + date + " against " + previous + ", this one against " + current +
			". Criteria that are not the same in both versions are not compared."
	},
	OnlyIn: func(version string) string { return "only in catalogue version " + version },
	Months: [12]string{"January", "February", "March", "April", "May", "June", "July", "August",
		"September", "October", "November", "December"},

	LastFollowUp: "Follow-up", EarlierFollowUps: "Earlier follow-ups",
	FollowUpStatus: map[string]string{"done": "done", "partly": "partly done", "not_done": "not done", "postponed": "postponed"},
}

// LabelsFor returns the labels of lang, "sv" or "en"; ok is false for any
// other language.
func LabelsFor(lang string) (Labels, bool) {
	switch lang {
	case "", "sv":
		return swedish, true
	case "en":
		return english, true
	}
	return Labels{}, false
}

// Date formats a day as a person writes it: "11 februari 2025".
func (l Labels) Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d %s %d", t.Day(), l.Months[t.Month()-1], t.Year())
}
