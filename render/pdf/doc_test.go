package pdf

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestDeterministic(t *testing.T) {
	a, _ := render(t, func(d *Doc) { sample(d, 8) })
	for range 3 {
		b, _ := render(t, func(d *Doc) { sample(d, 8) })
		if !bytes.Equal(a, b) {
			t.Fatal("two renderings differ")
		}
	}
	for _, want := range []string{"/Producer (spur)", "/CreationDate (D:20250314093000Z)", "/ModDate (D:20250314093000Z)",
		"<xmp:CreateDate>2025-03-14T09:30:00Z</xmp:CreateDate>"} {
		if !bytes.Contains(a, []byte(want)) {
			t.Errorf("no %s", want)
		}
	}
	// The document ID is computed from the content: the same for the
	// same document, another for another.
	id := regexp.MustCompile(`/ID \[<([0-9a-f]{32})><([0-9a-f]{32})>\]`)
	m := id.FindSubmatch(a)
	if m == nil {
		t.Fatal("the trailer has no document /ID")
	}
	c, _ := render(t, func(d *Doc) { sample(d, 7) })
	if n := id.FindSubmatch(c); n == nil || bytes.Equal(m[1], n[1]) {
		t.Errorf("two documents have the same /ID %s", m[1])
	}
}

func TestZeroDateIsFixed(t *testing.T) {
	d := New(Meta{})
	var buf bytes.Buffer
	if err := d.Output(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(buf.Bytes(), []byte("/CreationDate (D:19700101000000Z)")) {
		t.Error("zero Meta.Created is not 1970-01-01")
	}
}

func TestMetadata(t *testing.T) {
	b, _ := render(t, func(d *Doc) { d.Paragraph(Run{Text: "Text"}) })
	if !bytes.Contains(b, []byte("/Lang (sv-SE)")) {
		t.Error("no /Lang (sv-SE) in the catalog")
	}
	out, err := exec.Command(tool(t, "pdfinfo"), "-enc", "UTF-8", writeTemp(t, b)).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, out)
	}
	m := testMeta()
	for _, want := range []string{
		"Title:           " + m.Title,
		"Author:          " + m.Author,
		"Subject:         " + m.Subject,
		"Keywords:        " + m.Keywords,
		"Producer:        spur",
	} {
		if !strings.Contains(string(out), want+"\n") {
			t.Errorf("pdfinfo lacks %q:\n%s", want, out)
		}
	}
}

func TestHeaderAndFooter(t *testing.T) {
	b, d := render(t, func(d *Doc) { sample(d, 8) })
	pages := pdftotext(t, b)
	n := d.pdf.PageCount()
	if len(pages) != n || n < 4 {
		t.Fatalf("%d pages extracted, document has %d", len(pages), n)
	}
	header := testMeta().Header
	for i, p := range pages {
		if got := strings.Contains(p, header); got != (i > 0) {
			t.Errorf("page %d: header shown %v", i+1, got)
		}
		if label := fmt.Sprintf("Sida %d av %d", i+1, n); !strings.Contains(p, label) {
			t.Errorf("page %d: no %q", i+1, label)
		}
	}
}

func TestDefaultPageLabel(t *testing.T) {
	d := New(Meta{})
	d.Paragraph(Run{Text: "x"})
	var buf bytes.Buffer
	if err := d.Output(&buf); err != nil {
		t.Fatal(err)
	}
	// pdftotext drops the spaces around the slash.
	if p := pdftotext(t, buf.Bytes()); !strings.Contains(strings.ReplaceAll(p[0], " ", ""), "1/1") {
		t.Errorf("no default label in %q", p[0])
	}
}

type outline struct {
	Title string    `json:"title"`
	Page  int       `json:"destpageposfrom1"`
	Kids  []outline `json:"kids"`
}

func outlines(t *testing.T, b []byte) []outline {
	t.Helper()
	out, err := exec.Command(tool(t, "qpdf"), "--json", "--json-key=outlines", writeTemp(t, b)).Output()
	if err != nil {
		t.Fatalf("qpdf --json: %v", err)
	}
	var v struct{ Outlines []outline }
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatal(err)
	}
	return v.Outlines
}

func TestOutline(t *testing.T) {
	b, _ := render(t, func(d *Doc) {
		d.Bookmark("Inspektionsrapport för Kirurgkliniken – Örebro", 0)
		d.Heading("Inspektionsrapport", 0)
		d.Bookmark("STRUKTUR", 1)
		d.Heading("STRUKTUR", 1)
		d.Bookmark("A. Ledning – “studierektor” och 😀", 2)
		d.Heading("A. Ledning", 2)
		d.Bookmark("Åtgärder", 5) // too deep: raised to 3
		d.Paragraph(Run{Text: "x"})
		d.Space(240)
		d.Bookmark("PROCESS", 1) // follows its heading to page 2
		d.Heading("PROCESS", 1)
	})
	got := outlines(t, b)
	want := []outline{{Title: "Inspektionsrapport för Kirurgkliniken – Örebro", Page: 1, Kids: []outline{
		{Title: "STRUKTUR", Page: 1, Kids: []outline{
			{Title: "A. Ledning – “studierektor” och \ufffd", Page: 1, Kids: []outline{{Title: "Åtgärder", Page: 1, Kids: []outline{}}}},
		}},
		{Title: "PROCESS", Page: 2, Kids: []outline{}},
	}}}
	if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", want) {
		t.Errorf("outline\n got %+v\nwant %+v", got, want)
	}
}

// TestHeadingKeptWithText: a heading with room for itself and one line
// of what follows, but not two, moves to the next page with them.
func TestHeadingKeptWithText(t *testing.T) {
	para := Run{Text: strings.Repeat("Handledning sker regelbundet under hela tjänstgöringen. ", 6)}
	for _, tt := range []struct {
		space float64
		page  int // where the heading must be
	}{{225, 2}, {210, 1}} {
		b, _ := render(t, func(d *Doc) {
			d.Paragraph(Run{Text: "Före."})
			d.Space(tt.space)
			d.Heading("Gradering", 2)
			d.Paragraph(para)
		})
		pages := pdftotext(t, b)
		if len(pages) < tt.page || !strings.Contains(pages[tt.page-1], "Gradering\nHandledning") {
			t.Errorf("space %v: heading not on page %d with its text: %q", tt.space, tt.page, pages)
		}
	}
}

func TestQpdfCheck(t *testing.T) {
	b, _ := render(t, func(d *Doc) { sample(d, 8) })
	qpdfCheck(t, b)
}

func TestOutputOnce(t *testing.T) {
	d := New(Meta{Created: time.Unix(1e9, 0)})
	if err := d.Output(&bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	d.Paragraph(Run{Text: "ignored"})
	if err := d.Output(&bytes.Buffer{}); err == nil {
		t.Error("second Output did not fail")
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, fmt.Errorf("disk full") }

func TestOutputWriteError(t *testing.T) {
	d := New(Meta{})
	if err := d.Output(failWriter{}); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("err = %v", err)
	}
}
