// Package pngenc writes *image.RGBA images as PNG on every core: the rows
// are cut into horizontal bands whose size depends only on the image's
// width, each band is filtered and deflated on its own, and the bands are
// joined into ONE valid zlib stream. Every band but the last ends in a
// sync flush (an empty stored block, so the next band starts on a byte
// boundary), the last with the final block; the stream's Adler-32 is the
// bands' Adler-32s combined with zlib's combine formula.
//
// The output is deterministic: the same pixels, level and BandRows give
// the same bytes whatever GOMAXPROCS or Workers is, because band
// boundaries never depend on the number of cores. No ancillary chunk (no
// time, no text) is written.
//
// Rows are filtered with Sub or Up, chosen per row by the smaller sum of
// absolute (signed) bytes, as libpng's heuristic does over its filters:
// on slides and maps (flat colour and text) that gives files as small as
// image/png's five-filter search for about a quarter of its CPU time.
package pngenc

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"image"
	"image/png"
	"io"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/klauspost/compress/flate"
)

// bandBytes is the target size of one band's filtered rows: large enough
// that restarting the compressor costs little (under 1% of the HD slide's
// size), small enough that an HD image gives a dozen bands to share out.
const bandBytes = 512 << 10

// Encoder writes PNGs. Its zero value deflates at zlib's default level
// with one worker per core.
type Encoder struct {
	// Level is the compression level, as image/png spells it (the zero
	// value is png.DefaultCompression).
	Level png.CompressionLevel
	// BandRows is the number of rows per band; 0 chooses about 512 KiB
	// of filtered rows, from the image's width alone.
	BandRows int
	// Workers is the number of bands compressed at once; 0 means
	// GOMAXPROCS. It changes the speed, never the bytes.
	Workers int
}

// Encode writes img as an 8-bit PNG: truecolour (RGB) when img is opaque,
// truecolour with alpha (non-premultiplied, as image/png writes it)
// otherwise. It returns an error for an empty image or when w fails; it
// does not change img, which must not change while Encode runs.
func (e Encoder) Encode(w io.Writer, img *image.RGBA) error {
	b := img.Bounds()
	if b.Dx() <= 0 || b.Dy() <= 0 || b.Dx() > 1<<30 || b.Dy() > 1<<30 {
		return fmt.Errorf("pngenc: invalid image size %dx%d", b.Dx(), b.Dy())
	}
	level, err := flateLevel(e.Level)
	if err != nil {
		return err
	}
	bpp := 3
	if !opaque(img) {
		bpp = 4
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if _, err := bw.WriteString("\x89PNG\r\n\x1a\n"); err != nil {
		return fmt.Errorf("pngenc: %w", err)
	}
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(b.Dx()))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(b.Dy()))
	ihdr[8], ihdr[9] = 8, 2 // 8 bits, truecolour; compression, filter, interlace 0
	if bpp == 4 {
		ihdr[9] = 6 // truecolour with alpha
	}
	if err := writeChunk(bw, "IHDR", ihdr[:]); err != nil {
		return fmt.Errorf("pngenc: %w", err)
	}
	idat := &chunkWriter{w: bw, kind: "IDAT"}
	if err := e.writeZlib(idat, img, bpp, level); err != nil {
		return err
	}
	if err := idat.flush(); err != nil {
		return fmt.Errorf("pngenc: %w", err)
	}
	if err := writeChunk(bw, "IEND", nil); err != nil {
		return fmt.Errorf("pngenc: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("pngenc: %w", err)
	}
	return nil
}

// Encode writes img with the zero Encoder's settings but at level.
func Encode(w io.Writer, img *image.RGBA, level png.CompressionLevel) error {
	return Encoder{Level: level}.Encode(w, img)
}

// flateLevel maps image/png's levels to compress/flate's.
func flateLevel(l png.CompressionLevel) (int, error) {
	switch l {
	case png.DefaultCompression:
		return flate.DefaultCompression, nil
	case png.NoCompression:
		return flate.NoCompression, nil
	case png.BestSpeed:
		return flate.BestSpeed, nil
	case png.BestCompression:
		return flate.BestCompression, nil
	}
	return 0, fmt.Errorf("pngenc: unknown compression level %d", l)
}

// band is one band's result: its deflate bytes, the Adler-32 and length
// of its filtered rows. done is closed when the band is ready.
type band struct {
	out   []byte
	adler uint32
	n     int
	err   error
	done  chan struct{}
}

// writeZlib writes the zlib stream of img's filtered rows to w: the
// header, the bands' deflate data in order, the combined Adler-32.
func (e Encoder) writeZlib(w io.Writer, img *image.RGBA, bpp, level int) error {
	height := img.Rect.Dy()
	rows := e.BandRows
	if rows <= 0 {
		rows = max(1, bandBytes/(1+bpp*img.Rect.Dx()))
	}
	bands := make([]band, (height+rows-1)/rows)
	for i := range bands {
		bands[i].done = make(chan struct{})
	}
	workers := e.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	coders := make([]*bandCoder, min(workers, len(bands)))
	for i := range coders {
		c, err := newBandCoder(img.Rect.Dx(), bpp, level)
		if err != nil {
			return err
		}
		coders[i] = c
	}
	var next atomic.Int64
	var stop atomic.Bool
	var wg sync.WaitGroup
	// Buffers of written bands go back to the workers: fewer fresh pages
	// to fault in (dear on a VM) than one new buffer a band.
	free := make(chan []byte, len(bands))
	for _, c := range coders {
		c.free = free
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !stop.Load() {
				i := int(next.Add(1) - 1)
				if i >= len(bands) {
					return
				}
				y0 := i * rows
				bd := &bands[i]
				bd.out, bd.adler, bd.n, bd.err = c.encode(img, y0, min(y0+rows, height), i == len(bands)-1)
				close(bd.done)
			}
		}()
	}
	err := writeBands(w, bands, level, free)
	if err != nil {
		stop.Store(true)
	}
	wg.Wait()
	return err
}

// writeBands writes the zlib header, each band's deflate data as it
// becomes ready, and the Adler-32 of the whole, combined from the bands'.
func writeBands(w io.Writer, bands []band, level int, free chan<- []byte) error {
	if _, err := w.Write(zlibHeader(level)); err != nil {
		return fmt.Errorf("pngenc: %w", err)
	}
	sum := uint32(1) // the Adler-32 of nothing
	for i := range bands {
		bd := &bands[i]
		<-bd.done
		if bd.err != nil {
			return bd.err
		}
		if _, err := w.Write(bd.out); err != nil {
			return fmt.Errorf("pngenc: %w", err)
		}
		free <- bd.out[:0] // never blocks: room for every band
		bd.out = nil
		sum = adler32Combine(sum, bd.adler, bd.n)
	}
	var tail [4]byte
	binary.BigEndian.PutUint32(tail[:], sum)
	if _, err := w.Write(tail[:]); err != nil {
		return fmt.Errorf("pngenc: %w", err)
	}
	return nil
}

// zlibHeader returns the two zlib header bytes compress/zlib writes at
// level: deflate with a 32 KiB window, the level hint, no dictionary.
func zlibHeader(level int) []byte {
	h := []byte{0x78, 0}
	switch level {
	case flate.HuffmanOnly, flate.NoCompression, flate.BestSpeed:
		h[1] = 0 << 6
	case 2, 3, 4, 5:
		h[1] = 1 << 6
	case 6, flate.DefaultCompression:
		h[1] = 2 << 6
	default:
		h[1] = 3 << 6
	}
	h[1] += uint8(31 - (uint16(h[0])<<8+uint16(h[1]))%31)
	return h
}

// blockSlack is the bytes sub and up hold beyond a filtered row: the spare
// byte filterRGB writes the last pixel's alpha difference into, and the 4
// bytes filterRGBBlocks writes beyond its last block.
const blockSlack = 4

// bandCoder filters and deflates bands; one per worker, reused.
type bandCoder struct {
	bpp       int
	zw        *flate.Writer
	sink      sliceWriter
	free      <-chan []byte // buffers of bands already written, to reuse
	prev, cur []byte        // non-premultiplied rows above and at y (bpp 4 only)
	sub, up   []byte        // row y filtered with Sub and with Up (filter byte first), and blockSlack spare bytes
	blocks    bool          // filterRGB has filterRGBBlocks do four pixels at a time (SSSE3)
	black     []byte        // opaque black RGBA pixels: the row above the first, as PNG filters see it
}

// newBandCoder returns a coder for rows width pixels wide at bpp bytes a
// pixel, deflating at level (a compress/flate level).
func newBandCoder(width, bpp, level int) (*bandCoder, error) {
	n := 1 + bpp*width
	c := &bandCoder{bpp: bpp, sub: make([]byte, n+blockSlack), up: make([]byte, n+blockSlack), blocks: hasSSSE3(), black: make([]byte, 4*width)}
	for i := 3; i < len(c.black); i += 4 {
		c.black[i] = 0xff
	}
	if bpp == 4 {
		c.prev, c.cur = make([]byte, n), make([]byte, n)
	}
	zw, err := flate.NewWriter(&c.sink, level)
	if err != nil {
		return nil, fmt.Errorf("pngenc: %w", err)
	}
	c.zw = zw
	return c, nil
}

// encode filters and deflates rows y0 (inclusive) to y1 (exclusive) of
// img, rows counted from img.Rect.Min.Y. It returns the deflate data (a
// sync flush at its end, or the final block when last), the Adler-32 and
// the length of the filtered bytes.
func (c *bandCoder) encode(img *image.RGBA, y0, y1 int, last bool) ([]byte, uint32, int, error) {
	select {
	case b := <-c.free:
		c.sink.b = b
	default:
		c.sink.b = make([]byte, 0, bandBytes/4) // slides and maps deflate to well under a quarter
	}
	c.zw.Reset(&c.sink)
	sum := uint32(1) // the Adler-32 of nothing
	if c.bpp == 4 {
		clear(c.prev)
		if y0 > 0 {
			nrgba(c.prev[1:], pixRow(img, y0-1))
		}
	}
	n := 0
	for y := y0; y < y1; y++ {
		var out []byte
		if c.bpp == 3 {
			above := c.black
			if y > 0 {
				above = pixRow(img, y-1)
			}
			out = c.filterRGB(pixRow(img, y), above)
		} else {
			nrgba(c.cur[1:], pixRow(img, y))
			out = c.filterRGBA()
			c.prev, c.cur = c.cur, c.prev
		}
		sum = adler32Update(sum, out, c.blocks)
		n += len(out)
		if _, err := c.zw.Write(out); err != nil {
			return nil, 0, 0, fmt.Errorf("pngenc: deflate: %w", err)
		}
	}
	var err error
	if last {
		err = c.zw.Close()
	} else {
		err = c.zw.Flush()
	}
	if err != nil {
		return nil, 0, 0, fmt.Errorf("pngenc: deflate: %w", err)
	}
	return c.sink.b, sum, n, nil
}

// pixRow returns row y of img (from img.Rect.Min.Y): 4 bytes a pixel.
func pixRow(img *image.RGBA, y int) []byte {
	off := img.PixOffset(img.Rect.Min.X, img.Rect.Min.Y+y)
	return img.Pix[off : off+4*img.Rect.Dx()]
}

// opaque reports whether every pixel of img has alpha 0xff, as
// img.Opaque does, eight bytes at a time (one AND a word, one test a row):
// image.RGBA's test a pixel took a seventieth of a render's CPU.
func opaque(img *image.RGBA) bool {
	const alphas = 0xff000000ff000000
	for y := range img.Rect.Dy() {
		row := pixRow(img, y)
		acc := uint64(alphas)
		x := 0
		for ; x+8 <= len(row); x += 8 {
			acc &= binary.LittleEndian.Uint64(row[x:])
		}
		if x < len(row) { // an odd pixel at the end
			acc &= uint64(binary.LittleEndian.Uint32(row[x:])) | 0xff00000000000000
		}
		if acc&alphas != alphas {
			return false
		}
	}
	return true
}

// sliceWriter appends what is written to b.
type sliceWriter struct{ b []byte }

func (s *sliceWriter) Write(p []byte) (int, error) {
	s.b = append(s.b, p...)
	return len(p), nil
}
