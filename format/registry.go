package format

import (
	"fmt"
	"slices"
	"strings"
)

// Registry is a list of formats, in the order their documents are
// written and listed. It is immutable once made and safe for concurrent
// use.
type Registry struct {
	list []*Format
}

// New makes a registry of formats, in the order given. Every format needs
// a name, an ending and Open; no two may share a name (or alias) or an
// ending.
func New(formats ...Format) (*Registry, error) {
	r := &Registry{}
	names, exts := map[string]bool{}, map[string]bool{}
	for _, f := range formats {
		if f.Name == "" || f.Open == nil {
			return nil, fmt.Errorf("format %q: a format needs a name and Open", f.Name)
		}
		if !validExt(f.Ext) {
			return nil, fmt.Errorf("format %s: the ending %q is not a dot and lower-case letters or digits", f.Name, f.Ext)
		}
		if exts[f.Ext] {
			return nil, fmt.Errorf("format %s: another format writes %s files", f.Name, f.Ext)
		}
		exts[f.Ext] = true
		for _, n := range append([]string{f.Name}, f.Aliases...) {
			n = strings.ToLower(n)
			if names[n] {
				return nil, fmt.Errorf("format %s: the name %q is taken", f.Name, n)
			}
			names[n] = true
		}
		r.list = append(r.list, &f)
	}
	return r, nil
}

// MustNew is New for a registry made at start-up, where an error is the
// program's.
func MustNew(formats ...Format) *Registry {
	r, err := New(formats...)
	if err != nil {
		panic(err)
	}
	return r
}

// With is a new registry of r's formats and then those given.
func (r *Registry) With(formats ...Format) (*Registry, error) {
	var all []Format
	for _, f := range r.list {
		all = append(all, *f)
	}
	return New(append(all, formats...)...)
}

// Formats lists the formats in order.
func (r *Registry) Formats() []*Format { return slices.Clone(r.list) }

// Lookup finds a format by its name or an alias, without regard to case.
func (r *Registry) Lookup(name string) (*Format, bool) {
	name = strings.ToLower(strings.TrimSpace(name))
	for _, f := range r.list {
		if strings.EqualFold(f.Name, name) || slices.ContainsFunc(f.Aliases, func(a string) bool { return strings.EqualFold(a, name) }) {
			return f, true
		}
	}
	return nil, false
}

// Parse reads a --format list ("pdf,md") into formats in the registry's
// order, each once, whatever the list's order.
func (r *Registry) Parse(list string) ([]*Format, error) {
	if strings.TrimSpace(list) == "" {
		return append([]*Format(nil), r.list...), nil // every format
	}
	want := map[*Format]bool{}
	for _, name := range strings.Split(list, ",") {
		f, ok := r.Lookup(name)
		if !ok {
			return nil, fmt.Errorf("takes %s, not %q", r.Choices(), strings.TrimSpace(name))
		}
		want[f] = true
	}
	var out []*Format
	for _, f := range r.list {
		if want[f] {
			out = append(out, f)
		}
	}
	return out, nil
}

// Choices says what --format takes: "pdf, md or both (pdf,md)".
func (r *Registry) Choices() string {
	names := r.names()
	switch len(names) {
	case 0:
		return "nothing"
	case 1:
		return names[0]
	case 2:
		return strings.Join(names, ", ") + " or both (" + strings.Join(names, ",") + ")"
	}
	return strings.Join(names, ", ") + " or several (" + strings.Join(names, ",") + ")"
}

// Alternatives lists each format after prefix: "--format pdf or --format md".
func (r *Registry) Alternatives(prefix string) string {
	var each []string
	for _, n := range r.names() {
		each = append(each, prefix+n)
	}
	if len(each) < 2 {
		return strings.Join(each, "")
	}
	return strings.Join(each[:len(each)-1], ", ") + " or " + each[len(each)-1]
}

func (r *Registry) names() []string {
	var out []string
	for _, f := range r.list {
		out = append(out, f.Name)
	}
	return out
}

// Written reports whether a file name is one spur may have written in a
// format of the registry: lower-case ASCII letters, digits and hyphens,
// then a registered ending. --check and --prune look only at these.
func (r *Registry) Written(name string) bool {
	for _, f := range r.list {
		if stem, ok := strings.CutSuffix(name, f.Ext); ok {
			return stem != "" && strings.Trim(stem, "abcdefghijklmnopqrstuvwxyz0123456789-") == ""
		}
	}
	return false
}

func validExt(ext string) bool {
	rest, ok := strings.CutPrefix(ext, ".")
	return ok && rest != "" && strings.Trim(rest, "abcdefghijklmnopqrstuvwxyz0123456789") == ""
}

// Writer is a format opened for a run: its names and its renderers.
type Writer struct {
	*Format
	Renderer
}

// Open opens the formats chosen for a run, in the registry's order. Every
// format of the registry is opened, chosen or not, so that a wrong setting
// (a --templates folder that does not exist) is an error whatever --format
// says.
func (r *Registry) Open(s Settings, chosen []*Format) ([]Writer, error) {
	var out []Writer
	for _, f := range r.list {
		rend, err := f.Open(s)
		if err != nil {
			return nil, err
		}
		if slices.Contains(chosen, f) {
			out = append(out, Writer{f, rend})
		}
	}
	return out, nil
}
