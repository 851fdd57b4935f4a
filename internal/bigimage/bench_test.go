package bigimage

import (
	"image"
	"testing"

	"github.com/briefmap/briefmap/internal/cputime"
)

// BenchmarkFillUHD allocates a 3840×2160 image and fills it, with
// image.NewRGBA and with NewRGBA. Inside a benchmark the heap's memory is
// reused, so most of the page faults a one-shot process pays (the reason
// for this package) are not seen here: the whole-process figures in
// BENCHMARKS.md are the ones that count.
func BenchmarkFillUHD(b *testing.B) {
	r := image.Rect(0, 0, 3840, 2160)
	for _, tc := range []struct {
		name string
		new  func(image.Rectangle) *image.RGBA
	}{{"image.NewRGBA", image.NewRGBA}, {"bigimage.NewRGBA", NewRGBA}} {
		b.Run(tc.name, func(b *testing.B) {
			start := cputime.Used()
			for b.Loop() {
				img := tc.new(r)
				for i := range img.Pix {
					img.Pix[i] = 0xff
				}
			}
			cputime.Report(b, start)
		})
	}
}
