// Package goldenimage compares rendered images with golden PNG files in a
// package's testdata/, with a tolerance: a rasteriser's rounding passes, a
// moved label or a changed colour fails. Tests regenerate the files with
// their package's -update flag.
package goldenimage

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// Tolerance says how different an image may be from its golden: at most
// MaxFraction of the pixels may differ by more than Level (0–255) in a
// colour or alpha channel.
type Tolerance struct {
	Level       uint8
	MaxFraction float64
}

// Differing returns how many pixels of got differ from want by more than
// level in any channel. ok is false when the sizes differ.
func Differing(got, want image.Image, level uint8) (n int, ok bool) {
	gb, wb := got.Bounds(), want.Bounds()
	if gb.Size() != wb.Size() {
		return 0, false
	}
	lim := uint32(level) << 8
	for y := 0; y < gb.Dy(); y++ {
		for x := 0; x < gb.Dx(); x++ {
			r1, g1, b1, a1 := got.At(gb.Min.X+x, gb.Min.Y+y).RGBA()
			r2, g2, b2, a2 := want.At(wb.Min.X+x, wb.Min.Y+y).RGBA()
			if absDiff(r1, r2) > lim || absDiff(g1, g2) > lim || absDiff(b1, b2) > lim || absDiff(a1, a2) > lim {
				n++
			}
		}
	}
	return n, true
}

// Check compares img with the PNG at path. With update it writes img there
// instead (creating the folder). On a mismatch the test fails and img is
// written beside the temporary folder's other files, named in the message,
// so it can be looked at.
func Check(t testing.TB, path string, img image.Image, update bool, tol Tolerance) {
	t.Helper()
	if update {
		var buf bytes.Buffer
		if err := png.Encode(&buf, img); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("golden %v (regenerate with -update)", err)
	}
	want, err := png.Decode(f)
	f.Close()
	if err != nil {
		t.Fatalf("golden %s: %v", path, err)
	}
	n, ok := Differing(img, want, tol.Level)
	b := img.Bounds()
	limit := int(tol.MaxFraction * float64(b.Dx()*b.Dy()))
	if ok && n <= limit {
		return
	}
	got := filepath.Join(os.TempDir(), "briefmap-got-"+filepath.Base(path))
	var buf bytes.Buffer
	if png.Encode(&buf, img) == nil {
		os.WriteFile(got, buf.Bytes(), 0o644)
	}
	what := fmt.Sprintf("%d pixels differ by more than %d (limit %d)", n, tol.Level, limit)
	if !ok {
		what = fmt.Sprintf("size %v, golden %v", b.Size(), want.Bounds().Size())
	}
	t.Errorf("%s: %s; got %s (regenerate with -update if the change is wanted)", path, what, got)
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}
