// Package yamlls drives yaml-language-server, the language server behind
// VS Code's YAML extension and most other editors' YAML support, for the
// tests of spur's JSON Schema (schema/spur.schema.json, issue 13): what a
// user sees in the editor, the diagnostics and the completions, is checked
// in the server itself rather than inferred from the schema's text.
//
// # What it owns
//
// Finding node and the server pinned in tools/yamlls (package-lock.json;
// make yamlls-deps installs it), starting it over stdio, and a small LSP
// client: open a document, wait for its diagnostics, ask for completions,
// shut down. The client answers the server's own requests
// (workspace/configuration and the like) and turns off the schema store,
// which the server would otherwise fetch from the network.
//
// # What it must not do
//
// It is a test harness, not part of spur: only tests import it. Every wait
// is bounded by Timeout, so that a server that hangs fails a test instead
// of hanging it; without node or the server a test skips, and under CI=true
// it fails (Require), so that CI never passes by skipping.
//
// # Example
//
//	yamlls.Require(t, "../../tools/yamlls")
//	s, err := yamlls.Start("../../tools/yamlls")
//	if err != nil {
//		t.Fatal(err)
//	}
//	defer s.Close()
//	s.Open(uri, "# yaml-language-server: $schema=file:///…/spur.schema.json\ncatalog: \"2025\"\n…")
//	diags, err := s.Diagnostics(uri) // []Diagnostic, each with its range and message
//	items, err := s.Complete(uri, yamlls.Position{Line: 9, Character: 14})
package yamlls
