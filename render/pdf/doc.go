// Package pdf is the PDF layout engine of the report renderer: a small
// flow of headings, paragraphs, Markdown, check boxes and tables on A4
// portrait pages (margins 20 mm), with a running header, a page label in
// every footer, an outline (bookmarks) and document properties.
//
// # What it owns
//
// The page geometry and the look (Liberation Sans, sizes, colours, see
// look.go), line breaking, page breaking, and the text hygiene that lets
// any string through:
//
//   - text is made valid UTF-8 and normalised to NFC;
//   - C0/C1 control characters are dropped ("\n" breaks the line, "\t" is a
//     space), and so are zero-width and format characters (ZWSP, ZWJ, ZWNJ,
//     BOM, soft hyphen, bidi controls) and variation selectors. A report's
//     user text has been through report.Visible before: there a bidi
//     control is already the visible text "[U+202E]", as in the Markdown;
//   - characters the fonts lack (emoji, Arabic, CJK) and the letters of
//     right-to-left scripts (Hebrew, Arabic), which would read backwards,
//     are replaced by "□" and reported by Warnings, naming the context
//     given to SetContext;
//   - a word wider than its column is hyphenated at a Swedish hyphenation
//     point (package hyph), never inside an id, a date, a number or a URL;
//     a word or URL that still does not fit is broken between characters,
//     preferably after "/", "-", "?", "&" and the like.
//
// # What it must not do
//
// It does not know what an inspection report is: the report renderer of
// this package (report.go) decides what to say, in which language, and
// calls the engine; no label text lives here. It opens no files, reads no
// clock (dates come from Meta.Created) and writes only to the io.Writer
// given to Output. It never panics on input, and layout calls never fail:
// an error inside fpdf, or from the writer, is returned by Output.
//
// The same calls give byte-identical output: fixed creation and
// modification dates, producer "spur", sorted catalogs, and a document ID
// computed from the content.
//
// Every document is PDF/A-1b (pdfa.go): an sRGB output intent, XMP
// metadata equal to the document properties, subset fonts with their
// tags and CIDSets, no transparency.
//
// # API
//
//	New(Meta) *Doc                      start a document (first page included)
//	(*Doc) SetContext(where string)      name the place for warnings
//	(*Doc) Bookmark(title, level)        outline entry at the next content
//	(*Doc) Heading(text, level)          0 title, 1 section, 2 area, 3 sub-heading
//	(*Doc) Paragraph(runs ...Run)        body text; Run{Text, Bold, Italic, Link}
//	(*Doc) Text(t report.Text)           a person's text, parsed (report's dialect)
//	(*Doc) Checkbox(state, label)        CheckMet, CheckNotMet, CheckNA
//	(*Doc) Table(cols, header, rows)     Column{Width}, Cell{Runs | Text, Fill}
//	(*Doc) TableWhole(cols, header, rows) a small table never split
//	(*Doc) Keep(func())                  what fill adds, kept on one page
//	(*Doc) Space(mm)                     vertical space
//	(*Doc) Output(w io.Writer) error     finish and write, once
//	(*Doc) Warnings() []string           what was replaced, and where
//
// Vertical space between blocks collapses (the larger of two wins) and is
// dropped at the top of a page. Nothing is drawn until Output, which
// breaks the flow into pages by rules (page.go): a heading stays with the
// first two lines or the first table row that follow it; no paragraph or
// list item leaves a single line alone at the foot or head of a page; a
// group (Keep, a table that fits on a page) is kept on one page unless
// that leaves a page more than 40 % empty, and is then split, a table
// between lines of a row, its header row repeated on the next page.
//
// The four faces of Liberation Sans (regular, bold, italic, bold italic),
// or of the family given in Meta.Fonts (NewFonts), are parsed once and
// shared read-only; every document can use all four. fpdf
// keeps its own per-document copy of each face, which it subsets to the
// characters used; a face is handed to fpdf when a document first uses it,
// so unused faces cost neither time nor bytes.
//
// A Doc is not safe for concurrent use; separate Docs are. Do not use a
// Doc after Output.
//
// Use:
//
//	d := pdf.New(pdf.Meta{Title: "Inspektionsrapport", Lang: "sv-SE", Created: date,
//		Header: "SPUR-inspektion – Kirurgkliniken",
//		PageLabel: func(p, n int) string { return fmt.Sprintf("Sida %d av %d", p, n) }})
//	d.Bookmark("STRUKTUR", 0)
//	d.Heading("STRUKTUR", 1)
//	d.SetContext("area A narrative")
//	d.Text(area.Narrative)
//	d.Checkbox(pdf.CheckMet, "Det finns en studierektor.")
//	d.Table(cols, header, rows)
//	if err := d.Output(w); err != nil { … }
package pdf

import (
	"errors"
	"fmt"
	"io"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// Meta holds the document properties and the running texts.
type Meta struct {
	Title, Author, Subject, Keywords string
	Lang                             string    // BCP 47, e.g. "sv-SE"
	Created                          time.Time // creation and modification date; zero means 1970-01-01 UTC
	Header                           string    // running header on every page but the first
	// HeaderFollows adds to the running header of each page the title of
	// the outline entry of level HeaderLevel in force at the top of the
	// page (the latest placed before it, or one on its first line; none
	// after an entry of a higher level), as a printed list names the unit
	// a page continues.
	HeaderFollows bool
	HeaderLevel   int
	// Fonts is the family the document is set in; nil is DefaultFonts.
	Fonts *Fonts
	// PageLabel gives the footer text of each page, e.g. "Sida 3 av 17".
	// When nil, the footer reads "3 / 17".
	PageLabel func(page, total int) string
}

// Doc is a document being laid out. Content added is kept in a flow that
// Output breaks into pages (page.go).
type Doc struct {
	pdf   *fpdf.Fpdf
	meta  Meta
	fonts *Fonts
	faces *[nStyles]*face

	items   []item   // the flow; drawn items are emptied unless retain
	at      pos      // where the next page starts
	drawn   bool     // a page was drawn: the next needs a new one
	keeping int      // depth of Keep calls under way
	retain  bool     // keep drawn items (the layout tests read them)
	gap     float64  // pending vertical space
	hold    int      // items still to tie to what precedes them (after a heading)
	blocks  int      // the last block number given
	groups  int      // the last Keep group number given
	page    int      // the page being drawn
	placed  []placed // what was drawn where
	font    fontKey  // the face fpdf has selected
	added   [nStyles]bool
	done    bool

	where    string
	warnings []string
	warned   map[string]bool

	pending   []bookmark
	lastLevel int
	// mark is the title of the outline entry the running header follows
	// (Meta.HeaderFollows) as drawing goes, pageMark its value at the top
	// of each page.
	mark     string
	pageMark map[int]string
}

// New starts a document with its first page.
func New(m Meta) *Doc {
	fs, err := m.Fonts, error(nil)
	if fs == nil {
		fs, err = DefaultFonts()
	}
	p := fpdf.New("P", "mm", "A4", "")
	p.SetCatalogSort(true)
	created := m.Created
	if created.IsZero() {
		created = time.Unix(0, 0).UTC()
	}
	p.SetCreationDate(created)
	p.SetModificationDate(created)
	p.SetProducer("spur", false)
	p.SetCreator("spur", false)
	title, author, subject, keywords := cleanMeta(m.Title), cleanMeta(m.Author), cleanMeta(m.Subject), cleanMeta(m.Keywords)
	// fpdf writes an empty UTF-8 property as a lone byte-order mark, which
	// PDF/A then wants in the XMP: an empty property is not set at all.
	for _, set := range []struct {
		fn func(string, bool)
		s  string
	}{{p.SetTitle, title}, {p.SetAuthor, author}, {p.SetSubject, subject}, {p.SetKeywords, keywords}} {
		if set.s != "" {
			set.fn(set.s, true)
		}
	}
	archival(p, title, author, subject, keywords, created)
	p.SetLang(cleanLang(m.Lang))
	p.SetMargins(marginLeft, marginTop, marginRight)
	p.SetAutoPageBreak(false, marginBottom)
	p.SetCellMargin(0)
	if err != nil {
		p.SetError(err)
		fs = &missingFonts
	}
	d := &Doc{pdf: p, meta: m, fonts: fs, faces: &fs.faces, lastLevel: -1, retain: retainItems}
	d.setFont(regular, bodyPt, false)
	d.newPage()
	return d
}

// retainItems makes new documents keep every item of their flow after it
// is drawn, for the layout tests.
var retainItems = false

// missingFonts stands in when the fonts cannot be parsed (never with the
// embedded fonts), so that layout still runs and Output reports the
// error.
var missingFonts = Fonts{family: "missing", faces: [nStyles]*face{{subst: '?'}, {subst: '?'}, {subst: '?'}, {subst: '?'}}}

// SetContext names the place in the report that the following content
// belongs to, such as "area E narrative"; warnings quote it.
func (d *Doc) SetContext(where string) { d.where = where }

// Warnings returns what was changed to make the text printable, in order
// of first occurrence, each once per context, e.g.
// `character U+1F600 "😀" not in font, replaced (in "area E narrative")`.
func (d *Doc) Warnings() []string { return append([]string(nil), d.warnings...) }

// Output finishes the document (outline, running header and footers) and
// writes it to w. It may be called once.
func (d *Doc) Output(w io.Writer) error {
	if d.done {
		return errors.New("pdf: document already written")
	}
	d.paginate()
	d.decorate()
	d.done = true
	if err := d.pdf.Error(); err != nil {
		return fmt.Errorf("pdf: layout: %w", err)
	}
	if err := d.pdf.Output(w); err != nil {
		return fmt.Errorf("pdf: write: %w", err)
	}
	return nil
}
