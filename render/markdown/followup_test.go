package markdown

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"spur/followup"
	"spur/followup/view"
	"spur/input"
	"spur/schema"
)

// hostileList is the fixture's follow-up list with texts a person may
// type that Markdown or HTML would read as markup.
func hostileList(t testing.TB) *view.List {
	t.Helper()
	insp, diags, err := input.Load(fixture)
	if err != nil || diags.HasErrors() {
		t.Fatalf("%v %s", err, diags)
	}
	insp.Unit.Name = "# Kliniken | <b>fet</b> *kursiv* [länk](javascript:alert(1))"
	insp.Unit.Region = "Region <script>alert(1)</script> | Test"
	insp.ActionPlan.Entries[0].Responsible = "Chef | **A** <i>"
	insp.ActionPlan.Entries[0].Action = "<script>x</script>\n\n# Rubrik\n\n| a | b |"
	// Visited more than five years before the list's day: due again.
	insp.Visit = schema.NewDate(2020, 6, 1)
	l, _ := followup.Build([]*schema.Inspection{insp}, followup.Options{AsOf: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Within: 30})
	return l
}

// TestFollowupStructure: as GitHub-flavoured Markdown reads it, the list
// has the headings of the view in order (h2 a region, h3 a unit, h4 a
// responsible, h5 an action), each with the text as typed, however
// hostile; two tables, of the regions and their sum, and of the unit due
// for its next visit; no raw HTML.
func TestFollowupStructure(t *testing.T) {
	l := hostileList(t)
	var buf bytes.Buffer
	if err := Followup(&buf, l); err != nil {
		t.Fatal(err)
	}
	s := parseShape(t, buf.Bytes())
	want := []heading{{1, l.L.Title}, {2, l.L.Summary}, {2, l.L.NextVisits}}
	for _, r := range l.Regions {
		want = append(want, heading{2, r.Name})
		for _, u := range r.Units {
			want = append(want, heading{3, u.Heading})
			for _, g := range u.Groups {
				want = append(want, heading{4, l.L.Responsible + ": " + g.Responsible})
				for _, a := range g.Actions {
					want = append(want, heading{5, a.Criterion + " – " + a.StateName})
				}
			}
		}
	}
	if len(s.Headings) != len(want) {
		t.Fatalf("%d headings, want %d:\n%v", len(s.Headings), len(want), s.Headings)
	}
	for i := range want {
		if s.Headings[i] != want[i] {
			t.Errorf("heading %d: %v, want %v", i, s.Headings[i], want[i])
		}
	}
	if s.HTML != 0 || s.Tables != 2 || s.TableRows[0] != 2 || s.TableRows[1] != 1 {
		t.Errorf("%d HTML nodes, %d tables (rows %v)", s.HTML, s.Tables, s.TableRows)
	}
	text := plainText(t, buf.Bytes())
	for _, w := range []string{"<script>x</script> Rubrik | a | b |", "Region <script>alert(1)</script> | Test 3 0 0 0 0 11 14", "Alla regioner 3 0 0 0 0 11 14",
		"# Kliniken | <b>fet</b> *kursiv* [länk](javascript:alert(1)) Region <script>alert(1)</script> | Test 2020-06-01 2025-06-01 Försenad",
		"Nästa granskning är försenad för 1 verksamhet."} {
		if !strings.Contains(text, w) {
			t.Errorf("the text lacks %q", w)
		}
	}
}

// TestFollowupEmpty: a list without actions says so, and that no unit is
// due for its next visit.
func TestFollowupEmpty(t *testing.T) {
	l, _ := followup.Build(nil, followup.Options{AsOf: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Region: []string{"Region Gotland"}})
	var buf bytes.Buffer
	if err := Followup(&buf, l); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"**Urval:** Region: Region Gotland", "0 åtgärder i 0 handlingsplaner", "*Inga åtgärder i urvalet.*",
		"## Nästa granskning\n\n*Ingen verksamhet i urvalet ska granskas igen före 2026-01-01 eller inom 0 dagar därefter.*"} {
		if !strings.Contains(buf.String(), w) {
			t.Errorf("lacks %q:\n%s", w, buf.String())
		}
	}
}
