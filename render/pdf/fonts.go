package pdf

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"sync"
	"unicode"

	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

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

// Fonts is a family of four faces (regular, bold, italic, bold italic)
// parsed for layout: the default Liberation Sans, or an inspection body's
// own TrueType fonts (LoadFonts). It is read-only once made, and shared by
// every document that uses it, also across goroutines.
type Fonts struct {
	faces  [nStyles]*face
	family string // the name fpdf registers the faces under
}

// DefaultFonts is Liberation Sans, parsed once per process: metric-
// compatible with Arial, the typeface of the Word templates the printed
// reports come from, with every Swedish letter, a hyphen (333/1000 em)
// narrower than the en dash (556), and typographic quotes. It is under the
// SIL Open Font License 1.1, which allows embedding.
var DefaultFonts = sync.OnceValues(func() (*Fonts, error) {
	return parseFonts("LiberationSans", [nStyles][]byte{
		liberationsansregular.TTF, liberationsansbold.TTF, liberationsansitalic.TTF, liberationsansbolditalic.TTF})
})

func parseFonts(family string, ttfs [nStyles][]byte) (*Fonts, error) {
	fs := &Fonts{family: family}
	for s, ttf := range ttfs {
		f, err := parseFace(ttf)
		if err != nil {
			return nil, &FontError{Style: s, Err: err}
		}
		fs.faces[s] = f
	}
	return fs, nil
}

// FontError is a font NewFonts cannot use. Style is the argument it came
// in: 0 regular, 1 bold, 2 italic, 3 bold italic.
type FontError struct {
	Style int
	Err   error
}

func (e *FontError) Error() string { return fmt.Sprintf("%s font: %v", style(e.Style), e.Err) }
func (e *FontError) Unwrap() error { return e.Err }

func (s style) String() string {
	return [...]string{"regular", "bold", "italic", "bold italic"}[s]
}

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

// swedish is what a family must cover to set a report: the Swedish
// alphabet, digits, and the punctuation the reports use.
const swedish = "abcdefghijklmnopqrstuvwxyzåäöéüABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖÉÜ0123456789 .,;:!?()[]/%&+-–”’"

// MaxFontSize is the largest font file NewFonts takes.
const MaxFontSize = 32 << 20

// NewFonts makes a family of an inspection body's own TrueType fonts (a
// house style): regular, bold and italic, and bold italic, which may be
// nil to use bold. Each must be a TrueType font (.ttf, not OpenType CFF
// or a collection) that covers the Swedish alphabet and the punctuation
// of the reports, and that the PDF writer can embed; a trial document
// proves it, so that a build fails at its start, not at its first report.
func NewFonts(regular, bold, italic, boldItalic []byte) (*Fonts, error) {
	if boldItalic == nil {
		boldItalic = bold
	}
	ttfs := [nStyles][]byte{regular, bold, italic, boldItalic}
	for s, ttf := range ttfs {
		if err := trueType(ttf); err != nil {
			return nil, &FontError{Style: s, Err: err}
		}
	}
	fs, err := parseFonts(familyName(regular), ttfs)
	if err != nil {
		return nil, err
	}
	for s, f := range fs.faces {
		var missing []string
		for _, r := range swedish {
			if !f.covers(r) {
				missing = append(missing, string(r))
			}
		}
		if len(missing) > 0 {
			return nil, &FontError{Style: s, Err: fmt.Errorf("lacks %q, which Swedish reports need", strings.Join(missing, ""))}
		}
	}
	if err := trial(fs); err != nil {
		return nil, err
	}
	return fs, nil
}

// trueType checks the header of a font file: TrueType outlines, which is
// what the PDF writer embeds.
func trueType(b []byte) error {
	switch {
	case len(b) == 0:
		return errors.New("empty")
	case len(b) > MaxFontSize:
		return fmt.Errorf("larger than %d MiB", MaxFontSize>>20)
	case len(b) < 12:
		return errors.New("not a font file")
	}
	switch string(b[:4]) {
	case "\x00\x01\x00\x00", "true":
		return nil
	case "OTTO":
		return errors.New("an OpenType font with CFF outlines; spur embeds TrueType (.ttf) fonts only")
	case "ttcf":
		return errors.New("a font collection (.ttc); give the .ttf file of each style")
	case "wOFF", "wOF2":
		return errors.New("a web font (WOFF); give the .ttf file")
	}
	return errors.New("not a TrueType font file")
}

// trial sets a line in each face and writes the document, so that a font
// the writer cannot embed is an error here. The writer's font parser is
// not made for hostile files: a panic in it is an error too.
func trial(fs *Fonts) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the fonts cannot be embedded in a PDF: %v", r)
		}
	}()
	d := New(Meta{Fonts: fs})
	d.Paragraph(Run{Text: swedish}, Run{Text: swedish, Bold: true}, Run{Text: swedish, Italic: true},
		Run{Text: swedish, Bold: true, Italic: true})
	if err := d.Output(io.Discard); err != nil {
		return fmt.Errorf("the fonts cannot be embedded in a PDF: %w", err)
	}
	return nil
}

// familyName is the PostScript name of a font, in the letters and digits
// the PDF's font names keep: "Calibri", "LiberationSans".
func familyName(ttf []byte) string {
	name := ""
	if f, err := sfnt.Parse(ttf); err == nil {
		name, _ = f.Name(nil, sfnt.NameIDPostScript)
	}
	var b strings.Builder
	for _, r := range name {
		if r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) && b.Len() < 40 {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "custom"
	}
	// The bold face's name ends "-Bold"; the regular's may end "-Regular".
	return strings.TrimSuffix(b.String(), "Regular")
}
