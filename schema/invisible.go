package schema

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
)

// Characters that show nothing but change how text reads: a right-to-left
// override (U+202E) before "fdp.exe" makes it read "exe.pdf"; a zero-width
// space makes two words that look equal differ. A reviewer of the file
// cannot see them, so validation names each one (a warning: the text may be
// right), and the documents show the bidirectional controls as [U+202E] and
// drop the zero-width characters.

type invisibleChar struct {
	name string
	bidi bool // shown as [U+XXXX]; otherwise removed
}

var invisibles = map[rune]invisibleChar{
	0x200B: {"ZERO WIDTH SPACE", false},
	0x200C: {"ZERO WIDTH NON-JOINER", false},
	0x200D: {"ZERO WIDTH JOINER", false},
	0x2060: {"WORD JOINER", false},
	0xFEFF: {"ZERO WIDTH NO-BREAK SPACE", false},
	0x202A: {"LEFT-TO-RIGHT EMBEDDING", true},
	0x202B: {"RIGHT-TO-LEFT EMBEDDING", true},
	0x202C: {"POP DIRECTIONAL FORMATTING", true},
	0x202D: {"LEFT-TO-RIGHT OVERRIDE", true},
	0x202E: {"RIGHT-TO-LEFT OVERRIDE", true},
	0x2066: {"LEFT-TO-RIGHT ISOLATE", true},
	0x2067: {"RIGHT-TO-LEFT ISOLATE", true},
	0x2068: {"FIRST STRONG ISOLATE", true},
	0x2069: {"POP DIRECTIONAL ISOLATE", true},
}

// Invisible reports whether r is one of the invisible characters validation
// warns of, with its Unicode name, and whether it is a bidirectional control
// (the documents show it as [U+XXXX]) rather than a zero-width character
// (the documents remove it). A byte order mark at the start of a file is
// not text and never reaches here.
func Invisible(r rune) (name string, bidi, ok bool) {
	c, ok := invisibles[r]
	return c.name, c.bidi, ok
}

// maxInvisible bounds the warnings given one by one; the rest are counted.
const maxInvisible = 5

// checkInvisible warns of each text of the inspection that holds an
// invisible character, once per place in the file however often an alias
// repeats it.
func checkInvisible(insp *Inspection, diags *Diagnostics) {
	type place struct {
		pos  Pos
		text string
	}
	seen := map[place]bool{}
	var found Diagnostics
	walkText(reflect.ValueOf(insp).Elem(), "", func(path, s string) {
		if !hasInvisible(s) {
			return
		}
		p := insp.Pos(path)
		if seen[place{p, s}] {
			return
		}
		seen[place{p, s}] = true
		found.Warnf(p, "%s", invisibleMessage(s))
	})
	found.Sort()
	for i, d := range found {
		if i == maxInvisible {
			diags.Warnf(Pos{File: insp.Pos("").File}, "%d more texts with invisible characters not listed", len(found)-maxInvisible)
			break
		}
		*diags = append(*diags, d)
	}
}

func hasInvisible(s string) bool {
	return strings.ContainsAny(s, "\u200b\u200c\u200d\u2060\ufeff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
}

func invisibleMessage(s string) string {
	var first rune
	n := 0
	for _, r := range s {
		if _, ok := invisibles[r]; ok {
			if n == 0 {
				first = r
			}
			n++
		}
	}
	c := invisibles[first]
	more := ""
	if n > 1 {
		more = fmt.Sprintf(" (and %d more)", n-1)
	}
	shown := "it is removed from the documents"
	if c.bidi {
		shown = fmt.Sprintf("it is shown as [U+%04X] in the documents", first)
	}
	return fmt.Sprintf("invisible character U+%04X (%s) in the text%s; it can disguise what the text says; %s", first, c.name, more, shown)
}

// walkText calls fn with each text of the model under v and its path, the
// paths the decoders record positions under.
func walkText(v reflect.Value, path string, fn func(path, s string)) {
	switch x := v.Addr().Interface().(type) {
	case *DateText:
		fn(path+".text", x.Text)
		return
	case *Selection:
		walkText(reflect.ValueOf(&x.IDs).Elem(), path, fn)
		return
	}
	switch v.Kind() {
	case reflect.String:
		fn(path, v.String())
	case reflect.Pointer:
		if !v.IsNil() {
			walkText(v.Elem(), path, fn)
		}
	case reflect.Struct:
		for _, f := range structFields(v.Type()) {
			walkText(v.Field(f.index), join(path, f.key), fn)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			walkText(v.Index(i), fmt.Sprintf("%s[%d]", path, i), fn)
		}
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, k := range keys {
			e := reflect.New(v.Type().Elem()).Elem()
			e.Set(v.MapIndex(k))
			walkText(e, join(path, k.String()), fn)
		}
	}
}
