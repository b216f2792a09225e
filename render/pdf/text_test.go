package pdf

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"spur/hyph"
)

func TestFontsParsedOnce(t *testing.T) {
	a, err := DefaultFonts()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := DefaultFonts()
	if a != b {
		t.Fatal("fonts parsed twice")
	}
	// Documents built at the same time share the tables read-only; -race
	// checks it.
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			d := New(testMeta())
			d.markdown(narrative)
			if d.faces != &a.faces {
				t.Error("document has its own font tables")
			}
			if err := d.Output(&bytes.Buffer{}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
}

func TestFourStylesEmbedded(t *testing.T) {
	b, _ := render(t, func(d *Doc) {
		d.Paragraph(Run{Text: "vanlig "}, Run{Text: "fet ", Bold: true}, Run{Text: "kursiv ", Italic: true},
			Run{Text: "båda", Bold: true, Italic: true})
	})
	// Each face is embedded as a subset, named with a subset tag.
	for _, name := range []string{"utf8liberationsans", "utf8liberationsansB", "utf8liberationsansI", "utf8liberationsansBI"} {
		if !regexp.MustCompile(`/BaseFont /[A-Z]{6}\+` + name + "\n").Match(b) {
			t.Errorf("no subset of %s in the PDF", name)
		}
	}
}

func TestSwedishExtracts(t *testing.T) {
	const s = "Åtgärd krävs: å ä ö Å Ä Ö é – ”citat” “citat” • ST-läkare HSLF-FS 2021:8"
	b, d := render(t, func(d *Doc) {
		d.Heading(s, 1)
		d.Paragraph(Run{Text: s}, Run{Text: " " + s, Bold: true})
		d.markdown("*" + s + "*")
		d.Checkbox(CheckMet, s)
		d.Table(nil, []Cell{{Runs: []Run{{Text: s}}}}, [][]Cell{{{Text: md("- " + s)}}})
	})
	if w := d.Warnings(); len(w) > 0 {
		t.Errorf("warnings: %q", w)
	}
	text := strings.Join(strings.Fields(strings.Join(pdftotext(t, b), " ")), " ")
	if n := strings.Count(text, s); n != 7 {
		t.Errorf("%q found %d times, want 7, in:\n%s", s, n, text)
	}
}

func TestClean(t *testing.T) {
	tests := []struct {
		name, in, want string
		warn           string // a substring of the only warning, if any
	}{
		{"ascii", "Åtgärd krävs.", "Åtgärd krävs.", ""},
		{"C0 and C1 dropped", "a\x00b\x07c\x1bd\u0085e\u009ff\x7fg", "abcdefg", ""},
		{"line breaks", "a\r\nb\rc\u2028d\u2029e\nf", "a\nb\nc\nd\ne\nf", ""},
		{"tab", "a\tb", "a b", ""},
		{"zero width", "a\u200bb\u200cc\u200dd\ufeffe\u2060f\u00adg", "abcdefg", ""},
		{"bidi controls", "a\u202eb\u200fc\u2066d", "abcd", ""},
		{"NFC composes", "e\u0301 a\u030a", "é å", ""},
		{"combining kept apart", "q\u0301", "q\u0301", ""},
		{"emoji", "ok 😀!", "ok □!", `character U+1F600 "😀" not in font, replaced`},
		{"emoji sequence", "👍🏽\ufe0f", "□□", "U+1F44D"},
		{"CJK", "日本", "□□", "U+65E5"},
		{"hebrew", "שלום", "□□□□", "U+05E9 \"ש\" is right-to-left"},
		{"arabic", "مرحبا", "□□□□□", "U+0645"},
		{"invalid UTF-8", "a\xffb", "a□b", "invalid UTF-8"},
		{"no-break spaces", "10\u00a0mg 5\u202fkg", "10\u00a0mg 5\u202fkg", ""},
		{"other spaces", "a\u2003b\u3000c", "a b c", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := New(Meta{})
			got := d.clean(tt.in, d.faces[regular])
			if got != tt.want {
				t.Errorf("clean(%q) = %q, want %q", tt.in, got, tt.want)
			}
			w := d.Warnings()
			switch {
			case tt.warn == "" && len(w) > 0:
				t.Errorf("unexpected warnings %q", w)
			case tt.warn != "" && (len(w) == 0 || !strings.Contains(w[0], tt.warn)):
				t.Errorf("warnings %q, want one with %q", w, tt.warn)
			}
		})
	}
}

func TestWarningNamesContextOnce(t *testing.T) {
	d := New(Meta{})
	d.SetContext("Area E narrative")
	d.Paragraph(Run{Text: "Bra 😀 och 😀 igen"})
	d.markdown("**😀**")
	d.SetContext("Area F narrative")
	d.Paragraph(Run{Text: "😀"})
	want := []string{
		`character U+1F600 "😀" not in font, replaced (in "Area E narrative")`,
		`character U+1F600 "😀" not in font, replaced (in "Area F narrative")`,
	}
	if got := d.Warnings(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("warnings\n got %q\nwant %q", got, want)
	}
}

func TestWrapStaysInWidth(t *testing.T) {
	d := New(Meta{})
	long := strings.Repeat("x", 500)
	url := "https://example.com/" + strings.Repeat("väg/", 120) + "?a=1&b=2"
	texts := []string{
		strings.Repeat("Handledning sker regelbundet. ", 300),
		long,
		"Se " + url + " för detaljer.",
		"kort " + long + " kort",
		strings.Repeat("ab ", 10) + long[:100] + strings.Repeat(" cd", 10),
	}
	for _, width := range []float64{170, 45, 3, 0.1} {
		for _, s := range texts {
			runs := []Run{{Text: s[:len(s)/2], Bold: true}, {Text: s[len(s)/2:], Link: "https://example.com"}}
			ls := d.wrap(runs, width, bodyStyle())
			var got strings.Builder
			for _, l := range ls {
				for i, f := range l.frags {
					if i == len(l.frags)-1 && l.hyphen {
						f.text = strings.TrimSuffix(f.text, "-")
					}
					end := f.x + f.w
					if end > width+1e-6 && len([]rune(f.text)) > 1 {
						t.Fatalf("width %v: %q ends at %v", width, f.text, end)
					}
					got.WriteString(f.text)
				}
			}
			// Nothing is lost but the spaces where lines break.
			if strings.ReplaceAll(got.String(), " ", "") != strings.ReplaceAll(s, " ", "") {
				t.Fatalf("width %v: text changed by wrapping", width)
			}
		}
	}
}

func TestLongURLBreaksAfterSlash(t *testing.T) {
	d := New(Meta{})
	url := "https://example.com/" + strings.Repeat("segment/", 60)
	ls := d.wrap([]Run{{Text: url}}, 80, bodyStyle())
	if len(ls) < 3 {
		t.Fatalf("%d lines", len(ls))
	}
	for _, l := range ls[:len(ls)-1] {
		last := l.frags[len(l.frags)-1].text
		if !strings.HasSuffix(last, "/") {
			t.Errorf("line ends in %q, not after a slash", last[max(0, len(last)-10):])
		}
	}
}

func TestCleanMetaAndLang(t *testing.T) {
	if got := cleanMeta("Rapport 😀\x00\nÖrebro\xff"); got != "Rapport \ufffd Örebro\ufffd" {
		t.Errorf("cleanMeta = %q", got)
	}
	for in, want := range map[string]string{"sv-SE": "sv-SE", "sv) /Evil (": "svEvil", "": ""} {
		if got := cleanLang(in); got != want {
			t.Errorf("cleanLang(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"https://a.se/ö p": "https://a.se/%C3%B6%20p",
		"javascript:x()":   "",
		"mailto:a@b.se":    "mailto:a@b.se",
		"/relative":        "",
	} {
		if got := linkURI(in); got != want {
			t.Errorf("linkURI(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestHyphenNarrowerThanDash: in the embedded font "ST-läkare" does not
// read as "ST–läkare", as it did in the Go font (hyphen 583, dash 500).
func TestHyphenNarrowerThanDash(t *testing.T) {
	fs, err := DefaultFonts()
	if err != nil {
		t.Fatal(err)
	}
	for s, f := range fs.faces {
		if h, n := f.width['-'], f.width['–']; h == 0 || h >= n*7/10 {
			t.Errorf("%s: hyphen %d, en dash %d units", style(s), h, n)
		}
	}
}

// TestHyphenation: a word wider than its column is broken at a Swedish
// hyphenation point with a hyphen; a word that fits a line is moved whole;
// ids, dates and URLs are never hyphenated.
func TestHyphenation(t *testing.T) {
	d := New(Meta{})
	ts := tableStyle()
	f := d.faces[regular]
	word := "kompetensvärderingsinstrument"
	width := f.advance(word, ts.pt) * 0.6
	ls := d.wrap([]Run{{Text: "Nytt " + word + " införs."}}, width, ts)
	var got []string
	for _, l := range ls {
		var b strings.Builder
		for _, fr := range l.frags {
			b.WriteString(fr.text)
		}
		got = append(got, b.String())
		if end := l.frags[len(l.frags)-1]; end.x+end.w > width+eps {
			t.Errorf("%q is wider than the column", b.String())
		}
	}
	joined := strings.Join(got, "|")
	var plain strings.Builder
	for i, g := range got {
		if ls[i].hyphen {
			if !strings.HasSuffix(g, "-") {
				t.Fatalf("line %q marked hyphenated has no hyphen", g)
			}
			g = strings.TrimSuffix(g, "-")
			// The break is at a hyphenation point of the word.
			at := len(plain.String()+g) - len("Nytt ")
			if !slices.Contains(hyph.Swedish().Points(word), at) {
				t.Errorf("hyphen at byte %d of %q, not a hyphenation point: %q", at, word, joined)
			}
		} else if i < len(got)-1 {
			g += " "
		}
		plain.WriteString(g)
	}
	if plain.String() != "Nytt "+word+" införs." {
		t.Errorf("lines %q do not read as the text", joined)
	}
	if !strings.Contains(joined, "-|") {
		t.Errorf("no hyphen added: %q", joined)
	}
	// A word narrower than the column goes whole to the next line.
	ls = d.wrap([]Run{{Text: "Ett " + word}}, f.advance(word, ts.pt)+1, ts)
	if len(ls) != 2 || ls[0].hyphen {
		t.Errorf("a word that fits a line was hyphenated: %+v", ls)
	}
	for _, code := range []string{"2025-02-11T10:30", "https://www.socialstyrelsen.se/kunskapsstod", "HSLF-FS-2021:8-E12", "kompetensvärderingsinstrument2025"} {
		for _, l := range d.wrap([]Run{{Text: code}}, f.advance(code, ts.pt)*0.3, ts) {
			if l.hyphen {
				t.Errorf("%q hyphenated", code)
			}
		}
	}
}

// TestSettled: every settled rune passes clean's rules unchanged, is in
// NFC alone, has combining class 0 and composes with nothing before it, so
// that any string of settled runes and printable ASCII is in NFC; and
// clean's fast path gives what its full path gives, for random strings of
// such runes and of others.
func TestSettled(t *testing.T) {
	d := New(Meta{})
	f := d.faces[regular]
	n := 0
	for r := rune(0); r < 0x10000; r++ {
		if !settled(r) {
			continue
		}
		n++
		s := string(r)
		p := norm.NFC.PropertiesString(s)
		if norm.NFC.String(s) != s || p.CCC() != 0 || !p.BoundaryBefore() {
			t.Errorf("%U is settled but not a starter in NFC that combines with nothing", r)
		}
		if dropped(r) || rtl(r) || (unicode.Is(unicode.Zs, r) && r != 0xa0) || r == '\u2028' || r == '\u2029' || unicode.IsControl(r) {
			t.Errorf("%U is settled but clean changes it", r)
		}
	}
	if n < 400 {
		t.Fatalf("only %d settled runes", n)
	}
	alphabet := []rune("aZ0 .,–—’”“•…→€§°±×÷åäöÅÄÖéüłčœ\u00a0\u202f\u2003\u00ad\u0301\u200b\t\n\r😀ש日\ufe0f")
	rng := rand.New(rand.NewPCG(1, 2))
	fast := 0
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteRune(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		if rng.IntN(50) == 0 {
			s += "\xff"
		}
		want := New(Meta{}).cleanSlow(s, f)
		if settledText(s, f) {
			fast++
			if want != s {
				t.Fatalf("clean's fast path keeps %q, its full path gives %q", s, want)
			}
		}
	}
	if fast < 1000 {
		t.Fatalf("only %d of 20000 strings took the fast path", fast)
	}
}
