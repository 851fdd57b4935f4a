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
			c.dashPolyline(pts, st.Dash, cull, func(piece []orb.Point) {
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
// pattern d (starting at the pattern's beginning). Only the parts of the
// segments inside cull are cut into dashes; the pattern skips over the
// rest arithmetically, so a long line far off the canvas (deep zoom) costs
// nothing. Segments with non-finite ends are left out. The slice passed to
// emit is reused.
func (c *Canvas) dashPolyline(pts []orb.Point, d []float64, cull Box, emit func([]orb.Point)) {
	s := dasher{d: d, left: d[0], on: true, emit: emit, piece: c.piece[:0]}
	for _, v := range d {
		s.total += v
	}
	for i := 1; i < len(pts); i++ {
		a, b := pts[i-1], pts[i]
		seg := math.Hypot(b[0]-a[0], b[1]-a[1])
		if math.IsNaN(seg) || math.IsInf(seg, 0) {
			s.flush()
			continue
		}
		if seg == 0 {
			continue
		}
		t0, t1, ok := clipSegment(a, b, cull)
		if !ok {
			s.skip(seg)
			continue
		}
		if t0 > 0 {
			s.skip(seg * t0)
		}
		s.walk(lerp(a, b, t0), lerp(a, b, t1))
		if t1 < 1 {
			s.skip(seg * (1 - t1))
		}
	}
	s.flush()
	c.piece = s.piece
}

func lerp(a, b orb.Point, t float64) orb.Point {
	if t == 0 {
		return a
	}
	if t == 1 {
		return b
	}
	return orb.Point{a[0] + (b[0]-a[0])*t, a[1] + (b[1]-a[1])*t}
}

// clipSegment returns the parameter range [t0, t1] of segment a→b inside
// box c (Liang–Barsky); ok is false when it misses the box.
func clipSegment(a, b orb.Point, c Box) (t0, t1 float64, ok bool) {
	t0, t1 = 0, 1
	dx, dy := b[0]-a[0], b[1]-a[1]
	for _, e := range [4][2]float64{{-dx, a[0] - c.X0}, {dx, c.X1 - a[0]}, {-dy, a[1] - c.Y0}, {dy, c.Y1 - a[1]}} {
		p, q := e[0], e[1]
		if p == 0 {
			if q < 0 {
				return 0, 0, false
			}
			continue
		}
		r := q / p
		if p < 0 {
			t0 = math.Max(t0, r)
		} else {
			t1 = math.Min(t1, r)
		}
	}
	return t0, t1, t0 <= t1
}

// dasher walks a dash pattern along a polyline.
type dasher struct {
	d     []float64
	total float64
	idx   int
	left  float64 // length left in the current entry of d
	on    bool
	piece []orb.Point
	emit  func([]orb.Point)
}

// flush emits the open "on" piece, if any, and starts afresh.
func (s *dasher) flush() {
	if s.on && len(s.piece) > 1 {
		s.emit(s.piece)
	}
	s.piece = s.piece[:0]
}

func (s *dasher) next() {
	s.idx = (s.idx + 1) % len(s.d)
	s.left = s.d[s.idx]
	s.on = !s.on
}

// skip moves l along the pattern without drawing.
func (s *dasher) skip(l float64) {
	s.flush()
	if l < s.left {
		s.left -= l
		return
	}
	l -= s.left
	s.next()
	l = math.Mod(l, s.total)
	for l >= s.left { // ends within one cycle: l < total
		l -= s.left
		s.next()
	}
	s.left -= l
}

// walk draws the pattern along a→b.
func (s *dasher) walk(a, b orb.Point) {
	if s.on && len(s.piece) == 0 {
		s.piece = append(s.piece, a)
	}
	seg := math.Hypot(b[0]-a[0], b[1]-a[1])
	pos := 0.0
	for seg-pos > s.left {
		pos += s.left
		q := lerp(a, b, pos/seg)
		if s.on {
			s.piece = append(s.piece, q)
			s.flush()
		} else {
			s.piece = append(s.piece[:0], q)
		}
		s.next()
	}
	s.left -= seg - pos
	if s.on {
		s.piece = append(s.piece, b)
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
