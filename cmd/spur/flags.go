package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
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
			e.usagef("%s: %v", fs.Name(), err)
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
