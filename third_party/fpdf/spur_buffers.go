// spur: this file is spur's (see PATCHES.md). fpdf grows a buffer for
// each page's content and one for the document, from nothing, for every
// document: a batch of documents allocated each page's content twice over
// and the document's as often, most of the garbage of a build. Here the
// buffers are reused: a document takes them from pools and gives them back
// when Output has written it, after which fpdf's methods may not be
// called (Output's contract).

package fpdf

import (
	"bytes"
	"sync"
)

// maxPooledBuffer is the largest buffer given back: a document of
// unusual size does not keep its memory after it.
const maxPooledBuffer = 4 << 20

var (
	pageBuffers sync.Pool // *bytes.Buffer
	docBuffers  sync.Pool // *[]byte, empty, of some capacity
)

// newPageBuffer is an empty buffer for a page's content.
func newPageBuffer() *bytes.Buffer {
	if b, ok := pageBuffers.Get().(*bytes.Buffer); ok {
		return b
	}
	return new(bytes.Buffer)
}

// docBuffer is an empty buffer for a document.
func docBuffer() bytes.Buffer {
	if p, ok := docBuffers.Get().(*[]byte); ok {
		return *bytes.NewBuffer((*p)[:0])
	}
	return bytes.Buffer{}
}

// releaseBuffers gives the document's buffers back, once Output has
// written it: its pages' content, which putpages has written into the
// document, and the document's, which Output has drained.
func (f *Fpdf) releaseBuffers() {
	for i := 1; i < len(f.pages); i++ {
		if b := f.pages[i]; b != nil && b.Cap() <= maxPooledBuffer {
			b.Reset()
			pageBuffers.Put(b)
		}
		f.pages[i] = nil
	}
	if f.buffer.Len() == 0 && f.buffer.Cap() <= maxPooledBuffer {
		p := f.buffer.Bytes()[:0]
		f.buffer.Buffer = bytes.Buffer{}
		docBuffers.Put(&p)
	}
}
