package markdown

import (
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
