package plan

import (
	"fmt"
	"reflect"
	"slices"

	"spur/schema"
)

// Overwrites says what writing the result of an import (the inspection
// from, with the plan result) over out, an inspection already in the file
// the import is told to write (spur import -o OUT), would lose: "" when
// nothing, which is when out is from with another plan, every follow-up of
// out's plan in result too (an earlier result of the same import, written
// again); else what out holds that the result lacks, in a phrase.
func Overwrites(out, from *schema.Inspection, result *schema.ActionPlan) string {
	if !schema.SameUnit(out, from) || out.Visit != from.Visit {
		return fmt.Sprintf("it is the inspection of %s on %s, not of %s on %s", schema.Clip(out.Unit.Name), out.Visit, schema.Clip(from.Unit.Name), from.Visit)
	}
	a, b := *out, *from
	a.ActionPlan, b.ActionPlan = nil, nil
	if path := differ(reflect.ValueOf(a), reflect.ValueOf(b), ""); path != "" {
		return fmt.Sprintf("its %s is not %s's", path, from.File)
	}
	if out.ActionPlan == nil {
		return ""
	}
	for _, e := range out.ActionPlan.Entries {
		for _, f := range e.FollowUps {
			kept := result != nil && slices.ContainsFunc(result.Entries, func(r schema.PlanEntry) bool {
				return r.Criterion == e.Criterion && slices.Contains(r.FollowUps, f)
			})
			if !kept {
				return fmt.Sprintf("its follow-up of %s dated %s is not in %s", e.Criterion, f.Date, from.File)
			}
		}
	}
	return ""
}
