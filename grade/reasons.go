package grade

import (
	"fmt"
	"strings"

	"spur/schema"
)

// Code names one step of a grade's explanation.
type Code string

const (
	AllNotApplicable      Code = "all_not_applicable"
	RegulationsNotMet     Code = "regulations_not_met"
	AdviceAlsoNotMet      Code = "advice_also_not_met"
	AdviceNotMet          Code = "advice_not_met"
	NoIndicators          Code = "no_indicators"
	IndicatorsWithinLimit Code = "indicators_within_limit"
	IndicatorsOverLimit   Code = "indicators_over_limit"
	IndicatorsAllUnmet    Code = "indicators_all_unmet"
	NotAnOption           Code = "not_an_option"
	Unassessed            Code = "unassessed"
	NotApplicable         Code = "not_applicable"
	Overridden            Code = "overridden"
	PlanAccepted          Code = "plan_accepted"
	PlanAcceptedNoC       Code = "plan_accepted_no_c"
	PlanNotAccepted       Code = "plan_not_accepted"
	PlanPending           Code = "plan_pending"
)

// Reason is one step of the explanation of a grade, with the criteria it
// rests on, so that a person can check it against the assessments.
type Reason struct {
	Code    Code
	Grade   schema.Grade // the grade this step leads to, if any
	From    schema.Grade // the grade it replaces (override, adjustment)
	IDs     []string     // the criteria it rests on
	N, Of   int          // unmet and applicable quality indicators
	Limit   int          // Policy.MaxUnmetIndicators
	Options string       // the area's options, "A, B, D"
	Catalog string       // catalogue version
	Text    string       // the inspectors' own words (override reason)
}

// Text gives the reason in Swedish ("sv") or English ("en").
func (r Reason) String() string { return r.In("sv") }

// In gives the reason in the language lang: "sv" (default) or "en".
func (r Reason) In(lang string) string {
	en := lang == "en"
	ids := func() string { return list(r.IDs, en) }
	pick := func(sv, eng string) string {
		if en {
			return eng
		}
		return sv
	}
	n := len(r.IDs)
	switch r.Code {
	case AllNotApplicable:
		return pick("Alla kriterier är ej tillämpliga: ingen gradering kan beräknas, inspektörerna anger den.",
			"Every criterion is not applicable: no grade can be computed; the inspectors set it.")
	case RegulationsNotMet:
		return pick(fmt.Sprintf("D: %s %s är inte %s.", num(n, "föreskriften", "föreskrifterna"), ids(), num(n, "uppfylld", "uppfyllda")),
			fmt.Sprintf("D: %s %s not met.", num(n, "regulation", "regulations"), ids()+num(n, " is", " are")))
	case AdviceAlsoNotMet:
		return pick(fmt.Sprintf("Dessutom är %s %s inte %s.", num(n, "det allmänna rådet", "de allmänna råden"), ids(), num(n, "uppfyllt", "uppfyllda")),
			fmt.Sprintf("In addition, %s %s not met.", num(n, "advice", "advice"), ids()+num(n, " is", " are")))
	case AdviceNotMet:
		return pick(fmt.Sprintf("C: alla föreskrifter är uppfyllda, men %s %s är inte %s.", num(n, "det allmänna rådet", "de allmänna råden"), ids(), num(n, "uppfyllt", "uppfyllda")),
			fmt.Sprintf("C: every regulation is met, but advice %s %s not met.", ids(), num(n, "is", "are")))
	case NoIndicators:
		return pick("A: alla föreskrifter och allmänna råd är uppfyllda och det finns inga tillämpliga kvalitetsindikatorer.",
			"A: every regulation and advice is met, and no quality indicator applies.")
	case IndicatorsWithinLimit:
		if r.N == 0 {
			return pick(fmt.Sprintf("A: alla föreskrifter och allmänna råd är uppfyllda, och alla %d kvalitetsindikatorer.", r.Of),
				fmt.Sprintf("A: every regulation and advice is met, and all %d quality indicators.", r.Of))
		}
		return pick(fmt.Sprintf("A: alla föreskrifter och allmänna råd är uppfyllda; %d av %d kvalitetsindikatorer är inte uppfyllda (%s), högst %d är tillåtna som enstaka undantag.", r.N, r.Of, ids(), r.Limit),
			fmt.Sprintf("A: every regulation and advice is met; %d of %d quality indicators are not met (%s), at most %d allowed as isolated exceptions.", r.N, r.Of, ids(), r.Limit))
	case IndicatorsOverLimit:
		return pick(fmt.Sprintf("B: alla föreskrifter och allmänna råd är uppfyllda, men %d av %d kvalitetsindikatorer är inte uppfyllda (%s); A tillåter högst %d.", r.N, r.Of, ids(), r.Limit),
			fmt.Sprintf("B: every regulation and advice is met, but %d of %d quality indicators are not met (%s); A allows at most %d.", r.N, r.Of, ids(), r.Limit))
	case IndicatorsAllUnmet:
		return pick(fmt.Sprintf("B: alla föreskrifter och allmänna råd är uppfyllda, men ingen av kvalitetsindikatorerna är uppfylld (%s); A kräver att de är uppfyllda med enstaka undantag.", ids()),
			fmt.Sprintf("B: every regulation and advice is met, but none of the quality indicators is (%s); A requires them met but for isolated exceptions.", ids()))
	case NotAnOption:
		return pick(fmt.Sprintf("Området har inte alternativet %s (alternativ: %s); närmast lägre alternativ är %s.", r.From, r.Options, r.Grade),
			fmt.Sprintf("The area has no option %s (options: %s); the next lower option is %s.", r.From, r.Options, r.Grade))
	case Unassessed:
		return pick(fmt.Sprintf("Ej bedömda, räknas som ej uppfyllda: %s.", ids()),
			fmt.Sprintf("Not assessed, counted as not met: %s.", ids()))
	case NotApplicable:
		return pick(fmt.Sprintf("Ej tillämpliga, räknas varken för eller emot: %s.", ids()),
			fmt.Sprintf("Not applicable, counted neither way: %s.", ids()))
	case Overridden:
		from := string(r.From)
		if from == "" {
			from = pick("ingen", "none")
		}
		return pick(fmt.Sprintf("Inspektörerna har satt gradering %s (beräknad: %s): %s", r.Grade, from, strings.TrimSpace(r.Text)),
			fmt.Sprintf("The inspectors set grade %s (computed: %s): %s", r.Grade, from, strings.TrimSpace(r.Text)))
	case PlanAccepted:
		return pick("Handlingsplan inkommen, gradering justerad till C.",
			"Action plan received, grade adjusted to C.")
	case PlanAcceptedNoC:
		return pick(fmt.Sprintf("Handlingsplan inkommen, gradering justerad till C. Området har i kriterieversion %s inget alternativ C (alternativ: %s); justeringen anges därför i ord.", r.Catalog, r.Options),
			fmt.Sprintf("Action plan received, grade adjusted to C. In catalogue version %s the area has no option C (options: %s), so the adjustment is stated in words.", r.Catalog, r.Options))
	case PlanNotAccepted:
		return pick("Handlingsplan inkommen, gradering D kvarstår.", "Action plan received, grade D stands.")
	case PlanPending:
		return pick("Handlingsplanen är ännu inte bedömd av inspektörerna: gradering D gäller.",
			"The inspectors have not yet decided on the action plan: grade D applies.")
	}
	return string(r.Code)
}

func num(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// list joins ids as a person writes them: "E4, E5 och E6".
func list(ids []string, en bool) string {
	and := " och "
	if en {
		and = " and "
	}
	switch len(ids) {
	case 0:
		return ""
	case 1:
		return ids[0]
	}
	return strings.Join(ids[:len(ids)-1], ", ") + and + ids[len(ids)-1]
}
