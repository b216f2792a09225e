package compose

import (
	"spur/report"
	"spur/schema"
)

// stateOf is the one place where the input's result becomes the report's.
func stateOf(r schema.Result) report.State {
	switch r {
	case schema.Met:
		return report.Met
	case schema.NotMet:
		return report.NotMet
	case schema.NotApplicable:
		return report.NotApplicable
	}
	return report.Unassessed
}

// parts sorts an area's criteria into its parts (see report.Part).
func parts(l report.Labels, cat *schema.Catalog, ca *schema.CatalogArea, crit []report.Criterion) []report.Part {
	kinds := []struct {
		part report.PartKind
		kind schema.Kind
	}{{report.Regulations, schema.Regulation}, {report.Advice, schema.Advice}, {report.Indicators, schema.Indicator}}
	var lead *report.Part
	if ca.Intro != "" {
		lead = &report.Part{Kind: report.LeadIn, Heading: heading(l, cat, ca, schema.Regulation), Intro: ca.Intro, Lead: ca.IntroLead}
	}
	derived := false
	for i, cr := range ca.Criteria {
		if cr.Kind == schema.DerivedRegulation && i < len(crit) {
			derived = true
		}
	}
	var rest []report.Part
	for _, k := range kinds {
		p := report.Part{Kind: k.part, Heading: heading(l, cat, ca, k.kind)}
		for i, cr := range ca.Criteria {
			if cr.Kind.Group() != k.kind || i >= len(crit) {
				continue
			}
			switch {
			case lead != nil && cr.Kind == schema.DerivedRegulation:
				lead.Criteria = append(lead.Criteria, crit[i])
			case lead != nil && !derived && k.kind == schema.Regulation:
				// Nothing derived: the lead-in introduces the föreskrifter.
				lead.Criteria = append(lead.Criteria, crit[i])
			default:
				p.Criteria = append(p.Criteria, crit[i])
			}
		}
		if len(p.Criteria) > 0 {
			rest = append(rest, p)
		}
	}
	if lead == nil {
		return rest
	}
	return append([]report.Part{*lead}, rest...)
}
