// Package grade proposes and explains the grade of each area of an
// inspection (spur-model.md: Grading). It is pure: an inspection, its
// catalogue and a Policy in, a Result out; no I/O, no clock, no globals.
//
// The rule, our reading of the published scale:
//
//	D  some föreskrift (F, F*) is not met
//	C  every föreskrift is met, some allmänt råd (R) is not
//	B  every F and R is met, the quality indicators (K) not well enough for A
//	A  every F and R is met and at most Policy.MaxUnmetIndicators K are not
//	   met (never all of them, unless Policy.AllowAllIndicatorsUnmet)
//
// A criterion not applicable counts neither way; one not assessed counts as
// not met. An override replaces the computed grade and both are kept. After
// the action plan an area graded D becomes C when the inspectors accept the
// plan and stays D otherwise; the program records that decision, it never
// makes it, and a decision before the plan is in (an error) changes
// nothing.
//
// The explanation (Reason.In, Swedish or English) names what is met in the
// numbers the area has: an area without allmänna råd (A and C) is said to
// meet its föreskrifter only, one quality indicator is "kvalitetsindikatorn",
// two are "båda kvalitetsindikatorerna".
//
//	res, diags := grade.Inspection(insp, grade.DefaultPolicy())
//	for _, a := range res.Areas { fmt.Println(a.Letter, a.Final) }
package grade
