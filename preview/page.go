package preview

import (
	"bytes"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"html"
	"regexp"
)

// The page is the report as rendered, with the diagnostics after <body>
// and the reload script before </body>. The documents spur writes have no
// script; only this page has one, allowed by its nonce.

var (
	bodyOpen  = regexp.MustCompile(`(?i)<body(?:\s[^>]*)?>`)
	bodyClose = regexp.MustCompile(`(?i)</body\s*>`)
	// metaCSP is a document's own policy. The documents allow no script,
	// and a page must pass every policy it has, so the preview drops the
	// document's and sends its own: as strict, but for the one script
	// and its connection back to this server.
	metaCSP = regexp.MustCompile(`(?i)<meta\s[^>]*http-equiv\s*=\s*["']?content-security-policy["'\s>][^>]*>`)
)

// words are the page's own few words, in the report's language.
type words struct {
	invalid, invalidNoReport, warnings, more, title string
}

var languages = map[string]words{
	"sv": {
		invalid:         "Filen går inte att läsa in. Rapporten nedan är den senaste som gick att göra.",
		invalidNoReport: "Filen går inte att läsa in, och ingen rapport har gått att göra än.",
		warnings:        "Varningar:",
		more:            "%d problem till visas inte.",
		title:           "Förhandsvisning",
	},
	"en": {
		invalid:         "The file does not validate. The report below is the last good one.",
		invalidNoReport: "The file does not validate, and no report could be made yet.",
		warnings:        "Warnings:",
		more:            "%d more problems not shown.",
		title:           "Preview",
	},
}

func wordsFor(lang string) (words, string) {
	if w, ok := languages[lang]; ok {
		return w, lang
	}
	return languages["sv"], "sv"
}

// newNonce is a fresh nonce for one response's script.
func newNonce() string {
	var b [18]byte
	rand.Read(b[:]) // never fails (crypto/rand)
	return base64.StdEncoding.EncodeToString(b[:])
}

// csp allows the page nothing but its inline styles, the one script with
// the nonce, and connections back to this server.
func csp(nonce string) string {
	return "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'nonce-" + nonce +
		"'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
}

// pageOf makes the page of st.
func pageOf(st state, lang, nonce string) []byte {
	w, lang := wordsFor(lang)
	doc := st.good
	if doc == nil {
		doc = []byte(`<!DOCTYPE html><html lang="` + lang + `"><head><meta charset="utf-8"><title>spur – ` +
			w.title + `</title></head><body><main></main></body></html>`)
	}
	var out bytes.Buffer
	out.Grow(len(doc) + 4096)
	rest := doc
	if loc := bodyOpen.FindIndex(doc); loc != nil {
		out.Write(metaCSP.ReplaceAll(doc[:loc[1]], nil))
		rest = doc[loc[1]:]
	}
	writeProblems(&out, st, w)
	end := len(rest)
	if locs := bodyClose.FindAllIndex(rest, -1); len(locs) > 0 {
		end = locs[len(locs)-1][0]
	}
	out.Write(rest[:end])
	writeScript(&out, st.version, nonce)
	out.Write(rest[end:])
	return out.Bytes()
}

// writeProblems writes the diagnostics, escaped, above the report.
func writeProblems(out *bytes.Buffer, st state, w words) {
	if len(st.problem) == 0 {
		return
	}
	out.WriteString(`<style>` +
		`#spur-preview{font:15px/1.45 system-ui,sans-serif;margin:0 0 1.5em;padding:.75em 1em;border:3px solid #b00020;background:#fff0f0;color:#000}` +
		`#spur-preview.warnings{border-color:#8a6500;background:#fff9e0}` +
		`#spur-preview ul{margin:.5em 0 0;padding-left:1.25em}` +
		`#spur-preview code{white-space:pre-wrap;overflow-wrap:anywhere;font:14px/1.4 ui-monospace,monospace}` +
		`@media print{#spur-preview{display:none}}</style>`)
	class, head := "", w.invalid
	switch {
	case !st.invalid:
		class, head = ` class="warnings"`, w.warnings
	case st.good == nil:
		head = w.invalidNoReport
	}
	fmt.Fprintf(out, `<div id="spur-preview"%s role="alert"><p><strong>%s</strong></p><ul>`, class, html.EscapeString(head))
	for _, p := range st.problem {
		out.WriteString(`<li><code>` + html.EscapeString(p) + `</code></li>`)
	}
	out.WriteString(`</ul>`)
	if st.more > 0 {
		fmt.Fprintf(out, `<p>`+html.EscapeString(w.more)+`</p>`, st.more)
	}
	out.WriteString(`</div>`)
}

// writeScript writes the script that reloads the page when the server's
// version differs from the page's: it listens to /events, or polls
// /version where EventSource is missing, and keeps the place scrolled to
// across the reload.
func writeScript(out *bytes.Buffer, version, nonce string) {
	fmt.Fprintf(out, `<script nonce="%s">(function(){
var v=%q,k="spur-preview-scroll";
try{var y=sessionStorage.getItem(k);if(y!==null){sessionStorage.removeItem(k);window.scrollTo(0,+y);}}catch(e){}
var done=false;
function check(n){if(!done&&n&&n!==v){done=true;try{sessionStorage.setItem(k,String(window.scrollY));}catch(e){}location.reload();}}
if(window.EventSource){new EventSource("/events").onmessage=function(e){check(e.data);};}
else{setInterval(function(){fetch("/version",{cache:"no-store"}).then(function(r){return r.text();}).then(function(t){check(t.trim());},function(){});},500);}
})();</script>`, html.EscapeString(nonce), version)
}
