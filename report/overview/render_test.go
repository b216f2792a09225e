package overview_test

import (
	"bytes"
	"fmt"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"spur/render/markdown"
	"spur/render/pdf"
	"spur/report/compose"
	"spur/report/overview"
)

func sample() *overview.View {
	return compose.Overview([]overview.Row{
		mk("Enhet | med *stjärna* [x](y)", "Kirurgi", "Region Skåne", "2024-05-01", "ABCDABCD", "E4"),
		mk("Gamma", "Allmänmedicin", "Region Halland", "2023-09-09", "BBBBBBBB", "E4", "F6"),
	}, overview.Filter{}, "sv")
}

// TestIndexMarkdown: one table row per inspection whatever its name holds,
// a link to each report, and the two summaries.
func TestIndexMarkdown(t *testing.T) {
	var b bytes.Buffer
	if err := markdown.Index(&b, sample()); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	for _, w := range []string{
		"# SPUR-inspektioner: översikt\n",
		"| Verksamhet | Specialitet | Region | Besök | Status | A | B | C | D | E | F | G | H | Handlingsplan |\n",
		"| [Gamma](2023/gamma.md) | Allmänmedicin | Region Halland | 2023-09-09 | Slutlig | B | B | B | B | B | B | B | B | – |\n",
		"## Graderingar per område\n",
		"| G. Medicinsk vetenskap och systematiskt kvalitets- och patientsäkerhetsarbete | 0 | 1 | 1 | 0 | 0 |\n",
		"| **E4** Den huvudansvariga handledaren",
		"| F | 2 | 100 % |\n",
		"| **F6** Den teoretiska interna utbildningen är systematiskt uppbyggd med koppling till Socialstyrelsens delmål. | K | 1 | 50 % |\n",
	} {
		if !strings.Contains(md, w) {
			t.Errorf("the overview lacks %q:\n%s", w, md)
		}
	}
	for _, line := range strings.Split(md, "\n") {
		if strings.Contains(line, "stjärna") {
			cells := strings.Count(line, "|") - strings.Count(line, `\|`)
			if cells != 15 || !strings.Contains(line, `\*stjärna\*`) {
				t.Errorf("a unit's name broke its row: %s", line)
			}
		}
	}

	b.Reset()
	if err := markdown.Index(&b, compose.Overview(nil, overview.Filter{Region: []string{"Region Gotland"}}, "en")); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"**Selection:** Region: Region Gotland", "0 inspections", "*No inspections in the selection.*",
		"| A. Verksamheten | 0 | 0 | 0 | 0 | 0 |", "*Every criterion was met in every inspection selected.*"} {
		if !strings.Contains(b.String(), w) {
			t.Errorf("the empty overview lacks %q:\n%s", w, b.String())
		}
	}
}

// TestIndexPDF: what a reader sees in the PDF, and the same bytes twice.
func TestIndexPDF(t *testing.T) {
	var a, b bytes.Buffer
	if _, err := pdf.Index(&a, sample()); err != nil {
		t.Fatal(err)
	}
	if _, err := pdf.Index(&b, sample()); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two renderings differ")
	}
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed")
	}
	cmd := exec.Command(tool, "-", "-")
	cmd.Stdin = bytes.NewReader(a.Bytes())
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	for _, w := range []string{"Allmänmedicin", "Kirurgi", "Gamma", "Enhet | med *stjärna* [x](y)", "Region Skåne 2024-05-01 Slutlig A B C D A B C D –"} {
		if !strings.Contains(text, w) {
			t.Errorf("%q missing in:\n%s", w, text)
		}
	}
	text = withoutPageLabels(t, text)
	want := []string{"SPUR-inspektioner: översikt", "2 inspektioner", "Inspektioner", "Graderingar per område",
		"C. Lokaler och utrustning 0 1 1 0 0", "Oftast ej uppfyllda kriterier", "E4", "100 %"}
	at := 0
	for _, w := range want {
		i := strings.Index(text[at:], w)
		if i < 0 {
			t.Fatalf("%q missing or out of order after %q in:\n%s", w, text[:at], text)
		}
		at += i + len(w)
	}
}

var pageLabel = regexp.MustCompile(`Sida (\d+) av (\d+)( SPUR-inspektioner: översikt)?`)

// withoutPageLabels checks that every page has its label, "Sida 3 av 7",
// and returns the text without them and the running headers: where the
// pages break is the layout engine's to choose (render/pdf).
func withoutPageLabels(t *testing.T, text string) string {
	t.Helper()
	ms := pageLabel.FindAllStringSubmatch(text, -1)
	if len(ms) == 0 {
		t.Fatalf("no page label in:\n%s", text)
	}
	n, _ := strconv.Atoi(ms[0][2])
	for i, m := range ms {
		if m[1] != fmt.Sprint(i+1) || m[2] != fmt.Sprint(n) || len(ms) != n {
			t.Fatalf("page labels %q", ms)
		}
	}
	return strings.Join(strings.Fields(pageLabel.ReplaceAllString(text, "")), " ")
}
