package grade

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"spur/schema"
)

// synthetic is an area of nF föreskrifter, nR allmänna råd and nK quality
// indicators, with the standard options; its ids are F1…, R1…, K1….
func synthetic(t *testing.T, nF, nR, nK int) *schema.CatalogArea {
	a := &schema.CatalogArea{Letter: "X", Options: catalogArea(t, "2025", "B").Options}
	for _, k := range []struct {
		kind schema.Kind
		n    int
	}{{schema.Regulation, nF}, {schema.Advice, nR}, {schema.Indicator, nK}} {
		for i := 1; i <= k.n; i++ {
			a.Criteria = append(a.Criteria, schema.Criterion{ID: fmt.Sprintf("%s%d", k.kind, i), Kind: k.kind, Text: "x"})
		}
	}
	return a
}

// unmet gives the results that leave the ids named not met.
func unmet(ids ...string) map[string]schema.Result {
	m := map[string]schema.Result{}
	for _, id := range ids {
		m[id] = not
	}
	return m
}

// first is the reason that decides the computed grade, in both languages.
func first(t *testing.T, a *schema.CatalogArea, results map[string]schema.Result, p Policy) (sv, en string) {
	t.Helper()
	got := Compute(a, assess(a, results), p)
	if len(got.Reasons) == 0 {
		t.Fatalf("no reasons for %v", results)
	}
	return got.Reasons[0].In("sv"), got.Reasons[0].In("en")
}

// TestReasonCounts: the explanation names what is met and unmet in the
// numbers there are (issue 11, section 4, item 5): one quality indicator
// is "kvalitetsindikatorn", two are "båda kvalitetsindikatorerna", never
// "alla 1" or "alla 2"; one föreskrift or allmänt råd is named in the
// singular, and an area without allmänna råd is not said to meet them.
func TestReasonCounts(t *testing.T) {
	lim := func(n int) Policy { return Policy{MaxUnmetIndicators: n} }
	tests := []struct {
		name       string
		nF, nR, nK int
		unmet      []string
		policy     Policy
		sv, en     string
	}{
		// Every indicator met: 0, 1, 2, 3 and more indicators.
		{"no indicator", 3, 0, 0, nil, DefaultPolicy(),
			"A: alla föreskrifter är uppfyllda och det finns inga tillämpliga kvalitetsindikatorer.",
			"A: all regulations are met, and no quality indicator applies."},
		{"one indicator met", 3, 0, 1, nil, DefaultPolicy(),
			"A: alla föreskrifter är uppfyllda, liksom kvalitetsindikatorn.",
			"A: all regulations are met, and so is the quality indicator."},
		{"two indicators met", 3, 0, 2, nil, DefaultPolicy(),
			"A: alla föreskrifter är uppfyllda, liksom båda kvalitetsindikatorerna.",
			"A: all regulations are met, and so are both quality indicators."},
		{"three indicators met", 3, 0, 3, nil, DefaultPolicy(),
			"A: alla föreskrifter är uppfyllda, liksom alla 3 kvalitetsindikatorer.",
			"A: all regulations are met, and so are all 3 quality indicators."},
		{"five indicators met", 3, 0, 5, nil, DefaultPolicy(),
			"A: alla föreskrifter är uppfyllda, liksom alla 5 kvalitetsindikatorer.",
			"A: all regulations are met, and so are all 5 quality indicators."},
		// One and several föreskrifter and allmänna råd.
		{"one föreskrift", 1, 0, 1, nil, DefaultPolicy(),
			"A: föreskriften är uppfylld, liksom kvalitetsindikatorn.",
			"A: the regulation is met, and so is the quality indicator."},
		{"one föreskrift, one allmänt råd", 1, 1, 2, nil, DefaultPolicy(),
			"A: föreskriften och det allmänna rådet är uppfyllda, liksom båda kvalitetsindikatorerna.",
			"A: the regulation and the advice are met, and so are both quality indicators."},
		{"several föreskrifter, one allmänt råd", 6, 1, 3, nil, DefaultPolicy(),
			"A: alla föreskrifter och det allmänna rådet är uppfyllda, liksom alla 3 kvalitetsindikatorer.",
			"A: all regulations and the advice are met, and so are all 3 quality indicators."},
		{"one föreskrift, several allmänna råd", 1, 3, 1, nil, DefaultPolicy(),
			"A: föreskriften och alla allmänna råd är uppfyllda, liksom kvalitetsindikatorn.",
			"A: the regulation and all advice are met, and so is the quality indicator."},
		{"several of each", 6, 2, 2, nil, DefaultPolicy(),
			"A: alla föreskrifter och allmänna råd är uppfyllda, liksom båda kvalitetsindikatorerna.",
			"A: all regulations and advice are met, and so are both quality indicators."},
		{"no föreskrift or allmänt råd applies", 0, 0, 2, nil, DefaultPolicy(),
			"A: inga föreskrifter eller allmänna råd är tillämpliga, och båda kvalitetsindikatorerna är uppfyllda.",
			"A: no regulation or advice applies, and both quality indicators are met."},
		{"only allmänna råd", 0, 1, 0, nil, DefaultPolicy(),
			"A: det allmänna rådet är uppfyllt och det finns inga tillämpliga kvalitetsindikatorer.",
			"A: the advice is met, and no quality indicator applies."},
		{"no indicator, several of each", 2, 3, 0, nil, DefaultPolicy(),
			"A: alla föreskrifter och allmänna råd är uppfyllda och det finns inga tillämpliga kvalitetsindikatorer.",
			"A: all regulations and advice are met, and no quality indicator applies."},
		// Indicators unmet within the limit (grade A).
		{"1 of 2 within the limit", 3, 0, 2, []string{"K2"}, DefaultPolicy(),
			"A: alla föreskrifter är uppfyllda; en av de två kvalitetsindikatorerna är inte uppfylld (K2), högst 1 är tillåten som enstaka undantag.",
			"A: all regulations are met; one of the two quality indicators is not met (K2), at most 1 is allowed as an isolated exception."},
		{"1 of 3 within the limit", 3, 1, 3, []string{"K1"}, DefaultPolicy(),
			"A: alla föreskrifter och det allmänna rådet är uppfyllda; 1 av 3 kvalitetsindikatorer är inte uppfylld (K1), högst 1 är tillåten som enstaka undantag.",
			"A: all regulations and the advice are met; 1 of 3 quality indicators is not met (K1), at most 1 is allowed as an isolated exception."},
		{"2 of 4 within a raised limit", 3, 3, 4, []string{"K1", "K3"}, lim(2),
			"A: alla föreskrifter och allmänna råd är uppfyllda; 2 av 4 kvalitetsindikatorer är inte uppfyllda (K1 och K3), högst 2 är tillåtna som enstaka undantag.",
			"A: all regulations and advice are met; 2 of 4 quality indicators are not met (K1 and K3), at most 2 are allowed as isolated exceptions."},
		{"1 of 1 allowed by policy", 3, 0, 1, []string{"K1"}, Policy{MaxUnmetIndicators: 1, AllowAllIndicatorsUnmet: true},
			"A: alla föreskrifter är uppfyllda; kvalitetsindikatorn är inte uppfylld (K1), högst 1 är tillåten som enstaka undantag.",
			"A: all regulations are met; the quality indicator is not met (K1), at most 1 is allowed as an isolated exception."},
		{"2 of 2 allowed by policy", 3, 0, 2, []string{"K1", "K2"}, Policy{MaxUnmetIndicators: 2, AllowAllIndicatorsUnmet: true},
			"A: alla föreskrifter är uppfyllda; ingen av de två kvalitetsindikatorerna är uppfylld (K1 och K2), högst 2 är tillåtna som enstaka undantag.",
			"A: all regulations are met; neither quality indicator is met (K1 and K2), at most 2 are allowed as isolated exceptions."},
		// Indicators unmet over the limit (grade B).
		{"2 of 3 over the limit", 3, 1, 3, []string{"K1", "K3"}, DefaultPolicy(),
			"B: alla föreskrifter och det allmänna rådet är uppfyllda, men 2 av 3 kvalitetsindikatorer är inte uppfyllda (K1 och K3); A tillåter högst 1.",
			"B: all regulations and the advice are met, but 2 of 3 quality indicators are not met (K1 and K3); A allows at most 1."},
		{"2 of 2 over the limit", 3, 0, 2, []string{"K1", "K2"}, DefaultPolicy(),
			"B: alla föreskrifter är uppfyllda, men ingen av de två kvalitetsindikatorerna är uppfylld (K1 och K2); A tillåter högst 1.",
			"B: all regulations are met, but neither quality indicator is met (K1 and K2); A allows at most 1."},
		{"3 of 3 over the limit", 3, 3, 3, []string{"K1", "K2", "K3"}, DefaultPolicy(),
			"B: alla föreskrifter och allmänna råd är uppfyllda, men ingen av de 3 kvalitetsindikatorerna är uppfylld (K1, K2 och K3); A tillåter högst 1.",
			"B: all regulations and advice are met, but none of the 3 quality indicators is met (K1, K2 and K3); A allows at most 1."},
		{"1 of 3 where none may be", 3, 0, 3, []string{"K2"}, lim(0),
			"B: alla föreskrifter är uppfyllda, men 1 av 3 kvalitetsindikatorer är inte uppfylld (K2); A tillåter inget undantag.",
			"B: all regulations are met, but 1 of 3 quality indicators is not met (K2); A allows no exception."},
		{"1 of 2 where none may be", 1, 1, 2, []string{"K1"}, lim(0),
			"B: föreskriften och det allmänna rådet är uppfyllda, men en av de två kvalitetsindikatorerna är inte uppfylld (K1); A tillåter inget undantag.",
			"B: the regulation and the advice are met, but one of the two quality indicators is not met (K1); A allows no exception."},
		// Every indicator unmet, within the limit: never an isolated exception.
		{"the only indicator unmet", 3, 0, 1, []string{"K1"}, DefaultPolicy(),
			"B: alla föreskrifter är uppfyllda, men kvalitetsindikatorn är inte uppfylld (K1); A kräver att den är uppfylld.",
			"B: all regulations are met, but the quality indicator is not met (K1); A requires it met."},
		{"both indicators unmet within a raised limit", 2, 1, 2, []string{"K1", "K2"}, lim(2),
			"B: alla föreskrifter och det allmänna rådet är uppfyllda, men ingen av de två kvalitetsindikatorerna är uppfylld (K1 och K2); A kräver att de är uppfyllda med enstaka undantag.",
			"B: all regulations and the advice are met, but neither quality indicator is met (K1 and K2); A requires them met but for isolated exceptions."},
		{"all 3 unmet within a raised limit", 2, 2, 3, []string{"K1", "K2", "K3"}, lim(3),
			"B: alla föreskrifter och allmänna råd är uppfyllda, men ingen av de 3 kvalitetsindikatorerna är uppfylld (K1, K2 och K3); A kräver att de är uppfyllda med enstaka undantag.",
			"B: all regulations and advice are met, but none of the 3 quality indicators is met (K1, K2 and K3); A requires them met but for isolated exceptions."},
		// Allmänna råd unmet (C), föreskrifter unmet (D).
		{"one allmänt råd unmet, one föreskrift", 1, 2, 1, []string{"R2"}, DefaultPolicy(),
			"C: föreskriften är uppfylld, men det allmänna rådet R2 är inte uppfyllt.",
			"C: the regulation is met, but advice R2 is not met."},
		{"two allmänna råd unmet, several föreskrifter", 4, 3, 1, []string{"R1", "R3"}, DefaultPolicy(),
			"C: alla föreskrifter är uppfyllda, men de allmänna råden R1 och R3 är inte uppfyllda.",
			"C: all regulations are met, but advice R1 and R3 are not met."},
		{"allmänt råd unmet, no föreskrift applies", 0, 1, 0, []string{"R1"}, DefaultPolicy(),
			"C: ingen föreskrift är tillämplig, men det allmänna rådet R1 är inte uppfyllt.",
			"C: no regulation applies, but advice R1 is not met."},
		{"one föreskrift unmet", 3, 1, 1, []string{"F2"}, DefaultPolicy(),
			"D: föreskriften F2 är inte uppfylld.",
			"D: regulation F2 is not met."},
		{"three föreskrifter unmet", 3, 1, 1, []string{"F1", "F2", "F3"}, DefaultPolicy(),
			"D: föreskrifterna F1, F2 och F3 är inte uppfyllda.",
			"D: regulations F1, F2 and F3 are not met."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sv, en := first(t, synthetic(t, tc.nF, tc.nR, tc.nK), unmet(tc.unmet...), tc.policy)
			if sv != tc.sv {
				t.Errorf("sv\n got  %s\n want %s", sv, tc.sv)
			}
			if en != tc.en {
				t.Errorf("en\n got  %s\n want %s", en, tc.en)
			}
		})
	}
}

// TestAdviceAlsoNotMet: the second step of a D, in the singular and plural.
func TestAdviceAlsoNotMet(t *testing.T) {
	a := synthetic(t, 2, 3, 1)
	for _, tc := range []struct {
		unmet  []string
		sv, en string
	}{
		{[]string{"F1", "R2"}, "Dessutom är det allmänna rådet R2 inte uppfyllt.", "In addition, advice R2 is not met."},
		{[]string{"F1", "R1", "R3"}, "Dessutom är de allmänna råden R1 och R3 inte uppfyllda.", "In addition, advice R1 and R3 are not met."},
	} {
		got := Compute(a, assess(a, unmet(tc.unmet...)), DefaultPolicy())
		if len(got.Reasons) < 2 || got.Reasons[1].In("sv") != tc.sv || got.Reasons[1].In("en") != tc.en {
			t.Errorf("%v: got %v", tc.unmet, got.Reasons)
		}
	}
}

// TestReasonEveryArea: the explanation of every area A–H of both
// catalogue versions, with every criterion met and with every quality
// indicator unmet. Areas A and C have no allmänna råd (no criterion of
// kind R in the catalogue), so theirs say "alla föreskrifter är uppfyllda"
// and nothing of allmänna råd.
func TestReasonEveryArea(t *testing.T) {
	type texts struct{ sv, en string }
	allMet := map[string]texts{
		"A": {"A: alla föreskrifter är uppfyllda, liksom kvalitetsindikatorn.", "A: all regulations are met, and so is the quality indicator."},
		"B": {"A: alla föreskrifter och det allmänna rådet är uppfyllda, liksom alla 3 kvalitetsindikatorer.", "A: all regulations and the advice are met, and so are all 3 quality indicators."},
		"C": {"A: alla föreskrifter är uppfyllda, liksom båda kvalitetsindikatorerna.", "A: all regulations are met, and so are both quality indicators."},
		"D": {"A: alla föreskrifter och allmänna råd är uppfyllda, liksom båda kvalitetsindikatorerna.", "A: all regulations and advice are met, and so are both quality indicators."},
		"E": {"A: alla föreskrifter och allmänna råd är uppfyllda, liksom kvalitetsindikatorn.", "A: all regulations and advice are met, and so is the quality indicator."},
		"F": {"A: alla föreskrifter och allmänna råd är uppfyllda, liksom kvalitetsindikatorn.", "A: all regulations and advice are met, and so is the quality indicator."},
		"G": {"A: alla föreskrifter och det allmänna rådet är uppfyllda, liksom alla 3 kvalitetsindikatorer.", "A: all regulations and the advice are met, and so are all 3 quality indicators."},
		"H": {"A: alla föreskrifter och allmänna råd är uppfyllda, liksom kvalitetsindikatorn.", "A: all regulations and advice are met, and so is the quality indicator."},
	}
	noIndicator := map[string]texts{
		"A": {"B: alla föreskrifter är uppfyllda, men kvalitetsindikatorn är inte uppfylld (A4); A kräver att den är uppfylld.",
			"B: all regulations are met, but the quality indicator is not met (A4); A requires it met."},
		"B": {"B: alla föreskrifter och det allmänna rådet är uppfyllda, men ingen av de 3 kvalitetsindikatorerna är uppfylld (B8, B9 och B10); A tillåter högst 1.",
			"B: all regulations and the advice are met, but none of the 3 quality indicators is met (B8, B9 and B10); A allows at most 1."},
		"C": {"B: alla föreskrifter är uppfyllda, men ingen av de två kvalitetsindikatorerna är uppfylld (C3 och C4); A tillåter högst 1.",
			"B: all regulations are met, but neither quality indicator is met (C3 and C4); A allows at most 1."},
		"D": {"B: alla föreskrifter och allmänna råd är uppfyllda, men ingen av de två kvalitetsindikatorerna är uppfylld (D12 och D13); A tillåter högst 1.",
			"B: all regulations and advice are met, but neither quality indicator is met (D12 and D13); A allows at most 1."},
		"E": {"B: alla föreskrifter och allmänna råd är uppfyllda, men kvalitetsindikatorn är inte uppfylld (E14); A kräver att den är uppfylld.",
			"B: all regulations and advice are met, but the quality indicator is not met (E14); A requires it met."},
		"F": {"B: alla föreskrifter och allmänna råd är uppfyllda, men kvalitetsindikatorn är inte uppfylld (F6); A kräver att den är uppfylld.",
			"B: all regulations and advice are met, but the quality indicator is not met (F6); A requires it met."},
		"G": {"B: alla föreskrifter och det allmänna rådet är uppfyllda, men ingen av de 3 kvalitetsindikatorerna är uppfylld (G8, G9 och G10); A tillåter högst 1.",
			"B: all regulations and the advice are met, but none of the 3 quality indicators is met (G8, G9 and G10); A allows at most 1."},
		"H": {"B: alla föreskrifter och allmänna råd är uppfyllda, men kvalitetsindikatorn är inte uppfylld (H13); A kräver att den är uppfylld.",
			"B: all regulations and advice are met, but the quality indicator is not met (H13); A requires it met."},
	}
	for _, version := range schema.CatalogVersions() {
		cat, _ := schema.CatalogVersion(version)
		if len(cat.Areas) != 8 {
			t.Fatalf("catalogue %s has %d areas", version, len(cat.Areas))
		}
		for i := range cat.Areas {
			a := &cat.Areas[i]
			t.Run(version+"/"+a.Letter, func(t *testing.T) {
				var indicators, advice []string
				for _, c := range a.Criteria {
					switch c.Kind {
					case schema.Indicator:
						indicators = append(indicators, c.ID)
					case schema.Advice:
						advice = append(advice, c.ID)
					}
				}
				// The catalogue decides, not the letter: A and C have no
				// allmänna råd in either version.
				if (a.Letter == "A" || a.Letter == "C") != (len(advice) == 0) {
					t.Fatalf("area %s has allmänna råd %v", a.Letter, advice)
				}
				for _, c := range []struct {
					what  string
					unmet []string
					want  texts
				}{{"all met", nil, allMet[a.Letter]}, {"every indicator unmet", indicators, noIndicator[a.Letter]}} {
					sv, en := first(t, a, unmet(c.unmet...), DefaultPolicy())
					if sv != c.want.sv || en != c.want.en {
						t.Errorf("%s:\n got  %s\n      %s\n want %s\n      %s", c.what, sv, en, c.want.sv, c.want.en)
					}
					saysAdvice := strings.Contains(sv, "allmänna råd") || strings.Contains(sv, "allmänt råd") || strings.Contains(en, "advice")
					if saysAdvice != (len(advice) > 0) {
						t.Errorf("%s: area %s has %d allmänna råd, and the explanation says %q", c.what, a.Letter, len(advice), sv)
					}
				}
			})
		}
	}
}

// wrongNumber is wording that reads wrongly for its number.
var wrongNumber = regexp.MustCompile(`alla [0-2] |\ball [0-2] |\b1 av 1\b|\b2 av 2\b|\b1 of 1\b|\b2 of 2\b|` +
	`\b1 av [0-9]+ kvalitetsindikatorer är inte uppfyllda|\b1 of [0-9]+ quality indicators are|` +
	`\b1 är tillåtna|\b1 are allowed|högst 0|at most 0|de två kvalitetsindikatorerna är uppfyllda|` +
	`ingen av kvalitetsindikatorerna|none of the quality indicators`)

// TestReasonNoWrongNumber computes areas of every size up to four of each
// kind with every number of unmet criteria and several policies, and
// checks that no explanation has wording that reads wrongly for its number,
// and that only an area with applicable allmänna råd is said to meet them.
func TestReasonNoWrongNumber(t *testing.T) {
	seen := 0
	for nF := 0; nF <= 4; nF++ {
		for nR := 0; nR <= 4; nR++ {
			for nK := 0; nK <= 4; nK++ {
				a := synthetic(t, nF, nR, nK)
				for _, p := range []Policy{{MaxUnmetIndicators: 0}, DefaultPolicy(), {MaxUnmetIndicators: 2}, {MaxUnmetIndicators: 3, AllowAllIndicatorsUnmet: true}} {
					for k := 0; k <= nK; k++ {
						var ids []string
						for i := 1; i <= k; i++ {
							ids = append(ids, fmt.Sprintf("K%d", i))
						}
						for _, extra := range [][]string{nil, {"R1"}, {"F1", "R1"}} {
							got := Compute(a, assess(a, unmet(append(ids, extra...)...)), p)
							for _, r := range got.Reasons {
								for _, lang := range []string{"sv", "en"} {
									s := r.In(lang)
									seen++
									if m := wrongNumber.FindString(s); m != "" {
										t.Errorf("F%d R%d K%d %+v, unmet %v: %q in %q", nF, nR, nK, p, ids, m, s)
									}
									// Saying that none applies is no claim that they are met.
									none := strings.Contains(s, "inga föreskrifter eller allmänna råd är tillämpliga") || strings.Contains(s, "no regulation or advice applies")
									if nR == 0 && !none && (strings.Contains(s, "råd") || strings.Contains(s, "advice")) {
										t.Errorf("no allmänna råd, but %q", s)
									}
								}
							}
						}
					}
				}
			}
		}
	}
	if seen < 1000 {
		t.Errorf("only %d explanations checked", seen)
	}
}
