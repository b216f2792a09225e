package build

import (
	"fmt"
	"io"
	"sync"
)

// progress draws "checking 523/1000" or "building 523/1000, 2 failed" on
// one line of a terminal, some two hundred times a pass at most. Off a terminal (in
// CI) it draws nothing: the log is then plain lines of diagnostics.
type progress struct {
	w  io.Writer
	on bool

	mu       sync.Mutex
	what     string
	n, total int
	failed   int
	drawn    bool
}

func newProgress(w io.Writer, terminal bool) *progress {
	return &progress{w: w, on: terminal}
}

// start begins a pass over total items.
func (p *progress) start(what string, total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.what, p.n, p.total, p.failed = what, 0, total, 0
	p.draw(true)
}

// done counts an item.
func (p *progress) done(failed bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n++
	if failed {
		p.failed++
	}
	p.draw(p.n == p.total)
}

func (p *progress) draw(force bool) {
	if !p.on {
		return
	}
	if step := max(p.total/200, 1); !force && p.n%step != 0 {
		return
	}
	msg := fmt.Sprintf("spur build: %s %d/%d", p.what, p.n, p.total)
	if p.failed > 0 {
		msg += fmt.Sprintf(", %d failed", p.failed)
	}
	fmt.Fprintf(p.w, "\r\x1b[K%s", msg)
	p.drawn = true
}

// clear removes the line before other output.
func (p *progress) clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.drawn = false
	}
}
