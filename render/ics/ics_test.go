package ics

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// TestText: RFC 5545 §3.3.11 escapes backslash, semicolon and comma with
// a backslash and writes a line end as \n; a colon and a double quote
// stay; control characters TEXT may not hold are dropped, the tab kept; a
// bidi control becomes visible as in every format.
func TestText(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"plain", "Inköp av öronmikroskop", "Inköp av öronmikroskop"},
		{"comma and semicolon", "a, b; c", `a\, b\; c`},
		{"backslash first", `C:\temp\n`, `C:\\temp\\n`},
		{"line ends", "rad 1\nrad 2\r\nrad 3\rrad 4", `rad 1\nrad 2\nrad 3\nrad 4`},
		{"colon and quote stay", `Not: "se bilaga"`, `Not: "se bilaga"`},
		{"controls", "a\x00b\x07c\x1bd\x7fe\tf", "abcde\tf"},
		{"bidi", "abc\u202edef", "abc[U+202E]def"},
		{"invalid UTF-8", "a\xffb", "a\uFFFDb"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := Text(c.in); got != c.want {
				t.Errorf("Text(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

// unfold undoes §3.1's folding: a CRLF followed by a space or a tab is
// removed.
func unfold(s string) string {
	return strings.NewReplacer("\r\n ", "", "\r\n\t", "").Replace(s)
}

// TestFold: any line, of any script, is folded into lines of at most 75
// octets, each valid UTF-8, and unfolds to itself.
func TestFold(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("aåäöÅÄÖ €𝄞漢字 ,;\\x")
	for n := range 400 {
		var b strings.Builder
		b.WriteString("DESCRIPTION:")
		for range n {
			b.WriteRune(alphabet[r.IntN(len(alphabet))])
		}
		line := b.String()
		var buf bytes.Buffer
		if err := Write(&buf, Calendar{Events: []Event{{UID: "x@spur", Summary: "s", Description: line}}}); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		for _, l := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
			if len(l) > 75 || !utf8.ValidString(l) {
				t.Fatalf("n=%d: a line of %d octets, valid %v: %q", n, len(l), utf8.ValidString(l), l)
			}
		}
		if !strings.Contains(unfold(out), "\r\nDESCRIPTION:"+Text(line)+"\r\n") {
			t.Fatalf("n=%d: does not unfold to the line", n)
		}
	}
}

// TestWrite: the calendar's frame, an all-day event with DTEND the next
// day (a year's end too), DTSTAMP from the calendar in UTC, CRLF only.
func TestWrite(t *testing.T) {
	var buf bytes.Buffer
	err := Write(&buf, Calendar{ProdID: "-//spur//test//SV", Name: "Test, kalender", Stamp: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		Events: []Event{{UID: "abc@spur", Date: time.Date(2025, 12, 31, 15, 4, 5, 0, time.UTC), Summary: "C1 ska vara genomförd",
			Description: "Rad 1\nRad 2", Categories: []string{"SPUR", "Försenad, igen"}}}})
	if err != nil {
		t.Fatal(err)
	}
	want := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//spur//test//SV\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n" +
		"X-WR-CALNAME:Test\\, kalender\r\n" +
		"BEGIN:VEVENT\r\nUID:abc@spur\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20251231\r\nDTEND;VALUE=DATE:20260101\r\n" +
		"SUMMARY:C1 ska vara genomförd\r\nDESCRIPTION:Rad 1\\nRad 2\r\nCATEGORIES:SPUR,Försenad\\, igen\r\nTRANSP:TRANSPARENT\r\nEND:VEVENT\r\n" +
		"END:VCALENDAR\r\n"
	if got := buf.String(); got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	if strings.Count(buf.String(), "\n") != strings.Count(buf.String(), "\r\n") {
		t.Error("a bare LF")
	}
}

func ExampleWrite() {
	var buf bytes.Buffer
	Write(&buf, Calendar{ProdID: "-//spur//followup//SV", Stamp: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		Events: []Event{{UID: "1@spur", Date: time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC), Summary: "E4 ska vara genomförd"}}})
	for _, l := range strings.Split(strings.TrimSpace(buf.String()), "\r\n") {
		if strings.HasPrefix(l, "DT") {
			fmt.Println(l)
		}
	}
	// Output:
	// DTSTAMP:20260101T000000Z
	// DTSTART;VALUE=DATE:20260331
	// DTEND;VALUE=DATE:20260401
}
