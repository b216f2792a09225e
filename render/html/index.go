package html

import (
	"io"
	"path"
	"slices"
	"strconv"
	"strings"

	"spur/report"
	"spur/report/overview"
)

// Index writes the overview of many inspections (spur build:
// OUT/index.html): every inspection with a link to its report, the grades
// per area as a chart and as a table of numbers, the criteria most often
// unmet, the units due for a visit, the last two visits of each unit
// visited more than once, and the compilation per year, each of its
// figures as a chart beside its table.
//
// The overview links the reports in one format, chosen by the registry's
// LinkRank (the Markdown where it is built). index.html links the HTML
// reports instead: spur build writes index.html only when HTML is among
// the chosen formats, and then every inspection in the overview has its
// .html report beside the linked one, so the link's ending is replaced
// (htmlLink).
func Index(w io.Writer, v *overview.View) (warnings []string, err error) {
	l := v.L
	var p page
	p.start(l.Lang, l.Title)
	p.heading(1, l.Title)
	if v.Filter != "" {
		p.raw("<p><strong>")
		p.text(l.Selection + ":")
		p.raw("</strong> ")
		p.text(v.Filter)
		p.raw("</p>\n")
	}
	p.para("", v.Count)
	inspections(&p, v)
	gradesPerArea(&p, v)
	mostUnmet(&p, v)
	nextVisits(&p, v)
	lastTwoVisits(&p, v)
	perYear(&p, v)
	return nil, p.end(w)
}

func inspections(p *page, v *overview.View) {
	l := v.L
	p.raw("<section>\n")
	id := p.heading(2, l.Table)
	if len(v.Rows) == 0 {
		p.para("note", l.NoInspections)
		p.raw("</section>\n")
		return
	}
	p.raw("<table aria-labelledby=\"", id, "\">\n<thead><tr>")
	for _, h := range []string{l.Unit, l.Specialty, l.Region, l.Visit, l.Status} {
		p.raw("<th scope=\"col\">")
		p.text(h)
		p.raw("</th>")
	}
	areaCols(p, v.Areas)
	p.raw("<th scope=\"col\">")
	p.text(l.ActionPlan)
	p.raw("</th></tr></thead>\n<tbody>\n")
	for i := range v.Rows {
		r := &v.Rows[i]
		p.raw("<tr><th scope=\"row\">")
		linked(p, r.Unit, r.Link)
		p.raw("</th>")
		for _, c := range []string{report.Dash(r.Specialty), report.Dash(r.Region), r.Visit, r.Status} {
			p.raw("<td>")
			p.text(c)
			p.raw("</td>")
		}
		for j := range v.Areas {
			g := ""
			if j < len(r.Grades) {
				g = r.Grades[j]
			}
			p.raw("<td class=\"grade\">")
			p.text(report.Dash(g))
			p.raw("</td>")
		}
		p.raw("<td>")
		p.text(r.Plan)
		p.raw("</td></tr>\n")
	}
	p.raw("</tbody>\n</table>\n</section>\n")
}

// htmlLink is the link of an overview row to its HTML report: the linked
// report's path with its ending replaced by ".html". The path is escaped
// already (overview.New); its ending is ASCII.
func htmlLink(link string) string {
	if link == "" {
		return ""
	}
	ext := path.Ext(link)
	if ext == "" || strings.Contains(ext, "/") {
		return link + ".html"
	}
	return strings.TrimSuffix(link, ext) + ".html"
}

func gradesPerArea(p *page, v *overview.View) {
	l := v.L
	p.raw("<section>\n")
	id := p.heading(2, l.GradesPerArea)
	p.para("", l.GradesNote)
	chart(p, v)
	gradeTable(p, v, id, v.Areas)
	p.raw("</section>\n")
}

// gradeTable is a table of the grades per area, labelled by the heading
// id: a row per area, a column per grade and one for none.
func gradeTable(p *page, v *overview.View, id string, areas []overview.AreaGrades) {
	l := v.L
	p.raw("<table aria-labelledby=\"", id, "\">\n")
	cols(p, slices.Concat([]string{l.Area}, v.Grades, []string{l.NoGrade}), len(v.Grades)+1)
	p.raw("<tbody>\n")
	for _, a := range areas {
		p.raw("<tr><th scope=\"row\">")
		p.text(a.Letter + ". " + a.Title)
		p.raw("</th>")
		for _, n := range append(append([]int{}, a.Counts...), a.None) {
			p.raw("<td class=\"num\">", strconv.Itoa(n), "</td>")
		}
		p.raw("</tr>\n")
	}
	p.raw("</tbody>\n</table>\n")
}

func mostUnmet(p *page, v *overview.View) {
	l := v.L
	p.raw("<section>\n")
	id := p.heading(2, l.MostUnmet)
	if len(v.Unmet) == 0 {
		p.para("note", l.NoUnmet)
		p.raw("</section>\n")
		return
	}
	p.para("", l.UnmetNote)
	p.raw("<table aria-labelledby=\"", id, "\">\n")
	cols(p, []string{l.Criterion, l.Kind, l.Count, l.Share}, 2)
	p.raw("<tbody>\n")
	for _, u := range v.Unmet {
		p.raw("<tr><th scope=\"row\"><span class=\"cid\">")
		p.text(u.ID)
		p.raw("</span> ")
		p.text(u.Text)
		p.raw("</th><td>")
		p.text(u.Kind)
		p.raw("</td><td class=\"num\">", strconv.Itoa(u.Count), "</td><td class=\"num\">")
		p.text(u.Share)
		p.raw("</td></tr>\n")
	}
	p.raw("</tbody>\n</table>\n</section>\n")
}

// cols writes a table's header row: the first columns as text, the last
// nums as numbers.
func cols(p *page, names []string, nums int) {
	p.raw("<thead><tr>")
	for i, h := range names {
		if i >= len(names)-nums {
			p.raw("<th scope=\"col\" class=\"num\">")
		} else {
			p.raw("<th scope=\"col\">")
		}
		p.text(h)
		p.raw("</th>")
	}
	p.raw("</tr></thead>\n")
}

// areaCols writes a column header per area: its letter, an abbreviation
// whose title is the letter and the area's title.
func areaCols(p *page, areas []overview.AreaGrades) {
	for _, a := range areas {
		p.raw("<th scope=\"col\" class=\"grade\"><abbr title=\"")
		p.text(a.Letter + ". " + a.Title)
		p.raw("\">")
		p.text(a.Letter)
		p.raw("</abbr></th>")
	}
}

// linked writes text, as a link to a report's HTML where there is one.
func linked(p *page, text, link string) {
	if l := htmlLink(link); l != "" {
		p.raw("<a href=\"", esc(l), "\">")
		p.text(text)
		p.raw("</a>")
		return
	}
	p.text(text)
}

func nextVisits(p *page, v *overview.View) {
	l := v.L
	p.raw("<section>\n")
	id := p.heading(2, l.NextVisits)
	if len(v.Due) == 0 {
		p.para("note", v.NoneDue)
		p.raw("</section>\n")
		return
	}
	p.para("", v.DueNote)
	p.raw("<table aria-labelledby=\"", id, "\">\n")
	cols(p, []string{l.Unit, l.Specialty, l.Region, l.LastVisit, l.NextVisit}, 0)
	p.raw("<tbody>\n")
	for _, d := range v.Due {
		p.raw("<tr><th scope=\"row\">")
		linked(p, d.Unit, d.Link)
		p.raw("</th>")
		for _, c := range []string{report.Dash(d.Specialty), report.Dash(d.Region), d.Last, d.Next} {
			p.raw("<td>")
			p.text(c)
			p.raw("</td>")
		}
		p.raw("</tr>\n")
	}
	p.raw("</tbody>\n</table>\n</section>\n")
}

func lastTwoVisits(p *page, v *overview.View) {
	l := v.L
	p.raw("<section>\n")
	id := p.heading(2, l.Revisits)
	if len(v.Revisits) == 0 {
		p.para("note", l.NoRevisits)
		p.raw("</section>\n")
		return
	}
	p.para("", l.RevisitsNote)
	p.raw("<table aria-labelledby=\"", id, "\">\n<thead><tr>")
	for _, h := range []string{l.Unit, l.PreviousVisit, l.LatestVisit} {
		p.raw("<th scope=\"col\">")
		p.text(h)
		p.raw("</th>")
	}
	areaCols(p, v.Areas)
	p.raw("</tr></thead>\n<tbody>\n")
	for _, r := range v.Revisits {
		// The region under the unit: the table is wide.
		p.raw("<tr><th scope=\"row\">")
		p.text(r.Unit)
		p.raw("<br><small>")
		p.text(report.Dash(r.Region))
		p.raw("</small></th><td>")
		linked(p, r.Previous, r.PreviousLink)
		p.raw("</td><td>")
		linked(p, r.Latest, r.LatestLink)
		p.raw("</td>")
		for j, g := range r.Grades {
			if r.Changed[j] {
				p.raw("<td class=\"grade\"><strong>")
				p.text(g)
				p.raw("</strong></td>")
			} else {
				p.raw("<td class=\"grade\">")
				p.text(g)
				p.raw("</td>")
			}
		}
		p.raw("</tr>\n")
	}
	p.raw("</tbody>\n</table>\n</section>\n")
}

func perYear(p *page, v *overview.View) {
	l := v.L
	p.raw("<section>\n")
	p.heading(2, l.Years)
	if len(v.Years) == 0 {
		p.para("note", l.NoYears)
		p.raw("</section>\n")
		return
	}
	p.para("", l.YearsNote+" "+v.ActionsNote)
	for _, y := range v.Years {
		// A year is in the view once: its charts' ids are unique.
		chartID := func(n int) string { return "chart-" + y.Year + "-" + strconv.Itoa(n) }
		p.raw("<section>\n")
		p.heading(3, y.Year)
		p.para("", y.Count)

		id := p.heading(4, l.GradesPerArea)
		gradeChart(chartID(1), y.Year+" – "+l.GradesPerArea+": "+y.Count, v, y.Grades, y.Units).draw(p)
		gradeTable(p, v, id, y.Grades)

		id = p.heading(4, l.DShare)
		p.para("", l.DShareNote)
		dc := barChart{id: chartID(2), title: y.Year + " – " + l.DShare + ": " + y.Count, names: []string{l.DBefore, l.DAfter},
			fills: dFill[:], scale: y.Units, group: 2}
		for _, d := range y.D {
			t := d.Letter + ". " + d.Title
			dc.bars = append(dc.bars, bar{label: d.Letter, title: t, counts: []int{d.Before, 0}}, bar{title: t, counts: []int{0, d.After}})
		}
		dc.draw(p)
		p.raw("<table aria-labelledby=\"", id, "\">\n")
		cols(p, []string{l.Area, l.DBefore, l.ShareBefore, l.DAfter, l.ShareAfter}, 4)
		p.raw("<tbody>\n")
		for _, d := range y.D {
			p.raw("<tr><th scope=\"row\">")
			p.text(d.Letter + ". " + d.Title)
			p.raw("</th><td class=\"num\">", strconv.Itoa(d.Before), "</td><td class=\"num\">")
			p.text(d.BeforeShare)
			p.raw("</td><td class=\"num\">", strconv.Itoa(d.After), "</td><td class=\"num\">")
			p.text(d.AfterShare)
			p.raw("</td></tr>\n")
		}
		p.raw("</tbody>\n</table>\n")

		id = p.heading(4, l.Actions)
		if y.Total.Total == 0 {
			p.para("note", l.NoActions)
			p.raw("</section>\n")
			continue
		}
		ac := barChart{id: chartID(3), title: y.Year + " – " + l.Actions, names: v.States, fills: stateFill[:]}
		for _, r := range y.Actions {
			ac.bars = append(ac.bars, bar{label: r.Region, title: r.Region, counts: r.Counts[:]})
			ac.scale = max(ac.scale, r.Total)
		}
		ac.draw(p)
		p.raw("<table aria-labelledby=\"", id, "\">\n")
		cols(p, append(append([]string{l.Region}, v.States...), l.Total), len(v.States)+1)
		p.raw("<tbody>\n")
		for _, r := range append(append([]overview.RegionActions{}, y.Actions...), y.Total) {
			p.raw("<tr><th scope=\"row\">")
			p.text(r.Region)
			p.raw("</th>")
			for _, n := range append(r.Counts[:], r.Total) {
				p.raw("<td class=\"num\">", strconv.Itoa(n), "</td>")
			}
			p.raw("</tr>\n")
		}
		p.raw("</tbody>\n</table>\n</section>\n")
	}
	p.raw("</section>\n")
}
