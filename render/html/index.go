package html

import (
	"io"
	"path"
	"strconv"
	"strings"

	"spur/report"
	"spur/report/overview"
)

// Index writes the overview of many inspections (spur build:
// OUT/index.html): every inspection with a link to its report, the grades
// per area as a chart and as a table of numbers, and the criteria most
// often unmet.
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
	for _, a := range v.Areas {
		p.raw("<th scope=\"col\" class=\"grade\"><abbr title=\"")
		p.text(a.Letter + ". " + a.Title)
		p.raw("\">")
		p.text(a.Letter)
		p.raw("</abbr></th>")
	}
	p.raw("<th scope=\"col\">")
	p.text(l.ActionPlan)
	p.raw("</th></tr></thead>\n<tbody>\n")
	for i := range v.Rows {
		r := &v.Rows[i]
		p.raw("<tr><th scope=\"row\">")
		if link := htmlLink(r.Link); link != "" {
			p.raw("<a href=\"", esc(link), "\">")
			p.text(r.Unit)
			p.raw("</a>")
		} else {
			p.text(r.Unit)
		}
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
	p.raw("<table aria-labelledby=\"", id, "\">\n<thead><tr><th scope=\"col\">")
	p.text(l.Area)
	p.raw("</th>")
	for _, g := range append(append([]string{}, v.Grades...), l.NoGrade) {
		p.raw("<th scope=\"col\" class=\"num\">")
		p.text(g)
		p.raw("</th>")
	}
	p.raw("</tr></thead>\n<tbody>\n")
	for _, a := range v.Areas {
		p.raw("<tr><th scope=\"row\">")
		p.text(a.Letter + ". " + a.Title)
		p.raw("</th>")
		for _, n := range append(append([]int{}, a.Counts...), a.None) {
			p.raw("<td class=\"num\">", strconv.Itoa(n), "</td>")
		}
		p.raw("</tr>\n")
	}
	p.raw("</tbody>\n</table>\n</section>\n")
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
	p.raw("<table aria-labelledby=\"", id, "\">\n<thead><tr>")
	for i, h := range []string{l.Criterion, l.Kind, l.Count, l.Share} {
		if i >= 2 {
			p.raw("<th scope=\"col\" class=\"num\">")
		} else {
			p.raw("<th scope=\"col\">")
		}
		p.text(h)
		p.raw("</th>")
	}
	p.raw("</tr></thead>\n<tbody>\n")
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
