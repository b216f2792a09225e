package preview

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"

	"spur/grade"
	"spur/report"
)

// Options set up a preview.
type Options struct {
	Path   string // the inspection file
	Policy grade.Policy
	Lang   string    // "sv" or "en", for compose.Report
	Date   time.Time // the documents' date (SOURCE_DATE_EPOCH); zero: the inspection's
	// Render writes the HTML report: the html format's Report function.
	Render func(w io.Writer, r *report.Report) (warnings []string, err error)
	// Log, if set, gets a line for each rebuild (stderr).
	Log io.Writer
	// Interval is how often the file is looked at; zero is 200 ms.
	Interval time.Duration
}

// Server serves the preview of one file.
type Server struct {
	opt   Options
	w     *watcher
	mu    sync.Mutex
	st    state
	bump  chan struct{} // closed and replaced when the version changes
	boot  string        // tells this run's versions from an earlier run's
	calls int           // versions so far
	// streams bounds the /events connections open at once.
	streams chan struct{}
}

// state is what a page is made of.
type state struct {
	version string
	good    []byte   // the last report rendered, or nil
	problem []string // why the file shown is not the file on disk: diagnostics, a read or render error
	more    int      // problems not shown
	invalid bool     // problem holds errors, not warnings only
}

// maxShown bounds the diagnostics in the page, as spur validate bounds
// what it prints: the first ones say what is wrong.
const maxShown = 200

// maxStreams bounds the pages listening at once.
const maxStreams = 32

// New loads the file and renders it once. The error is for a file that
// cannot be read at all; a file that does not validate is shown with its
// diagnostics.
func New(opt Options) (*Server, error) {
	if opt.Render == nil {
		return nil, errors.New("preview: no render function")
	}
	if opt.Interval <= 0 {
		opt.Interval = 200 * time.Millisecond
	}
	s := &Server{
		opt:     opt,
		w:       newWatcher(opt.Path),
		bump:    make(chan struct{}),
		boot:    strconv.FormatInt(time.Now().UnixNano(), 36),
		streams: make(chan struct{}, maxStreams),
	}
	data, changed, err := s.w.poll(true)
	if err != nil {
		return nil, err
	}
	if changed {
		s.rebuild(data, nil)
	}
	return s, nil
}

// Version is the version of the page now served; it changes whenever the
// page would.
func (s *Server) Version() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.st.version
}

// Serve answers on ln and rebuilds the page whenever the file changes,
// until ctx is cancelled; then it closes ln and returns nil.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	_, port, err := net.SplitHostPort(ln.Addr().String())
	if err != nil {
		return fmt.Errorf("preview: %w", err)
	}
	srv := &http.Server{
		Handler:           s.handler(port),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      30 * time.Second, // /events moves its deadline on as it writes
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    16 << 10,
		// A request's context ends with ctx, so that /events streams end
		// and Shutdown does not wait for them.
		BaseContext: func(net.Listener) context.Context { return ctx },
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.watch(ctx)
	}()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err = <-errc:
		// The listener failed; stop watching too.
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
		if srv.Shutdown(sctx) != nil {
			srv.Close()
		}
		cancel()
		err = <-errc
	}
	<-done
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return fmt.Errorf("preview: %w", err)
}

// watch looks at the file every interval until ctx ends.
func (s *Server) watch(ctx context.Context) {
	t := time.NewTicker(s.opt.Interval)
	defer t.Stop()
	for n := 1; ; n++ {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		// Every fifth look reads the file even when its size and time
		// are the same: a save within the file system's time resolution
		// that keeps the size is still seen, within a second.
		data, changed, err := s.w.poll(n%5 == 0)
		if changed || err != nil {
			s.rebuild(data, err)
		}
	}
}

// rebuild makes the page of the file's new content, or of the error
// reading it. A file that does not load or render keeps the last good
// report and says why above it.
func (s *Server) rebuild(data []byte, readErr error) {
	next := s.current()
	next.problem, next.more, next.invalid = nil, 0, false
	switch {
	case readErr != nil:
		next.problem, next.invalid = []string{readErr.Error()}, true
	default:
		in := load(s.opt.Path, data, s.opt.Policy)
		shown := in.Diags
		if len(shown) > maxShown {
			shown, next.more = shown[:maxShown], len(shown)-maxShown
		}
		for _, d := range shown {
			next.problem = append(next.problem, d.String())
		}
		next.invalid = !in.OK()
		if in.OK() {
			page, warnings, err := s.render(in)
			if err != nil {
				next.problem, next.invalid = append(next.problem, err.Error()), true
			} else {
				next.good = page
				next.problem = append(next.problem, warnings...)
			}
		}
	}
	s.publish(next)
}

func (s *Server) current() state {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.st
}

// publish makes st the page served and tells the listening pages, if it
// differs from the page before.
func (s *Server) publish(st state) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.calls > 0 && same(s.st, st) {
		return
	}
	s.calls++
	st.version = s.boot + "." + strconv.Itoa(s.calls)
	s.st = st
	close(s.bump)
	s.bump = make(chan struct{})
	if s.opt.Log != nil {
		switch {
		case st.invalid && st.good != nil:
			fmt.Fprintf(s.opt.Log, "%s: does not validate; the page shows why, above the last good report\n", s.opt.Path)
		case st.invalid:
			fmt.Fprintf(s.opt.Log, "%s: does not validate; the page shows why\n", s.opt.Path)
		default:
			fmt.Fprintf(s.opt.Log, "%s: updated\n", s.opt.Path)
		}
	}
}

func same(a, b state) bool {
	if string(a.good) != string(b.good) || a.more != b.more || a.invalid != b.invalid || len(a.problem) != len(b.problem) {
		return false
	}
	for i := range a.problem {
		if a.problem[i] != b.problem[i] {
			return false
		}
	}
	return true
}

// snapshot is the page's state and the channel closed when it changes.
func (s *Server) snapshot() (state, <-chan struct{}) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.st, s.bump
}
