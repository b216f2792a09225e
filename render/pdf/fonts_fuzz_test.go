package pdf

import (
	"testing"

	"github.com/go-fonts/liberation/liberationsansregular"
)

// FuzzNewFonts: a house font is an untrusted file. Whatever its bytes,
// NewFonts returns a family or an error, never a panic or a hang.
func FuzzNewFonts(f *testing.F) {
	ttf := liberationsansregular.TTF
	f.Add(ttf[:12])
	f.Add(ttf[:4096])
	f.Add(append([]byte("OTTO"), ttf[4:64]...))
	f.Fuzz(func(t *testing.T, head []byte) {
		// The fuzzer's bytes replace the start of a real font, where the
		// table directory and the first tables are.
		b := append(append([]byte(nil), head...), ttf[min(len(head), len(ttf)):]...)
		fs, err := NewFonts(b, b, b, nil)
		if err == nil && fs == nil {
			t.Fatal("no family and no error")
		}
	})
}
