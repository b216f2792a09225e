package preflight

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// names are the names Validate gives n files in Preflight's list.
func names(n int) []string {
	var ns []string
	for i := range n {
		ns = append(ns, fmt.Sprintf("%05d.pdf", i))
	}
	return ns
}

func readTestdata(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestParse reads outputs captured from Preflight 2.0.27 ("xml group"):
//
//   - minimal.xml: the valid file of pdf_test.go (00000), the same without
//     /ID (00001), a text file, an empty file, "%PDF-1.4" alone, a spur PDF
//     cut in half, a trailer /Root that is the page tree (00002–00006), and
//     a page tree that is the metadata stream (00007), which Preflight
//     passes with a log line "Page skipped": qpdf --check is needed too;
//   - exception.xml: the valid file and a directory, on which it throws;
//   - spur.xml: spur's report, action plan and index before issue 12.
func TestParse(t *testing.T) {
	idMissing := Problem{Code: "1.4.1", Message: "Trailer Syntax error, The trailer dictionary doesn't contain ID", Count: 1}
	eof := func(at string) []Problem {
		return []Problem{
			{Code: "1.0", Message: "Syntax error, Error: End-of-File, expected line at offset " + at, Count: 1},
			{Code: "1.1", Message: "Header Syntax error, Unable to read the PDF file : Error: End-of-File, expected line at offset " + at, Count: 1},
		}
	}
	for _, c := range []struct {
		name string
		file string
		n    int
		want map[string][]Problem
	}{
		{"minimal", "minimal.xml", 8, map[string][]Problem{
			"00000.pdf": nil,
			"00001.pdf": {idMissing},
			"00002.pdf": append(eof("8")[:1:1], Problem{Code: "1.1", Message: `Header Syntax error, First line must match %PDF-1.\d`, Count: 1}, eof("8")[1]),
			"00003.pdf": eof("0"),
			"00004.pdf": eof("9"),
			"00005.pdf": {{Code: "1.0", Message: "Syntax error, Missing end of file marker '%%EOF'", Count: 1}},
			"00006.pdf": {{Code: "1.0", Message: "Syntax error, Page tree root must be a dictionary", Count: 1}},
			"00007.pdf": nil,
		}},
		{"exception", "exception.xml", 2, map[string][]Problem{
			"00000.pdf": nil,
			"00001.pdf": {{Code: Exception, Message: "00001.pdf (Is a directory)", Count: 1}},
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := parse(strings.NewReader(readTestdata(t, c.file)), names(c.n))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, c.want) {
				for k := range c.want {
					if !reflect.DeepEqual(got[k], c.want[k]) {
						t.Errorf("%s:\n got %q\nwant %q", k, got[k], c.want[k])
					}
				}
				t.Errorf("got %d files, want %d", len(got), len(c.want))
			}
		})
	}
}

// TestParseSpur: the kinds of problem in spur's PDFs before issue 12, as
// Preflight reported them: the counts add up, pages count from 1, and the
// problems are sorted by page.
func TestParseSpur(t *testing.T) {
	got, err := parse(strings.NewReader(readTestdata(t, "spur.xml")), names(3))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name         string
		entries, sum int
		pages        int
	}{
		{"00000.pdf", 107, 2749, 18}, // the report
		{"00001.pdf", 45, 1193, 8},   // the action plan
		{"00002.pdf", 15, 386, 2},    // the index
	} {
		ps := got[c.name]
		sum, last := 0, 0
		kinds := map[string]bool{}
		for _, p := range ps {
			sum += p.Count
			if p.Page < last {
				t.Errorf("%s: page %d after page %d", c.name, p.Page, last)
			}
			last = p.Page
			kinds[p.Code] = true
		}
		if len(ps) != c.entries || sum != c.sum || last != c.pages {
			t.Errorf("%s: %d problems, %d in all, up to page %d; want %d, %d, %d", c.name, len(ps), sum, last, c.entries, c.sum, c.pages)
		}
		for _, code := range []string{"1.4.1", "1.4.7", "1.4.9", "2.4.1", "2.4.3", "7.1"} {
			if !kinds[code] {
				t.Errorf("%s: no problem %s", c.name, code)
			}
		}
		if len(ps) > 0 && ps[0].String() == "" {
			t.Errorf("%s: empty String", c.name)
		}
	}
}

// TestParseRejects: output that is not a verdict on every file, and only
// those, is an error, never a pass.
func TestParseRejects(t *testing.T) {
	minimal := readTestdata(t, "minimal.xml")
	valid := `<preflights count="1"><preflight name="00000.pdf"><executionTimeMS>1</executionTimeMS><isValid type="PDF/A1-b">true</isValid></preflight></preflights>`
	invalid := `<preflights count="1"><preflight name="00000.pdf"><isValid type="PDF/A1-b">false</isValid>` +
		`<errors count="3"><error count="2"><code>2.4.3</code><details>d</details><page>0</page></error>` +
		`<error count="1"><code>1.4.1</code><details>d</details></error></errors></preflight></preflights>`
	for _, c := range []struct {
		name, out string
		n         int
		want      string // in the error
	}{
		{"empty", "", 1, "empty output"},
		{"space", "\n  \n", 1, "empty output"},
		{"text mode", "The file 00000.pdf is a valid PDF/A-1b file\n", 1, "text outside"},
		{"text before", "Picked up JAVA_TOOL_OPTIONS\n" + valid, 1, "text outside"},
		{"truncated", minimal[:len(minimal)/2], 8, "unexpected EOF"},
		{"a file left out", minimal, 9, `no result for "00008.pdf"`},
		{"a file not asked for", minimal, 7, `"00007.pdf", which was not asked for`},
		{"a file twice", strings.Replace(minimal, `name="00001.pdf"`, `name="00000.pdf"`, 1), 8, "two results"},
		{"other root", strings.ReplaceAll(valid, "preflights", "results"), 1, "expected element type <preflights>"},
		{"second root", valid + valid, 1, "after the result"},
		{"count off", strings.Replace(valid, `count="1"`, `count="2"`, 1), 1, `count="2"`},
		{"no count", strings.Replace(valid, ` count="1"`, ``, 1), 1, `count=""`},
		{"unknown verdict", strings.Replace(valid, ">true<", ">maybe<", 1), 1, "maybe"},
		{"no verdict", strings.Replace(valid, `<isValid type="PDF/A1-b">true</isValid>`, ``, 1), 1, "0 <isValid>"},
		{"two verdicts", strings.Replace(valid, `</preflight>`, `<isValid type="PDF/A1-b">false</isValid></preflight>`, 1), 1, "2 <isValid>"},
		{"valid as another type", strings.Replace(valid, `PDF/A1-b`, `PDF/A2-b`, 1), 1, "PDF/A2-b"},
		{"valid with errors", strings.Replace(invalid, ">false<", ">true<", 1), 1, "valid, but with errors"},
		{"invalid without errors", strings.Replace(valid, ">true<", ">false<", 1), 1, "neither errors nor an exception"},
		{"empty errors", strings.Replace(valid, `true</isValid>`, `false</isValid><errors count="0"></errors>`, 1), 1, "empty <errors>"},
		{"unknown element", strings.Replace(valid, `</preflight>`, `<warnings count="1"/></preflight>`, 1), 1, "<warnings>"},
		{"unknown element in errors", strings.Replace(invalid, `</errors>`, `<fatal/></errors>`, 1), 1, "<fatal>"},
		{"unknown element in error", strings.Replace(invalid, `<code>1.4.1</code>`, `<code>1.4.1</code><severity>x</severity>`, 1), 1, "<severity>"},
		{"errors count off", strings.Replace(invalid, `errors count="3"`, `errors count="4"`, 1), 1, `<errors count="4">`},
		{"error count zero", strings.Replace(invalid, `error count="1"`, `error count="0"`, 1), 1, `<error count="0">`},
		{"error count negative", strings.Replace(invalid, `error count="1"`, `error count="-1"`, 1), 1, `<error count="-1">`},
		{"no code", strings.Replace(invalid, `<code>1.4.1</code>`, ``, 1), 1, "0 <code>"},
		{"empty code", strings.Replace(invalid, `<code>1.4.1</code>`, `<code> </code>`, 1), 1, "empty <code>"},
		{"page not a number", strings.Replace(invalid, `<page>0</page>`, `<page>first</page>`, 1), 1, "<page>first</page>"},
		{"errors and exception", strings.Replace(invalid, `</errors>`, `</errors><exceptionThrown><message>m</message></exceptionThrown>`, 1), 1, "both errors and an exception"},
		{"other encoding", `<?xml version="1.0" encoding="ISO-8859-1"?>` + valid, 1, "ISO-8859-1"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := parse(strings.NewReader(c.out), names(c.n))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, %v; want an error with %q", got, err, c.want)
			}
		})
	}
	// The hand-written outputs above are otherwise good.
	for _, out := range []string{valid, invalid} {
		if _, err := parse(strings.NewReader(out), names(1)); err != nil {
			t.Errorf("%v in %s", err, out)
		}
	}
}
