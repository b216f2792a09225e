package plan

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"spur/input"
	"spur/schema"
	"spur/workbook"
)

// The follow-up round (issue 14): the region follows the plan's actions up
// in the workbook of workbook.WriteFollowUpTemplate, and ImportFollowUps
// adds what it found to the inspection file, as follow_ups of each entry.
// Nothing else of the file changes: the new follow-ups are written as
// lines of their own, the file is checked as Merge checks a plan, and a
// follow-up the file has already is not added again.

// ErrFollowUpsNotImported is what every error of ImportFollowUps wraps:
// nothing was imported, and the diagnostics say why.
var ErrFollowUpsNotImported = errors.New("the follow-ups were not imported")

// FollowedUp is an inspection file with follow-ups added.
type FollowedUp struct {
	File  []byte             // the new inspection file, checked; src itself when nothing was added
	Plan  *schema.ActionPlan // the plan with the follow-ups in it
	Added int                // follow-ups added
	Known int                // follow-ups of the workbook the file has already, not added again
}

// ImportFollowUps reads the follow-up workbook data (named bookName) made
// for the YAML inspection file src (named name), which must load without
// errors, and adds its follow-ups to the entries of the plan. The
// follow-ups the file has are kept; each new one is appended to its
// entry's follow_ups, unless the entry has one with the same date, status,
// note and who already, so that importing a workbook twice changes
// nothing. A row with a status and no date is dated opt.Date, with a
// warning naming it (unless the entry has a follow-up with the same
// status, note and who: then the row is taken for that one, with a
// warning). It opens no file.
//
// Errors wrap ErrFollowUpsNotImported, and the diagnostics name each
// problem at its cell or line.
func ImportFollowUps(name string, src []byte, bookName string, data []byte, opt Options) (*FollowedUp, schema.Diagnostics, error) {
	in := input.Bytes(name, src, opt.Policy)
	diags := in.Diags
	if !in.OK() {
		return nil, diags, fmt.Errorf("%s: fix the inspection first; %w", name, ErrFollowUpsNotImported)
	}
	notImported := func(err error) error {
		if err != nil {
			return fmt.Errorf("%s: %w (%v); %s is unchanged", bookName, ErrFollowUpsNotImported, err, name)
		}
		return fmt.Errorf("%s: %w; %s is unchanged", bookName, ErrFollowUpsNotImported, name)
	}
	if workbook.IsWorkbook(name, src) {
		diags.Errorf(schema.Pos{File: name}, "follow-ups are kept in a YAML inspection file, and an inspection workbook has no place for them; keep the inspection as YAML to follow its plan up")
		return nil, diags, notImported(nil)
	}
	lines, rd, err := workbook.ReadFollowUps(bookName, bytes.NewReader(data), int64(len(data)), in.Inspection)
	diags = append(diags, rd...)
	if err != nil || rd.HasErrors() {
		return nil, diags, notImported(err)
	}
	var ad schema.Diagnostics
	next, adds, known := addFollowUps(in.Inspection, lines, opt, &ad)
	diags = append(diags, ad...)
	if ad.HasErrors() {
		return nil, diags, notImported(nil)
	}
	res := &FollowedUp{File: src, Plan: next, Known: known}
	for _, fs := range adds {
		res.Added += len(fs)
	}
	if res.Added == 0 {
		return res, diags, nil
	}
	merged, md := mergeFollowUps(name, src, in, next, adds, opt)
	diags = append(diags, md...)
	if merged == nil {
		return nil, diags, notImported(nil)
	}
	res.File = merged
	return res, diags, nil
}

// addFollowUps returns the plan of insp with the follow-ups of lines
// added, and the follow-ups added per index of the plan's entries; known
// counts those the plan has already.
func addFollowUps(insp *schema.Inspection, lines []workbook.FollowUpLine, opt Options, diags *schema.Diagnostics) (*schema.ActionPlan, map[int][]schema.FollowUp, int) {
	old := insp.ActionPlan
	next := &schema.ActionPlan{Date: old.Date, Entries: make([]schema.PlanEntry, len(old.Entries))}
	index := map[string]int{}
	for i, e := range old.Entries {
		e.FollowUps = slices.Clone(e.FollowUps)
		next.Entries[i] = e
		if _, dup := index[e.Criterion]; !dup {
			index[e.Criterion] = i
		}
	}
	adds := map[int][]schema.FollowUp{}
	known := 0
	for _, l := range lines {
		i, ok := index[l.Criterion]
		if !ok {
			diags.Errorf(l.At, "%s has no entry in the inspection's action plan, so it cannot be followed up", schema.Clip(l.Criterion))
			continue
		}
		e := &next.Entries[i]
		f := l.FollowUp
		if f.Date.IsZero() {
			if k := slices.IndexFunc(e.FollowUps, func(g schema.FollowUp) bool { return sameWords(f, g) }); k >= 0 {
				diags.Warnf(l.DateAt, "the follow-up of %s has no date, and %s has the same follow-up (%s) already, dated %s: it is taken for that one and not added again; if it is a new follow-up, write its date here",
					e.Criterion, insp.File, f.Status.Swedish(), e.FollowUps[k].Date)
				known++
				continue
			}
			if opt.Date.IsZero() {
				diags.Errorf(l.DateAt, "the follow-up of %s has no date; write the day it was made, e.g. 2025-11-20", e.Criterion)
				continue
			}
			f.Date = opt.Date
			if opt.Today {
				diags.Warnf(l.DateAt, "the follow-up of %s has no date, so the day of the import, %s, is taken as its date; write the day it was made (e.g. 2025-11-20), or import with --date", e.Criterion, opt.Date)
			} else {
				diags.Warnf(l.DateAt, "the follow-up of %s has no date, so the date given to the import, %s, is taken as its date", e.Criterion, opt.Date)
			}
		}
		if slices.ContainsFunc(e.FollowUps, func(g schema.FollowUp) bool { return g.Date == f.Date && sameWords(f, g) }) {
			known++
			continue
		}
		switch {
		case !insp.Visit.IsZero() && f.Date.Time().Before(insp.Visit.Time()):
			diags.Warnf(l.DateAt, "the follow-up of %s is dated %s, before the visit (%s): it cannot follow up a plan made after the visit; check the date",
				e.Criterion, f.Date, insp.Visit)
		case !old.Date.IsZero() && f.Date.Time().Before(old.Date.Time()):
			diags.Warnf(l.DateAt, "the follow-up of %s is dated %s, before the action plan came in (%s); check the date", e.Criterion, f.Date, old.Date)
		case opt.Today && f.Date.Time().After(opt.Date.Time()):
			// The latest date is the action's state: a mistyped year
			// would stand over every follow-up made after it.
			diags.Warnf(l.DateAt, "the follow-up of %s is dated %s, after the day of the import (%s); a follow-up is dated the day it was made, and the latest stands as the action's state: check the date",
				e.Criterion, f.Date, opt.Date)
		}
		warnTwin(e, f, l, insp.File, diags)
		e.FollowUps = append(e.FollowUps, f)
		adds[i] = append(adds[i], f)
	}
	return next, adds, known
}

// warnTwin warns when the entry e has a follow-up that f may repeat or
// correct: one of the same day that says otherwise, or one that says the
// same, note and all, on another day. Both are kept, and f comes after
// it; which is right the person who follows up knows (a cell changed and
// the workbook imported again gives such a pair).
func warnTwin(e *schema.PlanEntry, f schema.FollowUp, l workbook.FollowUpLine, file string, diags *schema.Diagnostics) {
	for k := len(e.FollowUps) - 1; k >= 0; k-- {
		g := e.FollowUps[k]
		switch {
		case g.Date == f.Date && g.Status != f.Status:
			diags.Warnf(l.At, "%s has a follow-up dated %s already, which says %s; this one says %s and, written after it, is taken as the action's state; if one of the dates is wrong, correct it",
				e.Criterion, f.Date, g.Status.Swedish(), f.Status.Swedish())
		case g.Date == f.Date:
			diags.Warnf(l.At, "%s has a follow-up dated %s already (%s) whose note or who is not this one's; both are kept, this one after it; if it corrects that one, delete that one from %s",
				e.Criterion, f.Date, g.Status.Swedish(), file)
		case sameWords(f, g) && strings.TrimSpace(f.Note) != "":
			diags.Warnf(l.DateAt, "%s has the same follow-up (%s, the same note) dated %s already; this one, dated %s, is added too; if its date corrects that one's, delete that one from %s",
				e.Criterion, f.Status.Swedish(), g.Date, f.Date, file)
		default:
			continue
		}
		return
	}
}

// sameWords reports whether two follow-ups say the same, whatever their
// dates.
func sameWords(f, g schema.FollowUp) bool {
	return f.Status == g.Status && f.Note == g.Note && f.By == g.By
}

// mergeFollowUps writes the follow-ups adds into src and checks the
// result as Merge does: it loads, equals the old inspection outside the
// plan, and holds plan. The follow-ups go in as lines of their own; where
// the plan's layout does not allow that (a plan in flow style), the plan is
// written anew, and then the whole document, with a warning. nil means
// nothing could be written; the diagnostics say why.
func mergeFollowUps(name string, src []byte, old *input.Inspection, plan *schema.ActionPlan, adds map[int][]schema.FollowUp, opt Options) ([]byte, schema.Diagnostics) {
	var diags schema.Diagnostics
	var last schema.Diagnostics
	if merged, ok := insertFollowUps(name, src, adds); ok {
		if last = Check(name, old, merged, plan, opt.Policy); !last.HasErrors() {
			return merged, nil
		}
	}
	if merged, _, err := splice(name, src, plan); err == nil {
		if last = Check(name, old, merged, plan, opt.Policy); !last.HasErrors() {
			diags.Warnf(schema.Pos{File: name}, "the follow-ups could not be added as lines of their own where they belong (for one, the plan or an entry's follow_ups is written in flow style); action_plan is written anew, with every value kept")
			return merged, diags
		}
	}
	if rewritten, rd, err := rewrite(name, src, plan); err == nil {
		if last = Check(name, old, rewritten, plan, opt.Policy); !last.HasErrors() {
			for _, d := range rd {
				if !strings.HasPrefix(d.Message, "the action plan already here") {
					diags = append(diags, d)
				}
			}
			return rewritten, diags
		}
	}
	return nil, append(diags, last...)
}

// insertFollowUps writes the follow-ups adds (by index of the plan's
// entries) into the inspection file src as lines of their own: after the
// last item of the entry's follow_ups, or under a new follow_ups key at
// the end of the entry. Every other byte of src is kept. ok is false where
// the plan is not laid out so that this can be done (a flow mapping or
// list); Check tells whether what was done is right.
func insertFollowUps(name string, src []byte, adds map[int][]schema.FollowUp) ([]byte, bool) {
	doc, root, err := parseInspection(name, src)
	if err != nil {
		return nil, false
	}
	block := func(n *yaml.Node, kind yaml.Kind) bool {
		return n != nil && n.Kind == kind && n.Style&yaml.FlowStyle == 0
	}
	ap := field(root, "action_plan")
	entries := field(ap, "entries")
	if !block(ap, yaml.MappingNode) || !block(entries, yaml.SequenceNode) {
		return nil, false
	}
	var order []*yaml.Node
	walk(doc, func(n *yaml.Node) { order = append(order, n) })
	at := map[*yaml.Node]int{}
	for i, n := range order {
		at[n] = i
	}
	starts := lineStarts(src)
	nl := "\n"
	if bytes.Contains(src, []byte("\r\n")) {
		nl = "\r\n"
	}
	type insertion struct {
		at   int
		text string
	}
	var ins []insertion
	for i, fs := range adds {
		if i >= len(entries.Content) || !block(entries.Content[i], yaml.MappingNode) {
			return nil, false
		}
		item := entries.Content[i]
		target, indent, head := item, item.Column-1, ""
		if v := field(item, "follow_ups"); v != nil {
			switch {
			case block(v, yaml.SequenceNode) && len(v.Content) > 0:
				target, indent = v, v.Column-1
			case v.Kind == yaml.ScalarNode && v.ShortTag() == "!!null" && v.Value == "":
				// "follow_ups:" with nothing under it: the items go under it.
				target, indent = v, indent+2
			default:
				return nil, false
			}
		} else {
			head = strings.Repeat(" ", indent) + "follow_ups:\n"
			indent += 2
		}
		text, err := followUpLines(fs, indent)
		if err != nil {
			return nil, false
		}
		ins = append(ins, insertion{endOf(target, order, at, src, starts, indent), head + text})
	}
	sort.Slice(ins, func(i, j int) bool { return ins[i].at < ins[j].at })
	var out bytes.Buffer
	last := 0
	for _, x := range ins {
		out.Write(src[last:x.at])
		if x.at > 0 && src[x.at-1] != '\n' {
			out.WriteString(nl)
		}
		out.WriteString(strings.ReplaceAll(x.text, "\n", nl))
		last = x.at
	}
	out.Write(src[last:])
	return out.Bytes(), true
}

// endOf is the offset in src where the text of n ends: the start of the
// line of the node that follows n's last descendant, moved back over the
// blank lines and the comments (at most as indented as indent) that stand
// before it, which belong to what follows.
func endOf(n *yaml.Node, order []*yaml.Node, at map[*yaml.Node]int, src []byte, starts []int, indent int) int {
	lastDesc := n
	for len(lastDesc.Content) > 0 {
		lastDesc = lastDesc.Content[len(lastDesc.Content)-1]
	}
	end := len(src)
	if k := at[lastDesc] + 1; k < len(order) && order[k].Line-1 < len(starts) {
		end = starts[order[k].Line-1]
	}
	for end > 0 {
		ls := bytes.LastIndexByte(src[:end-1], '\n') + 1
		line := strings.TrimRight(string(src[ls:end]), "\r\n")
		trimmed := strings.TrimLeft(line, " ")
		blank := strings.TrimSpace(line) == ""
		comment := strings.HasPrefix(trimmed, "#") && len(line)-len(trimmed) <= indent
		if !blank && !comment || ls < starts[min(lastDesc.Line, len(starts))-1] {
			break
		}
		end = ls
	}
	return end
}

// followUpLines is the follow-ups fs as the items of a YAML list, the
// dashes indented by indent: date, status (the key word), and the note and
// who where given, text of several lines as a literal block.
func followUpLines(fs []schema.FollowUp, indent int) (string, error) {
	seq := &yaml.Node{Kind: yaml.SequenceNode}
	for _, f := range fs {
		seq.Content = append(seq.Content, followUpNode(f))
	}
	text, err := encode(seq)
	if err != nil {
		return "", err
	}
	pad := strings.Repeat(" ", indent)
	var b strings.Builder
	for _, l := range strings.SplitAfter(string(text), "\n") {
		if strings.TrimRight(l, "\n") != "" {
			b.WriteString(pad)
		}
		b.WriteString(l)
	}
	return b.String(), nil
}

// followUpNode is a follow-up as a YAML mapping, keys in the order of the
// model; an empty note or who is left out.
func followUpNode(f schema.FollowUp) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{
		str("date"), plain(f.Date.String()), str("status"), plain(string(f.Status)),
	}}
	if f.Note != "" {
		n.Content = append(n.Content, str("note"), str(f.Note))
	}
	if f.By != "" {
		n.Content = append(n.Content, str("by"), str(f.By))
	}
	return n
}
