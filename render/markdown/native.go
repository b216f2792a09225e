package markdown

import (
	"bytes"
	"strings"

	"spur/report"
)

// The embedded templates, written in Go: report.md.tmpl and
// actionplan.md.tmpl with common.md.tmpl, line for line, for the renderer
// of the embedded templates (text/template's interpretation was a tenth of
// a build's time). The templates stay the documents' definition and what
// a --templates DIR starts from; TestNativeAsTemplates renders the
// fixtures, a corpus and random reports both ways and requires the same
// bytes after tidy. A change to a template needs the same change here.

// mdw writes the lines of a document; tidy then drops trailing spaces and
// runs of blank lines, as after a template.
type mdw struct{ b *bytes.Buffer }

// line writes its parts and a line break.
func (w mdw) line(parts ...string) {
	for _, p := range parts {
		w.b.WriteString(p)
	}
	w.b.WriteByte('\n')
}

func (w mdw) blank() { w.b.WriteByte('\n') }

// row is a table row of plain texts, each escaped.
func (w mdw) row(cells ...string) {
	for _, c := range cells {
		w.b.WriteString("| ")
		w.b.WriteString(Escape(c))
		w.b.WriteByte(' ')
	}
	w.b.WriteString("|\n")
}

// field is {{with V}}- **{{esc LABEL}}:** {{esc .}}{{end}}.
func (w mdw) field(label, v string) {
	if v != "" {
		w.line("- **", Escape(label), ":** ", Escape(v))
	}
}

// nativeReport is report.md.tmpl.
func nativeReport(b *bytes.Buffer, r *report.Report) {
	w, L := mdw{b}, r.L
	w.line("# ", Escape(L.Title))
	w.blank()
	nativeHeader(w, r)
	if !r.Summary.Empty() {
		w.blank()
		w.line("## ", Escape(L.Summary))
		w.blank()
		w.row(L.Strengths, L.Weaknesses, L.Improvements)
		w.line("| --- | --- | --- |")
		for _, row := range r.Summary.Rows() {
			w.row(row[:]...)
		}
	}
	w.blank()
	w.line("## ", Escape(L.Overview))
	w.blank()
	w.row(L.Area, L.Computed, L.Override, L.Adjusted, L.FinalGrade)
	w.line("| --- | :-: | :-: | :-: | :-: |")
	for _, g := range r.Overview {
		w.line("| ", Escape(g.Letter), ". ", Escape(g.Title), " | ", Escape(report.Dash(g.Computed)), " | ", Escape(report.Dash(g.Override)),
			" | ", Escape(report.Dash(g.Adjusted)), " | **", Escape(report.Dash(g.Final)), "** |")
	}
	if r.Comparison != nil {
		w.blank()
		nativeComparison(w, r)
	}
	for _, g := range r.Groups {
		w.blank()
		w.line("## ", Escape(g.Name))
		for _, a := range g.Areas {
			w.blank()
			nativeArea(w, L, a)
		}
	}
	if p := r.Plan; p != nil {
		w.blank()
		w.line("## ", Escape(L.Plan))
		w.blank()
		w.line(Escape(p.Intro))
		if p.Date != "" {
			w.blank()
			w.line("**", Escape(L.PlanDate), ":** ", Escape(p.Date))
		}
		w.blank()
		nativePlan(w, planAt(r, 3))
	}
}

// nativeHeader is the template "header".
func nativeHeader(w mdw, r *report.Report) {
	L := r.L
	w.line("- **", Escape(L.Unit), ":** ", Escape(r.Unit.Name))
	w.field(L.Organisation, r.Unit.Organisation)
	w.field(L.Specialty, r.Unit.Specialty)
	w.field(L.Region, r.Unit.Region)
	w.field(L.Place, r.Unit.Place)
	w.field(L.Visit, r.Visit)
	if len(r.Inspectors) > 0 {
		w.line("- **", Escape(L.Inspectors), ":** ", Escape(strings.Join(r.Inspectors, ", ")))
	}
	w.field(L.Catalog, r.Catalog)
	w.line("- **", Escape(L.Status), ":** ", Escape(r.Status))
}

// nativeArea is the template "area".
func nativeArea(w mdw, L report.Labels, a report.Area) {
	w.line("### ", Escape(a.Heading))
	w.blank()
	w.line(Safe(a.Narrative))
	if a.Note != "" {
		w.blank()
		w.line("*", Lines("", a.Note), "*")
	}
	if a.Override != "" {
		w.blank()
		s := "**" + Escape(L.OverrideNote) + ":** " + Escape(a.Override) + " (" + Escape(strings.ToLower(L.Computed)) + ": " + Escape(report.Dash(a.Computed)) + ")."
		if reason := Escape(a.OverrideReason); reason != "" {
			s += " *" + Escape(L.Reason) + ":* " + reason
		}
		w.line(s)
	}
	for _, p := range a.Parts {
		w.blank()
		w.line("#### ", Escape(p.Heading))
		if p.Intro != "" {
			w.blank()
			w.line(Escape(p.Intro))
		}
		if p.Lead != "" {
			w.blank()
			w.line("*", Escape(p.Lead), "*")
		}
		w.blank()
		for _, c := range p.Criteria {
			s := "- " + box(c) + " **" + Escape(c.ID) + "** "
			switch {
			case c.State == report.NotApplicable:
				s += "~~" + Escape(c.Text) + "~~ *(" + Escape(strings.ToLower(c.ResultLabel)) + ")*"
			case c.State == report.Unassessed:
				s += Escape(c.Text) + " *(" + Escape(strings.ToLower(c.ResultLabel)) + ")*"
			default:
				s += Escape(c.Text)
			}
			if comment := Lines("  ", c.Comment); comment != "" {
				s += "\\\n  *" + Escape(L.Comment) + ":* " + comment
			}
			w.line(s)
		}
	}
	w.blank()
	w.line("#### ", Escape(L.Grading))
	w.blank()
	for _, o := range a.Options {
		if o.Chosen {
			w.line("- **", Escape(o.Grade), ". ", Escape(o.Text), "** *(", Escape(L.Chosen), ")*")
		} else {
			w.line("- ", Escape(o.Grade), ". ", Escape(o.Text))
		}
	}
	if a.Unlisted() {
		w.blank()
		s := "**" + Escape(L.FinalGrade) + ": " + Escape(a.Final) + "**"
		if a.Note != "" {
			s += " *" + Lines("", a.Note) + "*"
		}
		w.line(s)
	}
	if len(a.Reasons) > 0 {
		w.blank()
		w.line("*", Escape(L.Explanation), ":*")
		w.blank()
		for _, reason := range a.Reasons {
			w.line("- ", Escape(reason))
		}
	}
}

// nativeComparison is the template "comparison".
func nativeComparison(w mdw, r *report.Report) {
	L, c := r.L, r.Comparison
	w.line("## ", Escape(c.Heading))
	w.blank()
	w.line(Escape(c.Intro))
	w.blank()
	w.row(L.Area, L.ComparePrevious, L.CompareCurrent, L.CompareChange)
	w.line("| --- | :-: | :-: | :-: |")
	for _, g := range c.Grades {
		w.line("| ", Escape(g.Letter), ". ", Escape(g.Title), " | ", Escape(report.Dash(g.Previous)), " | **", Escape(report.Dash(g.Current)), "** | ", Escape(report.Dash(g.Change)), " |")
	}
	changes := func(heading, lead string, list []report.CriterionChange) {
		w.blank()
		w.line("### ", Escape(heading))
		w.blank()
		w.line("*", Escape(lead), "*")
		w.blank()
		for _, ch := range list {
			w.line(changeLine(ch))
		}
		if len(list) == 0 {
			w.line(Escape(L.CompareNone))
		}
	}
	changes(L.NewlyUnmet, L.NewlyUnmetLead, c.NewlyUnmet)
	changes(L.NewlyMet, L.NewlyMetLead, c.NewlyMet)
	w.blank()
	w.line("### ", Escape(L.StillUnmet))
	w.blank()
	w.line("*", Escape(L.StillUnmetLead), "*")
	for _, s := range c.StillUnmet {
		w.blank()
		w.line("#### ", Escape(s.Heading))
		w.blank()
		w.line(Escape(s.Text))
		for _, e := range s.Actions {
			w.blank()
			w.line("**", Escape(L.EarlierAction), "**")
			w.blank()
			w.line(orDash(Safe(e.Action)))
			w.blank()
			w.row(L.EarlierDue, L.PlanResponsible)
			w.line("| --- | --- |")
			w.line("| ", dated(L, e.Due, e.DueRead), " | ", Escape(report.Dash(e.Responsible)), " |")
		}
		if s.Note != "" {
			w.blank()
			w.line("*", Escape(s.Note), "*")
		}
	}
	if len(c.StillUnmet) == 0 {
		w.blank()
		w.line(Escape(L.CompareNone))
	}
	w.blank()
	if len(c.Uncompared) > 0 {
		w.line("### ", Escape(L.Uncompared))
		w.blank()
		w.line("*", Escape(L.UncomparedLead), "*")
		w.blank()
		for _, ch := range c.Uncompared {
			w.line(changeLine(ch))
		}
	}
}

// changeLine is a criterion in a list of the comparison.
func changeLine(c report.CriterionChange) string {
	s := "- **" + Escape(c.ID) + "** " + Escape(c.Text)
	if c.Note != "" {
		s += " *(" + Escape(c.Note) + ")*"
	}
	return s
}

// orDash is {{with md .Action}}{{.}}{{else}}–{{end}}.
func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

// dated is {{esc (dash .Due)}}{{with .DueRead}} *({{esc $.L.Normalised}} {{esc .}})*{{end}}.
func dated(L report.Labels, v, read string) string {
	s := Escape(report.Dash(v))
	if read != "" {
		s += " *(" + Escape(L.Normalised) + " " + Escape(read) + ")*"
	}
	return s
}

// nativePlan is the template "plan".
func nativePlan(w mdw, a PlanArgs) {
	L := a.L
	areas := a.Plan.ByArea()
	for _, pa := range areas {
		if pa.Heading != "" {
			w.blank()
			w.line(a.AreaMark, " ", Escape(pa.Heading))
		}
		for _, e := range pa.Entries {
			w.blank()
			w.line(a.EntryMark, " ", Escape(e.Heading))
			if e.CriterionText != "" {
				w.blank()
				w.line(Escape(e.CriterionText))
			}
			w.blank()
			w.line("**", Escape(L.PlanAction), "**")
			w.blank()
			w.line(orDash(Safe(e.Action)))
			w.blank()
			w.row(L.PlanDue, L.PlanResponsible, L.PlanFollowUp, L.PlanFollowUpBy)
			w.line("| --- | --- | --- | --- |")
			w.line("| ", dated(L, e.Due, e.DueRead), " | ", Escape(report.Dash(e.Responsible)),
				" | ", dated(L, e.FollowUp, e.FollowUpRead), " | ", Escape(report.Dash(e.FollowUpBy)), " |")
			if e.LastFollowUp != nil {
				w.blank()
				w.line("**", Escape(L.LastFollowUp), ":** ", Lines("", e.LastFollowUp.Line()))
			}
			if earlier := e.EarlierLines(); earlier != "" {
				w.blank()
				w.line("**", Escape(L.EarlierFollowUps), ":** ", Lines("", earlier))
			}
		}
	}
	if len(areas) == 0 {
		w.blank()
		w.line("*", Escape(L.NoPlanEntries), "*")
	}
}

// nativePlanDoc is actionplan.md.tmpl.
func nativePlanDoc(b *bytes.Buffer, r *report.Report) {
	w, L := mdw{b}, r.L
	w.line("# ", Escape(L.ActionPlanTitle))
	w.blank()
	w.line("- **", Escape(L.Unit), ":** ", Escape(r.Unit.Name))
	w.field(L.Organisation, r.Unit.Organisation)
	w.field(L.Specialty, r.Unit.Specialty)
	w.field(L.Region, r.Unit.Region)
	w.field(L.Visit, r.Visit)
	w.field(L.PlanDate, r.Plan.Date)
	w.blank()
	w.line(Escape(r.Plan.Intro))
	w.blank()
	nativePlan(w, planAt(r, 2))
}
