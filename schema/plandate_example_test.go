package schema_test

import (
	"fmt"
	"time"

	"spur/schema"
)

func ExampleParseDate() {
	plan := time.Date(2025, 5, 20, 0, 0, 0, 0, time.UTC) // the date of the action plan
	for _, text := range []string{
		"20251231",
		"om sex månader",
		"15 april",
		"hösten 2025",
		"genomförd (rutin bifogad)",
		"pågår",
		"när det finns tid",
	} {
		d, ok := schema.ParseDate(text, plan)
		if !ok {
			fmt.Printf("%q: not read\n", text)
			continue
		}
		fmt.Printf("%q: %s %s", text, d.Kind, d)
		if d.Note != "" {
			fmt.Printf(" (%s)", d.Note)
		}
		fmt.Println()
	}
	// Output:
	// "20251231": date 2025-12-31
	// "om sex månader": relative 2025-11-20
	// "15 april": date 2026-04-15
	// "hösten 2025": period 2025-11-30
	// "genomförd (rutin bifogad)": done genomförd (rutin bifogad)
	// "pågår": ongoing pågår
	// "när det finns tid": not read
}
