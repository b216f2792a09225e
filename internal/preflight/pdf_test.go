package preflight

import (
	"bytes"
	"fmt"
)

// tiny is the smallest PDF/A-1b file we know: one empty A4 page and the
// XMP that claims PDF/A-1b, no fonts, no colour, no document information.
// Each field takes out or adds one thing that PDF/A-1 forbids or needs.
type tiny struct {
	noID       bool   // no /ID in the trailer (ISO 19005-1, 6.1.3)
	noMetadata bool   // no XMP metadata stream (6.7.2)
	content    string // a content stream for the page, e.g. one in DeviceGray without an OutputIntent (6.2.3)
}

const xmpA1b = `<?xpacket begin="` + "\ufeff" + `" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
<pdfaid:part>1</pdfaid:part>
<pdfaid:conformance>B</pdfaid:conformance>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`

func (o tiny) bytes() []byte {
	catalog := "<< /Type /Catalog /Pages 2 0 R /Metadata 4 0 R >>"
	if o.noMetadata {
		catalog = "<< /Type /Catalog /Pages 2 0 R >>"
	}
	page := "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> >>"
	if o.content != "" {
		page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> /Contents 5 0 R >>"
	}
	objs := []string{
		catalog,
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		page,
		fmt.Sprintf("<< /Type /Metadata /Subtype /XML /Length %d >>\nstream\n%s\nendstream", len(xmpA1b), xmpA1b),
	}
	if o.content != "" {
		objs = append(objs, fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(o.content), o.content))
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	var offsets []int
	for i, obj := range objs {
		offsets = append(offsets, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, obj)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	id := "/ID [<5350555220505246412d3162206f6b> <5350555220505246412d3162206f6b>] "
	if o.noID {
		id = ""
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, id, xref)
	return b.Bytes()
}
