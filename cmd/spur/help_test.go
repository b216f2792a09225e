package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Each command has its own help, asked for in either of two ways, with exit
// status 0: its usage, every flag it takes with what it does and its
// default, and an example.
func TestCommandHelp(t *testing.T) {
	for _, name := range order {
		t.Run(name, func(t *testing.T) {
			code, byFlag, errs := runCLI(t, "", name, "--help")
			if code != exitOK || errs != "" {
				t.Fatalf("spur %s --help: exit %d, stderr %q", name, code, errs)
			}
			code, byCmd, errs := runCLI(t, "", "help", name)
			if code != exitOK || errs != "" {
				t.Fatalf("spur help %s: exit %d, stderr %q", name, code, errs)
			}
			if byFlag != byCmd {
				t.Errorf("spur %s --help and spur help %s differ:\n%s\n---\n%s", name, name, byFlag, byCmd)
			}
			if !strings.HasPrefix(byFlag, "Usage:\n  spur "+name) {
				t.Errorf("the help does not start with the command's usage:\n%s", byFlag)
			}
			if strings.Contains(byFlag, "(no description)") {
				t.Errorf("a flag has no description:\n%s", byFlag)
			}
			if name != "help" && !strings.Contains(byFlag, "\nExample:\n  spur "+name) {
				t.Errorf("no example:\n%s", byFlag)
			}
			// Every flag the help table describes is one the command takes,
			// so the help cannot describe a flag that is gone.
			for f := range commands[name].flags {
				dash := "--"
				if len(f) == 1 {
					dash = "-"
				}
				if !regexp.MustCompile(`(?m)^  ` + regexp.QuoteMeta(dash+f) + `( |$)`).MatchString(byFlag) {
					t.Errorf("the help describes %s%s, which spur %s does not take:\n%s", dash, f, name, byFlag)
				}
			}
		})
	}
}

// The flags a user looks for, with their defaults.
func TestHelpNamesFlagsAndDefaults(t *testing.T) {
	cases := map[string][]string{
		"build":  {"--prune\n", "--check\n", "-o PATH\n      the output directory (default out)", "--since YYYY-MM-DD", "--specialty NAME"},
		"grade":  {"--max-unmet-indicators N", "(default\n      1)", "--lang sv|en"},
		"report": {"--fonts R,B,I[,BI]", "--format LIST", "(default sv)"},
		"new":    {"--catalog VERSION", "--force"},
		"schema": {"-o PATH", "--force"},
		"import": {"--date YYYY-MM-DD", "--force"},
	}
	for cmd, want := range cases {
		_, out, _ := runCLI(t, "", "help", cmd)
		for _, w := range want {
			if !strings.Contains(out, w) {
				t.Errorf("spur help %s lacks %q:\n%s", cmd, w, out)
			}
		}
	}
}

func TestHelpUsageErrors(t *testing.T) {
	code, _, errs := runCLI(t, "", "help", "buld")
	if code != exitUsage || !strings.Contains(errs, `unknown command "buld"; did you mean build?`) {
		t.Errorf("spur help buld: exit %d, %q", code, errs)
	}
	code, out, _ := runCLI(t, "", "help")
	if code != exitOK || !strings.Contains(out, "spur new FILE") || !strings.Contains(out, "spur help COMMAND") {
		t.Errorf("spur help: exit %d\n%s", code, out)
	}
	// A usage error points at the command's own help.
	code, _, errs = runCLI(t, "", "grade", "--lang", "fi", fixture)
	if code != exitUsage || !strings.Contains(errs, "Run 'spur help grade' for its usage.") {
		t.Errorf("spur grade --lang fi: exit %d, %q", code, errs)
	}
}

// The grading thresholds are checked alike in every command that takes
// them: a negative limit is a usage error (exit 2) naming the flag.
func TestPolicyFlagsCheckedAlike(t *testing.T) {
	dir := t.TempDir()
	for _, cmd := range []string{"validate", "grade", "report", "actionplan", "build", "preview"} {
		for _, v := range []string{"-1", "x", "1.5"} {
			args := []string{cmd, "--max-unmet-indicators", v, fixture}
			switch cmd {
			case "report", "actionplan":
				args = append(args, "-o", dir)
			case "build":
				args = []string{cmd, "--max-unmet-indicators", v, "../../fixtures", "-o", dir}
			}
			code, _, errs := runCLI(t, "", args...)
			if code != exitUsage || !strings.Contains(errs, "max-unmet-indicators") {
				t.Errorf("spur %s --max-unmet-indicators %s: exit %d (want %d), %q", cmd, v, code, exitUsage, errs)
			}
		}
	}
	code, _, errs := runCLI(t, "", "validate", "--max-unmet-indicators", "0", fixture)
	if code != exitOK {
		t.Errorf("--max-unmet-indicators 0: exit %d, %s", code, errs)
	}
}

// A flag error names the flag as the help does (two dashes), and a slip
// gets the nearest flag the command takes.
func TestFlagErrorsInHelpWords(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"build", "--prnue", "x"}, "spur: build: flag provided but not defined: --prnue; did you mean --prune?"},
		{[]string{"grade", "--jsn", fixture}, "spur: grade: flag provided but not defined: --jsn; did you mean --json?"},
		{[]string{"validate", "--max-unmet-indicators", "-1", fixture}, `spur: validate: invalid value "-1" for flag --max-unmet-indicators: cannot be negative (-1)`},
		{[]string{"report", "-x", fixture}, "spur: report: flag provided but not defined: -x\n"},
	}
	for _, c := range cases {
		code, _, errs := runCLI(t, "", c.args...)
		if code != exitUsage || !strings.Contains(errs, c.want) {
			t.Errorf("spur %v: exit %d\n%s\nwant %q", c.args, code, errs, c.want)
		}
	}
}

// validate says "ok" only of a file with nothing to mend; with warnings
// it counts them.
func TestValidateCountsWarnings(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ny.yaml")
	if code, _, errs := runCLI(t, "", "new", path); code != exitOK {
		t.Fatal(errs)
	}
	code, out, errs := runCLI(t, "", "validate", path, fixture)
	if code != exitOK || !strings.Contains(out, "ny.yaml: ok, with 9 warnings\n") || !strings.Contains(out, "almaklinikens-vardcentral-2025.yaml: ok\n") {
		t.Errorf("exit %d\n%s%s", code, out, errs)
	}
}

// The global help and each command's usage line name every flag the
// command takes (the grading thresholds, shared by all that grade, are
// listed once under "Grade options"), so that the three places a flag is
// described cannot drift apart.
func TestUsageNamesEveryFlag(t *testing.T) {
	shared := map[string]bool{"max-unmet-indicators": true, "allow-all-indicators-unmet": true}
	blocks := map[string]string{}
	var cur string
	for _, line := range strings.Split(usage, "\n") {
		if rest, ok := strings.CutPrefix(line, "  spur "); ok {
			cur, _, _ = strings.Cut(rest, " ")
		} else if !strings.HasPrefix(line, "   ") {
			cur = ""
		}
		if cur != "" {
			blocks[cur] += line + "\n"
		}
	}
	for _, name := range order {
		_, help, _ := runCLI(t, "", "help", name)
		own := strings.Join(commands[name].usage, "\n")
		for _, m := range regexp.MustCompile(`(?m)^  (--?[a-z][a-z0-9-]*)`).FindAllStringSubmatch(help, -1) {
			f := m[1]
			if shared[strings.TrimLeft(f, "-")] {
				continue
			}
			if !regexp.MustCompile(regexp.QuoteMeta(f) + `\b`).MatchString(own) {
				t.Errorf("spur help %s: its usage line lacks %s", name, f)
			}
			if name != "help" && !regexp.MustCompile(regexp.QuoteMeta(f)+`\b`).MatchString(blocks[name]) {
				t.Errorf("spur --help: the lines of %s lack %s", name, f)
			}
		}
	}
}
