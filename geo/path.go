package geo

import (
	"math"

	"github.com/paulmach/orb"
)

// PixelPath is a set of subpaths in canvas pixel coordinates, built with
// MoveTo, LineTo and Close. Filled, subpaths combine by the nonzero winding
// rule (a hole must wind opposite to its outer ring: AddPolygon sees to it);
// stroked, open subpaths stay open. The zero PixelPath is empty and ready to
// use; Reset empties it and keeps its memory.
type PixelPath struct {
	pts  []orb.Point
	subs []subpath
}

type subpath struct {
	start, end int // pts[start:end]
	closed     bool
}

// Reset empties p, keeping its memory for reuse.
func (p *PixelPath) Reset() {
	p.pts = p.pts[:0]
	p.subs = p.subs[:0]
}

// Empty reports whether p has no point.
func (p *PixelPath) Empty() bool { return len(p.pts) == 0 }

// MoveTo starts a new subpath at (x, y).
func (p *PixelPath) MoveTo(x, y float64) {
	p.subs = append(p.subs, subpath{start: len(p.pts), end: len(p.pts) + 1})
	p.pts = append(p.pts, orb.Point{x, y})
}

// LineTo adds a straight segment from the last point to (x, y). Without a
// current subpath it starts one.
func (p *PixelPath) LineTo(x, y float64) {
	if len(p.subs) == 0 {
		p.MoveTo(x, y)
		return
	}
	p.pts = append(p.pts, orb.Point{x, y})
	p.subs[len(p.subs)-1].end = len(p.pts)
}

// minStep is the distance in pixels below which lineToThin drops a point:
// detail finer than a third of a pixel does not show, and each segment
// costs the rasteriser a pass over its rows.
const minStep = 1.0 / 3

// lineToThin is LineTo, except that it skips (x, y) when it lies within
// minStep of the last point. Use it for projected geometry.
func (p *PixelPath) lineToThin(x, y float64) {
	if n := len(p.pts); len(p.subs) > 0 && n > p.subs[len(p.subs)-1].start {
		q := p.pts[n-1]
		if dx, dy := x-q[0], y-q[1]; dx*dx+dy*dy < minStep*minStep {
			return
		}
	}
	p.LineTo(x, y)
}

// Close marks the current subpath closed: strokes join its last point back
// to its first.
func (p *PixelPath) Close() {
	if len(p.subs) > 0 {
		p.subs[len(p.subs)-1].closed = true
	}
}

// AddLineString adds ls (pixel coordinates) as an open subpath.
func (p *PixelPath) AddLineString(ls []orb.Point) {
	for i, q := range ls {
		if i == 0 {
			p.MoveTo(q[0], q[1])
		} else {
			p.LineTo(q[0], q[1])
		}
	}
}

// addProjected adds pts, projected to pixels by toPixel, as an open
// subpath; with thin set it drops the points within minStep of the
// previous one.
func (p *PixelPath) addProjected(pts []orb.Point, toPixel func(orb.Point) (x, y float64), thin bool) {
	for i, q := range pts {
		x, y := toPixel(q)
		switch {
		case i == 0:
			p.MoveTo(x, y)
		case thin:
			p.lineToThin(x, y)
		default:
			p.LineTo(x, y)
		}
	}
}

// addProjectedRing adds ring r as addProjected does, as a closed subpath
// without its closing point. A ring of fewer than minPoints distinct
// points adds nothing.
func (p *PixelPath) addProjectedRing(r []orb.Point, toPixel func(orb.Point) (x, y float64), thin bool, minPoints int) {
	n := len(r)
	if n > 1 && r[0] == r[n-1] {
		n--
	}
	if n < minPoints {
		return
	}
	p.addProjected(r[:n], toPixel, thin)
	p.Close()
}

// AddRing adds r (pixel coordinates) as a closed subpath, as it winds.
func (p *PixelPath) AddRing(r []orb.Point) {
	n := len(r)
	if n > 1 && r[0] == r[n-1] {
		n--
	}
	if n < 2 {
		return
	}
	p.AddLineString(r[:n])
	p.Close()
}

// AddPolygon adds poly (pixel coordinates) with its outer ring winding one
// way and its holes the other, so that holes stay empty when filled.
func (p *PixelPath) AddPolygon(poly orb.Polygon) {
	for i, r := range poly {
		p.addOriented(r, i == 0)
	}
}

// addOriented adds ring r closed, reversed if needed so that it winds
// positively (outer) or negatively (hole) by the shoelace formula.
func (p *PixelPath) addOriented(r []orb.Point, outer bool) {
	n := len(r)
	if n > 1 && r[0] == r[n-1] {
		n--
	}
	if n < 3 {
		return
	}
	if (shoelace(r[:n]) > 0) == outer {
		p.AddRing(r[:n])
		return
	}
	for i := n - 1; i >= 0; i-- {
		if i == n-1 {
			p.MoveTo(r[i][0], r[i][1])
		} else {
			p.LineTo(r[i][0], r[i][1])
		}
	}
	p.Close()
}

// AddRect adds box b as a closed subpath winding positively.
func (p *PixelPath) AddRect(b Box) {
	p.MoveTo(b.X0, b.Y0)
	p.LineTo(b.X1, b.Y0)
	p.LineTo(b.X1, b.Y1)
	p.LineTo(b.X0, b.Y1)
	p.Close()
}

// AddRoundedRect adds box b with corners rounded to radius r (clamped to
// half the shorter side) as a closed subpath winding positively.
func (p *PixelPath) AddRoundedRect(b Box, r float64) {
	r = math.Max(0, math.Min(r, math.Min(b.W(), b.H())/2))
	if r == 0 {
		p.AddRect(b)
		return
	}
	n := max(2, circleSides(r)/4)
	corners := [4]struct{ cx, cy, a0 float64 }{
		{b.X1 - r, b.Y0 + r, -math.Pi / 2}, // top right
		{b.X1 - r, b.Y1 - r, 0},            // bottom right
		{b.X0 + r, b.Y1 - r, math.Pi / 2},  // bottom left
		{b.X0 + r, b.Y0 + r, math.Pi},      // top left
	}
	first := true
	for _, c := range corners {
		for i := 0; i <= n; i++ {
			a := c.a0 + math.Pi/2*float64(i)/float64(n)
			x, y := c.cx+r*math.Cos(a), c.cy+r*math.Sin(a)
			if first {
				p.MoveTo(x, y)
				first = false
			} else {
				p.LineTo(x, y)
			}
		}
	}
	p.Close()
}

// AddCircle adds a circle of radius r around (cx, cy) as a closed polygon
// winding positively, with enough sides to look round at that radius.
func (p *PixelPath) AddCircle(cx, cy, r float64) {
	n := circleSides(r)
	for i := 0; i < n; i++ {
		a := 2 * math.Pi * float64(i) / float64(n)
		x, y := cx+r*math.Cos(a), cy+r*math.Sin(a)
		if i == 0 {
			p.MoveTo(x, y)
		} else {
			p.LineTo(x, y)
		}
	}
	p.Close()
}

// circleSides returns how many sides a polygon needs to pass for a circle of
// radius r pixels (error below a tenth of a pixel).
func circleSides(r float64) int {
	n := int(math.Ceil(math.Pi / math.Acos(math.Max(0, 1-0.1/math.Max(r, 0.1)))))
	return max(8, min(n, 256))
}

// Bounds returns the box covering every point of p (empty if p is).
func (p *PixelPath) Bounds() Box {
	if len(p.pts) == 0 {
		return Box{}
	}
	b := Box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, q := range p.pts {
		b.X0 = math.Min(b.X0, q[0])
		b.Y0 = math.Min(b.Y0, q[1])
		b.X1 = math.Max(b.X1, q[0])
		b.Y1 = math.Max(b.Y1, q[1])
	}
	return b
}

// shoelace returns twice the signed area of ring r (positive when it winds
// clockwise on screen, with y down).
func shoelace(r []orb.Point) float64 {
	var s float64
	for i := range r {
		j := i + 1
		if j == len(r) {
			j = 0
		}
		s += r[i][0]*r[j][1] - r[j][0]*r[i][1]
	}
	return s
}
