package workbook

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"spur/schema"
)

// Dates typed into a spreadsheet: Excel and LibreOffice turn "2025-12-31"
// typed into a cell of the General format into a number, the days since
// 1899-12-30, shown through a date format. The template formats its input
// cells as text so that this does not happen; a pasted or converted value
// may still come as a date, and is then read back as YYYY-MM-DD.

func parseNumber(s string) (float64, bool) {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	return f, err == nil && !math.IsInf(f, 0) && !math.IsNaN(f)
}

// excelEpoch is day 0 of Excel's 1900 date system, as the serials after
// February 1900 count (Excel counts a 29 February 1900 that never was).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// fromSerial reads an Excel date serial: the day, and the text a person
// would have typed for it (YYYY-MM-DD, with the time where there is one).
func fromSerial(f float64) (schema.Date, string, bool) {
	if f < 61 || f >= 2958466 { // before March 1900 or after 9999
		return schema.Date{}, "", false
	}
	days := math.Floor(f)
	t := excelEpoch.AddDate(0, 0, int(days))
	d := schema.NewDate(t.Year(), t.Month(), t.Day())
	secs := int(math.Round((f - days) * 86400))
	if secs == 0 || secs >= 86400 {
		return d, d.String(), true
	}
	return d, fmt.Sprintf("%s %02d:%02d", d, secs/3600, secs/60%60), true
}

// isoCell reads the value of a cell of type d (an ISO 8601 date).
func isoCell(v string) (schema.Date, string, bool) {
	if len(v) < 10 {
		return schema.Date{}, "", false
	}
	d, ok := schema.ParseISODate(v[:10])
	if !ok {
		return schema.Date{}, "", false
	}
	rest := strings.TrimSuffix(strings.TrimPrefix(v[10:], "T"), "Z")
	if rest == "" || strings.Trim(rest, "0:.") == "" {
		return d, d.String(), true
	}
	if len(rest) >= 5 {
		rest = rest[:5]
	}
	return d, d.String() + " " + rest, true
}

// builtinDateFormat reports whether a built-in number format id shows a
// date (ECMA-376 part 1, 18.8.30, with the East Asian ids).
func builtinDateFormat(id int) bool {
	return id >= 14 && id <= 22 || id >= 27 && id <= 36 || id >= 45 && id <= 47 || id >= 50 && id <= 58
}

// dateFormatCode reports whether a custom number format code shows a date:
// it has a day, month or year once quoted text, escapes, colours and locale
// tags are taken out. A time of day alone is not a date.
func dateFormatCode(code string) bool {
	code = strings.ToLower(code)
	if code == "general" || code == "@" {
		return false
	}
	var b strings.Builder
	for i := 0; i < len(code); i++ {
		switch c := code[i]; c {
		case '"':
			if j := strings.IndexByte(code[i+1:], '"'); j >= 0 {
				i += j + 1
			} else {
				i = len(code)
			}
		case '[':
			if j := strings.IndexByte(code[i+1:], ']'); j >= 0 {
				i += j + 1
			} else {
				i = len(code)
			}
		case '\\', '_', '*':
			i++ // an escaped, padding or fill character
		default:
			b.WriteByte(c)
		}
	}
	s := strings.NewReplacer("am/pm", "", "a/p", "").Replace(b.String())
	// m is a month unless hours or seconds make it minutes.
	return strings.ContainsAny(s, "yd") || strings.Contains(s, "m") && !strings.ContainsAny(s, "hs")
}

// dateOfCell is the date a plan date field states by its type: a date
// cell, or a plain number that reads as nothing else and lies where an
// Excel date serial of this century does ("46022" is 2025-12-31).
func dateOfCell(c cell, base schema.Date, diags *schema.Diagnostics) schema.Date {
	if !c.date.IsZero() {
		return c.date
	}
	if !c.number || c.serial != math.Trunc(c.serial) || c.serial < 36526 || c.serial > 73050 {
		return schema.Date{}
	}
	if _, ok := schema.ParseDate(c.text, base.Time()); ok {
		return schema.Date{}
	}
	d, _, ok := fromSerial(c.serial)
	if ok {
		diags.Warnf(c.pos, "%s is read as an Excel date serial, %s; if that is wrong, write the date as text, e.g. 2025-12-31", schema.Clip(c.text), d)
	}
	return d
}

// suggest returns "; did you mean X?" for the candidate nearest to s, or "".
func suggest(s string, candidates []string) string {
	best, bestDist := "", 0
	ls := normWord(s)
	for _, c := range candidates {
		d := schema.EditDistance(ls, normWord(c))
		limit := max(1, utf8.RuneCountInString(c)/3)
		if d <= limit && (best == "" || d < bestDist) {
			best, bestDist = c, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", schema.Clip(best))
}
