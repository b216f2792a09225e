package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"spur/grade"
	"spur/input"
	"spur/safefile"
	"spur/schema"
)

// load reads, validates and grades one inspection, printing its diagnostics
// to stderr. ok is false when the file cannot be used.
func (e env) load(name string, p grade.Policy) (*schema.Inspection, grade.Result, bool) {
	in, err := input.Open(name, e.stdin, p)
	if err != nil {
		fmt.Fprintf(e.stderr, "spur: %v\n", err)
		return nil, grade.Result{}, false
	}
	e.printDiags(in.Diags)
	return in.Inspection, in.Grades, in.OK()
}

// maxPrinted bounds the diagnostics printed for one file: a file with
// thousands of problems is the wrong file, and the first ones say so.
const maxPrinted = 200

func (e env) printDiags(diags schema.Diagnostics) {
	if len(diags) > maxPrinted {
		io.WriteString(e.stderr, diags[:maxPrinted].String())
		fmt.Fprintf(e.stderr, "%s: %d more problems not shown\n", diags[0].Pos.File, len(diags)-maxPrinted)
		return
	}
	io.WriteString(e.stderr, diags.String())
}

func (e env) validate(args []string) int {
	fs := newFlags(e, "validate")
	pol := policyFlags(fs)
	files, ok := e.parse(fs, args)
	if !ok {
		return exitUsage
	}
	if len(files) == 0 {
		e.usagef("validate: name at least one inspection file")
		return exitUsage
	}
	status := exitOK
	for _, f := range files {
		in, err := input.Open(f, e.stdin, *pol)
		if err != nil {
			fmt.Fprintf(e.stderr, "spur: %v\n", err)
			status = exitInvalid
			continue
		}
		e.printDiags(in.Diags)
		if !in.OK() {
			status = exitInvalid
			continue
		}
		// "ok" beside warnings would read as "nothing to do".
		if n := len(in.Diags); n > 0 {
			fmt.Fprintf(e.stdout, "%s: ok, with %s\n", f, plural(n, "warning"))
		} else {
			fmt.Fprintf(e.stdout, "%s: ok\n", f)
		}
	}
	return status
}

// policyFlags defines the grading thresholds every command that grades
// takes; a negative limit is refused while parsing, alike in each.
func policyFlags(fs *flag.FlagSet) *grade.Policy {
	p := grade.DefaultPolicy()
	fs.Var(nonNegative{&p.MaxUnmetIndicators}, "max-unmet-indicators", "")
	fs.BoolVar(&p.AllowAllIndicatorsUnmet, "allow-all-indicators-unmet", p.AllowAllIndicatorsUnmet, "")
	return &p
}

// gradeJSON is the shape of `spur grade --json`.
type gradeJSON struct {
	File    string          `json:"file"`
	Unit    string          `json:"unit"`
	Visit   string          `json:"visit"`
	Catalog string          `json:"catalog"`
	Status  string          `json:"status"`
	Areas   []gradeAreaJSON `json:"areas"`
}

type gradeAreaJSON struct {
	Area     string   `json:"area"`
	Title    string   `json:"title"`
	Computed *string  `json:"computed"`
	Override *string  `json:"override"`
	Adjusted *string  `json:"adjusted"`
	Final    *string  `json:"final"`
	Decision *string  `json:"decision"`
	Decisive []string `json:"decisive"`
	Reasons  []string `json:"reasons"`
}

func opt[T ~string](s T) *string {
	if s == "" {
		return nil
	}
	v := string(s)
	return &v
}

func (e env) grade(args []string) int {
	fs := newFlags(e, "grade")
	asJSON := fs.Bool("json", false, "")
	lang := fs.String("lang", "sv", "")
	pol := policyFlags(fs)
	files, ok := e.parse(fs, args)
	if !ok {
		return exitUsage
	}
	if len(files) != 1 {
		e.usagef("grade: name one inspection file")
		return exitUsage
	}
	if *lang != "sv" && *lang != "en" {
		e.usagef("grade: --lang is sv or en, not %q", *lang)
		return exitUsage
	}
	insp, res, ok := e.load(files[0], *pol)
	if !ok {
		return exitInvalid
	}
	out := gradeJSON{File: files[0], Unit: insp.Unit.Name, Visit: insp.Visit.String(), Catalog: insp.Catalog, Status: string(insp.Status)}
	for _, a := range res.Areas {
		ca, _ := insp.Cat.Area(a.Letter)
		aj := gradeAreaJSON{Area: a.Letter, Title: ca.Title, Computed: opt(a.Computed), Override: opt(a.Override),
			Adjusted: opt(a.Adjusted), Final: opt(a.Final), Decision: opt(a.Decision), Decisive: a.Decisive, Reasons: []string{}}
		if aj.Decisive == nil {
			aj.Decisive = []string{}
		}
		for _, r := range a.Reasons {
			aj.Reasons = append(aj.Reasons, r.In(*lang))
		}
		out.Areas = append(out.Areas, aj)
	}
	if *asJSON {
		return e.writeJSON(out)
	}
	fmt.Fprintf(e.stdout, "%s, %s (kriterieversion %s, %s)\n\n", out.Unit, out.Visit, out.Catalog, out.Status)
	for _, a := range out.Areas {
		fmt.Fprintf(e.stdout, "%s. %s\n", a.Area, a.Title)
		fmt.Fprintf(e.stdout, "   computed %s  override %s  adjusted %s  final %s\n", dash(a.Computed), dash(a.Override), dash(a.Adjusted), dash(a.Final))
		for _, r := range a.Reasons {
			fmt.Fprintf(e.stdout, "   - %s\n", r)
		}
	}
	return exitOK
}

func dash(s *string) string {
	if s == nil {
		return "-"
	}
	return *s
}

func (e env) writeJSON(v any) int {
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		fmt.Fprintf(e.stderr, "spur: %v\n", err)
		return exitInvalid
	}
	return exitOK
}

func (e env) catalog(args []string) int {
	fs := newFlags(e, "catalog")
	asJSON := fs.Bool("json", false, "")
	version := fs.String("catalog", "", "")
	all := fs.Bool("all", false, "")
	pos, ok := e.parse(fs, args)
	if !ok {
		return exitUsage
	}
	if len(pos) > 0 {
		e.usagef("catalog: takes no file (did you mean spur validate %s?)", strings.Join(pos, " "))
		return exitUsage
	}
	cats, err := schema.Catalogs()
	if err != nil {
		fmt.Fprintf(e.stderr, "spur: %v\n", err)
		return exitInvalid
	}
	if *version != "" {
		c, ok := schema.CatalogVersion(*version)
		if !ok {
			e.usagef("catalog: unknown version %q; the known versions are %s", *version, strings.Join(schema.CatalogVersions(), ", "))
			return exitUsage
		}
		cats = []*schema.Catalog{c}
	} else if !*all {
		cats = cats[len(cats)-1:]
	}
	if *asJSON {
		if len(cats) == 1 {
			return e.writeJSON(cats[0])
		}
		return e.writeJSON(cats)
	}
	for _, c := range cats {
		fmt.Fprintf(e.stdout, "%s (version %s)\n%s\n", c.Title, c.Version, c.Note)
		for _, a := range c.Areas {
			fmt.Fprintf(e.stdout, "\n%s. %s (%s)\n", a.Letter, a.Title, a.Group)
			for _, cr := range a.Criteria {
				fmt.Fprintf(e.stdout, "  %-4s %-2s  %s\n", cr.ID, cr.Kind, cr.Text)
			}
			fmt.Fprintf(e.stdout, "  Gradering: %s\n", a.OptionGrades())
		}
	}
	return exitOK
}

// schema implements `spur schema [-o FILE] [--force]`: the JSON Schema of
// the inspection file, on standard output or into FILE where the user keeps
// inspections.
func (e env) schema(args []string) int {
	fs := newFlags(e, "schema")
	out := fs.String("o", "-", "")
	force := fs.Bool("force", false, "")
	pos, ok := e.parse(fs, args)
	if !ok {
		return exitUsage
	}
	if len(pos) > 0 {
		e.usagef("schema: takes no arguments (write it to a file with -o FILE)")
		return exitUsage
	}
	data := schema.JSONSchema()
	if *out == "-" {
		e.stdout.Write(data)
		return exitOK
	}
	if !strings.EqualFold(filepath.Ext(*out), ".json") {
		e.usagef("schema: -o names a .json file, not %q", filepath.Base(*out))
		return exitUsage
	}
	if old, err := os.ReadFile(*out); err == nil && !*force && !bytes.Equal(old, data) && !isSpurSchema(old) {
		fmt.Fprintf(e.stderr, "spur: %s already exists and is not spur's schema; it was left as it is (write to another name, or say --force to replace it)\n", *out)
		return exitInvalid
	}
	// An older spur schema is replaced: it is ours, and the new one is what
	// this spur checks.
	if _, err := safefile.Write(*out, data); err != nil {
		fmt.Fprintf(e.stderr, "spur: %v\n", err)
		return exitInvalid
	}
	fmt.Fprintln(e.stdout, *out)
	return exitOK
}

// isSpurSchema reports whether a file is a JSON Schema spur wrote (any
// version), which `spur schema -o` may replace.
func isSpurSchema(data []byte) bool {
	var head struct {
		Schema string `json:"$schema"`
		ID     string `json:"$id"`
		Title  string `json:"title"`
	}
	if json.Unmarshal(data, &head) != nil {
		return false
	}
	return head.Schema != "" && strings.Contains(strings.ToLower(head.Title+head.ID), "spur")
}
