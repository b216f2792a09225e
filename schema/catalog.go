package schema

import (
	"bytes"
	"embed"
	"fmt"
	"path"
	"sort"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

//go:embed catalog/*.yaml
var catalogFS embed.FS

// Kind is the kind of a criterion (spur-model.md: The criteria catalogue).
type Kind string

const (
	Regulation        Kind = "F"  // föreskrift
	DerivedRegulation Kind = "F*" // föreskrift derived from the general duty of the care provider
	Advice            Kind = "R"  // allmänt råd
	Indicator         Kind = "K"  // kvalitetsindikator
)

// Group is the kind of kind: F and F* are both regulations.
func (k Kind) Group() Kind {
	if k == DerivedRegulation {
		return Regulation
	}
	return k
}

// Grade is one of A–D.
type Grade string

// Grades lists the published scale in order.
var Grades = []Grade{"A", "B", "C", "D"}

// Valid reports whether g is one of A–D.
func (g Grade) Valid() bool { return g == "A" || g == "B" || g == "C" || g == "D" }

// Criterion is one criterion of the catalogue, its text verbatim.
type Criterion struct {
	ID   string `yaml:"id" json:"id"`
	Kind Kind   `yaml:"kind" json:"kind"`
	Text string `yaml:"text" json:"text"`
}

// Option is a grade an area may be given, with the text a report prints.
type Option struct {
	Grade Grade  `yaml:"grade" json:"grade"`
	Text  string `yaml:"text" json:"text"`
}

// CatalogArea is one of the areas A–H.
type CatalogArea struct {
	Letter    string          `yaml:"letter" json:"letter"`
	Title     string          `yaml:"title" json:"title"`
	Group     string          `yaml:"group" json:"group"` // STRUKTUR or PROCESS
	Intro     string          `yaml:"intro,omitempty" json:"intro,omitempty"`
	IntroLead string          `yaml:"intro_lead,omitempty" json:"intro_lead,omitempty"`
	Headings  map[Kind]string `yaml:"headings,omitempty" json:"headings,omitempty"`
	Options   []Option        `yaml:"options" json:"options"`
	Criteria  []Criterion     `yaml:"criteria" json:"criteria"`
}

// Option returns the area's option for g, if it has one.
func (a *CatalogArea) Option(g Grade) (Option, bool) {
	for _, o := range a.Options {
		if o.Grade == g {
			return o, true
		}
	}
	return Option{}, false
}

// OptionGrades lists the grades the area offers, e.g. "A, B, D".
func (a *CatalogArea) OptionGrades() string {
	var s []string
	for _, o := range a.Options {
		s = append(s, string(o.Grade))
	}
	return strings.Join(s, ", ")
}

// Catalog is one version of the SPUR criteria catalogue.
type Catalog struct {
	Version  string          `yaml:"version" json:"version"`
	Title    string          `yaml:"title" json:"title"`
	Note     string          `yaml:"note" json:"note"`
	Headings map[Kind]string `yaml:"headings" json:"headings"`
	Areas    []CatalogArea   `yaml:"areas" json:"areas"`

	byID   map[string]*Criterion
	areaOf map[string]*CatalogArea
}

// Area returns the area with the given letter.
func (c *Catalog) Area(letter string) (*CatalogArea, bool) {
	for i := range c.Areas {
		if c.Areas[i].Letter == letter {
			return &c.Areas[i], true
		}
	}
	return nil, false
}

// Criterion returns the criterion with the given id and its area.
func (c *Catalog) Criterion(id string) (*Criterion, *CatalogArea, bool) {
	cr, ok := c.byID[id]
	if !ok {
		return nil, nil, false
	}
	return cr, c.areaOf[id], true
}

// Heading gives the heading a report prints above the criteria of kind k in
// area a: "Föreskrift", "Allmänna råd", "Kvalitetsindikator(er)".
func (c *Catalog) Heading(a *CatalogArea, k Kind) string {
	if h, ok := a.Headings[k.Group()]; ok {
		return h
	}
	return c.Headings[k.Group()]
}

// Count returns the number of criteria in the catalogue.
func (c *Catalog) Count() int { return len(c.byID) }

// catalogFiles holds a parse of each embedded catalogue, made when it is
// first asked for: a command needs the version its inspection names, and
// parsing each of them took a millisecond at the start of every command.
var catalogFiles = sync.OnceValue(func() map[string]func() (*Catalog, error) {
	entries, _ := catalogFS.ReadDir("catalog")
	m := map[string]func() (*Catalog, error){}
	for _, e := range entries {
		name := e.Name()
		m[strings.TrimSuffix(name, ".yaml")] = sync.OnceValues(func() (*Catalog, error) { return loadCatalog(name) })
	}
	return m
})

func loadCatalog(name string) (*Catalog, error) {
	data, err := catalogFS.ReadFile(path.Join("catalog", name))
	if err != nil {
		return nil, err
	}
	c, err := parseCatalog(data)
	if err != nil {
		return nil, fmt.Errorf("catalogue %s: %w", name, err)
	}
	if want := strings.TrimSuffix(name, ".yaml"); c.Version != want {
		return nil, fmt.Errorf("catalogue %s: version %q does not match the file name", name, c.Version)
	}
	return c, nil
}

// catalogVersionNames lists the embedded versions, oldest first, from the
// names of their files.
func catalogVersionNames() []string {
	var v []string
	for name := range catalogFiles() {
		v = append(v, name)
	}
	sort.Strings(v)
	return v
}

func parseCatalog(data []byte) (*Catalog, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var c Catalog
	if err := dec.Decode(&c); err != nil {
		return nil, err
	}
	c.byID = map[string]*Criterion{}
	c.areaOf = map[string]*CatalogArea{}
	for i := range c.Areas {
		a := &c.Areas[i]
		if len(a.Options) == 0 {
			return nil, fmt.Errorf("area %s has no grade options", a.Letter)
		}
		for _, o := range a.Options {
			if !o.Grade.Valid() {
				return nil, fmt.Errorf("area %s: option %q is not a grade A–D", a.Letter, o.Grade)
			}
		}
		for j := range a.Criteria {
			cr := &a.Criteria[j]
			switch cr.Kind {
			case Regulation, DerivedRegulation, Advice, Indicator:
			default:
				return nil, fmt.Errorf("criterion %s: unknown kind %q", cr.ID, cr.Kind)
			}
			if !strings.HasPrefix(cr.ID, a.Letter) {
				return nil, fmt.Errorf("criterion %s is listed under area %s", cr.ID, a.Letter)
			}
			if _, dup := c.byID[cr.ID]; dup {
				return nil, fmt.Errorf("criterion %s is listed twice", cr.ID)
			}
			c.byID[cr.ID] = cr
			c.areaOf[cr.ID] = a
		}
	}
	return &c, nil
}

// Catalogs returns every embedded catalogue version, oldest first.
func Catalogs() ([]*Catalog, error) {
	var out []*Catalog
	for _, v := range catalogVersionNames() {
		c, err := catalogFiles()[v]()
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// LatestCatalog returns the newest catalogue version.
func LatestCatalog() (*Catalog, error) {
	v := catalogVersionNames()
	if len(v) == 0 {
		return nil, fmt.Errorf("no catalogue")
	}
	return catalogFiles()[v[len(v)-1]]()
}

// CatalogVersion returns the catalogue of the given version.
func CatalogVersion(v string) (*Catalog, bool) {
	load, ok := catalogFiles()[v]
	if !ok {
		return nil, false
	}
	c, err := load()
	return c, err == nil
}

// CatalogVersions lists the known versions, oldest first.
func CatalogVersions() []string {
	return catalogVersionNames()
}
