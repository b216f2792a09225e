package pdf

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"spur/report"
	"spur/report/compose"
)

var testDate = time.Date(2025, 3, 14, 9, 30, 0, 0, time.UTC)

func testMeta() Meta {
	return Meta{
		Title:     "SPUR-inspektion – Kirurgkliniken, Universitetssjukhuset Örebro",
		Author:    "Åsa Öberg",
		Subject:   "Inspektionsrapport",
		Keywords:  "SPUR specialiseringstjänstgöring",
		Lang:      "sv-SE",
		Created:   testDate,
		Header:    "SPUR-inspektion – Kirurgkliniken, Universitetssjukhuset Örebro – 2025-03-14",
		PageLabel: func(p, n int) string { return fmt.Sprintf("Sida %d av %d", p, n) },
	}
}

// render builds a document with fill and returns the PDF bytes.
func render(t testing.TB, fill func(d *Doc)) ([]byte, *Doc) {
	t.Helper()
	d := New(testMeta())
	fill(d)
	var buf bytes.Buffer
	if err := d.Output(&buf); err != nil {
		t.Fatalf("Output: %v", err)
	}
	return buf.Bytes(), d
}

// tool returns the path of an outside tool, skipping the test when it is
// absent.
func tool(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s not installed", name)
	}
	return p
}

// writeTemp writes the PDF to a file in the test's temporary directory.
func writeTemp(t testing.TB, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// pdftotext returns the text of each page (split on form feeds).
func pdftotext(t testing.TB, b []byte, args ...string) []string {
	t.Helper()
	bin := tool(t, "pdftotext")
	p := writeTemp(t, b)
	out, err := exec.Command(bin, append(append(args, "-enc", "UTF-8"), p, "-")...).CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	pages := strings.Split(string(out), "\f")
	if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	return pages
}

func qpdfCheck(t testing.TB, b []byte) {
	t.Helper()
	bin := tool(t, "qpdf")
	out, err := exec.Command(bin, "--check", writeTemp(t, b)).CombinedOutput()
	if err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
}

// routine is a long action-plan text with numbered lines.
func routine(n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "- Rad %03d: ST-läkaren och handledaren går igenom målbeskrivningen.\n", i)
	}
	return b.String()
}

const narrative = `Verksamheten har en **utsedd studierektor** med avsatt tid, och *handledarna* har genomgått
handledarutbildning. Samtliga ST-läkare har en individuell utbildningsplan som revideras
minst årligen. Se [Socialstyrelsens föreskrifter](https://www.socialstyrelsen.se/) för detaljer.

Åtgärd krävs.

- Utbildningsplanerna följs upp vid medarbetarsamtal.
- Handledning sker regelbundet:
  1. enskilt varannan vecka;
  2. i grupp en gång i månaden.
- Kompetensbedömning görs med “mini-CEX” och DOPS – dokumenterat i portfolio.
`

// sample fills a document shaped like an inspection report, repeating the
// areas to reach about the given number of pages.
func sample(d *Doc, areas int) {
	d.Bookmark("Inspektionsrapport", 0)
	d.Heading("Inspektionsrapport SPUR – Kirurgkliniken", 0)
	d.Paragraph(Run{Text: "Verksamhet: ", Bold: true}, Run{Text: "Kirurgkliniken, Universitetssjukhuset Örebro, Region Örebro län"})
	d.Paragraph(Run{Text: "Datum för besök: ", Bold: true}, Run{Text: "2025-03-14"}, Run{Text: "\nInspektörer: ", Bold: true}, Run{Text: "Åsa Öberg, Erik Ängström"})
	d.Table([]Column{{}, {}, {}},
		[]Cell{{Runs: []Run{{Text: "Styrkor"}}}, {Runs: []Run{{Text: "Svagheter"}}}, {Runs: []Run{{Text: "Förbättringspotential"}}}},
		[][]Cell{{{Text: md("- Engagerad studierektor\n- God handledning")}, {Text: md("- Brist på tid för utbildning")}, {Text: md("- Strukturerad återkoppling")}}})
	letters := "ABCDEFGH"
	for i := 0; i < areas; i++ {
		if i%4 == 0 {
			sec := "STRUKTUR"
			if i%8 == 4 {
				sec = "PROCESS"
			}
			d.Bookmark(sec, 1)
			d.Heading(sec, 1)
		}
		l := string(letters[i%8])
		title := l + ". Handledning och kompetensbedömning"
		d.Bookmark(title, 2)
		d.Heading(title, 2)
		d.SetContext("area " + l + " narrative")
		d.markdown(narrative)
		d.Heading("Föreskrift", 3)
		d.Checkbox(CheckMet, "Det finns en studierektor som ansvarar för att ST-läkarna får den utbildning som krävs.")
		d.Checkbox(CheckNotMet, "Varje ST-läkare har en handledare som är specialistkompetent läkare med handledarutbildning, och handledningen sker regelbundet under hela tjänstgöringen.")
		d.Heading("Allmänna råd", 3)
		d.Checkbox(CheckNA, "Introduktion enligt plan (ej tillämplig)")
		d.Heading("Gradering", 3)
		d.Checkbox(CheckNotMet, "A. Socialstyrelsens föreskrifter och allmänna råd följs.")
		d.Checkbox(CheckMet, "B. Socialstyrelsens föreskrifter och allmänna råd följs.")
	}
	d.SetContext("action plan")
	d.Bookmark("HANDLINGSPLAN", 1)
	d.Heading("HANDLINGSPLAN", 1)
	d.Paragraph(Run{Text: "Under granskningen påvisades brister vad gäller följsamheten till Socialstyrelsens föreskrifter och allmänna råd. Verksamheten har efter granskningen inkommit med följande handlingsplan."})
	d.Table([]Column{{Width: 0.3}, {Width: 0.45}, {}},
		[]Cell{{Runs: []Run{{Text: "Kriterium"}}}, {Runs: []Run{{Text: "Planerad åtgärd"}}}, {Runs: []Run{{Text: "Ansvar och datum"}}}},
		[][]Cell{
			{{Runs: []Run{{Text: "E. Handledning", Bold: true}, {Text: "\nVarje ST-läkare har en handledare."}}, Fill: true},
				{Text: md("Införa **schemalagd** handledning:\n\n" + routine(12))},
				{Text: md("**Genomförd:** 2025-06-30\n\n**Ansvarig:** Verksamhetschef\n\n**Uppföljning:** 2025-12-01")}},
			{{Runs: []Run{{Text: "F. Kompetensbedömning", Bold: true}}, Fill: true},
				{Text: md(routine(8))},
				{Text: md("**Genomförd:** 2025-09-30\n\n**Ansvarig:** Studierektor")}},
		})
}

// markdown sets src as compose parses a narrative.
func (d *Doc) markdown(src string) { d.Text(compose.Text(src)) }

// md parses src as compose parses a narrative.
func md(src string) report.Text { return compose.Text(src) }
