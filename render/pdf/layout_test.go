package pdf

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"spur/corpus"
	"spur/grade"
	"spur/input"
	"spur/report"
	"spur/report/compose"
	"spur/report/overview"
)

// The layout check: the page-breaking rules of page.go, asserted on the
// engine's own record of what it drew where (Doc.placed), for the fixture,
// a generated corpus and stress documents.

func init() {
	// The layout check reads every item of a finished document.
	retainItems = true
}

// pageRoom is the height of the text area of a page.
const pageRoom = pageH - marginBottom - marginTop

// layoutOf is what the check reads from a finished Doc.
type layoutOf struct {
	d     *Doc
	parts [][]placed // per item, where its parts were drawn
	pages int
}

func finish(t testing.TB, d *Doc) layoutOf {
	t.Helper()
	if !d.retain {
		t.Fatal("the document was made without retainItems: the check needs every item")
	}
	if err := d.Output(io.Discard); err != nil {
		t.Fatal(err)
	}
	l := layoutOf{d: d, parts: make([][]placed, len(d.items)), pages: d.page}
	for _, p := range d.placed {
		if p.item >= 0 {
			l.parts[p.item] = append(l.parts[p.item], p)
		}
	}
	for i, ps := range l.parts {
		if len(ps) == 0 {
			t.Fatalf("item %d was never drawn", i)
		}
	}
	return l
}

func (l layoutOf) first(i int) int { return l.parts[i][0].page }
func (l layoutOf) last(i int) int  { return l.parts[i][len(l.parts[i])-1].page }

// describe names an item for a failure message.
func (l layoutOf) describe(i int) string {
	it := &l.d.items[i]
	if it.line != nil {
		var b strings.Builder
		for _, f := range it.line.frags {
			b.WriteString(f.text)
		}
		return fmt.Sprintf("item %d %q on page %d", i, b.String(), l.first(i))
	}
	return fmt.Sprintf("item %d (table row %d) on pages %d–%d", i, it.index, l.first(i), l.last(i))
}

// height is what items i..j (inclusive) take in a column, with their gaps.
func (l layoutOf) height(i, j int) float64 {
	h := 0.0
	for k := i; k <= j; k++ {
		it := &l.d.items[k]
		if k > i {
			h += it.gap
		}
		if it.row != nil {
			h += it.row.h
		} else {
			h += it.line.h
		}
	}
	return h
}

// checkLayout asserts the page-breaking rules and returns the failures.
func checkLayout(l layoutOf) []string {
	var bad []string
	items := l.d.items
	fail := func(format string, args ...any) { bad = append(bad, fmt.Sprintf(format, args...)) }

	// A heading is never the last thing on a page: it stays with the first
	// two lines, or the first table row, of what follows (or with all of
	// it, when one line comes before the next heading).
	for i := range items {
		if !items[i].kind.heading() || i+1 < len(items) && items[i+1].kind.heading() {
			continue
		}
		p := l.last(i)
		lines := 0
		for k := i + 1; k < len(items) && lines < 2; k++ {
			it := &items[k]
			if it.kind == kindMark || it.kind.heading() && lines > 0 {
				break
			}
			if l.first(k) != p {
				fail("heading %s: %s is on another page", l.describe(i), l.describe(k))
				break
			}
			if it.kind == kindRow {
				break
			}
			if it.kind != kindHeadRow {
				lines++
			}
		}
	}

	// No paragraph, list item or check box leaves a single line alone at
	// the foot or head of a page.
	perPage := map[[2]int]int{}
	blocks := map[int][]int{}
	for i := range items {
		if it := &items[i]; it.line != nil && !it.kind.heading() && it.kind != kindMark {
			perPage[[2]int{it.block, l.first(i)}]++
			blocks[it.block] = append(blocks[it.block], i)
		}
	}
	for b, is := range blocks {
		if l.first(is[0]) == l.first(is[len(is)-1]) {
			continue
		}
		for _, i := range is {
			if n := perPage[[2]int{b, l.first(i)}]; n < 2 {
				fail("%s: a single line of its paragraph on that page", l.describe(i))
			}
		}
	}

	// A group (an area's grade options with the explanation) shorter than
	// 40 % of a page is on one page.
	groups := map[int][]int{}
	for i := range items {
		if g := items[i].group; g != 0 {
			groups[g] = append(groups[g], i)
		}
	}
	for _, is := range groups {
		a, z := is[0], is[len(is)-1]
		if l.height(a, z) <= 0.4*pageRoom && l.first(a) != l.last(z) {
			fail("group of %s to %s split across pages", l.describe(a), l.describe(z))
		}
	}

	// A table that fits on a page is not split, unless moving it would
	// have left more than 40 % of the page empty; a TableWhole never is.
	// Its header is repeated on each page it continues on.
	tables := map[*table][]int{}
	for i := range items {
		if t := items[i].tab; t != nil {
			tables[t] = append(tables[t], i)
		}
	}
	for t, is := range tables {
		a, z := is[0], is[len(is)-1]
		if l.first(a) == l.last(z) {
			continue
		}
		if h := l.height(a, z); h <= pageRoom {
			// How full the page was before the table and its headings.
			full, k := 0.0, a-1
			for k >= 0 && items[k].kind.heading() {
				k--
			}
			if k >= 0 && l.last(k) == l.first(a) {
				ps := l.parts[k]
				full = (ps[len(ps)-1].bottom - marginTop) / pageRoom
			}
			if t.inner == keepStrong {
				fail("table from %s split although it is kept whole", l.describe(a))
			} else if full >= minFill {
				fail("table from %s (%.0f mm) split on a page already %.0f %% full", l.describe(a), h, 100*full)
			}
		}
		if t.head == nil {
			continue
		}
		for p := l.first(a) + 1; p <= l.last(z); p++ {
			if !l.repeatedOn(t, p) {
				fail("table from %s continues on page %d without its header", l.describe(a), p)
			}
		}
	}
	return bad
}

func (l layoutOf) repeatedOn(t *table, page int) bool {
	for _, p := range l.d.placed {
		if p.page == page && p.item < 0 && p.head == t.head {
			return true
		}
		if p.page == page && p.item >= 0 && l.d.items[p.item].row == t.head {
			return true
		}
	}
	return false
}

// fullness is how full each page is, as a share of its text area.
func (l layoutOf) fullness() []float64 {
	f := make([]float64, l.pages)
	for _, p := range l.d.placed {
		f[p.page-1] = max(f[p.page-1], (p.bottom-marginTop)/pageRoom)
	}
	return f
}

// sectionStarts reports the pages that start with a section heading
// (level 0 or 1).
func (l layoutOf) sectionStarts() map[int]bool {
	starts := map[int]bool{}
	seen := map[int]bool{}
	for _, p := range l.d.placed {
		if seen[p.page] {
			continue
		}
		seen[p.page] = true
		if p.item >= 0 {
			k := l.d.items[p.item].kind
			starts[p.page] = k == kindHeading0 || k == kindHeading1
		}
	}
	return starts
}

func fixtureInspection(t testing.TB, path string) *report.Report {
	t.Helper()
	insp, diags, err := input.Load(path)
	if err != nil || diags.HasErrors() {
		t.Fatalf("%s: %v %s", path, err, diags)
	}
	res, _ := grade.Inspection(insp, grade.DefaultPolicy())
	return compose.Report(insp, res, report.Options{Lang: "sv"})
}

func assertLayout(t *testing.T, name string, l layoutOf) {
	t.Helper()
	for _, b := range checkLayout(l) {
		t.Errorf("%s: %s", name, b)
	}
}

// TestLayoutFixture: the fixture's report and plan keep every rule, and
// no page is less than 60 % full but the last and those before a section.
func TestLayoutFixture(t *testing.T) {
	r := fixtureReport(t, "sv")
	for name, d := range map[string]*Doc{"report": reportDoc(r, nil), "plan": planDoc(r, nil)} {
		l := finish(t, d)
		assertLayout(t, name, l)
		full, starts := l.fullness(), l.sectionStarts()
		for p, f := range full {
			if p+1 < l.pages && !starts[p+2] && f < minFill {
				t.Errorf("%s: page %d is %.0f %% full", name, p+1, 100*f)
			}
		}
	}
}

// TestLayoutCorpus: generated inspections of every shape, their reports,
// plans and the overview of them all.
func TestLayoutCorpus(t *testing.T) {
	dir := t.TempDir()
	n := 24
	if testing.Short() {
		n = 6
	}
	files, err := corpus.GenerateFrom([]string{"../../fixtures/almaklinikens-vardcentral-2025.yaml"}, dir, n, 11)
	if err != nil {
		t.Fatal(err)
	}
	var rows []overview.Row
	for _, f := range files {
		insp, diags, err := input.Load(f)
		if err != nil || diags.HasErrors() {
			t.Fatalf("%s: %v %s", f, err, diags)
		}
		res, _ := grade.Inspection(insp, grade.DefaultPolicy())
		r := compose.Report(insp, res, report.Options{Lang: "sv"})
		assertLayout(t, filepath.Base(f)+" report", finish(t, reportDoc(r, nil)))
		if r.Plan != nil {
			assertLayout(t, filepath.Base(f)+" plan", finish(t, planDoc(r, nil)))
		}
		rows = append(rows, compose.Row(insp, res, filepath.Base(f)))
	}
	v := compose.Overview(rows, overview.Filter{}, "sv")
	assertLayout(t, "overview", finish(t, indexDoc(v, nil)))
}

// TestLayoutStress: long texts, tall rows, many headings in a row, tables
// longer than a page.
func TestLayoutStress(t *testing.T) {
	long := strings.Repeat("Lång mening om handledning och kompetensbedömning. ", 120)
	for name, fill := range map[string]func(d *Doc){
		"sample": func(d *Doc) { sample(d, 16) },
		"hostile": func(d *Doc) {
			d.SetContext("hostile")
			for _, s := range hostile {
				d.Heading(s, 2)
				d.Paragraph(Run{Text: s})
			}
		},
		"headings": func(d *Doc) {
			for i := range 60 {
				d.Heading(fmt.Sprintf("Rubrik %d", i), 1+i%3)
				if i%5 == 4 {
					d.Paragraph(Run{Text: long[:40*i]})
				}
			}
		},
		"tall rows": func(d *Doc) {
			for i := range 6 {
				d.Heading(fmt.Sprintf("Kriterium E%d", i), 3)
				d.Table([]Column{{Width: 0.3}, {}}, []Cell{{Runs: []Run{{Text: "E5"}}}, {Runs: []Run{{Text: "Kriteriets text"}}}},
					[][]Cell{{{Runs: []Run{{Text: "Planerad åtgärd", Bold: true}}, Fill: true}, {Text: md(routine(10 * i))}},
						{{Runs: []Run{{Text: "Ansvarig"}}}, {Runs: []Run{{Text: "Verksamhetschef"}}}}})
			}
		},
		"long table": func(d *Doc) {
			var rows [][]Cell
			for i := range 140 {
				rows = append(rows, []Cell{{Runs: []Run{{Text: fmt.Sprint(i)}}}, {Runs: []Run{{Text: long[:i%7*30]}}}})
			}
			d.Heading("Översikt", 1)
			d.Table(nil, []Cell{{Runs: []Run{{Text: "Nr"}}}, {Runs: []Run{{Text: "Text"}}}}, rows)
		},
		"paragraphs": func(d *Doc) {
			for i := range 80 {
				d.Paragraph(Run{Text: long[:(i*37)%len(long)]})
			}
		},
	} {
		t.Run(name, func(t *testing.T) {
			d := New(testMeta())
			fill(d)
			assertLayout(t, name, finish(t, d))
		})
	}
}

// TestLayoutCheckCatches: the check fails on layouts that break the rules,
// so that it cannot pass by checking nothing.
func TestLayoutCheckCatches(t *testing.T) {
	d := New(testMeta())
	d.Heading("Rubrik", 2)
	d.Paragraph(Run{Text: strings.Repeat("Lång mening om handledning. ", 40)})
	l := finish(t, d)
	if bad := checkLayout(l); len(bad) != 0 {
		t.Fatalf("a correct layout fails: %v", bad)
	}
	// Move the paragraph's lines but the first to page 2, as an engine
	// without the rules could have: an orphan, and a heading without its
	// lines.
	for i := range l.d.placed {
		if l.d.placed[i].item >= 2 {
			l.d.placed[i].page = 2
		}
	}
	l = layoutOf{d: l.d, parts: make([][]placed, len(l.d.items)), pages: 2}
	for _, p := range l.d.placed {
		l.parts[p.item] = append(l.parts[p.item], p)
	}
	bad := strings.Join(checkLayout(l), "\n")
	for _, want := range []string{"is on another page", "a single line of its paragraph"} {
		if !strings.Contains(bad, want) {
			t.Errorf("the check misses %q:\n%s", want, bad)
		}
	}
}

// TestFlushChangesNothing: drawing pages as the flow fills them (and
// dropping what was drawn) gives the same bytes as drawing the whole flow
// at Output, for the fixture and the stress documents, at every flush
// interval.
func TestFlushChangesNothing(t *testing.T) {
	defer func(r bool, n int) { retainItems, flushEvery = r, n }(retainItems, flushEvery)
	r := fixtureReport(t, "sv")
	long := strings.Repeat("Lång mening om handledning och kompetensbedömning. ", 300)
	docs := map[string]func() *Doc{
		"report": func() *Doc { return reportDoc(r, nil) },
		"plan":   func() *Doc { return planDoc(r, nil) },
		"sample": func() *Doc { d := New(testMeta()); sample(d, 16); return d },
		"long": func() *Doc {
			d := New(testMeta())
			for i := range 40 {
				d.Heading(fmt.Sprintf("Rubrik %d", i), 2)
				d.Paragraph(Run{Text: long[:(i*997)%len(long)]})
				d.Keep(func() { d.Checkbox(CheckMet, long[:500]); d.Paragraph(Run{Text: long[:(i*331)%1500]}) })
			}
			return d
		},
	}
	out := func(mk func() *Doc) []byte {
		var b strings.Builder
		if err := mk().Output(&b); err != nil {
			t.Fatal(err)
		}
		return []byte(b.String())
	}
	for name, mk := range docs {
		retainItems, flushEvery = true, 0
		want := out(mk)
		for _, n := range []int{1, 7, 64} {
			retainItems, flushEvery = false, n
			if got := out(mk); string(got) != string(want) {
				t.Errorf("%s: flushing every %d items changes the PDF", name, n)
			}
		}
	}
}
