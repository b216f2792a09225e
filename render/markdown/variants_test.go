package markdown

import (
	"strings"
	"testing"

	"spur/report"
)

// TestVariants: what the fixture does not show, in the shape chosen for it.
func TestVariants(t *testing.T) {
	r := build(t, "sv")
	a := &r.Groups[0].Areas[0]
	a.Override, a.OverrideReason, a.Final = "A", "Kalibreringsmöte | beslut", "A"
	for i := range a.Options {
		a.Options[i].Chosen = a.Options[i].Grade == "A"
	}
	crit := a.Parts[0].Criteria
	crit[1].State, crit[1].ResultLabel = report.NotApplicable, "Ej tillämpligt"
	crit[2].State, crit[2].ResultLabel = report.Unassessed, "Ej bedömt"
	r.Summary.Strengths, r.Summary.Weaknesses, r.Summary.Improvements = nil, nil, nil
	r.Unit.Organisation = ""
	r.Plan.Entries = nil

	md := string(render(t, r, false))
	for _, want := range []string{
		"\n**Inspektörernas gradering:** A (beräknad: B). *Motivering:* Kalibreringsmöte \\| beslut\n",
		"\n- [ ] **A2** ~~Vårdgivaren tillhandahåller skriftliga riktlinjer för hur bedömning av ST-läkarens kompetens ska göras.~~ *(ej tillämpligt)*\n",
		"\n- [ ] **A3** Tjänstgöringen är tillräckligt allsidig. *(ej bedömt)*\n",
		"\n- **A. Socialstyrelsens föreskrifter och allmänna råd följs. Övriga kvalitetsindikatorer är uppfyllda, men enstaka undantag kan förekomma.** *(vald)*\n",
		"\n*Handlingsplanen har inga åtgärder.*\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("missing %q", want)
		}
	}
	for _, not := range []string{"## Sammanfattning", "Vårdgivare:"} {
		if strings.Contains(md, not) {
			t.Errorf("%q should be left out", not)
		}
	}
	s := parseShape(t, []byte(md))
	if s.Tables != 1 || s.Checked != 49 || s.Unchecked != 25 {
		t.Errorf("%d tables, %d/%d tasks", s.Tables, s.Checked, s.Unchecked)
	}
	for _, task := range s.Tasks[:3] {
		if strings.Contains(task, "  ") {
			t.Errorf("task %q", task)
		}
	}
	if plan := string(render(t, r, true)); !strings.HasSuffix(plan, "följande handlingsplan.\n\n*Handlingsplanen har inga åtgärder.*\n") {
		t.Errorf("empty plan:\n%s", plan)
	}
}
