package pdf

// The look of the documents: A4 portrait, Liberation Sans, navy headings,
// grey rules and table headers. Sizes are in mm, font sizes in points.
const (
	pageW, pageH = 210.0, 297.0
	marginLeft   = 20.0
	marginRight  = 20.0
	marginTop    = 25.0 // where the text starts; the header sits above
	marginBottom = 22.0 // the footer sits below the text
	headerBase   = 14.0 // baseline of the running header
	headerRule   = 16.5
	footerRule   = 281.0
	footerBase   = 286.0

	bodyPt    = 10.0
	bodyLead  = 5.0
	paraGap   = 2.5
	tablePt   = 9.0
	tableLead = 4.4
	smallPt   = 8.0

	cellPadX = 1.8
	cellPadY = 1.3
	listHang = 5.0 // indent of a list item's text from its marker
	boxSize  = 3.4 // side of a check box
	boxHang  = 6.0 // indent of a check box label
)

type rgb struct{ r, g, b int }

var (
	colText       = rgb{33, 33, 33}
	colHeading    = rgb{22, 54, 92}
	colMuted      = rgb{100, 100, 100}
	colRule       = rgb{150, 160, 172}
	colLink       = rgb{0, 80, 150}
	colHeaderFill = rgb{228, 231, 235}
	colCellFill   = rgb{244, 245, 247}
	colBorder     = rgb{168, 174, 182}
	colBox        = rgb{60, 60, 60}
)

type headingStyle struct {
	ts            textStyle
	before, after float64
}

var headings = [4]headingStyle{
	{textStyle{pt: 20, lead: 9, color: colHeading, bold: true}, 0, 5},
	{textStyle{pt: 14, lead: 7, color: colHeading, bold: true}, 9, 3},
	{textStyle{pt: 12, lead: 6, color: colHeading, bold: true}, 6, 2},
	{textStyle{pt: 10.5, lead: 5.4, color: colText, bold: true}, 4, 1},
}

func bodyStyle() textStyle  { return textStyle{pt: bodyPt, lead: bodyLead, color: colText} }
func tableStyle() textStyle { return textStyle{pt: tablePt, lead: tableLead, color: colText} }

func (d *Doc) textWidth() float64 { return pageW - marginLeft - marginRight }

func (d *Doc) bottom() float64 { return pageH - marginBottom }
