package schema

import (
	"strings"
	"testing"
	"time"
)

// planBase is the plan's date in the examples of spur-model.md and load_test.go.
var planBase = day(2025, 5, 20)

func TestParseDate(t *testing.T) {
	tests := []struct {
		name, text string
		kind       DateKind
		want       string // String() of the reading
		note       string
	}{
		// Exact days.
		{"compact YYYYMMDD", "20251231", DateExact, "2025-12-31", ""},
		{"compact YYMMDD", "251231", DateExact, "2025-12-31", ""},
		{"ISO", "2025-12-31", DateExact, "2025-12-31", ""},
		{"ISO short parts", "2026-1-5", DateExact, "2026-01-05", ""},
		{"ISO slashes", "2025/12/31", DateExact, "2025-12-31", ""},
		{"ISO dots", "2025.12.31", DateExact, "2025-12-31", ""},
		{"day/month year", "31/12 2025", DateExact, "2025-12-31", ""},
		{"day/month-year", "31/12-2025", DateExact, "2025-12-31", ""},
		{"day/month/year", "31/12/2025", DateExact, "2025-12-31", ""},
		{"day/month-yy", "31/12-25", DateExact, "2025-12-31", ""},
		{"day.month.year", "31.12.2025", DateExact, "2025-12-31", ""},
		{"day-month-year", "31-12-2025", DateExact, "2025-12-31", ""},
		{"day/month without year", "31/12", DateExact, "2025-12-31", ""},
		{"day/month passed this year", "1/3", DateExact, "2026-03-01", ""},
		{"day month year", "31 dec 2027", DateExact, "2027-12-31", ""},
		{"abbreviation with dot", "31 dec. 2027", DateExact, "2027-12-31", ""},
		{"full month and comma", "31 december, 2025", DateExact, "2025-12-31", ""},
		{"ordinal", "den 31:a december 2025", DateExact, "2025-12-31", ""},
		{"ordinal e", "1:e juli", DateExact, "2025-07-01", ""},
		{"upper case", "31 DECEMBER 2025", DateExact, "2025-12-31", ""},
		{"year-less passed", "15 april", DateExact, "2026-04-15", ""},
		{"year-less ahead", "15 juni", DateExact, "2025-06-15", ""},
		{"year-less on base", "20 maj", DateExact, "2025-05-20", ""},
		{"year-less yesterday", "19 maj", DateExact, "2026-05-19", ""},
		{"sept", "1 sept", DateExact, "2025-09-01", ""},
		{"mar", "1 mar 2026", DateExact, "2026-03-01", ""},
		{"okt", "15 okt.", DateExact, "2025-10-15", ""},
		{"leap day year-less", "29 feb", DateExact, "2028-02-29", ""},
		{"senast", "senast 2025-12-31", DateExact, "2025-12-31", ""},
		{"senast den", "Senast den 30 september 2025.", DateExact, "2025-09-30", ""},
		{"till och med", "t.o.m. 31/12", DateExact, "2025-12-31", ""},
		{"före", "före 1 okt", DateExact, "2025-10-01", ""},
		{"decomposed ö", "31 dec 2025 (ho\u0308st)", DateExact, "2025-12-31", "höst"},

		// Relative, counted from the plan's date.
		{"om sex månader", "om sex månader", DateRel, "2025-11-20", ""},
		{"om 3 månader", "om 3 månader", DateRel, "2025-08-20", ""},
		{"inom ett år", "inom ett år", DateRel, "2026-05-20", ""},
		{"om två veckor", "om två veckor", DateRel, "2025-06-03", ""},
		{"days", "inom 30 dagar", DateRel, "2025-06-19", ""},
		{"one day", "om en dag", DateRel, "2025-05-21", ""},
		{"elva", "om elva månader", DateRel, "2026-04-20", ""},
		{"tolv", "om tolv månader", DateRel, "2026-05-20", ""},
		{"arton", "inom arton månader", DateRel, "2026-11-20", ""},
		{"tjugofyra", "om tjugofyra månader", DateRel, "2027-05-20", ""},
		{"mån", "6 mån", DateRel, "2025-11-20", ""},
		{"no prefix", "ett år", DateRel, "2026-05-20", ""},
		{"efter", "efter 6 månader", DateRel, "2025-11-20", ""},
		{"senast om", "senast om tre månader", DateRel, "2025-08-20", ""},
		{"ca", "om ca 6 månader", DateRel, "2025-11-20", ""},
		{"halvår", "om ett halvår", DateRel, "2025-11-20", ""},
		{"halvt år", "inom ett halvt år", DateRel, "2025-11-20", ""},
		{"och ett halvt år", "om ett och ett halvt år", DateRel, "2026-11-20", ""},
		{"decimal year", "inom 1,5 år", DateRel, "2026-11-20", ""},
		{"kvartal", "om ett kvartal", DateRel, "2025-08-20", ""},
		{"inom loppet av", "inom loppet av ett år", DateRel, "2026-05-20", ""},

		// Periods, read as their last day.
		{"season and year", "hösten 2025", DatePeriod, "2025-11-30", ""},
		{"under våren", "under våren", DatePeriod, "2025-05-31", ""},
		{"våren this year", "våren 2025", DatePeriod, "2025-05-31", ""},
		{"till sommaren", "till sommaren", DatePeriod, "2025-08-31", ""},
		{"i höst", "i höst", DatePeriod, "2025-11-30", ""},
		{"vintern", "vintern", DatePeriod, "2026-02-28", ""},
		{"vintern year", "vintern 2027", DatePeriod, "2028-02-29", ""},
		{"vintern span", "vintern 2025/2026", DatePeriod, "2026-02-28", ""},
		{"vintern short span", "under vintern 25/26", DatePeriod, "2026-02-28", ""},
		{"season dash year", "hösten -25", DatePeriod, "2025-11-30", ""},
		{"under year", "under 2026", DatePeriod, "2026-12-31", ""},
		{"bare year", "2026", DatePeriod, "2026-12-31", ""},
		{"år year", "år 2026", DatePeriod, "2026-12-31", ""},
		{"i mars", "i mars", DatePeriod, "2026-03-31", ""},
		{"month and year", "december 2025", DatePeriod, "2025-12-31", ""},
		{"month this year", "maj", DatePeriod, "2025-05-31", ""},
		{"ISO month", "2025-12", DatePeriod, "2025-12-31", ""},
		{"month/year", "6/2026", DatePeriod, "2026-06-30", ""},
		{"Q3", "Q3 2025", DatePeriod, "2025-09-30", ""},
		{"Q1 year-less", "Q1", DatePeriod, "2026-03-31", ""},
		{"kv", "kv. 4 2025", DatePeriod, "2025-12-31", ""},
		{"tredje kvartalet", "tredje kvartalet 2026", DatePeriod, "2026-09-30", ""},
		{"3:e kvartalet", "3:e kvartalet", DatePeriod, "2025-09-30", ""},
		{"första halvåret", "första halvåret 2026", DatePeriod, "2026-06-30", ""},
		{"andra halvåret", "under andra halvåret", DatePeriod, "2025-12-31", ""},
		{"H1", "H1 2026", DatePeriod, "2026-06-30", ""},
		{"årsskiftet", "till årsskiftet", DatePeriod, "2025-12-31", ""},
		{"årsskiftet span", "vid årsskiftet 2025/2026", DatePeriod, "2025-12-31", ""},
		{"halvårsskiftet", "halvårsskiftet", DatePeriod, "2025-06-30", ""},
		{"halvårsskiftet year", "före halvårsskiftet 2026", DatePeriod, "2026-06-30", ""},
		{"i år", "i år", DatePeriod, "2025-12-31", ""},
		{"under året", "under året", DatePeriod, "2025-12-31", ""},
		{"nästa år", "under nästa år", DatePeriod, "2026-12-31", ""},
		{"slutet av året", "i slutet av året", DatePeriod, "2025-12-31", ""},
		{"slutet av month", "slutet av mars 2026", DatePeriod, "2026-03-31", ""},
		{"week", "vecka 45", DatePeriod, "2025-11-09", ""},
		{"week v.", "v.45 2026", DatePeriod, "2026-11-08", ""},
		{"week passed", "v 2", DatePeriod, "2026-01-11", ""},
		{"week 53", "v 53", DatePeriod, "2027-01-03", ""},

		// Status words and notes.
		{"genomförd", "genomförd", DateDone, "genomförd", ""},
		{"genomfört", "Genomfört", DateDone, "genomförd", ""},
		{"klart", "klart", DateDone, "genomförd", ""},
		{"klar", "Klar!", DateDone, "genomförd", ""},
		{"redan gjort", "redan gjort", DateDone, "genomförd", ""},
		{"åtgärdat", "Åtgärdat", DateDone, "genomförd", ""},
		{"är genomförd", "Är genomförd.", DateDone, "genomförd", ""},
		{"note in parentheses", "genomförd (rutin bifogad)", DateDone, "genomförd", "rutin bifogad"},
		{"se bilaga", "Genomförd (se bilaga)", DateDone, "genomförd", "se bilaga"},
		{"note after comma", "Genomfört, se bilaga 3", DateDone, "genomförd", "se bilaga 3"},
		{"note after dash", "klart - rutinen är uppdaterad", DateDone, "genomförd", "rutinen är uppdaterad"},
		{"done on a past date", "genomförd 2025-03-01", DateDone, "genomförd", "2025-03-01"},
		{"done by a future date", "genomförd 2025-12-31", DateExact, "2025-12-31", ""},
		{"klart till", "klart till hösten", DatePeriod, "2025-11-30", ""},
		{"only a note", "(genomförd)", DateDone, "genomförd", ""},
		{"pågår", "pågår", DateOngoing, "pågår", ""},
		{"pågående", "Pågående", DateOngoing, "pågår", ""},
		{"arbete pågår", "arbete pågår (se bilaga)", DateOngoing, "pågår", "se bilaga"},
		{"löpande", "löpande", DateOngoing, "pågår", ""},
		{"date and note", "2025-12-31 (prel.)", DateExact, "2025-12-31", "prel."},
		{"two notes", "hösten 2025 (a) [b]", DatePeriod, "2025-11-30", "a; b"},
		{"unclosed note", "hösten 2025 (se plan", DatePeriod, "2025-11-30", "se plan"},
		{"reading then remark", "hösten 2025, om möjligt", DatePeriod, "2025-11-30", "om möjligt"},
		{"first of two dates", "2025-06-30, 2025-12-31", DateExact, "2025-06-30", "2025-12-31"},
		{"spaces and bullet", "  - 20251231 ;", DateExact, "2025-12-31", ""},
		{"NBSP", "31\u00a0dec\u00a02027", DateExact, "2027-12-31", ""},

		// Nothing to read.
		{"empty", "", DateNone, "", ""},
		{"blank", "  \t ", DateNone, "", ""},
		{"bare number", "6", DateNone, "", ""},
		{"bare two digits", "12", DateNone, "", ""},
		{"number without unit", "om 6", DateNone, "", ""},
		{"invalid compact", "20250230", DateNone, "", ""},
		{"invalid short compact", "250230", DateNone, "", ""},
		{"invalid ISO", "2025-02-30", DateNone, "", ""},
		{"invalid month", "2025-13-01", DateNone, "", ""},
		{"invalid day month", "31 april 2025", DateNone, "", ""},
		{"invalid day/month", "31/4", DateNone, "", ""},
		{"not a leap year", "29 feb 2025", DateNone, "", ""},
		{"year out of range", "1999", DateNone, "", ""},
		{"seven digits", "2025123", DateNone, "", ""},
		{"prose", "Utbildningen planeras till hösten men datum ej klart", DateNone, "", ""},
		{"negated status", "ej klart", DateNone, "", ""},
		{"status with prose", "klart när personal finns", DateNone, "", ""},
		{"partly done", "delvis genomförd", DateNone, "", ""},
		{"two dates", "2025-06-30 och 2025-12-31", DateNone, "", ""},
		{"range", "om 6-12 månader", DateNone, "", ""},
		{"duration, not deadline", "i sex månader", DateNone, "", ""},
		{"after a season", "efter sommaren", DateNone, "", ""},
		{"vague", "snarast", DateNone, "", ""},
		{"some months", "om några månader", DateNone, "", ""},
		{"week 54", "vecka 54", DateNone, "", ""},
		{"Q5", "Q5 2025", DateNone, "", ""},
		{"a role", "Verksamhetschefen", DateNone, "", ""},
		{"dash only", "-", DateNone, "", ""},
		{"half a month", "om en halv månad", DateNone, "", ""},
		{"decimal other than half", "om 1,7 år", DateNone, "", ""},
		{"decimal-looking day.month", "1.5", DateNone, "", ""},
		{"day-month without year", "6-12", DateNone, "", ""},
		{"a range", "2025-05-20 - 2025-06-30", DateNone, "", ""},
		{"too far ahead", "om 999 år", DateNone, "", ""},
		{"zero amount", "om 0 månader", DateNone, "", ""},
		{"time of day", "kl 10.00", DateNone, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ok := ParseDate(tt.text, planBase)
			if d.Kind != tt.kind || d.String() != tt.want || d.Note != tt.note || ok != (tt.kind != DateNone) {
				t.Errorf("ParseDate(%q) = %+v (%q), %t; want %s %q note %q", tt.text, d, d, ok, tt.kind, tt.want, tt.note)
			}
		})
	}
}

func TestParseDateBase(t *testing.T) {
	tests := []struct {
		name, text string
		base       time.Time
		want       string // "" for none
	}{
		{"months clamp to the month's end", "om sex månader", day(2025, 8, 31), "2026-02-28"},
		{"year from leap day", "om ett år", day(2024, 2, 29), "2025-02-28"},
		{"base with a clock", "om 3 månader", time.Date(2025, 5, 20, 23, 59, 0, 0, time.UTC), "2025-08-20"},
		{"base in another zone keeps its day", "15 juni", time.Date(2025, 6, 15, 0, 30, 0, 0, time.FixedZone("CEST", 7200)), "2025-06-15"},
		{"vintern before it ends", "vintern", day(2025, 1, 15), "2025-02-28"},
		{"våren after it ended", "under våren", day(2025, 6, 1), "2026-05-31"},
		{"årsskiftet in December", "årsskiftet", day(2025, 12, 31), "2025-12-31"},
		{"week 1 in late December", "v 1", day(2025, 12, 29), "2026-01-04"},
		{"zero base: full date", "2025-12-31", time.Time{}, "2025-12-31"},
		{"zero base: period with year", "hösten 2025", time.Time{}, "2025-11-30"},
		{"zero base: relative", "om sex månader", time.Time{}, ""},
		{"zero base: year-less", "15 april", time.Time{}, ""},
		{"zero base: i år", "i år", time.Time{}, ""},
		{"zero base: done with date", "genomförd 2025-03-01", time.Time{}, "genomförd"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ok := ParseDate(tt.text, tt.base)
			if d.String() != tt.want || ok != (tt.want != "") {
				t.Errorf("ParseDate(%q, %v) = %+v, %t; want %q", tt.text, tt.base, d, ok, tt.want)
			}
		})
	}
}

// TestParseDateModelExamples reads every value spur-model.md lists as seen in
// real plans (the responsibles aside).
func TestParseDateModelExamples(t *testing.T) {
	for _, text := range []string{
		"20251231", "251231", "2025-12-31", "15 april", "31 dec 2027",
		"om sex månader", "om 3 månader", "inom ett år",
		"genomförd", "genomfört", "klart", "redan gjort",
		"hösten 2025", "under våren", "under 2026",
	} {
		if d, ok := ParseDate(text, planBase); !ok {
			t.Errorf("ParseDate(%q) = %+v, not read", text, d)
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"20251231", "om sex månader", "genomförd (se bilaga)", "31/12 2025", "vintern 25/26"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d, ok := ParseDate(text, planBase)
		if ok != (d.Kind != DateNone) {
			t.Fatalf("ParseDate(%q) = %+v, ok %t", text, d, ok)
		}
		switch d.Kind {
		case DateExact, DateRel, DatePeriod:
			if d.Date.IsZero() || d.Date.Location() != time.UTC || d.Date != day(d.Date.Year(), d.Date.Month(), d.Date.Day()) {
				t.Fatalf("ParseDate(%q) = %+v: not a UTC day", text, d)
			}
		case DateNone, DateDone, DateOngoing:
			if !d.Date.IsZero() {
				t.Fatalf("ParseDate(%q) = %+v: a date with no day", text, d)
			}
		default:
			t.Fatalf("ParseDate(%q): unknown kind %q", text, d.Kind)
		}
		if d.Kind == DateNone && d != (PlanDate{}) {
			t.Fatalf("ParseDate(%q) = %+v: none with content", text, d)
		}
		if d.Kind == DateExact {
			if back, err := time.Parse(time.DateOnly, d.String()); err != nil || !back.Equal(d.Date) {
				t.Fatalf("ParseDate(%q) = %s: does not parse back (%v)", text, d, err)
			}
		}
		if d.Note != strings.TrimSpace(d.Note) {
			t.Fatalf("ParseDate(%q): untrimmed note %q", text, d.Note)
		}
	})
}
