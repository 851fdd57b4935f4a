package geo

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"slices"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/clip"
	"golang.org/x/image/vector"

	"github.com/briefmap/briefmap/assets"
)

// Canvas draws antialiased shapes and text into an *image.RGBA. Its
// coordinates are pixels relative to the image's top-left corner
// (dst.Rect.Min), so a Canvas on a sub-image draws in local coordinates.
// Everything drawn is clipped to the image. A Canvas keeps scratch buffers
// between calls: it is not safe for concurrent use.
type Canvas struct {
	dst   *image.RGBA
	faces *FaceCache

	ras      vector.Rasterizer
	mask     *image.Alpha // scratch coverage mask
	stroke   PixelPath    // scratch stroke outline
	clip     PixelPath    // scratch clipped path
	dash     []orb.Point  // scratch closed copy of a subpath
	piece    []orb.Point  // scratch dash piece
	ring     orb.Ring     // scratch ring for clipping
	tile     PixelPath    // scratch path of one tile of a stroke
	tiles    [][]int32    // stroke pieces per tile
	segs     []segment    // edges of the path being filled
	sorted   []segment    // scratch for sortByBand
	bandEnds []int        // per band, the end of its edges in segs (sortByBand)
	clipped  []segment    // the edges crossing the current band, clipped to it
	active   []int        // indices of the edges crossing the current band

	hatchOrigin image.Point // where the canvas's corner lies in the hatch patterns' plane
	tables      *coverageTables
}

// coverageTable returns the table that paints col, kept for the colour's
// next fill.
func (c *Canvas) coverageTable(col color.NRGBA) *coverageTable {
	if c.tables == nil {
		c.tables = &coverageTables{}
	}
	return c.tables.get(col)
}

// NewCanvas returns a Canvas drawing into dst with fonts (which may be nil
// when no text is drawn: text calls then draw and measure nothing). It
// caches font faces per size; use NewCanvasFaces to share a FaceCache.
func NewCanvas(dst *image.RGBA, fonts *assets.Fonts) *Canvas {
	return NewCanvasFaces(dst, NewFaceCache(fonts))
}

// NewCanvasFaces returns a Canvas drawing into dst with the faces of fc
// (nil: no text).
func NewCanvasFaces(dst *image.RGBA, fc *FaceCache) *Canvas {
	return &Canvas{dst: dst, faces: fc}
}

// SetHatchOrigin says where the canvas's top-left corner lies in the plane
// hatch lines are laid in (zero by default: lines are positioned in canvas
// coordinates). Two canvases whose origins differ by their offset on
// screen draw hatches that meet: a panned frame and the strips drawn
// beside it. Sub surfaces start again from zero.
func (c *Canvas) SetHatchOrigin(p image.Point) { c.hatchOrigin = p }

// Image returns the image the canvas draws into.
func (c *Canvas) Image() *image.RGBA { return c.dst }

// Faces returns the canvas's face cache.
func (c *Canvas) Faces() *FaceCache { return c.faces }

// Size returns the canvas size in pixels.
func (c *Canvas) Size() (w, h int) { return c.dst.Rect.Dx(), c.dst.Rect.Dy() }

// Frame returns the canvas rectangle (0, 0, w, h) as a Box.
func (c *Canvas) Frame() Box {
	w, h := c.Size()
	return Box{X1: float64(w), Y1: float64(h)}
}

// Clear paints the whole canvas with col, replacing what was there.
func (c *Canvas) Clear(col color.NRGBA) {
	draw.Draw(c.dst, c.dst.Rect, image.NewUniform(col), image.Point{}, draw.Src)
}

// FillRect fills box b with col (antialiased at fractional edges).
func (c *Canvas) FillRect(b Box, col color.NRGBA) {
	if b.X0 == math.Trunc(b.X0) && b.Y0 == math.Trunc(b.Y0) && b.X1 == math.Trunc(b.X1) && b.Y1 == math.Trunc(b.Y1) {
		r := b.Rect().Add(c.dst.Rect.Min).Intersect(c.dst.Rect)
		op := draw.Over
		if col.A == 0xff {
			op = draw.Src
		}
		draw.Draw(c.dst, r, image.NewUniform(col), image.Point{}, op)
		return
	}
	var p PixelPath
	p.AddRect(b)
	c.FillPath(&p, col)
}

// StrokeRect strokes the outline of box b.
func (c *Canvas) StrokeRect(b Box, st Stroke) {
	var p PixelPath
	p.AddRect(b)
	c.StrokePath(&p, st)
}

// FillCircle fills the disc of radius r around (cx, cy).
func (c *Canvas) FillCircle(cx, cy, r float64, col color.NRGBA) {
	var p PixelPath
	p.AddCircle(cx, cy, r)
	c.FillPath(&p, col)
}

// StrokeCircle strokes the circle of radius r around (cx, cy).
func (c *Canvas) StrokeCircle(cx, cy, r float64, st Stroke) {
	var p PixelPath
	p.AddCircle(cx, cy, r)
	c.StrokePath(&p, st)
}

// FillPath fills p with col by the nonzero winding rule (open subpaths are
// closed).
func (c *Canvas) FillPath(p *PixelPath, col color.NRGBA) {
	c.FillPathHatched(p, col, Hatch{})
}

// FillPathHatched fills p with col, then draws hatch h inside it, in one
// pass over p's pixels.
func (c *Canvas) FillPathHatched(p *PixelPath, col color.NRGBA, h Hatch) {
	hatched := h.Visible()
	if col.A == 0 && !hatched {
		return
	}
	var tab *coverageTable
	if col.A != 0 {
		tab = c.coverageTable(col)
	}
	c.fillBands(p, func(r image.Rectangle) {
		if col.A != 0 {
			c.paintCoverage(r, col, tab)
		}
		if hatched {
			c.paintHatch(r, h)
		}
	})
}

// clipMargin is how far beyond the canvas a path may reach before FillPath
// clips it: the rasteriser walks every scanline an edge spans, even off the
// image, so huge paths (deep zoom) are clipped first.
const clipMargin = 256

// bandRows and tileCols are the size of the tiles fillBands rasterises
// one at a time: small enough for the rasteriser's buffer and the mask to
// stay in cache, and for the rasteriser to use fixed-point arithmetic (it
// switches to floating point above 512 pixels).
const (
	bandRows = 32
	tileCols = 512
)

// segment is one edge of a path, in pixels relative to the filled
// rectangle.
type segment struct {
	ax, ay, bx, by float64
}

func (s segment) ymin() float64 { return math.Min(s.ay, s.by) }
func (s segment) ymax() float64 { return math.Max(s.ay, s.by) }

// fillBands rasterises p (nonzero rule, subpaths closed) band by band over
// its bounds within the canvas: for each band it leaves the coverage in
// c.mask (origin at the band's corner) and calls paint with the band's
// rectangle in absolute image coordinates. Each band is fed only the
// parts of the edges that cross it, so the cost is about the path's area
// plus its edges, and the buffers stay in cache.
func (c *Canvas) fillBands(p *PixelPath, paint func(r image.Rectangle)) {
	if len(p.pts) == 0 {
		return
	}
	frame := c.Frame()
	bb := p.Bounds()
	if !bb.Overlaps(frame) {
		return
	}
	if !bb.Inside(frame.Inset(-clipMargin)) {
		p = c.clipPath(p, frame.Inset(-2))
		if p.Empty() {
			return
		}
		bb = p.Bounds()
	}
	local := bb.Rect().Intersect(image.Rect(0, 0, c.dst.Rect.Dx(), c.dst.Rect.Dy()))
	if local.Empty() {
		return
	}
	ox, oy := float64(local.Min.X), float64(local.Min.Y)
	c.segs = c.segs[:0]
	for _, s := range p.subs {
		pts := p.pts[s.start:s.end]
		for i := range pts {
			j := i + 1
			if j == len(pts) {
				j = 0
			}
			a, b := pts[i], pts[j]
			if a[1] == b[1] {
				continue // horizontal edges add no coverage
			}
			c.segs = append(c.segs, segment{a[0] - ox, a[1] - oy, b[0] - ox, b[1] - oy})
		}
	}
	w, h := local.Dx(), local.Dy()
	c.sortByBand(h)
	next := 0
	c.active = c.active[:0]
	for top := 0; top < h; top += bandRows {
		bot := min(top+bandRows, h)
		ft, fb := float64(top), float64(bot)
		for ; next < c.bandEnds[top/bandRows]; next++ {
			c.active = append(c.active, next)
		}
		// Drop the edges that end above this band, keeping the order.
		k := 0
		for _, i := range c.active {
			if c.segs[i].ymax() > ft {
				c.active[k] = i
				k++
			}
		}
		c.active = c.active[:k]
		if len(c.active) == 0 {
			continue
		}
		// Clip the band's edges to it, keeping their direction.
		c.clipped = c.clipped[:0]
		for _, i := range c.active {
			s := c.segs[i]
			ax, ay, bx, by := s.ax, s.ay, s.bx, s.by
			if ay < ft || ay > fb {
				y := math.Max(ft, math.Min(fb, ay))
				ax, ay = ax+(bx-ax)*(y-ay)/(by-ay), y
			}
			if by < ft || by > fb {
				y := math.Max(ft, math.Min(fb, by))
				bx, by = s.ax+(s.bx-s.ax)*(y-s.ay)/(s.by-s.ay), y
			}
			c.clipped = append(c.clipped, segment{ax, ay - ft, bx, by - ft})
		}
		// Columns of at most tileCols pixels: x/image/vector then uses its
		// fixed-point accumulator (its floating-point one reloads MXCSR for
		// every four pixels, which some CPUs make very slow). Every edge
		// of the band is fed to every column: the rasteriser clamps those
		// left of it to its first pixel and those right of it to the first
		// pixel of the next row, where they cancel.
		for x0 := 0; x0 < w; x0 += tileCols {
			x1 := min(x0+tileCols, w)
			fx0 := float64(x0)
			c.ras.Reset(x1-x0, bot-top)
			for _, s := range c.clipped {
				c.ras.MoveTo(float32(s.ax-fx0), float32(s.ay))
				c.ras.LineTo(float32(s.bx-fx0), float32(s.by))
			}
			c.mask = alphaScratch(c.mask, x1-x0, bot-top)
			c.ras.DrawOp = draw.Src
			c.ras.Draw(c.mask, c.mask.Rect, image.Opaque, image.Point{})
			paint(image.Rect(local.Min.X+x0, local.Min.Y+top, local.Min.X+x1, local.Min.Y+bot).Add(c.dst.Rect.Min))
		}
	}
}

// sortByBand orders c.segs by the band of bandRows rows their top lies in
// (a counting sort, stable; edges above the first band count in it, those
// below the last after it) and leaves in c.bandEnds[k] the end of band k's
// edges. That is all fillBands needs: it activates an edge at the first
// band it reaches, and within a band x/image/vector's fixed-point sums do
// not depend on the order of the edges (an edge that starts below the
// filled rows, in the last band's tail, covers nothing). h is the height
// of the filled rectangle.
func (c *Canvas) sortByBand(h int) {
	nb := (h+bandRows-1)/bandRows + 1
	band := func(s segment) int {
		return min(max(int(s.ymin())/bandRows, 0), nb-1) // ymin ≥ 0 but for edges above the rectangle
	}
	counts := slices.Grow(c.bandEnds[:0], nb+1)[:nb+1]
	clear(counts)
	for _, s := range c.segs {
		counts[band(s)+1]++
	}
	for i := 1; i <= nb; i++ {
		counts[i] += counts[i-1]
	}
	sorted := slices.Grow(c.sorted[:0], len(c.segs))[:len(c.segs)]
	for _, s := range c.segs {
		b := band(s)
		sorted[counts[b]] = s
		counts[b]++
	}
	c.segs, c.sorted, c.bandEnds = sorted, c.segs, counts
}

// clipPath returns p's subpaths clipped to box b as closed rings (in a
// scratch path reused by the next call).
func (c *Canvas) clipPath(p *PixelPath, b Box) *PixelPath {
	c.clip.Reset()
	bound := orb.Bound{Min: orb.Point{b.X0, b.Y0}, Max: orb.Point{b.X1, b.Y1}}
	for _, s := range p.subs {
		c.ring = append(c.ring[:0], p.pts[s.start:s.end]...)
		if len(c.ring) < 3 {
			continue
		}
		if c.ring[0] != c.ring[len(c.ring)-1] {
			c.ring = append(c.ring, c.ring[0])
		}
		if r := clip.Ring(bound, c.ring); len(r) >= 3 {
			c.clip.AddRing(r)
		}
	}
	return &c.clip
}

// alphaScratch returns a zeroed w×h alpha image, reusing a's memory.
func alphaScratch(a *image.Alpha, w, h int) *image.Alpha {
	n := w * h
	if a == nil || cap(a.Pix) < n {
		return image.NewAlpha(image.Rect(0, 0, w, h))
	}
	a.Pix = a.Pix[:n]
	clear(a.Pix)
	a.Stride = w
	a.Rect = image.Rect(0, 0, w, h)
	return a
}

// Hatch is a pattern of parallel lines drawn inside an area.
type Hatch struct {
	Angle   float64 // degrees anticlockwise from horizontal (45: rising to the right)
	Spacing float64 // pixels between line centres
	Width   float64 // line width in pixels
	Color   color.NRGBA
}

// Visible reports whether h draws anything.
func (h Hatch) Visible() bool { return h.Spacing > 0 && h.Width > 0 && h.Color.A > 0 }

// HatchPath draws hatch h inside p (nonzero rule). Lines are positioned in
// canvas coordinates, so neighbouring areas' hatches line up.
func (c *Canvas) HatchPath(p *PixelPath, h Hatch) {
	c.FillPathHatched(p, color.NRGBA{}, h)
}
