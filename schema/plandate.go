package schema

import (
	"strings"
	"time"
)

// DateKind says what a date-like text in an action plan was read as.
type DateKind string

const (
	DateNone    DateKind = ""         // nothing could be read
	DateExact   DateKind = "date"     // a calendar day: 20251231, 251231, 2025-12-31, 31 dec 2027, 15 april
	DateRel     DateKind = "relative" // counted from the plan's date: om sex månader, inom ett år
	DatePeriod  DateKind = "period"   // a vaguer time, read as the period's last day: hösten 2025, i mars, Q3 2025
	DateDone    DateKind = "done"     // a status word instead of a date: genomförd, klart, redan gjort
	DateOngoing DateKind = "ongoing"  // work under way, which is not done: pågår, pågående, löpande
)

// PlanDate is the normalised reading of such a text.
type PlanDate struct {
	Kind DateKind
	Date time.Time // the day the text denotes (UTC midnight); zero for DateNone, DateDone and DateOngoing
	Note string    // a remark the text carried, e.g. "se bilaga" from "genomförd (se bilaga)"; trimmed, may be empty
}

// String gives the normalised value as a person reads it: "2025-12-31",
// "genomförd", "pågår", or "" for DateNone.
func (d PlanDate) String() string {
	switch d.Kind {
	case DateExact, DateRel, DatePeriod:
		return d.Date.Format(time.DateOnly)
	case DateDone:
		return "genomförd"
	case DateOngoing:
		return "pågår"
	}
	return ""
}

// ParseDate reads text as an action-plan date (spur-model.md: "Action-plan
// values as users write them"). base is the date of the plan (day precision,
// UTC), used for relative expressions and for dates written without a year
// (the next such date on or after base); with a zero base those cannot be
// read. ok is false when nothing could be read (Kind == DateNone). It never
// panics, for any input.
//
// The whole text must be one clear reading: prose around a date gives none,
// since a wrong date is worse than a warning. Text in parentheses is a note;
// so is what follows a status word or a reading after a comma ("genomförd,
// se bilaga", "hösten 2025, om möjligt").
func ParseDate(text string, base time.Time) (d PlanDate, ok bool) {
	if !base.IsZero() {
		base = day(base.Year(), base.Month(), base.Day())
	}
	main, notes := splitNotes(composeSwedish.Replace(text))
	if main = trimPlan(main); main == "" {
		main, notes = trimPlan(strings.Join(notes, " ")), nil
	}
	p := planParser{src: main, ts: tokenize(main), base: base}
	if d, ok = p.parse(); !ok {
		return PlanDate{}, false
	}
	d.Note = joinNotes(append([]string{d.Note}, notes...))
	return d, true
}

type planParser struct {
	src  string
	ts   []ptok
	base time.Time
}

// parse reads the whole text, or else the longest part before a separator
// that reads, the rest becoming a note.
func (p *planParser) parse() (PlanDate, bool) {
	if d, ok := p.reading(p.ts); ok {
		return d, true
	}
	for k := len(p.ts) - 1; k > 0; k-- {
		if !p.separator(k) {
			continue
		}
		if d, ok := p.reading(p.ts[:k]); ok {
			d.Note = joinNotes([]string{d.Note, trimPlan(p.src[p.ts[k].end:])})
			return d, true
		}
	}
	return PlanDate{}, false
}

func (p *planParser) separator(k int) bool {
	switch p.ts[k].s {
	case ",", ";":
		return p.ts[k].punct
	case ":", ".": // not "-": "2025-05-20 - 2025-06-30" is a range, which has no one reading
		return k+1 < len(p.ts) && p.ts[k+1].space
	}
	return false
}

// text is the source of ts, which must not be empty.
func (p *planParser) text(ts []ptok) string { return p.src[ts[0].off:ts[len(ts)-1].end] }

func (p *planParser) reading(ts []ptok) (PlanDate, bool) {
	if len(ts) == 0 {
		return PlanDate{}, false
	}
	i := 0
	for i < len(ts) && planStatusLead[ts[i].s] {
		i++
	}
	for n := 2; n > 0; n-- {
		if i+n > len(ts) {
			continue
		}
		words := make([]string, n)
		for j := range words {
			words[j] = ts[i+j].s
		}
		if kind, ok := planStatus[strings.Join(words, " ")]; ok {
			return p.status(kind, ts, i+n)
		}
	}
	return p.dated(ts)
}

// status reads what follows a status word: nothing, a note after a
// separator, or a date. A date on or before the plan's says when it was done
// ("genomförd 2025-03-01") and is kept as the note; a later one is when it
// will be ("klart till hösten"), and is the reading.
func (p *planParser) status(kind DateKind, ts []ptok, n int) (PlanDate, bool) {
	d := PlanDate{Kind: kind}
	if n == len(ts) {
		return d, true
	}
	if t := ts[n]; t.punct && strings.Contains(",;:-./", t.s) {
		if n+1 < len(ts) {
			d.Note = trimPlan(p.text(ts[n+1:]))
		}
		return d, true
	}
	r, ok := p.dated(ts[n:])
	switch {
	case !ok:
		return PlanDate{}, false
	case p.base.IsZero() || !r.Date.After(p.base):
		d.Note = p.text(ts[n:])
		return d, true
	}
	return r, true
}

// dated reads ts as prefixes and a date form, which the prefixes must allow.
func (p *planParser) dated(ts []ptok) (PlanDate, bool) {
	if len(ts) > 16 {
		return PlanDate{}, false
	}
	cats := catAll
	for i := 0; i < len(ts); {
		if c, t, ok := p.form(ts[i:]); ok && c&cats != 0 {
			return PlanDate{Kind: c.kind(), Date: t}, true
		}
		n, allowed := prefix(ts[i:])
		if n == 0 {
			break
		}
		i, cats = i+n, cats&allowed
	}
	return PlanDate{}, false
}

// prefix says how many tokens a prefix at the start of ts takes, and what it allows.
func prefix(ts []ptok) (int, planCat) {
next:
	for _, pre := range planPrefixes {
		c := pcur{ts: ts}
		for _, w := range pre.words {
			if c.word() != w {
				continue next
			}
		}
		return c.i, pre.cats
	}
	return 0, 0
}

type planForm func(p *planParser, ts []ptok) (planCat, time.Time, bool)

var planForms = []planForm{(*planParser).phrase, (*planParser).numeric, (*planParser).named, (*planParser).relative}

func (p *planParser) form(ts []ptok) (planCat, time.Time, bool) {
	for _, f := range planForms {
		if c, t, ok := f(p, ts); ok {
			return c, t, true
		}
	}
	return 0, time.Time{}, false
}

// at is end(y) for a year written, or else the first end on or after the plan's date.
func (p *planParser) at(y int, has bool, end func(y int) (time.Time, bool)) (time.Time, bool) {
	if has {
		return end(y)
	}
	if p.base.IsZero() {
		return time.Time{}, false
	}
	for y := p.base.Year() - 1; y <= p.base.Year()+8; y++ {
		if t, ok := end(y); ok && !t.Before(p.base) {
			return t, true
		}
	}
	return time.Time{}, false
}

// phrase reads the fixed phrases for a year: "i år", "nästa år".
func (p *planParser) phrase(ts []ptok) (planCat, time.Time, bool) {
	if len(ts) > 2 || p.base.IsZero() {
		return 0, time.Time{}, false
	}
	words := make([]string, len(ts))
	for i, t := range ts {
		words[i] = t.s
	}
	off, ok := planYears[strings.Join(words, " ")]
	return catPeriod, day(p.base.Year()+off, 12, 31), ok
}

// numeric reads 20251231, 251231, 2025-12-31, 2025/12/31, 2025-12, 12/2025,
// 31/12 2025, 31.12.2025 and 31/12.
func (p *planParser) numeric(ts []ptok) (planCat, time.Time, bool) {
	if len(ts) == 1 && (ts[0].digits == 8 || ts[0].digits == 6) {
		n, y := ts[0].n, ts[0].n/10000
		if ts[0].digits == 6 {
			y += 2000
		}
		t, ok := mkDate(y, time.Month(n/100%100), n%100)
		return catExact, t, ok && validYear(y)
	}
	c := pcur{ts: ts}
	a, da := c.num(4)
	sep, ok := c.mark("-/.")
	b, db := c.num(4)
	switch {
	case da == 0 || db == 0 || !ok: // not two numbers and a mark
	case da == 4 && db <= 2 && c.end() && validYear(a):
		t, ok := monthEnd(a, time.Month(b))
		return catPeriod, t, ok
	case da == 4 && db <= 2 && validYear(a):
		if _, ok := c.mark("-/."); ok {
			d, dd := c.num(2)
			t, ok := mkDate(a, time.Month(b), d)
			return catExact, t, ok && dd > 0 && c.end()
		}
	case da <= 2 && db == 4 && sep != "." && c.end() && validYear(b):
		t, ok := monthEnd(b, time.Month(a))
		return catPeriod, t, ok
	case da <= 2 && db <= 2:
		// Only 31/12 may leave out the year: 1.5 and 6-12 are too often not dates.
		if y, has, ok := c.year(false); ok && (has || sep == "/") {
			t, ok := p.at(y, has, func(y int) (time.Time, bool) { return mkDate(y, time.Month(b), a) })
			return catExact, t, ok
		}
	}
	return 0, time.Time{}, false
}

// named reads the forms with words: 31 dec 2027, 15 april, december 2025,
// hösten 2025, årsskiftet, vecka 45, Q3 2025, andra halvåret, 2026, år 2026.
func (p *planParser) named(ts []ptok) (planCat, time.Time, bool) {
	c := pcur{ts: ts}
	n, digits := c.num(4)
	if digits == 4 && c.end() && validYear(n) {
		return catPeriod, day(n, 12, 31), true
	}
	ordinal := digits > 0 && digits <= 2 && c.ordinal()
	w := c.word()
	if digits == 0 {
		ordinal = planOrdinals[w] > 0
		if n = planOrdinals[w]; ordinal {
			w = c.word()
		}
	}
	var (
		cat  = catPeriod
		end  func(y int) (time.Time, bool)
		span bool // a year may be written 2025/2026
	)
	m, month := planMonths[w]
	s, isSeason := planSeasons[w]
	turn, isTurn := planTurns[w]
	switch {
	case digits > 2:
		return 0, time.Time{}, false
	case month && digits > 0:
		cat, end = catExact, func(y int) (time.Time, bool) { return mkDate(y, m, n) }
	case month && !ordinal:
		end = func(y int) (time.Time, bool) { return monthEnd(y, m) }
	case isSeason && digits == 0 && !ordinal:
		span = s.nextYear
		end = func(y int) (time.Time, bool) {
			if s.nextYear {
				y++
			}
			return monthEnd(y, s.last)
		}
	case isTurn && digits == 0 && !ordinal:
		cat, span = catTurn, true
		end = func(y int) (time.Time, bool) { return monthEnd(y, turn) }
	case ordinal && planParts[w] > 0:
		end = p.part(n, planParts[w])
	case digits == 0 && planPartTags[w] > 0:
		size := planPartTags[w]
		n, digits = c.num(1)
		if digits == 0 {
			return 0, time.Time{}, false
		}
		end = p.part(n, size)
	case digits == 0 && planWeekTags[w]:
		if save := c; c.word() != "nr" {
			c = save
		}
		n, digits = c.num(2)
		if digits == 0 {
			return 0, time.Time{}, false
		}
		end = func(y int) (time.Time, bool) { return weekEnd(y, n) }
	case digits == 0 && w == "år":
		if n, digits := c.num(4); digits == 4 && c.end() && validYear(n) {
			return catPeriod, day(n, 12, 31), true
		}
		return 0, time.Time{}, false
	default:
		return 0, time.Time{}, false
	}
	y, has, ok := c.year(span)
	if !ok {
		return 0, time.Time{}, false
	}
	t, ok := p.at(y, has, end)
	return cat, t, ok
}

// part is the end of the n-th part of size months of a year: a quarter or a half.
func (p *planParser) part(n, size int) func(y int) (time.Time, bool) {
	return func(y int) (time.Time, bool) {
		if n < 1 || n*size > 12 {
			return time.Time{}, false
		}
		return monthEnd(y, time.Month(n*size))
	}
}

// relative reads an amount and a unit: sex månader, 3 mån, ett år, 1,5 år,
// ett och ett halvt år, ett halvår, två veckor, 30 dagar.
func (p *planParser) relative(ts []ptok) (planCat, time.Time, bool) {
	if p.base.IsZero() || len(ts) > 6 {
		return 0, time.Time{}, false
	}
	c := pcur{ts: ts}
	halves := 0 // the amount, in halves
	if n, digits := c.num(3); digits > 0 {
		halves = 2 * n
		if save := c; c.attached() {
			_, comma := c.mark(",.")
			if f, digits := c.num(1); comma && digits == 1 && f == 5 && !c.ts[c.i-1].space {
				halves++
			} else {
				c = save
			}
		}
	} else {
		w := c.word()
		if n, ok := numberWord(w); ok {
			halves = 2 * n
			save := c
			if c.word() == "och" && oneHalf(&c) {
				halves++
			} else {
				c = save
			}
		}
		if save := c; (w == "ett" || w == "en") && !half(c.word()) {
			c = save
		} else if w == "ett" || w == "en" {
			halves = 1
		}
	}
	u, ok := planUnits[c.word()]
	if !ok || halves == 0 || !c.end() {
		return 0, time.Time{}, false
	}
	var t time.Time
	switch {
	case u.months > 0 && halves*u.months%2 == 0:
		t = addMonths(p.base, halves*u.months/2)
	case u.days > 0 && halves%2 == 0:
		t = p.base.AddDate(0, 0, halves/2*u.days)
	default:
		return 0, time.Time{}, false
	}
	// No plan looks further ahead than this; "om 999 år" is a typing error.
	return catRel, t, !t.After(addMonths(p.base, 12*planHorizon))
}

// planHorizon is how many years ahead a relative time may reach.
const planHorizon = 10
