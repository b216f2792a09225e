package plan

import (
	"bytes"
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"spur/schema"
)

// splice writes plan into the inspection file src as its action_plan and
// returns the new text. Everything outside the plan stays byte for byte:
// the file is parsed with yaml.v3 only to find where the plan's text
// begins and ends, and only that stretch is replaced (appended when there
// is none). Comments inside the old plan are kept for the entries and keys
// the new plan still has. A plan that is replaced is reported as a warning
// at its line, and each old entry the new plan lacks as a warning of its
// own, so that nothing goes without a word. name is for the diagnostics.
func splice(name string, src []byte, plan *schema.ActionPlan) ([]byte, schema.Diagnostics, error) {
	var diags schema.Diagnostics
	_, root, err := parseInspection(name, src)
	if err != nil {
		return nil, nil, err
	}
	starts := lineStarts(src)
	var old, oldKey *yaml.Node
	start, end := len(src), len(src)
	for i := 0; i+1 < len(root.Content); i += 2 {
		k := root.Content[i]
		if k.Value != "action_plan" {
			continue
		}
		oldKey, old = k, root.Content[i+1]
		start = starts[k.Line-1]
		end = len(src)
		if i+2 < len(root.Content) {
			end = starts[root.Content[i+2].Line-1]
		}
		// Comment lines and blank lines at column 1 before the next key
		// (or the end) belong to what follows, not to the plan.
		end = keepTrailing(src, start, end)
		if end == start {
			end = lineEnd(src, start)
		}
	}
	node := planNode(plan)
	if old != nil {
		reportReplaced(name, oldKey, old, plan, &diags)
		keepComments(node, old)
	}
	text, err := encode(&yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{str("action_plan"), node}})
	if err != nil {
		return nil, nil, err
	}
	if bytes.Contains(src, []byte("\r\n")) {
		text = bytes.ReplaceAll(text, []byte("\n"), []byte("\r\n"))
	}
	var res bytes.Buffer
	res.Write(src[:start])
	if start > 0 && src[start-1] != '\n' {
		res.WriteByte('\n')
	}
	res.Write(text)
	res.Write(src[end:])
	diags.Sort()
	return res.Bytes(), diags, nil
}

// parseInspection parses an inspection file as yaml.v3 nodes: the
// document and its top mapping.
func parseInspection(name string, src []byte) (doc, root *yaml.Node, err error) {
	doc = new(yaml.Node)
	if err := yaml.Unmarshal(src, doc); err != nil {
		return nil, nil, fmt.Errorf("%s: not valid YAML: %w", name, err)
	}
	if root = mapping(doc); root == nil {
		return nil, nil, fmt.Errorf("%s: not an inspection file (expected keys such as catalog, unit and visit)", name)
	}
	return doc, root, nil
}

func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

func lineEnd(src []byte, i int) int {
	if j := bytes.IndexByte(src[i:], '\n'); j >= 0 {
		return i + j + 1
	}
	return len(src)
}

// keepTrailing moves end back over whole lines that are blank or a comment
// starting in column 1.
func keepTrailing(src []byte, start, end int) int {
	for end > start {
		prev := bytes.LastIndexByte(src[start:end-1], '\n')
		ls := start
		if prev >= 0 {
			ls = start + prev + 1
		}
		line := strings.TrimRight(string(src[ls:end]), "\r\n")
		if strings.TrimSpace(line) != "" && !strings.HasPrefix(line, "#") {
			return end
		}
		if ls == start {
			return end
		}
		end = ls
	}
	return end
}

// str is a string scalar; encode writes text of several lines as a
// literal block.
func str(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

// plain is a scalar written as it is, with no tag to keep: a date, a
// fingerprint.
func plain(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Value: s} }

// planNode is the plan as yaml.v3 nodes, keys in the order of the model.
func planNode(p *schema.ActionPlan) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode}
	if !p.Date.IsZero() {
		n.Content = append(n.Content, str("date"), plain(p.Date.String()))
	}
	seq := &yaml.Node{Kind: yaml.SequenceNode}
	for _, e := range p.Entries {
		en := &yaml.Node{Kind: yaml.MappingNode}
		add := func(k string, v *yaml.Node) { en.Content = append(en.Content, str(k), v) }
		add("criterion", str(e.Criterion))
		add("action", str(e.Action))
		add("due", dateNode(e.Due))
		add("responsible", str(e.Responsible))
		add("follow_up", dateNode(e.FollowUp))
		add("follow_up_by", str(e.FollowUpBy))
		if len(e.FollowUps) > 0 {
			fs := &yaml.Node{Kind: yaml.SequenceNode}
			for _, f := range e.FollowUps {
				fs.Content = append(fs.Content, followUpNode(f))
			}
			add("follow_ups", fs)
		}
		seq.Content = append(seq.Content, en)
	}
	n.Content = append(n.Content, str("entries"), seq)
	return n
}

// dateNode writes a date field as its text, or as {text, date} where the
// text alone does not give the date (an Excel date serial); on one line
// unless the text has several, which a flow mapping cannot write as a
// block.
func dateNode(d schema.DateText) *yaml.Node {
	if d.Given.IsZero() {
		return str(d.Text)
	}
	n := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle, Content: []*yaml.Node{
		str("text"), str(d.Text), str("date"), plain(d.Given.String()),
	}}
	if strings.Contains(d.Text, "\n") {
		n.Style = 0
	}
	return n
}

// keepComments copies the comments of the old plan onto the new one where
// they still have something to stand by: the plan's keys, and the entries
// (and their keys) of the criteria both plans have.
func keepComments(n, old *yaml.Node) {
	if old.Kind != yaml.MappingNode {
		return
	}
	n.LineComment = old.LineComment
	copyKeyComments(n, old)
	oldEntries := map[string]*yaml.Node{}
	if seq := field(old, "entries"); seq != nil {
		for _, e := range seq.Content {
			if id := scalar(e, "criterion"); id != "" {
				oldEntries[id] = e
			}
		}
	}
	for _, e := range field(n, "entries").Content {
		if o := oldEntries[scalar(e, "criterion")]; o != nil {
			e.HeadComment, e.LineComment, e.FootComment = o.HeadComment, o.LineComment, o.FootComment
			copyKeyComments(e, o)
			keepFollowUpComments(field(e, "follow_ups"), field(o, "follow_ups"))
		}
	}
}

// keepFollowUpComments copies the comments in and beside the follow-ups
// of old onto the same follow-ups in n: a plan sent again keeps an
// entry's follow-ups and a follow-up import appends to them, so the old
// ones come first, in their order. A follow-up whose date differs ends
// the copying.
func keepFollowUpComments(n, old *yaml.Node) {
	if n == nil || old == nil || n.Kind != yaml.SequenceNode || old.Kind != yaml.SequenceNode {
		return
	}
	n.HeadComment, n.LineComment, n.FootComment = old.HeadComment, old.LineComment, old.FootComment
	for i := 0; i < len(n.Content) && i < len(old.Content); i++ {
		if scalar(n.Content[i], "date") != scalar(old.Content[i], "date") {
			return
		}
		copyComments(n.Content[i], old.Content[i])
	}
}

// copyComments copies the comments of old and of its keys, values and
// items onto n, where n has the same key or item.
func copyComments(n, old *yaml.Node) {
	n.HeadComment, n.LineComment, n.FootComment = old.HeadComment, old.LineComment, old.FootComment
	switch {
	case n.Kind == yaml.MappingNode && old.Kind == yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			for j := 0; j+1 < len(old.Content); j += 2 {
				if n.Content[i].Value == old.Content[j].Value {
					copyComments(n.Content[i], old.Content[j])
					copyComments(n.Content[i+1], old.Content[j+1])
					break
				}
			}
		}
	case n.Kind == yaml.SequenceNode && old.Kind == yaml.SequenceNode:
		for i := 0; i < len(n.Content) && i < len(old.Content); i++ {
			copyComments(n.Content[i], old.Content[i])
		}
	}
}

func copyKeyComments(n, old *yaml.Node) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		for j := 0; j+1 < len(old.Content); j += 2 {
			if n.Content[i].Value != old.Content[j].Value {
				continue
			}
			k, ok := n.Content[i], old.Content[j]
			k.HeadComment, k.LineComment, k.FootComment = ok.HeadComment, ok.LineComment, ok.FootComment
			// A comment at the end of a value's line stays there, whether
			// the value is text or a date written {text, date}.
			if v := old.Content[j+1]; onKeyLine(v) && onKeyLine(n.Content[i+1]) {
				n.Content[i+1].LineComment = v.LineComment
			}
		}
	}
}

// onKeyLine reports whether n is written on its key's line: text, or a
// mapping or list in flow style.
func onKeyLine(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode || n.Style&yaml.FlowStyle != 0
}

func reportReplaced(name string, key, old *yaml.Node, plan *schema.ActionPlan, diags *schema.Diagnostics) {
	at := func(n *yaml.Node) schema.Pos { return schema.Pos{File: name, Line: n.Line, Col: n.Column} }
	entries := field(old, "entries")
	if old.Kind != yaml.MappingNode || entries == nil || len(entries.Content) == 0 {
		return // nothing was there to lose
	}
	date := scalar(old, "date")
	if date == "" {
		date = "no date"
	}
	diags.Warnf(at(key), "the action plan already here (%d entries, %s) is replaced by the imported one", len(entries.Content), date)
	kept := map[string]bool{}
	for _, e := range plan.Entries {
		kept[e.Criterion] = true
	}
	for _, e := range entries.Content {
		if id := scalar(e, "criterion"); id != "" && !kept[id] {
			diags.Warnf(at(e), "the old plan's entry for %s is not in the imported plan, and is dropped", id)
		}
	}
}

// rewrite writes plan into the inspection file src as splice does, but by
// writing the whole document anew in block style: for a file that splice
// cannot splice into, such as one written as a single flow mapping
// (`{catalog: "2025", unit: {...}, ...}`) on one line. Every value is
// kept, and so are the comments yaml.v3 keeps; the layout is not.
func rewrite(name string, src []byte, plan *schema.ActionPlan) ([]byte, schema.Diagnostics, error) {
	var diags schema.Diagnostics
	doc, root, err := parseInspection(name, src)
	if err != nil {
		return nil, nil, err
	}
	blockStyle(doc)
	node := planNode(plan)
	replaced := false
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "action_plan" {
			reportReplaced(name, root.Content[i], root.Content[i+1], plan, &diags)
			keepComments(node, root.Content[i+1])
			root.Content[i+1] = node
			replaced = true
		}
	}
	if !replaced {
		root.Content = append(root.Content, str("action_plan"), node)
	}
	text, err := encode(doc)
	if err != nil {
		return nil, nil, err
	}
	if bytes.Contains(src, []byte("\r\n")) {
		text = bytes.ReplaceAll(text, []byte("\n"), []byte("\r\n"))
	}
	diags.Warnf(schema.Pos{File: name}, "the file could not take the plan where it stands (it is written in flow style, for one); it is written anew in block style, with every value kept")
	diags.Sort()
	return text, diags, nil
}

// blockStyle turns every flow mapping and sequence under n into block
// style, and lets the encoder choose each scalar's quoting (it quotes a
// string that would read as another type, such as "2025").
func blockStyle(n *yaml.Node) {
	switch n.Kind {
	case yaml.MappingNode, yaml.SequenceNode:
		n.Style &^= yaml.FlowStyle
	case yaml.ScalarNode:
		n.Style &^= yaml.DoubleQuotedStyle | yaml.SingleQuotedStyle
	}
	for _, c := range n.Content {
		blockStyle(c)
	}
}
