package pdf

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"spur/grade"
	"spur/input"
	"spur/report"
	"spur/report/compose"
	"spur/schema"
)

func fixtureReport(t testing.TB, lang string) *report.Report {
	t.Helper()
	insp, diags, err := input.Load("../../fixtures/almaklinikens-vardcentral-2025.yaml")
	if err != nil || diags.HasErrors() {
		t.Fatalf("%v %s", err, diags)
	}
	res, _ := grade.Inspection(insp, grade.DefaultPolicy())
	return compose.Report(insp, res, report.Options{Lang: lang})
}

func renderReport(t testing.TB, r *report.Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	warnings, err := Report(&buf, r)
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) > 0 {
		t.Errorf("warnings on the fixture: %v", warnings)
	}
	if p := os.Getenv("SPUR_PDF_REPORT"); p != "" {
		os.WriteFile(p, buf.Bytes(), 0o644)
	}
	return buf.Bytes()
}

// TestReportReadsInOrder checks what a reader of the PDF sees, through
// pdftotext: every section in order, every criterion text, every plan
// entry, and the page labels.
func TestReportReadsInOrder(t *testing.T) {
	r := fixtureReport(t, "sv")
	b := renderReport(t, r)
	qpdfCheck(t, b)
	pageTexts := pdftotext(t, b)
	text := strings.Join(pageTexts, "\n")
	// Read the body as a person does, past the running header and footer.
	var body []string
	for _, l := range strings.Split(text, "\n") {
		l = strings.Trim(l, "\f ")
		if l == "Almaklinikens vårdcentral – 11 februari 2025" || strings.HasPrefix(l, "Sida ") {
			continue
		}
		body = append(body, l)
	}
	flat := strings.Join(strings.Fields(strings.Join(body, " ")), " ")
	order := []string{"Rapport från SPUR-inspektion", "Almaklinikens vårdcentral", "Slutlig rapport",
		"Sammanfattning", "Styrkor", "Svagheter", "Förbättringspotential", "Graderingar",
		"STRUKTUR", "A. Verksamheten", "B. Medarbetarstab", "C. Lokaler och utrustning", "Handlingsplan inkommen, gradering justerad till C.",
		"PROCESS", "D. Tjänstgöringens upplägg", "E. Handledning och kompetensbedömning", "F. Teoretisk utbildning",
		"G. Medicinsk vetenskap", "H. Ledarskapskompetens", "Handlingsplan inkommen, gradering D kvarstår.",
		"HANDLINGSPLAN", "Under granskningen påvisades brister", "Inköp av öronmikroskop"}
	at := 0
	for _, want := range order {
		i := strings.Index(flat[at:], want)
		if i < 0 {
			t.Fatalf("%q missing or out of order after offset %d", want, at)
		}
		at += i
	}
	cat, _ := schema.CatalogVersion("2025")
	for _, a := range cat.Areas {
		for _, c := range a.Criteria {
			if !strings.Contains(flat, strings.Join(strings.Fields(c.Text), " ")) {
				t.Errorf("criterion %s text missing", c.ID)
			}
		}
	}
	pages := len(pageTexts)
	if pages < 10 {
		t.Errorf("%d pages; the seed report has more than 15", pages)
	}
	for p, pt := range pageTexts {
		if !strings.Contains(pt, fmt.Sprintf("Sida %d av %d\n", p+1, pages)) {
			t.Errorf("page %d has no label Sida %d av %d", p+1, p+1, pages)
		}
	}
	if n := strings.Count(flat, "Planerad åtgärd"); n != 14 {
		t.Errorf("%d plan entries, want 14", n)
	}
}

func TestReportIsDeterministic(t *testing.T) {
	r := fixtureReport(t, "sv")
	a, b := renderReport(t, r), renderReport(t, fixtureReport(t, "sv"))
	if !bytes.Equal(a, b) {
		t.Fatal("two renders of the same inspection differ")
	}
}

func TestPlanAlone(t *testing.T) {
	r := fixtureReport(t, "en")
	var buf bytes.Buffer
	if _, err := Plan(&buf, r); err != nil {
		t.Fatal(err)
	}
	qpdfCheck(t, buf.Bytes())
	flat := strings.Join(strings.Fields(strings.Join(pdftotext(t, buf.Bytes()), " ")), " ")
	for _, want := range []string{"Action plan after SPUR inspection", "Action plan received", "Criterion C1", "Planned action", "Page 1 of "} {
		if !strings.Contains(flat, want) {
			t.Errorf("%q missing", want)
		}
	}
	if strings.Contains(flat, "STRUCTURE") {
		t.Error("the plan alone holds the areas")
	}
	// The title says what the document is, as in the Markdown: no
	// section heading repeats it.
	if strings.Contains(flat, "ACTION PLAN") {
		t.Error("the plan alone has a heading ACTION PLAN")
	}
}

func BenchmarkReport(b *testing.B) {
	r := fixtureReport(b, "sv")
	var size int
	for b.Loop() {
		var buf bytes.Buffer
		if _, err := Report(&buf, r); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size), "pdf-bytes")
}
