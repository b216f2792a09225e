package html_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	xhtml "golang.org/x/net/html"

	"spur/followup"
	fview "spur/followup/view"
	"spur/input"
	"spur/render/html"
	"spur/schema"
)

// followupList is the fixture's follow-up list with texts a person may
// type that HTML would read as markup.
func followupList(t *testing.T) *fview.List {
	t.Helper()
	insp, diags, err := input.Load(fixture)
	if err != nil || diags.HasErrors() {
		t.Fatalf("%v %s", err, diags)
	}
	insp.Unit.Name = "Kliniken <b>fet</b> & \"citat\""
	insp.Unit.Region = "Region <script>alert(1)</script>"
	insp.ActionPlan.Entries[0].Responsible = "Chef <i>A</i>"
	insp.ActionPlan.Entries[0].Action = "<img src=x onerror=alert(1)>\n\n- ett\n- två"
	// Visited more than five years before the list's day: due again.
	insp.Visit = schema.NewDate(2020, 6, 1)
	l, _ := followup.Build([]*schema.Inspection{insp}, followup.Options{AsOf: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Within: 30})
	return l
}

// TestFollowupAccessible: the page is lang="sv"; its headings nest without
// a gap and are those of the view, with the texts as typed; every table
// is labelled by a heading that exists and has a header in each row or
// column, scoped (the unit due for its next visit heads its row); what a
// person typed is text, never an element.
func TestFollowupAccessible(t *testing.T) {
	l := followupList(t)
	var buf bytes.Buffer
	if _, err := html.Followup(&buf, l); err != nil {
		t.Fatal(err)
	}
	doc := parse(t, buf.Bytes())
	ids := map[string]bool{}
	var tags []string
	each(doc, func(n *xhtml.Node) {
		tags = append(tags, n.Data)
		if id, ok := attr(n, "id"); ok {
			ids[id] = true
		}
		if n.Data == "html" {
			if lang, _ := attr(n, "lang"); lang != "sv" {
				t.Errorf("lang=%q", lang)
			}
		}
	})
	for _, bad := range []string{"script", "b", "i", "img"} {
		for _, tg := range tags {
			if tg == bad {
				t.Errorf("a <%s> element from the input", bad)
			}
		}
	}
	titles, hs := headings(doc)
	if len(titles) != 1 || titles[0] != l.L.Title {
		t.Errorf("titles %q", titles)
	}
	want := []heading{{0, l.L.Summary}, {0, l.L.NextVisits}}
	for _, r := range l.Regions {
		want = append(want, heading{0, r.Name})
		for _, u := range r.Units {
			want = append(want, heading{1, u.Heading})
			for _, g := range u.Groups {
				want = append(want, heading{2, l.L.Responsible + ": " + g.Responsible})
				for _, a := range g.Actions {
					want = append(want, heading{3, a.Criterion + " – " + a.StateName})
				}
			}
		}
	}
	if len(hs) != len(want) {
		t.Fatalf("%d headings, want %d", len(hs), len(want))
	}
	prev := 0
	for i := range want {
		if hs[i] != want[i] {
			t.Errorf("heading %d: %v, want %v", i, hs[i], want[i])
		}
		if hs[i].Level > prev+1 {
			t.Errorf("heading %v skips a level", hs[i])
		}
		prev = hs[i].Level
	}
	tables := 0
	each(doc, func(n *xhtml.Node) {
		switch n.Data {
		case "table":
			tables++
			if ref, _ := attr(n, "aria-labelledby"); !ids[ref] {
				t.Errorf("a table labelled by %q, which is no id", ref)
			}
		case "th":
			if sc, _ := attr(n, "scope"); sc != "col" && sc != "row" {
				t.Errorf("a header cell without scope: %q", textOf(n))
			}
		case "tr":
			th := false
			each(n, func(c *xhtml.Node) { th = th || c.Data == "th" })
			if !th {
				t.Errorf("a row without a header cell: %q", textOf(n))
			}
		}
	})
	if tables != 2+l.Actions() {
		t.Errorf("%d tables, want the counts, the next visits and one per action (%d)", tables, 2+l.Actions())
	}
	text := textOf(doc)
	for _, w := range []string{"Region <script>alert(1)</script> 3 0 0 0 0 11 14", "Alla regioner 3 0 0 0 0 11 14",
		"Planerad åtgärd <img src=x onerror=alert(1)> ett två", "Kliniken <b>fet</b> & \"citat\", besök 2020-06-01",
		"Verksamhet Region Senaste besök Nästa granskning senast Läge " +
			"Kliniken <b>fet</b> & \"citat\" Region <script>alert(1)</script> 2020-06-01 2025-06-01 Försenad"} {
		if !strings.Contains(text, w) {
			t.Errorf("the page lacks %q", w)
		}
	}
}
