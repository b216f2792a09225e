package markdown

import (
	"bytes"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"spur/corpus"
	"spur/grade"
	"spur/input"
	"spur/report"
	"spur/report/compose"
)

// templated is the renderer of the embedded templates that executes them,
// as a renderer of a --templates DIR does.
func templated(t *testing.T) *Renderer {
	t.Helper()
	m, err := NewFS(nil)
	if err != nil {
		t.Fatal(err)
	}
	if m.goReport == nil || m.goPlan == nil {
		t.Fatal("the embedded templates are not written natively")
	}
	m.goReport, m.goPlan = nil, nil
	return m
}

// sameBothWays renders r with the Go form of the templates and by
// executing them, and fails on the first document that differs.
func sameBothWays(t *testing.T, tm *Renderer, r *report.Report, what string) {
	t.Helper()
	native, err := New("")
	if err != nil {
		t.Fatal(err)
	}
	docs := []struct {
		name string
		f    func(*Renderer) func(*bytes.Buffer) error
	}{
		{"report", func(m *Renderer) func(*bytes.Buffer) error {
			return func(b *bytes.Buffer) error { return m.Report(b, r) }
		}},
		{"plan", func(m *Renderer) func(*bytes.Buffer) error {
			return func(b *bytes.Buffer) error { return m.Plan(b, r) }
		}},
	}
	for _, d := range docs {
		var got, want bytes.Buffer
		errGot, errWant := d.f(native)(&got), d.f(tm)(&want)
		if (errGot == nil) != (errWant == nil) {
			t.Fatalf("%s, %s: error %v, the template's %v", what, d.name, errGot, errWant)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("%s, %s: the Go form differs from the template at line %d:\n%s", what, d.name, diffLine(got.Bytes(), want.Bytes()), nativeDiff(got.Bytes(), want.Bytes()))
		}
	}
}

func diffLine(a, b []byte) int {
	la, lb := bytes.Split(a, []byte("\n")), bytes.Split(b, []byte("\n"))
	for i := range min(len(la), len(lb)) {
		if !bytes.Equal(la[i], lb[i]) {
			return i + 1
		}
	}
	return min(len(la), len(lb)) + 1
}

func nativeDiff(a, b []byte) string {
	la, lb := bytes.Split(a, []byte("\n")), bytes.Split(b, []byte("\n"))
	i := diffLine(a, b) - 1
	from := max(i-3, 0)
	line := func(ls [][]byte, j int) string {
		if j < len(ls) {
			return string(ls[j])
		}
		return "(end)"
	}
	s := ""
	for j := from; j <= i+2; j++ {
		s += "  go:       " + line(la, j) + "\n  template: " + line(lb, j) + "\n"
	}
	return s
}

// TestNativeAsTemplates: the Go form of the embedded templates writes
// what executing them writes, byte for byte: for the fixture in both
// languages, for a corpus of inspections with revisits (the comparison)
// and follow-ups, and for random reports that take every branch.
func TestNativeAsTemplates(t *testing.T) {
	tm := templated(t)
	for _, lang := range []string{"sv", "en"} {
		sameBothWays(t, tm, build(t, lang), "fixture "+lang)
	}
	dir := t.TempDir()
	paths, err := corpus.GenerateWith(filepath.Join(dir, "in"), 40, 3, corpus.Options{Revisits: true, FollowUps: true})
	if err != nil {
		t.Fatal(err)
	}
	byUnit := map[string]*input.Inspection{}
	compared := 0
	for _, p := range paths {
		in, err := input.File(p, grade.DefaultPolicy())
		if err != nil || !in.OK() {
			t.Fatalf("%s: %v %v", p, err, in.Diags)
		}
		r := compose.Report(in.Inspection, in.Grades, report.Options{})
		if prev := byUnit[in.Unit.Identity()]; prev != nil && prev.Visit.Time().Before(in.Visit.Time()) {
			compose.Compare(r, in.Inspection, in.Grades, prev.Inspection, prev.Grades)
			compared++
		}
		byUnit[in.Unit.Identity()] = in
		sameBothWays(t, tm, r, p)
	}
	if compared == 0 {
		t.Fatal("no report of the corpus has a comparison")
	}
	rng := rand.New(rand.NewPCG(4, 2))
	for i := range 400 {
		sameBothWays(t, tm, randomReport(rng, i%2 == 0), "random report "+string(rune('0'+i%10)))
	}
}

// pick is one of the strings a random report is made of: empty, blank,
// Markdown's special characters, line breaks, long text.
func pick(rng *rand.Rand) string {
	pool := []string{"", "", " ", "Text", "Åtgärd krävs", "a | b", "*stjärna* och _under_", "`kod`", "# rubrik", "1. första",
		"- punkt", "rad ett\nrad två", "rad\n\nstycke", "  indrag  ", "<b>html</b>", "[x] ruta", "\\snedstreck", "–", "B", "C", "D",
		"https://example.org/a_b", "lång text som fortsätter och fortsätter över flera ord i en mening"}
	return pool[rng.IntN(len(pool))]
}

func pickList(rng *rand.Rand, n int) []string {
	var l []string
	for range rng.IntN(n + 1) {
		l = append(l, pick(rng))
	}
	return l
}

func randomText(rng *rand.Rand) report.Text {
	var t report.Text
	for range rng.IntN(3) {
		inl := func() []report.Inline {
			var ins []report.Inline
			for j := range 1 + rng.IntN(4) {
				switch rng.IntN(6) {
				case 0:
					ins = append(ins, report.Emph{Children: []report.Inline{report.Str("kursiv")}})
				case 1:
					ins = append(ins, report.Strong{Children: []report.Inline{report.Str("fet")}})
				case 2:
					ins = append(ins, report.Code("x|y"))
				case 3:
					ins = append(ins, report.Link{URL: "https://example.org", Children: []report.Inline{report.Str("länk")}})
				case 4:
					if j > 0 {
						ins = append(ins, report.LineBreak{}, report.Str("efter"))
					}
				default:
					ins = append(ins, report.Str(pick(rng)+" ord"))
				}
			}
			return ins
		}
		if rng.IntN(3) == 0 {
			l := report.List{Ordered: rng.IntN(2) == 0, Start: 1 + rng.IntN(3), Tight: rng.IntN(2) == 0}
			for range 1 + rng.IntN(3) {
				l.Items = append(l.Items, []report.Block{report.Paragraph{Inlines: inl()}})
			}
			t.Blocks = append(t.Blocks, l)
		} else {
			t.Blocks = append(t.Blocks, report.Paragraph{Inlines: inl()})
		}
	}
	return t
}

func randomEntry(rng *rand.Rand) report.PlanEntry {
	e := report.PlanEntry{Heading: pick(rng), AreaHeading: []string{"", "C. Lokaler", "D. Utbildning"}[rng.IntN(3)],
		CriterionText: pick(rng), Action: randomText(rng), Due: pick(rng), DueRead: pick(rng), Responsible: pick(rng),
		FollowUp: pick(rng), FollowUpRead: pick(rng), FollowUpBy: pick(rng)}
	if rng.IntN(2) == 0 {
		e.LastFollowUp = &report.FollowUp{Date: pick(rng), Status: pick(rng), Note: pick(rng), By: pick(rng)}
		for range rng.IntN(3) {
			e.EarlierFollowUps = append(e.EarlierFollowUps, report.FollowUp{Date: pick(rng), Status: pick(rng), Note: pick(rng), By: pick(rng)})
		}
	}
	return e
}

func randomChanges(rng *rand.Rand) []report.CriterionChange {
	var l []report.CriterionChange
	for range rng.IntN(3) {
		l = append(l, report.CriterionChange{ID: pick(rng), Text: pick(rng), Note: pick(rng)})
	}
	return l
}

// randomReport is a report with every part present or not, at random.
func randomReport(rng *rand.Rand, en bool) *report.Report {
	lang := "sv"
	if en {
		lang = "en"
	}
	L, _ := report.LabelsFor(lang)
	r := &report.Report{L: L, Unit: report.Unit{Name: pick(rng), Organisation: pick(rng), Specialty: pick(rng), Region: pick(rng), Place: pick(rng)},
		Visit: pick(rng), Inspectors: pickList(rng, 3), Catalog: pick(rng), Status: pick(rng),
		Summary: report.Summary{Strengths: pickList(rng, 3), Weaknesses: pickList(rng, 2), Improvements: pickList(rng, 3)}}
	for range rng.IntN(4) {
		r.Overview = append(r.Overview, report.GradeRow{Letter: pick(rng), Title: pick(rng), Computed: pick(rng), Override: pick(rng), Adjusted: pick(rng), Final: pick(rng)})
	}
	for range rng.IntN(3) {
		g := report.Group{Name: pick(rng)}
		for range rng.IntN(3) {
			a := report.Area{Letter: pick(rng), Title: pick(rng), Heading: pick(rng), Narrative: randomText(rng), Computed: pick(rng),
				Override: pick(rng), OverrideReason: pick(rng), Adjusted: pick(rng), Final: pick(rng), Note: pick(rng), Reasons: pickList(rng, 3)}
			for range rng.IntN(3) {
				p := report.Part{Heading: pick(rng), Intro: pick(rng), Lead: pick(rng)}
				for range rng.IntN(4) {
					st := report.State(rng.IntN(4))
					p.Criteria = append(p.Criteria, report.Criterion{ID: pick(rng), Text: pick(rng), Comment: pick(rng), State: st, ResultLabel: st.Label(L)})
				}
				a.Parts = append(a.Parts, p)
			}
			for _, gr := range []string{"A", "B", "C", "D"}[:rng.IntN(5)] {
				a.Options = append(a.Options, report.Option{Grade: gr, Text: pick(rng), Chosen: gr == a.Final})
			}
			g.Areas = append(g.Areas, a)
		}
		r.Groups = append(r.Groups, g)
	}
	if rng.IntN(4) > 0 {
		r.Plan = &report.Plan{Intro: pick(rng), Date: pick(rng)}
		for range rng.IntN(5) {
			r.Plan.Entries = append(r.Plan.Entries, randomEntry(rng))
		}
	}
	if rng.IntN(2) == 0 {
		c := &report.Comparison{Heading: pick(rng), Intro: pick(rng), NewlyUnmet: randomChanges(rng), NewlyMet: randomChanges(rng), Uncompared: randomChanges(rng)}
		for range rng.IntN(3) {
			c.Grades = append(c.Grades, report.GradeChange{Letter: pick(rng), Title: pick(rng), Previous: pick(rng), Current: pick(rng), Change: pick(rng)})
		}
		for range rng.IntN(3) {
			s := report.StillUnmet{Heading: pick(rng), ID: pick(rng), Text: pick(rng), Note: pick(rng)}
			for range rng.IntN(3) {
				s.Actions = append(s.Actions, randomEntry(rng))
			}
			c.StillUnmet = append(c.StillUnmet, s)
		}
		r.Comparison = c
	}
	return r
}
