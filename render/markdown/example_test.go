package markdown_test

import (
	"bytes"
	"fmt"
	"strings"

	"spur/grade"
	"spur/input"
	"spur/render/markdown"
	"spur/report"
	"spur/report/compose"
)

func ExampleRender() {
	insp, _, err := input.Load("../../fixtures/almaklinikens-vardcentral-2025.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	res, _ := grade.Inspection(insp, grade.DefaultPolicy())
	var buf bytes.Buffer
	if err := markdown.Render(&buf, compose.Report(insp, res, report.Options{Lang: "sv"})); err != nil {
		fmt.Println(err)
		return
	}
	for _, line := range strings.Split(buf.String(), "\n") {
		if strings.HasPrefix(line, "## ") || strings.HasPrefix(line, "- [ ] **E") {
			fmt.Printf("%.60s\n", line)
		}
	}
	// Output:
	// ## Sammanfattning
	// ## Graderingar
	// ## STRUKTUR
	// ## PROCESS
	// - [ ] **E4** Den huvudansvariga handledaren bedömer ST-läkar
	// - [ ] **E5** Det finns fastställda rutiner för bedömningar a
	// - [ ] **E6** Verksamheten har rutiner för hur den kontinuerl
	// - [ ] **E10** Varje handledare har genomgått handledarutbild
	// - [ ] **E11** Om det finns en risk för att en ST-läkare inte
	// - [ ] **E12** Ändamålsenliga metoder används för bedömningar
	// ## HANDLINGSPLAN
}

func ExampleEscape() {
	fmt.Println(markdown.Escape("# Kliniken | <b>Öst</b>\r\n1. våningen  "))
	// Output:
	// \# Kliniken \| \<b>Öst\</b> 1. våningen
}

func ExampleSafe() {
	fmt.Println(markdown.Safe(compose.Text("## Rutin\n\nSe [rutinen](https://example.se/rutin) och [inte denna](javascript:alert(1)).\n\n- ett\n- två\n\n<script>x</script>")))
	// Output:
	// **Rutin**
	//
	// Se [rutinen](https://example.se/rutin) och \[inte denna\](javascript:alert(1)).
	//
	// - ett
	// - två
	//
	// \<script>x\</script>
}
