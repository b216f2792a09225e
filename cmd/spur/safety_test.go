package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"spur/input"
	"spur/schema"
)

// The regressions of issue 9: spur import never destroys the inspection,
// and spur build stays inside its folders.

// emptyAction is an unfilled action of the YAML plan template.
var emptyAction = regexp.MustCompile(`action: +""`)

// oneLine is the fixture written as one line of flow YAML, as
// `json.dumps(yaml.safe_load(...))` gives it.
func oneLine(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal(datesAsText(v))
	if err != nil {
		t.Fatal(err)
	}
	return append(out, '\n')
}

// datesAsText writes the dates YAML reads as YYYY-MM-DD, as Python's
// json.dumps(..., default=str) does.
func datesAsText(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = datesAsText(e)
		}
	case []any:
		for i, e := range x {
			x[i] = datesAsText(e)
		}
	case time.Time:
		return x.Format(time.DateOnly)
	}
	return v
}

// loadOK loads an inspection file and fails the test on any error.
func loadOK(t *testing.T, path string) *schema.Inspection {
	t.Helper()
	insp, diags, err := input.Load(path)
	if err != nil || diags.HasErrors() {
		t.Fatalf("%s: %v\n%s", path, err, diags)
	}
	return insp
}

func TestImportKeepsAOneLineInspection(t *testing.T) {
	dir := t.TempDir()
	insp := filepath.Join(dir, "one.yaml")
	if err := os.WriteFile(insp, oneLine(t), 0o644); err != nil {
		t.Fatal(err)
	}
	before := loadOK(t, insp)
	// The plan the unit sends back: the fixture's own, in the YAML template.
	plan := filepath.Join(dir, "plan.yaml")
	if code, _, errs := runCLI(t, "", "template", insp, "-o", plan); code != exitOK {
		t.Fatalf("template: %d\n%s", code, errs)
	}
	text, _ := os.ReadFile(plan)
	filled := emptyAction.ReplaceAllString(string(text), `action: "Ny åtgärd"`)
	os.WriteFile(plan, []byte(filled), 0o644)

	code, _, errs := runCLI(t, "", "import", insp, plan, "--force")
	if code != exitOK {
		t.Fatalf("import: exit %d\n%s", code, errs)
	}
	if !strings.Contains(errs, "written anew in block style") {
		t.Errorf("the rewrite in block style is not said:\n%s", errs)
	}
	after := loadOK(t, insp)
	b, a := *before, *after
	if a.ActionPlan == nil || len(a.ActionPlan.Entries) < len(b.ActionPlan.Entries) || a.ActionPlan.Entries[0].Action != "Ny åtgärd" {
		t.Fatalf("the plan was not imported: %+v", a.ActionPlan)
	}
	b.ActionPlan, a.ActionPlan = nil, nil
	if !reflect.DeepEqual(b.Unit, a.Unit) || !reflect.DeepEqual(b.Summary, a.Summary) || !reflect.DeepEqual(b.Inspectors, a.Inspectors) ||
		b.Visit != a.Visit || b.Status != a.Status || b.Catalog != a.Catalog || len(b.Areas) != len(a.Areas) {
		t.Errorf("fields outside the plan changed")
	}
	for k, area := range b.Areas {
		if !reflect.DeepEqual(area.Narrative, a.Areas[k].Narrative) || !reflect.DeepEqual(area.Comments, a.Areas[k].Comments) ||
			!reflect.DeepEqual(area.NotMet, a.Areas[k].NotMet) || area.PlanDecision != a.Areas[k].PlanDecision {
			t.Errorf("area %s changed", k)
		}
	}
}

func TestImportRefusesToBlankAPlan(t *testing.T) {
	dir := t.TempDir()
	insp := filepath.Join(dir, "insp.yaml")
	orig, _ := os.ReadFile(fixture)
	os.WriteFile(insp, orig, 0o644)
	plan := filepath.Join(dir, "plan.yaml")
	if code, _, errs := runCLI(t, "", "template", insp, "-o", plan); code != exitOK {
		t.Fatalf("template: %d\n%s", code, errs)
	}
	// One action filled in: the other 13 entries' texts would go.
	text, _ := os.ReadFile(plan)
	at := emptyAction.FindStringIndex(string(text))
	filled := string(text[:at[0]]) + `action: "Inköp av öronmikroskop"` + string(text[at[1]:])
	os.WriteFile(plan, []byte(filled), 0o644)

	code, _, errs := runCLI(t, "", "import", insp, plan)
	if code != exitInvalid {
		t.Fatalf("exit %d, want 1\n%s", code, errs)
	}
	for _, want := range []string{"the entry for D7 has text in Planerad åtgärd", "would erase", "--force", "unchanged"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	if now, _ := os.ReadFile(insp); !bytes.Equal(now, orig) {
		t.Errorf("the inspection changed")
	}
	// With --force the user says so, and the texts go, each named.
	code, _, errs = runCLI(t, "", "import", insp, plan, "--force", "--date", "2025-05-20")
	if code != exitOK || !strings.Contains(errs, "warning: the entry for D7") {
		t.Fatalf("--force: exit %d\n%s", code, errs)
	}
	if got := loadOK(t, insp).ActionPlan.Entries; got[0].Action != "Inköp av öronmikroskop" || got[1].Action != "" {
		t.Errorf("entries after --force: %q, %q", got[0].Action, got[1].Action)
	}
}

// importCase sets up an inspection without a plan and a filled YAML plan.
func importCase(t *testing.T) (dir, insp, plan string, src []byte) {
	t.Helper()
	dir = t.TempDir()
	src, _ = withoutPlan(t)
	insp = filepath.Join(dir, "insp.yaml")
	if err := os.WriteFile(insp, src, 0o644); err != nil {
		t.Fatal(err)
	}
	plan = filepath.Join(dir, "plan.yaml")
	if code, _, errs := runCLI(t, "", "template", insp, "-o", plan); code != exitOK {
		t.Fatalf("template: %d\n%s", code, errs)
	}
	text, _ := os.ReadFile(plan)
	os.WriteFile(plan, []byte(emptyAction.ReplaceAllString(string(text), `action: "Åtgärd"`)), 0o644)
	return dir, insp, plan, src
}

func TestImportKeepsModeAndLinks(t *testing.T) {
	t.Run("0600 stays 0600", func(t *testing.T) {
		_, insp, plan, _ := importCase(t)
		os.Chmod(insp, 0o600)
		if code, _, errs := runCLI(t, "", "import", insp, plan); code != exitOK {
			t.Fatalf("exit %d\n%s", code, errs)
		}
		if st, _ := os.Stat(insp); st.Mode().Perm() != 0o600 {
			t.Errorf("mode %04o", st.Mode().Perm())
		}
	})
	t.Run("0444 is refused", func(t *testing.T) {
		_, insp, plan, src := importCase(t)
		os.Chmod(insp, 0o444)
		code, _, errs := runCLI(t, "", "import", insp, plan)
		if code != exitInvalid || !strings.Contains(errs, "read-only") {
			t.Fatalf("exit %d\n%s", code, errs)
		}
		if now, _ := os.ReadFile(insp); !bytes.Equal(now, src) {
			t.Errorf("the read-only inspection changed")
		}
		if st, _ := os.Stat(insp); st.Mode().Perm() != 0o444 {
			t.Errorf("mode %04o", st.Mode().Perm())
		}
	})
	t.Run("a symbolic link is written through", func(t *testing.T) {
		dir, insp, plan, src := importCase(t)
		link := filepath.Join(dir, "link.yaml")
		os.Symlink("insp.yaml", link)
		if code, _, errs := runCLI(t, "", "import", link, plan); code != exitOK {
			t.Fatalf("exit %d\n%s", code, errs)
		}
		if st, _ := os.Lstat(link); st.Mode()&os.ModeSymlink == 0 {
			t.Errorf("the link became a regular file")
		}
		if now, _ := os.ReadFile(insp); bytes.Equal(now, src) || loadOK(t, insp).ActionPlan == nil {
			t.Errorf("the link's target was not written")
		}
	})
	t.Run("a hard link is refused, not split", func(t *testing.T) {
		dir, insp, plan, src := importCase(t)
		other := filepath.Join(dir, "other.yaml")
		os.Link(insp, other)
		code, _, errs := runCLI(t, "", "import", insp, plan)
		if code != exitInvalid || !strings.Contains(errs, "hard links") {
			t.Fatalf("exit %d\n%s", code, errs)
		}
		a, _ := os.Stat(insp)
		b, _ := os.Stat(other)
		if !os.SameFile(a, b) {
			t.Errorf("the hard link was split")
		}
		if now, _ := os.ReadFile(insp); !bytes.Equal(now, src) {
			t.Errorf("the inspection changed")
		}
	})
	t.Run("a leftover of a killed import is removed", func(t *testing.T) {
		dir, insp, plan, _ := importCase(t)
		left := filepath.Join(dir, ".insp.yaml.4242.tmp")
		os.WriteFile(left, []byte("half"), 0o600)
		if code, _, errs := runCLI(t, "", "import", insp, plan); code != exitOK || !strings.Contains(errs, "removed") {
			t.Fatalf("exit %d\n%s", code, errs)
		}
		if _, err := os.Stat(left); err == nil {
			t.Errorf("the leftover is still there")
		}
	})
}

// buildTree is inspections/2025/<fixture> and a built reports/.
func buildTree(t *testing.T) (dir string) {
	t.Helper()
	dir = t.TempDir()
	os.MkdirAll(filepath.Join(dir, "inspections", "2025"), 0o755)
	data, _ := os.ReadFile(fixture)
	os.WriteFile(filepath.Join(dir, "inspections", "2025", "a.yaml"), data, 0o644)
	if code, _, errs := runBuild(t, filepath.Join(dir, "inspections"), "-o", filepath.Join(dir, "reports"), "--format", "md"); code != exitOK {
		t.Fatalf("build: %d\n%s", code, errs)
	}
	return dir
}

func names(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, rel)
		}
		return nil
	})
	return out
}

func TestBuildStaysInsideItsFolders(t *testing.T) {
	t.Run("prune through a linked root keeps every report", func(t *testing.T) {
		dir := buildTree(t)
		reports := filepath.Join(dir, "reports")
		before := names(t, reports)
		link := filepath.Join(dir, "link")
		os.Symlink("inspections", link)
		code, _, errs := runBuild(t, "--prune", link, "-o", reports, "--format", "md")
		if code != exitOK {
			t.Fatalf("exit %d\n%s", code, errs)
		}
		if got := names(t, reports); !reflect.DeepEqual(got, before) {
			t.Errorf("reports %v, want %v", got, before)
		}
	})
	t.Run("a build that finds nothing fails and prunes nothing", func(t *testing.T) {
		dir := buildTree(t)
		reports := filepath.Join(dir, "reports")
		before := names(t, reports)
		os.Mkdir(filepath.Join(dir, "empty"), 0o755)
		code, _, errs := runBuild(t, "--prune", filepath.Join(dir, "empty"), "-o", reports)
		if code != exitInvalid || !strings.Contains(errs, "no inspection") {
			t.Fatalf("exit %d\n%s", code, errs)
		}
		if got := names(t, reports); !reflect.DeepEqual(got, before) {
			t.Errorf("reports %v, want %v", got, before)
		}
	})
	t.Run("a link inside OUT that leaves it is an error", func(t *testing.T) {
		dir := buildTree(t)
		reports := filepath.Join(dir, "reports")
		os.RemoveAll(filepath.Join(reports, "2025"))
		os.Mkdir(filepath.Join(dir, "elsewhere"), 0o755)
		os.Symlink("../elsewhere", filepath.Join(reports, "2025"))
		for _, args := range [][]string{{}, {"--check"}, {"--prune"}} {
			code, _, errs := runBuild(t, append(args, filepath.Join(dir, "inspections"), "-o", reports, "--format", "md")...)
			if code != exitInvalid || !strings.Contains(errs, "leads out of") {
				t.Errorf("%v: exit %d\n%s", args, code, errs)
			}
			if got := names(t, filepath.Join(dir, "elsewhere")); len(got) > 0 {
				t.Errorf("%v: written outside OUT: %v", args, got)
			}
		}
	})
	t.Run("OUT given as a link checks as its real path", func(t *testing.T) {
		dir := buildTree(t)
		reports := filepath.Join(dir, "reports")
		os.WriteFile(filepath.Join(reports, "2025", "gone-2020-01-01.md"), []byte("x"), 0o644)
		os.WriteFile(filepath.Join(reports, "2025", ".gone-2020-01-01.md.77.tmp"), []byte("x"), 0o644)
		link := filepath.Join(dir, "rlink")
		os.Symlink("reports", link)
		var outs [2]string
		for i, out := range []string{reports, link} {
			code, stdout, _ := runBuild(t, "--check", filepath.Join(dir, "inspections"), "-o", out, "--format", "md")
			if code != exitInvalid {
				t.Errorf("%s: exit %d", out, code)
			}
			outs[i] = strings.ReplaceAll(stdout, out, "OUT")
		}
		if outs[0] != outs[1] || !strings.Contains(outs[0], "unexpected: OUT/2025/gone-2020-01-01.md") || !strings.Contains(outs[0], "leftover: OUT/2025/.gone") {
			t.Errorf("via the path:\n%s\nvia the link:\n%s", outs[0], outs[1])
		}
		// The build removes the leftover, and prunes through the link.
		if code, _, errs := runBuild(t, "--prune", filepath.Join(dir, "inspections"), "-o", link, "--format", "md"); code != exitOK {
			t.Fatalf("prune: %d\n%s", code, errs)
		}
		for _, n := range names(t, reports) {
			if strings.Contains(n, "gone") {
				t.Errorf("still there: %s", n)
			}
		}
	})
	t.Run("links out of the tree, pipes and devices are skipped unread", func(t *testing.T) {
		dir := buildTree(t)
		in := filepath.Join(dir, "inspections")
		secret := filepath.Join(t.TempDir(), "token")
		const token = "ghp_0123456789abcdefghijklmnopqrstuvwxyzAB"
		os.WriteFile(secret, []byte(token+"\n"), 0o600)
		os.Symlink(secret, filepath.Join(in, "x.yaml"))
		if err := mkfifo(filepath.Join(in, "b.yaml")); err != nil {
			t.Skip(err)
		}
		os.Symlink("/dev/zero", filepath.Join(in, "z.yaml"))
		for _, args := range [][]string{{}, {"--check"}, {"--json"}} {
			code, stdout, errs := runBuild(t, append(args, in, "-o", filepath.Join(dir, "reports"), "--format", "md")...)
			all := stdout + errs
			if strings.Contains(all, token) || strings.Contains(all, "0123456789") {
				t.Errorf("%v: the token was printed", args)
			}
			for _, want := range []string{"x.yaml", "outside", "b.yaml", "named pipe", "z.yaml"} {
				if !strings.Contains(all, want) {
					t.Errorf("%v: output lacks %q:\n%s", args, want, all)
				}
			}
			if code != exitOK {
				t.Errorf("%v: exit %d, want 0 (skipped inputs are warnings)\n%s", args, code, all)
			}
		}
	})
}

// The file name keeps the visit date whole, so that two visits of a unit
// with a long name give two reports.
func TestLongUnitNamesKeepTheDate(t *testing.T) {
	dir := t.TempDir()
	data, _ := os.ReadFile(fixture)
	long := strings.Repeat("Vårdcentralen med ett mycket långt namn ", 4)
	src := strings.Replace(string(data), "name: Almaklinikens vårdcentral", "name: "+long, 1)
	a := filepath.Join(dir, "a.yaml")
	b := filepath.Join(dir, "b.yaml")
	os.WriteFile(a, []byte(src), 0o644)
	os.WriteFile(b, []byte(strings.Replace(src, "visit: 2025-02-11", "visit: 2025-02-12", 1)), 0o644)
	out := filepath.Join(dir, "out")
	for _, f := range []string{a, b} {
		if code, _, errs := runCLI(t, "", "report", f, "-o", out, "--format", "md"); code != exitOK {
			t.Fatalf("%s: %d\n%s", f, code, errs)
		}
	}
	got := names(t, out)
	if len(got) != 2 || !strings.HasSuffix(got[0], "-2025-02-11.md") || !strings.HasSuffix(got[1], "-2025-02-12.md") {
		t.Errorf("reports %v, want one per visit, each ending in its date", got)
	}
	// Two units whose names agree as far as a file name keeps them: the
	// message says that, not "the same unit visited on the same day".
	os.Remove(b)
	os.WriteFile(b, []byte(strings.Replace(src, long, long+" Norra", 1)), 0o644)
	code, _, errs := runBuild(t, dir, "-o", filepath.Join(dir, "reports"), "--format", "md")
	if code != exitInvalid || !strings.Contains(errs, "give the same file name") || strings.Contains(errs, "same day") {
		t.Errorf("exit %d\n%s", code, errs)
	}
}

// A template is never written over a workbook someone may have filled in.
func TestTemplateKeepsAFilledWorkbook(t *testing.T) {
	dir := t.TempDir()
	plan := filepath.Join(dir, "plan.xlsx")
	if code, _, errs := runCLI(t, "", "template", fixture, "-o", plan); code != exitOK {
		t.Fatalf("template: %d\n%s", code, errs)
	}
	// The same template again is fine: nothing changes.
	if code, _, errs := runCLI(t, "", "template", fixture, "-o", plan); code != exitOK {
		t.Fatalf("the same template again: %d\n%s", code, errs)
	}
	filled := []byte("PK\x03\x04 what the unit wrote")
	os.WriteFile(plan, filled, 0o644)
	code, _, errs := runCLI(t, "", "template", fixture, "-o", plan)
	if code != exitInvalid || !strings.Contains(errs, "--force") {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	if now, _ := os.ReadFile(plan); !bytes.Equal(now, filled) {
		t.Errorf("the filled workbook was replaced")
	}
	if code, _, errs := runCLI(t, "", "template", fixture, "-o", plan, "--force"); code != exitOK {
		t.Fatalf("--force: %d\n%s", code, errs)
	}
	ins := filepath.Join(dir, "insp.xlsx")
	os.WriteFile(ins, filled, 0o644)
	if code, _, _ := runCLI(t, "", "template", "--inspection", "-o", ins); code != exitInvalid {
		t.Errorf("template --inspection replaced a file: exit %d", code)
	}
}
