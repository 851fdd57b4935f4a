package data

import (
	"math"

	"github.com/paulmach/orb"
)

// This file indexes a polygon's edges by latitude band, so that the
// overlap check asks about a point or an edge only the few edges near its
// latitude instead of every edge of the polygon (issue 14: zones of 50,000
// vertices in all). The answers are exactly those of planar.go's plain
// loops: the same predicates on the same edges, with their endpoints in
// the same order.

// ringIndex is a ring and, for each latitude band, the edges whose
// latitude range meets the band. Edge k runs from r[k] to r[k+1].
type ringIndex struct {
	r      orb.Ring
	minY   float64
	bandH  float64 // 0: one band
	bands  [][]int32
	bounds orb.Bound
}

// maxBandEntries bounds the index's size, in entries per edge: a ring
// whose edges span many bands (long edges, a star) gets fewer bands, so
// that any ring's index stays linear in its size.
const maxBandEntries = 8

// newRingIndex indexes r's edges in about one band per two edges, or fewer
// when its edges would fill more than maxBandEntries bands each on average.
func newRingIndex(r orb.Ring) ringIndex {
	ix := ringIndex{r: r}
	if len(r) < 2 {
		return ix
	}
	ix.bounds = orb.Bound{Min: r[0], Max: r[0]}
	for _, p := range r[1:] {
		ix.bounds.Min = orb.Point{math.Min(ix.bounds.Min[0], p[0]), math.Min(ix.bounds.Min[1], p[1])}
		ix.bounds.Max = orb.Point{math.Max(ix.bounds.Max[0], p[0]), math.Max(ix.bounds.Max[1], p[1])}
	}
	edges := len(r) - 1
	n := max(1, edges/2)
	ix.minY = ix.bounds.Min[1]
	h := ix.bounds.Max[1] - ix.minY
	for {
		if !(h > 0) || n <= 1 {
			n, ix.bandH = 1, 0
			break
		}
		ix.bandH = h / float64(n)
		ix.bands = make([][]int32, n) // band() clamps to len(ix.bands)
		total := 0
		for k := 0; k < edges; k++ {
			total += ix.band(max(r[k][1], r[k+1][1])) - ix.band(min(r[k][1], r[k+1][1])) + 1
		}
		if total <= maxBandEntries*edges {
			break
		}
		n /= 4
	}
	ix.bands = make([][]int32, n)
	for k := 0; k+1 < len(r); k++ {
		lo, hi := ix.band(min(r[k][1], r[k+1][1])), ix.band(max(r[k][1], r[k+1][1]))
		for b := lo; b <= hi; b++ {
			ix.bands[b] = append(ix.bands[b], int32(k))
		}
	}
	return ix
}

// band returns the band latitude y falls in, clamped to the index.
func (ix *ringIndex) band(y float64) int {
	if ix.bandH == 0 {
		return 0
	}
	b := int(math.Floor((y - ix.minY) / ix.bandH))
	return max(0, min(b, len(ix.bands)-1))
}

// at returns the edges that may meet latitude y: every edge whose
// latitude range holds y is among them.
func (ix *ringIndex) at(y float64) []int32 {
	if len(ix.bands) == 0 || y < ix.bounds.Min[1] || y > ix.bounds.Max[1] {
		return nil
	}
	return ix.bands[ix.band(y)]
}

// contains is ringContains(ix.r, p): p strictly inside (even-odd rule),
// not on the boundary.
func (ix *ringIndex) contains(p orb.Point) bool {
	in := false
	r := ix.r
	for _, k := range ix.at(p[1]) {
		on, crosses := edgeStep(r[k+1], r[k], p)
		if on {
			return false
		}
		in = in != crosses
	}
	return in
}

// onBoundary is onRing(ix.r, p): p lies on one of the ring's edges.
func (ix *ringIndex) onBoundary(p orb.Point) bool {
	r := ix.r
	for _, k := range ix.at(p[1]) {
		if onSegment(r[k], r[k+1], p) && orient(r[k], r[k+1], p) == 0 {
			return true
		}
	}
	return false
}

// firstCrossing returns the lowest k such that edge k crosses p1–p2
// (segmentsCross: at a single point interior to both), or -1.
func (ix *ringIndex) firstCrossing(p1, p2 orb.Point) int {
	if len(ix.bands) == 0 {
		return -1
	}
	lo, hi := min(p1[1], p2[1]), max(p1[1], p2[1])
	if hi < ix.bounds.Min[1] || lo > ix.bounds.Max[1] {
		return -1
	}
	r := ix.r
	best := -1
	for b := ix.band(lo); b <= ix.band(hi); b++ {
		for _, k := range ix.bands[b] {
			if best >= 0 && int(k) >= best {
				continue
			}
			if boxesMeet(p1, p2, r[k], r[k+1]) && segmentsCross(p1, p2, r[k], r[k+1]) {
				best = int(k)
			}
		}
	}
	return best
}

// polyIndex is a polygon with its bound (its outer ring's) and each
// ring's index.
type polyIndex struct {
	pg    orb.Polygon
	bound orb.Bound
	rings []ringIndex
}

// newPolyIndex indexes pg (which may be empty).
func newPolyIndex(pg orb.Polygon) *polyIndex {
	px := &polyIndex{pg: pg}
	for _, r := range pg {
		px.rings = append(px.rings, newRingIndex(r))
	}
	if len(px.rings) > 0 {
		px.bound = px.rings[0].bounds // as orb's Polygon.Bound: the outer ring's
	}
	return px
}

// containsStrictly is polygonContainsStrictly(px.pg, p).
func (px *polyIndex) containsStrictly(p orb.Point) bool {
	if len(px.rings) == 0 || !px.rings[0].contains(p) {
		return false
	}
	for i := 1; i < len(px.rings); i++ {
		if px.rings[i].contains(p) || px.rings[i].onBoundary(p) {
			return false
		}
	}
	return true
}
