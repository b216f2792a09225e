package plan

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"spur/schema"
	"spur/workbook"
)

// The plan as a commented YAML file, for units that prefer a text file to
// a workbook. It holds the same rows and the same identity as the
// workbook, and ReadYAML reads it back with the same rules as
// workbook.ReadPlan (workbook.ReadFilledPlan applies them to both).

// WriteYAML writes the plan template of insp as a commented YAML file.
func WriteYAML(w io.Writer, insp *schema.Inspection, opt workbook.PlanOptions) error {
	t, err := workbook.NewPlanTemplate(insp)
	if err != nil {
		return err
	}
	id := t.ID
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	due := "inom cirka tre månader efter att ni har fått inspektionsrapporten"
	if !opt.Due.IsZero() {
		due = "senast " + opt.Due.String()
	}
	p("# Handlingsplan efter SPUR-inspektion\n#\n")
	for _, kv := range [][2]string{{workbook.LabelUnit, insp.Unit.Name}, {workbook.LabelVisit, insp.Visit.String()},
		{workbook.LabelCatalog, insp.Catalog}, {"Skickas in", due}} {
		p("# %-17s %s\n", kv[0]+":", oneLine(kv[1]))
	}
	p("#\n")
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
	ids := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{
		str("unit"), str(id.Unit), str("visit"), plain(id.Visit), str("catalog"), str(id.Catalog), str("fingerprint"), plain(id.Fingerprint),
	}}
	head, err := encode(&yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{str("spur_plan"), ids}})
	if err != nil {
		return err
	}
	bw.Write(head)
	label := strings.ToLower(workbook.LabelPlanDate[:1]) + workbook.LabelPlanDate[1:]
	p("action_plan:\n  date: \"\"          # %s, ÅÅÅÅ-MM-DD: dagens datum när ni skickar planen\n  entries:\n", label)
	if len(t.Rows) == 0 {
		p("    []\n")
	}
	area := ""
	for _, r := range t.Rows {
		if r.Area.Letter != area {
			area = r.Area.Letter
			p("\n    # %s. %s\n", r.Area.Letter, oneLine(r.Area.Title))
		}
		p("\n    # %s, %s:\n", r.Criterion.ID, strings.ToLower(r.Kind()))
		for _, l := range wrap(r.Criterion.Text, 84) {
			p("    #   %s\n", l)
		}
		p("    - criterion: %s\n", r.Criterion.ID)
		for _, f := range workbook.PlanFields {
			p("      %-13s \"\"   # %s\n", f.Key+":", f.Label)
		}
	}
	return bw.Flush()
}

// oneLine is s as a comment can hold it: its line breaks as spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
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

// ReadYAML reads a YAML plan written by WriteYAML and filled in, with the
// rules workbook.ReadPlan applies to a workbook; positions are
// file:line:col. The plan is returned whenever the file could be read (but
// not when it was made for another inspection, or has nothing filled in),
// and is fit to import only when diags has no errors. err is for an
// inspection that was not loaded.
func ReadYAML(name string, data []byte, insp *schema.Inspection, opt workbook.PlanOptions) (*schema.ActionPlan, schema.Diagnostics, error) {
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
	pn := field(root, "action_plan")
	if pn == nil || pn.Kind != yaml.MappingNode {
		diags.Errorf(top, "the plan has no action_plan with date and entries")
		return nil, diags, nil
	}
	f := workbook.FilledPlan{
		ID:      workbook.PlanID{Unit: scalar(idn, "unit"), Visit: scalar(idn, "visit"), Catalog: scalar(idn, "catalog"), Fingerprint: scalar(idn, "fingerprint")},
		IDAt:    at(idn),
		Date:    workbook.PlanValue{Pos: at(pn)},
		Start:   at(pn),
		Missing: at(pn),
	}
	if dn := field(pn, "date"); dn != nil {
		f.Date = workbook.PlanValue{Pos: at(dn), Text: scalar(pn, "date")}
	}
	if en := field(pn, "entries"); en != nil && en.Kind == yaml.SequenceNode {
		f.Start = at(en)
		for _, item := range en.Content {
			if l, ok := yamlLine(item, at, &diags); ok {
				f.Lines = append(f.Lines, l)
			}
		}
	} else if en != nil && !(en.Kind == yaml.ScalarNode && en.Tag == "!!null") {
		diags.Errorf(at(en), "entries must be a list, one item per criterion")
	}
	plan, err := workbook.ReadFilledPlan(insp, f, opt, &diags)
	diags.Sort()
	if err != nil {
		return nil, diags, err
	}
	return plan, diags, nil
}

var entryKeys = func() []string {
	keys := []string{"criterion"}
	for _, f := range workbook.PlanFields {
		keys = append(keys, f.Key)
	}
	return keys
}()

func yamlLine(item *yaml.Node, at func(*yaml.Node) schema.Pos, diags *schema.Diagnostics) (workbook.PlanLine, bool) {
	var l workbook.PlanLine
	l.Criterion.Pos = at(item)
	for i := range l.Fields {
		l.Fields[i].Pos = at(item)
	}
	if item.Kind != yaml.MappingNode {
		diags.Errorf(at(item), "expected an entry (criterion, action, due, ...), found %s", schema.Clip(item.Tag))
		return l, false
	}
	for i := 0; i+1 < len(item.Content); i += 2 {
		k, v := item.Content[i], item.Content[i+1]
		c := workbook.PlanValue{Pos: at(v)}
		switch {
		case v.Kind == yaml.ScalarNode:
			if v.Tag != "!!null" {
				c.Text = v.Value
			}
		case v.Kind == yaml.MappingNode && field(v, "text") != nil:
			c.Text = scalar(v, "text")
			if d, ok := schema.ParseISODate(scalar(v, "date")); ok {
				c.Date = d
			}
		default:
			diags.Errorf(at(v), "%s must be text", schema.Clip(k.Value))
			continue
		}
		switch j := slices.Index(entryKeys, k.Value); j {
		case 0:
			l.Criterion = c
		case -1:
			diags.Errorf(at(k), "unknown key %q%s", schema.Clip(k.Value), suggest(k.Value, entryKeys))
		default:
			l.Fields[j-1] = c
		}
	}
	return l, true
}

// suggest returns "; did you mean X?" for the key nearest to s, or "".
func suggest(s string, keys []string) string {
	best, bestDist := "", 0
	for _, k := range keys {
		d := schema.EditDistance(strings.ToLower(s), k)
		if d <= max(1, len(k)/3) && (best == "" || d < bestDist) {
			best, bestDist = k, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", best)
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
