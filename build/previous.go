package build

import (
	"fmt"

	"spur/input"
	"spur/schema"
)

// previous finds, for each good input, the latest earlier visit of the
// same unit among the good inputs (schema.Unit.Identity: unit.id, else
// organisation and name), by schema.PreviousOf's rule
// (schema.LaterPrevious): its report gains the comparison with that visit.
// Of two visits on the same day the final report is taken, then the first
// found.
func previous(items []*item) {
	byUnit := map[string][]*item{}
	for _, it := range items {
		if it.ok {
			byUnit[it.row.UnitKey] = append(byUnit[it.row.UnitKey], it)
		}
	}
	for _, visits := range byUnit {
		if len(visits) < 2 {
			continue
		}
		for _, it := range visits {
			var best *item
			for _, o := range visits {
				if o == it || !o.visit.Before(it.visit) {
					continue
				}
				if best == nil || schema.LaterPrevious(o.visit, o.row.Final, best.visit, best.row.Final) {
					best = o
				}
			}
			it.prev = best
		}
	}
}

// loadPrevious loads the previous visit of it (cur, loaded again in the
// second pass) for the comparison, or takes it as the first pass kept it
// (keep.go), checked as spur report --previous checks one
// (schema.CheckPrevious); an error says it no longer loads as it did in
// the first pass.
func (b *builder) loadPrevious(it *item, cur *schema.Inspection) (*input.Inspection, error) {
	in, err := b.loadAgain(it.prev)
	if err == nil && !in.OK() {
		err = fmt.Errorf("it has errors now; run spur validate %s", it.prev.path)
	}
	if err == nil {
		err = schema.CheckPrevious(cur, in.Inspection)
	}
	if err != nil {
		return nil, fmt.Errorf("its previous visit %s changed during the build: %v", it.prev.path, err)
	}
	return in, nil
}
