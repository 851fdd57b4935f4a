package slide

import (
	"fmt"
	"image"
	"image/png"
	"io"

	"github.com/briefmap/briefmap/internal/pngenc"
)

// Why a PNG writer of our own (internal/pngenc): image/png tries all five
// row filters on every row (about 40% of its encode time in a profile of
// the slide) and deflates on one core. pngenc chooses between Sub and Up
// per row and deflates horizontal bands on every core into one zlib
// stream with klauspost/compress's faster deflate, with the same bytes
// whatever the core count: the HD slide in 33 ms of CPU on one core
// against image/png's 69 ms, 29 ms of wall time on two, for a file 2%
// larger (506 kB against 497 kB; BenchmarkPNG, BENCHMARKS.md).

// pngCompression is the compression level Encode uses, chosen by measuring
// size against time (BenchmarkPNG): BestSpeed.
const pngCompression = png.BestSpeed

// Encode writes img as PNG at the compression level chosen by measuring
// size against time (BenchmarkPNG): png.BestSpeed. An *image.RGBA (every
// slide and map) is written by internal/pngenc on every core, as RGB when
// opaque; anything else by image/png. The same pixels give the same bytes.
// It returns w's error, with context.
func Encode(w io.Writer, img image.Image) error {
	var err error
	if rgba, ok := img.(*image.RGBA); ok {
		err = pngenc.Encoder{Level: pngCompression}.Encode(w, rgba)
	} else {
		err = (&png.Encoder{CompressionLevel: pngCompression}).Encode(w, img)
	}
	if err != nil {
		return fmt.Errorf("slide: encoding PNG: %w", err)
	}
	return nil
}
