package workbook

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"spur/followup"
)

// customXML is a custom properties part with the given properties inside.
func customXML(props string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
		props + `</Properties>`
}

// kindProp is the property spur.kind with the given element inside.
func kindProp(pid, value string) string {
	return `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="` + pid + `" name="spur.kind">` + value + `</property>`
}

// TestNotInspectionProbe: the quick look at the custom properties that
// NotInspection takes first agrees with opening the whole book, on the
// workbooks of testdata, on spur's own (plan, follow-up, inspection,
// follow-up list), on damaged ones and on properties written in the odd
// ways XML allows; and it is sure of an inspection workbook, so that
// spur build does not open one twice.
func TestNotInspectionProbe(t *testing.T) {
	insp := fixture(t)
	plan := template(t, insp)
	l, _ := followup.Build(nil, followup.Options{AsOf: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	var list bytes.Buffer
	if err := WriteFollowupList(&list, l); err != nil {
		t.Fatal(err)
	}
	inspection := inspectionTemplate(t, insp.Cat)
	withCustom := func(body string) []byte { return minimalPlanWith(nil, customPart, body) }

	type tc struct {
		data []byte
		// sure is what the probe must say: true where it needs no more,
		// false where the book must be opened.
		sure bool
		// other is whether the whole book names a kind other than an
		// inspection.
		other bool
	}
	cases := map[string]tc{
		"plan template":     {plan, false, true},
		"filled plan":       {fillPlan(t, plan, insp.ActionPlan), false, true},
		"follow-up":         {followUpTemplate(t, insp), false, true},
		"follow-up list":    {list.Bytes(), false, true},
		"inspection":        {inspection, true, false},
		"no properties":     {minimalPlan(), true, false},
		"cut in two":        {inspection[:len(inspection)/2], false, false},
		"not a workbook":    {[]byte("catalog: \"2025\"\n"), false, false},
		"empty zip":         {[]byte("PK\x05\x06\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"), false, false},
		"inspection kind":   {withCustom(customXML(kindProp("2", "<vt:lpwstr>inspektion</vt:lpwstr>"))), true, false},
		"plan kind":         {withCustom(customXML(kindProp("2", "<vt:lpwstr>handlingsplan</vt:lpwstr>"))), false, true},
		"character ref":     {withCustom(customXML(kindProp("2", "<vt:lpwstr>handlingspl&#97;n</vt:lpwstr>"))), false, true},
		"CDATA":             {withCustom(customXML(kindProp("2", "<vt:lpwstr><![CDATA[uppföljning]]></vt:lpwstr>"))), false, true},
		"split by element":  {withCustom(customXML(kindProp("2", "<vt:lpwstr>hand<x>y</x>lings<!-- -->plan</vt:lpwstr>"))), false, true},
		"last one counts":   {withCustom(customXML(kindProp("2", "<vt:lpwstr>inspektion</vt:lpwstr>") + kindProp("3", "<vt:lpwstr>uppföljningslista</vt:lpwstr>"))), false, true},
		"a number":          {withCustom(customXML(kindProp("2", "<vt:i4>7</vt:i4>"))), true, false},
		"damaged part":      {withCustom(customXML(kindProp("2", "<vt:lpwstr>handlingsplan</vt:lpwstr>"))[:200]), false, false},
		"another encoding":  {withCustom(strings.Replace(customXML(kindProp("2", "<vt:lpwstr>handlingsplan</vt:lpwstr>")), "UTF-8", "ISO-8859-1", 1)), false, true},
		"strict namespaces": {withCustom(strings.ReplaceAll(customXML(kindProp("2", "<vt:lpwstr>handlingsplan</vt:lpwstr>")), "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes", "http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes")), false, true},
	}
	files, _ := filepath.Glob("testdata/*.xlsx")
	if len(files) == 0 {
		t.Fatal("no workbooks in testdata")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		switch filepath.Base(f) {
		case "libreoffice-plan.xlsx", "libreoffice-dates.xlsx": // plans saved by LibreOffice
			cases[f] = tc{data, false, true}
		default: // inspections
			cases[f] = tc{data, true, false}
		}
	}
	for name, c := range cases {
		whole := ""
		if IsWorkbook("x.xlsx", c.data) {
			whole = bookNotInspection("x.xlsx", c.data)
		}
		sure := noOtherKind(c.data)
		if sure && whole != "" {
			t.Errorf("%s: the probe is sure the workbook is no other kind, the whole book says %q", name, whole)
		}
		if sure != c.sure || (whole != "") != c.other {
			t.Errorf("%s: probe %v, whole book %q; want probe %v, another kind %v", name, sure, whole, c.sure, c.other)
		}
		if got := NotInspection("x.xlsx", c.data); got != whole {
			t.Errorf("%s: NotInspection %q, the whole book %q", name, got, whole)
		}
	}
}
