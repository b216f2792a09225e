package plan

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"

	"spur/grade"
	"spur/input"
	"spur/schema"
	"spur/workbook"
)

// Merge puts plan (read from planName) into the inspection file src, which
// loaded as old without errors, and returns the new file. The result is
// checked before it is returned: it loads, has no error the old file did
// not have, equals the old inspection field for field outside the action
// plan, and holds the plan as it was read. A YAML file is spliced where
// its plan stands, every other line kept byte for byte; where that cannot
// be done (a file in flow style) the document is written anew in block
// style, and a warning says so. A plan that would erase text the
// inspection has is refused unless opt.Force is set. On any refusal the
// error is ErrNotImported and the diagnostics name each reason at its place.
func Merge(name string, src []byte, old *input.Inspection, plan *schema.ActionPlan, planName string, opt Options) ([]byte, schema.Diagnostics, error) {
	diags := Losses(old.Inspection, plan, planName, opt.Force)
	if diags.HasErrors() {
		return nil, diags, ErrNotImported
	}
	if workbook.IsWorkbook(name, src) {
		var buf bytes.Buffer
		md, err := workbook.MergePlanWorkbook(&buf, name, bytes.NewReader(src), int64(len(src)), plan)
		diags = append(diags, md...)
		if err != nil {
			return nil, diags, err
		}
		if md.HasErrors() {
			return nil, diags, ErrNotImported
		}
		vd := Check(name, old, buf.Bytes(), plan, opt.Policy)
		if vd.HasErrors() {
			return nil, append(diags, vd...), ErrNotImported
		}
		return buf.Bytes(), diags, nil
	}
	merged, md, err := splice(name, src, plan)
	if err != nil {
		return nil, diags, err
	}
	vd := Check(name, old, merged, plan, opt.Policy)
	if !vd.HasErrors() {
		return merged, append(diags, md...), nil
	}
	// The splice did not give the same inspection with the new plan: write
	// the document anew, and check that instead.
	rewritten, rd, err := rewrite(name, src, plan)
	if err != nil {
		return nil, append(diags, vd...), ErrNotImported
	}
	if rv := Check(name, old, rewritten, plan, opt.Policy); rv.HasErrors() {
		return nil, append(diags, rv...), ErrNotImported
	}
	return rewritten, append(diags, rd...), nil
}

// Check verifies that merged, the inspection file name after plan was
// put in, loads without an error old did not have, equals old field for
// field outside the action plan, and holds plan. Every failure is an
// error diagnostic.
func Check(name string, old *input.Inspection, merged []byte, plan *schema.ActionPlan, p grade.Policy) schema.Diagnostics {
	var diags schema.Diagnostics
	top := schema.Pos{File: name}
	res := input.Bytes(name, merged, p)
	if res.Inspection == nil {
		diags.Errorf(top, "the inspection with the plan in it could not be read back; nothing was written")
		return append(diags, errorsOf(res.Diags)...)
	}
	had := map[string]bool{}
	for _, d := range old.Diags {
		if d.Severity == schema.Error {
			had[d.Message] = true
		}
	}
	var fresh schema.Diagnostics
	for _, d := range res.Diags {
		if d.Severity == schema.Error && !had[d.Message] {
			fresh = append(fresh, d)
		}
	}
	if len(fresh) > 0 {
		diags.Errorf(top, "with the plan in it the inspection would have %d new errors (below); nothing was written: fix them in the inspection or the plan first", len(fresh))
		diags = append(diags, fresh...)
	}
	a, b := *old.Inspection, *res.Inspection
	a.ActionPlan, b.ActionPlan = nil, nil
	if path := differ(reflect.ValueOf(a), reflect.ValueOf(b), ""); path != "" {
		diags.Errorf(top, "with the plan in it the inspection's %s would change; nothing was written (this is a fault of spur: please report it with the file)", path)
	}
	if path := differ(reflect.ValueOf(*plan), reflect.ValueOf(derefPlan(res.ActionPlan)), "action_plan"); path != "" {
		diags.Errorf(top, "the plan written into the file would not read back as imported (%s differs); nothing was written (this is a fault of spur: please report it with the file)", path)
	}
	return diags
}

func derefPlan(p *schema.ActionPlan) schema.ActionPlan {
	if p == nil {
		return schema.ActionPlan{}
	}
	return *p
}

func errorsOf(ds schema.Diagnostics) schema.Diagnostics {
	var out schema.Diagnostics
	for _, d := range ds {
		if d.Severity == schema.Error {
			out = append(out, d)
		}
	}
	return out
}

var (
	dateType     = reflect.TypeOf(schema.Date{})
	catalogType  = reflect.TypeOf(&schema.Catalog{})
	criterionPtr = reflect.TypeOf(&schema.Criterion{})
)

// differ compares the exported fields of a and b, as a reader of the
// inspection sees them, and returns the path of the first that differs,
// or "". Positions and the file name are not compared.
func differ(a, b reflect.Value, path string) string {
	if a.Type() != b.Type() {
		return path
	}
	switch t := a.Type(); {
	case t == dateType:
		if a.Interface().(schema.Date) != b.Interface().(schema.Date) {
			return path
		}
		return ""
	case t == catalogType, t == criterionPtr:
		if a.Pointer() != b.Pointer() {
			return path
		}
		return ""
	}
	switch a.Kind() {
	case reflect.Pointer, reflect.Interface:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return path
			}
			return ""
		}
		return differ(a.Elem(), b.Elem(), path)
	case reflect.Struct:
		for i := range a.NumField() {
			f := a.Type().Field(i)
			if !f.IsExported() || f.Name == "File" {
				continue
			}
			key := f.Name
			if tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ","); tag != "" && tag != "-" {
				key = tag
			}
			if p := differ(a.Field(i), b.Field(i), join(path, key)); p != "" {
				return p
			}
		}
		return ""
	case reflect.Slice:
		if a.Len() != b.Len() {
			return path
		}
		for i := range a.Len() {
			if p := differ(a.Index(i), b.Index(i), fmt.Sprintf("%s[%d]", path, i)); p != "" {
				return p
			}
		}
		return ""
	case reflect.Map:
		if a.Len() != b.Len() {
			return path
		}
		for _, k := range a.MapKeys() {
			bv := b.MapIndex(k)
			if !bv.IsValid() {
				return join(path, fmt.Sprint(k.Interface()))
			}
			if p := differ(a.MapIndex(k), bv, join(path, fmt.Sprint(k.Interface()))); p != "" {
				return p
			}
		}
		return ""
	}
	if !a.Equal(b) {
		return path
	}
	return ""
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// planFields are the five fields of a plan entry, with the names the
// unit knows them by.
var planFields = func() (f [5]struct {
	label string
	get   func(schema.PlanEntry) string
}) {
	get := [5]func(schema.PlanEntry) string{
		func(e schema.PlanEntry) string { return e.Action },
		func(e schema.PlanEntry) string { return e.Due.Text },
		func(e schema.PlanEntry) string { return e.Responsible },
		func(e schema.PlanEntry) string { return e.FollowUp.Text },
		func(e schema.PlanEntry) string { return e.FollowUpBy },
	}
	for i := range f {
		f[i].label, f[i].get = workbook.PlanFields[i].Label, get[i]
	}
	return f
}()

// Losses names, at its place in the inspection, every text of its action
// plan that plan would erase: a field with text that plan leaves empty, an
// entry with text or follow-ups that plan lacks. They are errors, or
// warnings when force is set; a plan that erases nothing gives none.
func Losses(insp *schema.Inspection, plan *schema.ActionPlan, planName string, force bool) schema.Diagnostics {
	var diags schema.Diagnostics
	if insp.ActionPlan == nil {
		return nil
	}
	report := diags.Errorf
	if force {
		report = diags.Warnf
	}
	next := map[string]schema.PlanEntry{}
	for _, e := range plan.Entries {
		next[e.Criterion] = e
	}
	n := 0
	for i, e := range insp.ActionPlan.Entries {
		at := fmt.Sprintf("action_plan.entries[%d]", i)
		ne, kept := next[e.Criterion]
		var lost []string
		for _, f := range planFields {
			if strings.TrimSpace(f.get(e)) != "" && (!kept || strings.TrimSpace(f.get(ne)) == "") {
				lost = append(lost, f.label)
			}
		}
		switch n := len(e.FollowUps); {
		case kept || n == 0:
		case n == 1:
			lost = append(lost, "1 uppföljning")
		default:
			lost = append(lost, fmt.Sprintf("%d uppföljningar", n))
		}
		switch {
		case len(lost) == 0:
		case !kept:
			report(insp.Pos(at), "the entry for %s has text (%s), and %s has no entry for %s: the import would drop it", e.Criterion, strings.Join(lost, ", "), planName, e.Criterion)
		default:
			report(insp.Pos(at), "the entry for %s has text in %s, which %s leaves empty: the import would erase it", e.Criterion, strings.Join(lost, ", "), planName)
		}
		n += len(lost)
	}
	if n > 0 && !force {
		diags.Errorf(schema.Pos{File: planName}, "importing it would erase %d fields of the plan already in %s (named above); nothing was written. Fill them in, or import with --force to erase them", n, insp.File)
	}
	diags.Sort()
	return diags
}
