package render_test

import (
	"bytes"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"spur/grade"
	"spur/render/markdown"
	"spur/report"
	"spur/report/compose"
	"spur/schema"
)

// The wording of the printed reports (issue 11, section 4), checked in
// each of the three formats as a reader gets it: the PDF through
// pdftotext, the Markdown through goldmark (and pandoc and cmark-gfm
// where installed), the HTML as its text and markup.

// realNote is an adjustment note as a real report words it.
const realNote = "Under granskningen påvisades brister vad gäller följsamheten till Socialstyrelsens föreskrifter och allmänna råd. " +
	"Verksamheten har efter granskningen inkommit med handlingsplan för åtgärder. Graderingen är ändrad till C."

// edit applies pairs of old and new texts to src; each old must be there.
func edit(t *testing.T, src string, edits ...string) string {
	t.Helper()
	for i := 0; i+1 < len(edits); i += 2 {
		if !strings.Contains(src, edits[i]) {
			t.Fatalf("no %q to replace", edits[i])
		}
		src = strings.Replace(src, edits[i], edits[i+1], 1)
	}
	return src
}

// fixtureWith is the fixture's source, edited.
func fixtureWith(t *testing.T, edits ...string) string {
	t.Helper()
	b, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	return edit(t, string(b), edits...)
}

// composed loads src, grades it and builds its view; it returns the
// diagnostics of both steps, which a test may expect.
func composed(t *testing.T, src, lang string) (*report.Report, schema.Diagnostics) {
	t.Helper()
	insp, diags := schema.Load("insp.yaml", []byte(src))
	if insp == nil {
		t.Fatalf("not loaded: %s", diags)
	}
	res, gd := grade.Inspection(insp, grade.DefaultPolicy())
	return compose.Report(insp, res, report.Options{Lang: lang}), append(diags, gd...)
}

// valid is composed for a source that must have no diagnostic.
func valid(t *testing.T, src, lang string) *report.Report {
	t.Helper()
	r, diags := composed(t, src, lang)
	if len(diags) != 0 {
		t.Fatalf("diagnostics:\n%s", diags)
	}
	return r
}

// formats is what a reader of each format reads, flattened: the PDF
// through pdftotext, the Markdown through goldmark, the HTML as text.
func formats(t *testing.T, r *report.Report) (texts map[string]string, md, doc, page []byte) {
	t.Helper()
	md, doc, page = renderAll(t, r)
	return map[string]string{"pdf": pdfText(t, r, doc), "markdown": mdText(t, md), "html": htmlText(t, page)}, md, doc, page
}

// section is the text of s from an area's heading in the body (the second
// time its title is printed: the first is the grade overview) up to next.
func section(t *testing.T, s, heading, next string) string {
	t.Helper()
	i := strings.Index(s, heading)
	if i >= 0 {
		if k := strings.Index(s[i+1:], heading); k >= 0 {
			i += 1 + k
		} else {
			i = -1
		}
	}
	if i < 0 {
		t.Fatalf("no %q in the body of %.200q…", heading, s)
	}
	j := strings.Index(s[i:], next)
	if j < 0 {
		t.Fatalf("no %q after %q", next, heading)
	}
	return s[i : i+j]
}

// TestLeadInWording: area A's lead-in has its commas, as both real printed
// reports word it; areas C, D and F keep theirs without (item 1), in
// both catalogue versions.
func TestLeadInWording(t *testing.T) {
	tool(t, "pdftotext")
	const a, cdf = "Vilket, enligt SPUR-modellen, innebär att:", "Vilket enligt SPUR-modellen innebär att:"
	for _, version := range []string{"2025", "2023"} {
		// In 2023 area C has no option C: its accepted plan gives a C
		// outside the options, which is allowed.
		src := fixtureWith(t, `catalog: "2025"`, `catalog: "`+version+`"`)
		texts, _, _, _ := formats(t, valid(t, src, "sv"))
		for format, s := range texts {
			if n, m := strings.Count(s, a), strings.Count(s, cdf); n != 1 || m != 3 {
				t.Errorf("%s %s: %d × %q (want 1) and %d × %q (want 3)", version, format, n, a, m, cdf)
			}
			if got := section(t, s, "A. Verksamheten", "B. Medarbetarstab"); !strings.Contains(got, a) {
				t.Errorf("%s %s: area A has not %q", version, format, a)
			}
			for _, area := range [][2]string{{"C. Lokaler", "D. Tjänstgöringens"}, {"D. Tjänstgöringens", "E. Handledning"}, {"F. Teoretisk", "G. Medicinsk"}} {
				if got := section(t, s, area[0], area[1]); !strings.Contains(got, cdf) {
					t.Errorf("%s %s: area %s has not %q", version, format, area[0], cdf)
				}
			}
		}
	}
}

// TestPlanNoteWording: an area's plan_note is printed after its narrative
// instead of the standard sentence; the other areas keep theirs (item 2).
func TestPlanNoteWording(t *testing.T) {
	tool(t, "pdftotext")
	src := fixtureWith(t,
		"    plan_decision: accepted          # \"Handlingsplan inkommen, gradering justerad till C.\"\n  D:",
		"    plan_decision: accepted\n    plan_note: "+realNote+"\n  D:")
	for _, lang := range []string{"sv", "en"} {
		texts, _, _, _ := formats(t, valid(t, src, lang))
		accepted, kept := "Handlingsplan inkommen, gradering justerad till C.", "Handlingsplan inkommen, gradering D kvarstår."
		regulation := "Föreskrift"
		if lang == "en" {
			accepted, kept, regulation = "Action plan received, grade adjusted to C.", "Action plan received, grade D stands.", "Regulation"
		}
		for format, s := range texts {
			c := section(t, s, "C. Lokaler och utrustning", regulation)
			if !strings.Contains(c, realNote) || strings.Contains(c, accepted) {
				t.Errorf("%s %s: area C before its criteria:\n%s", lang, format, c)
			}
			if e := section(t, s, "E. Handledning och kompetensbedömning", regulation); !strings.Contains(e, accepted) {
				t.Errorf("%s %s: area E lost its standard note:\n%s", lang, format, e)
			}
			if h := section(t, s, "H. Ledarskapskompetens", regulation); !strings.Contains(h, kept) {
				t.Errorf("%s %s: area H lost its standard note:\n%s", lang, format, h)
			}
			if n := strings.Count(s, realNote); n != 1 {
				t.Errorf("%s %s: the note printed %d times", lang, format, n)
			}
		}
	}
}

// TestNoPlanNoNote: a preliminary report with plan decisions (and a note)
// but no action plan is invalid at each plan_decision key, and whatever
// is made of it says nothing of a plan in any format (item 4).
func TestNoPlanNoNote(t *testing.T) {
	tool(t, "pdftotext")
	src := fixtureWith(t, "status: final", "status: preliminary",
		"    plan_decision: accepted          # \"Handlingsplan inkommen, gradering justerad till C.\"\n  D:",
		"    plan_decision: accepted\n    plan_note: "+realNote+"\n  D:")
	src = src[:strings.Index(src, "\naction_plan:")+1]
	r, diags := composed(t, src, "sv")
	at := regexp.MustCompile(`(?m)^insp\.yaml:(\d+):(\d+): area ([CDEGH]) has plan_decision: (not_)?accepted, but the inspection has no action plan: .*import it first \(spur import, or action_plan:\), or remove plan_decision$`)
	found := at.FindAllStringSubmatch(diags.String(), -1)
	if len(found) != 5 {
		t.Fatalf("%d errors at a plan_decision without a plan, want 5:\n%s", len(found), diags)
	}
	lines := strings.Split(src, "\n")
	for _, m := range found {
		line, col := atoi(t, m[1]), atoi(t, m[2])
		if got := lines[line-1][col-1:]; !strings.HasPrefix(got, "plan_decision:") {
			t.Errorf("area %s: %s:%s is %q, not the plan_decision key", m[3], m[1], m[2], got)
		}
	}
	texts, _, _, _ := formats(t, r)
	for format, s := range texts {
		for _, w := range []string{"Handlingsplan inkommen", realNote, "justerad till C", "HANDLINGSPLAN"} {
			if strings.Contains(s, w) {
				t.Errorf("%s: %q without a plan", format, w)
			}
		}
	}
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// breaks are the pairs of lines broken() types, as each format must keep
// them: the first ends a line, the second starts the next. Each is short,
// so that a line the PDF wraps is not mistaken for one the writer broke.
var breaks = [][2]string{
	{"Första raden i A.", "Andra raden i A."},
	{"Ombyggbar gynstol finns.", "Öronmikroskop saknas."},
	{"Handlingsplanen godtas.", "Graderingen är ändrad till C."},
	{"Inköp av öronmikroskop.", "Leverans under hösten."},
	{`Rutinen finns i G:\ST\`, "Åtgärd krävs."}, // a backslash before the break
}

// broken is the fixture where the inspectors and the unit typed the line
// breaks of breaks inside a paragraph: in a narrative, a criterion's
// comment, a plan_note and a planned action. joined types a space instead.
func broken(t *testing.T, joined bool) string {
	two := func(b [2]string, indent string) string {
		if joined {
			return b[0] + " " + b[1]
		}
		return b[0] + "\n" + indent + b[1]
	}
	return fixtureWith(t,
		"  A:\n    narrative: |\n      Privat driven vårdcentral",
		"  A:\n    narrative: |\n      "+two(breaks[0], "      ")+"\n\n      Privat driven vårdcentral",
		"      C1: Ombyggbar gynstol finns men öronmikroskop saknas. Åtgärd krävs.",
		"      C1: |\n        "+two(breaks[1], "        "),
		"    plan_decision: accepted          # \"Handlingsplan inkommen, gradering justerad till C.\"\n  D:",
		"    plan_decision: accepted\n    plan_note: |\n      "+two(breaks[2], "      ")+"\n  D:",
		"      action: |\n        Inköp av öronmikroskop\n",
		"      action: |\n        "+two(breaks[3], "        ")+"\n",
		"      D7: IUP följs inte upp regelbundet på VC utöver årskontroller tillsammans med studierektor. Åtgärd krävs.",
		"      D7: |\n        "+two(breaks[4], "        "))
}

// TestLineBreaksKept: a line break typed inside a paragraph is a line
// break in every format (item 3): a new line in the PDF (pdftotext), a
// hard break in the Markdown that goldmark, pandoc and cmark-gfm read as
// <br>, a <br> in the HTML. The same text with the lines joined by a space
// is one line everywhere, so the test tells the two apart.
func TestLineBreaksKept(t *testing.T) {
	tool(t, "pdftotext")
	for _, lang := range []string{"sv", "en"} {
		r := valid(t, broken(t, false), lang)
		md, doc, page := renderAll(t, r)
		pdfLines := pdftotextLines(t, doc)
		for _, b := range breaks {
			if !brokenIn(pdfLines, b) {
				t.Errorf("%s pdf: %q and %q are not two lines", lang, b[0], b[1])
			}
			// As written: escaped, a final backslash as "&#92;" (goldmark
			// reads no break after an escaped one), then "\" and a newline.
			line := markdown.Escape(b[0])
			if strings.HasSuffix(line, `\\`) {
				line = strings.TrimSuffix(line, `\\`) + "&#92;"
			}
			if want := regexp.QuoteMeta(line) + `\\\n *` + regexp.QuoteMeta(b[1]); !regexp.MustCompile(want).Match(md) {
				t.Errorf("%s markdown: no hard break between %q and %q", lang, b[0], b[1])
			}
			if !bytes.Contains(page, []byte(b[0]+"<br>\n"+b[1])) {
				t.Errorf("%s html: no <br> between %q and %q", lang, b[0], b[1])
			}
		}
		readers := map[string]func([]byte) string{"goldmark": func(md []byte) string {
			var out bytes.Buffer
			if err := gfm.Convert(md, &out); err != nil {
				t.Fatal(err)
			}
			return out.String()
		}}
		for _, name := range []string{"pandoc", "cmark-gfm"} {
			path, err := exec.LookPath(name)
			if err != nil {
				t.Logf("%s is not installed; its reading is not checked", name)
				continue
			}
			args := map[string][]string{"pandoc": {"-f", "gfm", "-t", "html", "--wrap=none"}, "cmark-gfm": {"-e", "table", "-e", "tasklist", "-t", "html"}}[name]
			readers[name] = func(md []byte) string {
				cmd := exec.Command(path, args...)
				cmd.Stdin = bytes.NewReader(md)
				out, err := cmd.Output()
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				return string(out)
			}
		}
		for name, read := range readers {
			out := read(md)
			for _, b := range breaks {
				if !regexp.MustCompile(regexp.QuoteMeta(b[0]) + `(</em>|</strong>)?<br ?/?>\s*(<em>|<strong>)?` + regexp.QuoteMeta(b[1])).MatchString(out) {
					t.Errorf("%s %s: %q and %q are not read with a line break between them", lang, name, b[0], b[1])
				}
			}
		}
	}
	// The control: the same lines joined by a space are one line in every
	// format, so what the checks above see is the writer's break.
	md, doc, page := renderAll(t, valid(t, broken(t, true), "sv"))
	pdfLines := pdftotextLines(t, doc)
	for _, b := range breaks {
		if brokenIn(pdfLines, b) || bytes.Contains(page, []byte(b[0]+"<br>")) || bytes.Contains(md, []byte(b[0]+"\\\n")) {
			t.Errorf("joined, %q and %q are still two lines", b[0], b[1])
		}
		if !bytes.Contains(page, []byte(b[0]+" "+b[1])) {
			t.Errorf("joined, %q and %q are not in the HTML", b[0], b[1])
		}
	}
}

// pdftotextLines is the PDF's text lines through pdftotext, trimmed.
func pdftotextLines(t *testing.T, doc []byte) []string {
	t.Helper()
	out, err := exec.Command(tool(t, "pdftotext"), "-enc", "UTF-8", temp(t, doc), "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	var lines []string
	for _, l := range strings.Split(string(out), "\n") {
		if l = flat(strings.Trim(l, "\f ")); l != "" {
			lines = append(lines, l)
		}
	}
	return lines
}

// brokenIn reports whether b[0] ends a line and b[1] starts the next.
func brokenIn(lines []string, b [2]string) bool {
	for i := 0; i+1 < len(lines); i++ {
		if strings.HasSuffix(lines[i], b[0]) && strings.HasPrefix(lines[i+1], b[1]) {
			return true
		}
	}
	return false
}

// TestExplanationWording: the grade explanations every format prints are
// the numbers' own (item 5): areas A and C, which have no allmänna råd, are
// not said to meet them; one quality indicator is "kvalitetsindikatorn".
func TestExplanationWording(t *testing.T) {
	tool(t, "pdftotext")
	r := valid(t, fixtureWith(t), "sv")
	texts, _, _, _ := formats(t, r)
	for format, s := range texts {
		a := section(t, s, "A. Verksamheten", "B. Medarbetarstab")
		if !strings.Contains(a, "B: alla föreskrifter är uppfyllda, men kvalitetsindikatorn är inte uppfylld (A4); A kräver att den är uppfylld.") {
			t.Errorf("%s: area A's explanation:\n%s", format, a)
		}
		if b := section(t, s, "B. Medarbetarstab", "C. Lokaler"); !strings.Contains(b, "A: alla föreskrifter och det allmänna rådet är uppfyllda, liksom alla 3 kvalitetsindikatorer.") {
			t.Errorf("%s: area B's explanation:\n%s", format, b)
		}
		for _, area := range [][2]string{{"A. Verksamheten", "B. Medarbetarstab"}, {"C. Lokaler", "D. Tjänstgöringens"}} {
			if got := section(t, s, area[0], area[1]); strings.Contains(got, "allmänna råd är uppfyllda") || strings.Contains(got, "allmänna rådet är uppfyllt") {
				t.Errorf("%s: %s is said to meet allmänna råd it has none of", format, area[0])
			}
		}
		if m := regexp.MustCompile(`alla [12] kvalitetsindikator|\b1 av 1\b|\b2 av 2\b`).FindString(s); m != "" {
			t.Errorf("%s: %q", format, m)
		}
	}
}
