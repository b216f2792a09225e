package build_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"spur/build"
)

// TestOverviewFollowsUp: the overview of a build lists the units due for a
// visit and the last two visits of a unit, and compiles the year's actions
// as of the build's date (SOURCE_DATE_EPOCH), else of the latest date of
// the inspections; the visit interval is a setting. A failing input is
// listed and counted in none of it.
//
// The fixture's plan (2025-05-20) has 14 actions: 11 "genomförd", and C1,
// E4 and G1 due 2025-12-31.
func TestOverviewFollowsUp(t *testing.T) {
	in := t.TempDir()
	copyFixture(t, in, "2025/alma.yaml")
	copyFixture(t, in, "2019/alma.yaml", "visit: 2025-02-11", "visit: 2019-03-04", "  date: 2025-05-20", "  date: 2019-05-20")
	copyFixture(t, in, "2019/beta.yaml", "name: Almaklinikens vårdcentral", "name: Betaklinikens vårdcentral",
		"visit: 2025-02-11", "visit: 2019-09-01", "  date: 2025-05-20", "  date: 2019-11-20")
	copyFixture(t, in, "2025/gamma.yaml", "name: Almaklinikens vårdcentral", "name: Gammaklinikens vårdcentral", "status: final", "status: finale")

	index := func(opt build.Options) string {
		t.Helper()
		out := t.TempDir()
		opt.Dir, opt.Out, opt.Formats = in, out, "md"
		sum, log := run(t, opt)
		if len(sum.Failed) != 1 {
			t.Fatalf("failed %v, want gamma alone:\n%s", sum.Failed, log)
		}
		b, err := os.ReadFile(filepath.Join(out, "index.md"))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	contains := func(md string, want ...string) {
		t.Helper()
		for _, w := range want {
			if !strings.Contains(md, w) {
				t.Errorf("index.md lacks %q:\n%s", w, md)
			}
		}
	}

	md := index(build.Options{Date: time.Date(2026, 1, 15, 9, 30, 0, 0, time.UTC)})
	contains(md,
		"4 inspektioner",
		"| Gammaklinikens vårdcentral | Allmänmedicin | Region Stockholm | 2025-02-11 | Underlaget har fel |",
		"infaller före 2026-01-15.",
		"| [Betaklinikens vårdcentral](2019/betaklinikens-vardcentral-2019-09-01.md) | Allmänmedicin | Region Stockholm | 2019-09-01 | 2024-09-01 |",
		"| Almaklinikens vårdcentral | Region Stockholm | [2019-03-04](2019/almaklinikens-vardcentral-2019-03-04.md) | [2025-02-11](2025/almaklinikens-vardcentral-2025-02-11.md) |",
		"Handlingsplanernas åtgärder den 2026-01-15:",
		// 2025: Alma alone (Gamma fails): its three dated actions are
		// overdue on 2026-01-15.
		"### 2025\n\n1 verksamhet\n",
		"| Region Stockholm | 11 | 3 | 0 | 14 |",
		// 2019: Alma and Beta.
		"### 2019\n\n2 verksamheter\n",
		"| Region Stockholm | 22 | 6 | 0 | 28 |",
	)
	// Beta alone is due: Alma's last visit is 2025's.
	due := md[strings.Index(md, "## Nästa granskning"):]
	due = due[:strings.Index(due[3:], "\n## ")+3]
	if n := strings.Count(due, "\n| ["); n != 1 {
		t.Errorf("%d units due, want Beta alone:\n%s", n, due)
	}

	// Every seven years: Beta is not due before 2026-09-01.
	md = index(build.Options{Date: time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC), VisitInterval: 7})
	contains(md, "*Ingen verksamhet i urvalet ska granskas igen före 2026-01-15.*")

	// Without a date, the latest of the inspections: the 2025 plan's
	// 2025-05-20, when the three actions were still to come.
	md = index(build.Options{})
	contains(md, "infaller före 2025-05-20.", "| Region Stockholm | 11 | 0 | 3 | 14 |")
}
