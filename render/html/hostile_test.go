package html_test

import (
	"bytes"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"

	"spur/render/html"
	"spur/report"
	"spur/report/compose"
	"spur/report/overview"
)

// TestHostileInput: text a person wrote never becomes markup, whatever it
// holds: script elements, event handlers, javascript: and data: links,
// bidirectional overrides, a word of 5,000 characters, an attempt to
// leave an attribute. The documents are parsed as a browser parses them.
func TestHostileInput(t *testing.T) {
	long := strings.Repeat("x", 5000)
	in := load(t,
		"name: Almaklinikens vårdcentral", `name: "Alma <script>alert(1)</script> \u202Eevil\u202C"`,
		"      Privat driven vårdcentral", "      <script>alert(1)</script> [klicka](javascript:alert(1)) "+
			"[x](data:text/html,<script>alert(2)</script>) <img src=x onerror=alert(3)> "+
			"<a href=\"javascript:alert(4)\">a</a> [ok](https://example.org/\"onmouseover=alert(5)) "+long+"\n\n"+
			"      <div onclick=alert(6)>block</div>\n\n      Privat driven vårdcentral",
		"responsible: Verksamhetschefen", `responsible: '"><img src=x onerror=alert(7)>'`,
		"      Inköp av öronmikroskop", "      Inköp <svg onload=alert(8)> ![bild](https://evil.example/x.png) <javascript:alert(9)>",
	)
	r := compose.Report(in.Inspection, in.Grades, report.Options{Lang: "sv"})
	if !strings.Contains(r.Unit.Name, "<script>") {
		t.Fatalf("the edit did not reach the unit's name: %q", r.Unit.Name)
	}
	row := compose.Row(in.Inspection, in.Grades, `x/"><script>alert(10)</script>.md`)
	var idx bytes.Buffer
	if _, err := html.Index(&idx, compose.Overview([]overview.Row{row}, overview.Filter{}, "sv")); err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string][]byte{
		"report": render(t, html.Report, r),
		"plan":   render(t, html.Plan, r),
		"index":  idx.Bytes(),
	} {
		t.Run(name, func(t *testing.T) {
			z := xhtml.NewTokenizer(bytes.NewReader(b))
			for {
				tt := z.Next()
				if tt == xhtml.ErrorToken {
					break
				}
				tok := z.Token()
				if tt != xhtml.StartTagToken && tt != xhtml.SelfClosingTagToken {
					continue
				}
				switch tok.Data {
				case "script", "img", "iframe", "object", "embed":
					t.Errorf("<%s> in the output", tok.Data)
				case "svg", "div": // the overview's chart, ours
					if name != "index" {
						t.Errorf("<svg> in the %s", name)
					}
				}
				for _, a := range tok.Attr {
					v := strings.ToLower(strings.TrimSpace(a.Val))
					if strings.HasPrefix(a.Key, "on") || a.Key == "src" ||
						a.Key == "href" && !report.LinkAllowed(v) && !strings.HasPrefix(v, "x/") {
						t.Errorf("<%s %s=%q>", tok.Data, a.Key, a.Val)
					}
				}
			}
			doc := parse(t, b)
			text := textOf(doc)
			if strings.ContainsAny(text, "\u202A\u202B\u202C\u202D\u202E") {
				t.Error("a bidirectional control in the text")
			}
			if name != "index" && !strings.Contains(text, "[U+202E]") {
				t.Error("the bidi override is not shown as a marker")
			}
			if name == "report" {
				for _, s := range []string{"<script>alert(1)</script>", "[klicka](javascript:alert(1))", "<img src=x onerror=alert(3)>", long, "<div onclick=alert(6)>block</div>"} {
					if !strings.Contains(text, s) {
						t.Errorf("%.60q is not shown as text", s)
					}
				}
			}
			if name != "index" && !strings.Contains(text, `"><img src=x onerror=alert(7)>`) {
				t.Error("the plan field is not shown as text")
			}
			structure(t, b, "sv")
		})
	}
}
