package report

// Text is what a person wrote in Markdown (an area's narrative, a planned
// action), parsed once by report/compose into the few blocks and inlines
// every format can print; the dialect is in the package documentation.
// The zero Text is empty.
type Text struct{ Blocks []Block }

// Empty reports whether there is nothing to print.
func (t Text) Empty() bool { return len(t.Blocks) == 0 }

// Block is a Paragraph or a List.
type Block interface{ block() }

// Paragraph is a run of inlines; a heading the user wrote is a paragraph
// of one Strong.
type Paragraph struct{ Inlines []Inline }

// List is a bullet or numbered list; each item is its blocks, never none.
// Start is the first number of a numbered list. Tight says that the items
// were written without blank lines between them.
type List struct {
	Ordered bool
	Start   int
	Tight   bool
	Items   [][]Block
}

// Inline is Str, Emph, Strong, Code, Link or LineBreak.
type Inline interface{ inline() }

// Str is text as it is to be read. compose.Text puts no "\n" in it (a
// line end it reads is a LineBreak); where another maker of a tree does,
// it is read as a space.
type Str string

// Emph is emphasis (italic).
type Emph struct{ Children []Inline }

// Strong is strong emphasis (bold).
type Strong struct{ Children []Inline }

// Code is a code span, on one line.
type Code string

// Link is a link to an address LinkAllowed allows; it is never empty.
type Link struct {
	URL      string
	Children []Inline
}

// LineBreak is a line break the writer typed (a line end inside a
// paragraph, or CommonMark's hard break), never the first or last inline
// of a paragraph.
type LineBreak struct{}

func (Paragraph) block() {}
func (List) block()      {}

func (Str) inline()       {}
func (Emph) inline()      {}
func (Strong) inline()    {}
func (Code) inline()      {}
func (Link) inline()      {}
func (LineBreak) inline() {}

// Plain is the text of inlines without markup: a line break and a soft
// line break are a space.
func Plain(ins []Inline) string {
	var b []byte
	var walk func([]Inline)
	walk = func(ins []Inline) {
		for _, in := range ins {
			switch in := in.(type) {
			case Str:
				for i := 0; i < len(in); i++ {
					if in[i] == '\n' {
						b = append(b, ' ')
					} else {
						b = append(b, in[i])
					}
				}
			case Code:
				b = append(b, in...)
			case LineBreak:
				b = append(b, ' ')
			case Emph:
				walk(in.Children)
			case Strong:
				walk(in.Children)
			case Link:
				walk(in.Children)
			}
		}
	}
	walk(ins)
	return string(b)
}
