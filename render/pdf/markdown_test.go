package pdf

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func TestMarkdownText(t *testing.T) {
	const src = "# Rubrik\n\n" +
		"Text med **fet**, *kursiv*, `kod` och <b>html</b> och [länk](https://www.socialstyrelsen.se/) och <https://x.se/a>.\n\n" +
		"- punkt ett\n- punkt två\n  1. under ett\n  2. under två\n- punkt tre\n\n" +
		"5. fem\n6. sex\n\n" +
		"---\n\n" +
		"> citat\n\n" +
		"| a | b |\n|---|---|\n| 1 | 2 |\n\n" +
		"<div>block</div>\n\n" +
		"- [x] klar\n\n" +
		"```\nkod  med   mellanrum\n```\n\n" +
		"~~gammal~~\n"
	b, d := render(t, func(d *Doc) { d.markdown(src) })
	if w := d.Warnings(); len(w) > 0 {
		t.Errorf("warnings %q", w)
	}
	// pdftotext -layout shows spacing by position and drops the spaces
	// around "|": compare without white space.
	squeeze := func(s string) string {
		return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\n' || r == '\u00a0' }), "")
	}
	text := squeeze(pdftotext(t, b, "-layout")[0])
	want := []string{
		"Rubrik",
		"Text med fet, kursiv, kod och <b>html</b> och länk (https://www.socialstyrelsen.se/) och https://x.se/a.",
		"• punkt ett", "• punkt två", "1. under ett", "2. under två", "• punkt tre",
		"5. fem", "6. sex",
		"citat",
		"| a | b | |---|---| | 1 | 2 |", // CommonMark: a table is text
		"<div>block</div>",
		"• [x] klar",
		"kod  med   mellanrum",
		"~~gammal~~", // no strikethrough
	}
	at := 0
	for _, w := range want {
		w = squeeze(w)
		i := strings.Index(text[at:], w)
		if i < 0 {
			t.Fatalf("%q not found (in order) in:\n%s", w, text)
		}
		at += i + len(w)
	}
	for _, uri := range []string{"/URI (https://www.socialstyrelsen.se/)", "/URI (https://x.se/a)"} {
		if !bytes.Contains(b, []byte(uri)) {
			t.Errorf("no link %s", uri)
		}
	}
}

func TestMarkdownUnsafeLinkNotClickable(t *testing.T) {
	b, _ := render(t, func(d *Doc) { d.markdown("[klicka](javascript:alert(1))") })
	if bytes.Contains(b, []byte("/URI")) {
		t.Error("a javascript: link is clickable")
	}
	if text := pdftotext(t, b)[0]; !strings.Contains(text, "[klicka](javascript:alert(1))") {
		t.Errorf("link target not shown: %q", text)
	}
}

// TestCheckbox checks the state a text reader gets and that a long label
// wraps with a hanging indent beside the box.
func TestCheckbox(t *testing.T) {
	long := strings.Repeat("Handledningen sker regelbundet under hela tjänstgöringen. ", 4)
	b, _ := render(t, func(d *Doc) {
		d.Checkbox(CheckMet, "Uppfyllt")
		d.Checkbox(CheckNotMet, "Ej uppfyllt")
		d.Checkbox(CheckNA, "Ej tillämpligt (ej tillämplig)")
		d.Checkbox(CheckMet, long)
	})
	text := pdftotext(t, b, "-layout")[0]
	for _, w := range []string{"[x] Uppfyllt", "[ ] Ej uppfyllt", "[-] Ej tillämpligt"} {
		if !regexp.MustCompile(regexp.QuoteMeta(w[:3]) + `\s+` + regexp.QuoteMeta(w[4:])).MatchString(text) {
			t.Errorf("no %q in:\n%s", w, text)
		}
	}
	// Every word of the long label starts at or right of the label's
	// indent.
	const k = 72 / 25.4
	out := strings.Join(pdftotext(t, b, "-bbox"), "")
	lines := map[string]bool{}
	for _, m := range bboxWord.FindAllStringSubmatch(out, -1) {
		if !strings.Contains(long, m[5]) || len(m[5]) < 3 {
			continue
		}
		x, _ := strconv.ParseFloat(m[1], 64)
		if x < (marginLeft+boxHang)*k-0.5 {
			t.Errorf("label word %q at x %.1f, left of the hanging indent", m[5], x)
		}
		lines[m[2]] = true
	}
	if len(lines) < 2 {
		t.Errorf("long label on %d lines, want it wrapped", len(lines))
	}
}
