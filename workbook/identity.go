package workbook

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"spur/schema"
)

// planRow is one row of an action-plan template: a criterion the unit must
// or may answer.
type planRow struct {
	area     *schema.CatalogArea
	crit     *schema.Criterion
	required bool // a föreskrift (action required); else an allmänt råd (recommended)
}

func (r planRow) kindLabel() string {
	if r.required {
		return kindRequired
	}
	return kindRecommended
}

// planRows lists the criteria that need action, in catalogue order: every
// unmet föreskrift, and every unmet allmänt råd as an optional row
// (spur-model.md: Action plan). The inspection must have been loaded.
func planRows(insp *schema.Inspection) ([]planRow, error) {
	if insp == nil || insp.Cat == nil {
		return nil, errors.New("the inspection has no catalogue: load and validate it first")
	}
	var rows []planRow
	for i := range insp.Cat.Areas {
		ca := &insp.Cat.Areas[i]
		a := insp.Areas[ca.Letter]
		if a == nil {
			continue
		}
		for _, as := range a.Assessments {
			if as.Result != schema.NotMet {
				continue
			}
			switch as.Criterion.Kind.Group() {
			case schema.Regulation:
				rows = append(rows, planRow{ca, as.Criterion, true})
			case schema.Advice:
				rows = append(rows, planRow{ca, as.Criterion, false})
			}
		}
	}
	return rows, nil
}

// identity ties a plan workbook to its inspection. It is stored as custom
// document properties (File > Properties in Excel and LibreOffice, which
// both keep them on saving) and shown on the instruction sheet.
type identity struct {
	Unit, Visit, Catalog string
	// Fingerprint is the SHA-256 of the above and of the template's rows:
	// id, kind and verbatim text of each, in order. A plan made before the
	// inspectors changed their findings has another.
	Fingerprint string
}

const (
	propKind        = "spur.kind"
	propUnit        = "spur.unit"
	propVisit       = "spur.visit"
	propCatalog     = "spur.catalog"
	propFingerprint = "spur.fingerprint"
	kindPlan        = "handlingsplan"
	kindInspection  = "inspektion"
)

func identityOf(insp *schema.Inspection, rows []planRow) identity {
	id := identity{Unit: insp.Unit.Name, Visit: insp.Visit.String(), Catalog: insp.Catalog}
	h := sha256.New()
	fmt.Fprintf(h, "spur action plan 1\n%q\n%q\n%q\n", id.Catalog, id.Unit, id.Visit)
	for _, r := range rows {
		fmt.Fprintf(h, "%s\t%t\t%q\n", r.crit.ID, r.required, r.crit.Text)
	}
	id.Fingerprint = "sha256:" + hex.EncodeToString(h.Sum(nil))
	return id
}

// short is the fingerprint as the instruction sheet shows it.
func (id identity) short() string {
	s := strings.TrimPrefix(id.Fingerprint, "sha256:")
	if len(s) > 16 {
		s = s[:16]
	}
	return s
}

// phrases are what compare and readIdentity say of a workbook, in the
// words of its kind.
type phrases struct {
	kind   string // the kind its document properties carry
	made   string // what "was made for another inspection"
	tool   string // the command that makes it
	remake string // how to make the right one
	// changed warns of a changed fingerprint: a format of the workbook's
	// fingerprint and the inspection's, in that order.
	changed string
}

var (
	planPhrases = phrases{
		kind:    kindPlan,
		made:    "this plan",
		tool:    "spur template",
		remake:  "make a new template with spur template",
		changed: "the inspection's findings have changed since this template was made (its fingerprint %s is not the inspection's %s); the rows are matched by criterion id, and each difference is reported at its row",
	}
	followUpPhrases = phrases{
		kind:    kindFollowUp,
		made:    "this follow-up workbook",
		tool:    "spur template --follow-up",
		remake:  "make a new one with spur template --follow-up",
		changed: "the action plan has changed since this workbook was made (its fingerprint %s is not the plan's %s); the rows are matched by criterion id",
	}
)

// readIdentity reads which inspection a plan or follow-up workbook (p
// names which) belongs to: from spur's document properties props where
// they carry its kind, else from the unit, visit and catalogue that its
// instruction sheet instr shows, with a warning at the unit, for a program
// that drops custom properties. It is false, with an error, where neither
// names the inspection.
func (b *book) readIdentity(p phrases, props map[string]string, instr *grid, labels map[string]int, diags *schema.Diagnostics) (identity, bool) {
	if props[propKind] == p.kind {
		return identity{Unit: props[propUnit], Visit: props[propVisit], Catalog: props[propCatalog], Fingerprint: props[propFingerprint]}, true
	}
	id := identity{Unit: labelValue(instr, labels, labelUnit), Visit: labelValue(instr, labels, labelVisit), Catalog: labelValue(instr, labels, labelCatalog)}
	if id.Unit == "" && id.Visit == "" {
		diags.Errorf(schema.Pos{File: b.file}, "cannot tell which inspection %s belongs to: it carries no spur properties and its sheet %q names no unit and visit; was it made with %s?", p.made, SheetInstructions, p.tool)
		return identity{}, false
	}
	diags.Warnf(b.labelPos(instr, labels, labelUnit), "the workbook has lost spur's document properties (saved by a program that drops them?); it is matched to the inspection by the unit and visit on this sheet")
	return id, true
}

// labelPos is the cell beside a label of the instruction sheet instr, or
// the file where the sheet does not show the label.
func (b *book) labelPos(instr *grid, labels map[string]int, label string) schema.Pos {
	if r, ok := labels[normWord(label)]; ok {
		return instr.pos(1, r)
	}
	return schema.Pos{File: b.file}
}

// compare reports a plan workbook made for another inspection as an
// error, and one made before the findings changed as a warning: its rows
// are then matched by id, and each difference is reported at its row.
func (id identity) compare(want identity, at schema.Pos, diags *schema.Diagnostics) bool {
	return id.compareAs(planPhrases, want, at, diags)
}

// compareAs is compare in the words p of a kind of workbook.
func (id identity) compareAs(p phrases, want identity, at schema.Pos, diags *schema.Diagnostics) bool {
	var diff []string
	if id.Unit != want.Unit {
		diff = append(diff, fmt.Sprintf("unit %q, not %q", schema.Clip(id.Unit), schema.Clip(want.Unit)))
	}
	if id.Visit != want.Visit {
		diff = append(diff, fmt.Sprintf("the visit of %s, not %s", schema.Clip(id.Visit), want.Visit))
	}
	if id.Catalog != want.Catalog {
		diff = append(diff, fmt.Sprintf("catalogue version %s, not %s", schema.Clip(id.Catalog), schema.Clip(want.Catalog)))
	}
	if len(diff) > 0 {
		diags.Errorf(at, "%s was made for another inspection: %s; import it into the inspection it was made for, or %s", p.made, strings.Join(diff, ", "), p.remake)
		return false
	}
	if id.Fingerprint != "" && id.Fingerprint != want.Fingerprint {
		diags.Warnf(at, p.changed, id.short(), want.short())
	}
	return true
}
