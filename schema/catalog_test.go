package schema

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// modelPath is the domain reference the catalogue was transcribed from; CI
// has ../shared beside the clone.
const modelPath = "../../shared/design/spur-model.md"

// TestCatalogTextsAreVerbatim compares every catalogue version with the
// tables of spur-model.md: same ids, kinds and texts, letter for letter.
func TestCatalogTextsAreVerbatim(t *testing.T) {
	src, err := os.ReadFile(modelPath)
	if err != nil {
		t.Skipf("spur-model.md not found (%v); CI has it", err)
	}
	row := regexp.MustCompile(`(?m)^\| ([A-H][0-9]+) \| (F\*|F|R|K) \| (.+) \|$`)
	rows := row.FindAllStringSubmatch(string(src), -1)
	if len(rows) != 74 {
		t.Fatalf("spur-model.md has %d criteria rows, want 74", len(rows))
	}
	cats, err := Catalogs()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cats {
		if c.Count() != 74 {
			t.Errorf("catalogue %s has %d criteria, want 74", c.Version, c.Count())
		}
		i := 0
		for _, a := range c.Areas {
			for _, cr := range a.Criteria {
				if i >= len(rows) {
					t.Fatalf("catalogue %s has more criteria than spur-model.md", c.Version)
				}
				r := rows[i]
				if cr.ID != r[1] || string(cr.Kind) != r[2] || cr.Text != r[3] {
					t.Errorf("catalogue %s, criterion %d:\n got  %s %s %q\n want %s %s %q", c.Version, i, cr.ID, cr.Kind, cr.Text, r[1], r[2], r[3])
				}
				i++
			}
		}
	}
	area := regexp.MustCompile(`(?m)^### ([A-H])\. (.+) \((STRUKTUR|PROCESS)\)$`)
	for _, m := range area.FindAllStringSubmatch(string(src), -1) {
		for _, c := range cats {
			a, ok := c.Area(m[1])
			if !ok || a.Title != m[2] || a.Group != m[3] {
				t.Errorf("catalogue %s area %s: got %+v, want %q (%s)", c.Version, m[1], a, m[2], m[3])
			}
		}
	}
}

// TestCatalogGradeOptions checks the printed grade texts of spur-model.md:
// the standard scale, area A's and area C's differing wording, and the two
// template versions of area C.
func TestCatalogGradeOptions(t *testing.T) {
	std := map[Grade]string{
		"A": "Socialstyrelsens föreskrifter och allmänna råd följs. Övriga kvalitetsindikatorer är uppfyllda, men enstaka undantag kan förekomma.",
		"B": "Socialstyrelsens föreskrifter och allmänna råd följs.",
		"C": "Socialstyrelsens föreskrifter följs. Allmänna råd följs i väsentliga delar men brister förekommer. Åtgärder rekommenderas.",
		"D": "Brister har påvisats vad gäller följsamheten till Socialstyrelsens föreskrifter. Åtgärder krävs.",
	}
	cA := "Socialstyrelsens föreskrifter följs. Övriga kvalitetsindikatorer är uppfyllda, men enstaka undantag kan förekomma."
	want := map[string]map[string]map[Grade]string{
		"2025": {"A": {"A": std["A"], "B": "Socialstyrelsens föreskrifter följs.", "D": std["D"]},
			"C": {"A": cA, "B": "Socialstyrelsens föreskrifter.", "C": std["C"], "D": std["D"]}},
		"2023": {"A": {"A": std["A"], "B": "Socialstyrelsens föreskrifter följs.", "D": std["D"]},
			"C": {"A": cA, "B": "Socialstyrelsens föreskrifter.", "D": std["D"]}},
	}
	for version, areas := range want {
		c, ok := CatalogVersion(version)
		if !ok {
			t.Fatalf("no catalogue %s", version)
		}
		for _, a := range c.Areas {
			w, special := areas[a.Letter]
			if !special {
				w = std
			}
			if len(a.Options) != len(w) {
				t.Errorf("%s area %s: options %s, want %d", version, a.Letter, a.OptionGrades(), len(w))
			}
			for _, o := range a.Options {
				if o.Text != w[o.Grade] {
					t.Errorf("%s area %s grade %s: %q, want %q", version, a.Letter, o.Grade, o.Text, w[o.Grade])
				}
			}
			hasIntro := strings.Contains("ACDF", a.Letter)
			if (a.Intro != "") != hasIntro {
				t.Errorf("%s area %s: intro %q", version, a.Letter, a.Intro)
			}
			wantK := "Kvalitetsindikator"
			if a.Letter == "G" || a.Letter == "H" {
				wantK = "Kvalitetsindikatorer"
			}
			if got := c.Heading(&a, Indicator); got != wantK {
				t.Errorf("%s area %s: indicator heading %q, want %q", version, a.Letter, got, wantK)
			}
		}
	}
}

func TestCatalogLookup(t *testing.T) {
	c, _ := CatalogVersion("2025")
	cr, a, ok := c.Criterion("E9")
	if !ok || a.Letter != "E" || cr.Kind != Advice || !strings.HasPrefix(cr.Text, "Den huvudansvariga handledaren tjänstgör") {
		t.Fatalf("E9: %+v %+v %v", cr, a, ok)
	}
	if _, _, ok := c.Criterion("E15"); ok {
		t.Fatal("E15 found")
	}
	if got := c.Heading(a, DerivedRegulation); got != "Föreskrift" {
		t.Errorf("heading of F* = %q", got)
	}
}
