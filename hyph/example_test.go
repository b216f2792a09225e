package hyph_test

import (
	"fmt"
	"strings"

	"spur/hyph"
)

func ExampleHyphenator_Points() {
	h := hyph.Swedish()
	for _, w := range []string{"Kompetensvärderingsinstrument", "”föreskrifter”.", "ST-läkare", "E4", "2025-02-11"} {
		var b strings.Builder
		last := 0
		for _, p := range h.Points(w) {
			b.WriteString(w[last:p] + "-")
			last = p
		}
		b.WriteString(w[last:])
		fmt.Println(b.String())
	}
	// Output:
	// Kom-pe-tens-vär-de-rings-in-stru-ment
	// ”fö-re-skrif-ter”.
	// ST-lä-ka-re
	// E4
	// 2025-02-11
}
