package workbook

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"spur/followup"
	"spur/followup/followuptest"
	"spur/followup/view"
	"spur/schema"
)

// TestFollowupList writes the follow-up list of generated plans and reads
// it back with excelize: one row per action in the list's order with
// what it says (dates that can be read as dates), a filter over every
// column, the header frozen, the columns' widths, the counts per region
// on the second sheet, the units due for their next visit on the third;
// and the same bytes from the same list.
func TestFollowupList(t *testing.T) {
	asOf := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	gen, err := followuptest.Write("../fixtures/almaklinikens-vardcentral-2025.yaml", t.TempDir(), 6, 4, asOf, 30)
	if err != nil {
		t.Fatal(err)
	}
	var insps []*schema.Inspection
	for i, g := range gen {
		data, err := os.ReadFile(g.Path)
		insp, diags := schema.Load(g.Path, data)
		if err != nil || diags.HasErrors() {
			t.Fatalf("%s: %v %s", g.Path, err, diags)
		}
		// Two units due for their next visit, five years after the last:
		// one past it, one within the window (one without a region).
		switch i {
		case 2:
			insp.Visit = schema.NewDate(2020, 3, 4)
		case 4:
			insp.Visit = schema.NewDate(2021, 1, 9)
		}
		insps = append(insps, insp)
	}
	l, _ := followup.Build(insps, followup.Options{AsOf: asOf, Within: 30})
	var buf, again bytes.Buffer
	if err := WriteFollowupList(&buf, l); err != nil {
		t.Fatal(err)
	}
	if err := WriteFollowupList(&again, l); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("two writes of the same list differ")
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 3 || got[0] != SheetFollowup || got[1] != SheetFollowupCounts || got[2] != "Nästa granskning" {
		t.Fatalf("sheets %q", got)
	}
	sh := SheetFollowup
	rows, err := f.GetRows(sh)
	if err != nil {
		t.Fatal(err)
	}
	L := l.L
	wantHead := []string{L.Region, L.Unit, L.Organisation, L.Specialty, L.UnitID, L.Visit, L.Responsible, L.Area, L.Criterion,
		L.CriterionText, L.Action, L.Due, L.Due + ", tolkat som", L.State, L.Latest, L.LatestDate, L.LatestBy, L.LatestNote,
		L.FollowUp, L.FollowUp + ", tolkat som", L.FollowUpBy}
	if strings.Join(rows[0], "|") != strings.Join(wantHead, "|") {
		t.Errorf("header\n%q\nwant\n%q", rows[0], wantHead)
	}
	if len(rows)-1 != l.Actions() || l.Actions() != 6*14 {
		t.Fatalf("%d rows, %d actions", len(rows)-1, l.Actions())
	}
	cell := func(col string, row int) string {
		v, err := f.GetCellValue(sh, col+strconv.Itoa(row))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	row := 2
	for _, r := range l.Regions {
		for _, u := range r.Units {
			for _, g := range u.Groups {
				for _, a := range g.Actions {
					got := []string{cell("A", row), cell("B", row), cell("F", row), cell("I", row), cell("K", row), cell("L", row), cell("M", row), cell("N", row), cell("T", row)}
					want := []string{r.Name, u.Name, u.Visit, a.Criterion, a.ActionText, a.Due, day(a.DueDate), a.StateName, day(a.FollowUpDate)}
					if strings.Join(got, "|") != strings.Join(want, "|") {
						t.Errorf("row %d:\n%q\nwant\n%q", row, got, want)
					}
					if a.Latest != nil && (cell("O", row) != a.Latest.Word || cell("P", row) != a.Latest.Date || cell("R", row) != a.Latest.Note) {
						t.Errorf("row %d: latest %q %q %q, want %+v", row, cell("O", row), cell("P", row), cell("R", row), *a.Latest)
					}
					// A date is a number Excel sorts, shown as YYYY-MM-DD.
					if !a.DueDate.IsZero() {
						raw, _ := f.GetCellValue(sh, "M"+strconv.Itoa(row), excelize.Options{RawCellValue: true})
						if n, err := strconv.Atoi(raw); err != nil || n < 45000 {
							t.Errorf("row %d: the due date is stored as %q, not a date", row, raw)
						}
					}
					row++
				}
			}
		}
	}

	panes, err := f.GetPanes(sh)
	if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
		t.Errorf("panes %+v, %v", panes, err)
	}
	filters := map[string]string{}
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm._FilterDatabase" {
			filters[d.Scope] = d.RefersTo
		}
	}
	filter := filters[sh]
	if want := "'Uppföljning'!$A$1:$U$" + strconv.Itoa(l.Actions()+1); filter != want {
		t.Errorf("filter %q, want %q", filter, want)
	}
	for col, want := range map[string]float64{"A": 20, "B": 28, "K": 60, "N": 24, "U": 22} {
		if w, err := f.GetColWidth(sh, col); err != nil || w != want {
			t.Errorf("column %s: width %v, want %v", col, w, want)
		}
	}

	counts, _ := f.GetRows(SheetFollowupCounts)
	if len(counts) != len(l.Regions)+2 {
		t.Fatalf("counts sheet: %d rows", len(counts))
	}
	last := counts[len(counts)-1]
	want := []string{L.AllRegions}
	for _, n := range l.Total {
		want = append(want, strconv.Itoa(n))
	}
	want = append(want, strconv.Itoa(l.Actions()))
	if strings.Join(last, "|") != strings.Join(want, "|") {
		t.Errorf("the sum row %q, want %q", last, want)
	}
	// The units due for their next visit, with a filter and dates.
	vs := SheetFollowupVisits
	visits, _ := f.GetRows(vs)
	wantVisits := []string{
		"Region|Verksamhet|Huvudman/vårdgivare|Specialitet|Enhetens id|Senaste besök|Nästa granskning senast|Läge",
		gen[2].Region + "|" + gen[2].Name + "|" + gen[2].Organisation + "|" + gen[2].Specialty + "|" + gen[2].ID + "|2020-03-04|2025-03-04|Försenad",
		"Region ej angiven|" + gen[4].Name + "|" + gen[4].Organisation + "|" + gen[4].Specialty + "|" + gen[4].ID + "|2021-01-09|2026-01-09|Inom 30 dagar",
	}
	var gotVisits []string
	for _, r := range visits {
		gotVisits = append(gotVisits, strings.Join(r, "|"))
	}
	if strings.Join(gotVisits, "\n") != strings.Join(wantVisits, "\n") {
		t.Errorf("next visits\n%s\nwant\n%s", strings.Join(gotVisits, "\n"), strings.Join(wantVisits, "\n"))
	}
	if raw, _ := f.GetCellValue(vs, "G2", excelize.Options{RawCellValue: true}); raw != "45720" {
		t.Errorf("the next visit is stored as %q, not the date 2025-03-04", raw)
	}
	if want := "'Nästa granskning'!$A$1:$H$3"; filters[vs] != want {
		t.Errorf("filter %q, want %q", filters[vs], want)
	}
	if panes, err := f.GetPanes(vs); err != nil || !panes.Freeze || panes.TopLeftCell != "A2" {
		t.Errorf("panes %+v, %v", panes, err)
	}

	if props, err := f.GetDocProps(); err != nil || props.Created != "2026-01-01T00:00:00Z" || props.Title != "Uppföljning av handlingsplaner 2026-01-01" {
		t.Errorf("properties %+v, %v", props, err)
	}
}

// TestFollowupListEmpty: a list without actions is a workbook with its
// header and filter, and the sum row of zeros.
func TestFollowupListEmpty(t *testing.T) {
	l, _ := followup.Build(nil, followup.Options{AsOf: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	var buf bytes.Buffer
	if err := WriteFollowupList(&buf, l); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(SheetFollowup)
	counts, _ := f.GetRows(SheetFollowupCounts)
	visits, _ := f.GetRows(SheetFollowupVisits)
	if len(rows) != 1 || len(counts) != 2 || counts[1][0] != view.Swedish().AllRegions || len(visits) != 1 {
		t.Errorf("rows %q, counts %q, visits %q", rows, counts, visits)
	}
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}
