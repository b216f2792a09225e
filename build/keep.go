package build

import (
	"crypto/sha256"
	"sync"

	"spur/input"
)

// The first pass loads every input to check it; the second needs each
// good one again to render it, and each earlier visit of a unit to compare
// with. A build keeps what the first pass loaded for the second, within
// keepBudget, so that most inputs are read and checked once. The second
// pass still reads the file: what was kept is used only when the bytes are
// those the first pass loaded (the same SHA-256), so an input edited in
// between is loaded anew and judged as it is now.

// keepBudget bounds the estimated memory of the inspections kept between
// the passes: some 250 ordinary ones, a year's build. What is kept counts
// twice in the peak (the collector lets the heap grow to twice what
// lives): 6 MiB holds a build of 1,000 at 60 MiB, 12 MiB took it to 71.
const keepBudget = 6 << 20

// keepExpansion is a kept inspection's memory per byte of its file: 23 KiB
// for the 8 KB of a generated inspection, rounded up (a workbook, being
// compressed, is charged more than it holds). What is kept is the model
// and its grades without the places of its values (WithoutPlaces), which
// only the first pass's diagnostics need: 60 KiB with them.
const keepExpansion = 3

// keeper holds the inspections kept between the passes, and guards the
// items' loaded, sum and uses.
type keeper struct {
	mu   sync.Mutex
	used int64
}

// offer keeps in for its second pass, if it fits in the budget; data is
// what it was loaded from. Only what is kept needs the bytes' hash.
func (k *keeper) offer(it *item, in *input.Inspection, data []byte) {
	cost := int64(len(data)) * keepExpansion
	k.mu.Lock()
	fits := k.used+cost <= keepBudget
	if fits {
		k.used += cost
	}
	k.mu.Unlock()
	if !fits {
		return
	}
	kept := &input.Inspection{Inspection: in.Inspection.WithoutPlaces(), Grades: in.Grades}
	sum := sha256.Sum256(data)
	k.mu.Lock()
	it.loaded, it.loadedCost, it.uses, it.sum = kept, cost, 1, sum
	k.mu.Unlock()
}

// needs counts one more render that will load it: a later visit of its
// unit, which compares with it. Called between the passes.
func (k *keeper) needs(it *item) {
	if it.loaded != nil {
		it.uses++
	}
}

// loadAgain returns the inspection of it for the second pass: what the
// first pass kept when the file still holds the bytes it loaded, else the
// file loaded anew. Each render that needs it calls loadAgain once, which
// drops one use of what was kept.
func (b *builder) loadAgain(it *item) (*input.Inspection, error) {
	data, err := input.ReadFile(it.path)
	kept, sum := b.keep.take(it)
	if err != nil {
		return nil, err
	}
	if kept != nil && sha256.Sum256(data) == sum {
		return kept, nil
	}
	return input.Bytes(it.path, data, b.opt.Policy), nil
}

// take returns what was kept for it and the hash of the bytes it was
// loaded from, and drops one use of it, and what was kept with the last.
func (k *keeper) take(it *item) (*input.Inspection, [32]byte) {
	k.mu.Lock()
	defer k.mu.Unlock()
	kept := it.loaded
	if kept != nil {
		if it.uses--; it.uses <= 0 {
			it.loaded = nil
			k.used -= it.loadedCost
		}
	}
	return kept, it.sum
}

// drop lets go of what was kept for it, whatever its uses: for an input the
// second pass will not render (two inputs that give the same file).
func (k *keeper) drop(it *item) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if it.loaded != nil {
		it.loaded = nil
		k.used -= it.loadedCost
	}
}
