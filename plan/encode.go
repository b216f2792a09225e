package plan

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// encode writes n (a document or a node) as YAML the way a person writes
// it: two spaces of indentation, text of several lines as a literal block
// (|), and every printable character as itself. yaml.v3 alone writes a
// routine whose line ends in a space, or that holds an emoji, as one
// double-quoted line of escapes ("Rad ett \nRad två \U0001F44D"), because
// its emitter counts characters outside the Basic Multilingual Plane as
// unprintable and refuses a block scalar with a space before a line
// break.
//
// So encode lets yaml.v3 lay the document out and fills in what it would
// escape: each text of several lines goes to the encoder as a unique plain
// token and is written as a literal block where the token stands, and each
// character outside the BMP goes as a private-use character the text does
// not hold, put back afterwards. The result is decoded again and compared
// with n, value for value; where it would not read back the same, the
// same is tried without blocks, and then yaml.v3's own encoding is
// returned, with text of several lines double-quoted (its block writer
// loses a text of line breaks alone). Readability may be lost, never a
// character; the callers check the file they write once more (Check).
func encode(n *yaml.Node) ([]byte, error) {
	for _, blocks := range []bool{true, false} {
		if out, ok := readable(n, blocks); ok {
			return out, nil
		}
	}
	c := clone(n, map[*yaml.Node]*yaml.Node{})
	walk(c, func(m *yaml.Node) {
		if m.Kind == yaml.ScalarNode && (strings.Contains(m.Value, "\n") || m.Value == "<<") && m.ShortTag() == "!!str" {
			m.Style = yaml.DoubleQuotedStyle | m.Style&yaml.TaggedStyle
		}
	})
	return encodeNode(c)
}

// encodeNode is yaml.v3's encoding of n with an indentation of two.
func encodeNode(n *yaml.Node) ([]byte, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// block is a text written as a literal block in place of its token.
type block struct {
	token, text string
	item        bool // a sequence item (- |), else a mapping value (key: |)
}

// readable is n written as a person would, with literal blocks if blocks
// is set, else with text of several lines double-quoted; ok is false where
// that does not read back as n. Either way a text of several lines that is
// not a block is double-quoted, never left to yaml.v3's block writer,
// which writes "\n" so that it reads back as "".
func readable(n *yaml.Node, blocks bool) ([]byte, bool) {
	c := clone(n, map[*yaml.Node]*yaml.Node{})
	var texts []string
	walk(c, func(m *yaml.Node) {
		texts = append(texts, m.Value, m.Anchor, m.Tag, m.HeadComment, m.LineComment, m.FootComment)
	})
	all := strings.Join(texts, "\n")
	prefix := "spurblock"
	for k := 0; strings.Contains(all, prefix); k++ {
		prefix = fmt.Sprintf("spurblock%d-", k)
	}
	sub, ok := substitutes(all)
	if !ok {
		return nil, false
	}
	var list []block
	var mark func(m *yaml.Node, item, value, flow bool)
	mark = func(m *yaml.Node, item, value, flow bool) {
		switch m.Kind {
		case yaml.ScalarNode:
			text := m.ShortTag() == "!!str" && strings.Contains(m.Value, "\n")
			if text && blocks && (item || value) && !flow && literalOK(m.Value) {
				b := block{token: fmt.Sprintf("%sx%06dx", prefix, len(list)), text: m.Value, item: item}
				list = append(list, b)
				m.Value, m.Style = b.token, m.Style&yaml.TaggedStyle
				return
			}
			if text || m.Value == "<<" && m.ShortTag() == "!!str" {
				// yaml.v3 writes the text "<<" plain, which reads as a
				// merge key.
				m.Style = yaml.DoubleQuotedStyle | m.Style&yaml.TaggedStyle
			}
			m.Value = sub.hide(m.Value)
		case yaml.DocumentNode:
			for _, k := range m.Content {
				mark(k, false, false, flow)
			}
		case yaml.SequenceNode:
			for _, k := range m.Content {
				mark(k, true, false, flow || m.Style&yaml.FlowStyle != 0)
			}
		case yaml.MappingNode:
			for i, k := range m.Content {
				mark(k, false, i%2 == 1, flow || m.Style&yaml.FlowStyle != 0)
			}
		}
	}
	mark(c, false, false, false)
	out, err := encodeNode(c)
	if err != nil {
		return nil, false
	}
	out, ok = literals(out, list)
	if !ok {
		return nil, false
	}
	out = sub.show(out)
	return out, readsAs(out, n)
}

// literals writes each block where its token stands: the token becomes the
// block's header (|, with an indentation indicator where the text begins
// with a space or a tab, and - or + for its final line breaks) and the
// lines follow, two spaces in from the key or the dash.
func literals(out []byte, blocks []block) ([]byte, bool) {
	type at struct {
		pos int
		b   block
	}
	var places []at
	for _, b := range blocks {
		if bytes.Count(out, []byte(b.token)) != 1 {
			return nil, false
		}
		places = append(places, at{bytes.Index(out, []byte(b.token)), b})
	}
	sort.Slice(places, func(i, j int) bool { return places[i].pos < places[j].pos })
	var res bytes.Buffer
	last := 0
	for _, p := range places {
		start := bytes.LastIndexByte(out[:p.pos], '\n') + 1
		end := p.pos + len(p.b.token)
		nl := bytes.IndexByte(out[end:], '\n')
		if nl < 0 {
			return nil, false
		}
		nl += end
		if rest := out[end:nl]; len(rest) > 0 && !bytes.HasPrefix(rest, []byte(" #")) {
			return nil, false
		}
		// The run of spaces and dashes the line begins with: the key's
		// column, or after the item's dash. Either is the indentation the
		// parser counts an indentation indicator from (the dash's for an
		// item, the key's for a value).
		run := 0
		for prefix := out[start:p.pos]; run < len(prefix); {
			if prefix[run] == ' ' {
				run++
			} else if prefix[run] == '-' && run+1 < len(prefix) && prefix[run+1] == ' ' {
				run += 2
			} else {
				break
			}
		}
		indent := run + 2
		if p.b.item {
			indent = run
		}
		res.Write(out[last:p.pos])
		res.WriteString(header(p.b.text))
		res.Write(out[end : nl+1])
		body := strings.TrimSuffix(p.b.text, "\n")
		for _, l := range strings.Split(body, "\n") {
			if l != "" {
				res.WriteString(strings.Repeat(" ", indent))
				res.WriteString(l)
			}
			res.WriteByte('\n')
		}
		last = nl + 1
	}
	res.Write(out[last:])
	return res.Bytes(), true
}

// header is a literal block's header for text: "|" with an indentation
// indicator where the first line with anything on it begins with a space
// or a tab (the parser would take it for indentation), and the chomping
// that keeps exactly the final line breaks text has.
func header(text string) string {
	h := "|"
	for _, l := range strings.Split(text, "\n") {
		if l == "" {
			continue
		}
		if l[0] == ' ' || l[0] == '\t' {
			h += "2"
		}
		break
	}
	// Clipping keeps one final line break, and none of a text of line
	// breaks alone.
	switch n := len(text) - len(strings.TrimRight(text, "\n")); {
	case n == 0:
		h += "-"
	case n > 1 || n == len(text):
		h += "+"
	}
	return h
}

// literalOK reports whether text can be a literal block: valid UTF-8, and
// no character a YAML 1.1 reader (yaml.v3) takes for a line break or
// refuses, other than the line feed.
func literalOK(text string) bool {
	if !utf8.ValidString(text) {
		return false
	}
	for _, r := range text {
		switch {
		case r == '\t' || r == '\n':
		case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0:
			return false
		case r == 0x2028 || r == 0x2029 || r == 0xfeff || r == 0xfffe || r == 0xffff:
			return false
		}
	}
	return true
}

// substitution maps each character outside the BMP a text holds to a
// private-use character it does not hold, which yaml.v3 writes as itself.
type substitution struct {
	hideR   *strings.Replacer
	showR   *strings.Replacer
	nothing bool
}

func substitutes(all string) (substitution, bool) {
	used := map[rune]bool{}
	var astral []rune
	for _, r := range all {
		if r >= 0x10000 && !used[r] {
			astral = append(astral, r)
		}
		used[r] = true
	}
	if len(astral) == 0 {
		return substitution{nothing: true}, true
	}
	var hide, show []string
	next := rune(0xe000)
	for _, r := range astral {
		for next <= 0xf8ff && used[next] {
			next++
		}
		if next > 0xf8ff {
			return substitution{}, false
		}
		hide = append(hide, string(r), string(next))
		show = append(show, string(next), string(r))
		next++
	}
	return substitution{hideR: strings.NewReplacer(hide...), showR: strings.NewReplacer(show...)}, true
}

func (s substitution) hide(v string) string {
	if s.nothing {
		return v
	}
	return s.hideR.Replace(v)
}

func (s substitution) show(out []byte) []byte {
	if s.nothing {
		return out
	}
	return []byte(s.showR.Replace(string(out)))
}

// readsAs reports whether out decodes to n, value for value.
func readsAs(out []byte, n *yaml.Node) bool {
	var doc yaml.Node
	if yaml.Unmarshal(out, &doc) != nil {
		return false
	}
	got := &doc
	if n.Kind != yaml.DocumentNode {
		if len(doc.Content) != 1 {
			return false
		}
		got = doc.Content[0]
	}
	return same(got, n)
}

func same(a, b *yaml.Node) bool {
	if a.Kind != b.Kind || a.Anchor != b.Anchor || len(a.Content) != len(b.Content) {
		return false
	}
	switch a.Kind {
	case yaml.ScalarNode:
		return a.Value == b.Value && a.ShortTag() == b.ShortTag()
	case yaml.AliasNode:
		return a.Value == b.Value
	}
	for i := range a.Content {
		if !same(a.Content[i], b.Content[i]) {
			return false
		}
	}
	return true
}

// clone copies the tree under n; an alias points into the copy.
func clone(n *yaml.Node, seen map[*yaml.Node]*yaml.Node) *yaml.Node {
	if n == nil {
		return nil
	}
	if c, ok := seen[n]; ok {
		return c
	}
	c := *n
	seen[n] = &c
	c.Content = make([]*yaml.Node, len(n.Content))
	for i, k := range n.Content {
		c.Content[i] = clone(k, seen)
	}
	c.Alias = clone(n.Alias, seen)
	return &c
}

func walk(n *yaml.Node, fn func(*yaml.Node)) {
	fn(n)
	for _, k := range n.Content {
		walk(k, fn)
	}
}
