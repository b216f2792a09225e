package markdown

import (
	"bytes"
	"strings"
	"testing"
)

func TestEscape(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Almaklinikens vårdcentral", "Almaklinikens vårdcentral"},
		{"prose kept readable", "ST-läkare (Mini-CEX) 2025-12-31, 1 timme/ vecka: 250% \"öppna dörrar\".", "ST-läkare (Mini-CEX) 2025-12-31, 1 timme/ vecka: 250% \"öppna dörrar\"."},
		{"pipe", "a | b", "a \\| b"},
		{"heading", "# Rubrik #", "\\# Rubrik \\#"},
		{"bullet star", "* punkt", "\\* punkt"},
		{"bullet plus", "+ punkt", "\\+ punkt"},
		{"bullet dash", "- punkt", "\\- punkt"},
		{"quote", "> citat", "\\> citat"},
		{"ordered", "1. punkt", "1\\. punkt"},
		{"ordered paren", "12) punkt", "12\\) punkt"},
		{"too long for a marker", "1234567890. år", "1234567890. år"},
		{"setext", "===", "\\==="},
		{"html", "<script>alert(1)</script>", "\\<script>alert(1)\\</script>"},
		{"link", "[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"},
		{"image", "![x](y)!", "!\\[x\\](y)\\!"},
		{"code", "`kod` och ``mer``", "\\`kod\\` och \\`\\`mer\\`\\`"},
		{"emphasis", "_a_ *b* ~~c~~", "\\_a\\_ \\*b\\* \\~\\~c\\~\\~"},
		{"backslash", "C:\\temp\\", "C:\\\\temp\\\\"},
		{"entities", "&amp; &#60; & AT&T", "\\&amp; \\&\\#60; & AT\\&T"},
		{"trailing two spaces", "slut  ", "slut"},
		{"leading spaces", "   - lista", "\\- lista"},
		{"windows line breaks", "rad ett\r\nrad två\r\n", "rad ett rad två"},
		{"line break then marker", "a\n# b\n- c", "a \\# b - c"},
		{"tabs", "a\tb", "a b"},
		{"controls", "a\x00b\x1b[31mc", "ab\\[31mc"},
		{"emoji", "😀 🇸🇪", "😀 🇸🇪"},
		{"colon start", ":---:", "\\:---:"},
		{"empty", "", ""},
		{"only spaces", "  \n ", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Escape(tc.in); got != tc.want {
				t.Errorf("Escape(%q)\n got  %q\n want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestEscapeLiteral: in any place a template puts it, escaped text reads
// back as the text, in one paragraph, a table cell or a list item.
func TestEscapeLiteral(t *testing.T) {
	for _, in := range hostile {
		want := collapse(strings.NewReplacer("\r\n", " ", "\r", " ").Replace(clean(in)))
		for _, place := range []string{"%s", "- %s", "- [x] **A1** %s", "| h |\n| --- |\n| %s |", "**Label:** %s", "### %s", "*%s*"} {
			md := strings.Replace(place, "%s", Escape(in), 1) + "\n"
			s := parseShape(t, []byte(md))
			if s.HTML != 0 || s.Tables != strings.Count(place, "---") || len(s.Headings) != strings.Count(place, "###") {
				t.Errorf("Escape(%.40q) in %q changed the structure: %+v", in, place, s)
			}
			if got := plainText(t, []byte(md)); !strings.Contains(got, want) {
				t.Errorf("Escape(%.40q) in %q reads\n %.200q", in, place, got)
			}
		}
	}
}

// TestLines: plain text with its line breaks, in the places the templates
// put it (a paragraph in emphasis, a criterion's comment in its list
// item): each line break is a hard break, the lines are literal, and the
// structure around them is unchanged, however hostile each line is.
func TestLines(t *testing.T) {
	if got, want := Lines("  ", "rad ett\n\n# rad två  \r\n- rad tre"), "rad ett\\\n  \\# rad två\\\n  \\- rad tre"; got != want {
		t.Errorf("Lines\n got  %q\n want %q", got, want)
	}
	if got := Lines("", " \n\t\n"); got != "" {
		t.Errorf("Lines of blank lines: %q", got)
	}
	for _, in := range hostile {
		for _, two := range []string{in + "\n" + in, "första\n" + in, in + "\nsista"} {
			lines := strings.Split(strings.TrimSpace(clean(two)), "\n")
			for _, place := range []struct{ tmpl, indent string }{{"*%s*", ""}, {"- [x] **A1** text\\\n  *Kommentar:* %s\n- [ ] **A2** två", "  "}} {
				md := []byte(strings.Replace(place.tmpl, "%s", Lines(place.indent, two), 1) + "\n")
				s := parseShape(t, md)
				items := strings.Count(place.tmpl, "\n- ") + strings.Count(place.tmpl[:1], "-")
				if s.HTML != 0 || s.Tables != 0 || len(s.Headings) != 0 || s.ListItems != items {
					t.Errorf("Lines(%.40q) in %q changed the structure: %+v\n%s", two, place.tmpl, s, md)
				}
				var out bytes.Buffer
				if err := gfm.Convert(md, &out); err != nil {
					t.Fatal(err)
				}
				blank := 0
				for _, l := range lines {
					if strings.TrimSpace(l) == "" {
						blank++
					}
				}
				// The template's own break, before "Kommentar:", counts too.
				if n, want := strings.Count(out.String(), "<br"), len(lines)-blank-1+strings.Count(place.tmpl, "\\\n"); n != want {
					t.Errorf("Lines(%.40q) in %q: %d line breaks, want %d\n%.300s", two, place.tmpl, n, want, out.String())
				}
			}
		}
	}
}
