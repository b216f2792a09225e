package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Attacks on the files spur import, spur new and spur schema write: none
// may replace a file that holds someone's work, follow a link out of the
// folder it was given to write a file there, or write through what is not
// a regular file.

// planCase is an inspection without a plan and a filled plan workbook in
// dir.
func planCase(t *testing.T, dir string) (insp, book string, src []byte) {
	t.Helper()
	src, want := withoutPlan(t)
	insp = filepath.Join(dir, "insp.yaml")
	os.WriteFile(insp, src, 0o644)
	book = filepath.Join(dir, "plan.xlsx")
	if code, _, errs := runCLI(t, "", "template", insp, "-o", book); code != exitOK {
		t.Fatalf("template: exit %d\n%s", code, errs)
	}
	blank, _ := os.ReadFile(book)
	os.WriteFile(book, fillPlan(t, blank, want), 0o644)
	return insp, book, src
}

// spur import -o OUT writes over OUT only what it may: an earlier result
// of the same import. Another inspection there, a file that is no
// inspection, or the earlier result with follow-ups or an edit made since,
// are kept, and the import says why. Before, each was replaced without a
// word.
func TestImportOutKeepsOtherFiles(t *testing.T) {
	dir := t.TempDir()
	insp, book, _ := planCase(t, dir)
	other, otherSrc := inspectionCopy(t, dir, "other.yaml", func(s string) string {
		return strings.Replace(s, "name: Almaklinikens vårdcentral", "name: Björkklinikens vårdcentral", 1)
	})
	notes := filepath.Join(dir, "notes.yaml")
	os.WriteFile(notes, []byte("# mina anteckningar\nfika: fredag\n"), 0o640)
	os.Chmod(notes, 0o640)
	for _, tc := range []struct {
		out  string
		want string
	}{
		{other, "(it is the inspection of Björkklinikens vårdcentral on 2025-02-11, not of Almaklinikens vårdcentral on 2025-02-11)"},
		{notes, "(it is not an inspection spur reads without errors)"},
	} {
		before, _ := os.ReadFile(tc.out)
		code, _, errs := runCLI(t, "", "import", insp, book, "-o", tc.out)
		if code != exitInvalid || !strings.Contains(errs, "spur: "+tc.out+" already exists, and writing the import over it would lose what it holds "+tc.want) ||
			!strings.Contains(errs, book+": the plan was not imported") {
			t.Errorf("-o %s: exit %d\n%s", tc.out, code, errs)
		}
		unchanged(t, tc.out, before)
	}
	unchanged(t, other, otherSrc)

	// The earlier result of the same import is written again (another
	// --date), and a path to the inspection itself is the inspection.
	out := filepath.Join(dir, "out.yaml")
	for _, date := range []string{"2025-05-20", "2025-05-21"} {
		if code, _, errs := runCLI(t, "", "import", insp, book, "-o", out, "--date", date); code != exitOK {
			t.Fatalf("-o %s --date %s: exit %d\n%s", out, date, code, errs)
		}
	}
	if code, _, errs := runCLI(t, "", "import", insp, book, "-o", filepath.Join(dir, ".", "insp.yaml")); code != exitOK {
		t.Errorf("-o the inspection itself: exit %d\n%s", code, errs)
	}

	// Follow-ups imported into the earlier result, or a change made there,
	// are not written over by importing into the first file again.
	follow := filepath.Join(dir, "uppfoljning.xlsx")
	if code, _, errs := runCLI(t, "", "template", "--follow-up", out, "-o", follow); code != exitOK {
		t.Fatalf("template --follow-up: exit %d\n%s", code, errs)
	}
	fillFollowUps(t, follow, map[string]followUpRow{"C1": {"genomförd", "Levererat.", "2025-11-20", "Eva Lund"}}, nil)
	if code, _, errs := runCLI(t, "", "import", out, follow); code != exitOK {
		t.Fatalf("import of the follow-ups: exit %d\n%s", code, errs)
	}
	withFollowUps, _ := os.ReadFile(out)
	os.Chmod(out, 0o640)
	code, _, errs := runCLI(t, "", "import", insp, book, "-o", out, "--date", "2025-05-20")
	if code != exitInvalid || !strings.Contains(errs, "(its follow-up of C1 dated 2025-11-20 is not in "+insp+")") {
		t.Errorf("-o an earlier result with follow-ups: exit %d\n%s", code, errs)
	}
	unchanged(t, out, withFollowUps)
	edited := bytes.Replace(withFollowUps, []byte("place: Barkarby, Järfälla"), []byte("place: Barkarby"), 1)
	os.WriteFile(out, edited, 0o640)
	code, _, errs = runCLI(t, "", "import", insp, follow, "-o", out)
	if code != exitInvalid || !strings.Contains(errs, "(its unit.place is not "+insp+"'s)") || !strings.Contains(errs, follow+": the follow-ups were not imported") {
		t.Errorf("follow-ups -o an edited result: exit %d\n%s", code, errs)
	}
	unchanged(t, out, edited)
}

// The follow-up import keeps the promises of the plan import about the
// file: through a link the target is written and the link stays; a
// read-only file is refused and stays; --force does not let another
// inspection's workbook in.
func TestFollowUpImportKeepsTheFile(t *testing.T) {
	dir := t.TempDir()
	insp, src := inspectionCopy(t, dir, "inspection.yaml", nil)
	book := filepath.Join(dir, "uppfoljning.xlsx")
	if code, _, errs := runCLI(t, "", "template", "--follow-up", insp, "-o", book); code != exitOK {
		t.Fatalf("template: exit %d\n%s", code, errs)
	}
	fillFollowUps(t, book, map[string]followUpRow{"C1": {"genomförd", "", "2025-11-20", ""}}, nil)

	os.Chmod(insp, 0o440)
	code, _, errs := runCLI(t, "", "import", insp, book)
	if code != exitInvalid || !strings.Contains(errs, "read-only") {
		t.Errorf("read-only: exit %d\n%s", code, errs)
	}
	if now, _ := os.ReadFile(insp); !bytes.Equal(now, src) {
		t.Error("the read-only inspection changed")
	}
	os.Chmod(insp, 0o640)

	link := filepath.Join(dir, "link.yaml")
	os.Symlink("inspection.yaml", link)
	if code, _, errs := runCLI(t, "", "import", link, book); code != exitOK {
		t.Fatalf("through a link: exit %d\n%s", code, errs)
	}
	if st, _ := os.Lstat(link); st.Mode()&os.ModeSymlink == 0 {
		t.Error("the link became a regular file")
	}
	if got := followUpsIn(t, insp)["C1"]; len(got) != 1 {
		t.Errorf("the link's target does not have the follow-up: %+v", got)
	}

	other, otherSrc := inspectionCopy(t, dir, "other.yaml", func(s string) string {
		return strings.Replace(s, "visit: 2025-02-11", "visit: 2025-02-12", 1)
	})
	code, _, errs = runCLI(t, "", "import", other, book, "--force")
	if code != exitInvalid || !strings.Contains(errs, "made for another inspection") {
		t.Errorf("--force with another inspection's workbook: exit %d\n%s", code, errs)
	}
	unchanged(t, other, otherSrc)
}

// spur new and spur schema -o never write through a link to a file
// elsewhere, nor over a folder, nor over the schema a user keeps beside
// the inspections; spur new writes the inspection, and keeps the rest.
func TestNewAndSchemaKeepWhatIsThere(t *testing.T) {
	dir := t.TempDir()
	elsewhere := filepath.Join(t.TempDir(), "elsewhere.yaml")
	os.WriteFile(elsewhere, []byte("min fil\n"), 0o644)
	for name, make := range map[string]func(path string){
		"a link to a file elsewhere": func(p string) { os.Symlink(elsewhere, p) },
		"a dangling link":            func(p string) { os.Symlink(filepath.Join(filepath.Dir(elsewhere), "none.yaml"), p) },
		"a folder":                   func(p string) { os.Mkdir(p, 0o755) },
	} {
		path := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".yaml")
		make(path)
		code, _, errs := runCLI(t, "", "new", path)
		if code != exitInvalid || !strings.Contains(errs, "already exists") {
			t.Errorf("%s: exit %d\n%s", name, code, errs)
		}
	}
	if got, _ := os.ReadFile(elsewhere); string(got) != "min fil\n" {
		t.Error("the file elsewhere changed")
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(elsewhere), "none.yaml")); err == nil {
		t.Error("a file was made at the dangling link's target")
	}
	if code, _, _ := runCLI(t, "", "new", filepath.Join(dir, "a-folder.yaml"), "--force"); code != exitInvalid {
		t.Errorf("--force over a folder: exit %d", code)
	}
	if st, err := os.Stat(filepath.Join(dir, "a-folder.yaml")); err != nil || !st.IsDir() {
		t.Error("the folder is gone")
	}

	// The schema beside: a link to the user's own schema elsewhere, or a
	// folder of that name, is left as it is.
	for name, make := range map[string]func(path string){
		"a link": func(p string) { os.Symlink(elsewhere, p) },
		"folder": func(p string) { os.Mkdir(p, 0o755) },
	} {
		sub := filepath.Join(dir, name)
		os.Mkdir(sub, 0o755)
		make(filepath.Join(sub, schemaFile))
		code, out, errs := runCLI(t, "", "new", filepath.Join(sub, "insp.yaml"))
		if code != exitOK || out != filepath.Join(sub, "insp.yaml")+"\n" {
			t.Errorf("%s as the schema: exit %d, %q\n%s", name, code, out, errs)
		}
	}
	if got, _ := os.ReadFile(elsewhere); string(got) != "min fil\n" {
		t.Error("the file elsewhere changed")
	}

	// spur schema -o: a link to a file that is not spur's schema, a folder.
	link := filepath.Join(dir, "schema-link.json")
	os.WriteFile(elsewhere+".json", []byte(`{"name": "x"}`), 0o644)
	os.Symlink(elsewhere+".json", link)
	if code, _, _ := runCLI(t, "", "schema", "-o", link); code != exitInvalid {
		t.Errorf("schema -o a link to another file: exit %d", code)
	}
	if got, _ := os.ReadFile(elsewhere + ".json"); string(got) != `{"name": "x"}` {
		t.Error("the file behind the link changed")
	}
	folder := filepath.Join(dir, "folder.json")
	os.Mkdir(folder, 0o755)
	if code, _, errs := runCLI(t, "", "schema", "-o", folder, "--force"); code != exitInvalid || !strings.Contains(errs, "not a regular file") {
		t.Errorf("schema -o a folder: exit %d\n%s", code, errs)
	}
}
