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
	set := func(r rune, g sfnt.GlyphIndex) {
		if g == 0 {
			return
		}
		adv, err := sf.GlyphAdvance(&buf, g, fixed.Int26_6(upem<<6), font.HintingNone)
		if err != nil {
			return
		}
		f.has[r>>6] |= 1 << (uint(r) & 63)
		// fpdf: int(math.Round(1000/upem * advance)).
		f.width[r] = uint16(math.Round(1000.0 / float64(upem) * float64(adv) / 64))
	}
	// Asking sfnt for the glyph of each of the 65,536 runes took a
	// millisecond a face, at the start of every command that makes a PDF;
	// walking the ranges of the cmap gives the same glyphs.
	if !walkCmap(ttf, set) {
		for r := rune(0); r < 0x10000; r++ {
			g, err := sf.GlyphIndex(&buf, r)
			if err != nil {
				continue
			}
			set(r, g)
		}
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

// walkCmap calls set with each rune of the BMP that the font's cmap maps
// and its glyph, as sfnt.Font.GlyphIndex gives them: from the subtable
// sfnt reads (the widest Unicode encoding of a format it supports), if that
// is of format 4 or 12 with its ranges in order, as fonts have them. It
// reports false, having called nothing, for any other subtable, which the
// caller then asks sfnt about rune by rune.
func walkCmap(ttf []byte, set func(rune, sfnt.GlyphIndex)) bool {
	u16 := func(b []byte, i uint32) uint16 { return uint16(b[i])<<8 | uint16(b[i+1]) }
	u32 := func(b []byte, i uint32) uint32 { return uint32(u16(b, i))<<16 | uint32(u16(b, i+2)) }
	if len(ttf) < 12 || len(ttf) > math.MaxInt32 {
		return false
	}
	var cmap []byte
	for i, n := uint32(0), uint32(u16(ttf, 4)); i < n; i++ {
		rec := 12 + 16*i
		if uint64(rec)+16 > uint64(len(ttf)) {
			return false
		}
		if u32(ttf, rec) == 0x636d6170 { // "cmap"
			o, l := uint64(u32(ttf, rec+8)), uint64(u32(ttf, rec+12))
			if o+l > uint64(len(ttf)) {
				return false
			}
			cmap = ttf[o : o+l]
		}
	}
	size := uint32(len(cmap))
	if size < 4 || uint64(size) < 4+8*uint64(u16(cmap, 2)) {
		return false
	}
	// sfnt's parseCmap: the first subtable of the widest encoding.
	bestWidth, bestOffset, bestFormat := 0, uint32(0), uint16(0)
	for i := range uint32(u16(cmap, 2)) {
		pid, psid := u16(cmap, 4+8*i), u16(cmap, 6+8*i)
		width := 0
		switch {
		case pid == 0 && psid == 3, pid == 3 && (psid == 0 || psid == 1):
			width = 2
		case pid == 0 && psid == 4, pid == 3 && psid == 10:
			width = 4
		case pid == 1 && psid == 0:
			width = 1
		}
		if width <= bestWidth {
			continue
		}
		offset := u32(cmap, 8+8*i)
		if offset > size-4 {
			return false
		}
		format := u16(cmap, offset)
		if !(format == 0 && pid == 1 && psid == 0 || format == 4 || format == 6 || format == 12) {
			continue
		}
		bestWidth, bestOffset, bestFormat = width, offset, format
	}
	switch {
	case bestWidth == 0:
		return false
	case bestFormat == 4:
		return walkCmap4(cmap, bestOffset, set)
	case bestFormat == 12:
		return walkCmap12(cmap, bestOffset, set)
	}
	return false
}

// walkCmap4 walks a format 4 subtable as sfnt's format 4 lookup reads it.
func walkCmap4(cmap []byte, offset uint32, set func(rune, sfnt.GlyphIndex)) bool {
	u16 := func(i uint32) uint16 { return uint16(cmap[i])<<8 | uint16(cmap[i+1]) }
	size := uint32(len(cmap))
	if uint64(offset)+14 > uint64(size) || u16(offset+6)&1 != 0 {
		return false
	}
	n := uint32(u16(offset+6) / 2)
	base := offset + 14
	if uint64(base)+8*uint64(n)+2 > uint64(size) {
		return false
	}
	end := func(i uint32) uint16 { return u16(base + 2*i) }
	start := func(i uint32) uint16 { return u16(base + 2*n + 2 + 2*i) }
	for i := range n {
		if start(i) > end(i) || i > 0 && end(i-1) >= start(i) {
			return false // not in order: sfnt's binary search would differ
		}
	}
	indexesBase := base + 8*n + 2
	indexesLength := size - indexesBase
	for i := range n {
		delta, rangeOffset := u16(base+4*n+2+2*i), u16(base+6*n+2+2*i)
		for c := start(i); ; c++ {
			if rangeOffset == 0 {
				set(rune(c), sfnt.GlyphIndex(c+delta))
			} else {
				// The same uint32 arithmetic as sfnt, wrapping included.
				o := uint32(rangeOffset) + 2*uint32(int(i)-int(n)+int(c-start(i)))
				if o <= indexesLength && o+2 <= indexesLength {
					set(rune(c), sfnt.GlyphIndex(u16(indexesBase+o)))
				}
			}
			if c == end(i) {
				break
			}
		}
	}
	return true
}

// walkCmap12 walks the BMP part of a format 12 subtable as sfnt's format
// 12 lookup reads it.
func walkCmap12(cmap []byte, offset uint32, set func(rune, sfnt.GlyphIndex)) bool {
	u32 := func(i uint32) uint32 {
		return uint32(cmap[i])<<24 | uint32(cmap[i+1])<<16 | uint32(cmap[i+2])<<8 | uint32(cmap[i+3])
	}
	size := uint32(len(cmap))
	if uint64(offset)+16 > uint64(size) {
		return false
	}
	length, n := u32(offset+4), uint64(u32(offset+12))
	if length > size-offset || 16+12*n != uint64(length) {
		return false
	}
	group := func(i uint32) (start, end, delta uint32) {
		g := offset + 16 + 12*i
		return u32(g), u32(g + 4), u32(g + 8)
	}
	prevEnd := uint32(0)
	for i := range uint32(n) {
		start, end, _ := group(i)
		if start > end || i > 0 && prevEnd >= start {
			return false // not in order: sfnt's binary search would differ
		}
		prevEnd = end
	}
	for i := range uint32(n) {
		start, end, delta := group(i)
		for c := start; c <= end && c < 0x10000; c++ {
			set(rune(c), sfnt.GlyphIndex(c-start+delta))
		}
	}
	return true
}
