package schema

// The input model. Each field's `yaml` tag is its key in an inspection file,
// `sv` its Swedish term, `doc` its description and `needs` a key of the same
// mapping it may not go without; the decoder and the JSON Schema
// (jsonschema.go) are both derived from these structs, so the file format is
// defined in this one place (validate.go says why a key needs another).

// Inspection is one SPUR inspection: the inspectors' findings, the unit's
// action plan and the inspectors' decisions on it.
type Inspection struct {
	Catalog    string           `yaml:"catalog" spur:"required" sv:"kriterieversion" doc:"Version of the SPUR criteria catalogue the inspection was made against (see spur catalog), e.g. \"2025\"."`
	Status     ReportStatus     `yaml:"status" spur:"required" sv:"rapportstatus" doc:"Status of the report: preliminary (preliminär) or final (slutlig)."`
	Unit       Unit             `yaml:"unit" spur:"required" sv:"verksamhet" doc:"The inspected training unit."`
	Visit      Date             `yaml:"visit" spur:"required" sv:"datum för inspektionsbesöket" doc:"Date of the visit, YYYY-MM-DD."`
	Inspectors []string         `yaml:"inspectors" sv:"inspektörer" doc:"Names of the inspectors."`
	Summary    Summary          `yaml:"summary" sv:"sammanfattning" doc:"The three summary lists of the report."`
	Areas      map[string]*Area `yaml:"areas" sv:"områden" doc:"Findings per area, keyed by the area's letter A–H." key:"^[A-H]$"`
	ActionPlan *ActionPlan      `yaml:"action_plan" sv:"handlingsplan" doc:"The unit's action plan, once it has come in."`

	// File is the name the inspection was loaded from, for diagnostics.
	File string `yaml:"-"`
	// Cat is the catalogue named by Catalog, set by Load when it is known.
	Cat *Catalog `yaml:"-"`

	pos positions
}

// Unit is the inspected training unit (verksamhet).
type Unit struct {
	Name         string `yaml:"name" spur:"required" sv:"enhetens namn" doc:"Name of the unit, e.g. \"Almaklinikens vårdcentral\"."`
	Organisation string `yaml:"organisation" sv:"huvudman/vårdgivare" doc:"The care provider the unit belongs to."`
	Specialty    string `yaml:"specialty" sv:"specialitet" doc:"The specialty of the training, e.g. \"Allmänmedicin\"."`
	Region       string `yaml:"region" sv:"region" doc:"The region, e.g. \"Region Stockholm\"."`
	Place        string `yaml:"place" sv:"ort" doc:"Where the unit is."`
	ID           string `yaml:"id" sv:"enhetens id" doc:"A code that names the unit for good (its HSA-id, or the region's own), the same in every inspection of it; when given, spur knows a later visit of the unit by it, else by organisation and name."`
}

// Summary holds the three lists of the report's summary table.
type Summary struct {
	Strengths    []string `yaml:"strengths" sv:"styrkor" doc:"Strengths (Styrkor), one short item each."`
	Weaknesses   []string `yaml:"weaknesses" sv:"svagheter" doc:"Weaknesses (Svagheter), one short item each."`
	Improvements []string `yaml:"improvements" sv:"förbättringspotential" doc:"Improvement potential (Förbättringspotential), one short item each."`
}

// Area holds the inspectors' findings for one area.
type Area struct {
	Narrative     string            `yaml:"narrative" sv:"inspektörernas bedömning" doc:"The inspectors' text for the area, in Markdown."`
	Met           Selection         `yaml:"met" sv:"uppfyllt" doc:"Criteria met: \"all\" (every criterion of the area not listed under not_met or not_applicable) or a list of ids."`
	NotMet        []string          `yaml:"not_met" sv:"ej uppfyllt" doc:"Ids of the criteria not met." item:"^[A-H][0-9]+$"`
	NotApplicable []string          `yaml:"not_applicable" sv:"ej tillämpligt" doc:"Ids of the criteria that do not apply to this unit; they count neither way." item:"^[A-H][0-9]+$"`
	Comments      map[string]string `yaml:"comments" sv:"kommentarer" doc:"A comment per criterion, keyed by id." key:"^[A-H][0-9]+$"`
	Override      *Override         `yaml:"override" sv:"avvikande gradering" doc:"The inspectors' own grade where it differs from the computed one; both are kept in the report."`
	PlanDecision  Decision          `yaml:"plan_decision" sv:"bedömning av handlingsplanen" doc:"For an area graded D, once the action plan is in: whether the inspectors accept the unit's action plan (accepted: the grade is adjusted to C; not_accepted: D stands)."`
	PlanNote      string            `yaml:"plan_note" sv:"text om handlingsplanen och graderingen" doc:"The inspectors' own sentence on the action plan and the grade, printed after the narrative instead of \"Handlingsplan inkommen, gradering justerad till C.\" or \"Handlingsplan inkommen, gradering D kvarstår.\"; plain text, line breaks kept. Needs plan_decision." needs:"plan_decision"`

	// Assessments is every criterion of the area in catalogue order with its
	// result, filled by Load.
	Assessments []Assessment `yaml:"-"`
}

// Override is a grade set by the inspectors instead of the computed one.
type Override struct {
	Grade  Grade  `yaml:"grade" spur:"required" sv:"gradering" doc:"The grade, one of the area's options (A–D)."`
	Reason string `yaml:"reason" sv:"motivering" doc:"Why the inspectors set this grade; printed in the report."`
}

// ActionPlan is the unit's plan (handlingsplan).
type ActionPlan struct {
	Date    Date        `yaml:"date" sv:"datum för handlingsplanen" doc:"Date the plan came in, YYYY-MM-DD; relative dates in the plan (\"om sex månader\") count from it. Defaults to the visit date."`
	Entries []PlanEntry `yaml:"entries" sv:"åtgärder" doc:"One entry per criterion that needs action."`
}

// PlanEntry is the unit's answer for one criterion: the five fields of the
// action plan, kept as the unit wrote them, and the follow-ups of the
// action made since (followup.go).
type PlanEntry struct {
	Criterion   string     `yaml:"criterion" spur:"required" sv:"kriterium" doc:"Id of the criterion, e.g. \"E4\"." pattern:"^[A-H][0-9]+$"`
	Action      string     `yaml:"action" sv:"planerad åtgärd" doc:"Planned action (Planerad åtgärd), Markdown, any length."`
	Due         DateText   `yaml:"due" sv:"datum när åtgärden ska vara genomförd" doc:"When the action is to be done, as written (\"20251231\", \"hösten 2025\", \"genomförd\")."`
	Responsible string     `yaml:"responsible" sv:"ansvarig för genomförandet" doc:"Who carries the action out."`
	FollowUp    DateText   `yaml:"follow_up" sv:"datum för uppföljning" doc:"When the action is followed up, as written (\"om sex månader\")."`
	FollowUpBy  string     `yaml:"follow_up_by" sv:"ansvarig för uppföljningen" doc:"Who follows the action up."`
	FollowUps   []FollowUp `yaml:"follow_ups" sv:"uppföljningar" doc:"Dated follow-ups of the action (uppföljning): status, note, who followed up. The latest by date is the action's state."`
}

// FollowUp is one follow-up of an action-plan entry: what the region (or
// the unit) found when it checked on the action, on one day.
type FollowUp struct {
	Date   Date           `yaml:"date" spur:"required" sv:"datum för uppföljningen" doc:"The day the action was followed up, YYYY-MM-DD; not before the visit nor before the plan came in."`
	Status FollowUpStatus `yaml:"status" spur:"required" sv:"status" doc:"done (genomförd), partly (delvis genomförd), not_done (ej genomförd) or postponed (uppskjuten)."`
	Note   string         `yaml:"note" sv:"kommentar" doc:"What was found, e.g. \"Två av tre handledare har gått utbildningen.\""`
	By     string         `yaml:"by" sv:"uppföljd av" doc:"Who followed the action up."`
}

// Result is the outcome of assessing one criterion.
type Result string

const (
	Unassessed    Result = ""
	Met           Result = "met"
	NotMet        Result = "not_met"
	NotApplicable Result = "not_applicable"
)

// Assessment is one criterion of an area with its result.
type Assessment struct {
	Criterion *Criterion
	Result    Result
	Comment   string
}
