package grade

import (
	"strings"

	"spur/schema"
)

// Policy holds the thresholds the published scale leaves unquantified.
type Policy struct {
	// MaxUnmetIndicators is how many quality indicators may be unmet for
	// grade A ("enstaka undantag"). Default 1.
	MaxUnmetIndicators int
	// AllowAllIndicatorsUnmet lets an area whose every applicable indicator
	// is unmet still be graded A when their number is within
	// MaxUnmetIndicators. Default false: "enstaka undantag" is never all.
	AllowAllIndicatorsUnmet bool
}

// DefaultPolicy returns the defaults of spur-model.md.
func DefaultPolicy() Policy { return Policy{MaxUnmetIndicators: 1} }

// Area is the grade of one area with its explanation.
type Area struct {
	Letter string
	// Computed is the grade the rule gives; "" when none can be computed
	// (every criterion not applicable).
	Computed schema.Grade
	// Override is the inspectors' grade, "" when they set none.
	Override       schema.Grade
	OverrideReason string
	// Adjusted is the grade after the action plan, "" when there was no
	// adjustment (the area was not D, the plan is not in, or it was not
	// accepted).
	Adjusted schema.Grade
	// AdjustedOutsideOptions is set when the area was adjusted to C but its
	// option list has no C (area C in the older template).
	AdjustedOutsideOptions bool
	// Decision is the inspectors' decision on the area's action plan.
	Decision schema.Decision
	// Final is the grade the report gives: Adjusted, else Override, else
	// Computed.
	Final schema.Grade
	// Decisive lists the criteria that decided the computed grade.
	Decisive []string
	// Reasons explain the grade step by step.
	Reasons []Reason
}

// Result is the grading of a whole inspection, areas in catalogue order.
type Result struct {
	Areas []Area
}

// Area returns the result for one area.
func (r *Result) Area(letter string) (*Area, bool) {
	for i := range r.Areas {
		if r.Areas[i].Letter == letter {
			return &r.Areas[i], true
		}
	}
	return nil, false
}

// Compute applies the rule to one area's assessments.
func Compute(ca *schema.CatalogArea, as []schema.Assessment, p Policy) Area {
	out := Area{Letter: ca.Letter}
	var regFail, advFail, indFail, notApp, unassessed []string
	applicable, regApplicable, advApplicable, indApplicable := 0, 0, 0, 0
	for _, a := range as {
		id, kind := a.Criterion.ID, a.Criterion.Kind.Group()
		switch a.Result {
		case schema.NotApplicable:
			notApp = append(notApp, id)
			continue
		case schema.Unassessed:
			unassessed = append(unassessed, id)
		}
		applicable++
		switch kind {
		case schema.Regulation:
			regApplicable++
		case schema.Advice:
			advApplicable++
		case schema.Indicator:
			indApplicable++
		}
		if a.Result == schema.Met {
			continue
		}
		switch kind {
		case schema.Regulation:
			regFail = append(regFail, id)
		case schema.Advice:
			advFail = append(advFail, id)
		case schema.Indicator:
			indFail = append(indFail, id)
		}
	}
	// The steps that say what is met count what applies, so that an area
	// without allmänna råd (A and C) is not said to meet them.
	add := func(r Reason) { out.Reasons = append(out.Reasons, r) }
	met := func(r Reason) Reason {
		r.Regulations, r.Advice = regApplicable, advApplicable
		return r
	}
	switch {
	case applicable == 0:
		add(Reason{Code: AllNotApplicable})
	case len(regFail) > 0:
		out.Computed, out.Decisive = "D", regFail
		add(Reason{Code: RegulationsNotMet, Grade: "D", IDs: regFail})
		if len(advFail) > 0 {
			add(Reason{Code: AdviceAlsoNotMet, IDs: advFail})
		}
	case len(advFail) > 0:
		out.Computed, out.Decisive = "C", advFail
		add(met(Reason{Code: AdviceNotMet, Grade: "C", IDs: advFail}))
	case indApplicable == 0:
		out.Computed = "A"
		add(met(Reason{Code: NoIndicators, Grade: "A"}))
	case len(indFail) <= p.MaxUnmetIndicators && (p.AllowAllIndicatorsUnmet || len(indFail) < indApplicable):
		out.Computed, out.Decisive = "A", indFail
		add(met(Reason{Code: IndicatorsWithinLimit, Grade: "A", IDs: indFail, N: len(indFail), Of: indApplicable, Limit: p.MaxUnmetIndicators}))
	default:
		out.Computed, out.Decisive = "B", indFail
		code := IndicatorsOverLimit
		if len(indFail) == indApplicable && len(indFail) <= p.MaxUnmetIndicators {
			code = IndicatorsAllUnmet
		}
		add(met(Reason{Code: code, Grade: "B", IDs: indFail, N: len(indFail), Of: indApplicable, Limit: p.MaxUnmetIndicators}))
	}
	if out.Computed != "" {
		if _, ok := ca.Option(out.Computed); !ok {
			// Cannot happen with the catalogues we ship (an area without
			// allmänna råd cannot compute C), but a catalogue is data.
			worse := worseOption(ca, out.Computed)
			add(Reason{Code: NotAnOption, Grade: worse, From: out.Computed, Options: ca.OptionGrades()})
			out.Computed = worse
		}
	}
	if len(unassessed) > 0 {
		add(Reason{Code: Unassessed, IDs: unassessed})
	}
	if len(notApp) > 0 {
		add(Reason{Code: NotApplicable, IDs: notApp})
	}
	out.Final = out.Computed
	return out
}

func worseOption(ca *schema.CatalogArea, g schema.Grade) schema.Grade {
	for _, o := range ca.Options {
		if o.Grade > g {
			return o.Grade
		}
	}
	return "D"
}

// applyDecisions adds the override and the adjustment after the action plan.
func applyDecisions(out *Area, ca *schema.CatalogArea, a *schema.Area, planIn bool, catalog string) {
	if o := a.Override; o != nil && o.Grade.Valid() {
		out.Override, out.OverrideReason = o.Grade, o.Reason
		out.Reasons = append(out.Reasons, Reason{Code: Overridden, Grade: o.Grade, From: out.Computed, Text: o.Reason})
		out.Final = o.Grade
	}
	out.Decision = a.PlanDecision
	if out.Final != "D" {
		return
	}
	switch a.PlanDecision {
	case schema.Accepted:
		out.Adjusted, out.Final = "C", "C"
		_, hasC := ca.Option("C")
		out.AdjustedOutsideOptions = !hasC
		r := Reason{Code: PlanAccepted, Grade: "C", From: "D"}
		if !hasC {
			r.Code, r.Options, r.Catalog = PlanAcceptedNoC, ca.OptionGrades(), catalog
		}
		out.Reasons = append(out.Reasons, r)
	case schema.NotAccepted:
		out.Reasons = append(out.Reasons, Reason{Code: PlanNotAccepted, Grade: "D"})
	default:
		if planIn {
			out.Reasons = append(out.Reasons, Reason{Code: PlanPending, Grade: "D"})
		}
	}
}

// Inspection grades every area of a loaded inspection and checks the rules
// that need grades: a decision on the plan only for an area graded D, and in
// a final report a decision for every such area and a grade for every area.
// A decision without an action plan (an error package schema reports)
// adjusts nothing.
func Inspection(insp *schema.Inspection, p Policy) (Result, schema.Diagnostics) {
	var res Result
	var diags schema.Diagnostics
	if insp == nil || insp.Cat == nil {
		return res, diags
	}
	final := insp.Status == schema.Final
	for i := range insp.Cat.Areas {
		ca := &insp.Cat.Areas[i]
		a := insp.Areas[ca.Letter]
		if a == nil {
			a = &schema.Area{}
		}
		out := Compute(ca, a.Assessments, p)
		before := out.Computed
		if a.Override != nil && a.Override.Grade.Valid() {
			before = a.Override.Grade
		}
		base := "areas." + ca.Letter
		if a.PlanDecision != schema.NoDecision && before != "D" {
			shown := string(before)
			if shown == "" {
				shown = "not graded"
			} else {
				shown = "graded " + shown
			}
			remove := "plan_decision"
			if strings.TrimSpace(a.PlanNote) != "" {
				remove = "plan_decision and plan_note"
			}
			diags.Errorf(insp.Pos(base+".plan_decision"), "area %s is %s, not D: a decision on the action plan applies only to an area graded D; remove %s", ca.Letter, shown, remove)
			a = withoutDecision(a)
		}
		if a.PlanDecision != schema.NoDecision && insp.ActionPlan == nil {
			// Package schema reports it: without a plan there is nothing
			// to decide on, so nothing is adjusted and the report says
			// nothing of a plan.
			a = withoutDecision(a)
		}
		if before == "" && (a.Override == nil || !a.Override.Grade.Valid()) {
			msg := "area " + ca.Letter + ": every criterion is not applicable, so no grade can be computed; set one with override: {grade: ..., reason: ...}"
			if final {
				diags.Errorf(insp.KeyPos(base), "%s", msg)
			} else {
				diags.Warnf(insp.KeyPos(base), "%s", msg)
			}
		}
		// The decision is asked for once the plan is in, and only where
		// the D rests on assessments: an unassessed area is reported as
		// such, and a missing plan as missing entries (package schema).
		if final && before == "D" && a.PlanDecision == schema.NoDecision && insp.ActionPlan != nil && !hasUnassessed(a) {
			diags.Errorf(insp.KeyPos(base), "area %s is graded D: a final report records the inspectors' decision on the action plan (plan_decision: accepted or not_accepted)", ca.Letter)
		}
		applyDecisions(&out, ca, a, insp.ActionPlan != nil, insp.Catalog)
		res.Areas = append(res.Areas, out)
	}
	return res, diags
}

func hasUnassessed(a *schema.Area) bool {
	for _, as := range a.Assessments {
		if as.Result == schema.Unassessed {
			return true
		}
	}
	return len(a.Assessments) == 0
}

func withoutDecision(a *schema.Area) *schema.Area {
	c := *a
	c.PlanDecision = schema.NoDecision
	return &c
}
