package geo

import (
	"image/color"
	"math"

	"github.com/paulmach/orb"
)

// Stroke is how a line is drawn.
type Stroke struct {
	Color color.NRGBA
	Width float64   // pixels
	Dash  []float64 // on, off, on, off… lengths in pixels; nil: solid
	Round bool      // round joins and caps (else bevel joins, butt caps)
}

// Visible reports whether s draws anything.
func (s Stroke) Visible() bool { return s.Width > 0 && s.Color.A > 0 }

// StrokePath strokes every subpath of p with st. The outline is built from
// convex pieces (one per segment, plus joins) that all wind the same way,
// so overlaps fill once: a translucent stroke has no darker joins.
func (c *Canvas) StrokePath(p *PixelPath, st Stroke) {
	if !st.Visible() {
		return
	}
	c.stroke.Reset()
	hw := st.Width / 2
	cull := c.Frame().Inset(-hw - 2)
	dashed := validDash(st.Dash)
	for _, s := range p.subs {
		pts := p.pts[s.start:s.end]
		if len(pts) < 2 {
			continue
		}
		if s.closed && pts[0] != pts[len(pts)-1] {
			// Append the closing point in the scratch copy.
			c.dash = append(append(c.dash[:0], pts...), pts[0])
			pts = c.dash
		}
		if dashed {
			c.dashPolyline(pts, st.Dash, func(piece []orb.Point) {
				outlinePolyline(&c.stroke, piece, hw, st.Round, false, cull)
			})
			continue
		}
		outlinePolyline(&c.stroke, pts, hw, st.Round, s.closed, cull)
	}
	if st.Color.A == 0xff {
		c.fillTiled(&c.stroke, st.Color)
		return
	}
	c.FillPath(&c.stroke, st.Color)
}

// strokeTile is the side in pixels of the tiles fillTiled groups pieces by.
const strokeTile = 96

// fillTiled fills the pieces (subpaths) of p with an opaque colour in one
// pass per tile of the canvas, each piece in the tile of its first point,
// so that a long thin outline costs about its own area rather than its
// bounding box's. Where pieces of two tiles overlap, antialiased edges are
// composited twice, which an opaque colour hides; translucent colours must
// use FillPath.
func (c *Canvas) fillTiled(p *PixelPath, col color.NRGBA) {
	bb := p.Bounds().Intersect(c.Frame())
	if bb.Empty() {
		return
	}
	if bb.W()*bb.H() <= 4*strokeTile*strokeTile {
		c.FillPath(p, col)
		return
	}
	x0, y0 := bb.X0, bb.Y0
	cols := int(bb.W()/strokeTile) + 1
	rows := int(bb.H()/strokeTile) + 1
	if cap(c.tiles) < cols*rows {
		c.tiles = make([][]int32, cols*rows)
	}
	c.tiles = c.tiles[:cols*rows]
	for i := range c.tiles {
		c.tiles[i] = c.tiles[i][:0]
	}
	for i, s := range p.subs {
		q := p.pts[s.start]
		cx := max(0, min(cols-1, int((q[0]-x0)/strokeTile)))
		cy := max(0, min(rows-1, int((q[1]-y0)/strokeTile)))
		c.tiles[cy*cols+cx] = append(c.tiles[cy*cols+cx], int32(i))
	}
	for _, pieces := range c.tiles {
		if len(pieces) == 0 {
			continue
		}
		c.tile.Reset()
		for _, i := range pieces {
			s := p.subs[i]
			c.tile.AddRing(p.pts[s.start:s.end])
		}
		c.FillPath(&c.tile, col)
	}
}

// validDash reports whether pattern d can be walked: an even, non-empty
// list of non-negative lengths with a positive sum.
func validDash(d []float64) bool {
	if len(d) == 0 || len(d)%2 != 0 {
		return false
	}
	var sum float64
	for _, v := range d {
		if v < 0 || math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
		sum += v
	}
	return sum > 0
}

// dashPolyline calls emit with each "on" piece of polyline pts under dash
// pattern d (starting at the pattern's beginning). The slice passed to emit
// is reused.
func (c *Canvas) dashPolyline(pts []orb.Point, d []float64, emit func([]orb.Point)) {
	// pts may alias c.dash: copy into a separate buffer.
	var piece []orb.Point
	idx, left := 0, d[0]
	on := true
	if on {
		piece = append(piece, pts[0])
	}
	for i := 1; i < len(pts); i++ {
		a, b := pts[i-1], pts[i]
		seg := math.Hypot(b[0]-a[0], b[1]-a[1])
		pos := 0.0
		for seg-pos > left {
			pos += left
			t := pos / seg
			q := orb.Point{a[0] + (b[0]-a[0])*t, a[1] + (b[1]-a[1])*t}
			if on {
				piece = append(piece, q)
				if len(piece) > 1 {
					emit(piece)
				}
				piece = piece[:0]
			} else {
				piece = append(piece[:0], q)
			}
			on = !on
			idx = (idx + 1) % len(d)
			left = d[idx]
		}
		left -= seg - pos
		if on {
			piece = append(piece, b)
		}
	}
	if on && len(piece) > 1 {
		emit(piece)
	}
}

// outlinePolyline adds to out the outline of polyline pts stroked with half
// width hw: a quad per segment and a join per interior vertex (a disc when
// round, else a bevel), plus round caps. closed joins the last vertex to the
// first. Pieces wholly outside cull are skipped.
func outlinePolyline(out *PixelPath, pts []orb.Point, hw float64, round, closed bool, cull Box) {
	n := len(pts)
	var prevN orb.Point
	havePrev := false
	for i := 1; i < n; i++ {
		a, b := pts[i-1], pts[i]
		dx, dy := b[0]-a[0], b[1]-a[1]
		l := math.Hypot(dx, dy)
		if l == 0 {
			continue
		}
		nx, ny := -dy/l*hw, dx/l*hw
		segBox := Box{math.Min(a[0], b[0]) - hw, math.Min(a[1], b[1]) - hw, math.Max(a[0], b[0]) + hw, math.Max(a[1], b[1]) + hw}
		if segBox.Overlaps(cull) {
			addConvex(out, orb.Point{a[0] + nx, a[1] + ny}, orb.Point{b[0] + nx, b[1] + ny}, orb.Point{b[0] - nx, b[1] - ny}, orb.Point{a[0] - nx, a[1] - ny})
			if havePrev && (round || hw >= thinStroke) {
				addJoin(out, a, prevN, orb.Point{nx, ny}, hw, round)
			} else if round && !closed {
				out.AddCircle(a[0], a[1], hw)
			}
		}
		prevN = orb.Point{nx, ny}
		havePrev = true
	}
	if !havePrev {
		return
	}
	last := pts[n-1]
	if closed && (round || hw >= thinStroke) {
		// Join the closing segment to the first one.
		for i := 1; i < n; i++ {
			dx, dy := pts[i][0]-pts[0][0], pts[i][1]-pts[0][1]
			if l := math.Hypot(dx, dy); l > 0 {
				if (Box{last[0] - hw, last[1] - hw, last[0] + hw, last[1] + hw}).Overlaps(cull) {
					addJoin(out, last, prevN, orb.Point{-dy / l * hw, dx / l * hw}, hw, round)
				}
				break
			}
		}
		return
	}
	if round && (Box{last[0] - hw, last[1] - hw, last[0] + hw, last[1] + hw}).Overlaps(cull) {
		out.AddCircle(last[0], last[1], hw)
	}
}

// thinStroke is the half width below which bevel joins are left out: the
// notch they fill is under a pixel wide.
const thinStroke = 0.75

// addJoin adds the join at vertex v between a segment of offset normal n1
// and the next of normal n2.
func addJoin(out *PixelPath, v, n1, n2 orb.Point, hw float64, round bool) {
	if round {
		out.AddCircle(v[0], v[1], hw)
		return
	}
	cross := n1[0]*n2[1] - n1[1]*n2[0]
	if math.Abs(cross) < 1e-9*hw*hw {
		return
	}
	// A bevel on both sides: the one inside the turn is already covered by
	// the segments' quads and adds nothing.
	addConvex(out, v, orb.Point{v[0] - n1[0], v[1] - n1[1]}, orb.Point{v[0] - n2[0], v[1] - n2[1]})
	addConvex(out, v, orb.Point{v[0] + n1[0], v[1] + n1[1]}, orb.Point{v[0] + n2[0], v[1] + n2[1]})
}

// addConvex adds convex polygon pts to out winding positively, whatever
// order they come in, so that overlapping pieces never cancel.
func addConvex(out *PixelPath, pts ...orb.Point) {
	if shoelace(pts) >= 0 {
		out.AddRing(pts)
		return
	}
	for i := len(pts) - 1; i >= 0; i-- {
		if i == len(pts)-1 {
			out.MoveTo(pts[i][0], pts[i][1])
		} else {
			out.LineTo(pts[i][0], pts[i][1])
		}
	}
	out.Close()
}
