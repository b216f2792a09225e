package workbook

import (
	"testing"
)

// Number formats: which ones show a date, so that a date cell is read as
// the date the person saw.
func TestDateFormatCode(t *testing.T) {
	for _, tc := range []struct {
		code string
		date bool
	}{
		{"General", false},
		{"@", false},
		{"0.00", false},
		{"0.00E+00", false},
		{`#,##0 "kr"`, false},
		{`0 "dagar"`, false},
		{"[Red]0.00", false},
		{"h:mm AM/PM", false},
		{"[h]:mm:ss", false},
		{"yyyy-mm-dd", true},
		{"YYYY-MM-DD", true},
		{"m/d/yyyy", true},
		{`d\.m\.yyyy`, true},
		{"[$-41D]d mmmm yyyy", true},
		{"dd/mm/yy hh:mm", true},
		{`"den "d" "mmmm`, true},
	} {
		t.Run(tc.code, func(t *testing.T) {
			if got := dateFormatCode(tc.code); got != tc.date {
				t.Errorf("dateFormatCode(%q) = %v, want %v", tc.code, got, tc.date)
			}
		})
	}
}

// Excel date serials, as Excel and LibreOffice count them.
func TestFromSerial(t *testing.T) {
	for _, tc := range []struct {
		name   string
		serial float64
		text   string
		ok     bool
	}{
		{"end of 2025", 46022, "2025-12-31", true},
		{"first of March 1900", 61, "1900-03-01", true},
		{"with a time", 46022.5, "2025-12-31 12:00", true},
		{"before the leap-year bug", 59, "", false},
		{"after 9999", 3e6, "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, text, ok := fromSerial(tc.serial)
			if text != tc.text || ok != tc.ok {
				t.Errorf("fromSerial(%v) = %q, %v; want %q, %v", tc.serial, text, ok, tc.text, tc.ok)
			}
		})
	}
}

func TestCanonicalID(t *testing.T) {
	for in, want := range map[string]string{"E4": "E4", " e4 ": "E4", "E 4": "E4", "E04": "E4", "H13": "H13", "X": "X", "ÅÄ1": "ÅÄ1"} {
		if got := canonicalID(in); got != want {
			t.Errorf("canonicalID(%q) = %q, want %q", in, got, want)
		}
	}
}
