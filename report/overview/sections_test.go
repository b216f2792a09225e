package overview_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"spur/render/markdown"
	"spur/report/compose"
	"spur/report/overview"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func date(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

// handmade is a small repository whose figures are worked out by hand in
// TestSections:
//
//   - Alfa vårdcentral (Region Skåne), visited 2019 and 2024: A from B to
//     A, D from D to C (the plan accepted); its 2024 plan has an action
//     done by follow-up, one overdue, one "genomförd" and one without a
//     date;
//   - Beta sjukhus (Region Halland), visited 2020-01-15 only: due for its
//     next visit on 2025-01-15;
//   - Gamma klinik (Region Skåne), visited 2024-11-20, D in A and H: one
//     action due after the day, one overdue though partly done;
//   - Delta mottagning, in no region, visited 2023-05-05: one action,
//     overdue;
//   - an input that could not be built.
func handmade() []overview.Row {
	alfa19 := mk("Alfa vårdcentral", "Allmänmedicin", "Region Skåne", "2019-03-01", "BBCDBBBB")
	alfa19.Before = alfa19.Grades
	alfa24 := mk("Alfa vårdcentral", "Allmänmedicin", "Region Skåne", "2024-03-01", "ABCCBBBB", "D7")
	alfa24.Before = strings.Split("ABCDBBBB", "")
	alfa24.Actions = []overview.Action{
		{Due: date("2024-09-01"), FollowUps: []overview.FollowUp{{Date: date("2024-10-01"), Done: true}}},
		{Due: date("2025-01-01")},
		{Done: true},
		{},
	}
	beta := mk("Beta sjukhus", "Kirurgi", "Region Halland", "2020-01-15", "AAAAAAAA")
	beta.Before = beta.Grades
	gamma := mk("Gamma klinik", "Kirurgi", "Region Skåne", "2024-11-20", "DBBBBBBD", "A1", "H1")
	gamma.Before = gamma.Grades
	gamma.Actions = []overview.Action{
		{Due: date("2025-08-01")},
		{Due: date("2025-02-01"), FollowUps: []overview.FollowUp{{Date: date("2025-03-01")}}},
	}
	delta := mk("Delta mottagning", "Kirurgi", "", "2023-05-05", "BBBBBBBB")
	delta.Before = delta.Grades
	delta.Actions = []overview.Action{{Due: date("2023-12-01")}}
	alfa19.Report = "2019/alfa-vardcentral-2019-03-01.md"
	alfa24.Report = "2024/alfa-vardcentral-2024-03-01.md"
	return []overview.Row{gamma, alfa24, beta, alfa19, delta,
		{Unit: "2025/trasig.yaml", Failing: true}}
}

func handmadeView(lang string) *overview.View {
	return compose.OverviewWith(handmade(), overview.Options{Lang: lang, AsOf: date("2025-06-30")})
}

// TestSections: the overview's new sections in Markdown, with the figures
// worked out by hand (handmade).
func TestSections(t *testing.T) {
	var b bytes.Buffer
	if err := markdown.Index(&b, handmadeView("sv")); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	for _, w := range []string{
		"6 inspektioner\n",
		"| 2025/trasig.yaml | – | – |  | Underlaget har fel | – | – | – | – | – | – | – | – | – |\n",
		// The grades per area count the four inspections built.
		"| A. Verksamheten | 2 | 2 | 0 | 1 | 0 |\n",
		"## Nästa granskning\n\nVerksamheter vars nästa granskning, 5 år efter det senaste besöket, infaller före 2025-06-30.\n",
		"| [Beta sjukhus](2020/beta%20sjukhus.md) | Kirurgi | Region Halland | 2020-01-15 | 2025-01-15 |\n",
		"## De två senaste besöken\n",
		"| Alfa vårdcentral | Region Skåne | [2019-03-01](2019/alfa-vardcentral-2019-03-01.md) | [2024-03-01](2024/alfa-vardcentral-2024-03-01.md) | B → A | B | C | D → C | B | B | B | B |\n",
		"## Sammanställning per år\n",
		"Handlingsplanernas åtgärder den 2025-06-30:",
		"### 2024\n\n2 verksamheter\n",
		// 2024: Alfa (A, B, C, C, B, B, B, B) and Gamma (D, B, B, B, B, B, B, D).
		"| A. Verksamheten | 1 | 0 | 0 | 1 | 0 |\n| B. Medarbetarstab och interna kompetenser | 0 | 2 | 0 | 0 | 0 |\n",
		// D before the plan: Alfa's D, Gamma's A and H; after: Gamma's.
		"| A. Verksamheten | 1 | 50 % | 1 | 50 % |\n",
		"| D. Tjänstgöringens upplägg | 1 | 50 % | 0 | 0 % |\n",
		"| H. Ledarskapskompetens och kommunikativ kompetens | 1 | 50 % | 1 | 50 % |\n",
		// Region Skåne: done by follow-up and by the plan; overdue 2025-01-01
		// and 2025-02-01 (partly); open without a date and 2025-08-01.
		"| Region | Genomförda | Försenade | Öppna | Summa |\n| --- | --: | --: | --: | --: |\n| Region Skåne | 2 | 2 | 2 | 6 |\n| **Summa** | **2** | **2** | **2** | **6** |\n",
		"### 2023\n\n1 verksamhet\n",
		"| Ingen region angiven | 0 | 1 | 0 | 1 |\n",
		"### 2020\n\n1 verksamhet\n",
		"*Inga åtgärder i årets handlingsplaner.*\n",
		"### 2019\n",
	} {
		if !strings.Contains(md, w) {
			t.Errorf("the overview lacks %q:\n%s", w, md)
		}
	}
	// The years, the latest first, each once.
	if i, j, k := strings.Index(md, "### 2024"), strings.Index(md, "### 2020"), strings.Index(md, "### 2019"); !(i < j && j < k) || strings.Count(md, "### 20") != 4 {
		t.Errorf("the years are not 2024, 2023, 2020, 2019:\n%s", md)
	}

	// Nothing chosen: each section says so.
	b.Reset()
	if err := markdown.Index(&b, compose.OverviewWith(handmade(), overview.Options{Filter: overview.Filter{Region: []string{"Region Gotland"}}})); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"## Nästa granskning\n\n*Inga inspektioner i urvalet.*", "*Ingen verksamhet i urvalet har besökts mer än en gång.*",
		"## Sammanställning per år\n\n*Inga inspektioner i urvalet.*"} {
		if !strings.Contains(b.String(), w) {
			t.Errorf("the empty overview lacks %q:\n%s", w, b.String())
		}
	}
}

// TestIndexGolden compares the overview of handmade in Markdown with
// testdata/; go test ./report/overview -run TestIndexGolden -update
// rewrites them.
func TestIndexGolden(t *testing.T) {
	for _, lang := range []string{"sv", "en"} {
		t.Run(lang, func(t *testing.T) {
			var b bytes.Buffer
			if err := markdown.Index(&b, handmadeView(lang)); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "index."+lang+".md")
			if *update {
				if err := os.MkdirAll("testdata", 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (go test ./report/overview -run TestIndexGolden -update writes it)", err)
			}
			if !bytes.Equal(b.Bytes(), want) {
				t.Errorf("%s differs from the output; review with -update and git diff:\n%s", path, b.String())
			}
		})
	}
}
