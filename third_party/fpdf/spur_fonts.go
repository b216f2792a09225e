// spur: this file is spur's (see PATCHES.md). fpdf parses a UTF-8 font
// for every document that adds it (utf8FontFile.parseFile) and again when
// it writes the subset (GenerateCutFont); a batch of documents in one
// process parsed the same four faces thousands of times. Here a font is
// parsed once per process, and documents share the parsed tables read-only:
// each document has its own utf8FontFile (its reader position, its subset),
// whose maps and slices from the parse are never written to.

package fpdf

import (
	"bytes"
	"crypto/sha1"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"
)

// utf8FontShared is a UTF-8 font parsed once, shared by the documents that
// add the same bytes.
type utf8FontShared struct {
	data []byte        // the TrueType bytes, which the subsets are cut from
	dir  []byte        // a copy of their table directory, which names each table's checksum
	file *utf8FontFile // parseFile's result: metrics and widths (CharWidths)
	ids  sync.Map      // font key → generateFontID of the font under that key

	// widths holds generateCIDFontMap's /W entries (cachedWidths), at
	// most maxWidthEntries of them.
	widths       sync.Map // subset key → "/W [...]"
	widthEntries atomic.Int64

	widthRunes []int // the indices of CharWidths that may not be 0 (fastFontID)

	// The tables GenerateCutFont parses first, parsed at the first cut as
	// upstream does (a font that makes the cut's parser panic panics then,
	// in Output, and nothing is kept).
	mu      sync.Mutex
	cut     *utf8CutTables
	cutDone bool
	cmapPos int        // the cmap subtable the parse read
	pairs   []cmapPair // what it read, until the cut tables are made
}

// utf8CutTables are the tables GenerateCutFont parses before it cuts: the
// same for every subset of a font.
type utf8CutTables struct {
	locaFormat, metricsCount, numSymbols int
	tableDescriptions                    map[string]*tableDescription
	charSymbolDictionary                 map[int]int // rune → glyph (upstream's parse)
	runeGlyphs                           []cmapPair  // the same, sorted by rune (the shared font's)
	symbolPosition                       []int       // glyph → offset in glyf (loca)
}

type utf8FontKey struct {
	p *byte // the first byte of the caller's slice
	n int
}

// utf8Fonts is the cache, keyed by the address and length of the bytes a
// caller passes, which fpdf reads until Output and a caller must not change
// (as upstream: it cuts the subset from them). A hit is checked against a
// copy of the font's table directory, which holds each table's checksum,
// so that another font given in the same bytes is parsed anew. The cache
// holds at most maxSharedFonts fonts and maxSharedBytes bytes, and starts
// again when full.
var utf8Fonts struct {
	sync.RWMutex
	m     map[utf8FontKey]*utf8FontShared
	bytes int
}

const (
	maxSharedFonts = 32
	maxSharedBytes = 128 << 20
)

// sharedUTF8Font returns the font parsed from ttf: from the cache, or
// parsed and added to it. A font the parser rejects is not cached; one it
// panics on panics here too, as in upstream's AddUTF8FontFromBytes, and
// leaves the cache as it was.
func sharedUTF8Font(ttf []byte) (*utf8FontShared, error) {
	k := utf8FontKey{unsafe.SliceData(ttf), len(ttf)}
	utf8Fonts.RLock()
	s := utf8Fonts.m[k]
	utf8Fonts.RUnlock()
	if s != nil && s.same(ttf) {
		return s, nil
	}
	s, err := parseSharedUTF8Font(ttf)
	if err != nil {
		return nil, err
	}
	utf8Fonts.Lock()
	defer utf8Fonts.Unlock()
	if old := utf8Fonts.m[k]; old != nil && old.same(ttf) {
		return old, nil // parsed at the same time by another document
	}
	if old := utf8Fonts.m[k]; old != nil {
		utf8Fonts.bytes -= len(old.data)
	}
	if utf8Fonts.m == nil || len(utf8Fonts.m) >= maxSharedFonts || utf8Fonts.bytes+len(ttf) > maxSharedBytes {
		utf8Fonts.m = make(map[utf8FontKey]*utf8FontShared)
		utf8Fonts.bytes = 0
	}
	utf8Fonts.m[k] = s
	utf8Fonts.bytes += len(ttf)
	return s, nil
}

// same reports whether ttf, at the address and of the length s was parsed
// from, still has the table directory it had.
func (s *utf8FontShared) same(ttf []byte) bool {
	return len(ttf) == len(s.data) && bytes.Equal(ttf[:len(s.dir)], s.dir)
}

// tableDirectory is the start of a TrueType file: the header and a record
// (tag, checksum, offset, length) for each table.
func tableDirectory(ttf []byte) []byte {
	n := 12
	if len(ttf) >= 6 {
		n += 16 * int(binary.BigEndian.Uint16(ttf[4:]))
	}
	return ttf[:min(n, len(ttf))]
}

func parseSharedUTF8Font(ttf []byte) (*utf8FontShared, error) {
	file := newUTF8Font(&fileReader{array: ttf})
	pos, pairs, err := file.parseFileFast()
	if err != nil {
		return nil, err
	}
	return &utf8FontShared{data: ttf, dir: bytes.Clone(tableDirectory(ttf)), file: file, widthRunes: widthRunes(pairs),
		cmapPos: pos, pairs: pairs}, nil
}

// cutTables returns what upstream's GenerateCutFont parses before it cuts,
// nil for a font without a Unicode cmap, made once.
func (s *utf8FontShared) cutTables() *utf8CutTables {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.cutDone {
		s.cut = s.parseCutTables()
		s.cutDone = true
		s.pairs = nil
	}
	return s.cut
}

// parseCutTables is utf8FontFile.parseCutTables, with the cmap the parse
// read and without the widths at scale 1, which the cut does not use.
func (s *utf8FontShared) parseCutTables() *utf8CutTables {
	utf := newUTF8Font(&fileReader{array: s.data})
	utf.skip(4)
	utf.generateTableDescriptions()

	utf.SeekTable("head")
	utf.skip(50)
	LocaFormat := utf.readUint16()

	utf.SeekTable("hhea")
	utf.skip(34)
	metricsCount := utf.readUint16()

	utf.SeekTable("maxp")
	utf.skip(4)
	numSymbols := utf.readUint16()

	// generateCMAP
	pos := utf.unicodeCmapPosition()
	if pos == 0 {
		fmt.Printf("Font does not have cmap for Unicode\n")
		return nil
	}
	pairs := s.pairs
	if pos != s.cmapPos || pairs == nil {
		pairs = utf.cmapPairs(pos)
	}
	utf.parseLOCAFast(LocaFormat, numSymbols)

	return &utf8CutTables{
		locaFormat:        LocaFormat,
		metricsCount:      metricsCount,
		numSymbols:        numSymbols,
		tableDescriptions: utf.tableDescriptions,
		runeGlyphs:        runeGlyphs(pairs),
		symbolPosition:    utf.symbolPosition,
	}
}

// instance is a document's utf8FontFile of the font: the parse's metrics
// and widths, and a reader of its own. Its subset is cut with the shared
// tables (GenerateCutFont).
func (s *utf8FontShared) instance() *utf8FontFile {
	u := *s.file
	u.fileReader = &fileReader{array: s.data}
	u.tableDescriptions = nil
	u.outTablesData = nil
	u.symbolPosition = nil
	u.charSymbolDictionary = nil
	u.runeGlyphs = nil
	u.symbolData = nil
	u.CodeSymbolDictionary = nil
	u.LastRune = 0
	u.shared = s
	return &u
}

// fontID returns generateFontID(def) for def made of this font, the same
// string, computed once per font key.
func (s *utf8FontShared) fontID(def fontDefType) string {
	if id, ok := s.ids.Load(def.Name); ok {
		return id.(string)
	}
	var id string
	if len(def.Cw) > 0 && len(def.Cw) == len(s.file.CharWidths) && &def.Cw[0] == &s.file.CharWidths[0] {
		id = fastFontID(def, s.widthRunes)
	} else {
		id = fastFontID(def, nil)
	}
	s.ids.Store(def.Name, id)
	return id
}

// fastFontID is generateFontID without encoding/json's reflection over the
// 65,536 widths: the JSON of def with Cw null, and the widths written in
// its place, as encoding/json writes them. nonzero, if not nil, holds in
// increasing order every index of def.Cw whose width may not be 0 (the
// others are not read: most of the table's pages are never touched).
func fastFontID(def fontDefType, nonzero []int) string {
	if def.Cw == nil {
		id, _ := generateFontID(def)
		return id
	}
	cw := def.Cw
	def.Cw = nil
	def.File = ""
	b, err := json.Marshal(&def)
	const null = `,"Cw":null,`
	i := bytes.Index(b, []byte(null))
	if err != nil || i < 0 {
		def.Cw = cw
		id, _ := generateFontID(def)
		return id
	}
	h := sha1.New()
	h.Write(b[:i])
	var chunk [8192]byte
	buf := append(chunk[:0], `,"Cw":[`...)
	// Each width is written with a comma after it; the last comma goes.
	zeroes := func(n int) {
		for n > 0 {
			if len(buf) > len(chunk)-64 {
				h.Write(buf)
				buf = buf[:0]
			}
			k := min(n, (len(chunk)-len(buf))/2)
			buf = append(buf, zeros[:2*k]...)
			n -= k
		}
	}
	width := func(w int) {
		if len(buf) > len(chunk)-64 {
			h.Write(buf)
			buf = buf[:0]
		}
		buf = strconv.AppendInt(buf, int64(w), 10)
		buf = append(buf, ',')
	}
	next := 0
	if nonzero != nil {
		for _, j := range nonzero {
			zeroes(j - next)
			width(cw[j])
			next = j + 1
		}
	} else {
		for j, w := range cw {
			if w != 0 {
				zeroes(j - next)
				width(w)
				next = j + 1
			}
		}
	}
	zeroes(len(cw) - next)
	if len(cw) > 0 {
		buf = buf[:len(buf)-1]
	}
	buf = append(buf, "],"...)
	h.Write(buf)
	h.Write(b[i+len(null):])
	return fmt.Sprintf("%x", h.Sum(nil))
}

var zeros = strings.Repeat("0,", 4096)

// widthRunes returns, in increasing order, the indices of CharWidths that
// parseHMTXPairs may have set from pairs: 0 (the count) and the runes.
func widthRunes(pairs []cmapPair) []int {
	r := make([]int, 0, len(pairs)+1)
	r = append(r, 0)
	for _, p := range pairs {
		if c := int(p.char); c != 0 && c != 65535 && c < 256*256 {
			r = append(r, c)
		}
	}
	slices.Sort(r)
	return slices.Compact(r)
}

// parseFileFast is parseFile with parseTables' cmap read into a list
// instead of two maps: the same fields, the same values.
func (utf *utf8FontFile) parseFileFast() (cmapPos int, pairs []cmapPair, err error) {
	utf.fileReader.readerPosition = 0
	utf.symbolPosition = make([]int, 0)
	utf.charSymbolDictionary = make(map[int]int)
	utf.tableDescriptions = make(map[string]*tableDescription)
	utf.outTablesData = make(map[string][]byte)
	utf.Ascent = 0
	utf.Descent = 0
	codeType := uint32(utf.readUint32())
	if codeType == 0x4F54544F {
		return 0, nil, fmt.Errorf("not supported\n ")
	}
	if codeType == 0x74746366 {
		return 0, nil, fmt.Errorf("not supported\n ")
	}
	if codeType != 0x00010000 && codeType != 0x74727565 {
		return 0, nil, fmt.Errorf("not a TrueType font: codeType=%v\n ", codeType)
	}
	utf.generateTableDescriptions()

	// parseTables
	f := utf.parseNAMETable()
	utf.parseHEADTable()
	n := utf.parseHHEATable()
	w := utf.parseOS2Table()
	utf.parsePOSTTable(w)
	runeCMAPPosition := utf.parseCMAPTable(f)

	utf.SeekTable("maxp")
	utf.skip(4)
	numSymbols := utf.readUint16()

	pairs = utf.cmapPairs(runeCMAPPosition)
	scale := 1000.0 / float64(utf.fontElementSize)
	utf.parseHMTXPairs(n, numSymbols, pairs, scale)
	return runeCMAPPosition, pairs, nil
}

// cmapPair is one entry generateSCCSDictionaries records: rune → glyph.
type cmapPair struct{ char, symbol int32 }

// cmapPairs reads the cmap as generateSCCSDictionaries does, and returns
// its entries in the order that function stores them.
func (utf *utf8FontFile) cmapPairs(runeCmapPosition int) []cmapPair {
	utf.seek(runeCmapPosition + 2)
	size := utf.readUint16()
	rim := runeCmapPosition + size
	utf.skip(2)

	segmentSize := utf.readUint16() / 2
	utf.skip(6)
	completers := make([]int, 0, segmentSize)
	for range segmentSize {
		completers = append(completers, utf.readUint16())
	}
	utf.skip(2)
	beginners := make([]int, 0, segmentSize)
	for range segmentSize {
		beginners = append(beginners, utf.readUint16())
	}
	sizes := make([]int, 0, segmentSize)
	for range segmentSize {
		sizes = append(sizes, int(utf.readInt16()))
	}
	readerPositionStart := utf.fileReader.readerPosition
	positions := make([]int, 0, segmentSize)
	for range segmentSize {
		positions = append(positions, utf.readUint16())
	}
	count := 0
	for n := range segmentSize {
		count += max(0, completers[n]+1-beginners[n])
	}
	pairs := make([]cmapPair, 0, count)
	var symbol int
	for n := range segmentSize {
		completePosition := completers[n] + 1
		for char := beginners[n]; char < completePosition; char++ {
			if positions[n] == 0 {
				symbol = (char + sizes[n]) & 0xFFFF
			} else {
				position := (char-beginners[n])*2 + positions[n]
				position = int(readerPositionStart) + 2*n + position
				if position >= rim {
					symbol = 0
				} else {
					symbol = utf.getUint16(position)
					if symbol != 0 {
						symbol = (symbol + sizes[n]) & 0xFFFF
					}
				}
			}
			pairs = append(pairs, cmapPair{int32(char), int32(symbol)})
		}
	}
	return pairs
}

// runeGlyphs is generateSCCSDictionaries' charSymbolDictionary as a list
// sorted by rune: the last glyph recorded for each rune.
func runeGlyphs(pairs []cmapPair) []cmapPair {
	r := slices.Clone(pairs)
	slices.SortStableFunc(r, func(a, b cmapPair) int { return int(a.char) - int(b.char) })
	out := r[:0]
	for i, p := range r {
		if i+1 < len(r) && r[i+1].char == p.char {
			continue // a later entry for the same rune wins, as in the map
		}
		out = append(out, p)
	}
	return slices.Clip(out)
}

// glyphOf is charSymbolDictionary[char]: from the shared font's runeGlyphs
// when there are some, else from the map.
func (utf *utf8FontFile) glyphOf(char int) (int, bool) {
	if utf.runeGlyphs == nil {
		g, ok := utf.charSymbolDictionary[char]
		return g, ok
	}
	i, ok := slices.BinarySearchFunc(utf.runeGlyphs, char, func(p cmapPair, c int) int { return int(p.char) - c })
	if !ok {
		return 0, false
	}
	return int(utf.runeGlyphs[i].symbol), true
}

// parseHMTXPairs is parseHMTXTable given generateSCCSDictionaries' entries
// rather than its symbolCharDictionary map: the runes of each glyph are
// taken in the order that map's lists hold them.
func (utf *utf8FontFile) parseHMTXPairs(numberOfHMetrics, numSymbols int, pairs []cmapPair, scale float64) {
	bySymbol := slices.Clone(pairs)
	slices.SortStableFunc(bySymbol, func(a, b cmapPair) int { return int(a.symbol) - int(b.symbol) })
	k := 0
	// chars returns the runes of symbol, visiting symbols in increasing order.
	chars := func(symbol int) []cmapPair {
		for k < len(bySymbol) && int(bySymbol[k].symbol) < symbol {
			k++
		}
		j := k
		for j < len(bySymbol) && int(bySymbol[j].symbol) == symbol {
			j++
		}
		return bySymbol[k:j]
	}

	var widths int
	start := utf.SeekTable("hmtx")
	arrayWidths := 0
	utf.CharWidths = make([]int, 256*256)
	charCount := 0
	// The advance widths, which parseHMTXTable reads as
	// unpackUint16Array(hmtx)[symbol*2+1].
	hmtx := utf.getRange(start, numberOfHMetrics*4)
	for symbol := range numberOfHMetrics {
		arrayWidths = int(binary.BigEndian.Uint16(hmtx[symbol*4:]))
		cs := chars(symbol)
		if len(cs) > 0 || symbol == 0 {

			if arrayWidths >= (1 << 15) {
				arrayWidths = 0
			}
			if symbol == 0 {
				utf.DefaultWidth = scale * float64(arrayWidths)
				continue
			}
			for _, p := range cs {
				char := int(p.char)
				if char != 0 && char != 65535 {
					widths = int(math.Round(scale * float64(arrayWidths)))
					if widths == 0 {
						widths = 65535
					}
					if char < 196608 {
						utf.CharWidths[char] = widths
						charCount++
					}
				}
			}
		}
	}
	diff := numSymbols - numberOfHMetrics
	for pos := range diff {
		symbol := pos + numberOfHMetrics
		for _, p := range chars(symbol) {
			char := int(p.char)
			if char != 0 && char != 65535 {
				widths = int(math.Round(scale * float64(arrayWidths)))
				if widths == 0 {
					widths = 65535
				}
				if char < 196608 {
					utf.CharWidths[char] = widths
					charCount++
				}
			}
		}
	}
	utf.CharWidths[0] = charCount
}

// unicodeCmapPosition is where generateCMAP finds the cmap subtable it
// reads: the first Unicode one of format 4; 0 if there is none.
func (utf *utf8FontFile) unicodeCmapPosition() int {
	cmapPosition := utf.SeekTable("cmap")
	utf.skip(2)
	cmapTableCount := utf.readUint16()
	for range cmapTableCount {
		system := utf.readUint16()
		coder := utf.readUint16()
		position := utf.readUint32()
		oldPosition := utf.fileReader.readerPosition
		if (system == 3 && coder == 1) || system == 0 {
			format := utf.getUint16(cmapPosition + position)
			if format == 4 {
				return cmapPosition + position
			}
		}
		utf.seek(int(oldPosition))
	}
	return 0
}

// parseLOCAFast is parseLOCATable without unpackUint16Array and
// unpackUint32Array: the same positions.
func (utf *utf8FontFile) parseLOCAFast(format, numSymbols int) {
	start := utf.SeekTable("loca")
	utf.symbolPosition = make([]int, 0, numSymbols+1)
	if format == 0 {
		data := utf.getRange(start, (numSymbols*2)+2)
		for n := 0; n <= numSymbols; n++ {
			utf.symbolPosition = append(utf.symbolPosition, int(binary.BigEndian.Uint16(data[2*n:]))*2)
		}
	} else if format == 1 {
		data := utf.getRange(start, (numSymbols*4)+4)
		for n := 0; n <= numSymbols; n++ {
			utf.symbolPosition = append(utf.symbolPosition, int(binary.BigEndian.Uint32(data[4*n:])))
		}
	} else {
		fmt.Printf("Unknown loca table format %d\n", format)
		return
	}
}

// maxWidthEntries bounds the /W entries kept per font: a batch of
// documents in one language needs a handful.
const maxWidthEntries = 1024

// cachedWidths returns generateCIDFontMap's /W entry for font's subset,
// made once per shared font and subset: the entry depends only on the
// font's widths, which documents of a shared font share read-only, on
// lastRune, and on which runes above 255 the subset holds (upstream lists
// every rune up to 255 that has a width, whatever the subset). It reports
// false for a font that is not shared; the caller then makes the entry.
func cachedWidths(font *fontDefType, lastRune int) (string, bool) {
	u := font.utf8File
	if u == nil || u.shared == nil {
		return "", false
	}
	s := u.shared
	cw := s.file.CharWidths
	if len(font.Cw) == 0 || len(font.Cw) != len(cw) || &font.Cw[0] != &cw[0] || lastRune >= len(cw) {
		return "", false
	}
	var above []int
	for r, n := range font.usedRunes {
		if r > 255 && r <= lastRune && n != 0 && cw[r] != 0 {
			above = append(above, r)
		}
	}
	slices.Sort(above)
	key := make([]byte, 0, 8+6*len(above))
	key = strconv.AppendInt(key, int64(lastRune), 10)
	for _, r := range above {
		key = append(key, ',')
		key = strconv.AppendInt(key, int64(r), 10)
	}
	if w, ok := s.widths.Load(string(key)); ok {
		return w.(string), true
	}
	w := cidFontWidths(font, lastRune)
	if s.widthEntries.Add(1) <= maxWidthEntries {
		s.widths.Store(string(key), w)
	}
	return w, true
}

// assembleTablesFast is upstream's assembleTables (the font file of a
// subset: the table directory, each table padded to four bytes, and the
// checksum adjustment in head) written into one slice of the final size,
// with the tables' checksums summed as 32-bit words, which upstream's
// two 16-bit halves with a carry are. The checksum adjustment is
// upstream's calcInt32, as it is.
func (utf *utf8FontFile) assembleTablesFast() []byte {
	names := make([]string, 0, len(utf.outTablesData))
	size := 0
	for name, t := range utf.outTablesData {
		names = append(names, name)
		size += (len(t) + 3) &^ 3
	}
	slices.Sort(names)
	n := len(names)
	findSize, writer := 1, 0
	for findSize*2 <= n {
		findSize *= 2
		writer++
	}
	findSize *= 16
	size += 12 + n*16
	out := make([]byte, size)
	binary.BigEndian.PutUint32(out, 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	binary.BigEndian.PutUint16(out[6:], uint16(findSize))
	binary.BigEndian.PutUint16(out[8:], uint16(writer))
	binary.BigEndian.PutUint16(out[10:], uint16(n*16-findSize))
	// Without a head table, upstream writes the adjustment at 8, as here.
	offset, head := 12+n*16, 0
	for i, name := range names {
		t := utf.outTablesData[name]
		if name == "head" {
			head = offset
		}
		rec := out[12+16*i:]
		copy(rec[:4], name) // the tags cutFont sets are four bytes
		binary.BigEndian.PutUint32(rec[4:], tableChecksum(t))
		binary.BigEndian.PutUint32(rec[8:], uint32(offset))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(t)))
		copy(out[offset:], t)
		offset += (len(t) + 3) &^ 3
	}
	sum := tableChecksum(out)
	adj := utf.calcInt32([]int{0xB1B0, 0xAFBA}, []int{int(sum >> 16), int(sum & 0xffff)})
	binary.BigEndian.PutUint16(out[head+8:], uint16(adj[0]))
	binary.BigEndian.PutUint16(out[head+10:], uint16(adj[1]))
	return out
}

// tableChecksum is a TrueType table's checksum: the sum of its big-endian
// 32-bit words, the last padded with zeros.
func tableChecksum(t []byte) uint32 {
	var sum uint32
	for len(t) >= 4 {
		sum += binary.BigEndian.Uint32(t)
		t = t[4:]
	}
	if len(t) > 0 {
		var last [4]byte
		copy(last[:], t)
		sum += binary.BigEndian.Uint32(last[:])
	}
	return sum
}

// utf8Subset is what putfonts writes of a UTF-8 font's subset but the
// object numbers: the same for the same font, name and used runes.
type utf8Subset struct {
	tag       string // the subset tag, "FGYSQX"
	lastRune  int    // the highest rune the subset holds (generateCIDFontMap)
	toUnicode []byte // the ToUnicode CMap
	cidToGID  []byte // the CIDToGIDMap, deflated
	font      []byte // the subset's font file, deflated
	length1   int    // the font file's length before deflating
	cidSet    []byte // the CIDSet, deflated
}

// makeUTF8Subset is upstream's putfonts for a UTF-8 font, up to the
// objects it writes (with spur's CIDSet, ToUnicode and CIDToGIDMap): it
// cuts the subset of usedRunes from the font and deflates its streams.
func makeUTF8Subset(font *fontDefType, fontName string, usedRunes map[int]int) *utf8Subset {
	utf8FontStream := font.utf8File.GenerateCutFont(usedRunes)
	CodeSignDictionary := font.utf8File.CodeSymbolDictionary
	delete(CodeSignDictionary, 0)
	sub := &utf8Subset{lastRune: font.utf8File.LastRune, length1: len(utf8FontStream)}
	var cidSet []byte
	cidSet, sub.tag = subsetCIDs(fontName, CodeSignDictionary)
	sub.toUnicode = subsetToUnicode(CodeSignDictionary)
	// spur: as long as the highest CID the subset holds, not all 65,536:
	// content uses no CID above it. Upstream allocated and deflated 128 KB
	// per font and document.
	cids := 1
	for cc := range CodeSignDictionary {
		cids = max(cids, cc+1)
	}
	cidToGidMap := make([]byte, cids*2)
	for cc, glyph := range CodeSignDictionary {
		cidToGidMap[cc*2] = byte(glyph >> 8)
		cidToGidMap[cc*2+1] = byte(glyph & 0xFF)
	}
	deflate := func(b []byte) []byte {
		mem := xmem.compress(b)
		defer mem.release()
		return bytes.Clone(mem.bytes())
	}
	sub.cidToGID = deflate(cidToGidMap)
	sub.font = deflate(utf8FontStream)
	sub.cidSet = deflate(cidSet)
	return sub
}

// maxSubsets bounds the subsets kept: a build's documents in one language
// share many (29 % of a build of 200 hit the 128 last used), at some 20 KB
// each.
const maxSubsets = 128

// subsets holds the subsets last used, keyed by font, name and runes.
var subsets struct {
	sync.Mutex
	m    map[string]*subsetEntry
	head subsetEntry // of a ring, the most recently used first
}

type subsetEntry struct {
	key        string
	shared     *utf8FontShared // held, so that its address names it while the entry lives
	sub        *utf8Subset
	prev, next *subsetEntry
}

// utf8SubsetOf returns the subset of usedRunes of a shared font, from the
// cache or made and kept; a font parsed for one document is cut anew.
// The subset is read-only.
func utf8SubsetOf(font *fontDefType, fontName string, usedRunes map[int]int) *utf8Subset {
	u := font.utf8File
	if u == nil || u.shared == nil {
		return makeUTF8Subset(font, fontName, usedRunes)
	}
	// The key holds the map whole: each rune, and its value where that is
	// not the rune (makeSubsetRange's first runes map to 0 until drawn).
	runes := make([]int, 0, len(usedRunes))
	for r := range usedRunes {
		runes = append(runes, r)
	}
	slices.Sort(runes)
	key := make([]byte, 0, 16+len(fontName)+3*len(runes))
	key = strconv.AppendUint(key, uint64(uintptr(unsafe.Pointer(u.shared))), 16)
	key = append(key, ' ')
	key = append(key, fontName...)
	for _, r := range runes {
		key = append(key, ' ')
		key = strconv.AppendInt(key, int64(r), 36)
		if v := usedRunes[r]; v != r {
			key = append(key, '=')
			key = strconv.AppendInt(key, int64(v), 36)
		}
	}
	subsets.Lock()
	if e := subsets.m[string(key)]; e != nil && e.shared == u.shared {
		e.unlink()
		subsets.head.push(e)
		subsets.Unlock()
		return e.sub
	}
	subsets.Unlock()
	sub := makeUTF8Subset(font, fontName, usedRunes)
	subsets.Lock()
	defer subsets.Unlock()
	if subsets.m == nil {
		subsets.m = map[string]*subsetEntry{}
		subsets.head.prev, subsets.head.next = &subsets.head, &subsets.head
	}
	if e := subsets.m[string(key)]; e != nil && e.shared == u.shared {
		return e.sub // made at the same time by another document
	} else if e != nil {
		e.unlink()
		delete(subsets.m, e.key)
	}
	e := &subsetEntry{key: string(key), shared: u.shared, sub: sub}
	subsets.m[e.key] = e
	subsets.head.push(e)
	if len(subsets.m) > maxSubsets {
		last := subsets.head.prev
		last.unlink()
		delete(subsets.m, last.key)
	}
	return sub
}

func (h *subsetEntry) push(e *subsetEntry) {
	e.prev, e.next = h, h.next
	h.next.prev = e
	h.next = e
}

func (e *subsetEntry) unlink() {
	e.prev.next, e.next.prev = e.next, e.prev
	e.prev, e.next = nil, nil
}
