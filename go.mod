module spur

go 1.26.8

require (
	codeberg.org/go-pdf/fpdf v0.12.0
	github.com/yuin/goldmark v1.8.7
	golang.org/x/image v0.47.0
	golang.org/x/text v0.43.0
	gopkg.in/yaml.v3 v3.0.1
)
