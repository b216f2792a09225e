package hyph

import (
	"strings"
	"testing"
)

// mark writes word with a '·' at each point, the form the tables below
// expect: "kom·pe·tens" reads as the breaks a reader would see.
func mark(word string, points []int) string {
	var b strings.Builder
	last := 0
	for _, p := range points {
		b.WriteString(word[last:p])
		b.WriteString("·")
		last = p
	}
	b.WriteString(word[last:])
	return b.String()
}

// The expectations were cross-checked against the npm package hyphen
// 1.14.1 (hyphen/sv, hyphenateSync), an independent implementation of
// Liang's algorithm with TeX's Swedish patterns, the same 2/2 minimums and
// the same five-letter minimum word: it agrees on every word here, on
// every compound in TestCompounds, and on all 118,706 words of five or
// more letters in Debian's wswedish word list. The patterns are from 1994
// and know compounds imperfectly: "sjuk·husö·ver·gri·pan·de" (not
// sjuk·hus·över…) and "stu·di·e·rek·tor" are what TeX prints too.
var swedishWords = []struct{ word, want string }{
	{"kompetensvärderingsinstrument", "kom·pe·tens·vär·de·rings·in·stru·ment"},
	{"Ledarskapskompetens", "Le·dar·skaps·kom·pe·tens"},
	{"specialiseringstjänstgöring", "spe·ci·a·li·se·rings·tjänst·gö·ring"},
	{"handledningssamtal", "hand·led·nings·sam·tal"},
	{"utbildningsprogram", "ut·bild·nings·pro·gram"},
	{"verksamhetschef", "verk·sam·hets·chef"},
	{"Verksamhetschefen", "Verk·sam·hets·che·fen"},
	{"studierektor", "stu·di·e·rek·tor"},
	{"kvalitetsindikatorer", "kva·li·tets·in·di·ka·to·rer"},
	{"föreskrifter", "fö·re·skrif·ter"},
	{"sjukhusövergripande", "sjuk·husö·ver·gri·pan·de"},
	{"Socialstyrelsen", "So·ci·al·sty·rel·sen"},
	{"handlingsplan", "hand·lings·plan"},
	{"inspektör", "in·spek·tör"},
	{"bedömning", "be·döm·ning"},
	{"verksamhetsområde", "verk·sam·hets·om·rå·de"},
	{"uppföljning", "upp·följ·ning"},
	{"dokumentation", "do·ku·men·ta·tion"},
	{"sjukvårdshuvudman", "sjuk·vårds·hu·vud·man"},
	{"patientsäkerhet", "pa·ti·ent·sä·ker·het"},
	{"specialistläkare", "spe·ci·a·list·lä·ka·re"},
	{"introduktionsprogram", "in·tro·duk·tions·pro·gram"},
	{"självskattning", "själv·skatt·ning"},
	{"utvecklingssamtal", "ut·veck·lings·sam·tal"},
	{"arbetsplatsträff", "ar·bets·plat·s·träff"},
	{"läkarprogrammet", "läkar·pro·gram·met"},
	{"handledarutbildning", "hand·le·dar·ut·bild·ning"},
	{"kompetensutveckling", "kom·pe·tens·ut·veck·ling"},
	{"återkoppling", "åter·kopp·ling"},
	{"överenskommelse", "över·ens·kom·mel·se"},
	{"vårdcentral", "vård·cen·tral"},
	{"allmänmedicin", "all·män·me·di·cin"},
	{"tjänstgöringsschema", "tjänst·gö·rings·sche·ma"},
	{"ansvarsfördelning", "an·svars·för·del·ning"},
	{"kvalitetsarbete", "kva·li·tets·ar·be·te"},
	{"sammanfattning", "sam·man·fatt·ning"},
	{"rekommendationer", "re·kom·men·da·tio·ner"},
	{"förutsättningar", "för·ut·sätt·ning·ar"},
	{"måluppfyllelse", "målupp·fyl·lel·se"},
	{"övergripande", "över·gri·pan·de"},
	{"gradering", "gra·de·ring"},
	{"läkare", "lä·ka·re"},
	{"ämnesområde", "äm·nes·om·rå·de"},
	{"psykiatri", "psy·ki·a·tri"},
	{"ortopedkirurgi", "or·to·ped·ki·rur·gi"},
	{"färdighetsträning", "fär·dig·hets·trä·ning"},
	{"renommé", "re·nom·mé"},     // é is in the patterns
	{"idéerna", "idéer·na"},      // é is in the patterns
	{"Müllerska", "Mül·lers·ka"}, // ü is a letter no pattern knows
	{"kurser", "kur·ser"},        // six letters
	{"bästa", "bäs·ta"},          // five letters: the shortest that breaks
	{"SOSFS", "SOSFS"},           // a code the patterns leave whole
	{"KOMPETENSVÄRDERINGSINSTRUMENT", "KOM·PE·TENS·VÄR·DE·RINGS·IN·STRU·MENT"},
}

func TestSwedishWords(t *testing.T) {
	h := Swedish()
	for _, c := range swedishWords {
		if got := mark(c.word, h.Points(c.word)); got != c.want {
			t.Errorf("Points(%q) = %s, want %s", c.word, got, c.want)
		}
	}
}

// TestCase: a heading in capitals or a word at the start of a sentence
// breaks where the lower-case word does.
func TestCase(t *testing.T) {
	h := Swedish()
	for _, c := range swedishWords {
		lower := strings.ToLower(c.word)
		want := mark(lower, h.Points(lower))
		r := []rune(lower)
		title := strings.ToUpper(string(r[:1])) + string(r[1:])
		for _, w := range []string{strings.ToUpper(c.word), title, c.word} {
			if len(w) != len(lower) {
				t.Fatalf("%q and %q differ in length; the test assumes they do not", w, lower)
			}
			if got := mark(lower, h.Points(w)); got != want {
				t.Errorf("Points(%q) breaks as %s, the lower-case word as %s", w, got, want)
			}
		}
	}
}

// TestPunctuation: what surrounds a word in running text does not change
// where it breaks, and never holds a point.
func TestPunctuation(t *testing.T) {
	h := Swedish()
	for _, c := range []struct{ name, word, want string }{
		{"quoted and full stop", "”föreskrifter”.", "”fö·re·skrif·ter”."},
		{"typographic quotes", "“föreskrifter”", "“fö·re·skrif·ter”"},
		{"straight quotes", `"föreskrifter"`, `"fö·re·skrif·ter"`},
		{"single quotes", "'föreskrifter'", "'fö·re·skrif·ter'"},
		{"guillemets", "«handledningssamtal»", "«hand·led·nings·sam·tal»"},
		{"parentheses", "(verksamhetschef)", "(verk·sam·hets·chef)"},
		{"brackets and comma", "[studierektor],", "[stu·di·e·rek·tor],"},
		{"comma", "föreskrifter,", "fö·re·skrif·ter,"},
		{"semicolon", "föreskrifter;", "fö·re·skrif·ter;"},
		{"colon at the end", "föreskrifter:", "fö·re·skrif·ter:"},
		{"exclamation", "föreskrifter!", "fö·re·skrif·ter!"},
		{"question", "föreskrifter?", "fö·re·skrif·ter?"},
		{"ellipsis", "föreskrifter…", "fö·re·skrif·ter…"},
		{"several", "(”föreskrifter”).", "(”fö·re·skrif·ter”)."},
		{"footnote asterisk", "föreskrifter*", "fö·re·skrif·ter*"},
		{"hanging hyphen", "kompetens-", "kom·pe·tens-"},
		{"leading hyphen", "-instrument", "-in·stru·ment"},
		{"short word in quotes", "”läka”", "”läka”"},
		{"punctuation only", "”…”.", "”…”."},
		{"apostrophe inside", "kompetens'instrument", "kompetens'instrument"},
	} {
		if got := mark(c.word, h.Points(c.word)); got != c.want {
			t.Errorf("%s: Points(%q) = %s, want %s", c.name, c.word, got, c.want)
		}
	}
}

// TestCompounds: a compound written with a hyphen or a dash breaks within
// its parts, never beside the hyphen the caller can already break at.
func TestCompounds(t *testing.T) {
	h := Swedish()
	for _, c := range []struct{ name, word, want string }{
		{"short first part", "ST-läkare", "ST-lä·ka·re"},
		{"both parts long", "kompetensvärderings-instrument", "kom·pe·tens·vär·de·rings-in·stru·ment"},
		{"en dash", "sjukhus–övergripande", "sjuk·hus–över·gri·pan·de"},
		{"one-letter part", "e-tjänster", "e-tjäns·ter"},
		{"three parts", "hälso-och-sjukvård", "häl·so-och-sjuk·vård"},
		{"hyphen and full stop", "ST-läkare.", "ST-lä·ka·re."},
		{"capital parts", "HSLF-FS", "HSLF-FS"},
		{"double hyphen", "kompetens--instrument", "kom·pe·tens--in·stru·ment"},
	} {
		got := h.Points(c.word)
		if m := mark(c.word, got); m != c.want {
			t.Errorf("%s: Points(%q) = %s, want %s", c.name, c.word, m, c.want)
		}
		for _, p := range got {
			if strings.ContainsAny(c.word[p-1:p+1], "-–") {
				t.Errorf("%s: point %d in %q is next to a hyphen", c.name, p, c.word)
			}
		}
	}
}

// TestMinimums: no break leaves a single letter on a line, and no word
// under five letters breaks, although the patterns alone would give
// e·ko·no·mi, om·sor·g and da·ta.
func TestMinimums(t *testing.T) {
	h := Swedish()
	for _, c := range []struct{ name, word, want string }{
		{"left: one letter before", "ekonomi", "eko·no·mi"},
		{"left: one letter before", "operation", "ope·ra·tion"},
		{"left: one letter before", "överläkare", "över·läka·re"},
		{"right: one letter after", "omsorg", "om·sorg"},
		{"right: one letter after", "äldreomsorg", "äldre·omsorg"},
		{"four letters", "data", "data"},
		{"four letters", "vara", "vara"},
		{"four letters", "läka", "läka"},
		{"four letters, capitals", "LÄKA", "LÄKA"},
		{"four-letter part", "bara-läka", "bara-läka"},
		{"five letters", "läkare", "lä·ka·re"},
	} {
		if got := mark(c.word, h.Points(c.word)); got != c.want {
			t.Errorf("%s: Points(%q) = %s, want %s", c.name, c.word, got, c.want)
		}
	}
}

// TestCodes: ids, dates, references, addresses and words of other scripts
// are printed whole, whatever the patterns would make of their letters.
func TestCodes(t *testing.T) {
	h := Swedish()
	long := strings.Repeat("kompetens", 29) // 261 bytes
	for _, c := range []struct{ name, token string }{
		{"criterion id", "E4"},
		{"criterion id", "A1"},
		{"criterion id", "H12"},
		{"id range", "A1–H12"},
		{"id range", "A1-H12."},
		{"id in parentheses", "(kriterium-E14)"},
		{"date", "2025-02-11"},
		{"date in a word", "beslutsdatum2025-02-11"},
		{"number", "1234567"},
		{"ordinal", "kompetens2"},
		{"superscript digit", "kompetensområde²"},
		{"regulation", "HSLF-FS"},
		{"regulation number", "2021:8"},
		{"regulation in one token", "HSLF-FS\u00a02021:8"},
		{"regulation series", "SOSFS"},
		{"genitive of a code", "SOSFS:s"},
		{"URL", "https://www.socialstyrelsen.se"},
		{"URL in parentheses", "(https://www.socialstyrelsen.se/kompetens)."},
		{"host name", "www.socialstyrelsen.se"},
		{"host name", "socialstyrelsen.se"},
		{"http prefix", "httpkompetens"},
		{"www prefix", "WWW.kompetens"},
		{"e-mail", "name@region.se"},
		{"e-mail", "förnamn.efternamn@regionstockholm.se"},
		{"path", "/home/kompetensvärdering"},
		{"windows path", `C:\Kompetens\Instrument`},
		{"identifier", "kompetens_instrument"},
		{"query", "kompetens?instrument"},
		{"assignment", "kompetens=instrument"},
		{"hashtag", "#kompetensvärdering"},
		{"ampersand", "hälso&sjukvård"},
		{"colon inside", "mailto:kompetensvärdering"},
		{"abbreviation", "t.ex."},
		{"abbreviation", "bl.a."},
		{"dot inside", "kompetens.instrument"},
		{"Greek", "κατηγορίες"},
		{"Cyrillic", "компетенция"},
		{"Greek letter in a Latin word", "kompetensβvärdering"},
		{"Han", "能力評価システム"},
		{"NFD", "kompetensva\u0308rdering"},
		{"space", "kompetens instrument"},
		{"no-break space", "kompetens\u00a0instrument"},
		{"control", "kompetens\tinstrument"},
		{"invalid UTF-8", "kompetens\xffinstrument"},
		{"too long", long},
		{"empty", ""},
	} {
		if got := h.Points(c.token); got != nil {
			t.Errorf("%s: Points(%q) = %v (%s), want none", c.name, c.token, got, mark(c.token, got))
		}
	}
}

// TestBound: the 256-byte bound is exact; a word at the bound still
// breaks.
func TestBound(t *testing.T) {
	h := Swedish()
	w := strings.Repeat("kompetens", 28) + "kvalitet" // 252 + 8 = 260
	w = w[:maxToken]
	if h.Points(w) == nil {
		t.Errorf("a token of %d bytes gets no points", len(w))
	}
	if got := h.Points(w + "a"); got != nil {
		t.Errorf("a token of %d bytes gets %d points", len(w)+1, len(got))
	}
}

// TestAllocs: the result is the only allocation, and a token without
// points costs none.
func TestAllocs(t *testing.T) {
	h := Swedish()
	for _, c := range []struct {
		word string
		want float64
	}{
		{"kompetensvärderingsinstrument", 1},
		{"”Kompetensvärderingsinstrument”.", 1},
		{"ST-läkare", 1},
		{"läka", 0},
		{"SOSFS", 0},
		{"2025-02-11", 0},
		{"https://www.socialstyrelsen.se", 0},
	} {
		if got := testing.AllocsPerRun(100, func() { h.Points(c.word) }); got != c.want {
			t.Errorf("Points(%q): %v allocations, want %v", c.word, got, c.want)
		}
	}
}
