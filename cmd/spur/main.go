// Command spur turns the findings of a SPUR inspection into the finished
// documents. Run `spur --help` for the commands.
package main

import (
	"context"
	"io"
	"os"
	"runtime/debug"
)

func main() {
	if len(os.Args) > 1 && (os.Args[1] == "report" || os.Args[1] == "actionplan") {
		startingHeap(32 << 20) // one inspection's documents
	}
	ctx := handleSignals(os.Stderr)
	os.Exit(runContext(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// Exit statuses.
const (
	exitOK      = 0
	exitInvalid = 1 // invalid input or a failed check
	exitUsage   = 2 // wrong usage
	// exitInterrupted is a shell's status for a process ended by Ctrl-C
	// (128 + SIGINT); SIGTERM gives 143.
	exitInterrupted = 130
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

const usage = `spur: the documents of a SPUR inspection from its findings

Usage:
  spur new FILE [--catalog VERSION] [--force]
                                   a blank preliminary inspection to fill in, and the
                                   editor's schema (spur.schema.json) beside it
  spur validate FILE...            check inspection files; every problem as file:line:col
  spur grade FILE [--json] [--lang sv|en]
                                   the grade of each area A–H, with its explanation
  spur report FILE [-o DIR] [--format pdf,md,html] [--lang sv|en] [--templates DIR]
              [--fonts R,B,I] [--previous FILE]
                                   the report as DIR/<unit>-<date>.pdf, .md and .html; with
                                   --previous, compared with an earlier visit of the unit
  spur actionplan FILE [-o DIR] [--format pdf,md,html] [--lang sv|en] [--templates DIR]
                  [--fonts R,B,I]
                                   the action plan alone, for the unit and the region
  spur template FILE [-o plan.xlsx|plan.yaml] [--due YYYY-MM-DD] [--revise] [--force]
                                   the action-plan workbook (or YAML file) the unit fills in;
                                   an existing file is kept unless --force
  spur template --follow-up FILE [-o uppfoljning.xlsx] [--force]
                                   the workbook a region follows the plan's actions up in
  spur template --inspection -o inspection.xlsx [--catalog VERSION] [--force]
                                   a blank inspection workbook, for inspectors who prefer Excel
  spur import FILE PLAN|FOLLOWUP [-o OUT] [--date YYYY-MM-DD] [--force]
                                   the filled plan, or a filled follow-up workbook, into the
                                   inspection (in place, or into OUT);
                                   --force lets it erase plan texts the file already has
  spur build [DIR] [-o OUT] [-j N] [--check] [--prune] [--json] [--format pdf,md,html]
             [--lang sv|en] [--templates DIR] [--fonts R,B,I]
             [--specialty S] [--region R] [--since DATE] [--visit-interval N]
                                   every report and action plan under DIR, and OUT/index.*
  spur followup [DIR] [--as-of DATE] [--within DAYS] [--region R] [--specialty S] [-o OUT]
                [--visit-interval N] [--format md,pdf,html,xlsx,ics]
                                   every action of every plan under DIR with its state on a day
  spur preview FILE [--addr 127.0.0.1:0] [--lang sv|en] [--templates DIR]
                                   the HTML report at a local address, rebuilt as the file is saved
  spur catalog [--json] [--catalog VERSION | --all]
                                   the SPUR criteria catalogue (ids, kinds, texts, grade options)
  spur schema [-o FILE] [--force]  the JSON Schema of the inspection file, for the editor
  spur help COMMAND                a command's usage, every flag with its default, an example
  spur --version                   the version
  spur --help                      this text

FILE is an inspection: a YAML file or an inspection workbook (.xlsx);
"-" reads standard input. --format chooses among pdf, md and html (all
by default); with -o - a single document (--format pdf, md or html) goes
to standard output. The documents are dated by the inspection, or by
SOURCE_DATE_EPOCH when set. 'spur help COMMAND' or 'spur COMMAND --help'
gives each command's flags.

PDF options (report, actionplan, build):
  --fonts REGULAR,BOLD,ITALIC[,BOLDITALIC]
                                   set the PDFs in the house style's TrueType (.ttf) files
                                   instead of Liberation Sans; bold italic defaults to bold

Grade options:
  --json                           machine-readable output
  --lang sv|en                     language of the explanations (default sv)
  --max-unmet-indicators N         quality indicators that may be unmet for grade A (default 1)
  --allow-all-indicators-unmet     grade A even when every indicator is unmet (within the limit above)

Exit status: 0 fine, 1 invalid input, 2 wrong usage, 130 interrupted.
`

type env struct {
	ctx            context.Context // cancelled on Ctrl-C
	stdin          io.Reader
	stdout, stderr io.Writer
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return runContext(context.Background(), args, stdin, stdout, stderr)
}

func runContext(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := env{ctx, stdin, stdout, stderr}
	if len(args) == 0 {
		io.WriteString(stderr, usage)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "-h", "-help", "--help":
		io.WriteString(stdout, usage)
		return exitOK
	case "help":
		return e.help(rest, dispatch)
	case "-version", "--version", "version":
		io.WriteString(stdout, versionText(debug.ReadBuildInfo())+"\n")
		return exitOK
	}
	if _, ok := commands[cmd]; ok && wantsHelp(rest) {
		// The command prints its help while parsing its flags; asking for
		// help is not a usage error.
		dispatch(e, cmd, []string{"--help"})
		return exitOK
	}
	if code, ok := dispatchKnown(e, cmd, rest); ok {
		return code
	}
	e.usagef("unknown command %q%s", cmd, suggestCommand(cmd))
	return exitUsage
}

// dispatch runs a command by name.
func dispatch(e env, cmd string, args []string) int {
	code, _ := dispatchKnown(e, cmd, args)
	return code
}

func dispatchKnown(e env, cmd string, args []string) (int, bool) {
	switch cmd {
	case "new":
		return e.newInspection(args), true
	case "validate":
		return e.validate(args), true
	case "grade":
		return e.grade(args), true
	case "report":
		return e.reportCmd(args, false), true
	case "actionplan":
		return e.reportCmd(args, true), true
	case "template":
		return e.template(args), true
	case "import":
		return e.importPlan(args), true
	case "build":
		return e.build(args), true
	case "followup":
		return e.followup(args), true
	case "preview":
		return e.previewCmd(args), true
	case "catalog":
		return e.catalog(args), true
	case "schema":
		return e.schema(args), true
	}
	return exitUsage, false
}
