package pngenc

import (
	"bytes"
	"image/png"
	"testing"

	"github.com/briefmap/briefmap/internal/cputime"
)

// BenchmarkEncode compares this package, on every core and on one, with
// image/png at BestSpeed on a 1920×1080 map-like image: time, CPU time
// (cpu-ns/op, which says more on a shared machine) and file size.
func BenchmarkEncode(b *testing.B) {
	img := mapLike(1920, 1080, 1)
	for _, tc := range []struct {
		name   string
		encode func(buf *bytes.Buffer) error
	}{
		{"imagepng", func(buf *bytes.Buffer) error {
			return (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(buf, img)
		}},
		{"pngenc-1worker", func(buf *bytes.Buffer) error {
			return Encoder{Level: png.BestSpeed, Workers: 1}.Encode(buf, img)
		}},
		{"pngenc", func(buf *bytes.Buffer) error { return Encoder{Level: png.BestSpeed}.Encode(buf, img) }},
	} {
		b.Run(tc.name, func(b *testing.B) {
			var buf bytes.Buffer
			b.ReportAllocs()
			start := cputime.Used()
			for b.Loop() {
				buf.Reset()
				if err := tc.encode(&buf); err != nil {
					b.Fatal(err)
				}
			}
			cputime.Report(b, start)
			b.ReportMetric(float64(buf.Len()), "bytes/file")
		})
	}
}

// BenchmarkFilterRGB is the row filter alone, over every row of a
// 1920×1080 map-like image.
func BenchmarkFilterRGB(b *testing.B) {
	img := mapLike(1920, 1080, 1)
	benchWays(b, func(b *testing.B, blocks bool) {
		c, err := newBandCoder(1920, 3, 1)
		if err != nil {
			b.Fatal(err)
		}
		c.blocks = blocks
		start := cputime.Used()
		for b.Loop() {
			for y := 1; y < 1080; y++ {
				c.filterRGB(pixRow(img, y), pixRow(img, y-1))
			}
		}
		cputime.Report(b, start)
	})
}

// BenchmarkAdler32: the sums of a 1080p image's filtered rows (6.2 MB), in
// Go and with SSE.
func BenchmarkAdler32(b *testing.B) {
	data := mapLike(1920, 1080, 1).Pix[:6_220_800]
	benchWays(b, func(b *testing.B, simd bool) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			adler32Update(1, data, simd)
		}
	})
}

// benchWays runs bench as the sub-benchmark "go" (simd false) and, where
// the CPU has SSSE3, "ssse3" (simd true).
func benchWays(b *testing.B, bench func(b *testing.B, simd bool)) {
	for _, simd := range simdWays() {
		name := "go"
		if simd {
			name = "ssse3"
		}
		b.Run(name, func(b *testing.B) { bench(b, simd) })
	}
}

// simdWays returns the ways this CPU runs the SSE routines: false (in Go)
// and, where it has SSSE3, true.
func simdWays() []bool {
	if hasSSSE3() {
		return []bool{false, true}
	}
	return []bool{false}
}
