package geo

import (
	"encoding/binary"
	"image"
)

// pixelRuns is an RGBA raster kept as runs of identical pixels, row by
// row: what BaseCache holds. A basemap raster is large fields of sea and
// land between a few antialiased edges (about 13 runs per row at the
// window's start-up size, 16 at 2560×1600), so its runs take 75 kB where
// its pixels take 1.8 MB (16 MB at 2560×1600), and writing them back costs
// no more than copying the pixels.
type pixelRuns struct {
	w, h int
	// runs holds, row after row, pairs of a run's length in pixels and its
	// pixel (R, G, B, A as in image.RGBA's Pix, little-endian); a row's
	// lengths add up to w.
	runs []uint32
}

// encodeRuns returns img's pixels as runs, or false when they would take
// more than half the memory of the pixels (a raster of fine detail, kept
// as it is instead).
func encodeRuns(img *image.RGBA) (*pixelRuns, bool) {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	n := 0 // runs
	eachRun(img, func(int, uint32) { n++ })
	if 2*n > w*h/2 {
		return nil, false
	}
	p := &pixelRuns{w: w, h: h, runs: make([]uint32, 0, 2*n)}
	eachRun(img, func(n int, px uint32) { p.runs = append(p.runs, uint32(n), px) })
	return p, true
}

// eachRun calls f with the length and the pixel of each run of identical
// pixels of img, row after row, left to right.
func eachRun(img *image.RGBA, f func(n int, px uint32)) {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	for y := range h {
		row := img.Pix[y*img.Stride : y*img.Stride+4*w]
		for x := 0; x < w; {
			px := binary.LittleEndian.Uint32(row[4*x:])
			n := 1
			for x+n < w && binary.LittleEndian.Uint32(row[4*(x+n):]) == px {
				n++
			}
			f(n, px)
			x += n
		}
	}
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
