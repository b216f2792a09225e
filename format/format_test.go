package format_test

import (
	"slices"
	"strings"
	"testing"

	"spur/format"
)

func names(fs []*format.Format) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Name)
	}
	return out
}

func TestParse(t *testing.T) {
	for _, c := range []struct {
		name, list string
		want       []string
		err        string
	}{
		{"both", "pdf,md", []string{"pdf", "md"}, ""},
		{"registry order, not the list's", "md,pdf", []string{"pdf", "md"}, ""},
		{"alias, case and spaces", " Markdown ", []string{"md"}, ""},
		{"once each", "md,md", []string{"md"}, ""},
		{"unknown", "pdf,docx", nil, `takes pdf, md, html or several (pdf,md,html), not "docx"`},
		{"empty item", "pdf,", nil, `not ""`},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := format.Default.Parse(c.list)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Errorf("error %v, want %q", err, c.err)
				}
				return
			}
			if err != nil || !slices.Equal(names(got), c.want) {
				t.Errorf("got %v, %v; want %v", names(got), err, c.want)
			}
		})
	}
}

func TestFile(t *testing.T) {
	pdf, _ := format.Default.Lookup("pdf")
	md, _ := format.Default.Lookup("md")
	for _, c := range []struct {
		f    *format.Format
		doc  format.Doc
		lang string
		want string
	}{
		{pdf, format.Report, "sv", "x-2025-02-11.pdf"},
		{md, format.Plan, "sv", "x-2025-02-11-handlingsplan.md"},
		{pdf, format.Plan, "en", "x-2025-02-11-action-plan.pdf"},
		{md, format.Index, "en", "index.md"},
	} {
		if got := c.f.File(c.doc, "x-2025-02-11", c.lang); got != c.want {
			t.Errorf("%s %d %s: %q, want %q", c.f.Name, c.doc, c.lang, got, c.want)
		}
	}
}

func TestWritten(t *testing.T) {
	for name, want := range map[string]bool{
		"x-2025-02-11.pdf": true, "index.md": true, "x.txt": false, "README.md": false,
		".md": false, "a_b.pdf": false, "x.pdf.bak": false, "åre.md": false,
	} {
		if got := format.Default.Written(name); got != want {
			t.Errorf("Written(%q) = %v", name, got)
		}
	}
}

func TestRegistryRules(t *testing.T) {
	open := format.Fixed(format.Renderer{})
	for _, c := range []struct {
		name string
		f    format.Format
		err  string
	}{
		{"name taken", format.Format{Name: "PDF", Ext: ".pdf2", Open: open}, `the name "pdf" is taken`},
		{"alias taken", format.Format{Name: "mark", Aliases: []string{"markdown"}, Ext: ".mk", Open: open}, `"markdown" is taken`},
		{"ending taken", format.Format{Name: "pdfa", Ext: ".pdf", Open: open}, "another format writes .pdf files"},
		{"ending without dot", format.Format{Name: "txt", Ext: "txt", Open: open}, "not a dot"},
		{"ending with capitals", format.Format{Name: "txt", Ext: ".TXT", Open: open}, "not a dot"},
		{"no Open", format.Format{Name: "txt", Ext: ".txt"}, "needs a name and Open"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if _, err := format.Default.With(c.f); err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("error %v, want %q", err, c.err)
			}
		})
	}
	r, err := format.Default.With(format.Format{Name: "txt", Ext: ".txt", Open: open})
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Choices(); got != "pdf, md, html, txt or several (pdf,md,html,txt)" {
		t.Errorf("Choices: %q", got)
	}
	if got := r.Alternatives("--format "); got != "--format pdf, --format md, --format html or --format txt" {
		t.Errorf("Alternatives: %q", got)
	}
	if len(format.Default.Formats()) != 3 {
		t.Error("With changed Default")
	}
}

// TestOpen: every format is opened (a bad setting is an error whatever is
// chosen), and only the chosen ones come back, in order.
func TestOpen(t *testing.T) {
	if _, err := format.Default.Open(format.Settings{Templates: "/nonexistent"}, nil); err == nil {
		t.Error("a missing templates folder is no error")
	}
	chosen, _ := format.Default.Parse("md")
	ws, err := format.Default.Open(format.Settings{}, chosen)
	if err != nil || len(ws) != 1 || ws[0].Name != "md" {
		t.Fatalf("Open: %v, %v", ws, err)
	}
	if got := ws[0].File(format.Plan, "x", "sv"); got != "x-handlingsplan.md" {
		t.Errorf("File: %q", got)
	}
}
