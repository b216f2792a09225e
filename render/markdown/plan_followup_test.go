package markdown

import (
	"bufio"
	"bytes"
	stdhtml "html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"

	"spur/report"
	"spur/report/compose/plantest"
)

// followUpGoldens are the fixture with follow-ups (plantest.Written): the
// action plan alone in Swedish, the report in English.
var followUpGoldens = []struct {
	file string
	lang string
	plan bool
}{
	{"actionplan.followup.sv.md", "sv", true},
	{"report.followup.en.md", "en", false},
}

// TestGoldenFollowUps compares the documents of the fixture with
// follow-ups with testdata/; go test ./render/markdown -run
// TestGoldenFollowUps -update rewrites them.
func TestGoldenFollowUps(t *testing.T) {
	for _, g := range followUpGoldens {
		t.Run(g.file, func(t *testing.T) {
			got := render(t, plantest.Report(t, g.lang, plantest.Written), g.plan)
			path := filepath.Join("testdata", g.file)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (go test ./render/markdown -run TestGoldenFollowUps -update writes it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the output; review with -update and git diff\n%s", path, firstDiff(got, want))
			}
		})
	}
}

// TestPlanFollowUps reads each action's follow-ups back from the report
// and the action plan as goldmark parses them, in both languages, and
// checks them against the follow-ups as written (plantest): the latest
// whole with the note's line breaks, the earlier ones a line each, the
// latest first; hostile text in a note and in who followed up reads as
// the text it is and opens no HTML, heading, list, table, link or
// emphasis.
func TestPlanFollowUps(t *testing.T) {
	for _, tc := range []struct {
		name string
		recs map[string][]plantest.Record
	}{{"written", plantest.Written}, {"hostile", plantest.Hostile()}} {
		for _, lang := range []string{"sv", "en"} {
			r := plantest.Report(t, lang, tc.recs)
			want := plantest.Expect(lang, tc.recs)
			for _, plan := range []bool{false, true} {
				name := tc.name + " " + lang + map[bool]string{false: " report", true: " plan"}[plan]
				t.Run(name, func(t *testing.T) {
					md := render(t, r, plan)
					got, breaks := readFollowUps(t, md, r.L)
					plantest.Check(t, want, got)
					for id, w := range want {
						b := breaks[id]
						if n := strings.Count(w.Last, "\n"); b[0] != n {
							t.Errorf("%s: %d line breaks in the latest follow-up, want %d", id, b[0], n)
						}
						if n := max(len(w.Earlier)-1, 0); b[1] != n {
							t.Errorf("%s: %d line breaks in the earlier follow-ups, want %d", id, b[1], n)
						}
					}
					if s := parseShape(t, md); s.HTML != 0 {
						t.Errorf("%d raw HTML nodes", s.HTML)
					}
				})
			}
		}
	}
}

// TestNoFollowUpsNoLabel: an inspection without follow-ups names none
// (the goldens of the fixture hold it byte for byte).
func TestNoFollowUpsNoLabel(t *testing.T) {
	for _, lang := range []string{"sv", "en"} {
		r := build(t, lang)
		for _, plan := range []bool{false, true} {
			md := string(render(t, r, plan))
			if strings.Contains(md, "**"+r.L.LastFollowUp+":**") || strings.Contains(md, r.L.EarlierFollowUps) {
				t.Errorf("%s plan=%v: a follow-up label without follow-ups", lang, plan)
			}
		}
	}
}

// readFollowUps is each action's follow-ups as a reader of md finds
// them, by criterion: the paragraphs after the action's table that start
// with the labels in bold, without the labels, and the number of line
// breaks in each.
func readFollowUps(t *testing.T, md []byte, l report.Labels) (map[string]plantest.Found, map[string][2]int) {
	t.Helper()
	doc := gfm.Parser().Parse(text.NewReader(md))
	got, breaks := map[string]plantest.Found{}, map[string][2]int{}
	inPlan, id := false, ""
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Heading:
			title := nodeText(n, md)
			switch {
			case n.Level <= 2 && (title == l.Plan || title == l.ActionPlanTitle):
				inPlan = true // the plan is the last section of the report
			case inPlan && strings.HasPrefix(title, l.Criterion+" "):
				id = strings.TrimPrefix(title, l.Criterion+" ")
				got[id] = plantest.Found{}
			}
		case *ast.Paragraph:
			if !inPlan || id == "" {
				continue
			}
			label, ok := n.FirstChild().(*ast.Emphasis)
			if !ok || label.Level != 2 {
				continue
			}
			f, b := got[id], breaks[id]
			all := readText(n, md)
			hard := 0
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if tx, ok := c.(*ast.Text); ok && tx.HardLineBreak() {
					hard++
				}
			}
			switch lt := readText(label, md); lt {
			case l.LastFollowUp + ":":
				f.Last, b[0] = strings.TrimSpace(strings.TrimPrefix(all, lt)), hard
			case l.EarlierFollowUps + ":":
				f.Earlier, b[1] = strings.TrimSpace(strings.TrimPrefix(all, lt)), hard
			default:
				continue
			}
			// Nothing in the text is markup: the label is the only node
			// that is not text.
			for c := label.NextSibling(); c != nil; c = c.NextSibling() {
				if _, ok := c.(*ast.Text); !ok {
					t.Errorf("%s: %s in the follow-up %q", id, c.Kind(), all)
				}
			}
			got[id], breaks[id] = f, b
		}
	}
	return got, breaks
}

// readText is the text of n as goldmark shows it, white space made single
// spaces: its text written as goldmark's HTML writes it (escapes and
// entities resolved in one pass, "\&amp;" the text "&amp;"), then read as
// a browser reads the HTML.
func readText(n ast.Node, src []byte) string {
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if tx, ok := c.(*ast.Text); ok && entering {
			gmhtml.DefaultWriter.Write(w, tx.Segment.Value(src))
			if tx.SoftLineBreak() || tx.HardLineBreak() {
				w.WriteByte(' ')
			}
		}
		return ast.WalkContinue, nil
	})
	w.Flush()
	return plantest.Flat(stdhtml.UnescapeString(b.String()))
}

// TestPlanFollowUpsOtherReaders: pandoc and cmark-gfm, where installed,
// read the follow-ups of the hostile plan as goldmark does: the same
// text, the same line breaks, no HTML of the note's.
func TestPlanFollowUpsOtherReaders(t *testing.T) {
	recs := plantest.Hostile()
	r := plantest.Report(t, "sv", recs)
	md := render(t, r, true)
	want := plantest.Expect("sv", recs)
	// The paragraphs in plan order: each action's latest, then its
	// earlier ones.
	var paras []string
	for _, e := range r.Plan.Entries {
		if w, ok := want[e.CriterionID]; ok {
			paras = append(paras, r.L.LastFollowUp+": "+w.Last)
			if len(w.Earlier) > 0 {
				paras = append(paras, r.L.EarlierFollowUps+": "+strings.Join(w.Earlier, "\n"))
			}
		}
	}
	for _, tool := range [][]string{{"pandoc", "-f", "gfm", "-t", "html", "--wrap=none"}, {"cmark-gfm", "-e", "table"}} {
		t.Run(tool[0], func(t *testing.T) {
			bin, err := exec.LookPath(tool[0])
			if err != nil {
				t.Skip(tool[0] + " not installed")
			}
			cmd := exec.Command(bin, tool[1:]...)
			cmd.Stdin = bytes.NewReader(md)
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("%s: %v", tool[0], err)
			}
			got := followUpParas.FindAllStringSubmatch(string(out), -1)
			if len(got) != len(paras) {
				t.Fatalf("%d follow-up paragraphs, want %d:\n%q", len(got), len(paras), got)
			}
			for i, g := range got {
				html := g[1]
				if n, w := len(brRE.FindAllString(html, -1)), strings.Count(paras[i], "\n"); n != w {
					t.Errorf("paragraph %d: %d line breaks, want %d: %s", i, n, w, html)
				}
				if strings.Count(html, "<") != 2+strings.Count(paras[i], "\n") {
					t.Errorf("paragraph %d: markup other than the label and the breaks: %s", i, html)
				}
				text := plantest.Flat(stdhtml.UnescapeString(tag.ReplaceAllString(html, " ")))
				if w := plantest.Flat(paras[i]); text != w {
					t.Errorf("paragraph %d:\n got  %q\n want %q", i, text, w)
				}
			}
		})
	}
}

// followUpParas are the paragraphs that begin with a label in bold, in
// the HTML of pandoc or cmark-gfm; brRE their line breaks.
var (
	followUpParas = regexp.MustCompile(`(?s)<p>(<strong>(?:Uppföljning|Tidigare uppföljningar):</strong>.*?)</p>`)
	brRE          = regexp.MustCompile(`<br ?/?>`)
)
