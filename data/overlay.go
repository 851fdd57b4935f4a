package data

import (
	"cmp"
	"math"
	"slices"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geo"
)

// This file holds the polygon overlay Diff measures changes of hands with:
// the intersection and the difference of two areas, in lon/lat degrees.
//
// The method is boundary classification. Both areas are rings oriented
// with their interior on the left (outer rings counter-clockwise, holes
// clockwise). Every edge of each is split where it meets an edge of the
// other (a crossing is computed once and used by both edges, so the pieces
// meet exactly); each piece is then inside, outside or on the boundary of
// the other area. The boundary of A∩B is A's pieces inside B, B's pieces
// inside A, and the pieces the two share with both interiors on the same
// side; the boundary of A−B is A's pieces outside B, B's pieces inside A
// reversed, and the shared pieces with the interiors on opposite sides.
// Chaining those pieces end to start gives closed rings; however a vertex
// where several meet is walked, the rings' winding number at every point
// is the same, so the area they enclose is exact. Hand-drawn borders that
// zones share (the same vertices, or vertices on each other's edges within
// collinearTolerance) are found as shared, not as slivers.

// region is an area as closed rings, each with its interior on its left;
// a point is inside when the rings wind around it (nonzero rule).
type region []orb.Ring

// snapGrid is the grid (in degrees, about 0.1 mm) vertices are rounded to
// before an overlay, so that two borders drawn through the same points
// meet exactly, whatever rounding their files went through.
const snapGrid = 1e-9

func snap(p orb.Point) orb.Point {
	return orb.Point{math.Round(p[0]/snapGrid) * snapGrid, math.Round(p[1]/snapGrid) * snapGrid}
}

// regionOf returns mp as a region: vertices snapped to snapGrid, repeated
// ones dropped, each ring closed, outer rings made counter-clockwise and
// holes clockwise.
func regionOf(mp orb.MultiPolygon) region {
	var out region
	for _, pg := range mp {
		for i, ring := range pg {
			r := make(orb.Ring, 0, len(ring)+1)
			for _, p := range ring {
				if p = snap(p); len(r) == 0 || r[len(r)-1] != p {
					r = append(r, p)
				}
			}
			if len(r) > 0 && r[0] != r[len(r)-1] {
				r = append(r, r[0])
			}
			if len(r) < 4 {
				continue
			}
			if (planarArea(r) > 0) != (i == 0) {
				slices.Reverse(r)
			}
			out = append(out, r)
		}
	}
	return out
}

// planarArea returns ring r's signed area in square degrees (positive when
// counter-clockwise).
func planarArea(r orb.Ring) float64 {
	a := 0.0
	for i := 0; i+1 < len(r); i++ {
		a += r[i][0]*r[i+1][1] - r[i+1][0]*r[i][1]
	}
	return a / 2
}

// bound returns the bounds of every ring of g.
func (g region) bound() orb.Bound {
	if len(g) == 0 {
		return orb.Bound{}
	}
	b := g[0].Bound()
	for _, r := range g[1:] {
		b = b.Union(r.Bound())
	}
	return b
}

// covers reports whether p lies inside g or on its boundary (even-odd over
// its rings, which do not overlap).
func (g region) covers(p orb.Point) bool {
	if g.onBoundary(p) {
		return true
	}
	in := false
	for _, r := range g {
		if ringCovers(r, p) {
			in = !in
		}
	}
	return in
}

// onBoundary reports whether p lies on one of g's edges (see nearSegment).
func (g region) onBoundary(p orb.Point) bool {
	for _, r := range g {
		for i := 0; i+1 < len(r); i++ {
			if nearSegment(r[i], r[i+1], p) {
				return true
			}
		}
	}
	return false
}

// nearSegment reports whether p lies on segment a–b: collinear within
// collinearTolerance (see orient) and between its ends. Unlike onSegment
// it needs no exact bounding-box test, which a point off a nearly
// horizontal edge by rounding would fail.
func nearSegment(a, b, p orb.Point) bool {
	if p == a || p == b {
		return true
	}
	dx, dy := b[0]-a[0], b[1]-a[1]
	t := (p[0]-a[0])*dx + (p[1]-a[1])*dy
	return t > 0 && t < dx*dx+dy*dy && orient(a, b, p) == 0
}

// piece is a directed segment of a region's boundary.
type piece struct{ a, b orb.Point }

// edgeRef is one edge of a region, with the points it is split at.
type edgeRef struct {
	a, b   orb.Point
	splits []orb.Point
}

func edgesOf(g region) []edgeRef {
	var out []edgeRef
	for _, r := range g {
		for i := 0; i+1 < len(r); i++ {
			if r[i] != r[i+1] {
				out = append(out, edgeRef{a: r[i], b: r[i+1]})
			}
		}
	}
	return out
}

// pieces returns e split at its split points, in order from a to b.
func (e *edgeRef) pieces() []piece {
	dx, dy := e.b[0]-e.a[0], e.b[1]-e.a[1]
	t := func(p orb.Point) float64 { return (p[0]-e.a[0])*dx + (p[1]-e.a[1])*dy }
	pts := append([]orb.Point{e.a}, e.splits...)
	slices.SortStableFunc(pts[1:], func(p, q orb.Point) int { return cmp.Compare(t(p), t(q)) })
	pts = append(pts, e.b)
	out := make([]piece, 0, len(pts)-1)
	for i := 0; i+1 < len(pts); i++ {
		if pts[i] != pts[i+1] {
			out = append(out, piece{pts[i], pts[i+1]})
		}
	}
	return out
}

// split splits the edges of both regions where they meet: at crossings
// (one point, shared by both edges) and where a vertex of one lies on an
// edge of the other.
func split(pe, qe []edgeRef, qb orb.Bound) {
	for i := range pe {
		e := &pe[i]
		if !boxesMeet(e.a, e.b, qb.Min, qb.Max) {
			continue
		}
		for j := range qe {
			f := &qe[j]
			if !boxesNear(e.a, e.b, f.a, f.b) {
				continue
			}
			if segmentsCross(e.a, e.b, f.a, f.b) {
				x := crossing(e.a, e.b, f.a, f.b)
				e.splits = append(e.splits, x)
				f.splits = append(f.splits, x)
				continue
			}
			for _, v := range [2]orb.Point{f.a, f.b} {
				if v != e.a && v != e.b && nearSegment(e.a, e.b, v) {
					e.splits = append(e.splits, v)
				}
			}
			for _, v := range [2]orb.Point{e.a, e.b} {
				if v != f.a && v != f.b && nearSegment(f.a, f.b, v) {
					f.splits = append(f.splits, v)
				}
			}
		}
	}
}

// boxesNear reports whether the bounding boxes of segments p1–p2 and
// q1–q2, widened by the distance orient's tolerance allows, intersect: a
// vertex off a nearly horizontal edge by rounding still meets it.
func boxesNear(p1, p2, q1, q2 orb.Point) bool {
	pad := collinearTolerance * (math.Abs(p2[0]-p1[0]) + math.Abs(p2[1]-p1[1]) + math.Abs(q2[0]-q1[0]) + math.Abs(q2[1]-q1[1]))
	return max(p1[0], p2[0])+pad >= min(q1[0], q2[0]) && max(q1[0], q2[0])+pad >= min(p1[0], p2[0]) &&
		max(p1[1], p2[1])+pad >= min(q1[1], q2[1]) && max(q1[1], q2[1])+pad >= min(p1[1], p2[1])
}

// padded returns b widened by a millionth of its size, so that the
// prefilters keep edges that lie on its border within rounding.
func padded(b orb.Bound) orb.Bound {
	return b.Pad(1e-6 * (b.Max[0] - b.Min[0] + b.Max[1] - b.Min[1] + 1e-9))
}

// side is where a piece of one region lies relative to the other.
type side int

const (
	outside side = iota
	inside
	sharedSame     // on the other's boundary, interiors on the same side
	sharedOpposite // on the other's boundary, interiors on opposite sides
)

// sideEps is how far off a shared piece (in degrees, about a centimetre)
// the other region's interior is looked for.
const sideEps = 1e-7

// classify returns where piece s of a region lies relative to g.
func classify(s piece, g region) side {
	m := orb.Point{(s.a[0] + s.b[0]) / 2, (s.a[1] + s.b[1]) / 2}
	if !g.onBoundary(m) {
		if g.covers(m) {
			return inside
		}
		return outside
	}
	dx, dy := s.b[0]-s.a[0], s.b[1]-s.a[1]
	l := math.Hypot(dx, dy)
	left := orb.Point{m[0] - dy/l*sideEps, m[1] + dx/l*sideEps}
	if g.covers(left) {
		return sharedSame
	}
	return sharedOpposite
}

// overlayOp is a boolean operation on two regions.
type overlayOp int

const (
	opIntersect overlayOp = iota // p ∩ q
	opSubtract                   // p − q
)

// overlay returns p op q as closed rings.
func overlay(p, q region, op overlayOp) region {
	pb, qb := padded(p.bound()), padded(q.bound())
	if len(p) == 0 {
		return nil
	}
	if len(q) == 0 || !pb.Intersects(qb) {
		if op == opSubtract {
			return p
		}
		return nil
	}
	pe, qe := edgesOf(p), edgesOf(q)
	split(pe, qe, qb)
	var out []piece
	for i := range pe {
		for _, s := range pe[i].pieces() {
			switch c := classify(s, q); {
			case op == opIntersect && (c == inside || c == sharedSame),
				op == opSubtract && (c == outside || c == sharedOpposite):
				out = append(out, s)
			}
		}
	}
	for i := range qe {
		if !boxesMeet(qe[i].a, qe[i].b, pb.Min, pb.Max) {
			continue
		}
		for _, s := range qe[i].pieces() {
			if classify(s, p) != inside {
				continue
			}
			if op == opSubtract {
				s.a, s.b = s.b, s.a
			}
			out = append(out, s)
		}
	}
	return chain(out)
}

// chain joins pieces end to start into closed rings. A chain that cannot
// be closed (which consistent pieces never give) is dropped.
func chain(ps []piece) region {
	from := make(map[orb.Point][]int, len(ps))
	for i, s := range ps {
		from[s.a] = append(from[s.a], i)
	}
	used := make([]bool, len(ps))
	var out region
	for i := range ps {
		if used[i] {
			continue
		}
		used[i] = true
		r := orb.Ring{ps[i].a, ps[i].b}
		start, at := ps[i].a, ps[i].b
		for at != start {
			next := -1
			for _, k := range from[at] {
				if !used[k] {
					next = k
					break
				}
			}
			if next < 0 {
				break
			}
			used[next] = true
			at = ps[next].b
			r = append(r, at)
		}
		if at == start && len(r) >= 4 {
			out = append(out, r)
		}
	}
	return out
}

// multiPolygon returns g as polygons: each counter-clockwise ring an outer
// ring, with the clockwise rings inside it as its holes (the smallest outer
// ring that holds a hole's first piece gets it).
func (g region) multiPolygon() orb.MultiPolygon {
	var outers, holes []orb.Ring
	for _, r := range g {
		if planarArea(r) > 0 {
			outers = append(outers, r)
		} else if planarArea(r) < 0 {
			holes = append(holes, r)
		}
	}
	slices.SortStableFunc(outers, func(a, b orb.Ring) int { return cmp.Compare(planarArea(a), planarArea(b)) })
	mp := make(orb.MultiPolygon, len(outers))
	for i, r := range outers {
		mp[i] = orb.Polygon{r}
	}
	for _, h := range holes {
		m := orb.Point{(h[0][0] + h[1][0]) / 2, (h[0][1] + h[1][1]) / 2}
		for i, r := range outers {
			if ringCovers(r, m) {
				mp[i] = append(mp[i], h)
				break
			}
		}
	}
	return mp
}

// areaKM2 returns the area g encloses on the Earth, in square kilometres.
func (g region) areaKM2() float64 {
	a := 0.0
	for _, r := range g {
		a += geo.SignedArea(r)
	}
	return math.Abs(a) / 1e6
}
