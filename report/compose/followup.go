package compose

import (
	"slices"
	"strings"

	"spur/report"
	"spur/schema"
)

// followUps gives an action's follow-ups as the plan prints them: the
// latest, which is the action's state, and the others, the latest first.
// The latest is schema.PlanEntry.Latest's: the latest by date, and of one
// day the one written last. last is nil when there are none.
func followUps(l report.Labels, list []schema.FollowUp) (last *report.FollowUp, earlier []report.FollowUp) {
	if len(list) == 0 {
		return nil, nil
	}
	byDate := slices.Clone(list)
	slices.SortStableFunc(byDate, func(a, b schema.FollowUp) int { return a.Date.Time().Compare(b.Date.Time()) })
	slices.Reverse(byDate)
	out := make([]report.FollowUp, len(byDate))
	for i, f := range byDate {
		out[i] = followUp(l, f)
	}
	if len(out) > 1 {
		earlier = out[1:]
	}
	return &out[0], earlier
}

func followUp(l report.Labels, f schema.FollowUp) report.FollowUp {
	status := l.FollowUpStatus[string(f.Status)]
	if status == "" { // not one of the four: validation says so
		status = Lines(string(f.Status))
	}
	// Who followed up stands in brackets after the note: on one line.
	by := strings.ReplaceAll(Lines(f.By), "\n", ", ")
	return report.FollowUp{Date: f.Date.String(), Status: status, Note: Lines(f.Note), By: by}
}
