// spur: this file is spur's (see PATCHES.md).

package fpdf

import (
	"fmt"
	"math"
	"strconv"
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
