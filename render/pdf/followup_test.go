package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"spur/followup"
	"spur/followup/followuptest"
	"spur/followup/view"
	"spur/input"
	"spur/internal/preflight"
	"spur/schema"
)

func followupList(t *testing.T, n int) *view.List {
	t.Helper()
	paths := []string{"../../fixtures/almaklinikens-vardcentral-2025.yaml"}
	asOf := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	gen, err := followuptest.Write(paths[0], t.TempDir(), n, 2, asOf, 30)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range gen {
		paths = append(paths, g.Path)
	}
	var insps []*schema.Inspection
	for i, p := range paths {
		insp, diags, err := input.Load(p)
		if err != nil || diags.HasErrors() {
			t.Fatalf("%s: %v %s", p, err, diags)
		}
		// Some units due for their next visit (five years after the
		// last), one within the window of 30 days.
		switch i {
		case 1:
			insp.Visit = schema.NewDate(2020, 6, 1)
		case 2:
			insp.Visit = schema.NewDate(2021, 1, 20)
		case 3:
			insp.Visit = schema.NewDate(2019, 11, 5)
		}
		insps = append(insps, insp)
	}
	l, _ := followup.Build(insps, followup.Options{AsOf: asOf, Within: 30})
	return l
}

// TestFollowupPDF: the list as a reader sees it: the units due for their
// next visit, the regions, units, responsibles and actions in the view's
// order, each action's state and
// dates; qpdf finds no fault; the same list gives the same bytes; and
// Preflight finds it PDF/A-1b (where it is installed).
func TestFollowupPDF(t *testing.T) {
	l := followupList(t, 4)
	var buf, again bytes.Buffer
	if _, err := Followup(&buf, l); err != nil {
		t.Fatal(err)
	}
	if _, err := Followup(&again, l); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("two renderings of the same list differ")
	}
	qpdfCheck(t, buf.Bytes())
	text := strings.Join(strings.Fields(strings.Join(pdftotext(t, buf.Bytes()), " ")), " ")
	// What is printed, in the order of the view.
	want := []string{l.L.Title, l.Intro, l.Count, l.L.Summary, l.L.AllRegions, l.L.NextVisits, l.VisitsNote}
	if len(l.Visits) != 3 {
		t.Fatalf("%d units due for their next visit, want 3", len(l.Visits))
	}
	for _, v := range l.Visits {
		want = append(want, v.Last, v.Next, v.StateName)
	}
	for _, r := range l.Regions {
		want = append(want, r.Name)
		for _, u := range r.Units {
			want = append(want, u.Heading)
			for _, g := range u.Groups {
				want = append(want, l.L.Responsible+": "+g.Responsible)
				for _, a := range g.Actions {
					want = append(want, a.Criterion+" – "+a.StateName, a.DueShown)
				}
			}
		}
	}
	at := 0
	for _, w := range want {
		w = strings.Join(strings.Fields(w), " ")
		i := strings.Index(text[at:], w)
		if i < 0 {
			t.Fatalf("%q not found after offset %d (the text there: %.200q)", w, at, text[at:])
		}
		at += i
	}
	t.Run("preflight", func(t *testing.T) {
		preflight.Require(t)
		p := filepath.Join(t.TempDir(), "uppfoljning.pdf")
		if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := preflight.Validate(t.Context(), p)
		if err != nil {
			t.Fatal(err)
		}
		if ps := got[p]; len(ps) > 0 {
			t.Errorf("not PDF/A-1b: %v", ps)
		}
	})
}
