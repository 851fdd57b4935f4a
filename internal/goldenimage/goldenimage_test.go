package goldenimage

import (
	"image"
	"image/color"
	"path/filepath"
	"testing"
)

func TestDiffering(t *testing.T) {
	a := image.NewRGBA(image.Rect(0, 0, 10, 10))
	b := image.NewRGBA(image.Rect(5, 5, 15, 15)) // same size, other origin
	b.Set(7, 7, color.RGBA{20, 0, 0, 0})
	b.Set(8, 8, color.RGBA{9, 0, 0, 0})
	if n, ok := Differing(a, b, 10); !ok || n != 1 {
		t.Errorf("Differing = %d, %v; want 1 pixel", n, ok)
	}
	if _, ok := Differing(a, image.NewRGBA(image.Rect(0, 0, 9, 10)), 10); ok {
		t.Error("images of different sizes compare ok")
	}
}

// TestCheck writes a golden, accepts a close image and rejects a far one
// (recorded by a fake testing.TB).
func TestCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "g.png")
	img := image.NewRGBA(image.Rect(0, 0, 20, 20))
	Check(t, path, img, true, Tolerance{})
	Check(t, path, img, false, Tolerance{Level: 0, MaxFraction: 0})
	far := image.NewRGBA(img.Rect)
	for i := range far.Pix {
		far.Pix[i] = 0xff
	}
	rec := &recorder{TB: t}
	Check(rec, path, far, false, Tolerance{Level: 16, MaxFraction: 0.1})
	if !rec.failed {
		t.Error("an all-white image passed against an all-black golden")
	}
}

type recorder struct {
	testing.TB
	failed bool
}

func (r *recorder) Errorf(string, ...any) { r.failed = true }
func (r *recorder) Helper()               {}
