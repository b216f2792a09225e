module codeberg.org/go-pdf/fpdf

go 1.25.0

// spur: klauspost/compress deflates the streams (xcompr.go); Liberation
// Sans is the font of the tests of spur's patches (spur_patches_test.go).
require (
	github.com/go-fonts/liberation v0.3.3
	github.com/klauspost/compress v1.20.4
)
