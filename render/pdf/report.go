package pdf

import (
	"io"
	"strings"

	"spur/report"
)

// Report lays out the whole inspection report and writes it to w. The
// warnings name characters the fonts lack and where they were.
func Report(w io.Writer, r *report.Report) (warnings []string, err error) {
	d := New(meta(r, r.L.Title))
	titleBlock(d, r, r.L.Title, false)
	summary(d, r)
	gradeOverview(d, r)
	for _, g := range r.Groups {
		d.Bookmark(g.Name, 0)
		d.Heading(g.Name, 1)
		for i := range g.Areas {
			area(d, r.L, &g.Areas[i])
		}
	}
	if r.Plan != nil {
		plan(d, r)
	}
	err = d.Output(w)
	return d.Warnings(), err
}

// Plan lays out the action plan alone: the document a unit and a region
// follow the actions up with.
func Plan(w io.Writer, r *report.Report) (warnings []string, err error) {
	d := New(meta(r, r.L.ActionPlanTitle))
	titleBlock(d, r, r.L.ActionPlanTitle, true)
	plan(d, r)
	err = d.Output(w)
	return d.Warnings(), err
}

func meta(r *report.Report, title string) Meta {
	about := []string{"SPUR"}
	for _, s := range []string{r.Unit.Specialty, r.Unit.Region, r.Unit.Organisation} {
		if s != "" {
			about = append(about, s)
		}
	}
	return Meta{
		Title:     title + ": " + r.Unit.Name,
		Author:    strings.Join(r.Inspectors, ", "),
		Subject:   title + ", " + strings.Join(about[1:], ", "),
		Keywords:  strings.Join(append(about, "ST", r.VisitISO), ", "),
		Lang:      r.L.PDFLang,
		Created:   r.Date,
		Header:    r.Unit.Name + " – " + r.Visit,
		PageLabel: r.L.Page,
	}
}

func titleBlock(d *Doc, r *report.Report, title string, plan bool) {
	l := r.L
	d.SetContext("title")
	d.Heading(title, 0)
	d.Heading(r.Unit.Name, 2)
	rows := [][2]string{
		{l.Organisation, r.Unit.Organisation},
		{l.Specialty, r.Unit.Specialty},
		{l.Region, r.Unit.Region},
		{l.Place, r.Unit.Place},
		{l.Visit, r.Visit},
		{l.Inspectors, strings.Join(r.Inspectors, ", ")},
		{l.Catalog, r.Catalog},
		{l.Status, r.Status},
	}
	if plan && r.Plan != nil {
		rows = append(rows, [2]string{l.PlanDate, r.Plan.Date})
	}
	var cells [][]Cell
	for _, kv := range rows {
		if kv[1] == "" {
			continue
		}
		cells = append(cells, []Cell{{Runs: []Run{{Text: kv[0], Bold: true}}, Fill: true}, {Runs: []Run{{Text: kv[1]}}}})
	}
	d.Table([]Column{{Width: 0.32}, {}}, nil, cells)
}

func summary(d *Doc, r *report.Report) {
	l := r.L
	if r.Summary.Empty() {
		return
	}
	d.SetContext(l.Summary)
	d.Bookmark(l.Summary, 0)
	d.Heading(l.Summary, 1)
	list := func(items []string) Cell {
		var b strings.Builder
		for _, it := range items {
			b.WriteString("- " + escape(it) + "\n")
		}
		return Cell{Markdown: b.String()}
	}
	d.Table([]Column{{}, {}, {}},
		[]Cell{{Runs: []Run{{Text: l.Strengths}}}, {Runs: []Run{{Text: l.Weaknesses}}}, {Runs: []Run{{Text: l.Improvements}}}},
		[][]Cell{{list(r.Summary.Strengths), list(r.Summary.Weaknesses), list(r.Summary.Improvements)}})
}

func gradeOverview(d *Doc, r *report.Report) {
	l := r.L
	d.SetContext(l.Overview)
	d.Bookmark(l.Overview, 0)
	d.Heading(l.Overview, 1)
	text := func(s string, bold bool) Cell {
		if s == "" {
			s = "–"
		}
		return Cell{Runs: []Run{{Text: s, Bold: bold}}}
	}
	var rows [][]Cell
	for _, g := range r.Overview {
		rows = append(rows, []Cell{text(g.Letter+". "+g.Title, false), text(g.Computed, false), text(g.Override, false), text(g.Adjusted, false), text(g.Final, true)})
	}
	head := []Cell{text(l.Area, true), text(l.Computed, true), text(l.Override, true), text(l.Adjusted, true), text(l.FinalGrade, true)}
	d.Table([]Column{{}, {Width: 24}, {Width: 28}, {Width: 24}, {Width: 24}}, head, rows)
}

func area(d *Doc, l report.Labels, a *report.Area) {
	d.SetContext(l.Area + " " + a.Letter)
	d.Bookmark(a.Heading, 1)
	d.Heading(a.Heading, 2)
	if strings.TrimSpace(a.Narrative) != "" {
		d.Markdown(a.Narrative)
	}
	if a.Note != "" {
		d.Paragraph(Run{Text: a.Note, Bold: true, Italic: true})
	}
	if a.Override != "" {
		d.Paragraph(Run{Text: l.OverrideNote + ": ", Bold: true}, Run{Text: a.Override + " (" + strings.ToLower(l.Computed) + ": " + dash(a.Computed) + "). "},
			Run{Text: l.Reason + ": ", Italic: true}, Run{Text: a.OverrideReason})
	}
	if a.Intro != "" {
		d.Heading(l.Regulation, 3)
		d.Paragraph(Run{Text: a.Intro})
		if a.IntroLead != "" {
			d.Paragraph(Run{Text: a.IntroLead, Italic: true})
		}
	}
	for _, s := range a.Sections {
		if a.Intro == "" || s.Criteria[0].Kind.Group() != "F" {
			d.Heading(s.Heading, 3)
		}
		for _, c := range s.Criteria {
			label := c.ID + "  " + c.Text
			state := CheckNotMet
			switch c.Result {
			case "met":
				state = CheckMet
			case "not_applicable":
				state = CheckNA
				label += " (" + strings.ToLower(c.ResultLabel) + ")"
			case "":
				label += " (" + strings.ToLower(c.ResultLabel) + ")"
			}
			runs := []Run{{Text: label}}
			if c.Comment != "" {
				runs = append(runs, Run{Text: "\n" + l.Comment + ": ", Italic: true, Bold: true}, Run{Text: c.Comment, Italic: true})
			}
			d.CheckboxRuns(state, runs...)
		}
	}
	d.Heading(l.Grading, 3)
	for _, o := range a.Options {
		state := CheckNotMet
		if o.Chosen {
			state = CheckMet
		}
		d.Checkbox(state, o.Grade+". "+o.Text)
	}
	if a.Adjusted != "" && !hasOption(a, a.Adjusted) {
		d.Paragraph(Run{Text: a.Note, Italic: true})
	}
	if len(a.Reasons) > 0 {
		var b strings.Builder
		b.WriteString("*" + escape(l.Explanation) + ":*\n\n")
		for _, r := range a.Reasons {
			b.WriteString("- " + escape(r) + "\n")
		}
		d.Markdown(b.String())
	}
}

func hasOption(a *report.Area, g string) bool {
	for _, o := range a.Options {
		if o.Grade == g {
			return true
		}
	}
	return false
}

func plan(d *Doc, r *report.Report) {
	l := r.L
	d.SetContext(l.Plan)
	d.Bookmark(l.Plan, 0)
	d.Heading(l.Plan, 1)
	d.Paragraph(Run{Text: r.Plan.Intro})
	if len(r.Plan.Entries) == 0 {
		d.Paragraph(Run{Text: l.NoPlanEntries, Italic: true})
	}
	field := func(label, value, read string) []Cell {
		runs := []Run{{Text: value}}
		if read != "" {
			runs = append(runs, Run{Text: " (" + l.Normalised + " " + read + ")", Italic: true})
		}
		return []Cell{{Runs: []Run{{Text: label, Bold: true}}, Fill: true}, {Runs: runs}}
	}
	for i, e := range r.Plan.Entries {
		d.SetContext(l.Plan + " " + e.CriterionID)
		if i == 0 || r.Plan.Entries[i-1].AreaHeading != e.AreaHeading {
			d.Heading(e.AreaHeading, 2)
		}
		head := []Cell{{Runs: []Run{{Text: e.CriterionID}}}, {Runs: []Run{{Text: e.CriterionText}}}}
		action := Cell{Markdown: e.Action}
		if strings.TrimSpace(e.Action) == "" {
			action = Cell{Runs: []Run{{Text: "–"}}}
		}
		rows := [][]Cell{
			{{Runs: []Run{{Text: l.PlanAction, Bold: true}}, Fill: true}, action},
			field(l.PlanDue, e.Due, e.DueRead),
			field(l.PlanResponsible, e.Responsible, ""),
			field(l.PlanFollowUp, e.FollowUp, e.FollowUpRead),
			field(l.PlanFollowUpBy, e.FollowUpBy, ""),
		}
		d.Table([]Column{{Width: 0.3}, {}}, head, rows)
		d.Space(3)
	}
}

func dash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

// escape makes s literal text in Markdown: every ASCII punctuation
// character is backslash-escaped, which CommonMark allows for all of them.
func escape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 128 && strings.ContainsRune("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
