package markdown

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"spur/followup/view"
	"spur/report"
)

// Followup writes the follow-up list of spur followup: the counts per
// region, the units due for their next visit as a table, then per region,
// unit and responsible every action with its state, its dates and its
// latest follow-up. Every text from an inspection
// is escaped (Escape, Safe), so nothing a unit wrote can open a heading, a
// table or HTML. It is written in Go rather than as a template: the list
// is spur's own document, not one an inspection body restyles.
func Followup(w io.Writer, l *view.List) error {
	var b bytes.Buffer
	L := l.L
	fmt.Fprintf(&b, "# %s\n\n%s\n\n", Escape(L.Title), Escape(l.Intro))
	if l.Filter != "" {
		fmt.Fprintf(&b, "**%s:** %s\n\n", Escape(L.Selection), Escape(l.Filter))
	}
	fmt.Fprintf(&b, "%s\n\n", Escape(l.Count))
	if len(l.Failed) > 0 {
		fmt.Fprintf(&b, "%s\n\n", Escape(L.Failed))
		for _, f := range l.Failed {
			fmt.Fprintf(&b, "- %s\n", Escape(f))
		}
		b.WriteString("\n")
	}

	fmt.Fprintf(&b, "## %s\n\n", Escape(L.Summary))
	b.WriteString("| " + Escape(L.Region) + " |")
	for _, s := range l.StateNames {
		b.WriteString(" " + Escape(s) + " |")
	}
	b.WriteString(" " + Escape(L.Total) + " |\n| --- |" + strings.Repeat(" --: |", len(l.StateNames)+1) + "\n")
	row := func(name string, c view.Counts, strong bool) {
		if strong {
			name = "**" + name + "**"
		}
		b.WriteString("| " + name + " |")
		for _, n := range c {
			b.WriteString(" " + strconv.Itoa(n) + " |")
		}
		b.WriteString(" " + strconv.Itoa(c.Total()) + " |\n")
	}
	for _, r := range l.Regions {
		row(Escape(r.Name), r.Counts, false)
	}
	row(Escape(L.AllRegions), l.Total, true)
	b.WriteString("\n")
	if len(l.Regions) == 0 {
		fmt.Fprintf(&b, "*%s*\n\n", Escape(L.NoActions))
	}
	followupVisits(&b, l)

	for _, r := range l.Regions {
		fmt.Fprintf(&b, "## %s\n\n", Escape(r.Name))
		for _, u := range r.Units {
			followupUnit(&b, L, &u)
		}
	}
	return flush(w, b.Bytes())
}

// followupVisits is the table of the units due for their next visit, or
// a line that says there is none.
func followupVisits(b *bytes.Buffer, l *view.List) {
	L := l.L
	fmt.Fprintf(b, "## %s\n\n", Escape(L.NextVisits))
	if len(l.Visits) == 0 {
		fmt.Fprintf(b, "*%s*\n\n", Escape(l.NoVisits))
		return
	}
	fmt.Fprintf(b, "%s\n\n", Escape(l.VisitsNote))
	w := mdw{b}
	w.row(L.Unit, L.Region, L.LastVisit, L.NextVisit, L.State)
	b.WriteString("| --- | --- | --- | --- | --- |\n")
	for _, v := range l.Visits {
		w.row(report.Dash(v.Name), v.Region, v.Last, v.Next, v.StateName)
	}
	b.WriteString("\n")
}

func followupUnit(b *bytes.Buffer, L view.Labels, u *view.Unit) {
	fmt.Fprintf(b, "### %s\n\n", Escape(u.Heading))
	var facts []string
	for _, f := range [][2]string{
		{L.Organisation, u.Organisation}, {L.Specialty, u.Specialty}, {L.UnitID, u.ID}, {L.PlanDate, u.PlanDate},
	} {
		if f[1] != "" {
			facts = append(facts, Escape(f[0])+": "+Escape(f[1]))
		}
	}
	if len(facts) > 0 {
		b.WriteString(strings.Join(facts, " · ") + "\n\n")
	}
	for _, g := range u.Groups {
		fmt.Fprintf(b, "#### %s: %s\n\n", Escape(L.Responsible), Escape(g.Responsible))
		for _, a := range g.Actions {
			followupAction(b, L, &a)
		}
	}
}

func followupAction(b *bytes.Buffer, L view.Labels, a *view.Action) {
	fmt.Fprintf(b, "##### %s – %s\n\n", Escape(a.Criterion), Escape(a.StateName))
	if a.CriterionText != "" {
		if a.Area != "" {
			fmt.Fprintf(b, "*%s* · ", Escape(a.Area))
		}
		fmt.Fprintf(b, "%s\n\n", Escape(a.CriterionText))
	}
	w := mdw{b}
	w.field(L.State, a.Status)
	w.field(L.Due, a.DueShown)
	w.field(L.FollowUp, a.FollowUpShown)
	w.field(L.FollowUpBy, a.FollowUpBy)
	if r := a.Latest; r != nil {
		w.field(L.Latest, r.Line)
	}
	b.WriteString("\n")
	if !a.Action.Empty() {
		fmt.Fprintf(b, "**%s:**\n\n%s\n\n", Escape(L.Action), Safe(a.Action))
	}
}
