package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// JSONSchema returns the JSON Schema (draft-07) of the inspection file,
// derived from the model's struct tags and the embedded catalogues, so that
// editors (yaml-language-server) complete keys and flag mistakes as one
// types. schema/spur.schema.json is this output; a test keeps them equal.
//
// The model gives the shape of the file; the catalogue named by `catalog:`
// gives what may fill it: one if/then per version narrows each area's
// criterion ids, comment keys and override grades, and the ids of the
// action plan, to that version's (catalogueSchema).
func JSONSchema() []byte {
	s := typeSchema(reflect.TypeOf(Inspection{}), reflect.StructField{})
	s["$schema"] = "http://json-schema.org/draft-07/schema#"
	s["title"] = "SPUR inspection"
	s["description"] = "An inspection of specialist training for physicians (SPUR): the inspectors' findings, the unit's action plan and the decisions on it. Keys are English; each description gives the Swedish term."
	props := s["properties"].(map[string]any)
	props["catalog"].(map[string]any)["enum"] = CatalogVersions()
	cats, err := Catalogs()
	if err != nil {
		panic(err) // the embedded catalogues are checked by their own tests
	}
	catalogueSchema(s, cats)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		panic(err) // only maps, strings and slices: cannot fail
	}
	return buf.Bytes()
}

// catalogueSchema adds to s, the schema of the model, what the catalogues
// say: the area letters with their titles, and for each version an if/then
// on `catalog:` that gives each area its own criterion ids (with kind and
// text, which an editor shows beside each id it completes), comment keys
// and grade options, and the action plan the version's ids. The branches
// narrow the model's schema rather than repeat it: its descriptions and
// closed objects apply whatever the version, and a file whose catalog is
// missing or unknown is still checked by the model's patterns.
//
// Three keywords are not draft-07's, and a validator ignores them; they are
// those of VS Code's JSON support, which yaml-language-server reads:
// enumDescriptions documents each value it completes, errorMessage says
// what is wrong in place of "Value is not accepted", and doNotSuggest
// keeps a key that a branch narrows from being offered twice, once as the
// model has it and once as the branch does.
func catalogueSchema(s map[string]any, cats []*Catalog) {
	props := s["properties"].(map[string]any)
	areas := props["areas"].(map[string]any)
	defs := map[string]any{}
	for _, area := range areas["patternProperties"].(map[string]any) { // the one pattern, A–H
		defs["area"] = area
	}
	letters := map[string]any{}
	for _, c := range cats { // oldest first: the newest title wins
		for _, a := range c.Areas {
			letters[a.Letter] = map[string]any{"$ref": "#/definitions/area", "description": areaDescription(&a)}
		}
	}
	delete(areas, "patternProperties")
	areas["properties"] = letters
	areas["additionalProperties"] = false

	var branches []any
	for _, c := range cats {
		v := c.Version
		byLetter := map[string]any{}
		var all, allDocs []string
		for _, a := range c.Areas {
			ids, docs := criteriaEnum(a.Criteria)
			all = append(all, ids...)
			allDocs = append(allDocs, docs...)
			criteria := "criteria-" + v + "-" + a.Letter
			defs[criteria] = map[string]any{
				"type":             "string",
				"enum":             ids,
				"enumDescriptions": docs,
				"errorMessage":     fmt.Sprintf("Not a criterion of area %s: its criteria are %s (catalogue %s).", a.Letter, idList(ids), v),
			}
			ref := map[string]any{"$ref": "#/definitions/" + criteria}
			comments := map[string]any{}
			for i, id := range ids {
				comments[id] = map[string]any{"type": "string", "description": docs[i]}
			}
			var grades, texts []string
			for _, o := range a.Options {
				grades = append(grades, string(o.Grade))
				texts = append(texts, o.Text)
			}
			area := "area-" + v + "-" + a.Letter
			defs[area] = map[string]any{"type": "object", "properties": narrow(map[string]any{
				"met": map[string]any{"oneOf": []any{
					map[string]any{"const": "all"},
					map[string]any{"type": "array", "items": ref},
				}},
				"not_met":        map[string]any{"type": "array", "items": ref},
				"not_applicable": map[string]any{"type": "array", "items": ref},
				"comments":       map[string]any{"type": "object", "properties": comments, "additionalProperties": false},
				"override": map[string]any{"type": "object", "properties": narrow(map[string]any{"grade": map[string]any{
					"type":             "string",
					"enum":             grades,
					"enumDescriptions": texts,
					"errorMessage":     fmt.Sprintf("Not a grade area %s may be given: its options are %s (catalogue %s).", a.Letter, a.OptionGrades(), v),
				}})},
			})}
			byLetter[a.Letter] = map[string]any{"$ref": "#/definitions/" + area}
		}
		defs["criterion-"+v] = map[string]any{
			"type":             "string",
			"enum":             all,
			"enumDescriptions": allDocs,
			"errorMessage":     fmt.Sprintf("Not a criterion of catalogue %s: an id is an area letter and a number, e.g. E4 (spur catalog --catalog %s lists them).", v, v),
		}
		branches = append(branches, map[string]any{
			"if": map[string]any{
				"properties": map[string]any{"catalog": map[string]any{"const": v}},
				"required":   []string{"catalog"},
			},
			"then": map[string]any{"properties": narrow(map[string]any{
				"areas": map[string]any{"type": "object", "properties": narrow(byLetter)},
				"action_plan": map[string]any{"type": "object", "properties": narrow(map[string]any{"entries": map[string]any{
					"type": "array",
					"items": map[string]any{"type": "object", "properties": narrow(map[string]any{
						"criterion": map[string]any{"$ref": "#/definitions/criterion-" + v},
					})},
				}})},
			})},
		})
	}
	s["allOf"] = branches
	s["definitions"] = defs
}

// narrow marks the properties of a catalogue's branch as ones an editor
// does not offer as keys: the model's schema offers each of them already.
func narrow(props map[string]any) map[string]any {
	for _, p := range props {
		p.(map[string]any)["doNotSuggest"] = true
	}
	return props
}

// areaDescription is what an editor shows for an area's key: its title.
func areaDescription(a *CatalogArea) string { return a.Title }

// criteriaEnum gives the ids of criteria and, for each, its kind and text
// as an editor shows them beside a completed id: "(F*) Det finns …".
func criteriaEnum(criteria []Criterion) (ids, docs []string) {
	for _, cr := range criteria {
		ids = append(ids, cr.ID)
		docs = append(docs, fmt.Sprintf("(%s) %s", cr.Kind, cr.Text))
	}
	return ids, docs
}

// idList writes ids as a range, "E1–E14", when they are the numbers from 1
// up of one letter, as every area of the catalogues is; else it lists them.
func idList(ids []string) string {
	for i, id := range ids {
		if n, err := strconv.Atoi(id[1:]); err != nil || n != i+1 || id[0] != ids[0][0] {
			return strings.Join(ids, ", ")
		}
	}
	if len(ids) < 3 {
		return strings.Join(ids, ", ")
	}
	return ids[0] + "–" + ids[len(ids)-1]
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
	case reflect.TypeOf(FollowUpStatus("")):
		var docs []string
		for _, v := range followUpStatuses {
			docs = append(docs, v.Swedish()+": "+followUpMeaning[v])
		}
		s["type"] = "string"
		s["enum"] = followUpEnum.values
		s["enumDescriptions"] = docs
		s["errorMessage"] = "Not a status of a follow-up: write done (genomförd), partly (delvis genomförd), not_done (ej genomförd) or postponed (uppskjuten)."
		return s
	case reflect.TypeOf(Grade("")):
		// A pattern, not an enum: an editor would offer every value of an
		// enum, and the catalogue's branch (catalogueSchema) offers only
		// the area's options.
		s["type"] = "string"
		s["pattern"] = "^[A-D]$"
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
		elem := typeSchema(t.Elem(), reflect.StructField{})
		if p := f.Tag.Get("key"); p != "" {
			// Not propertyNames: an editor offers a placeholder key for
			// it beside the catalogue's ids (catalogueSchema).
			s["patternProperties"] = map[string]any{p: elem}
			s["additionalProperties"] = false
		} else {
			s["additionalProperties"] = elem
		}
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
