package format

import (
	"errors"
	"fmt"
	"io"
	"os"
	"syscall"

	"spur/render/html"
	"spur/render/markdown"
	"spur/render/pdf"
)

// Default holds the formats spur writes, in the order their documents are
// written and listed: PDF, Markdown, then HTML. A new format is a render
// package and one line here.
var Default = MustNew(
	Format{Name: "pdf", Ext: ".pdf", LinkRank: 1, Open: openPDF},
	Format{Name: "md", Aliases: []string{"markdown"}, Ext: ".md", LinkRank: 2, Open: openMarkdown},
	// HTML ties with Markdown: index.md keeps linking the Markdown reports
	// (registered first), index.html links the .html ones itself.
	Format{Name: "html", Ext: ".html", LinkRank: 2, Open: Fixed(Renderer{Report: html.Report, Plan: html.Plan, Index: html.Index})},
)

// openMarkdown parses the templates of s (spur report --templates).
func openMarkdown(s Settings) (Renderer, error) {
	m, err := markdown.New(s.Templates)
	if err != nil {
		return Renderer{}, err
	}
	return Renderer{Report: Quiet(m.Report), Plan: Quiet(m.Plan), Index: Quiet(markdown.Index)}, nil
}

// openPDF reads the fonts of s (spur report --fonts) once for the run.
func openPDF(s Settings) (Renderer, error) {
	var p pdf.Renderer
	if len(s.Fonts) > 0 {
		fs, err := loadFonts(s.Fonts)
		if err != nil {
			return Renderer{}, err
		}
		p.Fonts = fs
	}
	return Renderer{Report: p.Report, Plan: p.Plan, Index: p.Index}, nil
}

// loadFonts reads the regular, bold, italic and (optional) bold italic
// TrueType files of a house style.
func loadFonts(paths []string) (*pdf.Fonts, error) {
	if len(paths) < 3 || len(paths) > 4 {
		return nil, fmt.Errorf("--fonts takes the regular, bold and italic TrueType files, and optionally the bold italic one, separated by commas; got %d", len(paths))
	}
	var ttfs [4][]byte
	for i, p := range paths {
		b, err := readFont(p)
		if err != nil {
			return nil, err
		}
		ttfs[i] = b
	}
	fs, err := pdf.NewFonts(ttfs[0], ttfs[1], ttfs[2], ttfs[3])
	var fe *pdf.FontError
	switch {
	case errors.As(err, &fe) && fe.Style < len(paths):
		return nil, fmt.Errorf("--fonts %s: %w", paths[fe.Style], err)
	case errors.As(err, &fe):
		return nil, fmt.Errorf("--fonts %s (for bold italic): %w", paths[1], err)
	case err != nil:
		return nil, fmt.Errorf("--fonts: %w", err)
	}
	return fs, nil
}

// readFont reads a font file of at most pdf.MaxFontSize bytes. Only a
// regular file is read, never a pipe or a device.
func readFont(path string) ([]byte, error) {
	if path == "" {
		return nil, errors.New("--fonts: an empty file name")
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, fmt.Errorf("--fonts: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("--fonts: %w", err)
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("--fonts: %s is not a regular file", path)
	}
	if st.Size() > pdf.MaxFontSize {
		return nil, fmt.Errorf("--fonts: %s is larger than %d MiB", path, pdf.MaxFontSize>>20)
	}
	b, err := io.ReadAll(io.LimitReader(f, pdf.MaxFontSize+1))
	if err != nil {
		return nil, fmt.Errorf("--fonts: read %s: %w", path, err)
	}
	return b, nil
}
