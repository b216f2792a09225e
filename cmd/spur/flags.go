package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strings"

	"spur/schema"
)

func (e env) usagef(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	fmt.Fprintf(e.stderr, "spur: %s\n", msg)
	// "build: …" or "template --inspection: …": point at the command's own help.
	head, _, _ := strings.Cut(msg, ":")
	if cmd, _, _ := strings.Cut(head, " "); commands[cmd].usage != nil && cmd != "help" {
		fmt.Fprintf(e.stderr, "Run 'spur help %s' for its usage.\n", cmd)
		return
	}
	fmt.Fprintln(e.stderr, "Run 'spur --help' for usage.")
}

func newFlags(e env, name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parse reads flags wherever they stand among the arguments
// (`spur grade FILE --json` as well as `spur grade --json FILE`) and returns
// the positional arguments; ok is false after a usage error was printed.
func (e env) parse(fs *flag.FlagSet, args []string) (pos []string, ok bool) {
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				printHelp(e.stdout, fs)
				return nil, false
			}
			e.usagef("%s: %s", fs.Name(), flagError(fs, err))
			return nil, false
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, true
		}
		if rest[0] == "--" {
			return append(pos, rest[1:]...), true
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// flagError words the flag package's error as spur's help does: a flag
// of more than one letter with two dashes, and for one it does not know,
// the nearest it takes.
func flagError(fs *flag.FlagSet, err error) string {
	msg := dashes.ReplaceAllStringFunc(err.Error(), func(m string) string {
		i := strings.Index(m, " -") + 1
		if len(m)-i > 2 {
			return m[:i] + "-" + m[i:]
		}
		return m
	})
	if name, ok := strings.CutPrefix(err.Error(), "flag provided but not defined: -"); ok && len(name) > 2 {
		var names []string
		fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
		best, bestD := "", 3
		for _, n := range names {
			if d := schema.EditDistance(n, strings.TrimPrefix(name, "-")); len(n) > 1 && d < bestD {
				best, bestD = n, d
			}
		}
		if best != "" {
			msg += "; did you mean --" + best + "?"
		}
	}
	return msg
}

// dashes finds a flag named in the flag package's errors: "flag -json",
// "defined: -prnue".
var dashes = regexp.MustCompile(`(flag|defined:) -[a-z][a-z0-9-]*`)

func suggestCommand(cmd string) string {
	for _, c := range order {
		if strings.HasPrefix(c, cmd) || strings.HasPrefix(cmd, c) || schema.EditDistance(c, cmd) <= 2 {
			return "; did you mean " + c + "?"
		}
	}
	return ""
}

// fontsFlag is --fonts REGULAR,BOLD,ITALIC[,BOLDITALIC]: the TrueType
// files of an inspection body's house style for the PDFs.
func fontsFlag(fs *flag.FlagSet) *[]string {
	var files []string
	fs.Func("fonts", "", func(s string) error {
		files = strings.Split(s, ",")
		if len(files) < 3 || len(files) > 4 {
			return fmt.Errorf("takes the regular, bold and italic TrueType files, and optionally the bold italic one, separated by commas")
		}
		return nil
	})
	return &files
}
