package schema

import (
	"gopkg.in/yaml.v3"
)

// yaml.v3 keeps an alias as a pointer to what its anchor names, so a small
// file can use one list or one text thousands of times; the decoder, and
// every document made from the inspection, pays for each use. The budget
// charges each use as it is decoded and refuses the file once it has cost
// more than an inspection ever does, before the copies are made.

// nodeBudget bounds the values (scalars, lists, mappings) decoded, aliases
// counted at each use. A real inspection has a few thousand.
const nodeBudget = 200_000

// MaxText bounds the bytes of scalar text decoded from one inspection,
// text reached through an alias counted at each use. A real inspection has
// well under 1 MiB of text, and a report prints all of it: 2,000 aliases to
// a 1 MB text would be 2 GB to lay out. The file itself is at most
// MaxInputSize, so only aliases can reach this.
const MaxText = 16 << 20

type budget struct {
	nodes int // values left
	bytes int // bytes of text left
	// alias is the outermost alias being decoded, nil outside one: the
	// place to name when the budget runs out inside it. last is the last
	// alias met, to name when it runs out outside one.
	alias, last *yaml.Node
	// copies and copied are what aliases have added: values and bytes.
	copies, copied int
	over           bool
}

func newBudget() budget { return budget{nodes: nodeBudget, bytes: MaxText} }

// resolve follows aliases and charges the budget for the value reached;
// past the budget it reports the alias (or value) that went over, once,
// and returns nil from then on so that decoding stops.
func (d *decoder) resolve(n *yaml.Node) *yaml.Node {
	if d.over || n == nil {
		return nil
	}
	at := n
	for i := 0; n != nil && n.Kind == yaml.AliasNode; i++ {
		if i > 100 {
			return nil
		}
		n = n.Alias
	}
	if n == nil {
		return nil
	}
	size := 0
	if n.Kind == yaml.ScalarNode {
		size = len(n.Value)
	}
	if at.Kind == yaml.AliasNode {
		d.last = at
	}
	if d.alias != nil || at.Kind == yaml.AliasNode {
		d.copies++
		d.copied += size
	}
	d.nodes--
	d.bytes -= size
	if d.nodes >= 0 && d.bytes >= 0 {
		return n
	}
	d.over = true
	where, name := at, d.last
	if d.alias != nil {
		where, name = d.alias, d.alias
	}
	switch {
	case d.nodes < 0 && d.copies == 0:
		d.errorf(where, "the file has more than %d values, far more than an inspection has; refusing to read further", nodeBudget)
	case d.nodes < 0:
		d.errorf(where, "the file expands to more than %d values, %d of them copies made by aliases (such as *%s); refusing to read further",
			nodeBudget, d.copies, Clip(name.Value))
	case d.copied == 0:
		d.errorf(where, "the text of the file comes to more than %d MiB, far more than an inspection has; refusing to read further", MaxText>>20)
	default:
		// The file is at most MaxInputSize, so the copies are most of it.
		d.errorf(where, "the text expands to more than %d MiB, %d MiB of it copies made by aliases (such as *%s); refusing to read further",
			MaxText>>20, d.copied>>20, Clip(name.Value))
	}
	return nil
}
