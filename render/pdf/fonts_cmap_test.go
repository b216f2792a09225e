package pdf

import (
	"encoding/binary"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// runeByRune is how parseFace made its tables before walkCmap: sfnt asked
// for the glyph of every rune of the BMP.
func runeByRune(t *testing.T, ttf []byte) *face {
	t.Helper()
	sf, err := sfnt.Parse(ttf)
	if err != nil {
		t.Fatal(err)
	}
	upem := int(sf.UnitsPerEm())
	f := &face{ttf: ttf}
	var buf sfnt.Buffer
	for r := rune(0); r < 0x10000; r++ {
		g, err := sf.GlyphIndex(&buf, r)
		if err != nil || g == 0 {
			continue
		}
		adv, err := sf.GlyphAdvance(&buf, g, fixed.Int26_6(upem<<6), font.HintingNone)
		if err != nil {
			continue
		}
		f.has[r>>6] |= 1 << (uint(r) & 63)
		f.width[r] = uint16(math.Round(1000.0 / float64(upem) * float64(adv) / 64))
	}
	return f
}

func sameTables(t *testing.T, name string, got, want *face) {
	t.Helper()
	if got.has != want.has {
		t.Errorf("%s: coverage differs from sfnt's rune by rune", name)
	}
	if got.width != want.width {
		for r := range want.width {
			if got.width[r] != want.width[r] {
				t.Errorf("%s: width of U+%04X %d, sfnt %d", name, r, got.width[r], want.width[r])
				break
			}
		}
	}
}

func TestWalkCmapAsSfnt(t *testing.T) {
	fonts := map[string][]byte{
		"LiberationSans-Regular":    liberationsansregular.TTF,
		"LiberationSans-Bold":       liberationsansbold.TTF,
		"LiberationSans-Italic":     liberationsansitalic.TTF,
		"LiberationSans-BoldItalic": liberationsansbolditalic.TTF,
		"Go-Regular":                goregular.TTF,
		"Go-Italic":                 goitalic.TTF,
		"Go-Mono":                   gomono.TTF,
	}
	// The system's fonts, where there are some (DejaVu has a format 12
	// subtable).
	system, _ := filepath.Glob("/usr/share/fonts/truetype/*/*.ttf")
	for _, p := range system {
		if b, err := os.ReadFile(p); err == nil {
			fonts[filepath.Base(p)] = b
		}
	}
	for name, ttf := range fonts {
		walked := 0
		if walkCmap(ttf, func(rune, sfnt.GlyphIndex) { walked++ }) && walked == 0 {
			t.Errorf("%s: walked, but no rune", name)
		}
		f, err := parseFace(ttf)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		sameTables(t, name, f, runeByRune(t, ttf))
	}
	if !walkCmap(liberationsansregular.TTF, func(rune, sfnt.GlyphIndex) {}) {
		t.Error("Liberation Sans is asked rune by rune")
	}
}

// TestWalkCmapDamaged damages the cmap of a font at random: parseFace's
// tables stay those sfnt gives rune by rune, or walkCmap gives up.
func TestWalkCmapDamaged(t *testing.T) {
	orig := liberationsansregular.TTF
	var off, length uint32
	for i := range uint32(binary.BigEndian.Uint16(orig[4:])) {
		rec := orig[12+16*i:]
		if string(rec[:4]) == "cmap" {
			off, length = binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		}
	}
	if length == 0 {
		t.Fatal("no cmap")
	}
	n := 300
	if testing.Short() {
		n = 30
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range n {
		ttf := append([]byte(nil), orig...)
		for range 1 + rng.IntN(4) {
			// The subtable headers and segment arrays are at the start.
			p := off + uint32(rng.IntN(int(min(length, 400))))
			ttf[p] = byte(rng.IntN(256))
		}
		f, err := parseFace(ttf)
		if _, serr := sfnt.Parse(ttf); (err == nil) != (serr == nil) {
			t.Fatalf("case %d: parseFace %v, sfnt %v", i, err, serr)
		}
		if err != nil {
			continue
		}
		sameTables(t, "damaged", f, runeByRune(t, ttf))
	}
}

func BenchmarkParseFace(b *testing.B) {
	for b.Loop() {
		if _, err := parseFace(liberationsansregular.TTF); err != nil {
			b.Fatal(err)
		}
	}
}
