package html

// css is every document's style, inline. Colours keep text at 4.5:1 or
// more against its background (most at 12:1 and up): text #1a1a1a and
// links #0645ad on white, the muted grey #595959 at 7:1. Nothing scrolls
// sideways: cells wrap, and so does a word longer than its line, so that
// no region needs keyboard access of its own; headings of columns and
// numbers break only between words, so that a narrow column never reads
// "Besö k" or "10 0 %". Print is A4, headings kept
// with what follows them and criteria and table rows kept whole where the
// browser can.
const css = `:root { color-scheme: light; }
html { background: #fff; color: #1a1a1a; }
body { margin: 0; padding: 1.5rem 1rem 3rem;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif;
  font-size: 1rem; line-height: 1.5; }
main { max-width: 48rem; margin: 0 auto; overflow-wrap: break-word; }
h1, h2, h3, h4 { line-height: 1.25; margin: 1.6em 0 0.5em; }
h1 { font-size: 1.9rem; margin-top: 0; }
h2 { font-size: 1.45rem; border-bottom: 2px solid #1a1a1a; padding-bottom: 0.15em; }
h3 { font-size: 1.2rem; }
h4 { font-size: 1.05rem; }
p, ul, ol, dl, table { margin: 0 0 0.8em; }
a { color: #0645ad; }
a:visited { color: #4b2a85; }
a:focus-visible { outline: 2px solid #0645ad; outline-offset: 2px; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.92em; background: #f3f3f3; padding: 0 0.2em; }
.muted, .note { color: #595959; }
.note { font-style: italic; }
.lead { font-style: italic; }
.facts { display: grid; grid-template-columns: minmax(8rem, 14rem) 1fr; gap: 0.25em 1em; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #767676; padding: 0.3em 0.5em; text-align: left; vertical-align: top; hyphens: auto; }
td { overflow-wrap: break-word; }
th.num, td.num, td.grade { overflow-wrap: normal; white-space: nowrap; }
thead th { background: #ececec; }
th[scope="row"] { font-weight: normal; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.grade { text-align: center; }
td.final { font-weight: 700; }
td ul { margin: 0; padding-left: 1.1em; }
.fields th[scope="row"] { font-weight: 600; width: 32%; background: #f6f6f6; }
.criteria, .options { list-style: none; padding-left: 0; }
.criteria li, .options li { position: relative; padding-left: 1.7em; margin: 0 0 0.45em; }
.box { position: absolute; left: 0; top: 0; font-size: 1.15em; line-height: 1.3; }
.na .ctext { text-decoration: line-through; }
.cid { font-weight: 700; }
.comment { display: block; font-style: italic; }
.chosen { font-weight: 700; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0; }
.chart { margin: 0 0 1em; }
.chart svg { display: block; width: 100%; height: auto; max-width: 40rem; }
@page { size: A4; margin: 20mm; }
@media print {
  body { padding: 0; font-size: 10.5pt; }
  main { max-width: none; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  li, tr, .chart { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: #1a1a1a; }
  a[href^="http"]::after, a[href^="mailto:"]::after { content: " (" attr(href) ")"; font-size: 0.9em; }
}
`
