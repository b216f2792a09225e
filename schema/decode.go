package schema

import (
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// The decoder walks yaml.v3's node tree into the model by reflection over the
// model's struct tags, so that every value keeps its position and every
// problem becomes a Diagnostic instead of stopping the walk.

type positions map[string]Pos

type decoder struct {
	file  string
	diags *Diagnostics
	pos   positions
	budget
}

// nodeDecoder is implemented by model types with their own YAML form.
type nodeDecoder interface {
	decodeNode(d *decoder, n *yaml.Node, path string)
}

func (d *decoder) at(n *yaml.Node) Pos { return Pos{File: d.file, Line: n.Line, Col: n.Column} }

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	d.diags.Errorf(d.at(n), format, args...)
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping (key: value)"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "nothing"
		}
		return fmt.Sprintf("the value %q", Clip(n.Value))
	}
	return "something else"
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

func (d *decoder) decode(n *yaml.Node, v reflect.Value, path string) {
	if n != nil && n.Kind == yaml.AliasNode && d.alias == nil {
		// What is decoded from here on is a copy made by this alias.
		d.alias = n
		defer func() { d.alias = nil }()
	}
	n = d.resolve(n)
	if n == nil {
		return
	}
	d.pos[path] = d.at(n)
	if v.CanAddr() {
		if nd, ok := v.Addr().Interface().(nodeDecoder); ok {
			nd.decodeNode(d, n, path)
			return
		}
	}
	switch v.Kind() {
	case reflect.Pointer:
		if isNull(n) {
			return
		}
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		d.decode(n, v.Elem(), path)
	case reflect.Struct:
		d.decodeStruct(n, v, path)
	case reflect.String:
		if s, ok := d.text(n); ok {
			v.SetString(s)
		}
	case reflect.Slice:
		d.decodeSlice(n, v, path)
	case reflect.Map:
		d.decodeMap(n, v, path)
	default:
		panic("schema: no decoder for " + v.Type().String()) // a programming error in the model
	}
}

// text reads a scalar as the text the user wrote: 20251231 stays "20251231".
func (d *decoder) text(n *yaml.Node) (string, bool) {
	if isNull(n) {
		return "", true
	}
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, "expected text, found %s", kindName(n))
		return "", false
	}
	return n.Value, true
}

type field struct {
	key      string
	index    int
	required bool
}

func structFields(t reflect.Type) []field {
	var fs []field
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		key := strings.Split(f.Tag.Get("yaml"), ",")[0]
		if key == "" || key == "-" || !f.IsExported() {
			continue
		}
		fs = append(fs, field{key: key, index: i, required: f.Tag.Get("spur") == "required"})
	}
	return fs
}

func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.MappingNode {
		if isNull(n) {
			d.requireFields(n, v.Type(), path, nil)
			return
		}
		d.errorf(n, "expected a mapping of keys (%s), found %s", strings.Join(keysOf(v.Type()), ", "), kindName(n))
		return
	}
	fields := structFields(v.Type())
	lookup := func(key string) *field {
		for j := range fields {
			if fields[j].key == key {
				return &fields[j]
			}
		}
		return nil
	}
	var written map[string]bool // the keys the mapping has, made when a key is unknown
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		kn, vn := d.resolve(n.Content[i]), n.Content[i+1]
		if kn == nil {
			return
		}
		key := kn.Value
		if prev, dup := seen[key]; dup {
			d.errorf(kn, "duplicate key %q (first at line %d); each key may appear once", Clip(key), prev.Line)
			continue
		}
		seen[key] = kn
		f := lookup(key)
		if f == nil {
			hint, meant := keyHint(v.Type(), key, vn)
			d.errorf(kn, "unknown key %q%s", Clip(key), hint)
			if path == "" && (hint == "" || isAreaName(fold(key))) {
				d.pos[unknownTop] = d.at(kn)
				if isAreaName(fold(key)) {
					d.pos[areaAtTop+strings.ToUpper(fold(key)[len(fold(key))-1:])] = d.at(kn)
				}
			}
			// The key meant is read from the value, unless the file
			// has it too: what depends on it (a required key, the
			// areas to assess) is then checked as the file means it,
			// and the one message is the key's name. Its own place is
			// not recorded, so that messages about what it holds
			// point into the value, after this one.
			if written == nil {
				written = writtenKeys(n)
			}
			if _, has := seen[meant]; meant != "" && !has && !written[meant] {
				seen[meant] = kn
				d.decode(vn, v.Field(lookup(meant).index), join(path, meant))
			}
			continue
		}
		sub := join(path, key)
		d.pos[sub+"#key"] = d.at(kn)
		d.decode(vn, v.Field(f.index), sub)
	}
	d.requireFields(n, v.Type(), path, seen)
}

// unknownTop records a top-level key nothing was made of, or an area
// written there: it may be the areas misspelt beyond recognition, and
// validate does not report them missing besides. areaAtTop+"E" records
// area E written at the top.
const (
	unknownTop = "#unknown"
	areaAtTop  = "#area "
)

// writtenKeys is the set of keys a mapping has, aliases followed.
func writtenKeys(n *yaml.Node) map[string]bool {
	keys := map[string]bool{}
	for i := 0; i < len(n.Content); i += 2 {
		k := n.Content[i]
		for j := 0; k != nil && k.Kind == yaml.AliasNode && j < 100; j++ {
			k = k.Alias
		}
		if k != nil && k.Kind == yaml.ScalarNode {
			keys[k.Value] = true
		}
	}
	return keys
}

func (d *decoder) requireFields(n *yaml.Node, t reflect.Type, path string, seen map[string]*yaml.Node) {
	for _, f := range structFields(t) {
		if _, ok := seen[f.key]; f.required && !ok {
			where := "the top level"
			if path != "" {
				where = strconv.Quote(path)
			}
			d.errorf(n, "missing required key %q in %s", f.key, where)
		}
	}
}

func keysOf(t reflect.Type) []string {
	var ks []string
	for _, f := range structFields(t) {
		ks = append(ks, f.key)
	}
	return ks
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func (d *decoder) decodeSlice(n *yaml.Node, v reflect.Value, path string) {
	if isNull(n) {
		return
	}
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "expected a list (items starting with \"- \", or [a, b]), found %s", kindName(n))
		return
	}
	s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, item := range n.Content {
		d.decode(item, s.Index(i), fmt.Sprintf("%s[%d]", path, i))
		if d.over {
			break
		}
	}
	v.Set(s)
}

// maxMapKey bounds the keys of the model's maps (area letters, criterion
// ids), in bytes.
const maxMapKey = 64

func (d *decoder) decodeMap(n *yaml.Node, v reflect.Value, path string) {
	if isNull(n) {
		return
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "expected a mapping (key: value), found %s", kindName(n))
		return
	}
	m := reflect.MakeMap(v.Type())
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		kn := d.resolve(n.Content[i])
		if kn == nil {
			return
		}
		if kn.Kind != yaml.ScalarNode {
			d.errorf(kn, "expected a key, found %s", kindName(kn))
			continue
		}
		key := kn.Value
		if len(key) > maxMapKey {
			// Each value under the key would carry a copy of it in its
			// path: refuse it before that.
			d.errorf(kn, "key %q is too long for an area letter or a criterion id", Clip(key))
			continue
		}
		if prev, dup := seen[key]; dup {
			d.errorf(kn, "duplicate key %q (first at line %d); each key may appear once", key, prev.Line)
			continue
		}
		seen[key] = kn
		sub := join(path, key)
		d.pos[sub+"#key"] = d.at(kn)
		ev := reflect.New(v.Type().Elem()).Elem()
		d.decode(n.Content[i+1], ev, sub)
		m.SetMapIndex(reflect.ValueOf(key), ev)
	}
	v.Set(m)
}

// mapKeys returns the keys of a decoded map in the order of the file.
func (insp *Inspection) mapKeys(m any, path string) []string {
	rv := reflect.ValueOf(m)
	var ks []string
	for _, k := range rv.MapKeys() {
		ks = append(ks, k.String())
	}
	sort.Slice(ks, func(i, j int) bool {
		a, b := insp.pos[join(path, ks[i])+"#key"], insp.pos[join(path, ks[j])+"#key"]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return ks[i] < ks[j]
	})
	return ks
}

// Pos returns the place of the value at path ("areas.E.not_met[2]"), or of
// the nearest enclosing value that has one, or the file alone.
func (insp *Inspection) Pos(path string) Pos {
	for p := path; ; {
		if pos, ok := insp.pos[p]; ok {
			return pos
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			break
		}
		p = p[:i]
	}
	if pos, ok := insp.pos[""]; ok {
		return pos
	}
	return Pos{File: insp.File}
}

// KeyPos returns the place of the key of the value at path; for a value the
// file does not have, the key of the nearest enclosing value that it has.
func (insp *Inspection) KeyPos(path string) Pos {
	for p := path; ; {
		if pos, ok := insp.pos[p+"#key"]; ok {
			return pos
		}
		if pos, ok := insp.pos[p]; ok {
			return pos
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			break
		}
		p = p[:i]
	}
	return insp.Pos("")
}

// WithoutPlaces returns a shallow copy of insp without the places of its
// values, which are most of a loaded inspection's memory: for a caller
// that keeps an inspection it has checked, to render it later. The copy's
// Pos and KeyPos give the file alone.
func (insp *Inspection) WithoutPlaces() *Inspection {
	c := *insp
	c.pos = nil
	return &c
}

// SetPos records the place of the value at path; decoders of other formats
// (workbooks) use it to give their own positions.
func (insp *Inspection) SetPos(path string, p Pos) {
	if insp.pos == nil {
		insp.pos = positions{}
	}
	insp.pos[path] = p
}

func reflectValue(p any) reflect.Value { return reflect.ValueOf(p).Elem() }
