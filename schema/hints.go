package schema

import (
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// People write the words they use: the Swedish terms of the report
// (verksamhet, styrkor, ej uppfyllt) or an English word near the key
// (improvement_potential). An unknown key is checked against the words of
// its mapping, so that the message names the key meant; the Swedish words
// are each field's `sv` tag (model.go) and the extra words below, taken
// from the report's headings and spur-model.md.

// extraWords are, per mapping of the model, more Swedish words for a key
// than its `sv` tag gives.
var extraWords = map[reflect.Type]map[string][]string{
	reflect.TypeOf(Inspection{}): {
		"catalog":     {"katalog", "kriteriekatalog", "kriterieversion", "version"},
		"status":      {"rapportstatus", "rapportens status"},
		"unit":        {"verksamhet", "verksamheten", "enhet", "enheten"},
		"visit":       {"besök", "besöket", "besöksdatum", "datum", "inspektionsdatum", "inspektionsbesök", "granskningsdatum"},
		"inspectors":  {"inspektörer", "inspektör", "inspektörerna", "granskare"},
		"summary":     {"sammanfattning", "sammanfattningen"},
		"areas":       {"områden", "område", "områdena"},
		"action_plan": {"handlingsplan", "handlingsplanen", "åtgärdsplan"},
	},
	reflect.TypeOf(Unit{}): {
		"name":         {"namn", "enhetsnamn", "enhetens namn", "verksamhetens namn"},
		"organisation": {"huvudman", "huvudmannen", "vårdgivare", "vårdgivaren"},
		"specialty":    {"specialitet", "specialiteten"},
		"place":        {"ort", "orten", "plats", "kommun", "stad"},
		"id":           {"hsa-id", "hsaid", "enhetsid", "enhetens id"},
	},
	reflect.TypeOf(Summary{}): {
		"strengths":    {"styrkor", "styrka"},
		"weaknesses":   {"svagheter", "svaghet", "brister"},
		"improvements": {"förbättringspotential", "förbättringsområden", "förbättringar", "förbättringsförslag"},
	},
	reflect.TypeOf(Area{}): {
		"narrative":      {"bedömning", "inspektörernas bedömning", "beskrivning", "löptext"},
		"met":            {"uppfyllt", "uppfyllda", "uppfylld", "uppfyllda kriterier"},
		"not_met":        {"ej uppfyllt", "ej uppfyllda", "ej uppfylld", "inte uppfyllt", "inte uppfyllda", "ouppfyllt", "ouppfyllda", "ouppfyllda kriterier"},
		"not_applicable": {"ej tillämpligt", "ej tillämplig", "ej tillämpliga", "inte tillämpligt", "inte tillämpliga", "ej aktuellt"},
		"comments":       {"kommentarer", "kommentar", "anmärkningar"},
		"override":       {"avvikande gradering", "egen gradering"},
		"plan_decision":  {"beslut", "beslut om handlingsplanen", "bedömning av handlingsplanen"},
		"plan_note":      {"notering", "text om handlingsplanen", "kommentar om handlingsplanen"},
	},
	reflect.TypeOf(Override{}): {
		"grade":  {"gradering", "betyg", "grad"},
		"reason": {"motivering", "motivation", "skäl", "anledning"},
	},
	reflect.TypeOf(ActionPlan{}): {
		"date":    {"datum", "inkommen", "inkom", "datum inkommen"},
		"entries": {"åtgärder", "poster", "rader"},
	},
	reflect.TypeOf(PlanEntry{}): {
		"criterion":    {"kriterium", "kriterie"},
		"action":       {"åtgärd", "planerad åtgärd", "planerade åtgärder"},
		"due":          {"genomförd", "genomförs", "klart", "klar", "slutdatum", "datum för genomförande"},
		"responsible":  {"ansvarig", "ansvarig för genomförande"},
		"follow_up":    {"uppföljning", "uppföljningsdatum"},
		"follow_up_by": {"ansvarig för uppföljning", "uppföljningsansvarig", "uppföljare"},
		"follow_ups":   {"uppföljningar", "uppföljningarna", "genomförda uppföljningar", "gjorda uppföljningar", "uppföljningslogg"},
	},
	reflect.TypeOf(FollowUp{}): {
		"date":   {"datum", "uppföljningsdatum", "datum för uppföljning", "uppföljd", "uppföljt", "dag"},
		"status": {"läge", "läget", "tillstånd", "resultat", "utfall", "statusen"},
		"note":   {"kommentar", "kommentarer", "notering", "noteringar", "anteckning", "anteckningar", "anmärkning", "beskrivning"},
		"by":     {"uppföljd av", "uppföljt av", "av", "uppföljare", "ansvarig", "ansvarig för uppföljningen", "vem", "signatur", "namn"},
	},
	reflect.TypeOf(dateForm{}): {
		"date": {"datum"},
	},
}

// nearMisses are English words for a key that are too far from it for an
// edit distance to find.
var nearMisses = map[reflect.Type]map[string][]string{
	reflect.TypeOf(Inspection{}): {
		"catalog":    {"catalogue", "catalog_version", "catalogue_version"},
		"visit":      {"date", "visit_date", "inspection_date", "visited"},
		"inspectors": {"inspector", "reviewers"},
		"areas":      {"area", "findings"},
	},
	reflect.TypeOf(Unit{}): {
		"name":      {"unit", "unit_name"},
		"specialty": {"speciality"},
		"place":     {"city", "town", "location"},
	},
	reflect.TypeOf(Summary{}): {
		"improvements": {"improvement_potential", "potential_for_improvement", "potential", "areas_for_improvement", "improvement_areas", "to_improve"},
		"weaknesses":   {"weak_points", "shortcomings"},
		"strengths":    {"strong_points", "strong_sides"},
	},
	reflect.TypeOf(Area{}): {
		"narrative":      {"text", "description", "findings", "assessment"},
		"not_met":        {"unmet", "failed", "not_fulfilled"},
		"not_applicable": {"n/a", "na", "inapplicable", "not_relevant"},
		"plan_decision":  {"decision", "action_plan_decision"},
		"plan_note":      {"note", "notes", "action_plan_note"},
	},
	reflect.TypeOf(Override{}): {
		"reason": {"motivation", "why", "because"},
	},
	reflect.TypeOf(ActionPlan{}): {
		"date":    {"received", "plan_date"},
		"entries": {"items", "actions", "rows"},
	},
	reflect.TypeOf(PlanEntry{}): {
		"criterion":    {"id", "criterion_id"},
		"due":          {"deadline", "due_date", "done_by"},
		"responsible":  {"owner", "responsible_person", "who"},
		"follow_up":    {"follow_up_date", "followup_date"},
		"follow_up_by": {"follow_up_responsible", "followed_up_by"},
		"follow_ups":   {"follow_up_records", "followup_records", "follow_up_log", "follow_up_history", "checks", "reviews"},
	},
	reflect.TypeOf(FollowUp{}): {
		"date":   {"on", "when", "day", "follow_up_date", "followed_up", "followed_up_on", "checked"},
		"status": {"state", "result", "outcome", "progress"},
		"note":   {"comment", "comments", "notes", "remark", "remarks", "text", "finding", "findings"},
		"by":     {"who", "followed_up_by", "follow_up_by", "checked_by", "name", "author", "responsible", "signed"},
	},
}

// nested names, per mapping, the mappings inside it, so that a key written
// one level too high is sent where it belongs.
var nested = map[reflect.Type][]struct {
	where string
	t     reflect.Type
	only  []string // the keys sent there; all when nil
}{
	reflect.TypeOf(Inspection{}): {
		{"under unit", reflect.TypeOf(Unit{}), nil},
		{"under summary", reflect.TypeOf(Summary{}), nil},
		{"under action_plan", reflect.TypeOf(ActionPlan{}), nil},
	},
	reflect.TypeOf(Area{}):       {{"under override", reflect.TypeOf(Override{}), nil}},
	reflect.TypeOf(ActionPlan{}): {{"in each entry under entries", reflect.TypeOf(PlanEntry{}), nil}},
	// Only the status: a date or a comment written on an entry may as well
	// be about the action as about a follow-up of it.
	reflect.TypeOf(PlanEntry{}): {{"in each follow-up under follow_ups", reflect.TypeOf(FollowUp{}), []string{"status"}}},
}

// gradeWords are what people write for an area's grade.
var gradeWords = []string{"grade", "grading", "gradering", "betyg", "grad"}

// words is one mapping's keys with the words for each, folded.
type words struct {
	keys    []string
	key     map[string]string // folded key → key
	swedish map[string]string // folded Swedish word → key
	english map[string]string // folded near miss → key
	// swedishWords are the keys of swedish, sorted.
	swedishWords []string
}

var wordTables = sync.OnceValue(func() map[reflect.Type]*words {
	tables := map[reflect.Type]*words{}
	for _, t := range []reflect.Type{
		reflect.TypeOf(Inspection{}), reflect.TypeOf(Unit{}), reflect.TypeOf(Summary{}),
		reflect.TypeOf(Area{}), reflect.TypeOf(Override{}), reflect.TypeOf(ActionPlan{}),
		reflect.TypeOf(PlanEntry{}), reflect.TypeOf(FollowUp{}), reflect.TypeOf(dateForm{}),
	} {
		w := &words{key: map[string]string{}, swedish: map[string]string{}, english: map[string]string{}}
		add := func(m map[string]string, word, key string) {
			if f := fold(word); f != "" && w.key[f] == "" {
				if _, taken := m[f]; !taken {
					m[f] = key
				}
			}
		}
		for _, f := range structFields(t) {
			w.keys = append(w.keys, f.key)
			w.key[fold(f.key)] = f.key
		}
		for i := 0; i < t.NumField(); i++ {
			sf := t.Field(i)
			key := strings.Split(sf.Tag.Get("yaml"), ",")[0]
			if sv := sf.Tag.Get("sv"); sv != "" && key != "-" {
				add(w.swedish, sv, key)
				for _, part := range strings.Split(sv, "/") {
					add(w.swedish, part, key)
				}
			}
		}
		for _, key := range w.keys {
			for _, s := range extraWords[t][key] {
				add(w.swedish, s, key)
			}
			for _, s := range nearMisses[t][key] {
				add(w.english, s, key)
			}
		}
		for s := range w.swedish {
			w.swedishWords = append(w.swedishWords, s)
		}
		sort.Strings(w.swedishWords)
		tables[t] = w
	}
	return tables
})

// fold reduces a word to what is compared: lower case, å ä ö as a and o,
// without spaces, underscores, hyphens or other marks, so that "Ej
// Uppfyllt", "ej_uppfyllt" and "ej-uppfyllt" are one word. An accent
// written as a combining mark (a file from macOS) is dropped with it.
func fold(s string) string {
	if len(s) > utf8.UTFMax*maxSuggest {
		return ""
	}
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch r {
		case 'å', 'ä', 'à', 'á', 'â':
			b.WriteByte('a')
		case 'ö', 'ø', 'ó', 'ò', 'ô':
			b.WriteByte('o')
		case 'é', 'è', 'ê', 'ë':
			b.WriteByte('e')
		case 'ü', 'ú':
			b.WriteByte('u')
		default:
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// keyHint is what an unknown key in a mapping of type t means: the hint to
// append to "unknown key %q", and the key of the same mapping meant when
// it is clear which, so that the decoder may read the value as that key's.
func keyHint(t reflect.Type, key string, value *yaml.Node) (hint, meant string) {
	w := wordTables()[t]
	if w == nil {
		return didYouMean(key, keysOf(t)), ""
	}
	if t == reflect.TypeOf(PlanEntry{}) && value != nil && value.Kind == yaml.SequenceNode {
		// "uppföljning:" with a list under it is the follow-ups made, not
		// the date of the one planned.
		if hint, meant := keyHint(t, key, nil); meant == "follow_up" {
			return strings.Replace(hint, "follow_up", "follow_ups", 1), "follow_ups"
		}
	}
	f := fold(key)
	if f == "" {
		return didYouMean(key, w.keys), ""
	}
	if t == reflect.TypeOf(Area{}) {
		for _, g := range gradeWords {
			if f == g {
				grade := "B"
				if value != nil && value.Kind == yaml.ScalarNode && Grade(strings.ToUpper(strings.TrimSpace(value.Value))).Valid() {
					grade = strings.ToUpper(strings.TrimSpace(value.Value))
				}
				return fmt.Sprintf(": an area's grade is computed from its criteria; to set another, write override: {grade: %s, reason: ...}", grade), ""
			}
		}
	}
	if k, ok := w.key[f]; ok {
		return "; did you mean " + k + "?", k
	}
	if k, ok := w.swedish[f]; ok {
		return ": write " + k + " (the key words are English)", k
	}
	if k, ok := w.english[f]; ok {
		return "; did you mean " + k + "?", k
	}
	if t == reflect.TypeOf(Inspection{}) && isAreaName(f) {
		return ": an area goes under areas (areas: {" + strings.ToUpper(f[len(f)-1:]) + ": ...})", ""
	}
	for _, in := range nested[t] {
		nw := wordTables()[in.t]
		if k, ok := nw.key[f]; ok && (in.only == nil || slices.Contains(in.only, k)) {
			return ": write " + k + " " + in.where, ""
		}
		if k, ok := nw.swedish[f]; ok && (in.only == nil || slices.Contains(in.only, k)) {
			return ": write " + k + " " + in.where + " (the key words are English)", ""
		}
	}
	if k := nearest(key, w.keys); k != "" {
		return "; did you mean " + k + "?", k
	}
	// A Swedish word with a slip; short words are too easily confused.
	if utf8.RuneCountInString(f) >= 5 {
		if s := nearest(f, w.swedishWords); s != "" {
			return ": write " + w.swedish[s] + " (the key words are English)", w.swedish[s]
		}
	}
	return "", ""
}

// isAreaName reports whether a folded key is an area's letter ("a", "omradea",
// "areae").
func isAreaName(f string) bool {
	for _, prefix := range []string{"", "omrade", "area"} {
		if rest, ok := strings.CutPrefix(f, prefix); ok && len(rest) == 1 && rest[0] >= 'a' && rest[0] <= 'h' {
			return true
		}
	}
	return false
}

// areaHint is what an unknown key of areas means: the area's letter written
// otherwise ("e", "Område E", "E. Handledning och kompetensbedömning", the
// title alone), or a key of an area written one level too high. letter is
// the area meant, when it is clear which.
func areaHint(cat *Catalog, key string) (hint, letter string) {
	f := fold(key)
	if f != "" {
		for _, a := range cat.Areas {
			for _, form := range []string{a.Letter, "område " + a.Letter, "area " + a.Letter, a.Letter + " " + a.Title, "område " + a.Letter + " " + a.Title, a.Title} {
				if fold(form) == f {
					return "; did you mean " + a.Letter + "?", a.Letter
				}
			}
		}
		w := wordTables()[reflect.TypeOf(Area{})]
		if k, ok := w.key[f]; ok {
			return "; write " + k + " under an area's letter (E: {" + k + ": ...})", ""
		}
		if k, ok := w.swedish[f]; ok {
			return "; write " + k + " under an area's letter (E: {" + k + ": ...}; the key words are English)", ""
		}
	}
	var letters []string
	for _, a := range cat.Areas {
		letters = append(letters, a.Letter)
	}
	return didYouMean(key, letters), ""
}

// move gives what was recorded at path from (and below it) to path to, but
// for the key's own place: a key read as another is not that key, so
// messages about what it holds point into its value, after the message on
// its name.
func (p positions) move(from, to string) {
	var ks []string
	for k := range p {
		if rest, ok := strings.CutPrefix(k, from); ok && (rest == "" || strings.ContainsAny(rest[:1], ".[#")) {
			ks = append(ks, k)
		}
	}
	for _, k := range ks {
		v := p[k]
		delete(p, k)
		if rest := k[len(from):]; rest != "#key" {
			p[to+rest] = v
		}
	}
}
