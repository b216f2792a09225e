package markdown

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"spur/report"
	"spur/report/compose/comparetest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

var goldens = []struct {
	file string
	lang string
	plan bool
	// previous: the report with the comparison with the previous visit
	// (comparetest).
	previous bool
}{
	{"report.sv.md", "sv", false, false},
	{"report.en.md", "en", false, false},
	{"actionplan.sv.md", "sv", true, false},
	{"report.compare.sv.md", "sv", false, true},
}

// TestGolden compares the fixture's documents with testdata/, byte for
// byte; go test ./render/markdown -update rewrites them.
func TestGolden(t *testing.T) {
	for _, g := range goldens {
		t.Run(g.file, func(t *testing.T) {
			r := build(t, g.lang)
			if g.previous {
				r = comparetest.Report(t, g.lang)
			}
			got := render(t, r, g.plan)
			path := filepath.Join("testdata", g.file)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (go test ./render/markdown -update writes it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the output; review with -update and git diff\n%s", path, firstDiff(got, want))
			}
		})
	}
}

func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := range max(len(g), len(w)) {
		var a, b string
		if i < len(g) {
			a = g[i]
		}
		if i < len(w) {
			b = w[i]
		}
		if a != b {
			return "line " + strconv.Itoa(i+1) + ":\n got  " + a + "\n want " + b
		}
	}
	return ""
}

// TestReportShape parses each golden report back and checks what a reader
// relies on: the headings in order, the tables, one task per criterion
// with its text verbatim, the plan's entries.
func TestReportShape(t *testing.T) {
	for _, lang := range []string{"sv", "en"} {
		t.Run(lang, func(t *testing.T) {
			r := build(t, lang)
			md := golden(t, "report."+lang+".md")
			s := parseShape(t, md)
			l := r.L
			want := []heading{{1, l.Title}, {2, l.Summary}, {2, l.Overview}}
			for _, g := range r.Groups {
				want = append(want, heading{2, g.Name})
				for _, a := range g.Areas {
					want = append(want, heading{3, a.Heading})
					for _, p := range parts(a) {
						want = append(want, heading{4, p.Heading})
					}
					want = append(want, heading{4, l.Grading})
				}
			}
			want = append(want, heading{2, l.Plan})
			last := ""
			for _, e := range r.Plan.Entries {
				if e.AreaHeading != last {
					want = append(want, heading{3, e.AreaHeading})
					last = e.AreaHeading
				}
				want = append(want, heading{4, l.Criterion + " " + e.CriterionID})
			}
			if !slices.Equal(s.Headings, want) {
				t.Errorf("headings:\n got  %v\n want %v", s.Headings, want)
			}
			letters := ""
			for _, h := range s.Headings {
				if h.Level == 3 && len(letters) < 8 {
					letters += h.Text[:1]
				}
			}
			if letters != "ABCDEFGH" || r.Groups[0].Name != s.Headings[3].Text || s.Headings[3].Level != 2 {
				t.Errorf("areas in order %q under %v", letters, s.Headings[3])
			}
			if s.Tables != 16 || s.TableRows[0] != 11 || s.TableRows[1] != 8 {
				t.Errorf("%d tables, rows %v; want summary (11 rows), overview (8) and 14 plan tables", s.Tables, s.TableRows)
			}
			met := 0
			var texts []string
			for _, g := range r.Groups {
				for _, a := range g.Areas {
					for _, sec := range a.Parts {
						for _, c := range sec.Criteria {
							if c.State == report.Met {
								met++
							}
							texts = append(texts, c.ID+" "+c.Text)
						}
					}
				}
			}
			if len(s.Tasks) != 74 || s.Checked != met || s.Unchecked != 74-met || met != 51 {
				t.Errorf("%d tasks, %d checked, %d unchecked; want 74, 51, 23", len(s.Tasks), s.Checked, s.Unchecked)
			}
			for i, text := range texts {
				if i < len(s.Tasks) && !strings.HasPrefix(s.Tasks[i], text) {
					t.Errorf("task %d: %q\n does not start with %q", i, s.Tasks[i], text)
				}
			}
			if s.HTML != 0 {
				t.Errorf("%d raw HTML nodes", s.HTML)
			}
			plain := plainText(t, md)
			for _, e := range r.Plan.Entries {
				if !strings.Contains(plain, collapse(e.CriterionText)) {
					t.Errorf("plan entry %s: criterion text missing", e.CriterionID)
				}
			}
		})
	}
}

func TestPlanShape(t *testing.T) {
	r := build(t, "sv")
	md := golden(t, "actionplan.sv.md")
	s := parseShape(t, md)
	var ids []string
	areas := 0
	for _, h := range s.Headings {
		switch h.Level {
		case 2:
			areas++
		case 3:
			ids = append(ids, strings.TrimPrefix(h.Text, r.L.Criterion+" "))
		}
	}
	want := []string{"C1", "D7", "E4", "E5", "E6", "G1", "G2", "H1", "H2", "H4", "H5", "H6", "H7", "H9"}
	if s.Headings[0] != (heading{1, r.L.ActionPlanTitle}) || areas != 5 || !slices.Equal(ids, want) {
		t.Errorf("headings %v", s.Headings)
	}
	if s.Tables != 14 || len(s.Tasks) != 0 || s.HTML != 0 {
		t.Errorf("%d tables, %d tasks, %d HTML", s.Tables, len(s.Tasks), s.HTML)
	}
	for _, want := range []string{"Almaklinikens vårdcentral", "11 februari 2025", "20 maj 2025",
		"Denna rutin träder i kraft omedelbart och ska kommuniceras till alla berörda parter."} {
		if !strings.Contains(plainText(t, md), want) {
			t.Errorf("%q missing", want)
		}
	}
}

func golden(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestDeterministic renders twice, and from several goroutines at once
// with the shared templates.
func TestDeterministic(t *testing.T) {
	r := build(t, "sv")
	first := render(t, r, false)
	var wg sync.WaitGroup
	outs := make([][]byte, 8)
	for i := range outs {
		wg.Go(func() {
			var buf bytes.Buffer
			if err := Render(&buf, r); err == nil {
				outs[i] = buf.Bytes()
			}
		})
	}
	wg.Wait()
	for i, o := range outs {
		if !bytes.Equal(o, first) {
			t.Errorf("render %d differs", i)
		}
	}
}

// TestNotAnOption: an adjusted C where the area has no option C (area C in
// one catalogue version) is said in words after the options.
func TestNotAnOption(t *testing.T) {
	r := build(t, "sv")
	a := &r.Groups[0].Areas[2]
	a.Options = slices.DeleteFunc(a.Options, func(o report.Option) bool { return o.Grade == "C" })
	md := render(t, r, false)
	want := "- D. Brister har påvisats vad gäller följsamheten till Socialstyrelsens föreskrifter. Åtgärder krävs.\n\n" +
		"**Gradering: C** *Handlingsplan inkommen, gradering justerad till C.*\n"
	if !bytes.Contains(md, []byte(want)) {
		t.Errorf("no adjusted grade in words:\n%s", md)
	}
	if s := parseShape(t, md); s.Tables != 16 || len(s.Tasks) != 74 {
		t.Errorf("shape changed: %d tables, %d tasks", s.Tables, len(s.Tasks))
	}
}

func TestRenderPlanWithoutPlan(t *testing.T) {
	r := build(t, "sv")
	r.Plan = nil
	if err := RenderPlan(io.Discard, r); !errors.Is(err, ErrNoPlan) {
		t.Errorf("err = %v, want ErrNoPlan", err)
	}
	md := render(t, r, false)
	if bytes.Contains(md, []byte("HANDLINGSPLAN")) {
		t.Error("a report without a plan has a HANDLINGSPLAN section")
	}
}

// TestNew: a directory's own template replaces the embedded one of that
// name; the others stay embedded.
func TestNew(t *testing.T) {
	dir := t.TempDir()
	own := "# {{esc .Unit.Name}}\n\n{{template \"plan\" (planAt . 2)}}\n"
	if err := os.WriteFile(filepath.Join(dir, ReportFile), []byte(own), 0o644); err != nil {
		t.Fatal(err)
	}
	m, err := New(dir)
	if err != nil {
		t.Fatal(err)
	}
	r := build(t, "sv")
	var rep, plan bytes.Buffer
	if err := m.Report(&rep, r); err != nil {
		t.Fatal(err)
	}
	if err := m.Plan(&plan, r); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(rep.String(), "# Almaklinikens vårdcentral\n\n## C. Lokaler") {
		t.Errorf("own report template not used:\n%.200s", rep.String())
	}
	if !bytes.Equal(plan.Bytes(), golden(t, "actionplan.sv.md")) {
		t.Error("the action plan should fall back to the embedded template")
	}

	win := t.TempDir()
	os.WriteFile(filepath.Join(win, PlanFile), []byte("\uFEFF# Egen  \r\n\r\n\r\n{{esc .Unit.Name}}\r\n"), 0o644)
	plan.Reset()
	if m, err := New(win); err != nil || m.Plan(&plan, r) != nil || plan.String() != "# Egen\n\nAlmaklinikens vårdcentral\n" {
		t.Errorf("template saved on Windows: %v %q", err, plan.String())
	}

	for name, dir := range map[string]string{"missing": filepath.Join(dir, "nope"), "empty": t.TempDir()} {
		if _, err := New(dir); err == nil {
			t.Errorf("%s directory: no error", name)
		}
	}
	bad := t.TempDir()
	os.WriteFile(filepath.Join(bad, PlanFile), []byte("{{esc .Unit.Name"), 0o644)
	if _, err := New(bad); err == nil || !strings.Contains(err.Error(), PlanFile) {
		t.Errorf("bad template: %v", err)
	}
	if m, err := New(""); err != nil || m != must(embedded()) {
		t.Errorf("New(\"\") should be the shared embedded renderer: %v", err)
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// BenchmarkRender: the fixture to Markdown, templates already parsed.
func BenchmarkRender(b *testing.B) {
	r := build(b, "sv")
	if err := Render(io.Discard, r); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := Render(io.Discard, r); err != nil {
			b.Fatal(err)
		}
	}
}
