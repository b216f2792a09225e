package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"

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
	if !IsWorkbook(name, data) || noOtherKind(data) {
		return ""
	}
	return bookNotInspection(name, data)
}

// bookNotInspection is NotInspection by opening the whole book.
func bookNotInspection(name string, data []byte) string {
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

// customPart is where a workbook keeps its custom document properties,
// spur's kind among them. excelize reads the part of exactly this name (or
// with a backslash for the slash); noOtherKind looks at it in any case.
const customPart = "docProps/custom.xml"

// customLimit bounds the custom properties noOtherKind reads: spur writes
// some 500 bytes there, a spreadsheet program little more.
const customLimit = 1 << 20

// noOtherKind reports that a workbook is none of those NotInspection
// names, by reading its custom properties alone: the archive has no such
// part, or no element of it holds the text of a plan's, a follow-up
// workbook's or a follow-up list's kind. Opening the whole book only to
// read its kind costs some 4 ms, this some 20 µs, and spur build asks it
// of every workbook before it reads any. It says false whenever it cannot
// be sure (an archive or a part that is damaged, too large, in another
// encoding or in the namespaces of strict Open XML, which excelize
// rewrites), and NotInspection then opens the book as before.
func noOtherKind(data []byte) bool {
	if len(data) > MaxFileSize || !bytes.HasPrefix(data, zipMagic) {
		return false
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil || len(zr.File) > maxParts {
		return false
	}
	for _, zf := range zr.File {
		if strings.EqualFold(strings.ReplaceAll(zf.Name, `\`, "/"), customPart) && !noKindIn(zf) {
			return false
		}
	}
	return true
}

// noKindIn reports that no element of the custom properties zf holds, in
// its own text, the word of a kind of workbook NotInspection names. excelize takes
// a property's value from the text of one of its elements, as
// encoding/xml reads it, so an element whose text is no such kind cannot
// give one.
func noKindIn(zf *zip.File) bool {
	if zf.UncompressedSize64 > customLimit {
		return false
	}
	rc, err := zf.Open()
	if err != nil {
		return false
	}
	defer rc.Close()
	raw, err := io.ReadAll(io.LimitReader(rc, customLimit+1))
	if err != nil || len(raw) > customLimit || bytes.Contains(raw, []byte("purl.oclc.org")) {
		return false
	}
	d := xml.NewDecoder(bytes.NewReader(raw)) // no CharsetReader: another encoding is an error
	var texts [][]byte                        // the text of each open element
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return len(texts) == 0
		}
		if err != nil {
			return false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			texts = append(texts, nil)
		case xml.CharData:
			if n := len(texts); n > 0 {
				texts[n-1] = append(texts[n-1], t...)
			}
		case xml.EndElement:
			// Any text that holds a kind's word, in any case and with
			// anything around it, sends the book to the full reading.
			n := len(texts)
			text := bytes.ToLower(texts[n-1])
			for _, k := range []string{kindPlan, kindFollowUp, kindFollowUpList} {
				if bytes.Contains(text, bytes.ToLower([]byte(k))) {
					return false
				}
			}
			texts = texts[:n-1]
		}
	}
}
