package corpus

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"spur/report"
	"spur/schema"
)

// Generate writes n inspections derived from the fixtures of the module
// (its fixtures/*.yaml, found from the working directory upwards) into
// dir, in one folder per visit year: dir/2024/vardcentralen-lund-2024-03-12.yaml.
// It returns the paths written, sorted. The same seed gives the same files.
// It is GenerateWith with the zero Options: no repeat visits and no
// follow-ups.
func Generate(dir string, n int, seed int64) ([]string, error) {
	return GenerateWith(dir, n, seed, Options{})
}

// GenerateFrom is Generate with the fixtures named.
func GenerateFrom(fixtures []string, dir string, n int, seed int64) ([]string, error) {
	if fixtures == nil {
		fixtures = []string{}
	}
	return GenerateWith(dir, n, seed, Options{Fixtures: fixtures})
}

// GenerateWith is Generate with what Options opts in to. The zero Options
// gives the files of Generate, byte for byte; each option changes the
// files of the run, and the same seed and Options give the same files.
func GenerateWith(dir string, n int, seed int64, opt Options) ([]string, error) {
	fixtures := opt.Fixtures
	if fixtures == nil {
		var err error
		if fixtures, err = moduleFixtures(); err != nil {
			return nil, err
		}
	}
	m, err := loadMaterial(fixtures)
	if err != nil {
		return nil, err
	}
	g := newGen(m, seed, opt)
	var paths []string
	for i := range n {
		f, slug, year := g.inspection()
		data, err := f.marshal(seed, i)
		if err != nil {
			return nil, err
		}
		p := filepath.Join(dir, fmt.Sprint(year), slug+".yaml")
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return nil, err
		}
		paths = append(paths, p)
	}
	sort.Strings(paths)
	return paths, nil
}

// moduleFixtures finds fixtures/*.yaml beside the go.mod of module spur,
// from the working directory upwards (a test runs in its package's folder).
func moduleFixtures() ([]string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	for {
		if mod, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil && strings.HasPrefix(string(mod), "module spur\n") {
			fs, err := filepath.Glob(filepath.Join(dir, "fixtures", "*.yaml"))
			if err == nil && len(fs) == 0 {
				err = fmt.Errorf("corpus: no fixtures in %s", filepath.Join(dir, "fixtures"))
			}
			return fs, err
		}
		up := filepath.Dir(dir)
		if up == dir {
			return nil, errors.New("corpus: not inside module spur: no fixtures to derive inspections from")
		}
		dir = up
	}
}

// material is what the fixtures say at length.
type material struct {
	strengths, weaknesses, improvements []string
	narratives                          map[string][]string // area letter → narratives
	comments                            map[string][]string // criterion id → comments
	actions                             []string
}

func loadMaterial(fixtures []string) (*material, error) {
	m := &material{narratives: map[string][]string{}, comments: map[string][]string{}}
	for _, f := range fixtures {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("corpus: %w", err)
		}
		insp, diags := schema.Load(f, data)
		if diags.HasErrors() {
			return nil, fmt.Errorf("corpus: fixture %s is invalid:\n%s", f, diags)
		}
		m.strengths = append(m.strengths, insp.Summary.Strengths...)
		m.weaknesses = append(m.weaknesses, insp.Summary.Weaknesses...)
		m.improvements = append(m.improvements, insp.Summary.Improvements...)
		for _, letter := range slices.Sorted(mapKeys(insp.Areas)) {
			a := insp.Areas[letter]
			if strings.TrimSpace(a.Narrative) != "" {
				m.narratives[letter] = append(m.narratives[letter], a.Narrative)
			}
			for _, id := range slices.Sorted(mapKeys(a.Comments)) {
				m.comments[id] = append(m.comments[id], a.Comments[id])
			}
		}
		if p := insp.ActionPlan; p != nil {
			for _, e := range p.Entries {
				m.actions = append(m.actions, e.Action)
			}
		}
	}
	if len(m.actions) == 0 || len(m.strengths) == 0 {
		return nil, errors.New("corpus: the fixtures hold no action plan or no summary to derive from")
	}
	return m, nil
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

type gen struct {
	m     *material
	r     *rand.Rand
	slugs map[string]bool

	// What Options opts in to draws from x, never from r, so that the
	// inspections of the zero Options stay as they were.
	opt   Options
	x     *rand.Rand
	asOf  time.Time
	units map[string]bool // identities of the units generated (with Revisits)
	ids   map[string]bool // unit ids given
	pool  []*visited      // earlier visits a later one may repeat
}

func newGen(m *material, seed int64, opt Options) *gen {
	g := &gen{m: m, r: rand.New(rand.NewPCG(uint64(seed), 0x5eed)), slugs: map[string]bool{},
		opt: opt, x: rand.New(rand.NewPCG(uint64(seed), 0x5eed2)), asOf: opt.asOf(),
		units: map[string]bool{}, ids: map[string]bool{}}
	return g
}

func (g *gen) pick(list []string) string   { return list[g.r.IntN(len(list))] }
func (g *gen) chance(p float64) bool       { return g.r.Float64() < p }
func (g *gen) between(lo, hi int) int      { return lo + g.r.IntN(hi-lo+1) }
func (g *gen) person() string              { return g.pick(firstNames) + " " + g.pick(lastNames) }
func (g *gen) some(list []string) []string { return g.sample(list, g.between(1, min(6, len(list)))) }

// xpick and xchance are pick and chance for what Options opts in to.
func (g *gen) xpick(list []string) string { return list[g.x.IntN(len(list))] }
func (g *gen) xchance(p float64) bool     { return g.x.Float64() < p }

// sample returns k items of list in a random order.
func (g *gen) sample(list []string, k int) []string {
	idx := g.r.Perm(len(list))[:k]
	out := make([]string, k)
	for i, j := range idx {
		out[i] = list[j]
	}
	return out
}

// inspection makes one inspection with a unit and date no earlier one has:
// with Revisits now and then a later visit of a unit inspected before.
func (g *gen) inspection() (f *file, slug string, year int) {
	if prev := g.revisitOf(); prev != nil {
		if f, slug, year = g.revisit(prev); f != nil {
			return f, slug, year
		}
	}
	f = &file{Catalog: "2025", Status: "final", Areas: map[string]*area{}}
	if g.chance(0.2) {
		f.Catalog = "2023"
	}
	if g.chance(0.2) {
		f.Status = "preliminary"
	}
	var visit time.Time
	for tries := 0; ; tries++ {
		reg := regions[g.r.IntN(len(regions))]
		sp := specialties[g.r.IntN(len(specialties))]
		town := g.pick(reg.towns)
		f.Unit = unit{Specialty: sp.name, Region: reg.name, Place: town, Organisation: reg.name}
		if sp.clinic == "" {
			f.Unit.Name = fmt.Sprintf(g.pick(primaryCare), town)
			if g.chance(0.4) {
				f.Unit.Organisation = g.pick(lastNames) + "kliniken AB"
			}
		} else {
			f.Unit.Name = sp.clinic + ", " + fmt.Sprintf(g.pick(hospitals), town)
		}
		visit = time.Date(g.between(2021, 2026), time.January, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, g.r.IntN(365))
		slug = report.Slug(f.Unit.Name, visit.Format(time.DateOnly))
		if !g.slugs[slug] && g.newUnit(f.Unit, tries) {
			g.slugs[slug] = true
			break
		}
	}
	g.identify(&f.Unit)
	f.Visit = visit.Format(time.DateOnly)
	g.fill(f, visit, nil)
	g.remember(f, visit)
	return f, slug, visit.Year()
}

// fill writes what the inspectors found at the visit: the summary, the
// areas and the unit's plan. prev is the unit's previous visit, or nil.
func (g *gen) fill(f *file, visit time.Time, prev *visited) {
	for len(f.Inspectors) < 2 {
		if p := g.person(); !slices.Contains(f.Inspectors, p) {
			f.Inspectors = append(f.Inspectors, p)
		}
	}
	f.Summary = summary{g.some(g.m.strengths), g.some(g.m.weaknesses), g.some(g.m.improvements)}
	cat, ok := schema.CatalogVersion(f.Catalog)
	if !ok {
		panic("corpus: catalogue " + f.Catalog + " is not embedded")
	}
	var unmetReg, unmetAdv []*schema.Criterion
	dAreas := []string{}
	for i := range cat.Areas {
		ca := &cat.Areas[i]
		var unmet []*schema.Criterion
		if prev == nil {
			unmet = g.unmet(ca)
		} else {
			unmet = g.changed(ca, prev)
		}
		a, reg, adv := g.area(ca, unmet)
		f.Areas[ca.Letter] = a
		unmetReg, unmetAdv = append(unmetReg, reg...), append(unmetAdv, adv...)
		if len(reg) > 0 {
			dAreas = append(dAreas, ca.Letter)
		}
	}
	g.plan(f, visit, unmetReg, unmetAdv, dAreas)
	if g.opt.FollowUps {
		g.followUps(f)
	}
}

// kindGroups groups an area's criteria by the group of their kind, in the
// catalogue's order.
func kindGroups(ca *schema.CatalogArea) map[schema.Kind][]*schema.Criterion {
	out := map[schema.Kind][]*schema.Criterion{}
	for i := range ca.Criteria {
		c := &ca.Criteria[i]
		out[c.Kind.Group()] = append(out[c.Kind.Group()], c)
	}
	return out
}

// unmet picks the criteria of an area not met, after a profile: none, or
// some quality indicators, allmänna råd or föreskrifter; in the
// catalogue's order.
func (g *gen) unmet(ca *schema.CatalogArea) []*schema.Criterion {
	byKind := kindGroups(ca)
	kind := schema.Kind("")
	switch p := g.r.Float64(); {
	case p < 0.40:
	case p < 0.60:
		kind = schema.Indicator
	case p < 0.78:
		kind = schema.Advice
	default:
		kind = schema.Regulation
	}
	if len(byKind[kind]) == 0 {
		kind = schema.Indicator
	}
	var unmet []*schema.Criterion
	if kind != "" && len(byKind[kind]) > 0 {
		cs := byKind[kind]
		for _, j := range g.r.Perm(len(cs))[:g.between(1, min(3, len(cs)))] {
			unmet = append(unmet, cs[j])
		}
		if kind == schema.Regulation && len(byKind[schema.Advice]) > 0 && g.chance(0.4) {
			unmet = append(unmet, byKind[schema.Advice][g.r.IntN(len(byKind[schema.Advice]))])
		}
	}
	slices.SortFunc(unmet, func(x, y *schema.Criterion) int { return order(ca, x) - order(ca, y) })
	return unmet
}

// area writes one area with the criteria unmet (in the catalogue's order):
// comments on them, the narrative, now and then a criterion not applicable
// or an override. reg and adv are the unmet föreskrifter and allmänna råd.
func (g *gen) area(ca *schema.CatalogArea, unmet []*schema.Criterion) (a *area, reg, adv []*schema.Criterion) {
	a = &area{Met: "all"}
	byKind := kindGroups(ca)
	a.Comments = map[string]string{}
	var sentences []string
	if ns := g.m.narratives[ca.Letter]; len(ns) > 0 && (len(unmet) > 0 || g.chance(0.8)) {
		sentences = g.shuffleSentences(g.pick(ns))
	}
	generic := g.r.Perm(len(comments))
	for i, c := range unmet {
		a.NotMet = append(a.NotMet, c.ID)
		comment := comments[generic[i%len(generic)]]
		if cs := g.m.comments[c.ID]; len(cs) > 0 && g.chance(0.7) {
			comment = g.pick(cs)
		}
		a.Comments[c.ID] = comment
		comment = strings.TrimSuffix(strings.TrimSuffix(comment, " Åtgärd krävs."), " Åtgärd rekommenderas.")
		switch c.Kind.Group() {
		case schema.Regulation:
			reg = append(reg, c)
			sentences = append(sentences, comment+" Åtgärd krävs.")
		case schema.Advice:
			adv = append(adv, c)
			sentences = append(sentences, comment+" Åtgärd rekommenderas.")
		}
	}
	if ks := byKind[schema.Indicator]; len(ks) > 1 && g.chance(0.1) {
		if c := ks[g.r.IntN(len(ks))]; !slices.Contains(a.NotMet, c.ID) {
			a.NotApplicable = []string{c.ID}
		}
	}
	if len(reg) == 0 && g.chance(0.04) {
		var opts []string
		for _, o := range ca.Options {
			if o.Grade != "D" {
				opts = append(opts, string(o.Grade))
			}
		}
		a.Override = &override{Grade: g.pick(opts), Reason: g.pick(reasons)}
	}
	if len(sentences) > 0 {
		sentences = append(sentences, fmt.Sprintf(g.pick(notes), g.between(1, 9)))
		a.Narrative = g.paragraphs(sentences)
	}
	if len(a.Comments) == 0 {
		a.Comments = nil
	}
	return a, reg, adv
}

func order(ca *schema.CatalogArea, c *schema.Criterion) int {
	for i := range ca.Criteria {
		if ca.Criteria[i].ID == c.ID {
			return i
		}
	}
	return len(ca.Criteria)
}

// shuffleSentences keeps a random run of a narrative's sentences, in
// order, then moves one of them to the end.
func (g *gen) shuffleSentences(text string) []string {
	var out []string
	for _, para := range strings.Split(strings.TrimSpace(text), "\n\n") {
		for _, s := range strings.SplitAfter(para, ". ") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	if len(out) > 3 {
		from := g.r.IntN(len(out) / 2)
		out = out[from : from+g.between((len(out)-from)/2, len(out)-from)]
	}
	if len(out) > 1 {
		i := g.r.IntN(len(out))
		out = append(append(out[:i:i], out[i+1:]...), out[i])
	}
	return out
}

// paragraphs joins sentences into one to three paragraphs, now and then
// ending in a list, as inspectors write.
func (g *gen) paragraphs(s []string) string {
	var items []string
	if len(s) > 4 && g.chance(0.15) {
		s, items = s[:len(s)-3], s[len(s)-3:]
	}
	var b strings.Builder
	for i, x := range s {
		switch {
		case i == 0:
		case g.chance(0.15):
			b.WriteString("\n\n")
		default:
			b.WriteString(" ")
		}
		b.WriteString(x)
	}
	b.WriteString("\n")
	if len(items) > 0 {
		b.WriteString("\n")
		for _, it := range items {
			b.WriteString("- " + it + "\n")
		}
	}
	return b.String()
}
