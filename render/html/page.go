package html

import (
	"bytes"
	"fmt"
	stdhtml "html"
	"io"
	"strconv"
	"strings"

	"spur/report"
)

// page is a document being written into a buffer: nothing reaches the
// writer until the page is complete.
type page struct {
	b   bytes.Buffer
	ids int // the headings' ids, numbered in document order
}

// start writes the document's head and opens <main>.
func (p *page) start(lang, title string) {
	p.b.Grow(96 << 10)
	p.b.WriteString("<!DOCTYPE html>\n<html lang=\"" + esc(lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n")
	p.b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	// No script runs and nothing is fetched, whatever the page holds.
	p.b.WriteString("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
	p.b.WriteString("<meta name=\"referrer\" content=\"no-referrer\">\n")
	p.b.WriteString("<title>" + esc(title) + "</title>\n<style>\n" + css + "</style>\n</head>\n<body>\n<main>\n")
}

// end closes the document and writes it to w in one call.
func (p *page) end(w io.Writer) error {
	p.b.WriteString("</main>\n</body>\n</html>\n")
	if _, err := w.Write(p.b.Bytes()); err != nil {
		return fmt.Errorf("html: write: %w", err)
	}
	return nil
}

// raw writes markup of ours.
func (p *page) raw(s ...string) {
	for _, x := range s {
		p.b.WriteString(x)
	}
}

// text writes escaped text.
func (p *page) text(s string) { p.b.WriteString(esc(s)) }

// lines writes escaped plain text a person wrote (a comment, a plan_note,
// a field of the plan), each "\n" in it a line break the writer typed
// (report/compose.Lines), as <br>.
func (p *page) lines(s string) {
	for i, l := range strings.Split(s, "\n") {
		if i > 0 {
			p.b.WriteString("<br>\n")
		}
		p.text(l)
	}
}

// heading writes a heading of level 1–6 with an id of its own and returns
// the id, for a table or a chart labelled by it.
func (p *page) heading(level int, text string) string {
	p.ids++
	id := "h" + strconv.Itoa(p.ids)
	n := strconv.Itoa(min(max(level, 1), 6))
	p.raw("<h", n, " id=\"", id, "\">")
	p.text(text)
	p.raw("</h", n, ">\n")
	return id
}

// para writes a paragraph of escaped text in an element of class cls
// ("" for none); a "\n" in the text is a line break.
func (p *page) para(cls, text string) {
	if cls != "" {
		p.raw("<p class=\"", cls, "\">")
	} else {
		p.raw("<p>")
	}
	p.lines(text)
	p.raw("</p>\n")
}

// esc makes s text in HTML: as report.Visible gives it (valid UTF-8,
// without the control characters HTML forbids; user text has passed it
// already, so this is the second line, for any text), with &, <, >, " and
// ' escaped.
func esc(s string) string { return stdhtml.EscapeString(report.Visible(s)) }
