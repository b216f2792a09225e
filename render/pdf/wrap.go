package pdf

import (
	"strings"
	"unicode/utf8"

	"spur/hyph"
)

// textStyle is how a block of text is set: one size and leading per block;
// runs choose bold, italic and links within it.
type textStyle struct {
	pt     float64 // font size in points
	lead   float64 // line height in mm
	color  rgb
	bold   bool // forced on every run (headings, table headers)
	italic bool
}

// frag is a piece of a laid-out line drawn in one font: x is its offset
// from the left edge of the box the line is drawn in.
type frag struct {
	x, w float64
	text string
	st   style
	link string
}

// line is the unit of vertical layout: it is never split across pages.
type line struct {
	frags  []frag
	ts     textStyle
	h      float64 // height
	gap    float64 // space above; dropped at the top of a page or cell part
	link   int8    // penalty of a page break after the line (keepStrong: none)
	start  bool    // the first line of a block
	hyphen bool    // the line ends in a hyphen the wrapping added
	rule   *span   // a horizontal rule through the middle of the line
	check  *mark   // a check box at the start of the line
}

type span struct{ x, w float64 }

type mark struct {
	x     float64
	state CheckState
}

// baseline is the offset of the baseline from the top of the line: the
// capitals are centred in the line height.
func (l *line) baseline() float64 {
	return l.h/2 + 0.35*l.ts.pt*mmPerPt
}

// piece is a run of non-space text in one font, part of a word.
type piece struct {
	text string
	st   style
	link string
	w    float64
}

// wrapper breaks runs into lines no wider than width. Words break at
// spaces; a word wider than a line is broken between characters,
// preferably after a slash, hyphen or other URL punctuation.
type wrapper struct {
	faces  *[nStyles]*face
	ts     textStyle
	width  float64
	lines  []line
	cur    []frag
	x      float64 // end of the text on the current line
	word   []piece
	wordW  float64
	space  bool // a space precedes the pending word
	spaceW float64
	spaceS style
	hyphen bool // the current line ends in an added hyphen
	// tail is the text of the current line's last fragment while words
	// are merged into it (emit), which its text field then lags: a line
	// is built in one buffer, not by joining strings word by word.
	tail     []byte
	tailOpen bool
}

// seal gives the current line's last fragment the text merged into it.
func (w *wrapper) seal() {
	if w.tailOpen {
		w.cur[len(w.cur)-1].text = string(w.tail)
		w.tailOpen = false
	}
}

// merge appends sep and text to the text of the current line's last
// fragment.
func (w *wrapper) merge(sep, text string) {
	if !w.tailOpen {
		w.tail = append(w.tail[:0], w.cur[len(w.cur)-1].text...)
		w.tailOpen = true
	}
	w.tail = append(w.tail, sep...)
	w.tail = append(w.tail, text...)
}

func (d *Doc) wrap(runs []Run, width float64, ts textStyle) []line {
	w := wrapper{faces: d.faces, ts: ts, width: width}
	for _, r := range runs {
		st := styleOf(r.Bold || ts.bold, r.Italic || ts.italic)
		f := d.faces[st]
		text := d.clean(r.Text, f)
		link := linkURI(r.Link)
		for text != "" {
			switch text[0] {
			case ' ':
				w.flushWord()
				w.space, w.spaceW, w.spaceS = true, f.runeAdvance(' ', ts.pt), st
				text = text[1:]
			case '\n':
				w.flushWord()
				w.newline()
				text = text[1:]
			default:
				j := strings.IndexAny(text, " \n")
				if j < 0 {
					j = len(text)
				}
				p := piece{text: text[:j], st: st, link: link, w: f.advance(text[:j], ts.pt)}
				w.word = append(w.word, p)
				w.wordW += p.w
				text = text[j:]
			}
		}
	}
	w.flushWord()
	if len(w.cur) > 0 {
		w.newline()
	}
	return w.lines
}

const eps = 1e-6

func (w *wrapper) newline() {
	w.seal()
	w.lines = append(w.lines, line{frags: w.cur, ts: w.ts, h: w.ts.lead, hyphen: w.hyphen})
	w.cur, w.x, w.space, w.hyphen = nil, 0, false, false
}

func (w *wrapper) flushWord() {
	if len(w.word) == 0 {
		return
	}
	sp := 0.0
	if len(w.cur) > 0 && w.space {
		sp = w.spaceW
	}
	switch {
	case w.x+sp+w.wordW <= w.width+eps:
		w.emit(w.word, sp)
	case w.wordW <= w.width+eps:
		w.newline()
		w.emit(w.word, 0)
	default:
		if len(w.cur) > 0 && w.width-w.x-sp < 0.3*w.width {
			w.newline()
			sp = 0
		}
		w.breakWord(sp)
	}
	w.word, w.wordW, w.space = w.word[:0], 0, false
}

// emit places the pieces of a word on the current line after a space of
// width sp, merging them into the previous fragment when the font and link
// are the same.
func (w *wrapper) emit(ps []piece, sp float64) {
	for i, p := range ps {
		x := w.x
		if i == 0 {
			x += sp
		}
		if n := len(w.cur); n > 0 {
			last := &w.cur[n-1]
			if last.st == p.st && last.link == p.link {
				switch {
				case i == 0 && sp > 0 && w.spaceS == p.st:
					w.merge(" ", p.text)
					last.w = x + p.w - last.x
					w.x = x + p.w
					continue
				case i > 0 || sp == 0:
					w.merge("", p.text)
					last.w += p.w
					w.x += p.w
					continue
				}
			}
		}
		w.seal()
		w.cur = append(w.cur, frag{x: x, w: p.w, text: p.text, st: p.st, link: p.link})
		w.x = x + p.w
	}
}

type glyph struct {
	r    rune
	st   style
	link string
	w    float64
}

// breakAfter are the characters after which a long word or URL is best
// broken.
const breakAfter = "/-?&=_.,;:#~+"

// breakWord places a word too long for a line, spreading it over as many
// lines as needed: at a Swedish hyphenation point, with a hyphen, where
// one fits (never in a criterion id, a date, a number or a URL: package
// hyph), else after a slash, hyphen or other URL punctuation, else between
// any two characters. At least one character goes on each line, so a
// width too small for any character still makes progress.
func (w *wrapper) breakWord(sp float64) {
	var gs []glyph
	var word strings.Builder
	for _, p := range w.word {
		f := w.faces[p.st]
		word.WriteString(p.text)
		for _, r := range p.text {
			gs = append(gs, glyph{r, p.st, p.link, f.runeAdvance(r, w.ts.pt)})
		}
	}
	// hy[k]: a hyphen may go before glyph k.
	var hy []bool
	if points := hyph.Swedish().Points(word.String()); len(points) > 0 {
		hy = make([]bool, len(gs)+1)
		k, off := 0, 0
		for _, p := range points {
			for off < p && k < len(gs) {
				off += utf8.RuneLen(gs[k].r)
				k++
			}
			if off == p {
				hy[k] = true
			}
		}
	}
	for len(gs) > 0 {
		avail := w.width - w.x - sp
		n, sum := 0, 0.0
		for n < len(gs) && sum+gs[n].w <= avail+eps {
			sum += gs[n].w
			n++
		}
		if n == 0 {
			if len(w.cur) > 0 {
				w.newline()
				sp = 0
				continue
			}
			n = 1
		}
		if n < len(gs) {
			if k := w.hyphenAt(gs, hy, n, avail); k > 0 {
				g := gs[k-1]
				g.r, g.w = '-', w.faces[g.st].runeAdvance('-', w.ts.pt)
				w.emit(group(append(gs[:k:k], g)), sp)
				gs, hy = gs[k:], hy[k:]
				sp = 0
				w.hyphen = true
				w.newline()
				continue
			}
			for k := n; k > n/2 && k > 1; k-- {
				if strings.ContainsRune(breakAfter, gs[k-1].r) {
					n = k
					break
				}
			}
		}
		w.emit(group(gs[:n]), sp)
		gs = gs[n:]
		if hy != nil {
			hy = hy[n:]
		}
		sp = 0
		if len(gs) > 0 {
			w.newline()
		}
	}
}

// hyphenAt is the last hyphenation point k ≤ n at which the glyphs before
// it and a hyphen fit in avail, or 0. A point that would leave most of
// the line empty is not taken: the line is then broken as before.
func (w *wrapper) hyphenAt(gs []glyph, hy []bool, n int, avail float64) int {
	if hy == nil {
		return 0
	}
	sum := 0.0
	for _, g := range gs[:n] {
		sum += g.w
	}
	for k := n; k > 1; k-- {
		sum -= gs[k-1].w
		if !hy[k-1] {
			continue
		}
		hw := w.faces[gs[k-2].st].runeAdvance('-', w.ts.pt)
		if sum+hw <= avail+eps {
			if sum+hw < 0.5*avail && avail > 0.5*w.width {
				return 0
			}
			return k - 1
		}
	}
	return 0
}

// group joins consecutive glyphs of the same font and link into pieces.
func group(gs []glyph) []piece {
	var ps []piece
	var b strings.Builder
	w := 0.0
	for i, g := range gs {
		b.WriteRune(g.r)
		w += g.w
		if i+1 == len(gs) || gs[i+1].st != g.st || gs[i+1].link != g.link {
			ps = append(ps, piece{text: b.String(), st: g.st, link: g.link, w: w})
			b.Reset()
			w = 0
		}
	}
	return ps
}
