package schema

import (
	"strings"
	"testing"
)

// withPlan is minimal with area C failing C1 and an action plan for it.
var withPlan = withArea("C", "  C: {met: all, not_met: [C1]}\n") + `action_plan:
  date: 2025-05-20
  entries:
    - criterion: C1
      action: Inköp av öronmikroskop
      due: "20251231"
      responsible: Verksamhetschefen
      follow_up: om sex månader
      follow_up_by: Verksamhetschefen
`

// TestHints holds the words people write for the keys and values (issue
// 13, "Hints in the words people use"): each gives one message that names
// the key meant, and nothing that follows from it.
func TestHints(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
		none bool
	}{
		// The top level.
		{name: "verksamhet", src: strings.Replace(minimal, "unit:", "verksamhet:", 1),
			want: []string{`x.yaml:3:1: unknown key "verksamhet": write unit (the key words are English)`}, none: true},
		{name: "kriterieversion", src: strings.Replace(minimal, "catalog:", "kriterieversion:", 1),
			want: []string{`x.yaml:1:1: unknown key "kriterieversion": write catalog (the key words are English)`}, none: true},
		{name: "besök", src: strings.Replace(minimal, "visit:", "besök:", 1),
			want: []string{`x.yaml:5:1: unknown key "besök": write visit (the key words are English)`}, none: true},
		{name: "datum at the top is the visit", src: strings.Replace(minimal, "visit:", "Datum:", 1),
			want: []string{`x.yaml:5:1: unknown key "Datum": write visit (the key words are English)`}, none: true},
		{name: "granskare", src: strings.Replace(minimal, "inspectors:", "granskare:", 1),
			want: []string{`x.yaml:6:1: unknown key "granskare": write inspectors (the key words are English)`}, none: true},
		{name: "inspektörer in a final report", src: strings.Replace(strings.Replace(minimal, "inspectors:", "inspektörer:", 1), "preliminary", "final", 1),
			want: []string{`x.yaml:6:1: unknown key "inspektörer": write inspectors (the key words are English)`}, none: true},
		{name: "områden", src: strings.Replace(minimal, "areas:", "områden:", 1),
			want: []string{`x.yaml:7:1: unknown key "områden": write areas (the key words are English)`}, none: true},
		{name: "omraden without the ring", src: strings.Replace(minimal, "areas:", "Omraden:", 1),
			want: []string{`x.yaml:7:1: unknown key "Omraden": write areas (the key words are English)`}, none: true},
		{name: "a decomposed ö (macOS)", src: strings.Replace(minimal, "areas:", "omra\u030aden:", 1),
			want: []string{"x.yaml:7:1: unknown key \"omra\u030aden\": write areas (the key words are English)"}, none: true},
		{name: "sammanfattning and its lists", src: minimal + "sammanfattning:\n  styrkor: [Fina lokaler]\n  svagheter: [Inget mikroskop]\n  förbättringspotential: [Köp ett]\n",
			want: []string{
				`x.yaml:16:1: unknown key "sammanfattning": write summary (the key words are English)`,
				`x.yaml:17:3: unknown key "styrkor": write strengths (the key words are English)`,
				`x.yaml:18:3: unknown key "svagheter": write weaknesses (the key words are English)`,
				`x.yaml:19:3: unknown key "förbättringspotential": write improvements (the key words are English)`,
			}, none: true},
		{name: "styrkor at the top", src: minimal + "styrkor: [Fina lokaler]\n",
			want: []string{`x.yaml:16:1: unknown key "styrkor": write strengths under summary (the key words are English)`}, none: true},
		{name: "an English key one level too high", src: minimal + "region: Region Stockholm\n",
			want: []string{`x.yaml:16:1: unknown key "region": write region under unit`}, none: true},
		{name: "an area at the top", src: strings.Replace(minimal, "  H: {met: all}\n", "H: {met: all}\n", 1),
			want: []string{
				`x.yaml:15:1: unknown key "H": an area goes under areas (areas: {H: ...})`,
			}, none: true},
		{name: "every area at the top", src: minimal[:strings.Index(minimal, "areas:")] + "A: {met: all}\nOmråde B: {met: all}\n",
			want: []string{
				`x.yaml:7:1: unknown key "A": an area goes under areas (areas: {A: ...})`,
				`x.yaml:8:1: unknown key "Område B": an area goes under areas (areas: {B: ...})`,
			}, none: true},
		{name: "handlingsplan and its entries", src: strings.NewReplacer("action_plan:", "handlingsplan:", "  date:", "  datum:", "  entries:", "  åtgärder:",
			"- criterion:", "- kriterium:", "  action:", "  åtgärd:", "  responsible:", "  ansvarig:", "  follow_up:", "  uppföljning:").Replace(withPlan),
			want: []string{
				`x.yaml:16:1: unknown key "handlingsplan": write action_plan (the key words are English)`,
				`x.yaml:17:3: unknown key "datum": write date (the key words are English)`,
				`x.yaml:18:3: unknown key "åtgärder": write entries (the key words are English)`,
				`x.yaml:19:7: unknown key "kriterium": write criterion (the key words are English)`,
				`x.yaml:20:7: unknown key "åtgärd": write action (the key words are English)`,
				`x.yaml:22:7: unknown key "ansvarig": write responsible (the key words are English)`,
				`x.yaml:23:7: unknown key "uppföljning": write follow_up (the key words are English)`,
			}, none: true},
		{name: "a date object in Swedish", src: strings.Replace(withPlan, `due: "20251231"`, `due: {text: till jul, datum: 2025-12-24}`, 1),
			want: []string{`x.yaml:21:29: unknown key "datum": write date (the key words are English)`}, none: true},

		// The unit.
		{name: "namn", src: strings.Replace(minimal, "  name:", "  namn:", 1),
			want: []string{`x.yaml:4:3: unknown key "namn": write name (the key words are English)`}, none: true},
		{name: "huvudman and ort", src: strings.Replace(minimal, "  name: Testklinikens vårdcentral\n", "  name: Testklinikens vårdcentral\n  huvudman: Region Test\n  ort: Solna\n", 1),
			want: []string{
				`x.yaml:5:3: unknown key "huvudman": write organisation (the key words are English)`,
				`x.yaml:6:3: unknown key "ort": write place (the key words are English)`,
			}, none: true},

		// The summary.
		{name: "improvement_potential", src: minimal + "summary:\n  improvement_potential: [Köp ett mikroskop]\n",
			want: []string{`x.yaml:17:3: unknown key "improvement_potential"; did you mean improvements?`}, none: true},
		{name: "Förbättrings-potential", src: minimal + "summary:\n  Förbättrings-potential: [Köp ett mikroskop]\n",
			want: []string{`x.yaml:17:3: unknown key "Förbättrings-potential": write improvements (the key words are English)`}, none: true},
		{name: "a Swedish word with a slip", src: minimal + "summary:\n  förbättringspotensial: [Köp ett mikroskop]\n",
			want: []string{`x.yaml:17:3: unknown key "förbättringspotensial": write improvements (the key words are English)`}, none: true},

		// An area.
		{name: "uppfyllt", src: withArea("E", "  E: {uppfyllt: all}\n"),
			want: []string{`x.yaml:12:7: unknown key "uppfyllt": write met (the key words are English)`}, none: true},
		{name: "met: alla", src: withArea("E", "  E: {met: Alla}\n"),
			want: []string{`x.yaml:12:12: met "Alla": write all (the key words are English)`}, none: true},
		{name: "ej_uppfyllt", src: withArea("E", "  E: {met: all, ej_uppfyllt: [E4]}\n"),
			want: []string{`x.yaml:12:17: unknown key "ej_uppfyllt": write not_met (the key words are English)`}, none: true},
		{name: "ej uppfyllt with a space", src: withArea("E", "  E:\n    met: all\n    ej uppfyllt: [E4]\n"),
			want: []string{`x.yaml:14:5: unknown key "ej uppfyllt": write not_met (the key words are English)`}, none: true},
		{name: "Ej-Uppfyllt", src: withArea("E", "  E: {met: all, Ej-Uppfyllt: [E4]}\n"),
			want: []string{`x.yaml:12:17: unknown key "Ej-Uppfyllt": write not_met (the key words are English)`}, none: true},
		{name: "Not Met", src: withArea("E", "  E: {met: all, Not Met: [E4]}\n"),
			want: []string{`x.yaml:12:17: unknown key "Not Met"; did you mean not_met?`}, none: true},
		{name: "what is read under a misspelt key is checked", src: withArea("E", "  E: {met: all, ej_uppfyllt: [E15]}\n"),
			want: []string{
				`x.yaml:12:17: unknown key "ej_uppfyllt": write not_met (the key words are English)`,
				`x.yaml:12:31: unknown criterion "E15" in area E; did you mean one of E1–E14?`,
			}, none: true},
		{name: "ej tillämpligt", src: withArea("E", "  E: {met: all, ej_tillämpligt: [E14]}\n"),
			want: []string{`x.yaml:12:17: unknown key "ej_tillämpligt": write not_applicable (the key words are English)`}, none: true},
		{name: "kommentarer", src: withArea("E", "  E: {met: all, kommentarer: {E4: Bra}}\n"),
			want: []string{`x.yaml:12:17: unknown key "kommentarer": write comments (the key words are English)`}, none: true},
		{name: "avvikande gradering", src: withArea("B", "  B: {met: all, avvikande_gradering: {gradering: A, motivering: Kalibrering}}\n"),
			want: []string{
				`x.yaml:9:17: unknown key "avvikande_gradering": write override (the key words are English)`,
				`x.yaml:9:39: unknown key "gradering": write grade (the key words are English)`,
				`x.yaml:9:53: unknown key "motivering": write reason (the key words are English)`,
			}, none: true},
		{name: "grade in an area", src: withArea("B", "  B: {met: all, grade: A}\n"),
			want: []string{`x.yaml:9:17: unknown key "grade": an area's grade is computed from its criteria; to set another, write override: {grade: A, reason: ...}`}, none: true},
		{name: "gradering in an area", src: withArea("B", "  B: {met: all, gradering: c}\n"),
			want: []string{`x.yaml:9:17: unknown key "gradering": an area's grade is computed from its criteria; to set another, write override: {grade: C, reason: ...}`}, none: true},
		{name: "reason in an area", src: withArea("B", "  B: {met: all, override: {grade: A, reason: x}, motivering: Kalibrering}\n"),
			want: []string{`x.yaml:9:50: unknown key "motivering": write reason under override (the key words are English)`}, none: true},

		// The areas.
		{name: "Område E", src: withArea("E", "  Område E: {met: all, not_met: [E4]}\n"),
			want: []string{`x.yaml:12:3: unknown area "Område E"; the areas are A, B, C, D, E, F, G, H; did you mean E?`}, none: true},
		{name: "an area by its title", src: withArea("E", "  Handledning och kompetensbedömning: {met: all}\n"),
			want: []string{`x.yaml:12:3: unknown area "Handledning och kompetensbedömning"; the areas are A, B, C, D, E, F, G, H; did you mean E?`}, none: true},
		{name: "an area in lower case", src: withArea("E", "  e: {met: all}\n"),
			want: []string{`x.yaml:12:3: unknown area "e"; the areas are A, B, C, D, E, F, G, H; did you mean E?`}, none: true},
		{name: "an area key in areas", src: minimal + "  uppfyllt: all\n",
			want: []string{`x.yaml:16:3: unknown area "uppfyllt"; the areas are A, B, C, D, E, F, G, H; write met under an area's letter (E: {met: ...}; the key words are English)`,
				`x.yaml:16:13: expected a mapping of keys (narrative, met, not_met, not_applicable, comments, override, plan_decision, plan_note), found the value "all"`}, none: true},

		// Words for values.
		{name: "plan_decision godtagen", src: strings.Replace(strings.Replace(withPlan, "  C: {met: all, not_met: [C1]}", "  C: {met: all, not_met: [C1], plan_decision: godtagen}", 1), "preliminary", "final", 1),
			want: []string{`x.yaml:10:47: plan_decision "godtagen": write accepted (the key words are English)`}, none: true},
		{name: "plan_decision ej godtagen", src: strings.Replace(strings.Replace(withPlan, "  C: {met: all, not_met: [C1]}", "  C: {met: all, not_met: [C1], plan_decision: ej godtagen}", 1), "preliminary", "final", 1),
			want: []string{`x.yaml:10:47: plan_decision "ej godtagen": write not_accepted (the key words are English)`}, none: true},
		{name: "plan_decision in capitals", src: strings.Replace(withPlan, "  C: {met: all, not_met: [C1]}", "  C: {met: all, not_met: [C1], plan_decision: Not Accepted}", 1),
			want: []string{`x.yaml:10:47: plan_decision "Not Accepted": write not_accepted`}, none: true},
		{name: "status preliminär", src: strings.Replace(minimal, "preliminary", "preliminär", 1),
			want: []string{`x.yaml:2:9: status "preliminär": write preliminary (the key words are English)`}, none: true},
		// A status taken as meant is checked as meant: a final report
		// names its inspectors.
		{name: "status slutlig", src: strings.Replace(strings.Replace(minimal, "preliminary", "slutlig", 1), "inspectors: [Karin Ek, Johan Sund]\n", "", 1),
			want: []string{
				`x.yaml:2:9: status "slutlig": write final (the key words are English)`,
				`x.yaml:1:1: a final report names its inspectors (inspectors: [...])`,
			}, none: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, diags := load(t, tc.src)
			checkLines(t, diags, tc.want, tc.none)
		})
	}
}

// TestUnknownKeyFirst: the message on a misspelt key comes before those on
// what follows from it (issue 13: "today 8 'not assessed' warnings come
// first").
func TestUnknownKeyFirst(t *testing.T) {
	tests := []struct {
		name, src, first string
		n                int // diagnostics in all
	}{
		{"områden with one area", strings.Replace(minimal, "areas:", "områden:", 1)[:strings.Index(minimal, "  B:")+2],
			`x.yaml:7:1: unknown key "områden": write areas (the key words are English)`, 8},
		{"områden in a final report", strings.Replace(strings.Replace(minimal, "areas:", "områden:", 1)[:strings.Index(minimal, "  B:")+2], "preliminary", "final", 1),
			`x.yaml:7:1: unknown key "områden": write areas (the key words are English)`, 8},
		// A key nothing is made of may be the areas: the areas are not
		// reported missing besides.
		{"a key not recognised", strings.Replace(minimal, "areas:", "bedömningar:", 1),
			`x.yaml:7:1: unknown key "bedömningar"`, 1},
		{"Område E", withArea("E", "  Område E: {met: [E1]}\n"),
			`x.yaml:12:3: unknown area "Område E"; the areas are A, B, C, D, E, F, G, H; did you mean E?`, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, diags := load(t, tc.src)
			if len(diags) == 0 || diags[0].String() != tc.first || len(diags) != tc.n {
				t.Errorf("want %d diagnostics, the first\n%s\ngot:\n%s", tc.n, tc.first, diags)
			}
		})
	}
}

func TestNoAreas(t *testing.T) {
	noAreas := minimal[:strings.Index(minimal, "areas:")]
	tests := []struct {
		name, src string
		want      []string
	}{
		{"absent", noAreas, []string{`x.yaml:1:1: warning: no area is assessed: the file has no areas; write areas: with each area's letter and its criteria, e.g. A: {met: all} (an unassessed criterion never counts as met)`}},
		{"empty", noAreas + "areas:\n", []string{`x.yaml:7:1: warning: no area is assessed: areas lists none; write each area's letter and its criteria under it, e.g. A: {met: all} (an unassessed criterion never counts as met)`}},
		{"final", strings.Replace(noAreas, "preliminary", "final", 1) + "areas: {}\n", []string{`x.yaml:7:1: no area is assessed: areas lists none; write each area's letter and its criteria under it, e.g. A: {met: all}`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, diags := load(t, tc.src)
			checkLines(t, diags, tc.want, true)
		})
	}
}

// TestOneMessageForTheText: a file saved as Latin-1, or indented with
// tabs, gives one message where it starts, with a count, and not the
// parser's message after it.
func TestOneMessageForTheText(t *testing.T) {
	latin1 := strings.NewReplacer("vårdcentral", "v\xe5rdcentral", "Karin Ek", "K\xe4rin \xd6k").Replace(minimal) + "# \xe5\xe4\xf6\n"
	tabs := strings.NewReplacer("  name:", "\tname:", "  A:", "\tA:", "  B:", "\t B:").Replace(minimal)
	tests := []struct {
		name, src, want string
	}{
		{"Latin-1", latin1, "x.yaml:4:24: byte 0xE5 is not UTF-8, nor are 5 more on lines 4, 6 and 16; save the file as UTF-8 (a Windows editor may have used Latin-1)"},
		{"Latin-1 on one line", "unit:\n  name: V\xe5rdcentral \xe5\xe4\xf6\n", "x.yaml:2:10: byte 0xE5 is not UTF-8, nor are 3 more on this line; save the file as UTF-8 (a Windows editor may have used Latin-1)"},
		{"Latin-1 on many lines", strings.Repeat("# \xe5\n", 12), "x.yaml:1:3: byte 0xE5 is not UTF-8, nor are 11 more on lines 1, 2, 3, 4, 5 and 7 more; save the file as UTF-8 (a Windows editor may have used Latin-1)"},
		{"NUL", "status: final\x00\n\xe5\n", "x.yaml:1:14: NUL byte: this is a binary file, not YAML"},
		{"a tab", strings.Replace(minimal, "  name:", "\tname:", 1), "x.yaml:4:1: tab character in indentation; YAML indents with spaces only"},
		{"tabs", tabs, "x.yaml:4:1: tab character in indentation; YAML indents with spaces only (tabs indent lines 4, 8 and 9)"},
		{"a tab after spaces", withArea("E", "  E:\n  \tmet: all\n"), "x.yaml:13:3: tab character in indentation; YAML indents with spaces only"},
		{"a tab on the first line", "\tcatalog: \"2025\"\n", "x.yaml:1:1: tab character in indentation; YAML indents with spaces only"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, diags := load(t, tc.src)
			checkLines(t, diags, []string{tc.want}, true)
		})
	}
}

// A parse error a tab does not explain is still reported.
func TestTabAndAnotherError(t *testing.T) {
	src := withArea("E", "  E:\n    met: all\n    narrative: |\n      Rad ett\n      \tindragen rad\n") + "unit: [unclosed\n"
	_, diags := load(t, src)
	checkLines(t, diags, []string{
		"x.yaml:16:7: tab character in indentation; YAML indents with spaces only",
		"x.yaml:19: not valid YAML: did not find expected ',' or ']'", // the parser's line
	}, true)
}

func TestFold(t *testing.T) {
	for _, s := range []string{"ej_uppfyllt", "Ej Uppfyllt", "ej-uppfyllt", "EJ_UPPFYLLT", "ej uppfyllt"} {
		if got := fold(s); got != "ejuppfyllt" {
			t.Errorf("fold(%q) = %q", s, got)
		}
	}
	for _, s := range []string{"förbättringspotential", "forbattringspotential", "fo\u0308rba\u0308ttringspotential"} {
		if got := fold(s); got != "forbattringspotential" {
			t.Errorf("fold(%q) = %q", s, got)
		}
	}
	if fold(strings.Repeat("x", 1000)) != "" {
		t.Error("a long key is folded")
	}
}
