package ics

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"spur/followup/view"
	"spur/report"
)

// Calendar is a VCALENDAR of all-day events.
type Calendar struct {
	ProdID string    // the product that made it, "-//spur//followup//SV"
	Name   string    // a name for the calendar (X-WR-CALNAME); "" for none
	Stamp  time.Time // every event's DTSTAMP: when the calendar was made
	Events []Event
}

// Event is one all-day VEVENT.
type Event struct {
	UID         string    // stable: the same event keeps it from run to run
	Date        time.Time // the day; the time of day is ignored
	Summary     string
	Description string // plain text; "\n" ends a line
	Categories  []string
}

// Followup writes the calendar of the follow-up list: its events, stamped
// with the day the list is as of.
func Followup(w io.Writer, l *view.List) (warnings []string, err error) {
	c := Calendar{ProdID: "-//spur//followup//SV", Name: l.L.Calendar, Stamp: l.Date}
	for _, e := range l.Events {
		c.Events = append(c.Events, Event{UID: e.UID, Date: e.Date, Summary: e.Summary, Description: e.Description, Categories: e.Categories})
	}
	return nil, Write(w, c)
}

// Write writes c as an iCalendar object.
func Write(w io.Writer, c Calendar) error {
	bw := bufio.NewWriter(w)
	out := func(name, value string) {
		fold(bw, name+":"+value)
	}
	out("BEGIN", "VCALENDAR")
	out("VERSION", "2.0")
	out("PRODID", Text(c.ProdID))
	out("CALSCALE", "GREGORIAN")
	out("METHOD", "PUBLISH")
	if c.Name != "" {
		out("X-WR-CALNAME", Text(c.Name))
	}
	stamp := c.Stamp.UTC().Format("20060102T150405Z")
	for _, e := range c.Events {
		day := time.Date(e.Date.Year(), e.Date.Month(), e.Date.Day(), 0, 0, 0, 0, time.UTC)
		out("BEGIN", "VEVENT")
		out("UID", Text(e.UID))
		out("DTSTAMP", stamp)
		out("DTSTART;VALUE=DATE", day.Format("20060102"))
		out("DTEND;VALUE=DATE", day.AddDate(0, 0, 1).Format("20060102"))
		out("SUMMARY", Text(e.Summary))
		if e.Description != "" {
			out("DESCRIPTION", Text(e.Description))
		}
		if len(e.Categories) > 0 {
			cats := make([]string, len(e.Categories))
			for i, s := range e.Categories {
				cats[i] = Text(s)
			}
			out("CATEGORIES", strings.Join(cats, ","))
		}
		out("TRANSP", "TRANSPARENT")
		out("END", "VEVENT")
	}
	out("END", "VCALENDAR")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("ics: write: %w", err)
	}
	return nil
}

// Text escapes s as an iCalendar TEXT value (RFC 5545 §3.3.11): a
// backslash, a semicolon and a comma get a backslash before them, a line
// end is written \n. s is first made visible as every format makes it
// (report.Visible), and the control characters TEXT may not hold (all but
// the tab) are dropped.
func Text(s string) string {
	s = report.Visible(s)
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		switch {
		case r == '\\' || r == ';' || r == ',':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// maxLine is the longest content line in octets, its CRLF not counted
// (RFC 5545 §3.1).
const maxLine = 75

// fold writes a content line, broken into lines of at most maxLine octets,
// each continuation starting with a space; a break never falls inside a
// UTF-8 sequence.
func fold(w *bufio.Writer, line string) {
	limit := maxLine
	for len(line) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		w.WriteString(line[:cut])
		w.WriteString("\r\n ")
		line = line[cut:]
		limit = maxLine - 1 // the space counts
	}
	w.WriteString(line)
	w.WriteString("\r\n")
}
