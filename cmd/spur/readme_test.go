package main

import (
	"bufio"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const readme = "../../README.md"

// fences returns the README's fenced code blocks with their info strings,
// and the heading each stands under.
func fences(t *testing.T) (blocks []struct{ info, heading, text string }) {
	t.Helper()
	data, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	var (
		in      bool
		heading string
		cur     struct{ info, heading, text string }
	)
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for sc.Scan() {
		line := sc.Text()
		switch {
		case !in && strings.HasPrefix(line, "```"):
			in = true
			cur = struct{ info, heading, text string }{strings.TrimPrefix(line, "```"), heading, ""}
		case in && strings.HasPrefix(line, "```"):
			in = false
			blocks = append(blocks, cur)
		case in:
			cur.text += line + "\n"
		case strings.HasPrefix(line, "#"):
			heading = strings.TrimSpace(strings.TrimLeft(line, "#"))
		}
	}
	return blocks
}

// The README's inspection example validates as written: no error and no
// warning.
func TestReadmeInspectionExample(t *testing.T) {
	for _, b := range fences(t) {
		if b.info != "yaml" {
			continue
		}
		path := filepath.Join(t.TempDir(), "inspektion.yaml")
		os.WriteFile(path, []byte(b.text), 0o644)
		code, _, errs := runCLI(t, "", "validate", path)
		if code != exitOK || errs != "" {
			t.Errorf("the README's example under %q does not validate as written: exit %d\n%s", b.heading, code, errs)
		}
		return
	}
	t.Fatal("the README has no yaml example")
}

var flagToken = regexp.MustCompile(`(?:^|[\s\[|])(--?[a-z][a-z0-9-]*)`)

// Every spur command line in the README names a command spur has and only
// flags that command takes, as its help lists them.
func TestReadmeCommands(t *testing.T) {
	n := 0
	for _, b := range fences(t) {
		if b.info == "yaml" {
			continue
		}
		for _, line := range strings.Split(strings.ReplaceAll(b.text, "\\\n", " "), "\n") {
			line, _, _ = strings.Cut(line, " #")
			line = strings.TrimSpace(line)
			if !strings.HasPrefix(line, "spur ") {
				continue
			}
			n++
			args := strings.Fields(line)[1:]
			cmd := args[0]
			if strings.HasPrefix(cmd, "-") {
				continue // spur --help | --version
			}
			if _, ok := commands[cmd]; !ok {
				t.Errorf("README: %q: spur has no command %q", line, cmd)
				continue
			}
			_, help, _ := runCLI(t, "", "help", cmd)
			for _, m := range flagToken.FindAllStringSubmatch(strings.Join(args[1:], " "), -1) {
				f := m[1]
				if f == "-" || f == "--" {
					continue
				}
				if !regexp.MustCompile(`(?m)^  ` + regexp.QuoteMeta(f) + `( |$)`).MatchString(help) {
					t.Errorf("README: %q: spur %s takes no %s", line, cmd, f)
				}
			}
		}
	}
	if n < 15 {
		t.Errorf("found only %d spur command lines in the README", n)
	}
}

// A user following the README from a fresh clone gets spur on the PATH
// with the README's own commands, writes a new inspection, fills it and
// renders it. The block runs in a copy of the source tree, with a GOPATH of
// its own and a PATH that holds no spur, so that only make install can put
// spur there.
func TestReadmeFirstHour(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and installs spur")
	}
	for _, tool := range []string{"bash", "make", "go"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("no %s: %v", tool, err)
		}
	}
	var block string
	for _, b := range fences(t) {
		if strings.HasPrefix(b.heading, "The first hour") && b.info == "sh" {
			block = b.text
		}
	}
	if !strings.Contains(block, "make install") || !strings.Contains(block, "spur new") {
		t.Fatalf("the README's first-hour block lacks make install or spur new:\n%s", block)
	}
	clone := t.TempDir()
	copyTree(t, "../..", clone)
	gopath := t.TempDir()
	env := []string{"HOME=" + t.TempDir(), "GOPATH=" + gopath, "PATH=" + pathWithoutSpur(), "GOFLAGS=-mod=mod"}
	for _, k := range []string{"GOMODCACHE", "GOCACHE", "GOPROXY", "GOTOOLCHAIN"} {
		if v, err := exec.Command("go", "env", k).Output(); err == nil {
			env = append(env, k+"="+strings.TrimSpace(string(v)))
		}
	}
	sh := func(script string) string {
		t.Helper()
		cmd := exec.Command("bash", "-euo", "pipefail", "-c", script)
		cmd.Dir = clone
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%v\n%s\n--- script:\n%s", err, out, script)
		}
		return string(out)
	}
	out := sh(block)
	if !strings.Contains(out, "installed "+filepath.Join(gopath, "bin", "spur")) {
		t.Errorf("make install does not say where spur went:\n%s", out)
	}
	insp := filepath.Join(clone, "inspektioner", "ortopedkliniken.yaml")
	data, err := os.ReadFile(insp)
	if err != nil {
		t.Fatal(err)
	}
	// The inspector fills it in as the README says.
	filled := strings.ReplaceAll(string(data), "    met: []", "    met: all")
	filled = strings.Replace(filled, `name: ""`, "name: Ortopedkliniken", 1)
	filled = strings.Replace(filled, "inspectors: []", "inspectors: [Karin Ek, Johan Sund]", 1)
	os.WriteFile(insp, []byte(filled), 0o644)
	var render []string
	for _, l := range strings.Split(block, "\n") {
		if strings.HasPrefix(l, "export ") || strings.HasPrefix(l, "spur validate") || strings.HasPrefix(l, "spur report") {
			render = append(render, l)
		}
	}
	out = sh(strings.Join(render, "\n"))
	if strings.Contains(out, "warning") {
		t.Errorf("the filled inspection still has warnings:\n%s", out)
	}
	matches, _ := filepath.Glob(filepath.Join(clone, "rapporter", "ortopedkliniken-*.pdf"))
	if len(matches) != 1 {
		t.Errorf("no report of the filled inspection in rapporter/: %v\n%s", matches, out)
	}
}

// pathWithoutSpur is $PATH without the directories that hold a spur.
func pathWithoutSpur() string {
	var keep []string
	for _, d := range filepath.SplitList(os.Getenv("PATH")) {
		if _, err := os.Stat(filepath.Join(d, "spur")); err == nil {
			continue
		}
		keep = append(keep, d)
	}
	return strings.Join(keep, string(os.PathListSeparator))
}

// copyTree copies the source tree (no out/, bin/, node_modules or dot
// folders) as a fresh clone would have it.
func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		name := d.Name()
		if d.IsDir() && rel != "." && (strings.HasPrefix(name, ".") || name == "node_modules" || rel == "out" || rel == "bin") {
			return filepath.SkipDir
		}
		if !d.Type().IsRegular() && !d.IsDir() {
			return nil
		}
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		if strings.HasSuffix(name, ".test") {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
