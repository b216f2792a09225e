package plan

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"spur/grade"
	"spur/input"
	"spur/schema"
	"spur/workbook"
)

// ErrNotImported is what every error of Import and Merge wraps: nothing
// was imported, and the diagnostics say why.
var ErrNotImported = errors.New("the plan was not imported")

// Options are the choices of an import.
type Options struct {
	// Date is the plan's date where the unit left it empty: a date the
	// user chose (spur import --date), or the day of the import, which
	// Today says. Relative dates ("om sex månader") count from it, so a
	// plan that takes the day of the import gets a warning naming it.
	Date  schema.Date
	Today bool
	// Force lets the plan erase text the inspection's plan has: a field
	// the new plan leaves empty, an entry it lacks.
	Force  bool
	Policy grade.Policy
}

// Imported is an inspection file with a plan put into it.
type Imported struct {
	File []byte             // the new inspection file, checked
	Plan *schema.ActionPlan // the plan as read
}

// Import reads the plan a unit filled in (planData, named planName: the
// workbook or the YAML file of WriteTemplate) and puts it into the
// inspection file src (named name, YAML or an inspection workbook), which
// must load without errors. It opens no file: the caller writes
// Imported.File where it belongs.
//
// The plan goes in only when nothing is lost: the plan reads without
// errors, it erases no text of the plan already there (unless
// opt.Force), and the new file is checked as Merge checks it. Otherwise
// the error wraps ErrNotImported and says in a line what was refused; the
// diagnostics, in the order of the inspection, the plan and the merge,
// name each problem at its place.
func Import(name string, src []byte, planName string, planData []byte, opt Options) (*Imported, schema.Diagnostics, error) {
	in := input.Bytes(name, src, opt.Policy)
	diags := in.Diags
	if !in.OK() {
		return nil, diags, fmt.Errorf("%s: fix the inspection first; %w", name, ErrNotImported)
	}
	notImported := func(err error) error {
		if err != nil {
			return fmt.Errorf("%s: %w (%v); %s is unchanged", planName, ErrNotImported, err, name)
		}
		return fmt.Errorf("%s: %w; %s is unchanged", planName, ErrNotImported, name)
	}
	read := workbook.PlanOptions{Date: opt.Date, Today: opt.Today}
	var (
		plan *schema.ActionPlan
		pd   schema.Diagnostics
		err  error
	)
	if workbook.IsFollowUpWorkbook(planName, planData) {
		diags.Errorf(schema.Pos{File: planName}, "this is a follow-up workbook (spur template --follow-up), not an action plan; its follow-ups are imported with ImportFollowUps")
		return nil, diags, notImported(nil)
	}
	if workbook.IsWorkbook(planName, planData) {
		plan, pd, err = workbook.ReadPlan(planName, bytes.NewReader(planData), int64(len(planData)), in.Inspection, read)
	} else {
		plan, pd, err = ReadYAML(planName, planData, in.Inspection, read)
	}
	diags = append(diags, pd...)
	if err != nil || plan == nil || pd.HasErrors() {
		return nil, diags, notImported(err)
	}
	keepFollowUps(in.Inspection.ActionPlan, plan)
	merged, md, err := Merge(name, src, in, plan, planName, opt)
	diags = append(diags, md...)
	if errors.Is(err, ErrNotImported) {
		return nil, diags, notImported(nil)
	}
	if err != nil {
		return nil, diags, notImported(err)
	}
	return &Imported{File: merged, Plan: plan}, diags, nil
}

// keepFollowUps gives each entry of plan the follow-ups of the entry for
// its criterion in old: the unit's plan has no place for them, and a plan
// sent again must not erase what the region has found since. An entry
// plan lacks loses its follow-ups, which Losses reports.
func keepFollowUps(old, plan *schema.ActionPlan) {
	if old == nil {
		return
	}
	had := map[string][]schema.FollowUp{}
	for _, e := range old.Entries {
		if _, dup := had[e.Criterion]; !dup && len(e.FollowUps) > 0 {
			had[e.Criterion] = e.FollowUps
		}
	}
	for i := range plan.Entries {
		if fs := had[plan.Entries[i].Criterion]; fs != nil && len(plan.Entries[i].FollowUps) == 0 {
			plan.Entries[i].FollowUps = append([]schema.FollowUp(nil), fs...)
		}
	}
}

// Format is the form of a plan template.
type Format int

const (
	Workbook Format = iota // .xlsx, filled in Excel or LibreOffice Calc
	YAML                   // .yaml, a commented text file
)

// FormatOf tells a template's form by the name it is written to: a
// workbook for .xlsx or a name without an ending ("-", standard output),
// YAML for .yaml and .yml; ok is false for any other ending.
func FormatOf(name string) (f Format, ok bool) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xlsx", "":
		return Workbook, true
	case ".yaml", ".yml":
		return YAML, true
	}
	return Workbook, false
}

// WriteTemplate writes the plan template of insp, which must have been
// loaded, in form f. The same inspection and options give the same bytes.
func WriteTemplate(w io.Writer, insp *schema.Inspection, f Format, opt workbook.PlanOptions) error {
	if f == YAML {
		return WriteYAML(w, insp, opt)
	}
	return workbook.WritePlanTemplate(w, insp, opt)
}
