package workbook

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"gopkg.in/yaml.v3"

	"spur/schema"
)

// The plan as a commented YAML skeleton, for units that prefer a text file
// to a workbook. It holds the same rows and the same identity as the
// workbook; ReadPlanYAML reads it back with the same checks as ReadPlan.

// WritePlanYAML writes the plan template of insp as a commented YAML file.
func WritePlanYAML(w io.Writer, insp *schema.Inspection, opt PlanOptions) error {
	rows, err := planRows(insp)
	if err != nil {
		return err
	}
	id := identityOf(insp, rows)
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	due := "inom cirka tre månader efter att ni har fått inspektionsrapporten"
	if !opt.Due.IsZero() {
		due = "senast " + opt.Due.String()
	}
	p("# Handlingsplan efter SPUR-inspektion\n#\n")
	p("# %-17s %s\n# %-17s %s\n# %-17s %s\n# %-17s %s\n#\n", labelUnit+":", insp.Unit.Name,
		labelVisit+":", insp.Visit, labelCatalog+":", insp.Catalog, "Skickas in:", due)
	for _, para := range []string{
		"Fyll i de fem fälten för varje kriterium nedan, spara filen (som UTF-8) och skicka den till inspektörerna.",
		"Poster för en föreskrift (åtgärd krävs) ska fyllas i; poster för ett allmänt råd (åtgärd rekommenderas) fyller ni i om ni planerar en åtgärd, annars lämnar ni dem tomma.",
		"Skriv texten mellan citattecknen. Text på flera rader: skriv action: | och raderna under, indragna två steg mer än action, som i exemplet.",
		"Datum: 2025-12-31, 20251231, 31 dec 2025, 15 april, om sex månader, hösten 2025, genomförd (se bilaga 1). Det du skriver sparas som du skrev det.",
		"Ändra inte spur_plan och criterion: de knyter planen till inspektionen.",
	} {
		for _, l := range wrap(para, 88) {
			p("# %s\n", l)
		}
	}
	p("# Till exempel:\n#\n#    - criterion: E4\n#      action: |\n#        Handledaren stämmer av utbildningsplanen vid varje handledningstillfälle.\n" +
		"#        Utbildningsplanen revideras minst en gång per halvår.\n#      due: \"20251231\"\n#      responsible: Verksamhetschefen\n" +
		"#      follow_up: om sex månader\n#      follow_up_by: Studierektor\n")
	p("spur_plan:\n  unit: %s\n  visit: %s\n  catalog: %s\n  fingerprint: %s\n", quote(id.Unit), id.Visit, quote(id.Catalog), id.Fingerprint)
	p("action_plan:\n  date: \"\"          # %s, ÅÅÅÅ-MM-DD: dagens datum när ni skickar planen\n  entries:\n", strings.ToLower(labelPlanDate[:1])+labelPlanDate[1:])
	if len(rows) == 0 {
		p("    []\n")
	}
	area := ""
	for _, r := range rows {
		if r.area.Letter != area {
			area = r.area.Letter
			p("\n    # %s. %s\n", r.area.Letter, r.area.Title)
		}
		p("\n    # %s, %s:\n", r.crit.ID, strings.ToLower(r.kindLabel()))
		for _, l := range wrap(r.crit.Text, 84) {
			p("    #   %s\n", l)
		}
		p("    - criterion: %s\n", r.crit.ID)
		for i, k := range fieldKeys {
			p("      %-13s \"\"   # %s\n", k+":", planHeaders[colAction+i])
		}
	}
	return bw.Flush()
}

// quote writes s as a YAML double-quoted scalar (JSON's escapes are YAML's).
func quote(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}

func wrap(s string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && len([]rune(line))+1+len([]rune(w)) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	return append(lines, line)
}

// ReadPlanYAML reads a YAML plan written by WritePlanYAML and filled in,
// as ReadPlan reads a workbook; positions are file:line:col.
func ReadPlanYAML(name string, data []byte, insp *schema.Inspection, opt PlanOptions) (*schema.ActionPlan, schema.Diagnostics, error) {
	want, err := planRows(insp)
	if err != nil {
		return nil, nil, err
	}
	var diags schema.Diagnostics
	top := schema.Pos{File: name}
	at := func(n *yaml.Node) schema.Pos { return schema.Pos{File: name, Line: n.Line, Col: n.Column} }
	if len(data) > schema.MaxInputSize {
		diags.Errorf(top, "the file is larger than %d MiB; a plan is far smaller", schema.MaxInputSize>>20)
		return nil, diags, nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		diags.Errorf(top, "not valid YAML: %s", schema.Clip(strings.TrimPrefix(err.Error(), "yaml: ")))
		return nil, diags, nil
	}
	root := mapping(&doc)
	if root == nil {
		diags.Errorf(top, "expected a plan with the keys spur_plan and action_plan, as spur template writes it")
		return nil, diags, nil
	}
	idn := field(root, "spur_plan")
	if idn == nil {
		diags.Errorf(top, "the plan has no spur_plan, which says which inspection it belongs to; was it made with spur template?")
		return nil, diags, nil
	}
	id := identity{Unit: scalar(idn, "unit"), Visit: scalar(idn, "visit"), Catalog: scalar(idn, "catalog"), Fingerprint: scalar(idn, "fingerprint")}
	if !id.compare(identityOf(insp, want), at(idn), &diags) {
		diags.Sort()
		return nil, diags, nil
	}
	pn := field(root, "action_plan")
	if pn == nil || pn.Kind != yaml.MappingNode {
		diags.Errorf(top, "the plan has no action_plan with date and entries")
		diags.Sort()
		return nil, diags, nil
	}
	plan := &schema.ActionPlan{Date: opt.Date}
	if dn := field(pn, "date"); dn != nil && strings.TrimSpace(dn.Value) != "" {
		if d, ok := schema.ParseISODate(dn.Value); ok {
			plan.Date = d
		} else {
			diags.Warnf(at(dn), "cannot read %q as the plan's date; write it as 2025-05-20", schema.Clip(dn.Value))
		}
	}
	base := plan.Date
	if base.IsZero() {
		base = insp.Visit
	}
	var lines []planLine
	start := at(pn)
	if en := field(pn, "entries"); en != nil && en.Kind == yaml.SequenceNode {
		start = at(en)
		for _, item := range en.Content {
			if l, ok := yamlLine(item, at, &diags); ok {
				lines = append(lines, l)
			}
		}
	} else if en != nil && !(en.Kind == yaml.ScalarNode && en.Tag == "!!null") {
		diags.Errorf(at(en), "entries must be a list, one item per criterion")
	}
	if unfilled(lines, want) && !diags.HasErrors() {
		diags.Errorf(firstOpen(lines, start), nothingFilled, "file")
		diags.Sort()
		return nil, diags, nil
	}
	m := &matcher{insp: insp, want: want, base: base, diags: &diags, where: func(int) schema.Pos { return at(pn) }}
	for _, pe := range m.entries(lines) {
		plan.Entries = append(plan.Entries, pe.e)
	}
	diags.Sort()
	return plan, diags, nil
}

func yamlLine(item *yaml.Node, at func(*yaml.Node) schema.Pos, diags *schema.Diagnostics) (planLine, bool) {
	l := planLine{row: item.Line, id: cell{pos: at(item), ok: true}}
	for i := range l.fields {
		l.fields[i] = cell{pos: at(item), ok: true}
	}
	if item.Kind != yaml.MappingNode {
		diags.Errorf(at(item), "expected an entry (criterion, action, due, ...), found %s", schema.Clip(item.Tag))
		return l, false
	}
	keys := append([]string{"criterion"}, fieldKeys[:]...)
	for i := 0; i+1 < len(item.Content); i += 2 {
		k, v := item.Content[i], item.Content[i+1]
		c := cell{pos: at(v), ok: true}
		switch {
		case v.Kind == yaml.ScalarNode:
			if v.Tag != "!!null" {
				c.text = v.Value
			}
		case v.Kind == yaml.MappingNode && field(v, "text") != nil:
			c.text = scalar(v, "text")
			if d, ok := schema.ParseISODate(scalar(v, "date")); ok {
				c.date = d
			}
		default:
			diags.Errorf(at(v), "%s must be text", schema.Clip(k.Value))
			continue
		}
		switch j := indexOf(keys, k.Value); j {
		case 0:
			l.id = c
		case -1:
			diags.Errorf(at(k), "unknown key %q%s", schema.Clip(k.Value), suggest(k.Value, keys))
		default:
			l.fields[j-1] = c
		}
	}
	return l, true
}

func mapping(doc *yaml.Node) *yaml.Node {
	n := doc
	if n.Kind == yaml.DocumentNode && len(n.Content) == 1 {
		n = n.Content[0]
	}
	if n.Kind != yaml.MappingNode {
		return nil
	}
	return n
}

// field returns the value of key in mapping n, or nil.
func field(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

func scalar(n *yaml.Node, key string) string {
	if v := field(n, key); v != nil && v.Kind == yaml.ScalarNode && v.Tag != "!!null" {
		return v.Value
	}
	return ""
}
