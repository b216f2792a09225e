// Package plan is the action plan's round trip (spur-model.md: Who does
// what, steps 2 and 3): the template a unit fills in, as a workbook or a
// commented YAML file, and the import of what it sends back into the
// inspection file, checked so that nothing is lost.
//
// It reads and writes bytes only: no files, no clock. The plan's date when
// the unit gives none, and whether that is the day of the import, come
// from the caller (Options). The workbook's cells are package workbook's;
// the rules that turn rows into a plan (which rows a template has, its
// identity, matching the rows to the findings) are workbook's too, shared
// by both forms through workbook.ReadFilledPlan, so that the two cannot
// drift apart.
//
// # API
//
//	WriteTemplate(w, insp, format, opt)   the template: workbook.WritePlanTemplate, or WriteYAML
//	ReadYAML(name, data, insp, opt)       a filled YAML template → *schema.ActionPlan, diagnostics at lines
//	Import(name, src, planName, plan, opt)   a filled plan (either form) into an inspection file → its new bytes
//	Merge(name, src, old, plan, planName, opt)   the plan into an inspection, checked
//	Check(name, old, merged, plan, policy)       the check under Merge
//	Losses(insp, plan, planName, force)          what a plan would erase of the plan already there
//	ImportFollowUps(name, src, bookName, book, opt)   a filled follow-up workbook into an inspection file → its new bytes
//
// # Decisions
//
// Merge. A YAML inspection gets its action_plan replaced where it stands:
// the text before and after is kept byte for byte (located with yaml.v3
// nodes, not re-encoded), comments of the old plan are kept for the keys
// and entries the new plan still has, the replaced plan is reported at its
// line and each old entry the new plan lacks is reported as dropped. A
// file that cannot be spliced (one flow mapping on a line) is written anew
// in block style, with a warning. An inspection workbook gets the plan on
// its sheet Handlingsplan (workbook.MergePlanWorkbook). Either result is
// loaded again and must equal the old inspection outside the plan and hold
// the plan exactly as read; a plan that would erase text is refused unless
// forced.
//
// Text as people write it. What the plan writes into YAML (the merged
// plan, the rewritten file, the template's identity) is encoded so that a
// person can read it: text of several lines as a literal block (|), with
// trailing spaces, a line such as "- x: y" and the final line breaks kept;
// every printable character as itself (å, an emoji), never as \U0001F44D.
// yaml.v3 alone falls back on a double-quoted line of escapes for both;
// encode works around it and checks that what it wrote reads back the
// same, else keeps yaml.v3's form.
//
// Dates. An empty plan date takes Options.Date; when that is the day of
// the import, a warning names it at the cell or line where the date
// belongs, because "om sex månader" then counts from it.
//
// Follow-ups. The follow-up workbook (workbook.WriteFollowUpTemplate)
// adds follow-ups to the plan's entries and changes nothing else: each
// new follow-up is written as lines of its own at the end of its entry's
// follow_ups (or under a new follow_ups key at the end of the entry), every
// other byte kept; a plan in flow style is written anew, with a warning.
// The result is checked as a merged plan is. A follow-up with the date,
// status, note and who of one the entry has is not added again, so a
// workbook imported twice changes nothing; a row with no date takes
// Options.Date, with a warning, unless the entry has its words already.
// A plan imported again keeps the follow-ups of the entries it keeps, and
// an entry with follow-ups it drops is a loss like an entry with text.
//
// Deleted rows. A template row the plan lacks is a warning; for a
// föreskrift in a final report it is an error, and nothing is imported.
//
// # Example
//
//	insp := input.Bytes("inspektion.yaml", src, grade.DefaultPolicy())
//	plan.WriteTemplate(out, insp.Inspection, plan.Workbook, workbook.PlanOptions{})
//	// ... the unit fills it in ...
//	res, diags, err := plan.Import("inspektion.yaml", src, "plan.xlsx", filled,
//		plan.Options{Date: today, Today: true, Policy: grade.DefaultPolicy()})
//	// write res.File over inspektion.yaml (safefile.Replace)
package plan
