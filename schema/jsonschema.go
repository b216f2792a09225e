package schema

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
)

// JSONSchema returns the JSON Schema (draft-07) of the inspection file,
// derived from the model's struct tags and the embedded catalogues, so that
// editors (yaml-language-server) complete keys and flag mistakes as one
// types. schema/spur.schema.json is this output; a test keeps them equal.
func JSONSchema() []byte {
	s := typeSchema(reflect.TypeOf(Inspection{}), reflect.StructField{})
	s["$schema"] = "http://json-schema.org/draft-07/schema#"
	s["title"] = "SPUR inspection"
	s["description"] = "An inspection of specialist training for physicians (SPUR): the inspectors' findings, the unit's action plan and the decisions on it. Keys are English; each description gives the Swedish term."
	props := s["properties"].(map[string]any)
	props["catalog"].(map[string]any)["enum"] = CatalogVersions()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		panic(err) // only maps, strings and slices: cannot fail
	}
	return buf.Bytes()
}

var idPattern = "^[A-H][0-9]+$"

func typeSchema(t reflect.Type, f reflect.StructField) map[string]any {
	s := map[string]any{}
	if doc := f.Tag.Get("doc"); doc != "" {
		if sv := f.Tag.Get("sv"); sv != "" {
			doc += " Swedish: " + sv + "."
		}
		s["description"] = doc
	}
	switch t {
	case reflect.TypeOf(ReportStatus("")):
		s["enum"] = statusEnum.values
		return s
	case reflect.TypeOf(Decision("")):
		s["enum"] = decisionEnum.values
		return s
	case reflect.TypeOf(Grade("")):
		s["enum"] = []string{"A", "B", "C", "D"}
		return s
	case reflect.TypeOf(Date{}):
		s["type"] = "string"
		s["pattern"] = `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`
		return s
	case reflect.TypeOf(Selection{}):
		s["oneOf"] = []any{
			map[string]any{"const": "all"},
			map[string]any{"type": "array", "items": map[string]any{"type": "string", "pattern": idPattern}},
		}
		return s
	case reflect.TypeOf(DateText{}):
		s["oneOf"] = []any{
			map[string]any{"type": []string{"string", "number", "null"}},
			map[string]any{
				"type":                 "object",
				"additionalProperties": false,
				"required":             []string{"text"},
				"properties": map[string]any{
					"text": map[string]any{"type": "string", "description": "The text as the unit wrote it."},
					"date": map[string]any{"type": "string", "pattern": `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`, "description": "The normalised date, YYYY-MM-DD."},
				},
			},
		}
		return s
	}
	switch t.Kind() {
	case reflect.Pointer:
		inner := typeSchema(t.Elem(), f)
		return inner
	case reflect.String:
		s["type"] = "string"
		if p := f.Tag.Get("pattern"); p != "" {
			s["pattern"] = p
		}
	case reflect.Slice:
		item := map[string]any{"type": "string"}
		if t.Elem().Kind() != reflect.String {
			item = typeSchema(t.Elem(), reflect.StructField{})
		} else if p := f.Tag.Get("item"); p != "" {
			item["pattern"] = p
		}
		s["type"] = "array"
		s["items"] = item
	case reflect.Map:
		s["type"] = "object"
		if p := f.Tag.Get("key"); p != "" {
			s["propertyNames"] = map[string]any{"pattern": p}
		}
		s["additionalProperties"] = typeSchema(t.Elem(), reflect.StructField{})
	case reflect.Struct:
		s["type"] = "object"
		s["additionalProperties"] = false
		props := map[string]any{}
		deps := map[string]any{}
		var req []string
		for i := 0; i < t.NumField(); i++ {
			sf := t.Field(i)
			key := strings.Split(sf.Tag.Get("yaml"), ",")[0]
			if key == "" || key == "-" || !sf.IsExported() {
				continue
			}
			props[key] = typeSchema(sf.Type, sf)
			if sf.Tag.Get("spur") == "required" {
				req = append(req, key)
			}
			if n := sf.Tag.Get("needs"); n != "" {
				deps[key] = []string{n}
			}
		}
		s["properties"] = props
		if len(req) > 0 {
			s["required"] = req
		}
		if len(deps) > 0 {
			s["dependencies"] = deps
		}
	}
	return s
}
