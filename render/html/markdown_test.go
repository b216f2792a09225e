package html

import (
	"strings"
	"testing"

	"spur/report/compose"
)

// TestMarkdownSubset: the inspectors' Markdown as HTML, in the subset
// every format keeps.
func TestMarkdownSubset(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"empty", " \n ", ""},
		{"paragraphs, a line end is a line break", "a\nb\n\nc", "<p>a<br>\nb</p>\n<p>c</p>\n"},
		{"line break in emphasis and a list", "*a\nb*\n\n- c\n  d", "<p><em>a<br>\nb</em></p>\n<ul>\n<li>c<br>\nd\n</li>\n</ul>\n"},
		{"hard break", "a  \nb\\\nc", "<p>a<br>\nb<br>\nc</p>\n"},
		{"emphasis", "*a* **b** _c_", "<p><em>a</em> <strong>b</strong> <em>c</em></p>\n"},
		{"code", "`<b>`", "<p><code>&lt;b&gt;</code></p>\n"},
		{"tight list", "- a\n- b", "<ul>\n<li>a\n</li>\n<li>b\n</li>\n</ul>\n"},
		{"loose list", "1. a\n\n2. b", "<ol>\n<li><p>a</p>\n</li>\n<li><p>b</p>\n</li>\n</ol>\n"},
		{"start", "3. a", "<ol start=\"3\">\n<li>a\n</li>\n</ol>\n"},
		{"empty item", "- \n- b", "<ul>\n<li>b\n</li>\n</ul>\n"},
		{"link", "[a](https://x.se/?a=1&b=\"2\")", "<p><a href=\"https://x.se/?a=1&amp;b=&#34;2&#34;\">a</a></p>\n"},
		{"mailto", "<ka@x.se>", "<p><a href=\"mailto:ka@x.se\">ka@x.se</a></p>\n"},
		{"javascript", "[a](javascript:alert(1))", "<p>[a](javascript:alert(1))</p>\n"},
		{"data", "[a](data:text/html,x)", "<p>[a](data:text/html,x)</p>\n"},
		{"autolink not allowed", "<javascript:x>", "<p>&lt;javascript:x&gt;</p>\n"},
		{"raw html", "a <b onclick=x>b</b>", "<p>a &lt;b onclick=x&gt;b&lt;/b&gt;</p>\n"},
		{"html block", "<div>\nx\n</div>", "<p>&lt;div&gt;<br>\nx<br>\n&lt;/div&gt;</p>\n"},
		{"heading", "# Rubrik", "<p><strong>Rubrik</strong></p>\n"},
		{"rule", "a\n\n---\n\nb", "<p>a</p>\n<p>b</p>\n"},
		{"quote", "> a", "<p>a</p>\n"},
		{"image", "![alt](https://x.se/a.png)", "<p>alt</p>\n"},
		{"entities", "&lt;script&gt; &amp; \\*", "<p>&lt;script&gt; &amp; *</p>\n"},
		{"strikethrough stays", "~~a~~", "<p>~~a~~</p>\n"},
		{"control", "a\x00b\x07", "<p>ab</p>\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var p page
			p.userText(compose.Text(c.in))
			if got := p.b.String(); got != c.want {
				t.Errorf("%q:\n got %q\nwant %q", c.in, got, c.want)
			}
		})
	}
	// Nesting deeper than maxDepth is flattened, not lost.
	var b strings.Builder
	for i := range 12 {
		b.WriteString(strings.Repeat("  ", i) + "- x\n")
	}
	var p page
	p.userText(compose.Text(b.String()))
	if n := strings.Count(p.b.String(), "<ul>"); n != 8 {
		t.Errorf("%d lists, want 8", n)
	}
	if n := strings.Count(p.b.String(), "x"); n != 12 {
		t.Errorf("%d items' texts, want 12", n)
	}
}
