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
	// Regulations and Advice count the area's applicable föreskrifter and
	// allmänna råd, for the steps that say they are all met: an area
	// without allmänna råd (A and C) is not said to meet them, and one
	// criterion is named in the singular.
	Regulations, Advice int
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
		return pick(fmt.Sprintf("C: %s, men %s %s är inte %s.", r.regulationsMet(false), num(n, "det allmänna rådet", "de allmänna råden"), ids(), num(n, "uppfyllt", "uppfyllda")),
			fmt.Sprintf("C: %s, but advice %s %s not met.", r.regulationsMet(true), ids(), num(n, "is", "are")))
	case NoIndicators:
		return pick(fmt.Sprintf("A: %s och det finns inga tillämpliga kvalitetsindikatorer.", r.met(false)),
			fmt.Sprintf("A: %s, and no quality indicator applies.", r.met(true)))
	case IndicatorsWithinLimit:
		if r.N == 0 {
			return pick(fmt.Sprintf("A: %s%s.", r.met(false), r.indicatorsMet(false)),
				fmt.Sprintf("A: %s%s.", r.met(true), r.indicatorsMet(true)))
		}
		return pick(fmt.Sprintf("A: %s; %s, högst %d är %s som enstaka undantag.", r.met(false), r.indicatorsUnmet(false), r.Limit, num(r.Limit, "tillåten", "tillåtna")),
			fmt.Sprintf("A: %s; %s, at most %d %s.", r.met(true), r.indicatorsUnmet(true), r.Limit, num(r.Limit, "is allowed as an isolated exception", "are allowed as isolated exceptions")))
	case IndicatorsOverLimit:
		allows := pick(fmt.Sprintf("A tillåter högst %d", r.Limit), fmt.Sprintf("A allows at most %d", r.Limit))
		if r.Limit <= 0 {
			allows = pick("A tillåter inget undantag", "A allows no exception")
		}
		return pick(fmt.Sprintf("B: %s, men %s; %s.", r.met(false), r.indicatorsUnmet(false), allows),
			fmt.Sprintf("B: %s, but %s; %s.", r.met(true), r.indicatorsUnmet(true), allows))
	case IndicatorsAllUnmet:
		return pick(fmt.Sprintf("B: %s, men %s; A kräver att %s.", r.met(false), r.indicatorsUnmet(false), num(r.Of, "den är uppfylld", "de är uppfyllda med enstaka undantag")),
			fmt.Sprintf("B: %s, but %s; A requires %s.", r.met(true), r.indicatorsUnmet(true), num(r.Of, "it met", "them met but for isolated exceptions")))
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

// met says that every applicable föreskrift and allmänt råd of the area is
// met, as many as it has: "alla föreskrifter är uppfyllda" where there are
// no allmänna råd (areas A and C), "alla föreskrifter och det allmänna
// rådet är uppfyllda" where there is one (B and G).
func (r Reason) met(en bool) string {
	reg, adv := r.regulations(en), r.advice(en)
	if en {
		switch {
		case reg == "" && adv == "":
			return "no regulation or advice applies"
		case adv == "":
			return reg + num(r.Regulations, " is met", " are met")
		case reg == "":
			return adv + " is met" // "advice" is uncountable
		case r.Regulations > 1 && r.Advice > 1:
			return "all regulations and advice are met"
		}
		return reg + " and " + adv + " are met"
	}
	switch {
	case reg == "" && adv == "":
		return "inga föreskrifter eller allmänna råd är tillämpliga"
	case adv == "":
		return reg + " är " + num(r.Regulations, "uppfylld", "uppfyllda")
	case reg == "":
		return adv + " är " + num(r.Advice, "uppfyllt", "uppfyllda")
	case r.Regulations > 1 && r.Advice > 1:
		return "alla föreskrifter och allmänna råd är uppfyllda"
	}
	return reg + " och " + adv + " är uppfyllda"
}

// regulationsMet says that every applicable föreskrift is met.
func (r Reason) regulationsMet(en bool) string {
	reg := r.regulations(en)
	switch {
	case reg == "" && en:
		return "no regulation applies"
	case reg == "":
		return "ingen föreskrift är tillämplig"
	case en:
		return reg + num(r.Regulations, " is met", " are met")
	}
	return reg + " är " + num(r.Regulations, "uppfylld", "uppfyllda")
}

// regulations names the area's applicable föreskrifter: "föreskriften",
// "alla föreskrifter", or "" where none applies.
func (r Reason) regulations(en bool) string {
	if en {
		return count(r.Regulations, "the regulation", "all regulations", "all regulations")
	}
	return count(r.Regulations, "föreskriften", "alla föreskrifter", "alla föreskrifter")
}

// advice names the area's applicable allmänna råd: "det allmänna rådet",
// "alla allmänna råd", or "" where none applies (areas A and C have none).
func (r Reason) advice(en bool) string {
	if en {
		return count(r.Advice, "the advice", "all advice", "all advice")
	}
	return count(r.Advice, "det allmänna rådet", "alla allmänna råd", "alla allmänna råd")
}

// indicatorsMet adds that every one of the r.Of quality indicators is met:
// ", liksom kvalitetsindikatorn", ", liksom båda kvalitetsindikatorerna", ", liksom
// alla 3 kvalitetsindikatorer".
func (r Reason) indicatorsMet(en bool) string {
	if en {
		which := count(r.Of, "the quality indicator", "both quality indicators", fmt.Sprintf("all %d quality indicators", r.Of))
		if r.Regulations+r.Advice == 0 {
			return ", and " + which + num(r.Of, " is met", " are met")
		}
		return ", and so " + num(r.Of, "is ", "are ") + which
	}
	which := count(r.Of, "kvalitetsindikatorn", "båda kvalitetsindikatorerna", fmt.Sprintf("alla %d kvalitetsindikatorer", r.Of))
	if r.Regulations+r.Advice == 0 {
		return ", och " + which + " är " + num(r.Of, "uppfylld", "uppfyllda")
	}
	return ", liksom " + which
}

// indicatorsUnmet says that r.N of the r.Of quality indicators are not
// met, with their ids, in words that fit the numbers: "kvalitetsindikatorn
// är inte uppfylld", "ingen av de två kvalitetsindikatorerna är uppfylld",
// "1 av 3 kvalitetsindikatorer är inte uppfylld".
func (r Reason) indicatorsUnmet(en bool) string {
	ids := " (" + list(r.IDs, en) + ")"
	if en {
		switch {
		case r.N == r.Of && r.Of == 1:
			return "the quality indicator is not met" + ids
		case r.N == r.Of && r.Of == 2:
			return "neither quality indicator is met" + ids
		case r.N == r.Of:
			return fmt.Sprintf("none of the %d quality indicators is met", r.Of) + ids
		case r.N == 1 && r.Of == 2:
			return "one of the two quality indicators is not met" + ids
		}
		return fmt.Sprintf("%d of %d quality indicators %s not met", r.N, r.Of, num(r.N, "is", "are")) + ids
	}
	switch {
	case r.N == r.Of && r.Of == 1:
		return "kvalitetsindikatorn är inte uppfylld" + ids
	case r.N == r.Of && r.Of == 2:
		return "ingen av de två kvalitetsindikatorerna är uppfylld" + ids
	case r.N == r.Of:
		return fmt.Sprintf("ingen av de %d kvalitetsindikatorerna är uppfylld", r.Of) + ids
	case r.N == 1 && r.Of == 2:
		return "en av de två kvalitetsindikatorerna är inte uppfylld" + ids
	}
	return fmt.Sprintf("%d av %d kvalitetsindikatorer är inte %s", r.N, r.Of, num(r.N, "uppfylld", "uppfyllda")) + ids
}

// count names n things: one, two (both), or many; "" for none.
func count(n int, one, two, many string) string {
	switch {
	case n <= 0:
		return ""
	case n == 1:
		return one
	case n == 2:
		return two
	}
	return many
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
