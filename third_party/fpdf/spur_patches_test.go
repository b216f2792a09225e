// spur: tests of spur's changes to fpdf (PATCHES.md). Each proves that a
// change writes what upstream's code writes, or, for the deflate, what a
// fresh writer writes; TestPinnedBytes fails on any change of the bytes of
// a small document.

package fpdf

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
	kzlib "github.com/klauspost/compress/zlib"
)

var testFaces = []struct {
	style string
	ttf   []byte
}{
	{"", liberationsansregular.TTF},
	{"B", liberationsansbold.TTF},
	{"I", liberationsansitalic.TTF},
	{"BI", liberationsansbolditalic.TTF},
}

// upstreamParse is what upstream's AddUTF8FontFromBytes parses for every
// document.
func upstreamParse(t testing.TB, ttf []byte) *utf8FontFile {
	t.Helper()
	u := newUTF8Font(&fileReader{array: ttf})
	if err := u.parseFile(); err != nil {
		t.Fatal(err)
	}
	return u
}

// TestFastParseAsUpstream: parseFileFast fills the same fields with the
// same values as parseFile.
func TestFastParseAsUpstream(t *testing.T) {
	for _, f := range testFaces {
		want := upstreamParse(t, f.ttf)
		got := newUTF8Font(&fileReader{array: f.ttf})
		if _, _, err := got.parseFileFast(); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("style %q: parseFileFast differs from parseFile", f.style)
		}
	}
	for _, b := range [][]byte{[]byte("OTTO\x00\x00\x00\x00"), []byte("ttcf\x00\x00\x00\x00"), []byte("junkjunk")} {
		_, _, errFast := newUTF8Font(&fileReader{array: b}).parseFileFast()
		errUp := newUTF8Font(&fileReader{array: b}).parseFile()
		if errFast == nil || errUp == nil || errFast.Error() != errUp.Error() {
			t.Errorf("%q: parseFileFast %v, parseFile %v", b[:4], errFast, errUp)
		}
	}
}

// TestFontIDMemoised: the memoised font ID (utf8FontShared.fontID, and
// fastFontID under it) equals generateFontID's.
func TestFontIDMemoised(t *testing.T) {
	for _, f := range testFaces {
		s, err := sharedUTF8Font(f.ttf)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"liberationsans" + strings.ToLower(f.style), "calibri", `odd<&>"\é` + "\u2028"} {
			def := fontDefType{Tp: "UTF8", Name: name, Desc: FontDescType{Ascent: s.file.Ascent, Descent: s.file.Descent,
				CapHeight: s.file.CapHeight, Flags: s.file.Flags, FontBBox: s.file.Bbox, ItalicAngle: s.file.ItalicAngle,
				StemV: s.file.StemV, MissingWidth: round(s.file.DefaultWidth)},
				Up: int(round(s.file.UnderlinePosition)), Ut: round(s.file.UnderlineThickness), Cw: s.file.CharWidths}
			want, err := generateFontID(def)
			if err != nil {
				t.Fatal(err)
			}
			for range 2 { // computed, then memoised
				if got := s.fontID(def); got != want {
					t.Errorf("%s %q: fontID %s, generateFontID %s", f.style, name, got, want)
				}
			}
		}
	}
	long := make([]int, 20000)
	long[0], long[9000], long[19999] = 5, 1234, 9
	for _, cw := range [][]int{nil, {}, {0}, {7, 0, 0, 65535, -3, 12}, long} {
		def := fontDefType{Tp: "UTF8", Name: "x", Cw: cw, File: "dropped.z"}
		want := mustID(generateFontID(def))
		if got := fastFontID(def, nil); got != want {
			t.Errorf("Cw %v: fastFontID %s, generateFontID %s", cw, got, want)
		}
		var nonzero []int
		for i, w := range cw {
			if w != 0 || i%2 == 0 { // the list may hold indices of zeros too
				nonzero = append(nonzero, i)
			}
		}
		if cw != nil && nonzero == nil {
			nonzero = []int{}
		}
		if got := fastFontID(def, nonzero); got != want {
			t.Errorf("Cw %v, indices %v: fastFontID %s, generateFontID %s", cw, nonzero, got, want)
		}
	}
	// The ID a document gets is upstream's too.
	pdf := New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes("Liberation Sans", "B", liberationsansbold.TTF)
	if len(pdf.fonts) != 1 {
		t.Fatalf("%d fonts", len(pdf.fonts))
	}
	var def fontDefType
	for _, def = range pdf.fonts {
	}
	if want := mustID(generateFontID(def)); def.i != want {
		t.Errorf("document's font ID %s, generateFontID %s", def.i, want)
	}
}

func mustID(s string, err error) string {
	if err != nil {
		panic(err)
	}
	return s
}

// TestSharedCutAsUpstream: a subset cut from the shared font is upstream's
// subset, byte for byte, with the same glyph map, for subsets of every
// size.
func TestSharedCutAsUpstream(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 34))
	for _, f := range testFaces {
		s, err := sharedUTF8Font(f.ttf)
		if err != nil {
			t.Fatal(err)
		}
		// The cmap as upstream's GenerateCutFont reads it.
		up := newUTF8Font(&fileReader{array: f.ttf})
		upstreamTables := up.parseCutTables()
		got := map[int]int{}
		for _, p := range s.cutTables().runeGlyphs {
			got[int(p.char)] = int(p.symbol)
		}
		if !maps.Equal(got, upstreamTables.charSymbolDictionary) {
			t.Fatalf("style %q: the shared cmap differs from upstream's", f.style)
		}
		if !slices.Equal(s.cutTables().symbolPosition, upstreamTables.symbolPosition) {
			t.Fatalf("style %q: the shared loca differs from upstream's", f.style)
		}
		cmap := slices.Sorted(maps.Keys(got))
		for i := range 40 {
			runes := makeSubsetRange(32)
			for _, r := range "Åtgärd krävs: ”citat” – 2025 □" {
				runes[int(r)] = int(r)
			}
			for range rng.IntN(1 << (i % 12)) {
				r := cmap[rng.IntN(len(cmap))]
				runes[r] = r
			}
			runes[0x1F600] = 0x1F600 // not in the font
			delete(runes, 0)
			up := upstreamParse(t, f.ttf)
			want := up.GenerateCutFont(maps.Clone(runes))
			in := s.instance()
			got := in.GenerateCutFont(maps.Clone(runes))
			if !bytes.Equal(got, want) {
				t.Fatalf("style %q, %d runes: the shared font's subset differs from upstream's", f.style, len(runes))
			}
			if !maps.Equal(in.CodeSymbolDictionary, up.CodeSymbolDictionary) || in.LastRune != up.LastRune {
				t.Fatalf("style %q, %d runes: glyph map or last rune differs", f.style, len(runes))
			}

		}
	}
}

// TestWidthsCachedAsUpstream: the /W entry of a shared font's subset is
// upstream's for the same subset, from a font parsed anew, whether it is
// made or found in the cache; subsets that differ above rune 255 get
// entries of their own.
func TestWidthsCachedAsUpstream(t *testing.T) {
	rng := rand.New(rand.NewPCG(56, 78))
	for _, f := range testFaces {
		s, err := sharedUTF8Font(f.ttf)
		if err != nil {
			t.Fatal(err)
		}
		var cmap []int
		for _, p := range s.cutTables().runeGlyphs {
			cmap = append(cmap, int(p.char))
		}
		seen := map[string]string{}
		for i := range 60 {
			runes := makeSubsetRange(32)
			for _, r := range "Åtgärd krävs: 2025" {
				runes[int(r)] = int(r)
			}
			for range rng.IntN(1 << (i % 8)) {
				r := cmap[rng.IntN(len(cmap))]
				runes[r] = r
			}
			delete(runes, 0)
			// As AddUTF8FontFromBytes and putfonts: the widths are the
			// parse's, taken before the cut.
			up := upstreamParse(t, f.ttf)
			cw := up.CharWidths
			up.GenerateCutFont(maps.Clone(runes))
			want := cidFontWidths(&fontDefType{Cw: cw, usedRunes: runes, utf8File: up}, up.LastRune)
			in := s.instance()
			in.GenerateCutFont(maps.Clone(runes))
			def := fontDefType{Cw: s.file.CharWidths, usedRunes: runes, utf8File: in}
			for pass := range 2 {
				got, ok := cachedWidths(&def, in.LastRune)
				if !ok {
					t.Fatalf("style %q: a shared font's widths were not cached", f.style)
				}
				if got != want {
					t.Fatalf("style %q, subset %d, pass %d: /W differs from upstream's:\n%s\n%s", f.style, i, pass, got, want)
				}
			}
			seen[want] = want
		}
		if len(seen) < 10 {
			t.Fatalf("style %q: only %d different /W entries from 60 subsets; the test does not vary them", f.style, len(seen))
		}
		n := 0
		s.widths.Range(func(_, _ any) bool { n++; return true })
		if n < len(seen) {
			t.Fatalf("style %q: %d entries cached for %d different ones", f.style, n, len(seen))
		}
	}
	// A font that is not shared is not cached: its caller makes the entry.
	up := upstreamParse(t, testFaces[0].ttf)
	runes := makeSubsetRange(32)
	cw := up.CharWidths
	up.GenerateCutFont(runes)
	if _, ok := cachedWidths(&fontDefType{Cw: cw, usedRunes: runes, utf8File: up}, up.LastRune); ok {
		t.Fatal("the widths of a font parsed for one document were cached")
	}
}

// TestAssembleTablesAsUpstream: the font file of a subset is upstream's,
// byte for byte, for subsets of every size, and for a table whose length
// is not a multiple of four.
func TestAssembleTablesAsUpstream(t *testing.T) {
	rng := rand.New(rand.NewPCG(90, 12))
	for _, f := range testFaces {
		s, err := sharedUTF8Font(f.ttf)
		if err != nil {
			t.Fatal(err)
		}
		var cmap []int
		for _, p := range s.cutTables().runeGlyphs {
			cmap = append(cmap, int(p.char))
		}
		for i := range 30 {
			runes := makeSubsetRange(32)
			for range rng.IntN(1 << (i % 11)) {
				r := cmap[rng.IntN(len(cmap))]
				runes[r] = r
			}
			delete(runes, 0)
			in := s.instance()
			got := in.GenerateCutFont(runes)
			if want := upstreamAssembleTables(in); !bytes.Equal(got, want) {
				t.Fatalf("style %q, %d runes: the subset's font file differs from upstream's", f.style, len(runes))
			}
			if i == 0 {
				in.outTablesData["zzzz"] = []byte{1, 2, 3, 4, 5}
				in.outTablesData["cvt "] = append(in.outTablesData["cvt "][:len(in.outTablesData["cvt "]):len(in.outTablesData["cvt "])], 7)
				if got, want := in.assembleTables(), upstreamAssembleTables(in); !bytes.Equal(got, want) {
					t.Fatalf("style %q: with unpadded tables, the font file differs from upstream's", f.style)
				}
			}
		}
	}
}

// TestColorOperators: a colour's operator is upstream's (its comments
// give it as sprintf), when made and when found again, for grey and RGB,
// components out of range clamped, and the gradient's form without an
// operator.
func TestColorOperators(t *testing.T) {
	pdf := New("P", "mm", "A4", "")
	comp := func(v int) float64 { return float64(min(max(v, 0), 255)) / 255 }
	for _, c := range [][3]int{{0, 0, 0}, {33, 33, 33}, {22, 54, 92}, {-5, 300, 128}, {255, 255, 254}, {250, 250, 250}} {
		r, g, b := comp(c[0]), comp(c[1]), comp(c[2])
		gray := r == g && r == b
		for _, ops := range [][2]string{{"g", "rg"}, {"G", "RG"}, {"", ""}} {
			want := fmt.Sprintf("%.3f %.3f %.3f %s", r, g, b, ops[1])
			switch {
			case ops[0] == "":
				want = fmt.Sprintf("%.3f %.3f %.3f", r, g, b)
			case gray:
				want = fmt.Sprintf("%.3f %s", r, ops[0])
			}
			for pass := range 2 {
				if got := pdf.rgbColorValue(c[0], c[1], c[2], ops[0], ops[1]); got.str != want {
					t.Errorf("%v %q, pass %d: %q, want %q", c, ops, pass, got.str, want)
				}
			}
		}
	}
}

// TestPooledBuffersAsFresh: documents written with buffers another
// document gave back, longer and shorter ones in turn and several at once,
// are those written with new buffers; and the buffers are given back.
func TestPooledBuffersAsFresh(t *testing.T) {
	texts := []string{"Åtgärd krävs", strings.Repeat("Handledning och kompetensbedömning ", 200), "x"}
	page := func(text string, pages int) *Fpdf {
		pdf := testDoc(text)
		for range pages {
			pdf.AddPage()
			pdf.SetFont("Liberation Sans", "", 9)
			for i := range 40 {
				pdf.Text(20, 20+float64(6*i), text[:min(len(text), 90)])
			}
		}
		return pdf
	}
	pageBuffers, docBuffers = sync.Pool{}, sync.Pool{}
	want := make([][]byte, len(texts))
	for i, text := range texts {
		want[i] = output(t, page(text, i*3))
		pageBuffers, docBuffers = sync.Pool{}, sync.Pool{}
	}
	// Under the race detector, a pool drops a quarter of what it is
	// given: one of eight documents must have given its buffers back.
	var doc, pages bool
	for range 8 {
		output(t, page(texts[1], 3))
		_, ok := docBuffers.Get().(*[]byte)
		doc = doc || ok
		_, ok = pageBuffers.Get().(*bytes.Buffer)
		pages = pages || ok
	}
	if !doc || !pages {
		t.Errorf("buffers given back: the document's %v, a page's %v", doc, pages)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for round := range 6 {
				for i, text := range texts {
					if got := output(t, page(text, i*3)); !bytes.Equal(got, want[i]) {
						t.Errorf("round %d, document %d: written with given-back buffers, it differs from one written with new ones", round, i)
					}
				}
			}
		})
	}
	wg.Wait()
}

// TestTextFastAsUpstream: Text's path for UTF-8 fonts writes the bytes
// upstream's writes, and marks the same runes used, for text whose UTF-16
// holds the bytes of a backslash, parenthesis or carriage return, in
// colour and not, across pages and fonts; and documents stay the same.
func TestTextFastAsUpstream(t *testing.T) {
	texts := []string{"Åtgärd krävs (B) \\ 50 %", "\u2829\u5c0d\u0d28\u2013 — “citat” → €", "x\ry", "", "日本 \u0301e"}
	render := func(fast bool) ([]byte, map[string]map[int]int) {
		fastText = fast
		defer func() { fastText = true }()
		pdf := testDoc("start")
		for p := range 2 {
			pdf.AddPage()
			for i, f := range testFaces {
				pdf.SetFont("Liberation Sans", f.style, 9)
				if (i+p)%2 == 1 {
					pdf.SetTextColor(22, 54, 92)
				} else {
					pdf.SetTextColor(0, 0, 0)
				}
				for j, text := range texts {
					pdf.Text(20+float64(i), 20+float64(8*j+40*p), text)
				}
			}
		}
		used := map[string]map[int]int{}
		for k, def := range pdf.fonts {
			used[k] = maps.Clone(def.usedRunes)
		}
		return output(t, pdf), used
	}
	want, wantUsed := render(false)
	got, gotUsed := render(true)
	if !bytes.Equal(got, want) {
		t.Error("the document written with Text's fast path differs from upstream's")
	}
	if !maps.EqualFunc(gotUsed, wantUsed, maps.Equal) {
		t.Error("the fast path marks other runes used than upstream's")
	}
	for _, s := range texts {
		if got, want := string(appendEscapedUTF16(nil, s)), new(Fpdf).escape(utf8toutf16(s, false)); got != want {
			t.Errorf("%q: escaped UTF-16 %q, want %q", s, got, want)
		}
	}
}

// TestSubsetsCachedAsFresh: documents whose subsets come from the cache
// are those whose subsets are cut anew, byte for byte, when the same text
// comes again, in another order, at the same time, and after the cache
// has dropped the oldest; the cache keeps at most maxSubsets.
func TestSubsetsCachedAsFresh(t *testing.T) {
	texts := []string{"Åtgärd krävs", "Åtgärd krävs!", "Handledning – 2025 → 2026", "x", "Åtgärd krävs", "0123456789 ()\\"}
	reset := func() {
		subsets.Lock()
		subsets.m = nil
		subsets.Unlock()
	}
	count := func() int {
		subsets.Lock()
		defer subsets.Unlock()
		return len(subsets.m)
	}
	want := make([][]byte, len(texts))
	for i, text := range texts {
		reset()
		want[i] = output(t, testDoc(text))
	}
	reset()
	for round := range 2 {
		for i, text := range texts {
			if got := output(t, testDoc(text)); !bytes.Equal(got, want[i]) {
				t.Fatalf("round %d, %q: with cached subsets the document differs from one cut anew", round, text)
			}
		}
	}
	// Four faces; texts 0 and 4 are the same.
	if n := count(); n != 4*(len(texts)-1) {
		t.Errorf("%d subsets cached, want %d", n, 4*(len(texts)-1))
	}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := range texts {
				j := (i + w) % len(texts)
				if got := output(t, testDoc(texts[j])); !bytes.Equal(got, want[j]) {
					t.Errorf("at the same time, %q: the document differs from one cut anew", texts[j])
				}
			}
		})
	}
	wg.Wait()
	for i := range maxSubsets {
		output(t, testDoc(strings.Repeat("a", i+1)+strconv.Itoa(i)))
	}
	if n := count(); n != maxSubsets {
		t.Errorf("%d subsets cached, want at most %d", n, maxSubsets)
	}
	for i, text := range texts {
		if got := output(t, testDoc(text)); !bytes.Equal(got, want[i]) {
			t.Fatalf("after the cache dropped the oldest, %q differs from one cut anew", text)
		}
	}
}

// snapshot copies what documents share of a parsed font.
type snapshot struct {
	data       []byte
	widths     []int
	file       utf8FontFile
	tables     map[string]tableDescription
	runeGlyphs []cmapPair
	positions  []int
}

func snap(s *utf8FontShared) snapshot {
	c := s.cutTables()
	sn := snapshot{data: bytes.Clone(s.data), widths: slices.Clone(s.file.CharWidths), file: *s.file,
		tables: map[string]tableDescription{}, runeGlyphs: slices.Clone(c.runeGlyphs),
		positions: slices.Clone(c.symbolPosition)}
	sn.file.fileReader = nil
	for k, v := range c.tableDescriptions {
		sn.tables[k] = *v
	}
	for k, v := range s.file.tableDescriptions {
		sn.tables["file "+k] = *v
	}
	return sn
}

// testDoc is a small document in the four faces; text varies it.
func testDoc(text string) *Fpdf {
	pdf := New("P", "mm", "A4", "")
	pdf.SetCatalogSort(true)
	tm := time.Date(2025, 2, 11, 0, 0, 0, 0, time.UTC)
	pdf.SetCreationDate(tm)
	pdf.SetModificationDate(tm)
	pdf.SetProducer("spur", false)
	for _, f := range testFaces {
		pdf.AddUTF8FontFromBytes("Liberation Sans", f.style, f.ttf)
	}
	pdf.AddPage()
	for i, f := range testFaces {
		pdf.SetFont("Liberation Sans", f.style, 11)
		pdf.Text(20, 20+float64(10*i), text)
	}
	return pdf
}

func output(t testing.TB, pdf *Fpdf) []byte {
	var b bytes.Buffer
	if err := pdf.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestSharedFontNotMutated renders different documents at the same time
// (go test -race watches the shared tables) and compares each with the same
// document rendered alone, and the shared tables with a copy made before.
func TestSharedFontNotMutated(t *testing.T) {
	texts := []string{
		"Åtgärd krävs: å ä ö Å Ä Ö é – ”citat”",
		"Verksamhetschefen ansvarar för 2025 års plan □",
		"ΑΒΓ абв ĳ ﬁ ← → ★ " + strings.Repeat("x", 300),
		"",
	}
	var before []snapshot
	for _, f := range testFaces {
		s, err := sharedUTF8Font(f.ttf)
		if err != nil {
			t.Fatal(err)
		}
		before = append(before, snap(s))
	}
	alone := make([][]byte, len(texts))
	for i, text := range texts {
		alone[i] = output(t, testDoc(text))
	}
	var wg sync.WaitGroup
	for range 3 {
		for i, text := range texts {
			wg.Go(func() {
				if got := output(t, testDoc(text)); !bytes.Equal(got, alone[i]) {
					t.Errorf("%q: rendered with others, the document differs from the one rendered alone", text)
				}
			})
		}
	}
	wg.Wait()
	for i, f := range testFaces {
		s, _ := sharedUTF8Font(f.ttf)
		if !reflect.DeepEqual(snap(s), before[i]) {
			t.Errorf("style %q: the documents changed the shared font", f.style)
		}
	}
}

// TestSharedFontCache: the same bytes give the same parsed font; another
// font in the same bytes, or a copy elsewhere, is parsed anew.
func TestSharedFontCache(t *testing.T) {
	ttf := bytes.Clone(liberationsansregular.TTF)
	a, _ := sharedUTF8Font(ttf)
	b, _ := sharedUTF8Font(ttf)
	if a != b {
		t.Error("the same bytes were parsed twice")
	}
	other := bytes.Clone(ttf)
	if c, _ := sharedUTF8Font(other); c == a || !bytes.Equal(c.data, a.data) {
		t.Error("a copy at another address shares the parse, or differs")
	}
	// Another font in the same bytes: a table's checksum differs.
	ttf[12+4] ^= 1
	if c, _ := sharedUTF8Font(ttf); c == a {
		t.Error("another font in the same bytes was taken from the cache")
	}
	if _, err := sharedUTF8Font([]byte("OTTO\x00\x01\x00\x00 not TrueType")); err == nil {
		t.Error("an OpenType CFF font was parsed")
	}
	for _, b := range [][]byte{{0, 1, 0, 0}, {0, 1, 0, 0, 0}, {0, 1, 0, 0, 0xff, 0xff, 0}} {
		if d := tableDirectory(b); len(d) > len(b) {
			t.Errorf("%x: directory of %d bytes", b, len(d))
		}
	}
}

// TestPooledWritersAsFresh: a pooled, reset zlib writer writes what a new
// writer at the same level writes, and the streams read back.
func TestPooledWritersAsFresh(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	random := make([]byte, 100_000)
	for i := range random {
		random[i] = byte(rng.Uint32())
	}
	sparse := make([]byte, 256*256*2) // a CIDToGIDMap
	for i := 0; i < len(sparse); i += 97 {
		sparse[i] = byte(i)
	}
	inputs := [][]byte{nil, []byte("BT /F1 11.00 Tf ET"), bytes.Repeat([]byte("0.000 0.000 0.000 rg 56.69 785.20 Td (Hej) Tj\n"), 500),
		random, sparse, liberationsansregular.TTF}
	for round := range 3 { // the pool's writers are used again
		for i, in := range inputs {
			var fresh bytes.Buffer
			zw, err := kzlib.NewWriterLevel(&fresh, zlibLevel)
			if err != nil {
				t.Fatal(err)
			}
			zw.Write(in)
			zw.Close()
			mem := xmem.compress(in)
			if !bytes.Equal(mem.bytes(), fresh.Bytes()) {
				t.Errorf("round %d, input %d: a pooled writer wrote other bytes than a new one", round, i)
			}
			back, err := xmem.uncompress(mem.bytes())
			if err != nil || !bytes.Equal(back.bytes(), in) {
				t.Errorf("round %d, input %d: does not read back: %v", round, i, err)
			}
			mem.release()
		}
	}
}

// TestKeyMapPut: untypedKeyMap.put with no key takes the least free int
// key, as upstream's loop did.
func TestKeyMapPut(t *testing.T) {
	upstreamKey := func(pa *untypedKeyMap) any {
		for n := 0; ; n++ {
			if pa.getIndex(n) < 0 {
				return n
			}
		}
	}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 200 {
		var pa untypedKeyMap
		for range rng.IntN(600) {
			switch rng.IntN(8) {
			case 0:
				pa.put("interval", 1)
			case 1:
				pa.delete(rng.IntN(len(pa.keySet) + 1))
			case 2:
				if len(pa.keySet) > 0 {
					pa.pop()
				}
			default:
				want := upstreamKey(&pa)
				pa.put(nil, rng.IntN(1000))
				if got := pa.keySet[len(pa.keySet)-1]; got != want {
					t.Fatalf("put took key %v, upstream %v", got, want)
				}
			}
		}
	}
}

// TestTextOp: Text's operator is what sprintf wrote.
func TestTextOp(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	values := []float64{0, math.Copysign(0, -1), 0.005, -0.005, 0.015, 1.005, 2.675, -2.675, 841.89, 1e21, -1e-9,
		math.MaxFloat64, math.SmallestNonzeroFloat64, math.Inf(1), math.Inf(-1), math.NaN()}
	for range 2000 {
		values = append(values, (rng.Float64()-0.5)*2000, float64(rng.IntN(100000))/1000)
	}
	for i, x := range values {
		y := values[(i*7+3)%len(values)]
		if got, want := textOp(x, y, "\x00(a\\)"), fmt.Sprintf("BT %.2f %.2f Td (%s) Tj ET", x, y, "\x00(a\\)"); got != want {
			t.Errorf("textOp(%v, %v) = %q, sprintf %q", x, y, got, want)
		}
	}
}

// TestUTF16: utf8toutf16's output, with its one allocation.
func TestUTF16(t *testing.T) {
	for _, s := range []string{"", "a", "Åtgärd – ”citat” □", "😀", strings.Repeat("é", 100)} {
		var want []byte
		for _, r := range s {
			if r > 0xFFFF || r == utf8.RuneError {
				want = nil // upstream's byte arithmetic, not UTF-16: compared below
				break
			}
			want = append(want, byte(r>>8), byte(r))
		}
		got := utf8toutf16(s, false)
		if want != nil && got != string(want) {
			t.Errorf("%q: % x, want % x", s, got, want)
		}
		if bom := utf8toutf16(s); bom != "\xfe\xff"+got {
			t.Errorf("%q: with BOM % x", s, bom)
		}
	}
}

// pinnedSHA256 is the SHA-256 of testDoc(pinnedText). It changes when fpdf
// writes other bytes: if that is meant (an fpdf upgrade, another deflate
// level, a new spur: change to the output), set it to the value the
// failure gives and say why in the commit.
const (
	pinnedText   = "Åtgärd krävs – ”citat” 2025"
	pinnedSHA256 = "c583ea5fe9f36e5c54ed79ce17fdd6c2f86c0b002f4677d8d5ebecf6aa6fd4d1"
)

func TestPinnedBytes(t *testing.T) {
	b := output(t, testDoc(pinnedText))
	if got := fmt.Sprintf("%x", sha256.Sum256(b)); got != pinnedSHA256 {
		t.Errorf("the pinned document's SHA-256 is %s, was %s: fpdf writes other bytes", got, pinnedSHA256)
	}
}

func BenchmarkAddUTF8FontShared(b *testing.B) {
	for b.Loop() {
		pdf := New("P", "mm", "A4", "")
		for _, f := range testFaces {
			pdf.AddUTF8FontFromBytes("Liberation Sans", f.style, f.ttf)
		}
	}
}

// upstreamAssembleTables is upstream's utf8FontFile.assembleTables.
func upstreamAssembleTables(utf *utf8FontFile) []byte {
	answer := make([]byte, 0)
	tablesCount := len(utf.outTablesData)
	findSize := 1
	writer := 0
	for findSize*2 <= tablesCount {
		findSize = findSize * 2
		writer = writer + 1
	}
	findSize = findSize * 16
	rOffset := tablesCount*16 - findSize

	answer = append(answer, packHeader(0x00010000, tablesCount, findSize, writer, rOffset)...)

	tables := make(map[string][]byte, len(utf.outTablesData))
	for k, v := range utf.outTablesData {
		tables[k] = make([]byte, len(v))
		copy(tables[k], v)
	}
	tablesNames := keySortStrings(tables)

	offset := 12 + tablesCount*16
	begin := 0

	for _, name := range tablesNames {
		if name == "head" {
			begin = offset
		}
		answer = append(answer, []byte(name)...)
		checksum := utf.generateChecksum(tables[name])
		answer = append(answer, pack2Uint16(checksum[0], checksum[1])...)
		answer = append(answer, pack2Uint32(offset, len(tables[name]))...)
		paddedLength := (len(tables[name]) + 3) &^ 3
		offset = offset + paddedLength
	}

	for _, key := range tablesNames {
		data := append([]byte{}, tables[key]...)
		data = append(data, []byte{0, 0, 0}...)
		answer = append(answer, data[:(len(data)&^3)]...)
	}

	checksum := utf.generateChecksum([]byte(answer))
	checksum = utf.calcInt32([]int{0xB1B0, 0xAFBA}, checksum)
	answer = utf.splice(answer, (begin + 8), pack2Uint16(checksum[0], checksum[1]))
	return answer
}
