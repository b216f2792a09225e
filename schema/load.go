package schema

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// MaxInputSize is the largest inspection file read. A real one is 30–80 KB;
// the limit leaves room for long action plans and refuses anything absurd
// before it is parsed.
const MaxInputSize = 4 << 20

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// Load decodes and validates an inspection. The inspection is returned
// whenever the file could be decoded at all, also with errors, so that a
// caller may show what it holds; it is fit to use only when diags has no
// errors.
func Load(file string, data []byte) (*Inspection, Diagnostics) {
	var diags Diagnostics
	top := Pos{File: file}
	if len(data) > MaxInputSize {
		diags.Errorf(top, "the file is larger than %d MiB; an inspection file is far smaller, so this is not one", MaxInputSize>>20)
		return nil, diags
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	// UTF-32 LE begins as UTF-16 LE does, so it is looked for first.
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE, 0, 0}) || bytes.HasPrefix(data, []byte{0, 0, 0xFE, 0xFF}):
		diags.Errorf(top, "the file is in UTF-32; save it as UTF-8")
		return nil, diags
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		diags.Errorf(top, "the file is in UTF-16; save it as UTF-8")
		return nil, diags
	}
	if !checkEncoding(file, data, &diags) {
		return nil, diags
	}
	root, ok := parseYAML(file, data, &diags)
	if !ok {
		// A tab in indentation is the commonest cause, and the parser's
		// message does not say so: name it instead. (A tab inside a block
		// scalar is content, which is why this runs only on failure.)
		if tabs := tabIndents(file, data); len(tabs) > 0 {
			diags = append(Diagnostics{tabMessage(tabs)}, withoutTabErrors(diags, tabs)...)
		}
		return nil, diags
	}
	insp := &Inspection{File: file, pos: positions{"": {File: file, Line: 1, Col: 1}}}
	d := &decoder{file: file, diags: &diags, pos: insp.pos, budget: newBudget()}
	d.decode(root, reflectValue(insp), "")
	if d.over {
		return nil, diags
	}
	validate(insp, &diags)
	diags.Sort()
	diags = diags.Unique()
	return insp, diags
}

// Validate checks an inspection built by another decoder (a workbook) as
// Load checks a YAML file, and resolves its assessments and plan dates.
// Positions come from what the decoder recorded with SetPos; set File too.
func Validate(insp *Inspection) Diagnostics {
	var diags Diagnostics
	if insp.pos == nil {
		insp.pos = positions{"": {File: insp.File}}
	}
	validate(insp, &diags)
	diags.Sort()
	diags = diags.Unique()
	return diags
}

// checkEncoding reports NUL bytes (a binary file) and bytes that are not
// UTF-8 (a file saved as Latin-1), each kind in one message at its first
// place, with a count: a Latin-1 file has an å on every other line.
func checkEncoding(file string, data []byte, diags *Diagnostics) bool {
	line, col := 1, 1
	var first Pos
	var firstByte byte
	var lines []int
	bad := 0
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == 0:
			diags.Errorf(Pos{File: file, Line: line, Col: col}, "NUL byte: this is a binary file, not YAML")
			return false
		case r == utf8.RuneError && size == 1:
			if bad == 0 {
				first, firstByte = Pos{File: file, Line: line, Col: col}, data[i]
			}
			if len(lines) == 0 || lines[len(lines)-1] != line {
				lines = append(lines, line)
			}
			bad++
		case r == '\n':
			line, col = line+1, 0
		}
		col++
		i += size
	}
	const advice = "save the file as UTF-8 (a Windows editor may have used Latin-1)"
	switch {
	case bad == 1:
		diags.Errorf(first, "byte 0x%02X is not UTF-8; %s", firstByte, advice)
	case bad > 1 && len(lines) == 1:
		diags.Errorf(first, "byte 0x%02X is not UTF-8, nor are %d more on this line; %s", firstByte, bad-1, advice)
	case bad > 1:
		diags.Errorf(first, "byte 0x%02X is not UTF-8, nor are %d more on %s; %s", firstByte, bad-1, lineList("line", lines), advice)
	}
	return bad == 0
}

// tabIndents returns the place of the first tab in the indentation of each
// line that has one.
func tabIndents(file string, data []byte) []Pos {
	var tabs []Pos
	line, col, indent := 1, 1, true
	for _, b := range data {
		switch {
		case b == '\n':
			line, col, indent = line+1, 0, true
		case b == '\t' && indent:
			if len(tabs) == 0 || tabs[len(tabs)-1].Line != line {
				tabs = append(tabs, Pos{File: file, Line: line, Col: col})
			}
		case b != ' ' && b != '\r':
			indent = false
		}
		if b < 0x80 || b >= 0xC0 { // a column per character, not per byte
			col++
		}
	}
	return tabs
}

// tabMessage is one message for every tab in indentation, at the first.
func tabMessage(tabs []Pos) Diagnostic {
	msg := "tab character in indentation; YAML indents with spaces only"
	if len(tabs) > 1 {
		var lines []int
		for _, p := range tabs {
			lines = append(lines, p.Line)
		}
		msg += " (tabs indent " + lineList("line", lines) + ")"
	}
	return Diagnostic{Pos: tabs[0], Severity: Error, Message: msg}
}

// withoutTabErrors drops the parser's messages that a tab in indentation
// explains: those that name a tab, and "cannot start any token" at (or, as
// the parser counts, the line before) a line indented with one.
func withoutTabErrors(diags Diagnostics, tabs []Pos) Diagnostics {
	var kept Diagnostics
	for _, d := range diags {
		explained := strings.Contains(d.Message, "tab character")
		if strings.Contains(d.Message, "cannot start any token") {
			for _, t := range tabs {
				explained = explained || d.Pos.Line == 0 || d.Pos.Line == t.Line || d.Pos.Line == t.Line-1
			}
		}
		if !explained {
			kept = append(kept, d)
		}
	}
	return kept
}

// lineList names lines: "line 4", "lines 4, 5 and 7", "lines 4, 5, 7, 9,
// 12 and 8 more".
func lineList(word string, lines []int) string {
	const shown = 5
	var parts []string
	for i, l := range lines {
		if i == shown {
			break
		}
		parts = append(parts, strconv.Itoa(l))
	}
	switch {
	case len(lines) == 1:
		return word + " " + parts[0]
	case len(lines) > shown:
		return fmt.Sprintf("%ss %s and %d more", word, strings.Join(parts, ", "), len(lines)-shown)
	}
	return word + "s " + strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

func parseYAML(file string, data []byte, diags *Diagnostics) (*yaml.Node, bool) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			diags.Errorf(Pos{File: file}, "the file is empty; an inspection starts with keys such as catalog, status, unit and visit")
			return nil, false
		}
		reportYAMLError(file, err, diags)
		return nil, false
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		diags.Errorf(Pos{File: file, Line: extra.Line, Col: extra.Column}, "a second YAML document (after ---); an inspection file holds one")
		return nil, false
	} else if !errors.Is(err, io.EOF) {
		reportYAMLError(file, err, diags)
		return nil, false
	}
	root := &doc
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			diags.Errorf(Pos{File: file}, "the file is empty; an inspection starts with keys such as catalog, status, unit and visit")
			return nil, false
		}
		root = root.Content[0]
	}
	if isNull(root) {
		diags.Errorf(Pos{File: file, Line: root.Line, Col: root.Column}, "the file is empty; an inspection starts with keys such as catalog, status, unit and visit")
		return nil, false
	}
	if root.Kind != yaml.MappingNode {
		diags.Errorf(Pos{File: file, Line: root.Line, Col: root.Column}, "expected an inspection (keys such as catalog, status, unit, visit), found %s: is this an inspection file?", kindName(root))
		return nil, false
	}
	return root, true
}

func reportYAMLError(file string, err error, diags *Diagnostics) {
	var te *yaml.TypeError
	msgs := []string{err.Error()}
	if errors.As(err, &te) {
		msgs = te.Errors
	}
	for _, m := range msgs {
		m = strings.TrimPrefix(m, "yaml: ")
		p := Pos{File: file}
		if sm := yamlLine.FindStringSubmatch("yaml: " + m); sm != nil {
			p.Line, _ = strconv.Atoi(sm[1])
			m = sm[2]
		}
		diags.Errorf(p, "not valid YAML: %s", Clip(m)) // it may quote an anchor's name
	}
}
