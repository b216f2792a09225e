package markdown

import (
	"bytes"
	stdhtml "html"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"

	"spur/report"
)

// TestPandoc converts each golden file with pandoc -f gfm and with
// goldmark and checks that a reader of either sees the same document: the
// same headings (level and text), tables and rows, list items and
// checkboxes. Skipped where pandoc is not installed.
func TestPandoc(t *testing.T) {
	pandoc, err := exec.LookPath("pandoc")
	if err != nil {
		t.Skip("pandoc not installed")
	}
	docs := map[string][]byte{"hostile report": render(t, hostileReport(t), false), "hostile plan": render(t, hostileReport(t), true)}
	for _, g := range goldens {
		docs[g.file] = golden(t, g.file)
	}
	for name, md := range docs {
		t.Run(name, func(t *testing.T) {
			cmd := exec.Command(pandoc, "-f", "gfm", "-t", "html", "--wrap=none")
			cmd.Stdin = bytes.NewReader(md)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("pandoc: %v\n%s", err, stderr.String())
			}
			var gm bytes.Buffer
			if err := gfm.Convert(md, &gm); err != nil {
				t.Fatal(err)
			}
			p, q := htmlShape(string(out)), htmlShape(gm.String())
			if !slices.Equal(p.headings, q.headings) {
				t.Errorf("headings differ:\n pandoc   %q\n goldmark %q", p.headings, q.headings)
			}
			if p.tables != q.tables || p.rows != q.rows || p.items != q.items || p.boxes != q.boxes || p.checked != q.checked {
				t.Errorf("pandoc %+v\ngoldmark %+v", p, q)
			}
			for _, h := range append(hrefRE.FindAllStringSubmatch(string(out), -1), hrefRE.FindAllStringSubmatch(gm.String(), -1)...) {
				if !report.LinkAllowed(stdhtml.UnescapeString(h[1])) {
					t.Errorf("a link to %q", h[1])
				}
			}
			if q.tables == 0 || q.boxes == 0 && !strings.Contains(name, "plan") {
				t.Errorf("nothing compared: %+v", q)
			}
		})
	}
}

type htmlCounts struct {
	headings                            []string
	tables, rows, items, boxes, checked int
}

var (
	headingRE = regexp.MustCompile(`(?s)<h([1-6])[^>]*>(.*?)</h[1-6]>`)
	boxRE     = regexp.MustCompile(`<input[^>]*type="checkbox"[^>]*>`)
	hrefRE    = regexp.MustCompile(`<a [^>]*href="([^"]*)"`)
)

func htmlShape(h string) htmlCounts {
	var c htmlCounts
	for _, m := range headingRE.FindAllStringSubmatch(h, -1) {
		text := stdhtml.UnescapeString(tag.ReplaceAllString(m[2], ""))
		c.headings = append(c.headings, m[1]+" "+collapse(text))
	}
	c.tables = strings.Count(h, "<table")
	c.rows = strings.Count(h, "<tr")
	c.items = strings.Count(h, "<li")
	for _, b := range boxRE.FindAllString(h, -1) {
		c.boxes++
		if strings.Contains(b, "checked") {
			c.checked++
		}
	}
	return c
}
