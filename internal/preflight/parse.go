package preflight

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// The XML that Validator_A1b's "xml group" mode writes (PDFBox 2.0,
// XmlResultParser), one <preflight> per file:
//
//	<preflights count="2">
//	  <preflight name="00000.pdf">
//	    <executionTimeMS>496</executionTimeMS>
//	    <isValid type="PDF/A1-b">true</isValid>
//	  </preflight>
//	  <preflight name="00001.pdf">
//	    <executionTimeMS>14</executionTimeMS>
//	    <isValid type="PDF/A1-b">false</isValid>
//	    <errors count="40">
//	      <error count="39"><code>2.4.3</code><details>…</details><page>0</page></error>
//	      <error count="1"><code>1.4.1</code><details>…</details></error>
//	    </errors>
//	  </preflight>
//	</preflights>
//
// or, when Preflight threw, <exceptionThrown><message>…</message>
// <stackTrace>…</stackTrace></exceptionThrown> in place of <errors>.
// Anything else is an error here: an element we do not know may carry a
// verdict we would miss.

type xmlPreflights struct {
	XMLName xml.Name       `xml:"preflights"`
	Count   string         `xml:"count,attr"`
	Files   []xmlPreflight `xml:"preflight"`
	Other   []xmlOther     `xml:",any"`
}

type xmlPreflight struct {
	Name      string         `xml:"name,attr"`
	Time      []string       `xml:"executionTimeMS"`
	Valid     []xmlValid     `xml:"isValid"`
	Errors    []xmlErrors    `xml:"errors"`
	Exception []xmlException `xml:"exceptionThrown"`
	Other     []xmlOther     `xml:",any"`
}

type xmlValid struct {
	Type  string `xml:"type,attr"`
	Value string `xml:",chardata"`
}

type xmlErrors struct {
	Count string     `xml:"count,attr"`
	List  []xmlError `xml:"error"`
	Other []xmlOther `xml:",any"`
}

type xmlError struct {
	Count   string     `xml:"count,attr"`
	Code    []string   `xml:"code"`
	Details []string   `xml:"details"`
	Page    []string   `xml:"page"`
	Other   []xmlOther `xml:",any"`
}

type xmlException struct {
	Message []string   `xml:"message"`
	Stack   []string   `xml:"stackTrace"`
	Other   []xmlOther `xml:",any"`
}

type xmlOther struct{ XMLName xml.Name }

// pdfA1b is the type Preflight gives a file it has checked as PDF/A-1b.
const pdfA1b = "PDF/A1-b"

// parse reads the XML of "xml group" for the files Preflight was given,
// names as in its list, and returns each file's problems, sorted.
func parse(r io.Reader, names []string) (map[string][]Problem, error) {
	dec := xml.NewDecoder(r)
	start, err := skip(dec)
	if err != nil {
		return nil, err
	}
	if start == nil {
		return nil, errors.New("empty output")
	}
	var doc xmlPreflights
	if err := dec.DecodeElement(&doc, start); err != nil {
		return nil, fmt.Errorf("reading the result: %w", err)
	}
	switch next, err := skip(dec); {
	case err != nil:
		return nil, err
	case next != nil:
		return nil, fmt.Errorf("<%s> after the result", next.Name.Local)
	}
	if err := unknown("preflights", doc.Other); err != nil {
		return nil, err
	}
	if n, err := count(doc.Count); err != nil || n != len(doc.Files) {
		return nil, fmt.Errorf("<preflights count=%q> holds %d files", doc.Count, len(doc.Files))
	}
	want := map[string]bool{}
	for _, n := range names {
		want[n] = true
	}
	got := make(map[string][]Problem, len(names))
	for _, f := range doc.Files {
		if !want[f.Name] {
			return nil, fmt.Errorf("a result for %q, which was not asked for", f.Name)
		}
		if _, dup := got[f.Name]; dup {
			return nil, fmt.Errorf("two results for %q", f.Name)
		}
		ps, err := file(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Name, err)
		}
		got[f.Name] = ps
	}
	for _, n := range names {
		if _, ok := got[n]; !ok {
			return nil, fmt.Errorf("no result for %q", n)
		}
	}
	return got, nil
}

// file reads the verdict on one file: nil when it is valid, its problems
// when not.
func file(f xmlPreflight) ([]Problem, error) {
	if err := unknown("preflight", f.Other); err != nil {
		return nil, err
	}
	if len(f.Valid) != 1 || len(f.Errors) > 1 || len(f.Exception) > 1 {
		return nil, fmt.Errorf("%d <isValid>, %d <errors>, %d <exceptionThrown>", len(f.Valid), len(f.Errors), len(f.Exception))
	}
	v := f.Valid[0]
	switch strings.TrimSpace(v.Value) {
	case "true":
		if len(f.Errors) > 0 || len(f.Exception) > 0 {
			return nil, errors.New("valid, but with errors")
		}
		if v.Type != pdfA1b {
			return nil, fmt.Errorf("valid as %q, not %s", v.Type, pdfA1b)
		}
		return nil, nil
	case "false":
	default:
		return nil, fmt.Errorf("<isValid>%s</isValid>", v.Value)
	}
	switch {
	case len(f.Errors) == 1 && len(f.Exception) == 0:
		return errorList(f.Errors[0])
	case len(f.Exception) == 1 && len(f.Errors) == 0:
		e := f.Exception[0]
		if err := unknown("exceptionThrown", e.Other); err != nil {
			return nil, err
		}
		msg := strings.TrimSpace(strings.Join(e.Message, " "))
		if msg == "" && len(e.Stack) > 0 {
			msg, _, _ = strings.Cut(strings.TrimSpace(e.Stack[0]), "\n")
		}
		if msg == "" {
			msg = "(no message)"
		}
		return []Problem{{Code: Exception, Message: msg, Count: 1}}, nil
	}
	if len(f.Errors) > 0 {
		return nil, errors.New("not valid, with both errors and an exception")
	}
	return nil, errors.New("not valid, but neither errors nor an exception")
}

func errorList(es xmlErrors) ([]Problem, error) {
	if err := unknown("errors", es.Other); err != nil {
		return nil, err
	}
	if len(es.List) == 0 {
		return nil, errors.New("not valid, but an empty <errors>")
	}
	var ps []Problem
	total := 0
	for _, e := range es.List {
		if err := unknown("error", e.Other); err != nil {
			return nil, err
		}
		if len(e.Code) != 1 || len(e.Details) > 1 || len(e.Page) > 1 {
			return nil, fmt.Errorf("<error> with %d <code>, %d <details>, %d <page>", len(e.Code), len(e.Details), len(e.Page))
		}
		p := Problem{Code: strings.TrimSpace(e.Code[0])}
		if p.Code == "" {
			return nil, errors.New("<error> with an empty <code>")
		}
		if len(e.Details) == 1 {
			p.Message = strings.TrimSpace(e.Details[0])
		}
		if len(e.Page) == 1 {
			n, err := count(e.Page[0])
			if err != nil {
				return nil, fmt.Errorf("<page>%s</page>", e.Page[0])
			}
			p.Page = n + 1 // Preflight counts pages from 0
		}
		n, err := count(e.Count)
		if err != nil || n == 0 {
			return nil, fmt.Errorf("<error count=%q>", e.Count)
		}
		p.Count = n
		total += n
		ps = append(ps, p)
	}
	if n, err := count(es.Count); err != nil || n != total {
		return nil, fmt.Errorf("<errors count=%q> holds %d", es.Count, total)
	}
	// Preflight gathers the errors in a hash map: sort them.
	slices.SortFunc(ps, func(a, b Problem) int {
		if a.Page != b.Page {
			return a.Page - b.Page
		}
		if c := strings.Compare(a.Code, b.Code); c != 0 {
			return c
		}
		return strings.Compare(a.Message, b.Message)
	})
	return ps, nil
}

// count reads a count: a decimal number, 0 or more.
func count(s string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err == nil && n < 0 {
		err = fmt.Errorf("negative count %d", n)
	}
	return n, err
}

func unknown(in string, other []xmlOther) error {
	if len(other) > 0 {
		return fmt.Errorf("unknown element <%s> in <%s>", other[0].XMLName.Local, in)
	}
	return nil
}

// skip reads past space, comments, the XML declaration and other
// processing instructions to the next element, and returns its start, or
// nil at the end of the input. Anything else is an error.
func skip(dec *xml.Decoder) (*xml.StartElement, error) {
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		if err != nil {
			return nil, fmt.Errorf("reading the result: %w", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			return &tok, nil
		case xml.Comment, xml.ProcInst:
		case xml.CharData:
			if len(strings.TrimSpace(string(tok))) > 0 {
				return nil, fmt.Errorf("text outside the result: %.40q", tok)
			}
		default:
			return nil, fmt.Errorf("unexpected %T outside the result", tok)
		}
	}
}
