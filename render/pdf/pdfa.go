package pdf

import (
	_ "embed"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// Every document is PDF/A-1b (ISO 19005-1, level B), the archival form
// Swedish public archives accept (RA-FS 2009:2): fonts embedded, colours
// tied to an sRGB output intent, XMP metadata that says PDF/A-1b and
// repeats the document properties, a document ID, no transparency.

// srgbICC is the sRGB colour profile of the output intent: sRGB.icc of
// Debian's icc-profiles-free 2.0.1 (ICC v2.3, monitor class), by Marti
// Maria, Kai-Uwe Behrmann and others, under the zlib licence, which allows
// redistribution in binaries: see NOTICE-srgb.
//
//go:embed srgb.icc
var srgbICC []byte

// archival makes p a PDF/A-1b document with the properties given: the
// same strings the Info dictionary holds, so that the XMP equals it.
func archival(p *fpdf.Fpdf, title, author, subject, keywords string, created time.Time) {
	p.AddOutputIntent(fpdf.OutputIntentType{
		SubtypeIdent:              fpdf.OutputIntent_GTS_PDFA1,
		OutputConditionIdentifier: "sRGB IEC61966-2.1",
		Info:                      "sRGB IEC61966-2.1",
		ICCProfile:                srgbICC,
	})
	p.SetXmpMetadata(xmp(title, author, subject, keywords, created))
}

// xmp is the XMP packet of a PDF/A-1b document. Empty properties are left
// out, as fpdf leaves them out of the Info dictionary.
func xmp(title, author, subject, keywords string, created time.Time) []byte {
	date := created.Format("2006-01-02T15:04:05Z07:00")
	var b strings.Builder
	b.WriteString("<?xpacket begin=\"\ufeff\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/">` + "\n")
	b.WriteString(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` + "\n")
	b.WriteString(`<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">` +
		`<pdfaid:part>1</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></rdf:Description>` + "\n")
	b.WriteString(`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">`)
	b.WriteString(`<dc:format>application/pdf</dc:format>`)
	if title != "" {
		b.WriteString(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">` + esc(title) + `</rdf:li></rdf:Alt></dc:title>`)
	}
	if author != "" {
		b.WriteString(`<dc:creator><rdf:Seq><rdf:li>` + esc(author) + `</rdf:li></rdf:Seq></dc:creator>`)
	}
	if subject != "" {
		b.WriteString(`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">` + esc(subject) + `</rdf:li></rdf:Alt></dc:description>`)
	}
	b.WriteString("</rdf:Description>\n")
	b.WriteString(`<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"><pdf:Producer>spur</pdf:Producer>`)
	if keywords != "" {
		b.WriteString(`<pdf:Keywords>` + esc(keywords) + `</pdf:Keywords>`)
	}
	b.WriteString("</rdf:Description>\n")
	b.WriteString(`<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><xmp:CreatorTool>spur</xmp:CreatorTool>` +
		`<xmp:CreateDate>` + date + `</xmp:CreateDate><xmp:ModifyDate>` + date + `</xmp:ModifyDate></rdf:Description>` + "\n")
	b.WriteString("</rdf:RDF>\n</x:xmpmeta>\n")
	b.WriteString(`<?xpacket end="w"?>`)
	return []byte(b.String())
}

// esc escapes text for XML.
func esc(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}
