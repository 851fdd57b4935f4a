package geo

import (
	"encoding/binary"
	"image"
	"sync"
)

// pixelRuns is an RGBA raster kept as runs of identical pixels, row by
// row: what BaseCache holds. A basemap raster is large fields of sea and
// land between a few antialiased edges (about 13 runs per row at the
// window's start-up size, 16 at 2560×1600), so its runs take 75 kB where
// its pixels take 1.8 MB (16 MB at 2560×1600), and writing them back costs
// little more than copying the pixels (0.21–0.27 against 0.16 ms at
// 1280×800, BenchmarkBaseCacheHit).
type pixelRuns struct {
	w, h int
	// runs holds, row after row, pairs of a run's length in pixels and its
	// pixel (R, G, B, A as in image.RGBA's Pix, little-endian); a row's
	// lengths add up to w.
	runs []uint32
}

// encodeRuns returns img's pixels as runs, or false when they would take
// more than half the memory of the pixels (a raster of fine detail, kept
// as it is instead). scratch holds the buffers the two halves of the rows
// are encoded into on two goroutines, reused between calls (the result is
// copied out in one allocation of its size).
func encodeRuns(img *image.RGBA, scratch *[2][]uint32) (*pixelRuns, bool) {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	limit := w * h / 2 // uint32s: half the bytes of the pixels
	var ok [2]bool
	if w*h < 1<<16 {
		scratch[0], ok[0] = appendRuns(scratch[0][:0], img, 0, h, limit)
		scratch[1], ok[1] = scratch[1][:0], true
	} else {
		var wg sync.WaitGroup
		wg.Go(func() { scratch[0], ok[0] = appendRuns(scratch[0][:0], img, 0, h/2, limit) })
		scratch[1], ok[1] = appendRuns(scratch[1][:0], img, h/2, h, limit)
		wg.Wait()
	}
	if !ok[0] || !ok[1] || len(scratch[0])+len(scratch[1]) > limit {
		return nil, false
	}
	runs := make([]uint32, 0, len(scratch[0])+len(scratch[1]))
	return &pixelRuns{w: w, h: h, runs: append(append(runs, scratch[0]...), scratch[1]...)}, true
}

// appendRuns appends to runs the runs of rows y0 to y1 of img; false when
// there are more than limit uint32s of them.
func appendRuns(runs []uint32, img *image.RGBA, y0, y1, limit int) ([]uint32, bool) {
	w := img.Rect.Dx()
	for y := y0; y < y1; y++ {
		row := img.Pix[y*img.Stride : y*img.Stride+4*w]
		for x := 0; x < w; {
			n := runAt(row, x)
			if len(runs)+2 > limit {
				return runs, false
			}
			runs = append(runs, uint32(n), binary.LittleEndian.Uint32(row[4*x:]))
			x += n
		}
	}
	return runs, true
}

// runAt returns how many pixels from pixel x of row repeat pixel x:
// four pixels a step along a run, then two, then one.
func runAt(row []byte, x int) int {
	px := binary.LittleEndian.Uint32(row[4*x:])
	pair := uint64(px) | uint64(px)<<32
	i := 4*x + 4
	for i+16 <= len(row) && binary.LittleEndian.Uint64(row[i:]) == pair && binary.LittleEndian.Uint64(row[i+8:]) == pair {
		i += 16
	}
	for i+8 <= len(row) && binary.LittleEndian.Uint64(row[i:]) == pair {
		i += 8
	}
	for i+4 <= len(row) && binary.LittleEndian.Uint32(row[i:]) == px {
		i += 4
	}
	return (i - 4*x) / 4
}

// drawTo writes the runs' pixels into the w×h rectangle at dst's top-left
// corner; dst must be at least that large.
func (p *pixelRuns) drawTo(dst *image.RGBA) {
	i := 0
	for y := range p.h {
		row := dst.Pix[y*dst.Stride : y*dst.Stride+4*p.w]
		for x := 0; x < p.w; {
			n, px := int(p.runs[i]), p.runs[i+1]
			i += 2
			seg := row[4*x : 4*(x+n)]
			binary.LittleEndian.PutUint32(seg, px)
			for done := 4; done < len(seg); done *= 2 {
				copy(seg[done:], seg[:done])
			}
			x += n
		}
	}
}

// size returns the bytes the runs take.
func (p *pixelRuns) size() int { return 4 * len(p.runs) }
