package yamlls_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"spur/internal/yamlls"
	"spur/schema"
)

// tools is the folder of the pinned npm packages (make yamlls-deps).
const tools = "../../tools/yamlls"

// fileURI gives the file URI of a path, as an editor names a document.
func fileURI(t *testing.T, path string) string {
	t.Helper()
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
}

// start runs the server for the test, and stops it at the end.
func start(t *testing.T) *yamlls.Server {
	t.Helper()
	yamlls.Require(t, tools)
	s, err := yamlls.Start(tools)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	})
	return s
}

// modeline is the line that points an editor at the committed schema, as
// the README tells a user outside a spur checkout to write it.
func modeline(t *testing.T) string {
	return "# yaml-language-server: $schema=" + fileURI(t, "../../schema/spur.schema.json") + "\n"
}

// base is a small inspection that the schema accepts; each case changes
// one thing in it.
const base = `catalog: "2025"
status: preliminary
unit:
  name: Vårdcentralen Exempel
visit: 2025-02-11
inspectors: [Karin Ek]
areas:
  A:
    met: all
    not_met: [A4]
    comments:
      A4: Rutiner för utvärdering saknas.
  C:
    met: all
    override:
      grade: C
      reason: Lokalerna är trånga.
  E:
    met: [E1, E2, E3]
    not_met: [E4]
    not_applicable: [E14]
action_plan:
  entries:
    - criterion: E4
      action: Handledarna går handledarutbildning.
`

// edit applies pairs of (old, new) to base; each old must be there once.
func edit(t *testing.T, pairs ...string) string {
	t.Helper()
	doc := base
	for i := 0; i+1 < len(pairs); i += 2 {
		if strings.Count(doc, pairs[i]) != 1 {
			t.Fatalf("the base document has %q %d times, want once", pairs[i], strings.Count(doc, pairs[i]))
		}
		doc = strings.Replace(doc, pairs[i], pairs[i+1], 1)
	}
	return doc
}

// want is a diagnostic a case expects: starting where the document first
// has at, with a message that starts with msg.
type want struct {
	at  string
	msg string
}

// TestSchemaDiagnostics opens documents in yaml-language-server, as VS Code
// does with the YAML extension, and checks that the schema flags what the
// catalogue forbids (a criterion of another area, one that does not exist,
// a grade the area does not offer, all by the version `catalog:` names),
// and nothing else.
func TestSchemaDiagnostics(t *testing.T) {
	s := start(t)
	cases := []struct {
		name string
		doc  string
		want []want
	}{
		{"valid", base, nil},
		{"misspelt top-level key", edit(t, "inspectors:", "inspektors:"),
			[]want{{"inspektors", "Property inspektors is not allowed."}}},
		{"misspelt area key", edit(t, "not_met: [E4]", "not_mett: [E4]"),
			[]want{{"not_mett", "Property not_mett is not allowed."}}},
		{"D7 under area E", edit(t, "not_met: [E4]", "not_met: [E4, D7]"),
			[]want{{"D7]", "Not a criterion of area E: its criteria are E1–E14 (catalogue 2025)."}}},
		{"D7 met in area E", edit(t, "met: [E1, E2, E3]", "met: [E1, D7, E3]"),
			[]want{{"D7, E3]", "Not a criterion of area E"}}},
		{"E15", edit(t, "not_applicable: [E14]", "not_applicable: [E15]"),
			[]want{{"E15]", "Not a criterion of area E: its criteria are E1–E14"}}},
		{"comment on D7 in area E", edit(t, "    not_applicable: [E14]\n", "    not_applicable: [E14]\n    comments:\n      D7: Fel område.\n"),
			[]want{{"D7: Fel", "Property D7 is not allowed."}}},
		{"grade C in area A", edit(t, "      A4: Rutiner för utvärdering saknas.\n", "      A4: Rutiner för utvärdering saknas.\n    override:\n      grade: C\n      reason: Nästan B.\n"),
			[]want{{"C\n      reason: Nästan B.", "Not a grade area A may be given: its options are A, B, D (catalogue 2025)."}}},
		// Area C offers C from 2025 on: the version selects the options.
		{"grade C in area C, catalogue 2023", edit(t, `catalog: "2025"`, `catalog: "2023"`),
			[]want{{"C\n      reason: Lokalerna", "Not a grade area C may be given: its options are A, B, D (catalogue 2023)."}}},
		{"unknown area", edit(t, "  E:\n", "  I:\n    met: all\n  E:\n"),
			[]want{{"I:", "Property I is not allowed."}}},
		{"unknown criterion in the action plan", edit(t, "- criterion: E4", "- criterion: E15"),
			[]want{{"E15", "Not a criterion of catalogue 2025"}}},
	}
	// Open every document first: the server checks each a moment after
	// it stops changing, and checks them side by side.
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
				t.Errorf("diagnostics:\n\t%s\nwant (prefixes):\n\t%s\ndocument:\n%s", strings.Join(lines, "\n\t"), strings.Join(exp, "\n\t"), doc)
			}
		})
	}
}

// position is a 1-based line and UTF-16 column, as Diagnostic.String
// prints them.
type position yamlls.Position

func (p position) String() string { return fmt.Sprintf("%d:%d", p.Line+1, p.Character+1) }

// pos gives the LSP position of byte offset i of doc.
func pos(doc string, i int) position {
	line := strings.Count(doc[:i], "\n")
	start := strings.LastIndex(doc[:i], "\n") + 1
	return position{Line: line, Character: len(utf16.Encode([]rune(doc[start:i])))}
}

// matches reports whether got and want pair off, each got starting with
// its want.
func matches(got, want []string) bool {
	if len(got) != len(want) {
		return false
	}
	left := slices.Clone(got)
	for _, w := range want {
		i := slices.IndexFunc(left, func(g string) bool { return strings.HasPrefix(g, w) })
		if i < 0 {
			return false
		}
		left = slices.Delete(left, i, i+1)
	}
	return true
}

// TestSchemaCompletion asks yaml-language-server for completions where a
// user types, and checks that it offers exactly what the catalogue allows
// there, each id with its criterion's text.
func TestSchemaCompletion(t *testing.T) {
	s := start(t)
	c25, _ := schema.CatalogVersion("2025")
	ids := func(letter string, except ...string) []string {
		var out []string
		for _, cr := range c25.Areas[letter[0]-'A'].Criteria {
			if !slices.Contains(except, cr.ID) {
				out = append(out, cr.ID)
			}
		}
		return out
	}
	var all []string
	for _, a := range c25.Areas {
		all = append(all, ids(a.Letter)...)
	}
	// ‸ marks the cursor; it is not sent.
	cases := []struct {
		name string
		doc  string
		want []string
	}{
		{"inside not_met: [ of area E", edit(t, "not_met: [E4]\n", "not_met: [‸\n"), ids("E")},
		{"a new item of not_applicable in area E", edit(t, "not_applicable: [E14]\n", "not_applicable:\n      - ‸\n"), ids("E")},
		{"inside met: [ of area A", edit(t, "    met: all\n    not_met: [A4]", "    met: [‸]\n    not_met: [A4]"), ids("A")},
		{"a comment key in area E", edit(t, "    not_applicable: [E14]\n", "    not_applicable: [E14]\n    comments:\n      E4: Ingen bedömning.\n      ‸\n"), ids("E", "E4")},
		{"the override grade of area A", edit(t, "      A4: Rutiner för utvärdering saknas.\n", "      A4: Rutiner för utvärdering saknas.\n    override:\n      grade: ‸\n"), []string{"A", "B", "D"}},
		{"the override grade of area C, catalogue 2025", edit(t, "      grade: C\n", "      grade: ‸\n"), []string{"A", "B", "C", "D"}},
		{"the override grade of area C, catalogue 2023", edit(t, "      grade: C\n", "      grade: ‸\n", `catalog: "2025"`, `catalog: "2023"`), []string{"A", "B", "D"}},
		{"an area key", edit(t, "  E:\n", "  ‸\n  E:\n"), []string{"B", "D", "F", "G", "H"}},
		{"an action-plan criterion", edit(t, "- criterion: E4", "- criterion: ‸"), all},
	}
	uris := make([]string, len(cases))
	for i, c := range cases {
		uris[i] = fileURI(t, filepath.Join(t.TempDir(), "inspection.yaml"))
		if err := s.Open(uris[i], modeline(t)+strings.Replace(c.doc, "‸", "", 1)); err != nil {
			t.Fatal(err)
		}
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := s.Diagnostics(uris[i]); err != nil { // the schema is loaded
				t.Fatal(err)
			}
			cursor := pos(modeline(t)+c.doc, len(modeline(t))+strings.Index(c.doc, "‸"))
			items, err := s.Complete(uris[i], yamlls.Position(cursor))
			if err != nil {
				t.Fatal(err)
			}
			var labels []string
			docs := map[string]string{}
			for _, it := range items {
				labels = append(labels, it.Label)
				docs[it.Label] = it.Doc()
			}
			if !sameSet(labels, c.want) {
				t.Fatalf("at %s offered %v, want %v", cursor, labels, c.want)
			}
			for _, l := range labels {
				if cr, _, ok := c25.Criterion(l); ok && !strings.Contains(docs[l], cr.Text) {
					t.Errorf("%s is offered with %q, want its kind and text %q", l, docs[l], cr.Text)
				}
			}
		})
	}
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// TestFixturesInEditor opens each fixture as an editor does, through its
// own relative schema line, and expects no diagnostic. A misspelt key in the
// same place must give one: else an empty answer could mean that the
// schema was never found.
func TestFixturesInEditor(t *testing.T) {
	s := start(t)
	files, _ := filepath.Glob("../../fixtures/*.yaml")
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			text, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(string(text), "# yaml-language-server: $schema=../schema/spur.schema.json\n") {
				t.Fatalf("%s does not start with the schema line", f)
			}
			uri := fileURI(t, f)
			if err := s.Open(uri, string(text)); err != nil {
				t.Fatal(err)
			}
			got, err := s.Diagnostics(uri)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range got {
				t.Errorf("%s:%s", f, d)
			}
			// The same text beside it, one key misspelt.
			bad := strings.Replace(string(text), "\nstatus:", "\nstatsu:", 1)
			buri := strings.TrimSuffix(uri, ".yaml") + "-misspelt.yaml"
			if err := s.Open(buri, bad); err != nil {
				t.Fatal(err)
			}
			got, err = s.Diagnostics(buri)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.ContainsFunc(got, func(d yamlls.Diagnostic) bool { return strings.Contains(d.Message, "statsu") }) {
				t.Errorf("a misspelt status in %s gives %v: is the schema line read?", f, got)
			}
		})
	}
}

// TestSchemaStandard checks the schema apart from any editor, with Ajv in
// strict mode (tools/yamlls/check.js): it is valid draft-07, the fixtures
// validate, and the catalogue's branches reject what the editor flags.
func TestSchemaStandard(t *testing.T) {
	yamlls.Require(t, tools)
	node, _ := exec.LookPath("node")
	dir := t.TempDir()
	docs := map[string]string{
		"valid.yaml":     base,
		"d7-under-e":     edit(t, "not_met: [E4]", "not_met: [E4, D7]"),
		"e15":            edit(t, "not_applicable: [E14]", "not_applicable: [E15]"),
		"grade-c-in-a":   edit(t, "      A4: Rutiner för utvärdering saknas.\n", "      A4: Rutiner för utvärdering saknas.\n    override:\n      grade: C\n"),
		"grade-c-2023":   edit(t, `catalog: "2025"`, `catalog: "2023"`),
		"comment-on-d7":  edit(t, "      A4: Rutiner", "      D7: Rutiner"),
		"plan-entry-e15": edit(t, "- criterion: E4", "- criterion: E15"),
	}
	args := []string{filepath.Join(tools, "check.js"), "../../schema/spur.schema.json"}
	fixtures, _ := filepath.Glob("../../fixtures/*.yaml")
	args = append(args, fixtures...)
	for name, doc := range docs {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, p)
	}
	ctx, cancel := context.WithTimeout(context.Background(), yamlls.Timeout)
	defer cancel()
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, node, args...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("check.js: %v\n%s", err, stderr.String())
	}
	var res struct {
		Schema []struct{ Path, Message string }
		Files  map[string][]struct{ Path, Message string }
	}
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("check.js: %v: %s", err, out)
	}
	if len(res.Schema) > 0 {
		t.Errorf("not valid draft-07: %v", res.Schema)
	}
	for _, f := range fixtures {
		if p := res.Files[f]; len(p) > 0 {
			t.Errorf("%s: %v", f, p)
		}
	}
	for name := range docs {
		p := res.Files[filepath.Join(dir, name)]
		if valid := len(p) == 0; valid != (name == "valid.yaml") {
			t.Errorf("%s: valid = %v (%v)", name, valid, p)
		}
	}
}
