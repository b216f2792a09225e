package hyph

import "testing"

// benchWords is a table column's worth of tokens as the PDF engine meets
// them: long compounds, short words, punctuation, and codes it must leave
// whole.
var benchWords = []string{
	"kompetensvärderingsinstrument", "Ledarskapskompetens", "specialiseringstjänstgöring",
	"handledningssamtal", "utbildningsprogram", "verksamhetschef", "studierektor",
	"kvalitetsindikatorer", "föreskrifter,", "sjukhusövergripande", "”Socialstyrelsen”.",
	"ST-läkare", "kompetensvärderings-instrument", "uppföljning", "dokumentation",
	"patientsäkerhet", "KOMPETENSVÄRDERINGSINSTRUMENT", "läka", "och", "E4",
	"2025-02-11", "https://www.socialstyrelsen.se", "name@region.se", "SOSFS",
}

// BenchmarkPoints: one op hyphenates every token of benchWords once;
// ns/token is the mean cost of one call, and allocs/op counts the tokens
// that got points (one slice each).
func BenchmarkPoints(b *testing.B) {
	h := Swedish()
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range benchWords {
			h.Points(w)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(benchWords)), "ns/token")
}
