package yamlls

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// ErrUnavailable says that node or the pinned server is not installed.
var ErrUnavailable = errors.New("yaml-language-server is not available")

// Timeout bounds every wait for the server: its start, a diagnostic, an
// answer, its exit. A server that hangs fails the test that waits, rather
// than hanging it. Starting node and loading the schema takes well under a
// second; the margin is for a machine busy with other tests.
var Timeout = 10 * time.Second

// Find gives the node command and the server's script under dir, the
// folder of tools/yamlls, or an error wrapping ErrUnavailable that says
// what is missing.
func Find(dir string) (node, script string, err error) {
	node, err = exec.LookPath("node")
	if err != nil {
		return "", "", fmt.Errorf("%w: node is not installed (.ci/run installs Debian's nodejs)", ErrUnavailable)
	}
	script = filepath.Join(dir, "node_modules", "yaml-language-server", "bin", "yaml-language-server")
	if _, err := os.Stat(script); err != nil {
		return "", "", fmt.Errorf("%w: %s is missing; run: cd %s && npm ci --no-audit --no-fund (make yamlls-deps)", ErrUnavailable, script, dir)
	}
	return node, script, nil
}

// Require skips the test when node or the server under dir is missing,
// saying what to install; when the environment says CI (CI=true), it fails
// instead, so that CI never passes by skipping.
func Require(t testing.TB, dir string) {
	t.Helper()
	_, _, err := Find(dir)
	if err == nil {
		return
	}
	if ci, _ := strconv.ParseBool(os.Getenv("CI")); ci {
		t.Fatalf("%v; CI is set, so this fails rather than skips", err)
		return
	}
	t.Skipf("%v", err)
}

// Position is a place in a document: 0-based line and UTF-16 character, as
// LSP counts them.
type Position struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

// Range is a span of a document.
type Range struct {
	Start Position `json:"start"`
	End   Position `json:"end"`
}

// Diagnostic is one problem the server reports in a document.
type Diagnostic struct {
	Range    Range  `json:"range"`
	Severity int    `json:"severity"`
	Message  string `json:"message"`
}

func (d Diagnostic) String() string {
	return fmt.Sprintf("%d:%d: %s", d.Range.Start.Line+1, d.Range.Start.Character+1, d.Message)
}

// CompletionItem is one proposal of a completion.
type CompletionItem struct {
	Label         string          `json:"label"`
	Detail        string          `json:"detail"`
	Documentation json.RawMessage `json:"documentation"`
	InsertText    string          `json:"insertText"`
}

// Doc gives the item's documentation as text, whether the server sent a
// string or markup.
func (c CompletionItem) Doc() string {
	var s string
	if json.Unmarshal(c.Documentation, &s) == nil {
		return s
	}
	var m struct{ Value string }
	json.Unmarshal(c.Documentation, &m)
	return m.Value
}

// Server is a running yaml-language-server, driven over its standard input
// and output with LSP's JSON-RPC.
type Server struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stderr bytes.Buffer // the server's log, for a failure message

	wmu sync.Mutex // one message on stdin at a time

	mu      sync.Mutex
	nextID  int
	pending map[int]chan response
	diags   map[string]chan []Diagnostic
	done    chan struct{} // closed when stdout ends
	readErr error
}

type response struct {
	Result json.RawMessage
	Error  *struct {
		Code    int
		Message string
	}
}

// settings are the server's settings (workspace/didChangeConfiguration and
// workspace/configuration): validation, completion and hover on, and no
// schema store, which the server would otherwise fetch from the network.
var settings = map[string]any{
	"yaml": map[string]any{
		"validate":    true,
		"completion":  true,
		"hover":       true,
		"format":      map[string]any{"enable": false},
		"schemaStore": map[string]any{"enable": false},
		"schemas":     map[string]any{},
	},
}

// Start runs the server under dir (the folder of tools/yamlls), initialises
// it and sends it its settings. Close stops it.
func Start(dir string) (*Server, error) {
	node, script, err := Find(dir)
	if err != nil {
		return nil, err
	}
	s := &Server{
		pending: map[int]chan response{},
		diags:   map[string]chan []Diagnostic{},
		done:    make(chan struct{}),
	}
	s.cmd = exec.Command(node, script, "--stdio")
	s.cmd.Stderr = &lockedWriter{w: &s.stderr, mu: &s.mu}
	if s.stdin, err = s.cmd.StdinPipe(); err != nil {
		return nil, err
	}
	stdout, err := s.cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := s.cmd.Start(); err != nil {
		return nil, fmt.Errorf("start yaml-language-server: %w", err)
	}
	go s.read(bufio.NewReader(stdout))
	root, _ := filepath.Abs(dir)
	params := map[string]any{
		"processId": os.Getpid(),
		"rootUri":   nil,
		"capabilities": map[string]any{
			"workspace": map[string]any{"configuration": true},
			"textDocument": map[string]any{
				"publishDiagnostics": map[string]any{},
				"completion": map[string]any{"completionItem": map[string]any{
					"snippetSupport":          false,
					"documentationFormat":     []string{"plaintext"},
					"insertReplaceSupport":    false,
					"labelDetailsSupport":     false,
					"deprecatedSupport":       false,
					"commitCharactersSupport": false,
				}},
				"hover": map[string]any{"contentFormat": []string{"plaintext"}},
			},
		},
		"initializationOptions": map[string]any{},
		"clientInfo":            map[string]any{"name": "spur-test", "version": "1"},
		"workspaceFolders":      nil,
		"trace":                 "off",
		"locale":                "en",
		"rootPath":              root,
	}
	if _, err := s.call("initialize", params); err != nil {
		s.Close()
		return nil, err
	}
	if err := s.notify("initialized", map[string]any{}); err != nil {
		s.Close()
		return nil, err
	}
	if err := s.notify("workspace/didChangeConfiguration", map[string]any{"settings": settings}); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

type lockedWriter struct {
	w  io.Writer
	mu *sync.Mutex
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// Log is what the server wrote to its standard error so far.
func (s *Server) Log() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stderr.String()
}

// Open opens a document; the server answers with its diagnostics, which
// Diagnostics waits for. uri names the document: a file URI, which need not
// exist, since the text is sent; a relative $schema in the text is read
// relative to it.
func (s *Server) Open(uri, text string) error {
	s.diagChan(uri)
	return s.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": uri, "languageId": "yaml", "version": 1, "text": text,
	}})
}

// Diagnostics waits for the next diagnostics the server publishes for uri
// (once for each Open), at most Timeout.
func (s *Server) Diagnostics(uri string) ([]Diagnostic, error) {
	select {
	case d := <-s.diagChan(uri):
		return d, nil
	case <-s.done:
		return nil, fmt.Errorf("yaml-language-server ended before it checked %s: %v\n%s", uri, s.readErr, s.Log())
	case <-time.After(Timeout):
		return nil, fmt.Errorf("no diagnostics for %s within %v\n%s", uri, Timeout, s.Log())
	}
}

// Complete asks for the completions at pos in the open document uri.
func (s *Server) Complete(uri string, pos Position) ([]CompletionItem, error) {
	res, err := s.call("textDocument/completion", map[string]any{
		"textDocument": map[string]any{"uri": uri},
		"position":     pos,
	})
	if err != nil {
		return nil, err
	}
	var list struct{ Items []CompletionItem }
	if err := json.Unmarshal(res, &list); err != nil || list.Items == nil {
		var items []CompletionItem // a bare array is allowed as well
		if err2 := json.Unmarshal(res, &items); err2 != nil {
			return nil, fmt.Errorf("completion: %s: %v", res, err)
		}
		return items, nil
	}
	return list.Items, nil
}

// Close asks the server to shut down and exit, and kills it if it has not
// within Timeout.
func (s *Server) Close() error {
	exited := make(chan error, 1)
	go func() {
		<-s.done // all of stdout is read before Wait closes it
		exited <- s.cmd.Wait()
	}()
	if _, err := s.call("shutdown", nil); err == nil {
		s.notify("exit", nil)
	}
	s.stdin.Close()
	select {
	case err := <-exited:
		if err != nil {
			return fmt.Errorf("yaml-language-server: %v\n%s", err, s.Log())
		}
		return nil
	case <-time.After(Timeout):
		s.cmd.Process.Kill()
		<-exited
		return fmt.Errorf("yaml-language-server did not exit within %v; killed", Timeout)
	}
}

func (s *Server) diagChan(uri string) chan []Diagnostic {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.diags[uri]
	if !ok {
		c = make(chan []Diagnostic, 16)
		s.diags[uri] = c
	}
	return c
}

func (s *Server) call(method string, params any) (json.RawMessage, error) {
	s.mu.Lock()
	s.nextID++
	id := s.nextID
	c := make(chan response, 1)
	s.pending[id] = c
	s.mu.Unlock()
	if err := s.write(map[string]any{"jsonrpc": "2.0", "id": id, "method": method, "params": params}); err != nil {
		return nil, err
	}
	select {
	case r := <-c:
		if r.Error != nil {
			return nil, fmt.Errorf("%s: %s (%d)", method, r.Error.Message, r.Error.Code)
		}
		return r.Result, nil
	case <-s.done:
		return nil, fmt.Errorf("yaml-language-server ended before it answered %s: %v\n%s", method, s.readErr, s.Log())
	case <-time.After(Timeout):
		return nil, fmt.Errorf("no answer to %s within %v\n%s", method, Timeout, s.Log())
	}
}

func (s *Server) notify(method string, params any) error {
	return s.write(map[string]any{"jsonrpc": "2.0", "method": method, "params": params})
}

func (s *Server) write(msg any) error {
	body, err := json.Marshal(msg)
	if err != nil {
		return err
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if _, err := fmt.Fprintf(s.stdin, "Content-Length: %d\r\n\r\n%s", len(body), body); err != nil {
		return fmt.Errorf("write to yaml-language-server: %w", err)
	}
	return nil
}

// message is any JSON-RPC message from the server: a response (ID, no
// method), a request (ID and method) or a notification (method only).
type message struct {
	ID     *json.RawMessage `json:"id"`
	Method string           `json:"method"`
	Params json.RawMessage  `json:"params"`
	response
}

func (s *Server) read(r *bufio.Reader) {
	defer close(s.done)
	for {
		body, err := readFrame(r)
		if err != nil {
			s.readErr = err
			return
		}
		var m message
		if err := json.Unmarshal(body, &m); err != nil {
			s.readErr = fmt.Errorf("a message that is not JSON: %v: %.200s", err, body)
			return
		}
		switch {
		case m.Method == "" && m.ID != nil:
			id, _ := strconv.Atoi(string(*m.ID))
			s.mu.Lock()
			c := s.pending[id]
			delete(s.pending, id)
			s.mu.Unlock()
			if c != nil {
				c <- m.response
			}
		case m.Method != "" && m.ID != nil:
			s.answer(*m.ID, m.Method, m.Params)
		case m.Method == "textDocument/publishDiagnostics":
			var p struct {
				URI         string
				Diagnostics []Diagnostic
			}
			if json.Unmarshal(m.Params, &p) == nil {
				select {
				case s.diagChan(p.URI) <- p.Diagnostics:
				default: // nobody waits for so many: drop
				}
			}
		}
	}
}

// answer replies to a request of the server: the settings for
// workspace/configuration, and an empty result for the rest
// (client/registerCapability, window/workDoneProgress/create …).
func (s *Server) answer(id json.RawMessage, method string, params json.RawMessage) {
	var result any
	if method == "workspace/configuration" {
		var p struct{ Items []struct{ Section string } }
		json.Unmarshal(params, &p)
		var out []any
		for _, it := range p.Items {
			var v any = settings
			for _, k := range strings.Split(it.Section, ".") {
				if m, ok := v.(map[string]any); ok && k != "" {
					v = m[k]
				}
			}
			out = append(out, v)
		}
		result = out
	}
	go s.write(map[string]any{"jsonrpc": "2.0", "id": id, "result": result})
}

func readFrame(r *bufio.Reader) ([]byte, error) {
	n := -1
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return nil, err
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			break
		}
		if v, ok := strings.CutPrefix(line, "Content-Length:"); ok {
			if n, err = strconv.Atoi(strings.TrimSpace(v)); err != nil {
				return nil, fmt.Errorf("bad header %q", line)
			}
		}
	}
	if n < 0 {
		return nil, errors.New("a message without Content-Length")
	}
	body := make([]byte, n)
	_, err := io.ReadFull(r, body)
	return body, err
}
