package schema

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// The words of action-plan dates (spur-model.md: "Action-plan values as users
// write them"), how a text is cut into them, and the calendar arithmetic
// ParseDate needs. All keys are
// lower case; abbreviations are listed without their full stop, which the
// parser skips.

// planMonths maps Swedish month names, full and abbreviated, to months.
var planMonths = map[string]time.Month{
	"januari": 1, "jan": 1,
	"februari": 2, "feb": 2, "febr": 2,
	"mars": 3, "mar": 3,
	"april": 4, "apr": 4,
	"maj":  5,
	"juni": 6, "jun": 6,
	"juli": 7, "jul": 7,
	"augusti": 8, "aug": 8,
	"september": 9, "sep": 9, "sept": 9,
	"oktober": 10, "okt": 10,
	"november": 11, "nov": 11,
	"december": 12, "dec": 12,
}

// season is read as its last month; winter ends in February of the year
// after the one it is named by ("vintern 2025" ends 2026-02-28).
type season struct {
	last     time.Month
	nextYear bool
}

var planSeasons = map[string]season{
	"vår": {5, false}, "våren": {5, false},
	"sommar": {8, false}, "sommaren": {8, false},
	"höst": {11, false}, "hösten": {11, false},
	"vinter": {2, true}, "vintern": {2, true},
}

// planTurns are the turns of the year and of the half year, read as the last
// day before the turn.
var planTurns = map[string]time.Month{
	"årsskiftet": 12, "årsskifte": 12, "nyår": 12, "nyåret": 12, "nyårsskiftet": 12,
	"halvårsskiftet": 6, "halvårsskifte": 6,
}

// planYears are phrases for a whole year, by its distance from the plan's year.
var planYears = map[string]int{
	"i år": 0, "året": 0, "detta år": 0, "innevarande år": 0,
	"årets slut": 0, "årsslut": 0, "årsslutet": 0,
	"nästa år": 1, "nästkommande år": 1,
}

// planParts are the parts of a year ("tredje kvartalet", "andra halvåret"),
// by their length in months; planPartTags precede the part's number ("Q3",
// "kv 3", "H1").
var (
	planParts    = map[string]int{"kvartal": 3, "kvartalet": 3, "halvår": 6, "halvåret": 6}
	planPartTags = map[string]int{"q": 3, "kv": 3, "kvartal": 3, "h": 6}
	planOrdinals = map[string]int{"första": 1, "andra": 2, "tredje": 3, "fjärde": 4}
	planWeekTags = map[string]bool{"v": true, "vecka": true, "veckan": true, "vnr": true, "veckonummer": true}
)

// planUnit is a unit of a relative time: a number of days or of months.
type planUnit struct{ days, months int }

var planUnits = map[string]planUnit{
	"dag": {days: 1}, "dagar": {days: 1}, "dygn": {days: 1},
	"vecka": {days: 7}, "veckor": {days: 7},
	"mån": {months: 1}, "månad": {months: 1}, "månader": {months: 1},
	"kvartal": {months: 3},
	"halvår":  {months: 6},
	"år":      {months: 12},
}

var planNumbers = map[string]int{
	"en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6,
	"sju": 7, "åtta": 8, "nio": 9, "tio": 10, "elva": 11, "tolv": 12,
	"tretton": 13, "fjorton": 14, "femton": 15, "sexton": 16, "sjutton": 17,
	"arton": 18, "aderton": 18, "nitton": 19,
	"tjugo": 20, "trettio": 30, "fyrtio": 40, "femtio": 50, "sextio": 60,
}

var planTens = []string{"tjugo", "trettio", "fyrtio", "femtio", "sextio"}

// numberWord reads a Swedish number word up to 69, compounds included
// ("tjugofyra", "trettiosex").
func numberWord(w string) (int, bool) {
	if n, ok := planNumbers[w]; ok {
		return n, true
	}
	for _, tens := range planTens {
		if rest, ok := strings.CutPrefix(w, tens); ok {
			if n, ok := planNumbers[rest]; ok && n < 10 {
				return planNumbers[tens] + n, true
			}
		}
	}
	return 0, false
}

// A prefix narrows what may follow it: "om" and "efter" count from the plan's
// date, "under" names a period, "före" a day. Filler words allow everything.
type planCat int

const (
	catRel    planCat = 1 << iota // om sex månader
	catExact                      // 31 dec 2025
	catPeriod                     // hösten 2025
	catTurn                       // årsskiftet: a period that is also a point in time
	catAll    = catRel | catExact | catPeriod | catTurn
)

func (c planCat) kind() DateKind {
	switch c {
	case catRel:
		return DateRel
	case catExact:
		return DateExact
	}
	return DatePeriod
}

// planPrefixes are tried in order, so a longer phrase comes before its start.
// "efter sommaren" is after the summer's end, not at it: "efter" takes only
// relative times.
var planPrefixes = []struct {
	words []string
	cats  planCat
}{
	{[]string{"inom", "loppet", "av"}, catRel},
	{[]string{"i", "slutet", "av"}, catPeriod},
	{[]string{"vid", "slutet", "av"}, catPeriod},
	{[]string{"mot", "slutet", "av"}, catPeriod},
	{[]string{"vid", "utgången", "av"}, catPeriod},
	{[]string{"till", "och", "med"}, catExact | catPeriod | catTurn},
	{[]string{"t", "o", "m"}, catExact | catPeriod | catTurn},
	{[]string{"slutet", "av"}, catPeriod},
	{[]string{"utgången", "av"}, catPeriod},
	{[]string{"senast"}, catAll},
	{[]string{"om"}, catRel},
	{[]string{"efter"}, catRel},
	{[]string{"inom"}, catRel | catPeriod | catTurn},
	{[]string{"till"}, catExact | catPeriod | catTurn}, {[]string{"tills"}, catExact | catPeriod | catTurn},
	{[]string{"tom"}, catExact | catPeriod | catTurn},
	{[]string{"under"}, catPeriod}, {[]string{"i"}, catPeriod | catTurn}, {[]string{"vid"}, catPeriod | catTurn},
	{[]string{"per"}, catExact | catTurn}, {[]string{"före"}, catExact | catTurn}, {[]string{"innan"}, catExact | catTurn},
	{[]string{"den"}, catExact},
	{[]string{"ca"}, catAll}, {[]string{"cirka"}, catAll}, {[]string{"ungefär"}, catAll},
	{[]string{"runt"}, catAll}, {[]string{"kring"}, catAll}, {[]string{"preliminärt"}, catAll}, {[]string{"prel"}, catAll},
}

// planStatus are the status words written instead of a date. Ongoing work is
// not done: "pågår" is a status of its own.
var planStatus = map[string]DateKind{
	"genomförd": DateDone, "genomfört": DateDone, "genomförda": DateDone, "genomförts": DateDone,
	"klar": DateDone, "klart": DateDone, "klara": DateDone,
	"avklarad": DateDone, "avklarat": DateDone, "avklarade": DateDone,
	"gjord": DateDone, "gjort": DateDone, "gjorda": DateDone, "gjorts": DateDone,
	"åtgärdad": DateDone, "åtgärdat": DateDone, "åtgärdade": DateDone, "åtgärdats": DateDone,
	"utförd": DateDone, "utfört": DateDone, "utförda": DateDone, "utförts": DateDone,
	"färdig": DateDone, "färdigt": DateDone, "färdiga": DateDone,
	"avslutad": DateDone, "avslutat": DateDone, "avslutade": DateDone,
	"införd": DateDone, "infört": DateDone, "införda": DateDone, "införts": DateDone,
	"implementerad": DateDone, "implementerat": DateDone, "implementerade": DateDone,

	"pågår": DateOngoing, "pågående": DateOngoing,
	"påbörjad": DateOngoing, "påbörjat": DateOngoing, "påbörjade": DateOngoing,
	"löpande": DateOngoing, "fortlöpande": DateOngoing, "kontinuerligt": DateOngoing,
	"under arbete": DateOngoing, "arbete pågår": DateOngoing, "arbetet pågår": DateOngoing,
	"sker löpande": DateOngoing,
}

// planStatusLead may stand before a status word ("redan gjort", "är
// genomförd"). Negations are deliberately absent: "ej klart" is no status.
var planStatusLead = map[string]bool{"redan": true, "är": true, "har": true, "helt": true, "nu": true}

// Calendar arithmetic. Years are read only within 2000–2099: anything else in
// an action plan is a typing error, not a date.

func validYear(y int) bool { return y >= 2000 && y <= 2099 }

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func daysIn(y int, m time.Month) int { return day(y, m+1, 0).Day() }

// mkDate is y-m-d if that is a calendar day.
func mkDate(y int, m time.Month, d int) (time.Time, bool) {
	if m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return time.Time{}, false
	}
	return day(y, m, d), true
}

func monthEnd(y int, m time.Month) (time.Time, bool) {
	if m < 1 || m > 12 {
		return time.Time{}, false
	}
	return day(y, m+1, 0), true
}

// addMonths keeps the day of the month where it can and otherwise takes the
// month's last day: 31 August plus six months is 28 February, not 3 March.
func addMonths(t time.Time, n int) time.Time {
	m := int(t.Month()) - 1 + n
	y, mon := t.Year()+m/12, time.Month(m%12+1)
	return day(y, mon, min(t.Day(), daysIn(y, mon)))
}

// weekEnd is the Sunday of ISO week w of year y.
func weekEnd(y, w int) (time.Time, bool) {
	if w < 1 || w > 53 {
		return time.Time{}, false
	}
	jan4 := day(y, 1, 4)
	sun := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(w-1)+6)
	if yy, ww := sun.ISOWeek(); yy != y || ww != w {
		return time.Time{}, false
	}
	return sun, true
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

func half(w string) bool { return w == "halvt" || w == "halv" }

// oneHalf takes "ett halvt" or "en halv".
func oneHalf(c *pcur) bool {
	w := c.word()
	return (w == "ett" || w == "en") && half(c.word())
}
