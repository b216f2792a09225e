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
