package format

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"

	"spur/report"
)

// TestHouseFonts: --fonts sets the PDFs in an inspection body's own
// TrueType files; files that cannot serve are refused at the start of a
// run with the file named.
func TestHouseFonts(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	reg := write("Serif-Regular.ttf", liberationserifregular.TTF)
	bold := write("Serif-Bold.ttf", liberationserifbold.TTF)
	ital := write("Serif-Italic.ttf", liberationserifitalic.TTF)
	pdf, _ := Default.Lookup("pdf")
	rend, err := pdf.Open(Settings{Fonts: []string{reg, bold, ital}})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	r := &report.Report{L: report.Labels{Title: "Rapport"}}
	if _, err := rend.Report(&buf, r); err != nil {
		t.Fatal(err)
	}
	// Bold italic defaults to bold: four faces, of the serif family.
	for _, want := range []string{"+utf8liberationserif\n", "+utf8liberationserifB\n"} {
		if !bytes.Contains(buf.Bytes(), []byte(want)) {
			t.Errorf("no %q in the PDF", strings.TrimSpace(want))
		}
	}
	if bytes.Contains(buf.Bytes(), []byte("liberationsans")) {
		t.Error("the default font is still embedded")
	}

	cff := write("cff.otf", append([]byte("OTTO"), make([]byte, 100)...))
	ttc := write("all.ttc", append([]byte("ttcf"), make([]byte, 100)...))
	cut := write("cut.ttf", liberationserifregular.TTF[:4000])
	big := filepath.Join(dir, "big.ttf")
	if f, err := os.Create(big); err == nil {
		f.Truncate(40 << 20) // sparse: no disk used
		f.Close()
	}
	for _, tt := range []struct {
		files []string
		want  string
	}{
		{[]string{reg, bold}, "regular, bold and italic"},
		{[]string{cff, bold, ital}, "CFF outlines"},
		{[]string{reg, ttc, ital}, "font collection"},
		{[]string{reg, bold, cut}, "italic font"},
		{[]string{reg, bold, filepath.Join(dir, "none.ttf")}, "none.ttf"},
		{[]string{reg, bold, dir}, "not a regular file"},
		{[]string{big, bold, ital}, "larger than 32 MiB"},
	} {
		_, err := pdf.Open(Settings{Fonts: tt.files})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%v: error %v, want one with %q", tt.files, err, tt.want)
		}
	}
}
