package build

import (
	"context"
	"sync"
)

// A build holds at most MemoryBudget of estimated working memory at once,
// whatever its inputs and -j: each input is charged an estimate from its
// size on disk, and a worker waits until its input fits. An ordinary
// inspection (30–80 KB) is charged a few MiB, so -j N runs N of them; a
// hostile one near the size limits runs alone.
const MemoryBudget = 640 << 20

// expansion is what an input may cost in memory per byte on disk while it
// is loaded or rendered: measured at about 70 for a 3.9 MB YAML file of a
// million ids (yaml.v3's tree), rounded up.
const expansion = 96

// minCharge is what the smallest input is charged.
const minCharge = 1 << 20

// charge is the estimate for an input of size bytes, within the budget.
func charge(size int64) int64 {
	return min(max(size*expansion, minCharge), MemoryBudget)
}

// memory is a weighted semaphore over MemoryBudget.
type memory struct {
	mu   sync.Mutex
	cond *sync.Cond
	used int64
}

func newMemory() *memory {
	m := &memory{}
	m.cond = sync.NewCond(&m.mu)
	return m
}

// acquire waits until n fits in the budget, or ctx is done (then it
// returns false and holds nothing).
func (m *memory) acquire(ctx context.Context, n int64) bool {
	stop := context.AfterFunc(ctx, func() {
		m.mu.Lock()
		m.cond.Broadcast()
		m.mu.Unlock()
	})
	defer stop()
	m.mu.Lock()
	defer m.mu.Unlock()
	for m.used+n > MemoryBudget {
		if ctx.Err() != nil {
			return false
		}
		m.cond.Wait()
	}
	m.used += n
	return true
}

func (m *memory) release(n int64) {
	m.mu.Lock()
	m.used -= n
	m.cond.Broadcast()
	m.mu.Unlock()
}
