package fpdf

// Tests of spur's PDF/A patches (PATCHES.md, "PDF/A-1b"). Each test fails
// on upstream v0.12.0.

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

func doc(t *testing.T, fill func(f *Fpdf)) []byte {
	t.Helper()
	f := New("P", "mm", "A4", "")
	f.SetCatalogSort(true)
	f.SetCreationDate(time.Date(2025, 3, 14, 9, 30, 0, 0, time.UTC))
	f.SetModificationDate(time.Date(2025, 3, 14, 9, 30, 0, 0, time.UTC))
	f.SetProducer("spur", false)
	f.AddPage()
	f.SetFont("Helvetica", "", 10)
	fill(f)
	var b bytes.Buffer
	if err := f.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// object returns the body of object n.
func object(t *testing.T, pdf []byte, n int) []byte {
	t.Helper()
	start := bytes.Index(pdf, []byte("\n"+strconv.Itoa(n)+" 0 obj\n"))
	if start < 0 {
		t.Fatalf("no object %d", n)
	}
	end := bytes.Index(pdf[start:], []byte("endobj"))
	return pdf[start : start+end]
}

// TestInfoWithOutputIntent: with an output intent, the trailer's /Info is
// the Info dictionary; upstream pointed it at the ICC profile's stream.
func TestInfoWithOutputIntent(t *testing.T) {
	pdf := doc(t, func(f *Fpdf) {
		f.SetTitle("Rapport", false)
		f.AddOutputIntent(OutputIntentType{SubtypeIdent: OutputIntent_GTS_PDFA1, OutputConditionIdentifier: "sRGB",
			ICCProfile: bytes.Repeat([]byte{1}, 100)})
		f.Cell(10, 10, "Text")
	})
	m := regexp.MustCompile(`/Info (\d+) 0 R`).FindSubmatch(pdf)
	if m == nil {
		t.Fatal("no /Info in the trailer")
	}
	n, _ := strconv.Atoi(string(m[1]))
	if info := object(t, pdf, n); !bytes.Contains(info, []byte("/Title (Rapport)")) {
		t.Errorf("/Info %d is not the Info dictionary:\n%s", n, info)
	}
}

// TestDocumentID: the trailer has an /ID computed from the content: equal
// for equal documents, different for different ones.
func TestDocumentID(t *testing.T) {
	id := regexp.MustCompile(`/ID \[<([0-9a-f]{32})><([0-9a-f]{32})>\]`)
	a := doc(t, func(f *Fpdf) { f.Cell(10, 10, "Text") })
	b := doc(t, func(f *Fpdf) { f.Cell(10, 10, "Text") })
	c := doc(t, func(f *Fpdf) { f.Cell(10, 10, "Texts") })
	ma, mc := id.FindSubmatch(a), id.FindSubmatch(c)
	if ma == nil || mc == nil {
		t.Fatal("no /ID in the trailer")
	}
	if !bytes.Equal(a, b) {
		t.Error("the same document gives different bytes")
	}
	if !bytes.Equal(ma[1], ma[2]) || bytes.Equal(ma[1], mc[1]) {
		t.Errorf("IDs %s %s and %s", ma[1], ma[2], mc[1])
	}
}

// TestNoEmptyNames: no /Names dictionary, and no empty /EmbeddedFiles
// tree, without attachments; with one, the tree names it.
func TestNoEmptyNames(t *testing.T) {
	if pdf := doc(t, func(f *Fpdf) { f.Cell(10, 10, "Text") }); bytes.Contains(pdf, []byte("/Names")) {
		t.Error("a /Names dictionary without names")
	}
	pdf := doc(t, func(f *Fpdf) {
		f.SetAttachments([]Attachment{{Content: []byte("x"), Filename: "a.txt"}})
		f.Cell(10, 10, "Text")
	})
	if !regexp.MustCompile(`/EmbeddedFiles << /Names \[\s*\(Attachement1\) \d+ 0 R`).Match(pdf) {
		t.Error("the attachment is not in /EmbeddedFiles")
	}
}

// TestOutlineCounts: the outline root and each entry have /Count, the
// number of their (open) descendants.
func TestOutlineCounts(t *testing.T) {
	pdf := doc(t, func(f *Fpdf) {
		f.Bookmark("A", 0, 0)
		f.Bookmark("A1", 1, 10)
		f.Bookmark("A1a", 2, 20)
		f.Bookmark("A2", 1, 30)
		f.Bookmark("B", 0, 40)
	})
	counts := map[string]string{}
	for _, m := range regexp.MustCompile(`(?s)<</Title \((\w+)\).*?/Count (\d+)>>`).FindAllSubmatch(pdf, -1) {
		counts[string(m[1])] = string(m[2])
	}
	want := map[string]string{"A": "3", "A1": "1", "A1a": "0", "A2": "0", "B": "0"}
	for k, v := range want {
		if counts[k] != v {
			t.Errorf("%s: /Count %q, want %s (all: %v)", k, counts[k], v, counts)
		}
	}
	if !regexp.MustCompile(`/Type /Outlines /First \d+ 0 R\n/Last \d+ 0 R /Count 5>>`).Match(pdf) {
		t.Error("the outline root has no /Count 5")
	}
}

// TestTransparencyGroupOnlyWithAlpha: a PDF 1.4 page has a transparency
// group only when the document uses transparency.
func TestTransparencyGroupOnlyWithAlpha(t *testing.T) {
	intent := OutputIntentType{SubtypeIdent: OutputIntent_GTS_PDFA1, OutputConditionIdentifier: "sRGB", ICCProfile: []byte{1}}
	plain := doc(t, func(f *Fpdf) { f.AddOutputIntent(intent); f.Cell(10, 10, "Text") })
	if !bytes.HasPrefix(plain, []byte("%PDF-1.4")) || bytes.Contains(plain, []byte("/S /Transparency")) {
		t.Error("a PDF 1.4 page without transparency has a transparency group")
	}
	alpha := doc(t, func(f *Fpdf) { f.SetAlpha(0.5, "Normal"); f.Cell(10, 10, "Text") })
	if !bytes.Contains(alpha, []byte("/S /Transparency")) {
		t.Error("a page with transparency has no group")
	}
}

// TestInfoDatesHaveZones: Info dates carry the offset, as XMP dates do.
func TestInfoDatesHaveZones(t *testing.T) {
	for _, tt := range []struct {
		t    time.Time
		want string
	}{
		{time.Date(2025, 3, 14, 9, 30, 0, 0, time.UTC), "D:20250314093000Z"},
		{time.Date(2025, 3, 14, 10, 30, 0, 0, time.FixedZone("CET", 3600)), "D:20250314103000+01'00'"},
		{time.Date(2025, 3, 14, 4, 0, 0, 0, time.FixedZone("", -(5*3600+30*60))), "D:20250314040000-05'30'"},
	} {
		if got := pdfDate(tt.t); got != tt.want {
			t.Errorf("pdfDate(%v) = %q, want %q", tt.t, got, tt.want)
		}
	}
}

// TestSubsetCIDs: the CIDSet has a bit for .notdef and for each CID, from
// the high bit; the tag is six capitals, the same for the same subset.
func TestSubsetCIDs(t *testing.T) {
	set, tag := subsetCIDs("utf8liberationsans", map[int]int{1: 3, 9: 4, 0xe5: 100})
	if len(set) != 0xe5/8+1 || set[0] != 0xc0 || set[1] != 0x40 || set[0xe5/8] != 0x80>>(0xe5%8) {
		t.Errorf("CIDSet % x", set)
	}
	if !regexp.MustCompile(`^[A-Z]{6}$`).MatchString(tag) {
		t.Errorf("tag %q", tag)
	}
	_, again := subsetCIDs("utf8liberationsans", map[int]int{0xe5: 100, 9: 4, 1: 3})
	_, other := subsetCIDs("utf8liberationsans", map[int]int{1: 3, 9: 4})
	if again != tag || other == tag {
		t.Errorf("tags %q, %q (same subset), %q (another)", tag, again, other)
	}
}

// TestLinkPrinted: a link annotation has the print flag, as PDF/A wants.
func TestLinkPrinted(t *testing.T) {
	pdf := doc(t, func(f *Fpdf) { f.LinkString(10, 10, 20, 5, "https://www.socialstyrelsen.se/") })
	if !bytes.Contains(pdf, []byte("/Subtype /Link /F 4 ")) {
		t.Error("a link annotation without /F 4")
	}
}

// TestSubsetToUnicode: the ToUnicode CMap maps each CID of the subset to
// itself, in blocks of at most 100, and nothing else; upstream mapped all
// 65,536 codes in one range.
func TestSubsetToUnicode(t *testing.T) {
	cids := map[int]int{0: 0}
	for c := 0x41; c < 0x41+150; c++ {
		cids[c] = c
	}
	cids[0xe5], cids[0x2013] = 1, 2
	cm := string(subsetToUnicode(cids))
	if strings.Contains(cm, "bfrange") || strings.Contains(cm, "<0000> <0000>") {
		t.Errorf("a range or CID 0 in\n%s", cm)
	}
	if strings.Count(cm, "beginbfchar") != 2 || !strings.Contains(cm, "100 beginbfchar\n<0041> <0041>\n") || !strings.Contains(cm, "<2013> <2013>\nendbfchar") {
		t.Errorf("not two blocks of the 152 CIDs:\n%s", cm)
	}
	if n := len(regexp.MustCompile(`(?m)^<([0-9A-F]{4})> <([0-9A-F]{4})>$`).FindAllString(cm, -1)); n != 152+1 { // and the codespace range
		t.Errorf("%d entries, want 152", n-1)
	}
}
