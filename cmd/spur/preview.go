package main

import (
	"errors"
	"fmt"
	"net"

	"spur/format"
	"spur/preview"
	"spur/report"
)

// previewCmd implements `spur preview FILE`: the HTML report of FILE,
// served on a loopback address until Ctrl-C, rebuilt when the file is
// saved.
func (e env) previewCmd(args []string) int {
	fs := newFlags(e, "preview")
	addr := fs.String("addr", "127.0.0.1:0", "")
	lang := fs.String("lang", "sv", "")
	tmplDir := fs.String("templates", "", "")
	pol := policyFlags(fs)
	files, ok := e.parse(fs, args)
	if !ok {
		return exitUsage
	}
	if len(files) != 1 || files[0] == "-" {
		e.usagef("preview: name one inspection file (standard input cannot be watched)")
		return exitUsage
	}
	if _, ok := report.LabelsFor(*lang); !ok {
		e.usagef("preview: --lang is sv or en, not %q", *lang)
		return exitUsage
	}
	listen, err := preview.CheckAddr(*addr)
	if err != nil {
		e.usagef("preview: --addr %v", err)
		return exitUsage
	}
	date, err := sourceDate()
	if err != nil {
		e.usagef("%v", err)
		return exitUsage
	}
	html, ok := format.Default.Lookup("html")
	if !ok {
		fmt.Fprintln(e.stderr, "spur: preview: spur was built without the html format")
		return exitInvalid
	}
	rend, err := html.Open(format.Settings{Templates: *tmplDir})
	if err != nil {
		fmt.Fprintf(e.stderr, "spur: %v\n", err)
		return exitInvalid
	}
	s, err := preview.New(preview.Options{
		Path: files[0], Policy: *pol, Lang: *lang, Date: date, Render: rend.Report, Log: e.stderr,
	})
	if err != nil {
		fmt.Fprintf(e.stderr, "spur: %v\n", err)
		return exitInvalid
	}
	ln, err := net.Listen("tcp", listen)
	if err != nil {
		fmt.Fprintf(e.stderr, "spur: preview: %v\n", err)
		return exitInvalid
	}
	fmt.Fprintf(e.stdout, "http://%s/\n", ln.Addr())
	fmt.Fprintf(e.stderr, "spur: previewing %s; Ctrl-C stops\n", files[0])
	defer stopsCleanly("stopping the preview")()
	if err := s.Serve(e.ctx, ln); err != nil && !errors.Is(err, e.ctx.Err()) {
		fmt.Fprintf(e.stderr, "spur: %v\n", err)
		return exitInvalid
	}
	if code := stoppedBy.Load(); code != 0 {
		return int(code)
	}
	return exitOK
}
