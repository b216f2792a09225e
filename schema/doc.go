// Package schema owns the input of spur: the inspection model, the embedded
// SPUR criteria catalogue, decoding from YAML with positions, and validation
// that reports every problem as a Diagnostic a person can act on.
//
// It knows nothing of grades or rendering: package grade reads the model,
// package render writes documents from graded results.
//
// Glossary (the Swedish terms live in data and labels; identifiers are English):
//
//	föreskrift              Regulation (criterion kinds F and F*)
//	allmänt råd             Advice (kind R)
//	kvalitetsindikator      Indicator (kind K)
//	handlingsplan           action plan (ActionPlan, PlanEntry)
//	verksamhet              unit (Unit)
//	inspektör               inspector
//	uppfyllt / ej uppfyllt  met / not met (Result)
//	ej tillämpligt          not applicable
//	preliminär / slutlig    preliminary / final (ReportStatus)
//	gradering               grade
//	godtagen                accepted (the inspectors' decision on an area's plan)
//	uppföljning             follow-up (FollowUp, PlanEntry.FollowUps)
//	genomförd / delvis genomförd / ej genomförd / uppskjuten
//	                        done / partly / not_done / postponed (FollowUpStatus)
//
// People write these words, and the other Swedish terms of the report, as
// keys and values: an unknown key or value in Swedish ("områden",
// "ej_uppfyllt", "godtagen") is an error that names the English word, and
// the value is then read as that word's, so that nothing that follows from
// the slip is reported besides (hints.go; each field's sv tag in model.go).
//
// Typical use:
//
//	insp, diags := schema.Load("inspection.yaml", data)
//	if diags.HasErrors() { ... print diags ... }
package schema
