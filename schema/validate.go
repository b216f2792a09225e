package schema

import (
	"fmt"
	"strconv"
	"strings"
)

// validate checks the decoded inspection against its catalogue and the rules
// of spur-model.md, resolves each area's assessments and reads the plan's
// dates. Rules that need grades (a decision on an area that was not D) are
// checked by package grade.
func validate(insp *Inspection, diags *Diagnostics) {
	checkInvisible(insp, diags)
	if insp.Catalog == "" {
		if _, given := insp.pos["catalog"]; given {
			diags.Errorf(insp.Pos("catalog"), "catalog is empty; the known versions are %s", strings.Join(CatalogVersions(), ", "))
		}
		return
	}
	cat, ok := CatalogVersion(insp.Catalog)
	if !ok {
		diags.Errorf(insp.Pos("catalog"), "unknown catalogue version %q; the known versions are %s%s",
			Clip(insp.Catalog), strings.Join(CatalogVersions(), ", "), didYouMean(insp.Catalog, CatalogVersions()))
		return
	}
	insp.Cat = cat
	final := insp.Status == Final
	if final && len(insp.Inspectors) == 0 {
		diags.Errorf(insp.KeyPos("inspectors"), "a final report names its inspectors (inspectors: [...])")
	}
	// The report, its file and its row of the overview are named by the
	// unit: a final report without a name would be "2026-09-15.pdf".
	// Only a name written empty: a missing key or a value of the wrong
	// kind has its message already.
	if p, given := insp.pos["unit.name"]; given && strings.TrimSpace(insp.Unit.Name) == "" && !diags.at(p) {
		const msg = "the unit has no name (unit.name): the report, its file name and the overview name it by the unit; write its name"
		if final {
			diags.Errorf(p, msg)
		} else {
			diags.Warnf(p, msg)
		}
	}
	var letters []string
	for _, a := range cat.Areas {
		letters = append(letters, a.Letter)
	}
	for _, key := range insp.mapKeys(insp.Areas, "areas") {
		if _, ok := cat.Area(key); !ok {
			hint, letter := areaHint(cat, key)
			diags.Errorf(insp.KeyPos("areas."+key), "unknown area %q; the areas are %s%s", Clip(key), strings.Join(letters, ", "), hint)
			// "Område E" is read as E, as a misspelt key is (decode.go).
			if _, has := insp.Areas[letter]; letter != "" && !has {
				insp.Areas[letter] = insp.Areas[key]
				delete(insp.Areas, key)
				insp.pos.move("areas."+key, "areas."+letter)
			}
		}
	}
	_, areasGiven := insp.pos["areas"]
	noAreas := len(insp.Areas) == 0 && (insp.Areas == nil || areasGiven)
	if noAreas {
		reportNoAreas(insp, final, areasGiven, diags)
	}
	if insp.Areas == nil {
		insp.Areas = map[string]*Area{}
	}
	listed := map[string]string{} // criterion id → path where it was listed as not met
	for i := range cat.Areas {
		ca := &cat.Areas[i]
		a := insp.Areas[ca.Letter]
		_, atTop := insp.pos[areaAtTop+ca.Letter]
		report := !noAreas && (a != nil || !atTop) // an area at the top is reported there
		if a == nil {
			a = &Area{}
			insp.Areas[ca.Letter] = a
		}
		validateArea(insp, cat, ca, a, final, report, listed, diags)
	}
	validatePlan(insp, cat, final, listed, diags)
}

// reportNoAreas gives one message for an inspection without areas, not one
// per area; none when the file has a top-level key nothing was made of,
// which is likely the areas under a name not recognised: its message is
// the one to act on, and the areas' would come before it.
func reportNoAreas(insp *Inspection, final, given bool, diags *Diagnostics) {
	if _, unknown := insp.pos[unknownTop]; unknown {
		return
	}
	msg := "no area is assessed: the file has no areas; write areas: with each area's letter and its criteria, e.g. A: {met: all}"
	if given {
		msg = "no area is assessed: areas lists none; write each area's letter and its criteria under it, e.g. A: {met: all}"
	}
	if final {
		diags.Errorf(insp.KeyPos("areas"), "%s", msg)
	} else {
		diags.Warnf(insp.KeyPos("areas"), "%s (an unassessed criterion never counts as met)", msg)
	}
}

func validateArea(insp *Inspection, cat *Catalog, ca *CatalogArea, a *Area, final, reportUnassessed bool, notMetAt map[string]string, diags *Diagnostics) {
	base := "areas." + ca.Letter
	results := map[string]Result{}
	where := map[string]string{}
	assign := func(list []string, key string, r Result) {
		for j, id := range list {
			path := fmt.Sprintf("%s.%s[%d]", base, key, j)
			if !checkID(insp, cat, ca, id, path, diags) {
				continue
			}
			if prev, dup := where[id]; dup {
				diags.Errorf(insp.Pos(path), "%s is listed twice: under %s (line %d) and under %s", id, lastKey(prev), insp.Pos(prev).Line, key)
				continue
			}
			results[id], where[id] = r, path
			if r == NotMet {
				notMetAt[id] = path
			}
		}
	}
	assign(a.Met.IDs, "met", Met)
	assign(a.NotMet, "not_met", NotMet)
	assign(a.NotApplicable, "not_applicable", NotApplicable)
	for _, id := range insp.mapKeys(a.Comments, base+".comments") {
		checkIDAt(insp, cat, ca, id, insp.KeyPos(base+".comments."+id), diags)
	}
	a.Assessments = a.Assessments[:0]
	var unassessed []string
	for j := range ca.Criteria {
		cr := &ca.Criteria[j]
		r, ok := results[cr.ID]
		if !ok && a.Met.All {
			r = Met
		}
		if r == Unassessed {
			unassessed = append(unassessed, cr.ID)
		}
		a.Assessments = append(a.Assessments, Assessment{Criterion: cr, Result: r, Comment: a.Comments[cr.ID]})
	}
	if len(unassessed) > 0 && reportUnassessed {
		msg := fmt.Sprintf("area %s: %s not assessed; list %s under met, not_met or not_applicable, or write met: all",
			ca.Letter, plural(unassessed, "criterion", "criteria"), pronoun(unassessed))
		if final {
			diags.Errorf(insp.KeyPos(base), "%s", msg)
		} else {
			diags.Warnf(insp.KeyPos(base), "%s (an unassessed criterion never counts as met)", msg)
		}
	}
	if o := a.Override; o != nil {
		if o.Grade.Valid() {
			if _, ok := ca.Option(o.Grade); !ok {
				diags.Errorf(insp.Pos(base+".override.grade"), "grade %s is not among the options of area %s (%s)", o.Grade, ca.Letter, ca.OptionGrades())
			}
		}
		if strings.TrimSpace(o.Reason) == "" {
			diags.Errorf(insp.Pos(base+".override.reason"), "the override of area %s needs a reason: the report prints why the inspectors set the grade", ca.Letter)
		}
	}
	validateDecision(insp, ca, a, diags)
}

// validateDecision checks the rules of plan_decision and plan_note that
// need no grades (spur-model.md: Who does what, 3. Adjustment): a decision
// is on the unit's plan, so there is none before the plan is in, and a
// note is the report's sentence on that decision, so there is none without
// one. That a decision belongs only to an area graded D is checked by
// package grade.
func validateDecision(insp *Inspection, ca *CatalogArea, a *Area, diags *Diagnostics) {
	base := "areas." + ca.Letter
	if a.PlanDecision != NoDecision && insp.ActionPlan == nil {
		diags.Errorf(insp.KeyPos(base+".plan_decision"), "area %s has plan_decision: %s, but the inspection has no action plan: the inspectors decide on the unit's plan once it is in; import it first (spur import, or action_plan:), or remove plan_decision",
			ca.Letter, a.PlanDecision)
	}
	_, given := insp.pos[base+".plan_note#key"]
	switch {
	case strings.TrimSpace(a.PlanNote) == "":
		if given {
			diags.Warnf(insp.KeyPos(base+".plan_note"), "plan_note of area %s is empty, so the report prints the standard sentence on the action plan; write the note, or remove plan_note", ca.Letter)
		}
	case a.PlanDecision == NoDecision:
		diags.Errorf(insp.KeyPos(base+".plan_note"), "area %s has a plan_note but no plan_decision: the note is printed instead of the sentence on the inspectors' decision on the action plan; add plan_decision: accepted or not_accepted, or remove plan_note",
			ca.Letter)
	}
}

// checkID reports an id that is not a criterion of area ca.
func checkID(insp *Inspection, cat *Catalog, ca *CatalogArea, id, path string, diags *Diagnostics) bool {
	return checkIDAt(insp, cat, ca, id, insp.Pos(path), diags)
}

func checkIDAt(insp *Inspection, cat *Catalog, ca *CatalogArea, id string, p Pos, diags *Diagnostics) bool {
	if _, area, ok := cat.Criterion(id); ok {
		if area != ca {
			diags.Errorf(p, "criterion %s belongs to area %s (%s), not to area %s; did you mean to list it under area %s?", id, area.Letter, area.Title, ca.Letter, area.Letter)
			return false
		}
		return true
	}
	diags.Errorf(p, "unknown criterion %q in area %s%s", Clip(id), ca.Letter, idHint(cat, ca, id))
	return false
}

// idHint suggests the id meant: a slip of case, space or zero ("e4", "E 4",
// "E04"), else the range of ids the area has.
func idHint(cat *Catalog, ca *CatalogArea, id string) string {
	norm := strings.ToUpper(strings.Join(strings.Fields(id), ""))
	if len(norm) > 1 {
		if n, err := strconv.Atoi(norm[1:]); err == nil {
			norm = fmt.Sprintf("%c%d", norm[0], n)
		}
	}
	if _, area, ok := cat.Criterion(norm); ok {
		if area == ca {
			return "; did you mean " + norm + "?"
		}
		return fmt.Sprintf("; %s is in area %s, not %s", norm, area.Letter, ca.Letter)
	}
	if len(ca.Criteria) == 0 {
		return ""
	}
	return fmt.Sprintf("; did you mean one of %s–%s?", ca.Criteria[0].ID, ca.Criteria[len(ca.Criteria)-1].ID)
}

func validatePlan(insp *Inspection, cat *Catalog, final bool, notMetAt map[string]string, diags *Diagnostics) {
	result := func(id string) (Result, *Criterion) {
		cr, area, ok := cat.Criterion(id)
		if !ok {
			return Unassessed, nil
		}
		for _, as := range insp.Areas[area.Letter].Assessments {
			if as.Criterion.ID == id {
				return as.Result, cr
			}
		}
		return Unassessed, cr
	}
	planned := map[string]bool{}
	if p := insp.ActionPlan; p != nil {
		base := p.Date
		if base.IsZero() {
			base = insp.Visit
		}
		first := map[string]int{}
		for j := range p.Entries {
			e := &p.Entries[j]
			path := fmt.Sprintf("action_plan.entries[%d]", j)
			cpath := path + ".criterion"
			readPlanDate(insp, &e.Due, path+".due", base, diags)
			readPlanDate(insp, &e.FollowUp, path+".follow_up", base, diags)
			validateFollowUps(insp, e, path, insp.Visit, p.Date, diags)
			if e.Criterion == "" {
				continue
			}
			cr, area, ok := cat.Criterion(e.Criterion)
			if !ok {
				hint := ""
				if a, ok := cat.Area(strings.ToUpper(e.Criterion[:1])); ok {
					hint = idHint(cat, a, e.Criterion)
				}
				diags.Errorf(insp.Pos(cpath), "unknown criterion %q%s", Clip(e.Criterion), hint)
				continue
			}
			if line, dup := first[cr.ID]; dup {
				diags.Errorf(insp.Pos(cpath), "a second action-plan entry for %s (the first is at line %d); merge them into one", cr.ID, line)
				continue
			}
			first[cr.ID] = insp.Pos(cpath).Line
			planned[cr.ID] = true
			switch r, _ := result(cr.ID); r {
			case Met:
				diags.Errorf(insp.Pos(cpath), "action-plan entry for %s, which is met; remove the entry, or list %s under not_met in area %s", cr.ID, cr.ID, area.Letter)
			case NotApplicable:
				diags.Errorf(insp.Pos(cpath), "action-plan entry for %s, which is not applicable; remove the entry, or list %s under not_met in area %s", cr.ID, cr.ID, area.Letter)
			case Unassessed:
				diags.Warnf(insp.Pos(cpath), "action-plan entry for %s, which is not assessed; list %s under not_met in area %s", cr.ID, cr.ID, area.Letter)
			}
			if final && strings.TrimSpace(e.Action) == "" {
				diags.Warnf(insp.Pos(path), "the action-plan entry for %s has no planned action", cr.ID)
			}
		}
	}
	if !final {
		return
	}
	var unplanned []string
	for _, ca := range cat.Areas {
		for _, as := range insp.Areas[ca.Letter].Assessments {
			cr := as.Criterion
			if as.Result == NotMet && cr.Kind.Group() == Regulation && !planned[cr.ID] {
				unplanned = append(unplanned, cr.ID)
				if insp.ActionPlan != nil {
					diags.Errorf(insp.Pos(notMetAt[cr.ID]), "%s is a föreskrift that is not met: a final report needs an action-plan entry for it (action_plan.entries with criterion: %s)", cr.ID, cr.ID)
				}
			}
		}
	}
	// A report set final before the unit's plan came in: the way on is
	// back to preliminary, not an entry per criterion written by the
	// inspectors. One message, at the status.
	if len(unplanned) > 0 && insp.ActionPlan == nil {
		diags.Errorf(insp.Pos("status"), "the report is final, but the unit's action plan is not in yet (%s not met, and no action_plan): keep status: preliminary until it is; spur template makes the workbook the unit fills in, and spur import brings its plan into this file", joinIDs(unplanned))
	}
}

// joinIDs names criteria: "C1", "C1 and D7", "C1, D7 and E4".
func joinIDs(ids []string) string {
	if len(ids) < 2 {
		return strings.Join(ids, "")
	}
	return strings.Join(ids[:len(ids)-1], ", ") + " and " + ids[len(ids)-1]
}

func readPlanDate(insp *Inspection, t *DateText, path string, base Date, diags *Diagnostics) {
	if !t.Given.IsZero() {
		t.Parsed = PlanDate{Kind: DateExact, Date: t.Given.Time()}
		return
	}
	if strings.TrimSpace(t.Text) == "" {
		return
	}
	if base.IsZero() {
		return // no visit date: reported elsewhere
	}
	pd, ok := ParseDate(t.Text, base.Time())
	if !ok {
		diags.Warnf(insp.Pos(path), "cannot read %q as a date; it is kept as written (write e.g. 2025-12-31, \"31 dec 2025\", \"om sex månader\" or \"genomförd\")", Clip(t.Text))
	}
	t.Parsed = pd
}

func lastKey(path string) string {
	path = path[:strings.LastIndexByte(path, '[')]
	return path[strings.LastIndexByte(path, '.')+1:]
}

func plural(ids []string, one, many string) string {
	if len(ids) == 1 {
		return one + " " + ids[0] + " is"
	}
	return many + " " + strings.Join(ids, ", ") + " are"
}

func pronoun(ids []string) string {
	if len(ids) == 1 {
		return "it"
	}
	return "each"
}
