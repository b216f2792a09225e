package preview

import (
	"io"
	"net/http"
	"time"
)

// handler serves the page (/), its version (/version) and the stream of
// versions (/events), and nothing else: no file is served from disk.
// Requests must name this server in their Host header.
func (s *Server) handler(port string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cache-Control", "no-store")
		h.Set("X-Frame-Options", "DENY")
		if !allowedHost(r.Host, port) {
			h.Set("Content-Security-Policy", "default-src 'none'")
			http.Error(w, "spur preview answers only at its loopback address, not at "+r.Host, http.StatusForbidden)
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			h.Set("Allow", "GET, HEAD")
			http.Error(w, "spur preview takes GET only", http.StatusMethodNotAllowed)
			return
		}
		switch r.URL.Path {
		case "/":
			s.page(w, r)
		case "/version":
			h.Set("Content-Type", "text/plain; charset=utf-8")
			io.WriteString(w, s.Version()+"\n")
		case "/events":
			s.events(w, r)
		default:
			h.Set("Content-Security-Policy", "default-src 'none'")
			http.NotFound(w, r)
		}
	})
}

func (s *Server) page(w http.ResponseWriter, _ *http.Request) {
	st, _ := s.snapshot()
	nonce := newNonce()
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", csp(nonce))
	w.Write(pageOf(st, s.opt.Lang, nonce))
}

// Bounds of one /events stream: a page that is gone is noticed at the
// next write, and a stream ends after a while (EventSource reconnects).
const (
	keepAlive  = 15 * time.Second
	writeLimit = 10 * time.Second
	streamLife = 5 * time.Minute
)

// events streams the version as Server-Sent Events: now, and whenever it
// changes.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	select {
	case s.streams <- struct{}{}:
		defer func() { <-s.streams }()
	default:
		http.Error(w, "too many preview pages open", http.StatusServiceUnavailable)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	if r.Method == http.MethodHead {
		return
	}
	rc := http.NewResponseController(w)
	// The request has been read; its read deadline would otherwise end
	// the stream (and its context) after the server's ReadTimeout.
	rc.SetReadDeadline(time.Time{})
	send := func(msg string) bool {
		rc.SetWriteDeadline(time.Now().Add(writeLimit))
		if _, err := io.WriteString(w, msg); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	if !send("retry: 1000\n\n") {
		return
	}
	end := time.NewTimer(streamLife)
	defer end.Stop()
	for {
		st, changed := s.snapshot()
		if !send("data: " + st.version + "\n\n") {
			return
		}
		select {
		case <-r.Context().Done():
			return
		case <-end.C:
			return
		case <-changed:
		case <-time.After(keepAlive):
		}
	}
}
