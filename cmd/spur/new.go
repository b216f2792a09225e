package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"spur/safefile"
	"spur/schema"
)

// schemaFile is the name `spur new` gives the JSON Schema it writes beside
// a new inspection, and the name the inspection's schema line refers to.
const schemaFile = "spur.schema.json"

// newInspection implements `spur new FILE [--catalog V] [--force]`: a blank
// preliminary inspection to fill in, and the editor's schema beside it.
func (e env) newInspection(args []string) int {
	fs := newFlags(e, "new")
	version := fs.String("catalog", "", "")
	force := fs.Bool("force", false, "")
	pos, ok := e.parse(fs, args)
	if !ok {
		return exitUsage
	}
	if len(pos) != 1 || pos[0] == "-" {
		e.usagef("new: name the inspection file to write, e.g. spur new inspektion.yaml")
		return exitUsage
	}
	path := pos[0]
	if ext := strings.ToLower(filepath.Ext(path)); ext != ".yaml" && ext != ".yml" {
		e.usagef("new: the file is YAML and its name ends in .yaml, not %q (spur template --inspection writes a workbook)", filepath.Base(path))
		return exitUsage
	}
	cat, code := e.catalogFor("new", *version)
	if cat == nil {
		return code
	}
	date, err := sourceDate()
	if err != nil {
		e.usagef("%v", err)
		return exitUsage
	}
	if date.IsZero() {
		date = time.Now()
	}
	data := blankInspection(cat, date)
	if !*force && exists(path) {
		fmt.Fprintf(e.stderr, "spur: %s already exists and may hold an inspection; it was left as it is (write to another name, or say --force to replace it)\n", path)
		return exitInvalid
	}
	if err := safefile.Put(path, data); err != nil {
		fmt.Fprintf(e.stderr, "spur: %v\n", err)
		return exitInvalid
	}
	fmt.Fprintln(e.stdout, path)
	// The editor's schema beside it, unless one is there: it may be a
	// newer one the user keeps for every inspection of the folder.
	sp := filepath.Join(filepath.Dir(path), schemaFile)
	if !exists(sp) {
		if err := safefile.Put(sp, schema.JSONSchema()); err != nil {
			fmt.Fprintf(e.stderr, "spur: %v\n", err)
			return exitInvalid
		}
		fmt.Fprintln(e.stdout, sp)
	}
	return exitOK
}

// catalogFor returns the catalogue of a version, the latest for "".
func (e env) catalogFor(cmd, version string) (*schema.Catalog, int) {
	if version == "" {
		c, err := schema.LatestCatalog()
		if err != nil {
			fmt.Fprintf(e.stderr, "spur: %v\n", err)
			return nil, exitInvalid
		}
		return c, exitOK
	}
	c, ok := schema.CatalogVersion(version)
	if !ok {
		e.usagef("%s: unknown catalogue version %q; the known versions are %s", cmd, version, strings.Join(schema.CatalogVersions(), ", "))
		return nil, exitUsage
	}
	return c, exitOK
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// blankInspection is the YAML of a preliminary inspection with nothing
// assessed yet: every key an inspector fills, the Swedish term beside it,
// and each area's criteria as comments to move into its lists.
func blankInspection(cat *schema.Catalog, today time.Time) []byte {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("# yaml-language-server: $schema=%s\n", schemaFile)
	w("# En SPUR-inspektion. Fyll i, kontrollera med: spur validate FIL\n")
	w("# Skriv rapporten med: spur report FIL -o rapporter\n")
	w("catalog: %q            # kriterieversion\n", cat.Version)
	w("status: preliminary       # preliminary (preliminär) | final (slutlig)\n")
	w("unit:                     # verksamhet\n")
	w("  name: \"\"                # enhetens namn\n")
	w("  organisation: \"\"        # huvudman/vårdgivare\n")
	w("  specialty: \"\"           # specialitet\n")
	w("  region: \"\"              # region\n")
	w("  place: \"\"               # ort\n")
	w("visit: %s          # datum för inspektionsbesöket, YYYY-MM-DD\n", today.UTC().Format("2006-01-02"))
	w("inspectors: []            # inspektörer, t.ex. [Karin Ek, Johan Sund]\n")
	w("summary:\n")
	w("  strengths: []           # styrkor\n")
	w("  weaknesses: []          # svagheter\n")
	w("  improvements: []        # förbättringspotential\n")
	w("areas:                    # områden\n")
	for _, a := range cat.Areas {
		w("  %s:                      # %s\n", a.Letter, a.Title)
		w("    narrative: |          # inspektörernas text (Markdown)\n")
		w("      \n")
		w("    # met: all            # uppfyllt: alla kriterier utom de som står under not_met och not_applicable\n")
		w("    met: []               # uppfyllt\n")
		w("    not_met: []           # ej uppfyllt\n")
		w("    not_applicable: []    # ej tillämpligt\n")
		w("    # comments: {%s: Kommentar till kriteriet.}\n", a.Criteria[0].ID)
		w("    # Kriterier (%s: föreskrift, R: allmänt råd, K: kvalitetsindikator):\n", strings.Join(kinds(a), ", "))
		for _, cr := range a.Criteria {
			w("    #   %-4s %-2s %s\n", cr.ID, cr.Kind, flatten(cr.Text))
		}
	}
	w("# action_plan:             # handlingsplan, när den har kommit in (spur template, spur import)\n")
	return []byte(b.String())
}

// kinds names the kinds of föreskrift an area's criteria have (F, F*).
func kinds(a schema.CatalogArea) []string {
	seen := map[schema.Kind]bool{}
	var out []string
	for _, cr := range a.Criteria {
		if k := cr.Kind; !seen[k] && strings.HasPrefix(string(k), "F") {
			seen[k] = true
			out = append(out, string(k))
		}
	}
	if len(out) == 0 {
		return []string{"F"}
	}
	return out
}

func flatten(s string) string { return strings.Join(strings.Fields(s), " ") }
