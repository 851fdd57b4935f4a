package slide

import (
	"bufio"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/png"
	"io"
)

// Why a PNG writer of our own: image/png tries all five row filters on
// every row (about 40% of its encode time in a profile of the slide).
// Slides are flat colour and text, for which the Sub and Up filters do as
// well: choosing between those two per row (smallest sum of absolute
// bytes, as libpng's heuristic does) gives slightly smaller files (437 kB
// against 440 kB for the HD slide at BestSpeed) for about a quarter less
// CPU time (BenchmarkPNG: 41-49 ms against 61-66 ms, 2-core VM).

// encodeRGB writes an opaque img as an 8-bit RGB PNG with per-row Sub or
// Up filtering, deflated at level (a compress/flate level). It writes no
// ancillary chunks (no time, no text): the same pixels give the same bytes.
func encodeRGB(w io.Writer, img *image.RGBA, level int) error {
	b := img.Bounds()
	width, height := b.Dx(), b.Dy()
	bw := bufio.NewWriterSize(w, 64<<10)
	if _, err := bw.WriteString("\x89PNG\r\n\x1a\n"); err != nil {
		return err
	}
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(width))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(height))
	ihdr[8], ihdr[9] = 8, 2 // 8 bits, truecolour; compression, filter, interlace 0
	if err := writeChunk(bw, "IHDR", ihdr[:]); err != nil {
		return err
	}
	idat := &chunkWriter{w: bw, kind: "IDAT"}
	zw, err := zlib.NewWriterLevel(idat, level)
	if err != nil {
		return err
	}
	n := 1 + 3*width
	prev, cur := make([]byte, n), make([]byte, n)
	sub, up := make([]byte, n), make([]byte, n)
	for y := 0; y < height; y++ {
		row := img.Pix[img.PixOffset(b.Min.X, b.Min.Y+y):]
		for x := 0; x < width; x++ {
			copy(cur[1+3*x:4+3*x], row[4*x:4*x+3])
		}
		// Sub: each byte minus the one a pixel to the left; Up: minus the
		// one above. Keep the one whose bytes, as signed, sum smaller.
		var sumSub, sumUp int
		for i := 1; i < n; i++ {
			left := byte(0)
			if i > 3 {
				left = cur[i-3]
			}
			s, u := cur[i]-left, cur[i]-prev[i]
			sub[i], up[i] = s, u
			sumSub += absSigned(s)
			sumUp += absSigned(u)
		}
		out := up
		out[0] = 2
		if sumSub < sumUp {
			out = sub
			out[0] = 1
		}
		if _, err := zw.Write(out); err != nil {
			return err
		}
		prev, cur = cur, prev
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := idat.flush(); err != nil {
		return err
	}
	if err := writeChunk(bw, "IEND", nil); err != nil {
		return err
	}
	return bw.Flush()
}

func absSigned(b byte) int {
	if b < 128 {
		return int(b)
	}
	return 256 - int(b)
}

// writeChunk writes one PNG chunk: length, type, data, CRC.
func writeChunk(w io.Writer, kind string, data []byte) error {
	var hdr [8]byte
	binary.BigEndian.PutUint32(hdr[:4], uint32(len(data)))
	copy(hdr[4:], kind)
	crc := crc32.NewIEEE()
	crc.Write(hdr[4:])
	crc.Write(data)
	var sum [4]byte
	binary.BigEndian.PutUint32(sum[:], crc.Sum32())
	for _, p := range [][]byte{hdr[:], data, sum[:]} {
		if _, err := w.Write(p); err != nil {
			return err
		}
	}
	return nil
}

// chunkWriter cuts what is written to it into chunks of one kind of at
// most 64 KiB each.
type chunkWriter struct {
	w    io.Writer
	kind string
	buf  []byte
}

const chunkSize = 64 << 10

func (c *chunkWriter) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		room := chunkSize - len(c.buf)
		k := min(room, len(p))
		c.buf = append(c.buf, p[:k]...)
		p = p[k:]
		if len(c.buf) == chunkSize {
			if err := c.flush(); err != nil {
				return n - len(p), err
			}
		}
	}
	return n, nil
}

func (c *chunkWriter) flush() error {
	if len(c.buf) == 0 {
		return nil
	}
	err := writeChunk(c.w, c.kind, c.buf)
	c.buf = c.buf[:0]
	return err
}

// pngLevel maps image/png's levels to compress/flate's.
func pngLevel(l png.CompressionLevel) int {
	switch l {
	case png.NoCompression:
		return zlib.NoCompression
	case png.BestSpeed:
		return zlib.BestSpeed
	case png.BestCompression:
		return zlib.BestCompression
	}
	return zlib.DefaultCompression
}
