package pdf

import (
	"io"
	"strings"

	"spur/report"
)

// Renderer sets the documents in a family of fonts: its zero value in
// DefaultFonts, Renderer{Fonts: house} in an inspection body's own.
type Renderer struct {
	Fonts *Fonts
}

// Report lays out the whole inspection report and writes it to w. The
// warnings name characters the fonts lack and where they were.
func Report(w io.Writer, r *report.Report) (warnings []string, err error) {
	return Renderer{}.Report(w, r)
}

// Plan lays out the action plan alone: the document a unit and a region
// follow the actions up with.
func Plan(w io.Writer, r *report.Report) (warnings []string, err error) {
	return Renderer{}.Plan(w, r)
}

// Report is the package's Report in p's fonts.
func (p Renderer) Report(w io.Writer, r *report.Report) (warnings []string, err error) {
	d := reportDoc(r, p.Fonts)
	err = d.Output(w)
	return d.Warnings(), err
}

// Plan is the package's Plan in p's fonts.
func (p Renderer) Plan(w io.Writer, r *report.Report) (warnings []string, err error) {
	d := planDoc(r, p.Fonts)
	err = d.Output(w)
	return d.Warnings(), err
}

func reportDoc(r *report.Report, fs *Fonts) *Doc {
	d := New(meta(r, r.L.Title, fs))
	titleBlock(d, r, r.L.Title, false)
	summary(d, r)
	gradeOverview(d, r)
	if r.Comparison != nil {
		comparison(d, r)
	}
	for _, g := range r.Groups {
		d.Bookmark(g.Name, 0)
		d.Heading(g.Name, 1)
		for i := range g.Areas {
			area(d, r.L, &g.Areas[i])
		}
	}
	if r.Plan != nil {
		plan(d, r, false)
	}
	return d
}

func planDoc(r *report.Report, fs *Fonts) *Doc {
	d := New(meta(r, r.L.ActionPlanTitle, fs))
	titleBlock(d, r, r.L.ActionPlanTitle, true)
	plan(d, r, true)
	return d
}

func meta(r *report.Report, title string, fs *Fonts) Meta {
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
		Fonts:     fs,
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
		cells = append(cells, []Cell{labelCell(kv[0]), {Runs: []Run{{Text: kv[1]}}}})
	}
	d.Table([]Column{{Width: 0.32}, {}}, nil, cells)
}

func summary(d *Doc, r *report.Report) {
	l := r.L
	if r.Summary.Empty() {
		return
	}
	section(d, l.Summary)
	list := func(items []string) Cell { return Cell{Text: bullets(items)} }
	d.Table([]Column{{}, {}, {}},
		[]Cell{{Runs: []Run{{Text: l.Strengths}}}, {Runs: []Run{{Text: l.Weaknesses}}}, {Runs: []Run{{Text: l.Improvements}}}},
		[][]Cell{{list(r.Summary.Strengths), list(r.Summary.Weaknesses), list(r.Summary.Improvements)}})
}

func gradeOverview(d *Doc, r *report.Report) {
	l := r.L
	section(d, l.Overview)
	var rows [][]Cell
	for _, g := range r.Overview {
		rows = append(rows, []Cell{text(g.Letter+". "+g.Title, false), text(g.Computed, false), text(g.Override, false), text(g.Adjusted, false), text(g.Final, true)})
	}
	head := []Cell{text(l.Area, true), text(l.Computed, true), text(l.Override, true), text(l.Adjusted, true), text(l.FinalGrade, true)}
	d.TableWhole([]Column{{}, {Width: 24}, {Width: 28}, {Width: 24}, {Width: 24}}, head, rows)
}

// subheading is a heading under an area, in the outline too, so that the
// outline holds every heading the Markdown has.
func subheading(d *Doc, text string) {
	d.Bookmark(text, 2)
	d.Heading(text, 3)
}

func area(d *Doc, l report.Labels, a *report.Area) {
	d.SetContext(l.Area + " " + a.Letter)
	d.Bookmark(a.Heading, 1)
	d.Heading(a.Heading, 2)
	if !a.Narrative.Empty() {
		d.Text(a.Narrative)
	}
	if a.Note != "" {
		d.Paragraph(Run{Text: a.Note, Bold: true, Italic: true})
	}
	if a.Override != "" {
		d.Paragraph(Run{Text: l.OverrideNote + ": ", Bold: true}, Run{Text: a.Override + " (" + strings.ToLower(l.Computed) + ": " + report.Dash(a.Computed) + "). "},
			Run{Text: l.Reason + ": ", Italic: true}, Run{Text: a.OverrideReason})
	}
	for _, p := range a.Parts {
		subheading(d, p.Heading)
		if p.Intro != "" {
			d.Paragraph(Run{Text: p.Intro})
		}
		if p.Lead != "" {
			d.Paragraph(Run{Text: p.Lead, Italic: true})
		}
		for _, c := range p.Criteria {
			criterion(d, l, c)
		}
	}
	// The grade options and the explanation of the grade are read
	// together: kept on one page.
	d.Keep(func() { grading(d, l, a) })
}

func grading(d *Doc, l report.Labels, a *report.Area) {
	subheading(d, l.Grading)
	for _, o := range a.Options {
		state := CheckNotMet
		if o.Chosen {
			state = CheckMet
		}
		d.Checkbox(state, o.Grade+". "+o.Text)
	}
	if a.Unlisted() {
		runs := []Run{{Text: l.FinalGrade + ": " + a.Final, Bold: true}}
		if a.Note != "" {
			runs = append(runs, Run{Text: " " + a.Note, Italic: true})
		}
		d.Paragraph(runs...)
	}
	if len(a.Reasons) > 0 {
		lead := report.Paragraph{Inlines: []report.Inline{report.Emph{Children: []report.Inline{report.Str(l.Explanation + ":")}}}}
		d.Text(report.Text{Blocks: append([]report.Block{lead}, bullets(a.Reasons).Blocks...)})
	}
}

// criterion is a criterion's box: ticked when met, crossed out when not
// applicable; the label says so where the box alone does not.
func criterion(d *Doc, l report.Labels, c report.Criterion) {
	label := c.ID + "  " + c.Text
	state := CheckNotMet
	switch c.State {
	case report.Met:
		state = CheckMet
	case report.NotApplicable:
		state = CheckNA
		label += " (" + strings.ToLower(c.ResultLabel) + ")"
	case report.Unassessed:
		label += " (" + strings.ToLower(c.ResultLabel) + ")"
	}
	runs := []Run{{Text: label}}
	if c.Comment != "" {
		runs = append(runs, Run{Text: "\n" + l.Comment + ": ", Italic: true, Bold: true}, Run{Text: c.Comment, Italic: true})
	}
	d.CheckboxRuns(state, runs...)
}

// plan lays out the action plan: in the report, as its last section; alone,
// under the document's title, whose table has the plan's date, the areas
// at the outline's top level as in the Markdown.
func plan(d *Doc, r *report.Report, alone bool) {
	l := r.L
	d.SetContext(l.Plan)
	level := 0
	if !alone {
		d.Bookmark(l.Plan, 0)
		d.Heading(l.Plan, 1)
		level = 1
	}
	d.Paragraph(Run{Text: r.Plan.Intro})
	if !alone && r.Plan.Date != "" {
		d.Paragraph(Run{Text: l.PlanDate + ": ", Bold: true}, Run{Text: r.Plan.Date})
	}
	if len(r.Plan.Entries) == 0 {
		d.Paragraph(Run{Text: l.NoPlanEntries, Italic: true})
	}
	for _, pa := range r.Plan.ByArea() {
		if pa.Heading != "" {
			d.SetContext(l.Plan + " " + pa.Heading)
			d.Bookmark(pa.Heading, level)
			d.Heading(pa.Heading, 2)
		}
		for _, e := range pa.Entries {
			d.SetContext(l.Plan + " " + e.CriterionID)
			head := []Cell{{Runs: []Run{{Text: e.CriterionID}}}, {Runs: []Run{{Text: e.CriterionText}}}}
			rows := [][]Cell{
				{labelCell(l.PlanAction), actionCell(e.Action)},
				fieldRow(l, l.PlanDue, e.Due, e.DueRead),
				fieldRow(l, l.PlanResponsible, e.Responsible, ""),
				fieldRow(l, l.PlanFollowUp, e.FollowUp, e.FollowUpRead),
				fieldRow(l, l.PlanFollowUpBy, e.FollowUpBy, ""),
			}
			if f := e.LastFollowUp; f != nil {
				rows = append(rows, fieldRow(l, l.LastFollowUp, f.Line(), ""))
			}
			if earlier := e.EarlierLines(); earlier != "" {
				rows = append(rows, fieldRow(l, l.EarlierFollowUps, earlier, ""))
			}
			// The criterion row is the table's header: repeated on the next
			// page when the entry is split.
			d.Bookmark(e.Heading, level+1)
			d.Heading(e.Heading, 3)
			d.Table([]Column{{Width: 0.3}, {}}, head, rows)
			d.Space(3)
		}
	}
}

// labelCell is the first cell of a row of fields: its label in bold on
// the filled ground.
func labelCell(label string) Cell { return Cell{Runs: []Run{{Text: label, Bold: true}}, Fill: true} }

// actionCell is the cell of an action: its text, or a dash when it has
// none.
func actionCell(action report.Text) Cell {
	if action.Empty() {
		return Cell{Runs: []Run{{Text: report.Dash("")}}}
	}
	return Cell{Text: action}
}

// fieldRow is a row of fields of an entry of the plan: the label, then the
// value (a dash when empty) and, when a date was read as another, what it
// was read as in italics.
func fieldRow(l report.Labels, label, value, read string) []Cell {
	runs := []Run{{Text: report.Dash(value)}}
	if read != "" {
		runs = append(runs, Run{Text: " (" + l.Normalised + " " + read + ")", Italic: true})
	}
	return []Cell{labelCell(label), {Runs: runs}}
}

// bullets is a tight bullet list of texts, one item each.
func bullets(items []string) report.Text {
	l := report.List{Tight: true}
	for _, it := range items {
		var ins []report.Inline
		if it = strings.TrimSpace(it); it != "" {
			ins = []report.Inline{report.Str(it)}
		}
		l.Items = append(l.Items, []report.Block{report.Paragraph{Inlines: ins}})
	}
	if len(l.Items) == 0 {
		return report.Text{}
	}
	return report.Text{Blocks: []report.Block{l}}
}
