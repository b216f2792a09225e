package markdown

import (
	"bytes"
	"fmt"
	"io"
	"sync"
	"text/template"

	"spur/report/overview"
	"spur/templates"
)

// IndexFile is the template of the overview of many inspections that spur
// build writes as OUT/index.md. It is always the embedded one.
const IndexFile = "index.md.tmpl"

var indexTemplate = sync.OnceValues(func() (*template.Template, error) {
	src, err := templates.FS.ReadFile(IndexFile)
	if err != nil {
		return nil, fmt.Errorf("embedded %s: %w", IndexFile, err)
	}
	t, err := template.New(IndexFile).Funcs(funcs).Option("missingkey=error").Parse(string(src))
	if err != nil {
		return nil, fmt.Errorf("parse %s: %w", IndexFile, err)
	}
	return t, nil
})

// Index writes the overview of many inspections: every inspection with a
// link to its report, the grades per area, the criteria most often unmet,
// the units due for a visit, the last two visits of each unit visited
// more than once, and the compilation per year (its figures as tables;
// the PDF and the HTML draw them as charts too).
func Index(w io.Writer, v *overview.View) error {
	t, err := indexTemplate()
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, v); err != nil {
		return fmt.Errorf("markdown: %w", err)
	}
	return flush(w, buf.Bytes())
}
