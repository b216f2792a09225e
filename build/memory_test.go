package build

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// However many workers there are, the inputs held at once never charge
// more than the budget, an input over the budget runs alone, and a
// cancelled build stops waiting.
func TestMemoryBudget(t *testing.T) {
	if c := charge(50 << 10); c != 50<<10*expansion {
		t.Errorf("charge of 50 KB = %d", c)
	}
	if c := charge(1 << 40); c != MemoryBudget {
		t.Errorf("a huge input is charged %d, want the whole budget", c)
	}
	m := newMemory()
	var held, peak atomic.Int64
	var wg sync.WaitGroup
	sizes := []int64{4 << 20, 30 << 10, 1 << 40, 3 << 20, 4 << 20, 6 << 20, 10 << 10, 5 << 20}
	for i := range 32 {
		wg.Go(func() {
			n := charge(sizes[i%len(sizes)])
			if !m.acquire(context.Background(), n) {
				t.Error("acquire failed without a cancel")
				return
			}
			now := held.Add(n)
			for {
				p := peak.Load()
				if now <= p || peak.CompareAndSwap(p, now) {
					break
				}
			}
			time.Sleep(time.Millisecond)
			held.Add(-n)
			m.release(n)
		})
	}
	wg.Wait()
	if p := peak.Load(); p > MemoryBudget || p == 0 {
		t.Errorf("peak %d MiB held, budget %d MiB", p>>20, MemoryBudget>>20)
	}
	ctx, cancel := context.WithCancel(context.Background())
	m.acquire(ctx, MemoryBudget)
	done := make(chan bool)
	go func() { done <- m.acquire(ctx, 1) }()
	cancel()
	if <-done {
		t.Error("a cancelled acquire got memory")
	}
}
