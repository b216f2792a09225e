package plan

import (
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// encode writes what yaml.v3 would escape as people write it, and every
// value reads back exactly: text of several lines as a literal block,
// characters outside the BMP as themselves, and an escape only where YAML
// has no other way (a carriage return, a NEL).
func TestEncode(t *testing.T) {
	for _, tc := range []struct {
		name, src string // a YAML document; its values are what must come back
		want      []string
		none      []string
	}{
		{name: "three lines, an emoji, trailing spaces, a line like YAML",
			src:  "a:\n  - criterion: C1\n    action: \"Rutin för återkoppling 👍\\nHandledaren går igenom planen   \\n- x: y\"\n",
			want: []string{"    action: |-\n      Rutin för återkoppling 👍\n      Handledaren går igenom planen   \n      - x: y\n"},
			none: []string{`\U`, `\n`, `"`}},
		{name: "a final line break", src: "k: \"ett\\ntvå\\n\"\n", want: []string{"k: |\n  ett\n  två\n"}},
		{name: "final line breaks kept", src: "k: \"ett\\ntvå\\n\\n\\n\"\n", want: []string{"k: |+\n  ett\n  två\n\n\n"}},
		{name: "a first line that begins with spaces", src: "k: \"  indragen\\nrad\"\n", want: []string{"k: |2-\n    indragen\n  rad\n"}},
		{name: "a first line that begins with a tab", src: "k: \"\\tflik\\nrad\"\n", want: []string{"k: |2-\n  \tflik\n  rad\n"}},
		{name: "an empty first line", src: "k: \"\\n  b\\nc\"\n", want: []string{"k: |2-\n\n    b\n  c\n"}},
		{name: "a line of spaces", src: "k: \"a\\n   \\nb\"\n", want: []string{"k: |-\n  a\n     \n  b\n"}},
		{name: "a line that looks like a document marker", src: "k: \"a\\n---\\n...\"\n", want: []string{"k: |-\n  a\n  ---\n  ...\n"}},
		{name: "a comment beside the text", src: "k: \"a\\nb\" # kommentar 👍\nl: x\n", want: []string{"k: |- # kommentar 👍\n  a\n  b\nl: x\n"}},
		{name: "a sequence of texts", src: "s:\n  - \"ett\\ntvå\"\n  - - \"tre\\nfyra\"\n", want: []string{"  - |-\n    ett\n    två\n", "  - - |-\n      tre\n      fyra\n"}},
		{name: "a first line with spaces as an item", src: "s:\n  - \" a\\nb\"\n", want: []string{"  - |2-\n     a\n    b\n"}},
		{name: "emoji on one line, in keys and values", src: "👍 nyckel: tumme 👍 och 🇸🇪\nq: \"i citat 👍\"\n", want: []string{"👍 nyckel: tumme 👍 och 🇸🇪\n", "q: \"i citat 👍\"\n"}},
		{name: "a tagged text and an anchor", src: "k: !!str &a \"a\\nb\"\nl: *a\n", want: []string{"k: &a !!str |-\n  a\n  b\nl: *a\n"}},
		{name: "a text in a flow mapping stays on its line", src: "k: {text: \"a\\nb 👍\", date: 2025-12-31}\n", want: []string{"{text: \"a\\nb 👍\", date: 2025-12-31}"}},
		{name: "a carriage return is escaped", src: "k: \"a\\r\\nb\"\n", want: []string{`"a\r\nb"`}},
		{name: "a NEL is escaped", src: "k: \"a\\u0085b\\nc\"\n", want: []string{`\N`}},
		{name: "text that holds the private-use characters", src: "k: \"\ue000 👍 \ue001\\n😀\"\n", want: []string{"k: |-\n  \ue000 👍 \ue001\n  😀\n"}},
		{name: "text that holds the token", src: "k: \"spurblockx000000x\\nspurblock0-\"\nl: \"a\\nb\"\n", want: []string{"k: |-\n  spurblockx000000x\n  spurblock0-\nl: |-\n  a\n  b\n"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var doc yaml.Node
			if err := yaml.Unmarshal([]byte(tc.src), &doc); err != nil {
				t.Fatal(err)
			}
			out, err := encode(&doc)
			if err != nil {
				t.Fatal(err)
			}
			if !readsAs(out, &doc) {
				t.Fatalf("does not read back:\n%s", out)
			}
			var a, b any
			yaml.Unmarshal([]byte(tc.src), &a)
			yaml.Unmarshal(out, &b)
			if !sameValue(a, b) {
				t.Errorf("values differ: %#v, want %#v", b, a)
			}
			for _, w := range tc.want {
				if !strings.Contains(string(out), w) {
					t.Errorf("lacks %q:\n%s", w, out)
				}
			}
			for _, w := range tc.none {
				if strings.Contains(string(out), w) {
					t.Errorf("has %q:\n%s", w, out)
				}
			}
		})
	}
}

func sameValue(a, b any) bool {
	ab, _ := yaml.Marshal(a)
	bb, _ := yaml.Marshal(b)
	return string(ab) == string(bb)
}

// Where what encode wrote would not read back the same, yaml.v3's own
// encoding is returned.
func TestEncodeFallsBack(t *testing.T) {
	n := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{str("k"), str("a\nb 👍")}}
	if _, ok := literals([]byte("k: x\n"), []block{{token: "spurblockx000000x", text: "a\nb"}}); ok {
		t.Error("a token that is not there is not reported")
	}
	out, err := encode(n)
	if err != nil || !readsAs(out, n) {
		t.Fatalf("%v\n%s", err, out)
	}
	// A block that cannot be written as one, in a flow mapping, falls
	// back on the quoted form of yaml.v3.
	flow := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle, Content: []*yaml.Node{str("k"), str("a\nb")}}
	if out, err := encode(flow); err != nil || !readsAs(out, flow) || strings.Contains(string(out), "|") {
		t.Errorf("%v\n%s", err, out)
	}
}

// FuzzEncode: whatever a unit writes, encode gives YAML that reads back to
// the same text, as a mapping value, a sequence item and a key.
func FuzzEncode(f *testing.F) {
	for _, s := range []string{"", "a", "a\nb", " a\n\tb\n\n", "👍\n- x: y  \n", "a\r\nb", "\ue000😀\n", "#\n---\n...", "a\u0085b", "'\"\\\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{
			str("k"), str(s),
			str("l"), {Kind: yaml.SequenceNode, Content: []*yaml.Node{str(s), {Kind: yaml.SequenceNode, Content: []*yaml.Node{str(s)}}}},
			str("m"), {Kind: yaml.MappingNode, Content: []*yaml.Node{str("n " + s), str(s)}},
		}}
		out, err := encode(n)
		if err != nil {
			return // yaml.v3 refuses it (invalid UTF-8)
		}
		if !readsAs(out, n) {
			t.Fatalf("%q does not read back:\n%s", s, out)
		}
	})
}
