package corpus

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"spur/report"
	"spur/schema"
)

// Repeat visits (Options.Revisits). A unit is inspected again some years
// after (spur-model.md; issue 14: "units are inspected again every few
// years"): the generator keeps the final reports of visits early enough
// to have a later one in the years it writes, and now and then makes the
// next inspection a later visit of one of them.

// lastVisit is the last day the generator visits a unit.
var lastVisit = time.Date(2026, time.December, 31, 0, 0, 0, 0, time.UTC)

// Years between two visits of a unit.
const minGap, maxGap = 3, 6

// newest is the catalogue a unit visited again is most often assessed
// against; named here, not taken from the embedded list, so that a
// catalogue added later does not change the files of a seed.
const newest = "2025"

// visited is what a later visit needs to know of an earlier one.
type visited struct {
	unit    unit
	visit   time.Time
	catalog string
	unmet   map[string][]string // area letter → ids of the criteria not met
	done    map[string]bool     // criterion id → its action is done (latest follow-up, or a due of "genomförd")
}

// newUnit reports whether u may be a new unit: always, unless Revisits
// asks that no two units share an identity (so that each repeat visit is
// one the generator made), which it gives up after many tries rather than
// loop for ever on a very large corpus. It remembers u when it may.
func (g *gen) newUnit(u unit, tries int) bool {
	if !g.opt.Revisits {
		return true
	}
	key := schema.Unit{Name: u.Name, Organisation: u.Organisation}.Identity()
	if g.units[key] && tries < 1000 {
		return false
	}
	g.units[key] = true
	return true
}

// identify gives about three in ten new units an id (unit.id), with Revisits.
func (g *gen) identify(u *unit) {
	if !g.opt.Revisits || !g.xchance(0.3) {
		return
	}
	org := 11
	for i, r := range regions {
		if r.name == u.Region {
			org += i
		}
	}
	const code = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"
	for {
		var b strings.Builder
		for range 4 {
			b.WriteByte(code[g.x.IntN(len(code))])
		}
		// An HSA-id: the region's organisation number, then the unit's code.
		id := fmt.Sprintf("SE23210000%02d-%s", org, b.String())
		if !g.ids[id] {
			g.ids[id] = true
			u.ID = id
			return
		}
	}
}

// remember keeps a final report early enough to be visited again.
func (g *gen) remember(f *file, visit time.Time) {
	if !g.opt.Revisits || f.Status != "final" || visit.AddDate(minGap, 0, 0).After(lastVisit) {
		return
	}
	v := &visited{unit: f.Unit, visit: visit, catalog: f.Catalog, unmet: map[string][]string{}, done: map[string]bool{}}
	for letter, a := range f.Areas {
		v.unmet[letter] = slices.Clone(a.NotMet)
	}
	if p := f.ActionPlan; p != nil {
		planDay, _ := time.Parse(time.DateOnly, p.Date)
		for _, e := range p.Entries {
			d, _ := schema.ParseDate(e.Due, planDay)
			latest := ""
			for _, u := range e.FollowUps { // written in order of date
				latest = u.Status
			}
			v.done[e.Criterion] = latest == string(schema.Done) || latest == "" && d.Kind == schema.DateDone
		}
	}
	g.pool = append(g.pool, v)
}

// revisitOf returns the earlier visit the next inspection repeats, or nil
// when it is a new unit.
func (g *gen) revisitOf() *visited {
	if !g.opt.Revisits || len(g.pool) == 0 || !g.xchance(0.25) {
		return nil
	}
	i := g.x.IntN(len(g.pool))
	prev := g.pool[i]
	g.pool = slices.Delete(g.pool, i, i+1)
	return prev
}

// revisit makes the later visit of prev's unit; f is nil in the unlikely
// case that every day it could be is taken by a unit of the same name.
func (g *gen) revisit(prev *visited) (f *file, slug string, year int) {
	f = &file{Catalog: prev.catalog, Status: "final", Unit: prev.unit, Areas: map[string]*area{}}
	if f.Catalog != newest && g.xchance(0.8) {
		f.Catalog = newest
	}
	if g.xchance(0.15) {
		f.Status = "preliminary"
	}
	if f.Unit.ID == "" && g.xchance(0.15) {
		f.Unit = g.rewritten(f.Unit)
	}
	// Another unit of the same name may have been visited that day: take
	// the nearest free day in the gap.
	want, visit := g.laterVisit(prev.visit), time.Time{}
	for k := 0; visit.IsZero(); k++ {
		if k > 366*(maxGap-minGap) {
			return nil, "", 0 // every day taken: a new unit instead
		}
		for _, d := range []int{k, -k} {
			t := want.AddDate(0, 0, d)
			slug = report.Slug(f.Unit.Name, t.Format(time.DateOnly))
			if visit.IsZero() && !g.slugs[slug] && !t.Before(prev.visit.AddDate(minGap, 0, 0)) &&
				!t.After(prev.visit.AddDate(maxGap, 0, 0)) && !t.After(lastVisit) {
				visit = t
			}
		}
	}
	slug = report.Slug(f.Unit.Name, visit.Format(time.DateOnly))
	g.slugs[slug] = true
	f.Visit = visit.Format(time.DateOnly)
	g.fill(f, visit, prev)
	return f, slug, visit.Year()
}

// laterVisit is a day minGap to maxGap years after visit, and not after
// lastVisit.
func (g *gen) laterVisit(visit time.Time) time.Time {
	var years []int
	for y := minGap; y <= maxGap; y++ {
		if !visit.AddDate(y, 0, 0).After(lastVisit) {
			years = append(years, y)
		}
	}
	y := years[g.x.IntN(len(years))]
	days := g.x.IntN(181) - 90
	if y == minGap && days < 0 || y == maxGap && days > 0 {
		days = -days
	}
	t := visit.AddDate(y, 0, days)
	if t.After(lastVisit) {
		t = lastVisit
	}
	return t
}

// rewritten is u as another person types it in a later file: the same to
// schema.Unit.Identity, not to the eye of a program that compares bytes.
func (g *gen) rewritten(u unit) unit {
	if nfd := norm.NFD.String(u.Name); nfd != u.Name && g.xchance(0.5) {
		u.Name = nfd // as a file from macOS writes å
		return u
	}
	u.Organisation = strings.Replace(u.Organisation, " ", "  ", 1)
	return u
}

// changed picks the criteria of an area not met at a later visit: each
// one unmet at prev is met now or still unmet (less often where the
// follow-up found its action done), and now and then one or two met
// before are not; in the catalogue's order. A criterion the area's
// catalogue no longer has is gone.
func (g *gen) changed(ca *schema.CatalogArea, prev *visited) []*schema.Criterion {
	was := prev.unmet[ca.Letter]
	var unmet, met []*schema.Criterion
	for i := range ca.Criteria {
		c := &ca.Criteria[i]
		if !slices.Contains(was, c.ID) {
			met = append(met, c)
			continue
		}
		keep := 0.4
		if prev.done[c.ID] {
			keep = 0.1
		}
		if g.xchance(keep) {
			unmet = append(unmet, c)
		}
	}
	if len(met) > 0 && g.xchance(0.3) {
		for _, j := range g.x.Perm(len(met))[:min(len(met), 1+g.x.IntN(2))] {
			unmet = append(unmet, met[j])
		}
	}
	slices.SortFunc(unmet, func(x, y *schema.Criterion) int { return order(ca, x) - order(ca, y) })
	return unmet
}
