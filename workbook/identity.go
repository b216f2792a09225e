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

// phrases are what compare says of a workbook, in the words of its kind.
type phrases struct {
	made   string // what "was made for another inspection"
	remake string // how to make the right one
	// changed warns of a changed fingerprint: a format of the workbook's
	// fingerprint and the inspection's, in that order.
	changed string
}

var (
	planPhrases = phrases{
		made:    "this plan",
		remake:  "make a new template with spur template",
		changed: "the inspection's findings have changed since this template was made (its fingerprint %s is not the inspection's %s); the rows are matched by criterion id, and each difference is reported at its row",
	}
	followUpPhrases = phrases{
		made:    "this follow-up workbook",
		remake:  "make a new one with spur template --follow-up",
		changed: "the action plan has changed since this workbook was made (its fingerprint %s is not the plan's %s); the rows are matched by criterion id",
	}
)

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
