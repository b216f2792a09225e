// Package preview serves the HTML report of one inspection file to a
// browser on this machine while an inspector writes it: the page is
// rebuilt when the file is saved and reloads itself, and when the file
// does not validate the page shows its diagnostics above the last good
// report.
//
// It owns the watching (polling the file's size, time and content, so no
// dependency), the page around the report (the diagnostics and a small
// script that listens to /events), and the HTTP server. It does not render:
// the caller gives it the HTML format's report function, so that preview
// imports no renderer and its tests use a fake one. It serves no file from
// disk, binds to loopback addresses only and answers only requests whose
// Host is this server's loopback address and port (a defence against DNS
// rebinding).
//
//	addr, err := preview.CheckAddr("127.0.0.1:0") // refuses 0.0.0.0, names, …
//	ln, err := net.Listen("tcp", addr)
//	s, err := preview.New(preview.Options{Path: "inspection.yaml", Lang: "sv", Render: html.Report})
//	fmt.Printf("http://%s/\n", ln.Addr())
//	err = s.Serve(ctx, ln) // until ctx is cancelled
//
// The page served is the report's HTML with two things added: the
// diagnostics after <body>, and before </body> a script, allowed by a
// nonce in the Content-Security-Policy header, that listens to /events
// (or polls /version) and reloads when the version changes. The
// document's own policy (a meta tag that forbids scripts) is dropped from
// the page; the header's is as strict but for that script.
package preview
