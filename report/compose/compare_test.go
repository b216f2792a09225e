package compose_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"spur/grade"
	"spur/input"
	"spur/report"
	"spur/report/compose"
	"spur/report/compose/comparetest"
	"spur/schema"
)

func ids(cs []report.CriterionChange) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.ID)
	}
	return out
}

func stillIDs(cs []report.StillUnmet) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.ID)
	}
	return out
}

// TestCompare compares the fixture with its previous visit and checks the
// view against what the two inspections' lists say.
func TestCompare(t *testing.T) {
	cur, prev := comparetest.Visits(t)
	if cur.Insp.Unit.Identity() != prev.Insp.Unit.Identity() {
		t.Fatalf("the two visits are not of one unit: %q, %q", cur.Insp.Unit.Identity(), prev.Insp.Unit.Identity())
	}
	if err := schema.CheckPrevious(cur.Insp, prev.Insp); err != nil {
		t.Fatal(err)
	}
	e := comparetest.Expect(t, cur, prev)
	// What the lists say, read by a person: the test's own computation is
	// checked too.
	for name, got := range map[string][]string{"newly unmet": e.NewlyUnmet, "newly met": e.NewlyMet, "still unmet": e.StillUnmet} {
		want := map[string]string{
			"newly unmet": "C1 D13 E5 E6 E11 E12 G1 G2 G10 H2 H4 H5 H6 H7 H9 H10 H11",
			"newly met":   "B2 B8 F5 H3",
			"still unmet": "A4 D7 E4 E10 F6 H1",
		}[name]
		if strings.Join(got, " ") != want {
			t.Fatalf("the test's %s: %v, want %s", name, got, want)
		}
	}

	r := comparetest.Report(t, "sv")
	c := r.Comparison
	if c == nil {
		t.Fatal("no comparison")
	}
	if c.Heading != "Jämförelse med föregående granskning (14 mars 2023)" || c.VisitISO != "2023-03-14" {
		t.Errorf("heading %q, visit %q", c.Heading, c.VisitISO)
	}
	for _, w := range []string{"14 mars 2023", "SPUR-kriterier 2023 (HSLF-FS 2021:8)", "SPUR-kriterier 2025 (HSLF-FS 2021:8)"} {
		if !strings.Contains(c.Intro, w) {
			t.Errorf("intro %q does not name %q", c.Intro, w)
		}
	}

	// Grades side by side, with the change a reader would name.
	if len(c.Grades) != 8 {
		t.Fatalf("%d grade rows", len(c.Grades))
	}
	rank := func(g string) int { return strings.Index("ABCD", g) }
	for _, g := range c.Grades {
		w := e.Grades[g.Letter]
		if g.Previous != w[0] || g.Current != w[1] {
			t.Errorf("area %s: %s → %s, want %s → %s", g.Letter, g.Previous, g.Current, w[0], w[1])
		}
		want := "oförändrad"
		if rank(w[1]) < rank(w[0]) {
			want = "bättre"
		} else if rank(w[1]) > rank(w[0]) {
			want = "sämre"
		}
		if g.Change != want {
			t.Errorf("area %s: %s → %s is %q, want %q", g.Letter, g.Previous, g.Current, g.Change, want)
		}
	}
	for letter, want := range map[string]string{"B": "C A bättre", "C": "A C sämre", "E": "D C bättre", "H": "C D sämre", "A": "B B oförändrad"} {
		i := slices.IndexFunc(c.Grades, func(g report.GradeChange) bool { return g.Letter == letter })
		if g := c.Grades[i]; g.Previous+" "+g.Current+" "+g.Change != want {
			t.Errorf("area %s: %+v, want %s", letter, g, want)
		}
	}

	if got := ids(c.NewlyUnmet); !slices.Equal(got, e.NewlyUnmet) {
		t.Errorf("newly unmet %v, want %v", got, e.NewlyUnmet)
	}
	if got := ids(c.NewlyMet); !slices.Equal(got, e.NewlyMet) {
		t.Errorf("newly met %v, want %v", got, e.NewlyMet)
	}
	if got := stillIDs(c.StillUnmet); !slices.Equal(got, e.StillUnmet) {
		t.Errorf("still unmet %v, want %v", got, e.StillUnmet)
	}
	if len(c.Uncompared) != 0 {
		t.Errorf("criteria not compared between two catalogues with the same criteria: %+v", c.Uncompared)
	}
	// The earlier state of a newly unmet criterion: met, or not applicable.
	for _, n := range c.NewlyUnmet {
		want := "tidigare: uppfyllt"
		if n.ID == "D13" {
			want = "tidigare: ej tillämpligt"
		}
		if n.Note != want {
			t.Errorf("%s: note %q, want %q", n.ID, n.Note, want)
		}
		if cr, _, _ := cur.Insp.Cat.Criterion(n.ID); n.Text != cr.Text {
			t.Errorf("%s: text %q", n.ID, n.Text)
		}
	}

	// The earlier plan's actions for what is still unmet, as written.
	withAction := map[string]bool{}
	for _, a := range e.Earlier {
		withAction[a.Criterion] = true
		i := slices.IndexFunc(c.StillUnmet, func(s report.StillUnmet) bool { return s.ID == a.Criterion })
		if i < 0 {
			t.Errorf("%s: not still unmet", a.Criterion)
			continue
		}
		s := c.StillUnmet[i]
		if len(s.Actions) != 1 || s.Actions[0].Due != a.Due || s.Note != "" {
			t.Errorf("%s: actions %+v, note %q; want due %q", a.Criterion, s.Actions, s.Note, a.Due)
			continue
		}
		if got, want := flat(plainText(s.Actions[0].Action)), flat(strings.ReplaceAll(a.Action, "- ", "")); got != want {
			t.Errorf("%s: action %q, want %q", a.Criterion, got, want)
		}
	}
	if len(withAction) != 4 {
		t.Errorf("earlier actions for %v, want D7, E4, E10 and H1", withAction)
	}
	for _, s := range c.StillUnmet {
		if !withAction[s.ID] && (s.Note != "Den föregående handlingsplanen har ingen åtgärd för kriteriet." || len(s.Actions) != 0) {
			t.Errorf("%s: no earlier action, but note %q and %d actions", s.ID, s.Note, len(s.Actions))
		}
		if s.Heading != "Kriterium "+s.ID {
			t.Errorf("%s: heading %q", s.ID, s.Heading)
		}
	}
	if d := c.StillUnmet[slices.IndexFunc(c.StillUnmet, func(s report.StillUnmet) bool { return s.ID == "D7" })]; d.Actions[0].DueRead != "2023-12-31" {
		t.Errorf("D7: due read as %q", d.Actions[0].DueRead)
	}

	// English, and the same visits without a previous one.
	en := comparetest.Report(t, "en")
	if en.Comparison.Heading != "Comparison with the previous inspection (14 March 2023)" || en.Comparison.Grades[1].Change != "better" ||
		en.Comparison.NewlyUnmet[0].Note != "previously: met" {
		t.Errorf("English: %q, %q, %q", en.Comparison.Heading, en.Comparison.Grades[1].Change, en.Comparison.NewlyUnmet[0].Note)
	}
	if r := compose.Report(cur.Insp, cur.Grades, report.Options{}); r.Comparison != nil {
		t.Error("a comparison without a previous visit")
	}
}

// TestCompareSameCatalogue: two visits against one catalogue version say
// so, and a previous visit without an action plan says that where an
// action would be.
func TestCompareSameCatalogue(t *testing.T) {
	cur, prev := comparetest.Visits(t)
	prev.Insp.Cat = cur.Insp.Cat
	prev.Insp.ActionPlan = nil
	r := compose.Report(cur.Insp, cur.Grades, report.Options{})
	compose.Compare(r, cur.Insp, cur.Grades, prev.Insp, prev.Grades)
	c := r.Comparison
	if c.Intro != "Föregående granskning av verksamheten gjordes 14 mars 2023 enligt samma kriterieversion som denna." {
		t.Errorf("intro %q", c.Intro)
	}
	for _, s := range c.StillUnmet {
		if s.Note != "Föregående granskning har ingen handlingsplan." || len(s.Actions) != 0 {
			t.Errorf("%s: %+v", s.ID, s)
		}
	}
}

// TestCompareCatalogueChange: where the earlier catalogue lacks a
// criterion, has one this one lacks, or words one otherwise, the
// criterion is listed as not compared, and in none of the other lists.
func TestCompareCatalogueChange(t *testing.T) {
	cur, prev := comparetest.Visits(t)
	// The earlier catalogue, changed: E10 is not in it, D7 has another
	// text, and B11 is in it alone (and was not met).
	old := *prev.Insp.Cat
	old.Version, old.Title = "2019", "SPUR-kriterier 2019"
	old.Areas = slices.Clone(old.Areas)
	for i := range old.Areas {
		a := &old.Areas[i]
		a.Criteria = slices.DeleteFunc(slices.Clone(a.Criteria), func(c schema.Criterion) bool { return c.ID == "E10" })
		for j := range a.Criteria {
			if a.Criteria[j].ID == "D7" {
				a.Criteria[j].Text = "Utbildningsprogrammet följs upp."
			}
		}
		if a.Letter == "B" {
			b11 := schema.Criterion{ID: "B11", Kind: schema.Indicator, Text: "Handledarna träffas varje månad."}
			a.Criteria = append(a.Criteria, b11)
			prev.Insp.Areas["B"].Assessments = append(prev.Insp.Areas["B"].Assessments, schema.Assessment{Criterion: &b11, Result: schema.NotMet})
		}
	}
	prev.Insp.Areas["E"].Assessments = slices.DeleteFunc(prev.Insp.Areas["E"].Assessments, func(a schema.Assessment) bool { return a.Criterion.ID == "E10" })
	prev.Insp.Cat = &old

	r := compose.Report(cur.Insp, cur.Grades, report.Options{})
	compose.Compare(r, cur.Insp, cur.Grades, prev.Insp, prev.Grades)
	c := r.Comparison
	want := []report.CriterionChange{
		{ID: "D7", Note: "ej uppfyllt vid föregående granskning, ej uppfyllt nu; kriteriets text skiljer sig mellan kriterieversionerna"},
		{ID: "E10", Note: "ej uppfyllt nu; finns bara i kriterieversion 2025"},
		{ID: "B11", Text: "Handledarna träffas varje månad.", Note: "ej uppfyllt vid föregående granskning; finns bara i kriterieversion 2019"},
	}
	if len(c.Uncompared) != len(want) {
		t.Fatalf("not compared: %+v", c.Uncompared)
	}
	for i, w := range want {
		g := c.Uncompared[i]
		if g.ID != w.ID || g.Note != w.Note || w.Text != "" && g.Text != w.Text {
			t.Errorf("not compared %d: %+v, want %+v", i, g, w)
		}
	}
	for _, id := range []string{"D7", "E10", "B11"} {
		if slices.Contains(ids(c.NewlyUnmet), id) || slices.Contains(ids(c.NewlyMet), id) || slices.Contains(stillIDs(c.StillUnmet), id) {
			t.Errorf("%s compared across the catalogue versions", id)
		}
	}
	if !strings.Contains(c.Intro, "SPUR-kriterier 2019, denna enligt SPUR-kriterier 2025") {
		t.Errorf("intro %q", c.Intro)
	}
	// The rest is compared as before.
	if got := stillIDs(c.StillUnmet); strings.Join(got, " ") != "A4 E4 F6 H1" {
		t.Errorf("still unmet %v", got)
	}
}

// plainText is the text of t's leaves, blocks separated by spaces.
func plainText(t report.Text) string {
	var b strings.Builder
	var inl func([]report.Inline)
	inl = func(ins []report.Inline) {
		for _, n := range ins {
			switch n := n.(type) {
			case report.Str:
				b.WriteString(string(n))
			case report.Emph:
				inl(n.Children)
			case report.Strong:
				inl(n.Children)
			}
		}
	}
	var blk func([]report.Block)
	blk = func(bs []report.Block) {
		for _, x := range bs {
			switch x := x.(type) {
			case report.Paragraph:
				inl(x.Inlines)
				b.WriteByte(' ')
			case report.List:
				for _, it := range x.Items {
					blk(it)
				}
			}
		}
	}
	blk(t.Blocks)
	return b.String()
}

func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

func ExampleCompare() {
	load := func(path string) (*schema.Inspection, grade.Result) {
		insp, diags, err := input.Load(path)
		if err != nil || diags.HasErrors() {
			panic(fmt.Sprint(err, diags))
		}
		res, _ := grade.Inspection(insp, grade.DefaultPolicy())
		return insp, res
	}
	insp, res := load("../../fixtures/almaklinikens-vardcentral-2025.yaml")
	prev, prevRes := load("testdata/almaklinikens-vardcentral-2023.yaml")
	if err := schema.CheckPrevious(insp, prev); err != nil {
		fmt.Println(err)
		return
	}
	r := compose.Report(insp, res, report.Options{Lang: "en"})
	compose.Compare(r, insp, res, prev, prevRes)
	c := r.Comparison
	fmt.Println(c.Heading)
	fmt.Println(c.Grades[2].Title+":", c.Grades[2].Previous, "→", c.Grades[2].Current, "("+c.Grades[2].Change+")")
	fmt.Println("newly met:", ids(c.NewlyMet))
	fmt.Println("still unmet:", stillIDs(c.StillUnmet))
	// Output:
	// Comparison with the previous inspection (14 March 2023)
	// Lokaler och utrustning: A → C (worse)
	// newly met: [B2 B8 F5 H3]
	// still unmet: [A4 D7 E4 E10 F6 H1]
}
