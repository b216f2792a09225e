package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"spur/grade"
	"spur/input"
	"spur/plan"
	"spur/report"
	"spur/safefile"
	"spur/schema"
	"spur/workbook"
)

// template implements `spur template`: the action-plan workbook (or YAML
// skeleton) for the unit of an inspection, or with --inspection a blank
// inspection workbook.
func (e env) template(args []string) int {
	fs := newFlags(e, "template")
	out := fs.String("o", "", "")
	due := fs.String("due", "", "")
	blank := fs.Bool("inspection", false, "")
	followUp := fs.Bool("follow-up", false, "")
	revise := fs.Bool("revise", false, "")
	version := fs.String("catalog", "", "")
	force := fs.Bool("force", false, "")
	pos, ok := e.parse(fs, args)
	if !ok {
		return exitUsage
	}
	if *followUp {
		switch {
		case *blank:
			e.usagef("template: --follow-up and --inspection are two different workbooks; choose one")
			return exitUsage
		case *due != "":
			e.usagef("template --follow-up: --due is for the unit's plan; the follow-up workbook has no date to send it back by")
			return exitUsage
		case *version != "":
			e.usagef("template --follow-up: --catalog is for a blank inspection workbook; the follow-up workbook follows its inspection")
			return exitUsage
		case len(pos) != 1:
			e.usagef("template --follow-up: name one inspection file, the one whose plan is followed up")
			return exitUsage
		}
		return e.followUpTemplate(pos[0], *out, *force)
	}
	if *blank {
		if len(pos) > 0 {
			e.usagef("template --inspection: takes no inspection file, only -o FILE.xlsx [--catalog VERSION]")
			return exitUsage
		}
		return e.inspectionTemplate(*out, *version, *force)
	}
	if *version != "" {
		e.usagef("template: --catalog is for a blank inspection workbook (--inspection); a plan follows its inspection's catalogue")
		return exitUsage
	}
	if len(pos) != 1 {
		e.usagef("template: name one inspection file")
		return exitUsage
	}
	opt := workbook.PlanOptions{Revise: *revise}
	if *due != "" {
		d, err := isoDate(*due)
		if err != nil {
			e.usagef("template: --due %v", err)
			return exitUsage
		}
		opt.Due = d
	}
	format, ok := plan.FormatOf(*out)
	if !ok {
		e.usagef("template: -o names a .xlsx workbook or a .yaml file, not %q", strings.ToLower(filepath.Ext(*out)))
		return exitUsage
	}
	if *revise && format != plan.Workbook {
		e.usagef("template: --revise fills in the workbook (.xlsx); the YAML template is written empty")
		return exitUsage
	}
	insp, _, ok := e.load(pos[0], grade.DefaultPolicy())
	if !ok {
		return exitInvalid
	}
	switch {
	case *revise && insp.ActionPlan == nil:
		fmt.Fprintf(e.stderr, "%s: warning: --revise: the inspection has no action plan yet; the workbook is written empty\n", pos[0])
	case !*revise && insp.ActionPlan != nil && format == plan.Workbook:
		fmt.Fprintf(e.stderr, "%s: the inspection has an action plan already; the workbook is written empty (--revise fills it in with that plan, for the unit to revise)\n", pos[0])
	}
	path := *out
	if path == "" {
		path = report.Slug(insp.Unit.Name, insp.Visit.String()) + "-handlingsplan.xlsx"
	}
	var buf bytes.Buffer
	if err := plan.WriteTemplate(&buf, insp, format, opt); err != nil {
		fmt.Fprintf(e.stderr, "spur: %v\n", err)
		return exitInvalid
	}
	if !*force && !e.mayReplace(path, buf.Bytes()) {
		return exitInvalid
	}
	return e.emit(path, buf.Bytes())
}

// followUpTemplate writes the follow-up workbook of the inspection file:
// every action of its plan, with open columns for the follow-up.
func (e env) followUpTemplate(file, out string, force bool) int {
	if ext := strings.ToLower(filepath.Ext(out)); out != "" && out != "-" && ext != ".xlsx" {
		e.usagef("template --follow-up: -o names a .xlsx workbook, not %q", ext)
		return exitUsage
	}
	insp, _, ok := e.load(file, grade.DefaultPolicy())
	if !ok {
		return exitInvalid
	}
	path := out
	if path == "" {
		path = report.Slug(insp.Unit.Name, insp.Visit.String()) + "-uppfoljning.xlsx"
	}
	var buf bytes.Buffer
	if err := workbook.WriteFollowUpTemplate(&buf, insp); err != nil {
		fmt.Fprintf(e.stderr, "spur: %s: %v\n", file, err)
		return exitInvalid
	}
	if !force && !e.mayReplace(path, buf.Bytes()) {
		return exitInvalid
	}
	return e.emit(path, buf.Bytes())
}

// mayReplace reports whether a template may be written to path: where
// there is none yet, or one with the same bytes. Any other file there may
// be the workbook a unit or an inspector has filled in, and is kept.
func (e env) mayReplace(path string, data []byte) bool {
	if path == "-" {
		return true
	}
	old, err := os.ReadFile(path)
	if err != nil || bytes.Equal(old, data) {
		return true
	}
	fmt.Fprintf(e.stderr, "spur: %s already exists and may hold what someone filled in; it was left as it is (write to another name, or say --force to replace it)\n", path)
	return false
}

func (e env) inspectionTemplate(out, version string, force bool) int {
	if out == "" {
		e.usagef("template --inspection: name the workbook to write with -o FILE.xlsx")
		return exitUsage
	}
	if ext := strings.ToLower(filepath.Ext(out)); ext != ".xlsx" && out != "-" {
		e.usagef("template --inspection: -o names a .xlsx workbook, not %q", out)
		return exitUsage
	}
	cat, code := e.catalogFor("template", version)
	if cat == nil {
		return code
	}
	var buf bytes.Buffer
	if err := workbook.WriteInspectionTemplate(&buf, cat); err != nil {
		fmt.Fprintf(e.stderr, "spur: %v\n", err)
		return exitInvalid
	}
	if !force && !e.mayReplace(out, buf.Bytes()) {
		return exitInvalid
	}
	return e.emit(out, buf.Bytes())
}

// importPlan implements `spur import FILE PLAN [-o OUT] [--date D]`: the
// plan a unit filled in (workbook or YAML template) goes into the
// inspection, in place or into OUT (plan.Import); a follow-up workbook,
// told apart by the kind it carries, adds its follow-ups instead
// (importFollowUps). Nothing is written when the plan or the follow-ups
// cannot be imported without errors or losses.
func (e env) importPlan(args []string) int {
	fs := newFlags(e, "import")
	out := fs.String("o", "", "")
	dateFlag := fs.String("date", "", "")
	force := fs.Bool("force", false, "")
	pos, ok := e.parse(fs, args)
	if !ok {
		return exitUsage
	}
	if len(pos) != 2 {
		e.usagef("import: name the inspection file and the filled plan: spur import FILE PLAN [-o OUT]")
		return exitUsage
	}
	file, planFile := pos[0], pos[1]
	if file == "-" || planFile == "-" {
		e.usagef("import: reads files, not standard input (the inspection is written back)")
		return exitUsage
	}
	// The plan's date when the unit gave none.
	date, today, err := flagDate("--date", *dateFlag)
	if err != nil {
		e.usagef("import: %v", err)
		return exitUsage
	}
	src, err := input.ReadFile(file)
	if err != nil {
		fmt.Fprintf(e.stderr, "spur: %v\n", err)
		return exitInvalid
	}
	raw, err := input.ReadFile(planFile)
	if err != nil {
		fmt.Fprintf(e.stderr, "spur: %v\n", err)
		return exitInvalid
	}
	dest := *out
	if dest == "" {
		dest = file
	}
	opt := plan.Options{Date: date, Today: today, Force: *force, Policy: grade.DefaultPolicy()}
	if workbook.IsFollowUpWorkbook(planFile, raw) {
		return e.importFollowUps(file, src, planFile, raw, dest, opt)
	}
	res, diags, err := plan.Import(file, src, planFile, raw, opt)
	e.printDiags(diags)
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return exitInvalid
	}
	if !e.mayWriteOut(file, src, dest, res.File, res.Plan) {
		fmt.Fprintf(e.stderr, "%s: the plan was not imported\n", planFile)
		return exitInvalid
	}
	if err := e.writeBack(dest, res.File); err != nil {
		fmt.Fprintf(e.stderr, "spur: %v\n", err)
		fmt.Fprintf(e.stderr, "%s: the plan was not imported\n", planFile)
		return exitInvalid
	}
	fmt.Fprintln(e.stdout, dest)
	fmt.Fprintf(e.stderr, "%s: %s imported from %s\n", dest, plural(len(res.Plan.Entries), "action-plan entry"), planFile)
	return exitOK
}

// importFollowUps is spur import with a follow-up workbook: its
// follow-ups are added to the inspection (plan.ImportFollowUps). When
// every one is in the file already, the file is left as it is.
func (e env) importFollowUps(file string, src []byte, book string, raw []byte, dest string, opt plan.Options) int {
	res, diags, err := plan.ImportFollowUps(file, src, book, raw, opt)
	e.printDiags(diags)
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return exitInvalid
	}
	known := ""
	if res.Known > 0 {
		known = fmt.Sprintf(" (%d in the file already)", res.Known)
	}
	if res.Added == 0 && dest == file {
		fmt.Fprintln(e.stdout, dest)
		fmt.Fprintf(e.stderr, "%s: no new follow-ups in %s%s; the file is unchanged\n", dest, book, known)
		return exitOK
	}
	if !e.mayWriteOut(file, src, dest, res.File, res.Plan) {
		fmt.Fprintf(e.stderr, "%s: the follow-ups were not imported\n", book)
		return exitInvalid
	}
	if err := e.writeBack(dest, res.File); err != nil {
		fmt.Fprintf(e.stderr, "spur: %v\n", err)
		fmt.Fprintf(e.stderr, "%s: the follow-ups were not imported\n", book)
		return exitInvalid
	}
	fmt.Fprintln(e.stdout, dest)
	n := fmt.Sprintf("%d follow-ups", res.Added)
	if res.Added == 1 {
		n = "1 follow-up"
	}
	fmt.Fprintf(e.stderr, "%s: %s added from %s%s\n", dest, n, book, known)
	return exitOK
}

// mayWriteOut reports whether the result data of importing into the
// inspection file (src, with the plan result) may be written to dest, the
// file -o names: where it is file itself, or there is nothing there yet,
// or it holds data already, or it is file with another plan and no
// follow-up the result lacks (an earlier result of the same import,
// written again; plan.Overwrites). Any other file there (another
// inspection, one edited since the import wrote it, not an inspection at
// all) is someone's work and is kept, with a word saying why.
func (e env) mayWriteOut(file string, src []byte, dest string, data []byte, result *schema.ActionPlan) bool {
	if dest == file {
		return true
	}
	st, err := os.Stat(dest)
	if err != nil || !st.Mode().IsRegular() {
		return true // nothing there, or what writeBack refuses by name
	}
	if fst, err := os.Stat(file); err == nil && os.SameFile(st, fst) {
		return true
	}
	old, err := input.ReadFile(dest)
	if err == nil && bytes.Equal(old, data) {
		return true
	}
	why := "it is not an inspection spur reads without errors"
	if err != nil {
		why = err.Error()
	} else if out := input.Bytes(dest, old, grade.DefaultPolicy()); out.OK() {
		if why = plan.Overwrites(out.Inspection, input.Bytes(file, src, grade.DefaultPolicy()).Inspection, result); why == "" {
			return true
		}
	}
	fmt.Fprintf(e.stderr, "spur: %s already exists, and writing the import over it would lose what it holds (%s); it was left as it is (write to another name, or import into it: spur import %s ...)\n",
		dest, why, dest)
	return false
}

// writeBack replaces the file at dest with data (safefile.Replace: a
// temporary file beside it, read back before it is renamed over it),
// after removing what a killed import left there.
func (e env) writeBack(dest string, data []byte) error {
	for _, p := range safefile.Leftovers(dest) {
		if os.Remove(p) == nil {
			fmt.Fprintf(e.stderr, "%s: removed, a temporary file an interrupted spur import left\n", p)
		}
	}
	return safefile.Replace(dest, data, func(back []byte) error {
		if !bytes.Equal(back, data) {
			return errors.New("the written file does not read back as merged")
		}
		return nil
	})
}

// emit writes data to path atomically, or to standard output for "-", and
// names the file written on standard output.
func (e env) emit(path string, data []byte) int {
	if path == "-" {
		e.stdout.Write(data)
		return exitOK
	}
	if _, err := safefile.Write(path, data); err != nil {
		fmt.Fprintf(e.stderr, "spur: %v\n", err)
		return exitInvalid
	}
	fmt.Fprintln(e.stdout, path)
	return exitOK
}

// isoDate reads a date written YYYY-MM-DD.
func isoDate(s string) (schema.Date, error) {
	d, ok := schema.ParseISODate(s)
	if !ok {
		return d, fmt.Errorf("takes a date YYYY-MM-DD, not %q", s)
	}
	return d, nil
}

// flagDate is the day a date flag gives, else the day of SOURCE_DATE_EPOCH,
// else today, which today says; name ("--date") begins the error of a date
// spur cannot read.
func flagDate(name, flag string) (d schema.Date, today bool, err error) {
	if flag != "" {
		d, err := isoDate(flag)
		if err != nil {
			return d, false, fmt.Errorf("%s %v", name, err)
		}
		return d, false, nil
	}
	t, err := sourceDate()
	if err != nil {
		return schema.Date{}, false, err
	}
	if t.IsZero() {
		t = time.Now()
	}
	return schema.NewDate(t.Year(), t.Month(), t.Day()), true, nil
}
