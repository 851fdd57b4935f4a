package data

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/paulmach/orb"
)

// This file holds the plane geometry the loader checks zones with: ring
// validity, point in polygon and polygon overlap, in lon/lat degrees.

// ringProblem returns what is wrong with a ring, or "": fewer than 4
// positions, not closed, or two of its edges that cross or touch (other than
// neighbours sharing their common vertex).
func ringProblem(r orb.Ring) string {
	n := len(r)
	if n < 4 {
		return fmt.Sprintf("%d positions: a ring needs at least 4", n)
	}
	if r[0] != r[n-1] {
		return fmt.Sprintf("not closed: first position %v differs from last %v", [2]float64(r[0]), [2]float64(r[n-1]))
	}
	edges := n - 1
	for i := 0; i < edges; i++ {
		if r[i] == r[i+1] {
			return fmt.Sprintf("repeated position %v", [2]float64(r[i]))
		}
	}
	if !ringMayCross(r) {
		return ""
	}
	return ringPairProblem(r)
}

// ringMayCross reports whether two edges of closed ring r may meet other
// than neighbours at their common vertex: neighbours that fold back, or
// other edges that intersect. It sweeps the edges by longitude, so that
// only edges whose longitude ranges overlap are compared; when it finds
// something, ringPairProblem says what, in edge order.
func ringMayCross(r orb.Ring) bool {
	edges := len(r) - 1
	foldsBack := func(shared, other1, other2 orb.Point) bool {
		return orient(shared, other1, other2) == 0 && dot(other1.X()-shared.X(), other1.Y()-shared.Y(), other2.X()-shared.X(), other2.Y()-shared.Y()) > 0
	}
	for i := 0; i+1 < edges; i++ {
		if foldsBack(r[i+1], r[i], r[i+2]) {
			return true
		}
	}
	if foldsBack(r[0], r[1], r[edges-1]) {
		return true
	}
	type span struct {
		minX, maxX float64
		i          int32
	}
	order := make([]span, edges)
	for i := range order {
		order[i] = span{min(r[i][0], r[i+1][0]), max(r[i][0], r[i+1][0]), int32(i)}
	}
	slices.SortFunc(order, func(a, b span) int { return cmp.Compare(a.minX, b.minX) })
	for k, e := range order {
		i := e.i
		a1, a2 := r[i], r[i+1]
		for _, f := range order[k+1:] {
			if f.minX > e.maxX {
				break
			}
			j := f.i
			if d := i - j; d == 1 || d == -1 || d == int32(edges-1) || d == -int32(edges-1) {
				continue // neighbours: checked above
			}
			if boxesMeet(a1, a2, r[j], r[j+1]) && segmentsIntersect(a1, a2, r[j], r[j+1]) {
				return true
			}
		}
	}
	return false
}

// ringPairProblem compares every pair of edges of closed ring r and
// returns the first problem in edge order: neighbours that fold back on
// each other, or other edges that meet; "" when there is none.
func ringPairProblem(r orb.Ring) string {
	edges := len(r) - 1
	for i := 0; i < edges; i++ {
		a1, a2 := r[i], r[i+1]
		for j := i + 1; j < edges; j++ {
			b1, b2 := r[j], r[j+1]
			adjacent := j == i+1 || (i == 0 && j == edges-1)
			if adjacent {
				// Neighbours share one vertex; they are wrong only when
				// they fold back along each other (a spike).
				shared, other1, other2 := a2, a1, b2
				if i == 0 && j == edges-1 {
					shared, other1, other2 = a1, a2, b1
				}
				if orient(shared, other1, other2) == 0 && dot(other1.X()-shared.X(), other1.Y()-shared.Y(), other2.X()-shared.X(), other2.Y()-shared.Y()) > 0 {
					return fmt.Sprintf("edges %d and %d fold back on each other at %v", i, j, [2]float64(shared))
				}
				continue
			}
			if !boxesMeet(a1, a2, b1, b2) {
				continue
			}
			if segmentsIntersect(a1, a2, b1, b2) {
				return fmt.Sprintf("self-intersecting: edge %d (%v–%v) meets edge %d (%v–%v)",
					i, [2]float64(a1), [2]float64(a2), j, [2]float64(b1), [2]float64(b2))
			}
		}
	}
	return ""
}

func dot(ax, ay, bx, by float64) float64 { return ax*bx + ay*by }

// collinearTolerance is the relative size below which a cross product counts
// as zero: a point within about 1e-10 of the edge length from a line is on
// it. Hand-made borders shared by two zones are then not taken for overlaps
// because of rounding (the midpoint of (17, 28.3)–(19.5, 27.5) is not
// exactly on that segment in floating point).
const collinearTolerance = 1e-10

// orient returns the sign of the turn a→b→c: +1 left, -1 right, 0 collinear
// (within collinearTolerance).
func orient(a, b, c orb.Point) int {
	abx, aby := b.X()-a.X(), b.Y()-a.Y()
	acx, acy := c.X()-a.X(), c.Y()-a.Y()
	v := abx*acy - aby*acx
	// |v| > tol·|ab|·|ac|, compared squared to avoid square roots.
	if v*v <= collinearTolerance*collinearTolerance*(abx*abx+aby*aby)*(acx*acx+acy*acy) {
		return 0
	}
	if v > 0 {
		return 1
	}
	return -1
}

// onSegment reports whether c, collinear with a–b, lies within its bounds.
func onSegment(a, b, c orb.Point) bool {
	return min(a[0], b[0]) <= c[0] && c[0] <= max(a[0], b[0]) &&
		min(a[1], b[1]) <= c[1] && c[1] <= max(a[1], b[1])
}

// boxesMeet reports whether the bounding boxes of segments p1–p2 and q1–q2
// intersect: a cheap test that rules out most segment pairs.
func boxesMeet(p1, p2, q1, q2 orb.Point) bool {
	return max(p1[0], p2[0]) >= min(q1[0], q2[0]) && max(q1[0], q2[0]) >= min(p1[0], p2[0]) &&
		max(p1[1], p2[1]) >= min(q1[1], q2[1]) && max(q1[1], q2[1]) >= min(p1[1], p2[1])
}

// segmentsIntersect reports whether segments p1–p2 and q1–q2 share any point
// (crossing, touching or overlapping).
func segmentsIntersect(p1, p2, q1, q2 orb.Point) bool {
	o1, o2 := orient(p1, p2, q1), orient(p1, p2, q2)
	o3, o4 := orient(q1, q2, p1), orient(q1, q2, p2)
	if o1 != o2 && o3 != o4 && o1*o2 <= 0 && o3*o4 <= 0 {
		return true
	}
	return (o1 == 0 && onSegment(p1, p2, q1)) || (o2 == 0 && onSegment(p1, p2, q2)) ||
		(o3 == 0 && onSegment(q1, q2, p1)) || (o4 == 0 && onSegment(q1, q2, p2))
}

// segmentsCross reports whether segments p1–p2 and q1–q2 cross at a single
// point interior to both (touching and collinear overlap do not count: zones
// that share a border only touch).
func segmentsCross(p1, p2, q1, q2 orb.Point) bool {
	if orient(p1, p2, q1)*orient(p1, p2, q2) >= 0 {
		return false // q1 and q2 on one side (or on the line): shared borders end here
	}
	return orient(q1, q2, p1)*orient(q1, q2, p2) < 0
}

// crossing returns where segments p1–p2 and q1–q2 meet (they must cross).
func crossing(p1, p2, q1, q2 orb.Point) orb.Point {
	dx1, dy1 := p2.X()-p1.X(), p2.Y()-p1.Y()
	dx2, dy2 := q2.X()-q1.X(), q2.Y()-q1.Y()
	den := dx1*dy2 - dy1*dx2
	if den == 0 {
		return p1
	}
	t := ((q1.X()-p1.X())*dy2 - (q1.Y()-p1.Y())*dx2) / den
	return orb.Point{p1.X() + t*dx1, p1.Y() + t*dy1}
}

// ringContains reports whether p lies strictly inside ring r (even-odd
// rule); a point on the boundary is not inside.
func ringContains(r orb.Ring, p orb.Point) bool {
	in := false
	for i, j := 0, len(r)-1; i < len(r); j, i = i, i+1 {
		on, crosses := edgeStep(r[i], r[j], p)
		if on {
			return false
		}
		in = in != crosses
	}
	return in
}

// edgeStep is one edge a–b of the even-odd test of p: on reports that p
// lies on the edge, crosses that a ray from p towards +x crosses it.
func edgeStep(a, b, p orb.Point) (on, crosses bool) {
	if onSegment(a, b, p) && orient(a, b, p) == 0 {
		return true, false
	}
	return false, (a.Y() > p.Y()) != (b.Y() > p.Y()) &&
		p.X() < (b.X()-a.X())*(p.Y()-a.Y())/(b.Y()-a.Y())+a.X()
}

// ringCovers reports whether p lies inside ring r or on its boundary.
func ringCovers(r orb.Ring, p orb.Point) bool {
	in := false
	for i, j := 0, len(r)-1; i < len(r); j, i = i, i+1 {
		a, b := r[i], r[j]
		if (a[1] > p[1]) != (b[1] > p[1]) {
			x := (b[0]-a[0])*(p[1]-a[1])/(b[1]-a[1]) + a[0]
			if p[0] == x {
				return true
			}
			if p[0] < x {
				in = !in
			}
		} else if onSegment(a, b, p) && orient(a, b, p) == 0 {
			return true
		}
	}
	return in
}

// polygonsOverlap reports whether two polygons share interior area, and a
// point near where they do (see polygonsOverlapIndexed).
func polygonsOverlap(a, b orb.Polygon) (orb.Point, bool) {
	return polygonsOverlapIndexed(newPolyIndex(a), newPolyIndex(b))
}

// polygonsOverlapIndexed reports whether two indexed polygons share
// interior area, and a point near where they do. It uses a bbox
// prefilter, then looks for edges that cross, a vertex or edge midpoint of
// one strictly inside the other, or one's interior point inside the other
// (for identical shapes). Polygons that only share border segments or
// vertices do not overlap. The point is the first found in ring and edge
// order, whatever the index.
func polygonsOverlapIndexed(a, b *polyIndex) (orb.Point, bool) {
	if len(a.pg) == 0 || len(b.pg) == 0 {
		return orb.Point{}, false
	}
	bb := b.bound
	if !a.bound.Intersects(bb) {
		return orb.Point{}, false
	}
	for _, ra := range a.pg {
		for i := 0; i+1 < len(ra); i++ {
			if !boxesMeet(ra[i], ra[i+1], bb.Min, bb.Max) {
				continue
			}
			for k := range b.rings {
				if j := b.rings[k].firstCrossing(ra[i], ra[i+1]); j >= 0 {
					rb := b.pg[k]
					return crossing(ra[i], ra[i+1], rb[j], rb[j+1]), true
				}
			}
		}
	}
	for _, pair := range [2][2]*polyIndex{{a, b}, {b, a}} {
		x, y := pair[0], pair[1]
		yb := y.bound
		for _, r := range x.pg {
			for i := 0; i+1 < len(r); i++ {
				mid := orb.Point{(r[i].X() + r[i+1].X()) / 2, (r[i].Y() + r[i+1].Y()) / 2}
				for _, q := range [2]orb.Point{r[i], mid} {
					if yb.Contains(q) && y.containsStrictly(q) {
						return q, true
					}
				}
			}
		}
		if c, ok := interiorPoint(x); ok && y.containsStrictly(c) {
			return c, true
		}
	}
	return orb.Point{}, false
}

// interiorPoint returns a point strictly inside polygon px, if one of a few
// candidates (the centroid, and points just inside each outer vertex) is.
func interiorPoint(px *polyIndex) (orb.Point, bool) {
	outer := px.pg[0]
	var cx, cy float64
	n := len(outer) - 1
	for _, p := range outer[:n] {
		cx += p.X()
		cy += p.Y()
	}
	c := orb.Point{cx / float64(n), cy / float64(n)}
	if px.containsStrictly(c) {
		return c, true
	}
	for i := 0; i < n; i++ {
		prev, cur, next := outer[(i+n-1)%n], outer[i], outer[i+1]
		q := orb.Point{(prev.X() + cur.X() + next.X()) / 3, (prev.Y() + cur.Y() + next.Y()) / 3}
		if px.containsStrictly(q) {
			return q, true
		}
	}
	return orb.Point{}, false
}
