package pdf

import (
	"bytes"
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"spur/corpus"
	"spur/grade"
	"spur/input"
	"spur/internal/preflight"
	"spur/report"
	"spur/report/compose"
	"spur/report/overview"
)

// pdfaFile is one PDF of the PDF/A corpus.
type pdfaFile struct {
	name string
	b    []byte
}

// pdfaCorpus is every kind of PDF spur writes: the fixture's report (in
// both languages) and action plan, stress documents, and the reports,
// plans and overview of ten generated inspections (three with -short).
func pdfaCorpus(t *testing.T) []pdfaFile {
	t.Helper()
	var files []pdfaFile
	add := func(name string, write func(w *bytes.Buffer) error) {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		files = append(files, pdfaFile{name, buf.Bytes()})
	}
	reportAndPlan := func(prefix string, r *report.Report) {
		add(prefix+"-report.pdf", func(w *bytes.Buffer) error { _, err := Report(w, r); return err })
		if r.Plan != nil {
			add(prefix+"-plan.pdf", func(w *bytes.Buffer) error { _, err := Plan(w, r); return err })
		}
	}
	reportAndPlan("fixture-sv", fixtureReport(t, "sv"))
	reportAndPlan("fixture-en", fixtureReport(t, "en"))

	for name, fill := range map[string]func(d *Doc){
		"sample": func(d *Doc) { sample(d, 16) },
		"hostile": func(d *Doc) {
			d.SetContext("hostile")
			d.Bookmark(strings.Join(hostile, " ")[:200], 0)
			for _, s := range hostile {
				d.Heading(s, 2)
				d.Paragraph(Run{Text: s})
			}
		},
		"empty": func(d *Doc) {},
	} {
		b, _ := render(t, fill)
		files = append(files, pdfaFile{"stress-" + name + ".pdf", b})
	}

	n := 10
	if testing.Short() {
		n = 3
	}
	paths, err := corpus.GenerateFrom([]string{"../../fixtures/almaklinikens-vardcentral-2025.yaml"}, t.TempDir(), n, 12)
	if err != nil {
		t.Fatal(err)
	}
	var rows []overview.Row
	for _, p := range paths {
		insp, diags, err := input.Load(p)
		if err != nil || diags.HasErrors() {
			t.Fatalf("%s: %v %s", p, err, diags)
		}
		res, _ := grade.Inspection(insp, grade.DefaultPolicy())
		reportAndPlan("corpus-"+strings.TrimSuffix(filepath.Base(p), ".yaml"), compose.Report(insp, res, report.Options{Lang: "sv"}))
		rows = append(rows, compose.Row(insp, res, filepath.Base(p)))
	}
	v := compose.Overview(rows, overview.Filter{}, "sv")
	add("corpus-index.pdf", func(w *bytes.Buffer) error { _, err := Index(w, v); return err })
	slices.SortFunc(files, func(a, b pdfaFile) int { return strings.Compare(a.name, b.name) })
	for i := 1; i < len(files); i++ {
		if files[i].name == files[i-1].name {
			t.Fatalf("two files named %s", files[i].name)
		}
	}
	return files
}

// TestPDFA: every PDF spur writes is PDF/A-1b (issue 12), as Apache PDFBox
// Preflight sees it, and stays clean for qpdf --check. Preflight checks the
// whole corpus in one JVM; without it the test skips, or fails under CI.
func TestPDFA(t *testing.T) {
	files := pdfaCorpus(t)
	t.Run("qpdf", func(t *testing.T) {
		for _, f := range files {
			t.Run(f.name, func(t *testing.T) { qpdfCheck(t, f.b) })
		}
	})
	t.Run("preflight", func(t *testing.T) {
		preflight.Require(t)
		dir := t.TempDir()
		var paths []string
		for _, f := range files {
			p := filepath.Join(dir, f.name)
			if err := os.WriteFile(p, f.b, 0o644); err != nil {
				t.Fatal(err)
			}
			paths = append(paths, p)
		}
		// A control: the fixture's report without its /ID, which Preflight
		// must find, or it is not reading the files it is given.
		control := filepath.Join(dir, "control-without-id.pdf")
		if err := os.WriteFile(control, withoutID(t, pdfaFind(t, files, "fixture-sv-report.pdf")), 0o644); err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		got, err := preflight.Validate(t.Context(), append(paths, control)...)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("Preflight checked %d files in %v", len(paths)+1, time.Since(start).Round(time.Millisecond))
		if ps := got[control]; !slices.ContainsFunc(ps, func(p preflight.Problem) bool { return p.Code == "1.4.1" }) {
			t.Errorf("a report without /ID passed Preflight: %v", ps)
		}
		delete(got, control)
		if s := pdfaSummary(got); s != "" {
			t.Error(s)
		}
	})
}

func pdfaFind(t *testing.T, files []pdfaFile, name string) []byte {
	t.Helper()
	for _, f := range files {
		if f.name == name {
			return f.b
		}
	}
	t.Fatalf("no %s", name)
	return nil
}

// withoutID is the PDF with the /ID of its last trailer removed, which
// leaves every offset as it was: PDF/A-1 requires the ID (ISO 19005-1,
// 6.1.3).
func withoutID(t *testing.T, b []byte) []byte {
	t.Helper()
	i := bytes.LastIndex(b, []byte("trailer"))
	if i < 0 {
		t.Fatal("no trailer")
	}
	tail := regexp.MustCompile(`/ID\s*\[[^\]]*\]`).ReplaceAll(b[i:], nil)
	return append(b[:i:i], tail...)
}

// pdfaSummary is the problems Preflight found, one line per kind (code
// and message) with how often and in which files; "" when there are none.
func pdfaSummary(got map[string][]preflight.Problem) string {
	type kind struct {
		code, msg string
		count     int
		files     []string
	}
	kinds := map[[2]string]*kind{}
	failed, total := 0, 0
	for path, ps := range got {
		if len(ps) > 0 {
			failed++
		}
		for _, p := range ps {
			k := kinds[[2]string{p.Code, p.Message}]
			if k == nil {
				k = &kind{code: p.Code, msg: p.Message}
				kinds[[2]string{p.Code, p.Message}] = k
			}
			k.count += p.Count
			total += p.Count
			if name := filepath.Base(path); !slices.Contains(k.files, name) {
				k.files = append(k.files, name)
			}
		}
	}
	if failed == 0 {
		return ""
	}
	list := make([]*kind, 0, len(kinds))
	for _, k := range kinds {
		slices.Sort(k.files)
		list = append(list, k)
	}
	slices.SortFunc(list, func(a, b *kind) int {
		return cmp.Or(b.count-a.count, strings.Compare(a.code, b.code), strings.Compare(a.msg, b.msg))
	})
	var b strings.Builder
	fmt.Fprintf(&b, "not PDF/A-1b: %d of %d files, %d kinds of problem, %d in all:", failed, len(got), len(list), total)
	const most = 40
	for i, k := range list {
		if i == most {
			fmt.Fprintf(&b, "\n  … and %d more kinds", len(list)-most)
			break
		}
		fmt.Fprintf(&b, "\n  %6d× %s %s [%s]", k.count, k.code, k.msg, pdfaWhere(k.files, got))
	}
	return b.String()
}

// pdfaWhere names the files a kind of problem is in, briefly.
func pdfaWhere(files []string, all map[string][]preflight.Problem) string {
	switch {
	case len(files) == len(all):
		return fmt.Sprintf("all %d files", len(all))
	case len(files) <= 2:
		return strings.Join(files, ", ")
	case len(all)-len(files) <= 2:
		var but []string
		for path := range all {
			if name := filepath.Base(path); !slices.Contains(files, name) {
				but = append(but, name)
			}
		}
		slices.Sort(but)
		return "all but " + strings.Join(but, ", ")
	}
	return fmt.Sprintf("%d files, e.g. %s", len(files), files[0])
}
