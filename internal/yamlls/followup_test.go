package yamlls_test

import (
	"path/filepath"
	"strings"
	"testing"

	"spur/internal/yamlls"
)

// followUps is base with two follow-ups of E4's action.
const followUps = "      action: Handledarna går handledarutbildning.\n      follow_ups:\n        - date: 2025-11-20\n          status: partly\n          note: Två av tre har gått utbildningen.\n          by: Eva Lund\n        - {date: 2026-02-15, status: done}\n"

// TestFollowUpsInEditor: the follow-ups of an action are checked and
// completed by the schema, whatever the catalogue.
func TestFollowUpsInEditor(t *testing.T) {
	s := start(t)
	cases := []struct {
		name string
		doc  string
		want []want
	}{
		{"valid", edit(t, "      action: Handledarna går handledarutbildning.\n", followUps), nil},
		{"valid, catalogue 2023", edit(t, "      action: Handledarna går handledarutbildning.\n", followUps, `catalog: "2025"`, `catalog: "2023"`, "      grade: C\n", "      grade: B\n"), nil},
		{"a status in Swedish", edit(t, "      action: Handledarna går handledarutbildning.\n", strings.Replace(followUps, "status: done", "status: genomförd", 1)),
			[]want{{"genomförd", "Not a status of a follow-up: write done (genomförd), partly (delvis genomförd), not_done (ej genomförd) or postponed (uppskjuten)."}}},
		{"a misspelt key", edit(t, "      action: Handledarna går handledarutbildning.\n", strings.Replace(followUps, "note:", "note_:", 1)),
			[]want{{"note_", "Property note_ is not allowed."}}},
		{"no status", edit(t, "      action: Handledarna går handledarutbildning.\n", strings.Replace(followUps, ", status: done", "", 1)),
			[]want{{"{date: 2026", `Missing property "status".`}}},
	}
	uris := make([]string, len(cases))
	for i, c := range cases {
		uris[i] = fileURI(t, filepath.Join(t.TempDir(), "inspection.yaml"))
		if err := s.Open(uris[i], modeline(t)+c.doc); err != nil {
			t.Fatal(err)
		}
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := modeline(t) + c.doc
			got, err := s.Diagnostics(uris[i])
			if err != nil {
				t.Fatal(err)
			}
			var exp []string
			for _, w := range c.want {
				i := strings.Index(doc, w.at)
				if i < 0 {
					t.Fatalf("%q is not in the document", w.at)
				}
				exp = append(exp, pos(doc, i).String()+": "+w.msg)
			}
			var lines []string
			for _, d := range got {
				lines = append(lines, d.String())
			}
			if !matches(lines, exp) {
				t.Errorf("diagnostics:\n\t%s\nwant (prefixes):\n\t%s", strings.Join(lines, "\n\t"), strings.Join(exp, "\n\t"))
			}
		})
	}

	// Completion: the statuses, each with its Swedish word; the keys of a follow-up.
	comp := []struct {
		name string
		doc  string
		want []string
		docs []string
	}{
		{"a status", edit(t, "      action: Handledarna går handledarutbildning.\n", "      action: Handledarna går handledarutbildning.\n      follow_ups:\n        - date: 2025-11-20\n          status: ‸\n"),
			[]string{"done", "partly", "not_done", "postponed"}, []string{"genomförd", "delvis genomförd", "ej genomförd", "uppskjuten"}},
		{"a key of a follow-up", edit(t, "      action: Handledarna går handledarutbildning.\n", "      action: Handledarna går handledarutbildning.\n      follow_ups:\n        - date: 2025-11-20\n          ‸\n"),
			[]string{"status", "note", "by"}, nil},
		{"a key of an entry", edit(t, "      action: Handledarna går handledarutbildning.\n", "      action: Handledarna går handledarutbildning.\n      ‸\n"),
			[]string{"due", "responsible", "follow_up", "follow_up_by", "follow_ups"}, nil},
	}
	curis := make([]string, len(comp))
	for i, c := range comp {
		curis[i] = fileURI(t, filepath.Join(t.TempDir(), "inspection.yaml"))
		if err := s.Open(curis[i], modeline(t)+strings.Replace(c.doc, "‸", "", 1)); err != nil {
			t.Fatal(err)
		}
	}
	for i, c := range comp {
		t.Run(c.name, func(t *testing.T) {
			if _, err := s.Diagnostics(curis[i]); err != nil {
				t.Fatal(err)
			}
			cursor := pos(modeline(t)+c.doc, len(modeline(t))+strings.Index(c.doc, "‸"))
			items, err := s.Complete(curis[i], yamlls.Position(cursor))
			if err != nil {
				t.Fatal(err)
			}
			var labels []string
			docs := map[string]string{}
			for _, it := range items {
				if strings.HasPrefix(it.Label, "object(") {
					continue // the server's snippet of the whole document
				}
				labels = append(labels, it.Label)
				docs[it.Label] = it.Doc()
			}
			if !sameSet(labels, c.want) {
				t.Fatalf("at %s offered %v, want %v", cursor, labels, c.want)
			}
			for j, d := range c.docs {
				if !strings.Contains(docs[c.want[j]], d) {
					t.Errorf("%s is offered with %q, want %q in it", c.want[j], docs[c.want[j]], d)
				}
			}
		})
	}
}
