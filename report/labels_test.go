package report

import (
	"reflect"
	"testing"
)

// TestLabelsComplete: every label has a text in each language, and every
// function a body, so that no format prints an empty heading.
func TestLabelsComplete(t *testing.T) {
	for _, lang := range []string{"sv", "en"} {
		l, ok := LabelsFor(lang)
		if !ok {
			t.Fatalf("no labels for %s", lang)
		}
		v := reflect.ValueOf(l)
		for i := range v.NumField() {
			f, name := v.Field(i), v.Type().Field(i).Name
			switch f.Kind() {
			case reflect.String:
				if f.String() == "" {
					t.Errorf("%s: %s is empty", lang, name)
				}
			case reflect.Func, reflect.Map:
				if f.IsNil() {
					t.Errorf("%s: %s is nil", lang, name)
				}
			}
		}
		if got := l.CompareIntro("1 x"); got == "" || l.CompareVersions("1 x", "a", "b") == "" || l.OnlyIn("2023") == "" {
			t.Errorf("%s: empty comparison sentences", lang)
		}
	}
}
