package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"spur/render/markdown"
	"spur/render/pdf"
	"spur/report"
)

// document is one output: its file name and how to write it.
type document struct {
	name   string
	render func(*bytes.Buffer) ([]string, error)
}

// reportCmd implements `spur report` (the whole report) and, with planOnly,
// `spur actionplan` (the action plan alone).
func (e env) reportCmd(args []string, planOnly bool) int {
	name := "report"
	if planOnly {
		name = "actionplan"
	}
	fs := newFlags(e, name)
	out := fs.String("o", ".", "")
	formats := fs.String("format", "pdf,md", "")
	lang := fs.String("lang", "sv", "")
	tmplDir := fs.String("templates", "", "")
	pol := policyFlags(fs)
	files, ok := e.parse(fs, args)
	if !ok {
		return exitUsage
	}
	if len(files) != 1 {
		e.usagef("%s: name one inspection file", name)
		return exitUsage
	}
	want := map[string]bool{}
	for _, f := range strings.Split(*formats, ",") {
		switch f = strings.TrimSpace(strings.ToLower(f)); f {
		case "pdf", "md":
			want[f] = true
		case "markdown":
			want["md"] = true
		default:
			e.usagef("%s: --format takes pdf, md or both (pdf,md), not %q", name, f)
			return exitUsage
		}
	}
	if _, ok := report.LabelsFor(*lang); !ok {
		e.usagef("%s: --lang is sv or en, not %q", name, *lang)
		return exitUsage
	}
	if *out == "-" && len(want) != 1 {
		e.usagef("%s: -o - writes one document to standard output; choose it with --format pdf or --format md", name)
		return exitUsage
	}
	date, err := sourceDate()
	if err != nil {
		e.usagef("%v", err)
		return exitUsage
	}
	md, err := markdown.New(*tmplDir)
	if err != nil {
		fmt.Fprintf(e.stderr, "spur: %v\n", err)
		return exitInvalid
	}
	insp, res, ok := e.load(files[0], *pol)
	if !ok {
		return exitInvalid
	}
	if planOnly && insp.ActionPlan == nil {
		fmt.Fprintf(e.stderr, "%s: the inspection has no action plan yet (action_plan:); spur template makes the workbook a unit fills in\n", files[0])
		return exitInvalid
	}
	v := report.Build(insp, res, report.Options{Lang: *lang, Date: date})
	base := v.Slug
	if planOnly {
		base += "-" + strings.ToLower(strings.ReplaceAll(v.L.Decision, " ", "-"))
	}
	var docs []document
	if want["pdf"] {
		docs = append(docs, document{base + ".pdf", func(b *bytes.Buffer) ([]string, error) {
			if planOnly {
				return pdf.Plan(b, v)
			}
			return pdf.Report(b, v)
		}})
	}
	if want["md"] {
		docs = append(docs, document{base + ".md", func(b *bytes.Buffer) ([]string, error) {
			if planOnly {
				return nil, md.Plan(b, v)
			}
			return nil, md.Report(b, v)
		}})
	}
	shown := files[0]
	if shown == "-" {
		shown = "<stdin>"
	}
	status := exitOK
	for _, d := range docs {
		var buf bytes.Buffer
		warnings, err := d.render(&buf)
		for _, w := range warnings {
			fmt.Fprintf(e.stderr, "%s: warning: %s\n", shown, w)
		}
		if err != nil {
			fmt.Fprintf(e.stderr, "spur: %s: %v\n", d.name, err)
			status = exitInvalid
			continue
		}
		path := "-"
		if *out != "-" {
			path = filepath.Join(*out, d.name)
		}
		if e.emit(path, buf.Bytes()) != exitOK {
			status = exitInvalid
		}
	}
	return status
}

// sourceDate reads SOURCE_DATE_EPOCH (reproducible-builds.org), the date
// a build may give its documents instead of the inspection's own.
func sourceDate() (time.Time, error) {
	s := os.Getenv("SOURCE_DATE_EPOCH")
	if s == "" {
		return time.Time{}, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds since 1970", s)
	}
	return time.Unix(n, 0).UTC(), nil
}
