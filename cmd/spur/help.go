package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

// command is one command's help: how it is called, what it does, what each
// of its flags means, and an example that runs as written from a spur
// checkout.
type command struct {
	usage   []string // after "spur "
	summary string
	flags   map[string]string // flag name → what it does
	example []string
}

// Flag texts several commands share.
var (
	flagFormat    = "the formats to write, comma-separated, among pdf, md and html (default: all of them)"
	flagLang      = "language of the labels: sv (Swedish) or en (English); the criteria keep their Swedish texts"
	flagTemplates = "a directory with your own report.md.tmpl, actionplan.md.tmpl or common.md.tmpl (default: the embedded ones)"
	flagFonts     = "REGULAR,BOLD,ITALIC[,BOLDITALIC]: set the PDFs in these TrueType (.ttf) files instead of Liberation Sans; bold italic defaults to bold"
	flagMaxUnmet  = "quality indicators (K) that may be unmet for grade A; 0 or more"
	flagAllowAll  = "grade A even when every quality indicator is unmet (within --max-unmet-indicators)"
	flagJSON      = "machine-readable output (JSON)"
	flagCatalog   = "the criteria catalogue version (spur catalog --all lists them; default: the latest)"
	flagForce     = "replace a file that is already there"
)

// commands holds the help of every command, in the order of the global help.
var commands = map[string]command{
	"new": {
		usage:   []string{"new FILE [--catalog VERSION] [--force]"},
		summary: "Writes a blank preliminary inspection: every area with empty met, not_met and not_applicable lists, each criterion's id, kind and text as a comment beside it, and the schema line for the editor. It validates as it is (warnings for what is not assessed yet). Unless it is there already, spur.schema.json is written beside it for the editor.",
		flags:   map[string]string{"catalog": flagCatalog, "force": flagForce},
		example: []string{"spur new inspektioner/2026/ortopedkliniken.yaml"},
	},
	"validate": {
		usage:   []string{"validate FILE..."},
		summary: "Checks inspection files (YAML or workbook) against the schema and the criteria catalogue. Every problem is printed as file:line:col (file:Sheet!C7 for a workbook); the exit status is 1 when any file has an error.",
		flags:   map[string]string{"max-unmet-indicators": flagMaxUnmet, "allow-all-indicators-unmet": flagAllowAll},
		example: []string{"spur validate fixtures/*.yaml"},
	},
	"grade": {
		usage:   []string{"grade FILE [--json] [--lang sv|en]"},
		summary: "Prints each area's grade A–D: computed from the criteria, the inspectors' override, adjusted after the action plan, final, and the reasons.",
		flags:   map[string]string{"json": flagJSON, "lang": "language of the explanations: sv or en", "max-unmet-indicators": flagMaxUnmet, "allow-all-indicators-unmet": flagAllowAll},
		example: []string{"spur grade fixtures/almaklinikens-vardcentral-2025.yaml --lang en"},
	},
	"report": {
		usage:   []string{"report FILE [-o DIR] [--format pdf,md,html] [--lang sv|en] [--templates DIR] [--fonts R,B,I] [--previous FILE]"},
		summary: "Writes the report as DIR/<unit>-<visit date>.pdf, .md and .html. Files are written atomically and only when their bytes change. With --previous, the report compares this visit with an earlier one of the same unit.",
		flags: map[string]string{"o": "the directory to write into, or - for standard output (one --format)", "format": flagFormat, "lang": flagLang,
			"previous":  "an earlier inspection of the same unit (unit.id, else organisation and name): the report gains the comparison with it",
			"templates": flagTemplates, "fonts": flagFonts, "max-unmet-indicators": flagMaxUnmet, "allow-all-indicators-unmet": flagAllowAll},
		example: []string{"spur report fixtures/almaklinikens-vardcentral-2025.yaml -o out --format pdf,md"},
	},
	"actionplan": {
		usage:   []string{"actionplan FILE [-o DIR] [--format pdf,md,html] [--lang sv|en] [--templates DIR] [--fonts R,B,I]"},
		summary: "Writes the action plan alone as DIR/<unit>-<visit date>-handlingsplan.pdf, .md and .html, the document a unit and its region follow the actions up with.",
		flags: map[string]string{"o": "the directory to write into, or - for standard output (one --format)", "format": flagFormat, "lang": flagLang,
			"templates": flagTemplates, "fonts": flagFonts, "max-unmet-indicators": flagMaxUnmet, "allow-all-indicators-unmet": flagAllowAll},
		example: []string{"spur actionplan fixtures/almaklinikens-vardcentral-2025.yaml -o out"},
	},
	"template": {
		usage: []string{
			"template FILE [-o plan.xlsx|plan.yaml] [--due YYYY-MM-DD] [--revise] [--force]",
			"template --follow-up FILE [-o uppfoljning.xlsx] [--force]",
			"template --inspection -o inspection.xlsx [--catalog VERSION] [--force]",
		},
		summary: "Writes the action-plan workbook (or YAML file) the unit fills in, one row per unmet criterion; with --follow-up, the workbook the region follows the plan up in, one row per action with a status to choose; with --inspection, a blank inspection workbook for inspectors who prefer a spreadsheet. An existing file is kept unless --force: it may be the filled-in one.",
		flags: map[string]string{"o": "the file to write: .xlsx (default: <unit>-handlingsplan.xlsx, or <unit>-uppfoljning.xlsx with --follow-up) or .yaml", "due": "the date by which the unit sends the plan back, printed in the instructions",
			"follow-up":  "the follow-up workbook of the inspection's plan: every action (area, criterion, the action, its due date as written and as read, responsible) with open columns for status (genomförd, delvis genomförd, ej genomförd, uppskjuten), note, date and who followed up; spur import adds what is filled in to the inspection",
			"revise":     "fill the workbook with the plan the inspection already has (one the inspectors did not accept), for the unit to revise",
			"inspection": "a blank inspection workbook instead of a plan", "catalog": "with --inspection: " + flagCatalog, "force": flagForce},
		example: []string{"spur template fixtures/almaklinikens-vardcentral-2025.yaml -o /tmp/handlingsplan.xlsx --due 2025-06-30"},
	},
	"import": {
		usage:   []string{"import FILE PLAN|FOLLOWUP [-o OUT] [--date YYYY-MM-DD] [--force]"},
		summary: "Writes the plan a unit filled in (workbook or YAML) into the inspection as action_plan:, keeping every comment and line outside it. A follow-up workbook (spur template --follow-up) adds its follow-ups instead. The file is checked before it replaces the old one and is left as it was on any error.",
		flags: map[string]string{"o": "write the result to OUT instead of FILE (an existing OUT only if it is an earlier result of this import)", "date": "the plan's date when the unit left it empty, and the date of a follow-up row left without one (default: today, or SOURCE_DATE_EPOCH)",
			"force": "let the plan erase plan texts the file already has"},
		example: []string{"spur import inspektion.yaml handlingsplan.xlsx -o inspektion-med-plan.yaml   # handlingsplan.xlsx: what spur template wrote, filled in by the unit"},
	},
	"build": {
		usage:   []string{"build [DIR] [-o OUT] [-j N] [--check] [--prune] [--json] [--format pdf,md,html]\n             [--lang sv|en] [--templates DIR] [--fonts R,B,I]\n             [--specialty S] [--region R] [--since DATE] [--visit-interval N]"},
		summary: "Builds every report and action plan of the inspections under DIR (default .) into OUT, mirroring DIR's folders, and the overview OUT/index.*. Reads only under DIR; writes and deletes only under OUT.",
		flags: map[string]string{"o": "the output directory", "j": "inspections built at once (default: one per CPU)",
			"check": "write nothing: exit 1 and list every stale, missing and unexpected file", "prune": "delete documents under OUT that no inspection gives (nothing while an inspection fails)",
			"json": flagJSON, "format": flagFormat, "lang": flagLang, "templates": flagTemplates, "fonts": flagFonts,
			"specialty": "the overview lists only this specialty (repeat for more)", "region": "the overview lists only this region (repeat for more)",
			"since":                "the overview lists only visits on or after this date, YYYY-MM-DD",
			"visit-interval":       "years from a unit's last visit to its next, for the overview's list of visits due",
			"max-unmet-indicators": flagMaxUnmet, "allow-all-indicators-unmet": flagAllowAll},
		example: []string{"spur build fixtures -o out", "spur build --check fixtures -o out"},
	},
	"followup": {
		usage:   []string{"followup [DIR] [--as-of DATE] [--within DAYS] [--region R] [--specialty S]\n             [--visit-interval N] [-o OUT] [--format md,pdf,html,xlsx,ics]"},
		summary: "Lists every action of every action plan under DIR (default .) with where it stands on a day: done, overdue, due within --within days, open, no date given, or a date text spur cannot read; grouped by region, unit and responsible, with the counts per region at the top. Lists too the units whose next visit (--visit-interval years after the last of their inspections under DIR, as the overview of spur build reckons it) falls before the day or within --within days after it. Writes OUT/uppfoljning-<day>.md, .pdf, .html, .xlsx (one row per action, with filters; the units due on a sheet of their own) and OUT/uppfoljning.ics, the same name every day (one all-day event per due date, per date of follow-up and per unit's next visit, whose UIDs stay the same from run to run, for a calendar to subscribe to). Only what existed on the day is listed: an inspection visited after it, or a plan dated after it, is left out. Exit status 1 when an inspection cannot be read (the list then names it) or is a copy of another; the .ics is then not written (one already there is left as it was), so that a calendar subscribed to it keeps that unit's events. A --region or --specialty that no inspection has is named with those there; exit status 1, and nothing written, when the choice leaves no inspection.",
		flags: map[string]string{"as-of": "the day the states are as of, YYYY-MM-DD (default: SOURCE_DATE_EPOCH's day, else today)",
			"within": "how many days ahead an action or a unit's next visit counts as due soon (default 30)", "region": "only this region (repeat for more)",
			"specialty": "only this specialty (repeat for more)", "o": "the directory to write into",
			"visit-interval": "years from a unit's last visit to its next, for the list of units due (default 5; 0 means 5 too)",
			"format":         "the formats to write, comma-separated, among md, pdf, html, xlsx and ics (default: all of them)"},
		example: []string{"spur followup fixtures --as-of 2026-01-01 -o out-uppfoljning"},
	},
	"preview": {
		usage:   []string{"preview FILE [--addr 127.0.0.1:0] [--lang sv|en] [--templates DIR]"},
		summary: "Serves the HTML report at a local address, rebuilt each time the file is saved; stops on Ctrl-C.",
		flags: map[string]string{"addr": "the loopback address and port to listen on (port 0: any free one)", "lang": flagLang, "templates": flagTemplates,
			"max-unmet-indicators": flagMaxUnmet, "allow-all-indicators-unmet": flagAllowAll},
		example: []string{"spur preview fixtures/almaklinikens-vardcentral-2025.yaml"},
	},
	"catalog": {
		usage:   []string{"catalog [--json] [--catalog VERSION | --all]"},
		summary: "Prints the SPUR criteria catalogue: each area, its criteria (id, kind, text) and grade options.",
		flags:   map[string]string{"json": flagJSON, "catalog": "the version to print (default: the latest)", "all": "every version"},
		example: []string{"spur catalog --catalog 2025"},
	},
	"schema": {
		usage:   []string{"schema [-o FILE] [--force]"},
		summary: "Prints, or writes to FILE, the JSON Schema of the inspection file, for an editor with the YAML language server: put it where you keep your inspections and start each file with  # yaml-language-server: $schema=spur.schema.json",
		flags:   map[string]string{"o": "the file to write (default: standard output)", "force": flagForce},
		example: []string{"spur schema -o inspektioner/spur.schema.json"},
	},
	"help": {
		usage:   []string{"help [COMMAND]"},
		summary: "Prints the help of a command, or the list of commands.",
		flags:   map[string]string{},
		example: []string{"spur help build"},
	},
}

// order is the commands in the order of the global help.
var order = []string{"new", "validate", "grade", "report", "actionplan", "template", "import", "build", "followup", "preview", "catalog", "schema", "help"}

// printHelp writes a command's help: its usage, what it does, every flag
// the command defines with its default, and an example.
func printHelp(w io.Writer, fs *flag.FlagSet) {
	name := fs.Name()
	c := commands[name]
	var b strings.Builder
	b.WriteString("Usage:\n")
	for _, u := range c.usage {
		b.WriteString("  spur " + u + "\n")
	}
	b.WriteString("\n" + wrapText(c.summary, 76, "") + "\n")
	var lines [][2]string
	fs.VisitAll(func(f *flag.Flag) {
		dash := "--"
		if len(f.Name) == 1 {
			dash = "-"
		}
		left := dash + f.Name
		if arg := flagArg(f); arg != "" {
			left += " " + arg
		}
		text, ok := c.flags[f.Name]
		if !ok {
			text = "(no description)"
		}
		if d := f.DefValue; d != "" && d != "false" && d != "[]" && !strings.Contains(text, "default") {
			text += " (default " + d + ")"
		}
		lines = append(lines, [2]string{left, text})
	})
	if len(lines) > 0 {
		b.WriteString("\nFlags:\n")
		for _, l := range lines {
			b.WriteString("  " + l[0] + "\n")
			b.WriteString(wrapText(l[1], 72, "      ") + "\n")
		}
	}
	if len(c.example) > 0 {
		b.WriteString("\nExample:\n")
		for _, x := range c.example {
			b.WriteString("  " + x + "\n")
		}
	}
	b.WriteString("\nExit status: 0 fine, 1 invalid input, 2 wrong usage, 130 interrupted.\n")
	io.WriteString(w, b.String())
}

// flagArg names what a flag takes, "" for a switch.
func flagArg(f *flag.Flag) string {
	if bf, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && bf.IsBoolFlag() {
		return ""
	}
	switch f.Name {
	case "o":
		return "PATH"
	case "j", "max-unmet-indicators", "visit-interval":
		return "N"
	case "since", "due", "date", "as-of":
		return "YYYY-MM-DD"
	case "format":
		return "LIST"
	case "fonts":
		return "R,B,I[,BI]"
	case "lang":
		return "sv|en"
	case "addr":
		return "HOST:PORT"
	case "catalog":
		return "VERSION"
	case "specialty", "region":
		return "NAME"
	case "templates":
		return "DIR"
	case "previous":
		return "FILE"
	case "within":
		return "DAYS"
	}
	return "VALUE"
}

// wrapText breaks s into lines of at most width characters, each after
// indent.
func wrapText(s string, width int, indent string) string {
	var b strings.Builder
	n := 0
	for _, w := range strings.Fields(s) {
		if n > 0 && n+1+len([]rune(w)) > width {
			b.WriteString("\n")
			n = 0
		}
		if n == 0 {
			b.WriteString(indent)
		} else {
			b.WriteString(" ")
			n++
		}
		b.WriteString(w)
		n += len([]rune(w))
	}
	return b.String()
}

// wantsHelp reports whether the arguments of a command ask for its help
// (-h, -help or --help before a "--").
func wantsHelp(args []string) bool {
	for _, a := range args {
		switch a {
		case "--":
			return false
		case "-h", "-help", "--help":
			return true
		}
	}
	return false
}

// help implements `spur help [COMMAND]`.
func (e env) help(args []string, dispatch func(env, string, []string) int) int {
	if wantsHelp(args) {
		args = []string{"help"}
	}
	switch len(args) {
	case 0:
		io.WriteString(e.stdout, usage)
		return exitOK
	case 1:
		if _, ok := commands[args[0]]; ok {
			if args[0] == "help" {
				fs := newFlags(e, "help")
				printHelp(e.stdout, fs)
				return exitOK
			}
			dispatch(e, args[0], []string{"--help"})
			return exitOK
		}
		e.usagef("help: unknown command %q%s", args[0], suggestCommand(args[0]))
		return exitUsage
	}
	e.usagef("help: name one command")
	return exitUsage
}

// nonNegative is an int flag that refuses a negative value when it is
// parsed, so that every command that takes it checks it alike.
type nonNegative struct{ p *int }

func (v nonNegative) String() string {
	if v.p == nil {
		return "0"
	}
	return fmt.Sprint(*v.p)
}

func (v nonNegative) Set(s string) error {
	var n int
	if _, err := fmt.Sscan(s, &n); err != nil || fmt.Sprint(n) != strings.TrimPrefix(strings.TrimSpace(s), "+") {
		return fmt.Errorf("takes a whole number, not %q", s)
	}
	if n < 0 {
		return fmt.Errorf("cannot be negative (%d)", n)
	}
	*v.p = n
	return nil
}
