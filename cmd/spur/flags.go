package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

func (e env) usagef(format string, args ...any) {
	fmt.Fprintf(e.stderr, "spur: "+format+"\n", args...)
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
				io.WriteString(e.stdout, usage)
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
	for _, c := range []string{"validate", "grade", "report", "actionplan", "template", "import", "build", "preview", "catalog", "schema"} {
		if strings.HasPrefix(c, cmd) || strings.HasPrefix(cmd, c) {
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
