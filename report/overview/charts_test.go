package overview_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	xhtml "golang.org/x/net/html"

	"spur/internal/preflight"
	"spur/render/html"
	"spur/render/pdf"
	"spur/report/compose"
	"spur/report/overview"
)

// compiled is the overview of a repository with repeat visits and
// follow-ups (repository), and a failing input.
func compiled(t *testing.T, lang string) *overview.View {
	t.Helper()
	rows := append(rowsOf(repository(t, 30)), overview.Row{Unit: "2025/trasig.yaml", Failing: true})
	return compose.OverviewWith(rows, overview.Options{Lang: lang, AsOf: asOf})
}

func pdfText(t *testing.T, b []byte) string {
	t.Helper()
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed")
	}
	cmd := exec.Command(tool, "-", "-")
	cmd.Stdin = bytes.NewReader(b)
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// TestCompilationPDF: the PDF holds each section and each year with its
// tables (the charts are drawn beside them), gives the same bytes twice
// and for the rows in another order, and passes qpdf --check and PDF/A-1b
// Preflight: the charts' fills are opaque.
func TestCompilationPDF(t *testing.T) {
	v := compiled(t, "sv")
	var a, b bytes.Buffer
	if w, err := pdf.Index(&a, v); err != nil || len(w) > 0 {
		t.Fatal(err, w)
	}
	rows := append(rowsOf(repository(t, 30)), overview.Row{Unit: "2025/trasig.yaml", Failing: true})
	rand.New(rand.NewPCG(3, 4)).Shuffle(len(rows), func(i, j int) { rows[i], rows[j] = rows[j], rows[i] })
	if _, err := pdf.Index(&b, compose.OverviewWith(rows, overview.Options{Lang: "sv", AsOf: asOf})); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("the same rows in another order give other bytes")
	}

	text := withoutPageLabels(t, pdfText(t, a.Bytes()))
	want := []string{"Oftast ej uppfyllda kriterier", "Nästa granskning", v.DueNote}
	for _, d := range v.Due {
		want = append(want, d.Last+" "+d.Next)
	}
	want = append(want, "De två senaste besöken", "Sammanställning per år")
	for _, y := range v.Years {
		want = append(want, y.Year+" "+y.Count, "Graderingar per område",
			// The chart's legend, then its table.
			"A B C D Ingen", "Område A B C D Ingen", "Andel verksamheter med D", "D före D efter", "Område D före Andel före D efter Andel efter")
		if y.Total.Total > 0 {
			want = append(want, "Åtgärdernas läge per region", "Genomförda Försenade Öppna")
			for _, r := range y.Actions {
				want = append(want, r.Region)
			}
			want = append(want, "Region Genomförda Försenade Öppna Summa")
		} else {
			want = append(want, "Inga åtgärder i årets handlingsplaner.")
		}
	}
	at := 0
	for _, w := range want {
		i := strings.Index(text[at:], w)
		if i < 0 {
			t.Fatalf("%q missing or out of order after …%q in:\n%s", w, text[max(0, at-200):at], text)
		}
		at += i + len(w)
	}

	dir := t.TempDir()
	p := filepath.Join(dir, "index.pdf")
	en := filepath.Join(dir, "index-en.pdf")
	var e bytes.Buffer
	if _, err := pdf.Index(&e, compiled(t, "en")); err != nil {
		t.Fatal(err)
	}
	for f, data := range map[string][]byte{p: a.Bytes(), en: e.Bytes()} {
		if err := os.WriteFile(f, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if tool, err := exec.LookPath("qpdf"); err != nil {
		t.Log("qpdf not installed")
	} else {
		for _, f := range []string{p, en} {
			if out, err := exec.Command(tool, "--check", f).CombinedOutput(); err != nil {
				t.Errorf("qpdf --check %s: %v\n%s", filepath.Base(f), err, out)
			}
		}
	}
	preflight.Require(t)
	got, err := preflight.Validate(t.Context(), p, en)
	if err != nil {
		t.Fatal(err)
	}
	for f, ps := range got {
		for _, pr := range ps {
			t.Errorf("%s: %+v", filepath.Base(f), pr)
		}
	}
}

// TestCompilationHTML: every figure of the compilation is a chart, named
// for assistive technology by a title of its own, with its table after
// it; and axe-core finds nothing to fault.
func TestCompilationHTML(t *testing.T) {
	v := compiled(t, "sv")
	var b bytes.Buffer
	if _, err := html.Index(&b, v); err != nil {
		t.Fatal(err)
	}
	doc, err := xhtml.Parse(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int{}
	var charts []string // each chart's title, in order
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode {
			for _, a := range n.Attr {
				if a.Key == "id" {
					ids[a.Val]++
				}
			}
			if n.Data == "svg" {
				role, label := "", ""
				for _, a := range n.Attr {
					switch a.Key {
					case "role":
						role = a.Val
					case "aria-labelledby":
						label = a.Val
					}
				}
				title := ""
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					if c.Data == "title" && c.FirstChild != nil {
						for _, a := range c.Attr {
							if a.Key == "id" && a.Val == label {
								title = c.FirstChild.Data
							}
						}
					}
				}
				if role != "img" || title == "" {
					t.Errorf("a chart without role img or its title (labelled by %q)", label)
				}
				charts = append(charts, title)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for id, n := range ids {
		if n > 1 {
			t.Errorf("id %q is used %d times", id, n)
		}
	}
	// The failing input is listed, not counted.
	want := []string{"Graderingar per område: " + v.L.Inspections(len(v.Rows)-1)}
	for _, y := range v.Years {
		want = append(want, y.Year+" – Graderingar per område: "+y.Count, y.Year+" – Andel verksamheter med D: "+y.Count)
		if y.Total.Total > 0 {
			want = append(want, y.Year+" – Åtgärdernas läge per region")
		}
	}
	if !slices.Equal(charts, want) {
		t.Errorf("charts\n%q\nwant\n%q", charts, want)
	}
	// A segment's title says what it stands for.
	for _, y := range v.Years {
		for _, r := range y.Actions {
			if n := r.Counts[overview.ActionOverdue]; n > 0 && !strings.Contains(b.String(), "<title>"+r.Region+" – Försenade: ") {
				t.Errorf("%s %s: no segment of its overdue actions", y.Year, r.Region)
			}
		}
	}
	axeCheck(t, b.Bytes())
}

// axeCheck runs axe-core (tools/browser, as package a11y does) on an HTML
// document; it skips without node, Chromium or the tools.
func axeCheck(t *testing.T, doc []byte) {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed (.ci/run installs it)")
	}
	chromium := os.Getenv("CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	if _, err := os.Stat(chromium); err != nil {
		t.Skipf("%s is not installed", chromium)
	}
	tools, _ := filepath.Abs("../../tools/browser")
	for _, m := range []string{"axe-core", "puppeteer-core"} {
		if _, err := os.Stat(filepath.Join(tools, "node_modules", m)); err != nil {
			t.Skipf("%s is not installed in tools/browser", m)
		}
	}
	file := filepath.Join(t.TempDir(), "index.html")
	if err := os.WriteFile(file, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, node, filepath.Join(tools, "axe.js"), file).Output()
	if err != nil {
		t.Fatalf("axe.js: %v", err)
	}
	var checked int
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var r struct {
			Violations []struct {
				ID, Impact, Help string
				Nodes            []string
			}
			Outside []string
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("axe.js printed %q: %v", sc.Text(), err)
		}
		checked++
		for _, v := range r.Violations {
			t.Errorf("%s (%s): %s, at %s", v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "; "))
		}
		for _, u := range r.Outside {
			t.Errorf("the overview asks for %s", u)
		}
	}
	if checked != 1 {
		t.Fatalf("axe.js checked %d documents", checked)
	}
}
