package schema

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
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

// composeSwedish writes å, ä and ö composed when they come decomposed (as
// some Mac programs paste them), so that "ho\u0308sten" is "hösten".
var composeSwedish = strings.NewReplacer(
	"a\u030a", "å", "A\u030a", "Å", "a\u0308", "ä", "A\u0308", "Ä", "o\u0308", "ö", "O\u0308", "Ö")

// splitNotes takes the parenthesised (or bracketed) parts out of s. An
// unclosed parenthesis runs to the end; a stray closing one is dropped.
func splitNotes(s string) (main string, notes []string) {
	var b, note strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(' || r == '[':
			if depth > 0 {
				note.WriteRune(r)
			} else {
				b.WriteByte(' ')
			}
			depth++
		case (r == ')' || r == ']') && depth > 0:
			if depth--; depth > 0 {
				note.WriteRune(r)
				continue
			}
			notes = append(notes, strings.TrimSpace(note.String()))
			note.Reset()
		case r == ')' || r == ']':
			b.WriteByte(' ')
		case depth > 0:
			note.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	if depth > 0 {
		notes = append(notes, strings.TrimSpace(note.String()))
	}
	return b.String(), notes
}

func joinNotes(notes []string) string {
	var keep []string
	for _, n := range notes {
		if n != "" {
			keep = append(keep, n)
		}
	}
	return strings.Join(keep, "; ")
}

// trimPlan drops surrounding space, list bullets, quotes and trailing punctuation.
func trimPlan(s string) string {
	s = strings.TrimLeftFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("-–—*•·\"“”«»,;:", r)
	})
	return strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(".,;:!?…-–—\"“”«»", r)
	})
}

// ptok is a word, a number or one punctuation mark of the text.
type ptok struct {
	s        string // lower-cased text; "-" for every dash
	n        int    // the value of a number of up to nine digits
	digits   int    // how many digits a number has; 0 for words and marks
	punct    bool
	space    bool // written after white space
	off, end int  // where it stands in the parser's source
}

func tokenize(s string) []ptok {
	var ts []ptok
	space := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			space, i = true, i+size
			continue
		}
		t := ptok{space: space, off: i, end: i + size}
		switch {
		case r >= '0' && r <= '9':
			for t.end < len(s) && s[t.end] >= '0' && s[t.end] <= '9' {
				t.end++
			}
			t.s, t.digits = s[i:t.end], t.end-i
			for j := 0; j < t.digits && t.digits <= 9; j++ {
				t.n = t.n*10 + int(t.s[j]-'0')
			}
		case unicode.IsLetter(r) || unicode.IsMark(r):
			for t.end < len(s) {
				r, size := utf8.DecodeRuneInString(s[t.end:])
				if !unicode.IsLetter(r) && !unicode.IsMark(r) {
					break
				}
				t.end += size
			}
			t.s = strings.ToLower(s[i:t.end])
		default:
			t.s, t.punct = s[i:t.end], true
			switch r {
			case '–', '—', '‐', '−':
				t.s = "-"
			case '’', '´', '`':
				t.s = "'"
			}
		}
		ts = append(ts, t)
		space, i = false, t.end
	}
	return ts
}

// pcur walks tokens; forms that backtrack copy it.
type pcur struct {
	ts []ptok
	i  int
}

func (c *pcur) end() bool { return c.i >= len(c.ts) }

// word takes a word and a full stop written right after it ("dec.", "v.").
func (c *pcur) word() string {
	if c.end() || c.ts[c.i].punct || c.ts[c.i].digits > 0 {
		return ""
	}
	w := c.ts[c.i].s
	c.i++
	if !c.end() && c.ts[c.i].s == "." && !c.ts[c.i].space {
		c.i++
	}
	return w
}

// num takes a number of at most max digits and says how many it had (0: none).
func (c *pcur) num(max int) (n, digits int) {
	if c.end() || c.ts[c.i].digits == 0 || c.ts[c.i].digits > max {
		return 0, 0
	}
	c.i++
	return c.ts[c.i-1].n, c.ts[c.i-1].digits
}

// mark takes a punctuation mark out of set.
func (c *pcur) mark(set string) (string, bool) {
	if c.end() || !c.ts[c.i].punct || !strings.Contains(set, c.ts[c.i].s) {
		return "", false
	}
	c.i++
	return c.ts[c.i-1].s, true
}

// attached says whether the next token is written without space before it.
func (c *pcur) attached() bool { return !c.end() && !c.ts[c.i].space }

// ordinal skips the ending of an ordinal number: "31:a", "3:e", "1a".
func (c *pcur) ordinal() bool {
	save := *c
	if c.attached() && c.ts[c.i].s == ":" {
		c.i++
	}
	if c.attached() && (c.ts[c.i].s == "a" || c.ts[c.i].s == "e") {
		c.i++
		return true
	}
	*c = save
	return false
}

// year reads the rest as an optional year: "2025", ", 2025", "-25", "'25";
// with span also "2025/2026" and "25/26", read as the first year. has is
// false when there is none; ok is false when the rest is something else.
func (c pcur) year(span bool) (y int, has, ok bool) {
	if c.end() {
		return 0, false, true
	}
	sep, _ := c.mark(",-/.'")
	n, digits := c.num(4)
	switch {
	case digits == 4 && validYear(n):
		y = n
	case digits == 2 && (sep != "" && sep != "," || span && !c.end() && c.ts[c.i].s == "/"):
		y = 2000 + n
	default:
		return 0, false, false
	}
	if span && !c.end() {
		if _, ok := c.mark("/"); !ok {
			return 0, false, false
		}
		n, digits := c.num(4)
		if !(digits == 4 && n == y+1 || digits == 2 && n == (y+1)%100) {
			return 0, false, false
		}
	}
	return y, true, c.end()
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
	case "-", ":", ".":
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
	case da == 0 || db == 0 || !ok:
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
	case da <= 2 && db <= 2 && sep != "-":
		if y, has, ok := c.year(false); ok {
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
		cat = catPeriod
		end func(y int) (time.Time, bool)
	)
	span := false
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
	if u.months > 0 {
		if halves*u.months%2 != 0 {
			return 0, time.Time{}, false
		}
		return catRel, addMonths(p.base, halves*u.months/2), true
	}
	if halves%2 != 0 {
		return 0, time.Time{}, false
	}
	return catRel, p.base.AddDate(0, 0, halves/2*u.days), true
}

func half(w string) bool { return w == "halvt" || w == "halv" }

// oneHalf takes "ett halvt" or "en halv".
func oneHalf(c *pcur) bool {
	w := c.word()
	return (w == "ett" || w == "en") && half(c.word())
}
