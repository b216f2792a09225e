package pdf

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// With HeaderFollows, each page's running header names the outline entry
// of the chosen level in force at the top of the page: the unit a page of
// a printed list continues. An entry of a higher level (a new region)
// clears it, and the first page has no header.
func TestRunningHeaderFollowsTheOutline(t *testing.T) {
	d := New(Meta{Title: "Lista", Header: "Uppföljning", HeaderFollows: true, HeaderLevel: 1})
	para := strings.Repeat("Handledaren bedömer ST-läkarens kompetensutveckling kontinuerligt. ", 6)
	unit := func(name string, n int) {
		d.Bookmark(name, 1)
		d.Heading(name, 2)
		for i := 0; i < n; i++ {
			d.Paragraph(Run{Text: fmt.Sprintf("%s %d: %s", name, i, para)})
		}
	}
	d.Bookmark("Region Norr", 0)
	d.Heading("Region Norr", 1)
	unit("Enhet A", 30)
	d.Bookmark("Region Syd", 0)
	d.Heading("Region Syd", 1)
	unit("Enhet B", 30)
	var b bytes.Buffer
	if err := d.Output(&b); err != nil {
		t.Fatal(err)
	}
	pages := pdftotext(t, b.Bytes())
	if len(pages) < 5 {
		t.Fatalf("only %d pages", len(pages))
	}
	for i, p := range pages {
		first := strings.TrimSpace(strings.SplitN(strings.TrimSpace(p), "\n", 2)[0])
		// What the page's body begins with decides what its header names.
		body := p[strings.Index(p, first)+len(first):]
		var want string
		switch {
		case i == 0:
			if strings.HasPrefix(first, "Uppföljning") {
				t.Errorf("page 1 has a running header: %q", first)
			}
			continue
		case strings.HasPrefix(strings.TrimSpace(body), "Region Syd"):
			want = "Uppföljning"
		case strings.HasPrefix(strings.TrimSpace(body), "Enhet B"):
			want = "Uppföljning · Enhet B"
		default:
			want = "Uppföljning · Enhet A"
		}
		if first != want {
			t.Errorf("page %d: header %q, want %q", i+1, first, want)
		}
	}
	// Without HeaderFollows the header is the same on every page.
	d2 := New(Meta{Title: "Lista", Header: "Uppföljning"})
	d2.Bookmark("Enhet A", 1)
	for i := 0; i < 40; i++ {
		d2.Paragraph(Run{Text: para})
	}
	var b2 bytes.Buffer
	if err := d2.Output(&b2); err != nil {
		t.Fatal(err)
	}
	for i, p := range pdftotext(t, b2.Bytes())[1:] {
		if first := strings.TrimSpace(strings.SplitN(strings.TrimSpace(p), "\n", 2)[0]); first != "Uppföljning" {
			t.Errorf("page %d: header %q", i+2, first)
		}
	}
}
