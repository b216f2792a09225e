package workbook

import (
	"bytes"

	"spur/schema"
)

// kindFollowUpList is the kind of the list spur followup writes.
const kindFollowUpList = "uppföljningslista"

// NotInspection says what a workbook spur made is when it is not an
// inspection, in a phrase for a message ("an action-plan workbook (spur
// template)"), or "" when it is an inspection workbook, is not spur's, or
// cannot be read (then reading it as an inspection says what is wrong).
// A repository of inspections holds the unit's filled plan and the
// region's follow-up workbooks beside the inspections: spur build and spur
// followup skip them by this.
func NotInspection(name string, data []byte) string {
	if !IsWorkbook(name, data) {
		return ""
	}
	var ignored schema.Diagnostics
	b, err := openBook(name, bytes.NewReader(data), int64(len(data)), &ignored)
	if err != nil || b == nil {
		return ""
	}
	defer b.close()
	switch b.props()[propKind] {
	case kindPlan:
		return "an action-plan workbook (spur template), which spur import brings into its inspection"
	case kindFollowUp:
		return "a follow-up workbook (spur template --follow-up), which spur import brings into its inspection"
	case kindFollowUpList:
		return "a follow-up list (spur followup)"
	}
	return ""
}
