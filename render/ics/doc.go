// Package ics writes iCalendar files (RFC 5545): the calendar of spur
// followup, one all-day event per date of an action that can be read and
// one per unit's next visit, for a coordinator's calendar to subscribe to.
//
// # What it owns
//
// The format: content lines ended by CRLF and folded at 75 octets, never
// inside a UTF-8 sequence (§3.1); TEXT values escaped (§3.3.11: backslash,
// semicolon, comma, line end); all-day events as DTSTART;VALUE=DATE with
// DTEND the next day (§3.6.1); DTSTAMP in UTC.
//
// # What it must not do
//
// It reads no clock: DTSTAMP is the calendar's Stamp, so the same calendar
// gives the same bytes in every run. It opens no files and writes only to
// the io.Writer given. It decides nothing about what an event says: the
// events of the follow-up list are made by package followup (view.Event).
//
//	err := ics.Write(w, ics.Calendar{ProdID: "-//spur//followup//SV", Stamp: day, Events: evs})
package ics
