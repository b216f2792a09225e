// spur: this file is spur's (see PATCHES.md).

package fpdf

import (
	"fmt"
	"math"
	"strconv"
	"sync"
	"sync/atomic"
)

// textOp is sprintf("BT %.2f %.2f Td (%s) Tj ET", x, y, s), the operator
// Text writes for each piece of text, without fmt: %.2f is strconv's 'f'
// format with two decimals for every finite number.
func textOp(x, y float64, s string) string {
	if math.IsInf(x, 0) || math.IsNaN(x) || math.IsInf(y, 0) || math.IsNaN(y) {
		return fmt.Sprintf("BT %.2f %.2f Td (%s) Tj ET", x, y, s)
	}
	b := make([]byte, 0, len(s)+32)
	b = append(b, "BT "...)
	b = strconv.AppendFloat(b, x, 'f', 2, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, y, 'f', 2, 64)
	b = append(b, " Td ("...)
	b = append(b, s...)
	b = append(b, ") Tj ET"...)
	return string(b)
}

// colorKey is what rgbColorValue's operator depends on: the components,
// clamped to 0–255, and the operators of grey and of RGB.
type colorKey struct {
	r, g, b     int
	gray, color string
}

// colorStrings holds rgbColorValue's operators, at most maxColorStrings:
// documents use a few colours, set again for each line and cell.
var (
	colorStrings     sync.Map // colorKey → string
	colorStringCount atomic.Int64
)

const maxColorStrings = 4096

func storeColorString(k colorKey, s string) {
	if colorStringCount.Add(1) <= maxColorStrings {
		colorStrings.Store(k, s)
	}
}

// fastText chooses textUTF8 in Text; tests turn it off to compare it with
// upstream's path.
var fastText = true

// maxSeenRune bounds the runes a font's runeBits records: the Latin
// scripts, punctuation and arrows; others are set in usedRunes each time.
const maxSeenRune = 0x2200

// runeBits records the runes of a font already set in its usedRunes.
type runeBits [maxSeenRune / 64]uint64

// textUTF8 is Text for a UTF-8 font on an open page, without right-to-left
// text, underline or strike-out: the operator upstream writes, built in
// one buffer and appended to the page, and each rune marked used once per
// document. It reports false, writing nothing, for a position that is not
// a finite number (upstream's path then writes what fmt makes of it).
func (f *Fpdf) textUTF8(x, y float64, s string) bool {
	tx, ty := x*f.k, (f.h-y)*f.k
	if math.IsInf(tx, 0) || math.IsNaN(tx) || math.IsInf(ty, 0) || math.IsNaN(ty) {
		return false
	}
	b := f.textScratch[:0]
	if f.colorFlag {
		b = append(b, "q "...)
		b = append(b, f.color.text.str...)
		b = append(b, ' ')
	}
	b = append(b, "BT "...)
	b = strconv.AppendFloat(b, tx, 'f', 2, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, ty, 'f', 2, 64)
	b = append(b, " Td ("...)
	b = appendEscapedUTF16(b, s)
	b = append(b, ") Tj ET"...)
	if f.colorFlag {
		b = append(b, " Q"...)
	}
	b = append(b, '\n')
	f.pages[f.page].Write(b)
	f.textScratch = b
	used, seen := f.currentFont.usedRunes, f.currentFont.seen
	for _, r := range s {
		if seen != nil && r >= 0 && r < maxSeenRune {
			bit := uint64(1) << (uint(r) & 63)
			if seen[r>>6]&bit != 0 {
				continue
			}
			seen[r>>6] |= bit
		}
		used[int(r)] = int(r)
	}
	return true
}

// appendEscapedUTF16 appends f.escape(utf8toutf16(s, false)): the bytes
// utf8toutf16 makes, each backslash, parenthesis and carriage return
// escaped as escape does.
func appendEscapedUTF16(dst []byte, s string) []byte {
	put := func(c byte) {
		switch c {
		case '\\', '(', ')':
			dst = append(dst, '\\', c)
		case '\r':
			dst = append(dst, '\\', 'r')
		default:
			dst = append(dst, c)
		}
	}
	for i := 0; i < len(s); {
		c1 := s[i]
		i++
		switch {
		case c1 >= 224:
			c2 := s[i]
			i++
			c3 := s[i]
			i++
			put(((c1 & 0x0F) << 4) + ((c2 & 0x3C) >> 2))
			put(((c2 & 0x03) << 6) + (c3 & 0x3F))
		case c1 >= 192:
			c2 := s[i]
			i++
			put((c1 & 0x1C) >> 2)
			put(((c1 & 0x03) << 6) + (c2 & 0x3F))
		default:
			put(0)
			put(c1)
		}
	}
	return dst
}
