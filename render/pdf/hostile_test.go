package pdf

import (
	"strings"
	"testing"
)

// hostile is text that has broken PDF generators.
var hostile = []string{
	"Emoji 😀👍🏽 and flags 🇸🇪, ZWJ family 👨\u200d👩\u200d👧",
	"Controls \x00\x01\x07\x1b[31m\x7f\u0085\u009f end",
	"Zero\u200bwidth\u200cjoin\u200dBOM\ufeffsoft\u00adhyphen",
	"Combining e\u0301 a\u0308 q\u0301 Z\u0335\u0321\u0358a\u0489l\u0337go",
	"RTL: שלום עולם and مرحبا بالعالم \u202eevil\u202c",
	"CJK 日本語 and math 𝔸𝕓 and private \ue000",
	"Invalid \xff\xfe UTF-8 \xc3",
	"Parens ( ) \\ and (unbalanced and \\) escapes",
	strings.Repeat("Lång mening om handledning och kompetensbedömning. ", 200), // 10,000 characters
	strings.Repeat("W", 500),
	"https://example.com/" + strings.Repeat("a/b-c?d=e&", 50),
	"Tabs\tand\r\nCRLF\rCR\u2028LS\u2029PS",
}

func TestHostileText(t *testing.T) {
	all := strings.Join(hostile, "\n\n")
	b, d := render(t, func(d *Doc) {
		d.SetContext("hostile")
		d.Bookmark(all[:200], 0)
		for _, s := range hostile {
			d.Heading(s, 2)
			d.Paragraph(Run{Text: s}, Run{Text: s, Bold: true, Link: s})
			d.markdown(s)
			d.Checkbox(CheckNA, s)
		}
		d.Table(nil, []Cell{{Runs: []Run{{Text: hostile[0]}}}, {Text: md(hostile[4])}},
			[][]Cell{{{Runs: []Run{{Text: all}}}, {Text: md(all)}}, {{Text: md(hostile[9])}}})
	})
	qpdfCheck(t, b)
	checkMargins(t, b)
	text := strings.Join(pdftotext(t, b), "")
	for _, want := range []string{"Emoji □□□", "Controls [31m end", "ZerowidthjoinBOMsofthyphen", "e\u0301", "□□□□ □□□□"} {
		if !strings.Contains(text, want) && !strings.Contains(text, strings.ReplaceAll(want, "e\u0301", "é")) {
			t.Errorf("no %q in the extracted text", want)
		}
	}
	w := strings.Join(d.Warnings(), "\n")
	for _, want := range []string{
		`character U+1F600 "😀" not in font, replaced (in "hostile")`,
		`character U+0645 "م" is right-to-left, which the PDF does not set; replaced (in "hostile")`,
		`character U+05E9 "ש" is right-to-left, which the PDF does not set; replaced (in "hostile")`,
		`invalid UTF-8 replaced by U+FFFD (in "hostile")`,
	} {
		if !strings.Contains(w, want) {
			t.Errorf("no warning %q in\n%s", want, w)
		}
	}
}
