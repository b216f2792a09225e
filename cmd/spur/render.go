package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"spur/format"
	"spur/grade"
	"spur/report"
	"spur/report/compose"
	"spur/schema"
)

// document is one output: its file name and how to write it.
type document struct {
	name   string
	render format.DocFunc
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
	formats := fs.String("format", "", "") // "": every registered format
	lang := fs.String("lang", "sv", "")
	tmplDir := fs.String("templates", "", "")
	fonts := fontsFlag(fs)
	previous := ""
	if !planOnly {
		fs.StringVar(&previous, "previous", "", "")
	}
	pol := policyFlags(fs)
	files, ok := e.parse(fs, args)
	if !ok {
		return exitUsage
	}
	if len(files) != 1 {
		e.usagef("%s: name one inspection file", name)
		return exitUsage
	}
	chosen, err := format.Default.Parse(*formats)
	if err != nil {
		e.usagef("%s: --format %v", name, err)
		return exitUsage
	}
	if _, ok := report.LabelsFor(*lang); !ok {
		e.usagef("%s: --lang is sv or en, not %q", name, *lang)
		return exitUsage
	}
	if *out == "-" && len(chosen) != 1 {
		e.usagef("%s: -o - writes one document to standard output; choose it with %s", name, format.Default.Alternatives("--format "))
		return exitUsage
	}
	date, err := sourceDate()
	if err != nil {
		e.usagef("%v", err)
		return exitUsage
	}
	writers, err := format.Default.Open(format.Settings{Templates: *tmplDir, Fonts: *fonts}, chosen)
	if err != nil {
		fmt.Fprintf(e.stderr, "spur: %v\n", err)
		return exitInvalid
	}
	v, code := e.composeReport(files[0], previous, *pol, report.Options{Lang: *lang, Date: date}, planOnly)
	if v == nil {
		return code
	}
	doc := format.Report
	if planOnly {
		doc = format.Plan
	}
	var docs []document
	for _, w := range writers {
		docs = append(docs, document{w.File(doc, v.Slug, *lang), w.Document(doc)})
	}
	return e.writeDocs(files[0], *out, docs, v)
}

// composeReport loads, checks and grades the inspection (and the previous
// visit, when given) and composes its document tree.
func (e env) composeReport(file, previous string, pol grade.Policy, opt report.Options, planOnly bool) (*report.Report, int) {
	insp, res, ok := e.load(file, pol)
	if !ok {
		return nil, exitInvalid
	}
	if planOnly && insp.ActionPlan == nil {
		fmt.Fprintf(e.stderr, "%s: the inspection has no action plan yet (action_plan:); spur template makes the workbook a unit fills in\n", file)
		return nil, exitInvalid
	}
	v := compose.Report(insp, res, opt)
	if previous != "" {
		prev, prevRes, ok := e.load(previous, pol)
		if !ok {
			return nil, exitInvalid
		}
		if err := schema.CheckPrevious(insp, prev); err != nil {
			fmt.Fprintf(e.stderr, "spur: --previous: %v\n", err)
			return nil, exitInvalid
		}
		compose.Compare(v, insp, res, prev, prevRes)
	}
	return v, exitOK
}

// writeDocs renders each document of v and writes it into out ("-":
// standard output), printing the renderers' warnings under the input's name.
func (e env) writeDocs(file, out string, docs []document, v *report.Report) int {
	shown := file
	if shown == "-" {
		shown = "<stdin>"
	}
	status := exitOK
	for _, d := range docs {
		var buf bytes.Buffer
		warnings, err := d.render(&buf, v)
		for _, w := range warnings {
			fmt.Fprintf(e.stderr, "%s: warning: %s\n", shown, w)
		}
		if err != nil {
			fmt.Fprintf(e.stderr, "spur: %s: %v\n", d.name, err)
			status = exitInvalid
			continue
		}
		path := "-"
		if out != "-" {
			path = filepath.Join(out, d.name)
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
