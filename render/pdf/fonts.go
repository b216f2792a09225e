package pdf

import (
	"fmt"
	"math"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// family is the name under which the Go fonts are registered in every
// document.
const family = "go"

// style indexes the four faces of the family.
type style uint8

const (
	regular style = iota
	bold
	italic
	boldItalic
	nStyles
)

func styleOf(b, i bool) style {
	s := regular
	if b {
		s |= bold
	}
	if i {
		s |= italic
	}
	return s
}

// fpdfStyle is the style string fpdf expects for the face.
func (s style) fpdfStyle() string {
	return [...]string{"", "B", "I", "BI"}[s]
}

// face holds what the layout needs to know about one font: which runes it
// has and how wide they are. fpdf keeps its own copy of the font per
// document (it mutates it while subsetting), so only the bytes and these
// tables are shared.
type face struct {
	ttf   []byte
	has   [0x10000 / 64]uint64 // bit set of the BMP runes with a glyph
	width [0x10000]uint16      // advance in 1/1000 em, rounded as fpdf does
	subst rune                 // what replaces a rune the face lacks
}

func (f *face) covers(r rune) bool {
	return r >= 0 && r < 0x10000 && f.has[r>>6]&(1<<(uint(r)&63)) != 0
}

// advance returns the width of s in millimetres at size pt. Runes outside
// the font count as zero; text is cleaned before it is measured.
func (f *face) advance(s string, pt float64) float64 {
	units := 0
	for _, r := range s {
		if r >= 0 && r < 0x10000 {
			units += int(f.width[r])
		}
	}
	return float64(units) * pt / 1000 * mmPerPt
}

func (f *face) runeAdvance(r rune, pt float64) float64 {
	if r < 0 || r >= 0x10000 {
		return 0
	}
	return float64(f.width[r]) * pt / 1000 * mmPerPt
}

const mmPerPt = 25.4 / 72

// fonts parses the four Go fonts once per process. The result is read-only
// and shared by all documents, also across goroutines.
var fonts = sync.OnceValues(func() (*[nStyles]*face, error) {
	var fs [nStyles]*face
	for s, ttf := range [nStyles][]byte{goregular.TTF, gobold.TTF, goitalic.TTF, gobolditalic.TTF} {
		f, err := parseFace(ttf)
		if err != nil {
			return nil, fmt.Errorf("font %q: %w", style(s).fpdfStyle(), err)
		}
		fs[s] = f
	}
	return &fs, nil
})

func parseFace(ttf []byte) (*face, error) {
	sf, err := sfnt.Parse(ttf)
	if err != nil {
		return nil, err
	}
	upem := int(sf.UnitsPerEm())
	if upem <= 0 {
		return nil, fmt.Errorf("units per em %d", upem)
	}
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
		// fpdf: int(math.Round(1000/upem * advance)).
		f.width[r] = uint16(math.Round(1000.0 / float64(upem) * float64(adv) / 64))
	}
	f.subst = '?'
	if f.covers('□') {
		f.subst = '□'
	}
	return f, nil
}
