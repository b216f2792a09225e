package report

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"spur/grade"
	"spur/schema"
)

func TestVisible(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain text unchanged", "Almaklinikens vårdcentral – ST-läkare", "Almaklinikens vårdcentral – ST-läkare"},
		{"markdown unchanged", "- **fet** och `kod`\n\n1. [länk](https://x.se)\t", "- **fet** och `kod`\n\n1. [länk](https://x.se)\t"},
		{"right-to-left letters kept", "שלום مرحبا", "שלום مرحبا"},
		{"no-break spaces kept", "10\u00a0%\u202f!", "10\u00a0%\u202f!"},
		{"RLO and PDF marked", "abc\u202edcba\u202c", "abc[U+202E]dcba[U+202C]"},
		{"embeddings and LRO", "\u202a\u202b\u202d", "[U+202A][U+202B][U+202D]"},
		{"isolates marked", "a\u2066b\u2067c\u2068d\u2069", "a[U+2066]b[U+2067]c[U+2068]d[U+2069]"},
		{"marks marked", "\u200e\u200f\u061c", "[U+200E][U+200F][U+061C]"},
		{"zero-width space in a word", "öron\u200bmikroskop", "öronmikroskop"},
		{"joiners removed", "a\u200cb\u200dc\u2060d", "abcd"},
		{"byte-order marks removed", "\ufeffText\ufeff", "Text"},
		{"soft hyphen removed", "handlednings\u00adplan", "handledningsplan"},
		{"tag characters removed", "ok\U000E0041\U000E007F", "ok"},
		{"variation selectors removed", "\u2764\ufe0f x\U000E0100", "\u2764 x"},
		{"ESC sequence loses its ESC", "\x1b[31mröd\x1b[0m", "[31mröd[0m"},
		{"C0 and C1 controls removed", "a\x00b\x07c\x7fd\u0080e\u009ff", "abcdef"},
		{"line ends become \\n", "a\r\nb\rc\vd\fe\u0085f\u2028g\u2029h", "a\nb\nc\nd\ne\nf\ng\nh"},
		{"tab kept", "a\tb", "a\tb"},
		{"invalid UTF-8", "a\xffb\xc3", "a\uFFFDb\uFFFD"},
		{"marker text is kept as written", "[U+202E]", "[U+202E]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Visible(tc.in)
			if got != tc.want {
				t.Errorf("Visible(%+q) = %+q, want %+q", tc.in, got, tc.want)
			}
			if again := Visible(got); again != got {
				t.Errorf("not idempotent: %+q, then %+q", got, again)
			}
		})
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

func FuzzVisible(f *testing.F) {
	for _, s := range []string{"", "abc", "a\u202eb", "\r\n\r", "\xff\u200b\x1b", "[U+202E]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Visible(s)
		if !utf8.ValidString(got) {
			t.Fatalf("Visible(%+q) = %+q: invalid UTF-8", s, got)
		}
		if i := strings.IndexFunc(got, hidden); i >= 0 {
			t.Fatalf("Visible(%+q) = %+q: keeps %U", s, got, []rune(got[i:])[0])
		}
		if Visible(got) != got {
			t.Fatalf("Visible(%+q) not idempotent", s)
		}
	})
}

// hostileInspection is the fixture with hidden characters in every text a
// person wrote.
func hostileInspection(t *testing.T) (*schema.Inspection, grade.Result) {
	t.Helper()
	insp, diags, err := schema.LoadFile("../fixtures/almaklinikens-vardcentral-2025.yaml")
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
		r := Build(insp, res, Options{Lang: lang})
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
		if r.Slug != Slug(insp.Unit.Name, insp.Visit.String()) {
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
		t.Error("Build changed the inspection")
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

func ExampleVisible() {
	fmt.Println(Visible("Alma\u202eneknilk\u202c vård\u200bcentral\x1b[31m"))
	// Output: Alma[U+202E]neknilk[U+202C] vårdcentral[31m
}
