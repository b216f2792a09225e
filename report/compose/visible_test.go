package compose

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"spur/grade"
	"spur/input"
	"spur/report"
	"spur/schema"
)

// hostileInspection is the fixture with hidden characters in every text a
// person wrote.
func hostileInspection(t *testing.T) (*schema.Inspection, grade.Result) {
	t.Helper()
	insp, diags, err := input.Load("../../fixtures/almaklinikens-vardcentral-2025.yaml")
	if err != nil || diags.HasErrors() {
		t.Fatalf("%v %s", err, diags)
	}
	h := func(s string) string { return "\u202e" + s + "\u202c\u2066\u200b\x1b[1m\u00ad\u2069" }
	u := &insp.Unit
	u.Name, u.Organisation, u.Specialty, u.Region, u.Place = h(u.Name), h(u.Organisation), h(u.Specialty), h(u.Region), h(u.Place)
	for i := range insp.Inspectors {
		insp.Inspectors[i] = h(insp.Inspectors[i])
	}
	insp.Inspectors = append(insp.Inspectors, h("Tredje"))
	insp.Summary.Strengths = append(insp.Summary.Strengths, h("styrka"))
	insp.Summary.Weaknesses = append(insp.Summary.Weaknesses, h("svaghet"))
	insp.Summary.Improvements = append(insp.Summary.Improvements, h("potential"))
	for _, a := range insp.Areas {
		a.Narrative = h(a.Narrative)
		for i := range a.Assessments {
			a.Assessments[i].Comment = h(a.Assessments[i].Comment)
		}
	}
	insp.Areas["A"].Override = &schema.Override{Grade: "B", Reason: h("motivering")}
	for i := range insp.ActionPlan.Entries {
		e := &insp.ActionPlan.Entries[i]
		e.Action, e.Responsible, e.FollowUpBy = h(e.Action), h(e.Responsible), h(e.FollowUpBy)
		e.Due.Text, e.FollowUp.Text = h(e.Due.Text), h(e.FollowUp.Text)
	}
	res, gd := grade.Inspection(insp, grade.DefaultPolicy())
	if gd.HasErrors() {
		t.Fatal(gd)
	}
	return insp, res
}

// TestBuildVisible: no string anywhere in the view of a hostile inspection
// holds a hidden character, and the bidi controls are marked where they
// were.
func TestBuildVisible(t *testing.T) {
	insp, res := hostileInspection(t)
	for _, lang := range []string{"sv", "en"} {
		r := Report(insp, res, report.Options{Lang: lang})
		strs := 0
		walkStrings(reflect.ValueOf(r), "Report", func(path, s string) {
			strs++
			if i := strings.IndexFunc(s, hidden); i >= 0 {
				t.Errorf("%s: %s holds %U: %+q", lang, path, []rune(s[i:])[0], s)
			}
		})
		if strs < 100 {
			t.Fatalf("only %d strings walked", strs)
		}
		want := "[U+202E]Almaklinikens vårdcentral[U+202C][U+2066][1m[U+2069]"
		if r.Unit.Name != want {
			t.Errorf("%s: unit %q, want %q", lang, r.Unit.Name, want)
		}
		// spur build names the file from the name as written.
		if r.Slug != report.Slug(insp.Unit.Name, insp.Visit.String()) {
			t.Errorf("%s: slug %q is not made from the name as written", lang, r.Slug)
		}
		a := r.Groups[0].Areas[0]
		if !strings.Contains(a.OverrideReason, "[U+202E]motivering[U+202C]") {
			t.Errorf("%s: override reason %q", lang, a.OverrideReason)
		}
		if !strings.Contains(strings.Join(a.Reasons, "\n"), "[U+202E]motivering[U+202C]") {
			t.Errorf("%s: the reasons do not quote the override reason marked: %q", lang, a.Reasons)
		}
		if e := r.Plan.Entries[0]; e.Due != "[U+202E]20251231[U+202C][U+2066][1m[U+2069]" || e.DueRead != "2025-12-31" {
			t.Errorf("%s: first plan entry due %q, read %q", lang, e.Due, e.DueRead)
		}
	}
	if !strings.HasPrefix(insp.Unit.Name, "\u202e") || !strings.HasPrefix(insp.Summary.Strengths[len(insp.Summary.Strengths)-1], "\u202e") {
		t.Error("Report changed the inspection")
	}
}

// walkStrings calls f with every string reachable from v, and its path.
func walkStrings(v reflect.Value, path string, f func(path, s string)) {
	switch v.Kind() {
	case reflect.String:
		f(path, v.String())
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walkStrings(v.Elem(), path, f)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				walkStrings(v.Field(i), path+"."+v.Type().Field(i).Name, f)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			walkStrings(v.Index(i), fmt.Sprintf("%s[%d]", path, i), f)
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			walkStrings(v.MapIndex(k), fmt.Sprintf("%s[%v]", path, k), f)
		}
	}
}

// hidden reports the code points no user text may bring into a document:
// bidirectional controls and marks, zero-width and other invisible format
// characters, and control characters other than "\n" and "\t".
func hidden(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	case r >= 0x200b && r <= 0x200d, r == 0x2060, r == 0xfeff, r == 0x00ad:
		return true
	}
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
}
