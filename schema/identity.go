package schema

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Identity is what makes two inspections visits of one unit: the unit's id
// (unit.id) where it has one, else its organisation and name, each
// normalised so that what a reader sees as the same text is the same:
//
//   - Unicode compatibility composition (NFKC): "å" typed as a + a
//     combining ring (a file from macOS) is "å", a no-break space is a
//     space, a full-width or ligature letter is the plain one;
//   - the characters report.Visible removes or marks, which a reader does
//     not see as letters, are dropped: controls, format characters
//     (zero-width space and joiners, the soft hyphen, the byte-order mark,
//     the bidirectional controls), variation selectors;
//   - upper and lower case are one (Unicode case folding: "ß" is "ss");
//   - white space of any kind and length between words is one space, and
//     none before the first word or after the last.
//
// Punctuation and every letter are kept, so "Almakliniken AB" and
// "Almakliniken" are two organisations, as are "Vårdcentralen Centrum"
// and "Vårdcentralen Centrum Syd".
//
// The result is a key to compare and to group by, never to print. An id
// and a name never give the same key. A unit whose id is given in one
// visit's file and not in another's is two units: give the id in the files
// of every visit, or in none.
func (u Unit) Identity() string {
	if id := identityText(u.ID); id != "" {
		return "id:" + id
	}
	// The separator is a control character, which identityText removes
	// from the parts: organisation "A B" and name "C" are not organisation
	// "A" and name "B C".
	return "name:" + identityText(u.Organisation) + "\x1f" + identityText(u.Name)
}

// SameUnit reports whether a and b are inspections of one unit.
func SameUnit(a, b *Inspection) bool { return a.Unit.Identity() == b.Unit.Identity() }

// identityText is s normalised for Identity.
func identityText(s string) string {
	s = norm.NFKC.String(strings.ToValidUTF8(s, "\uFFFD"))
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r), unicode.Is(unicode.Variation_Selector, r):
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return norm.NFKC.String(cases.Fold().String(b.String()))
}

// CheckPrevious returns an error that says why prev cannot be the previous
// visit of cur's unit: it is an inspection of another unit (Identity), or
// its visit is not before cur's. The error names both files.
func CheckPrevious(cur, prev *Inspection) error {
	if !SameUnit(cur, prev) {
		return fmt.Errorf("%s is an inspection of %s, not of %s (%s); a unit is known by its id (unit.id), else by organisation and name",
			prev.File, describeUnit(prev.Unit), describeUnit(cur.Unit), cur.File)
	}
	if !prev.Visit.Time().Before(cur.Visit.Time()) {
		return fmt.Errorf("%s: the visit of %s is not before this visit (%s, %s)", prev.File, prev.Visit, cur.Visit, cur.File)
	}
	return nil
}

// describeUnit names a unit in a message: its name, organisation and id as
// written (quoted and clipped).
func describeUnit(u Unit) string {
	s := fmt.Sprintf("%q", Clip(u.Name))
	if u.Organisation != "" {
		s += fmt.Sprintf(" of %q", Clip(u.Organisation))
	}
	if u.ID != "" {
		s += fmt.Sprintf(" (id %q)", Clip(u.ID))
	}
	return s
}

// PreviousOf returns the previous visit of cur's unit among all: the
// inspection of the same unit (Identity) with the latest visit before
// cur's, or nil when there is none. Of two on that day it takes a final
// report before a preliminary one, then the first in all, so that the
// answer does not depend on the order only where the inputs are alike.
// cur itself, and any inspection on its day or later, is never the
// answer. Callers pass inspections that loaded without errors.
func PreviousOf(cur *Inspection, all []*Inspection) *Inspection {
	id := cur.Unit.Identity()
	var best *Inspection
	for _, in := range all {
		if in == nil || in == cur || !in.Visit.Time().Before(cur.Visit.Time()) || in.Unit.Identity() != id {
			continue
		}
		if best == nil || LaterPrevious(in.Visit.Time(), in.Status == Final, best.Visit.Time(), best.Status == Final) {
			best = in
		}
	}
	return best
}

// LaterPrevious reports whether a visit on day (final: its report is
// final) is to be taken as a unit's previous visit before the one taken so
// far, on bestDay: the later day, and of one day the final report. It is
// PreviousOf's rule, for a caller that holds the visits in another form
// (spur build's inputs).
func LaterPrevious(day time.Time, final bool, bestDay time.Time, bestFinal bool) bool {
	return day.After(bestDay) || day.Equal(bestDay) && final && !bestFinal
}
