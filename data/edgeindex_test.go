package data

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/paulmach/orb"
)

// The plain loops the indexed checks replaced, kept as the reference the
// tests compare them with.

// onRing reports whether p lies on one of ring r's edges.
func onRing(r orb.Ring, p orb.Point) bool {
	for i := 0; i+1 < len(r); i++ {
		if onSegment(r[i], r[i+1], p) && orient(r[i], r[i+1], p) == 0 {
			return true
		}
	}
	return false
}

// polygonContainsStrictly reports whether p lies inside polygon pg's outer
// ring and outside its holes, and on none of its boundaries.
func polygonContainsStrictly(pg orb.Polygon, p orb.Point) bool {
	if len(pg) == 0 || !ringContains(pg[0], p) {
		return false
	}
	for _, h := range pg[1:] {
		if ringContains(h, p) || onRing(h, p) {
			return false
		}
	}
	return true
}

// plainPolygonsOverlap is polygonsOverlap as it was before the edge
// index: every edge against every edge, every point against every edge.
func plainPolygonsOverlap(a, b orb.Polygon) (orb.Point, bool) {
	if len(a) == 0 || len(b) == 0 {
		return orb.Point{}, false
	}
	ab, bb := a.Bound(), b.Bound()
	if !ab.Intersects(bb) {
		return orb.Point{}, false
	}
	for _, ra := range a {
		for i := 0; i+1 < len(ra); i++ {
			if !boxesMeet(ra[i], ra[i+1], bb.Min, bb.Max) {
				continue
			}
			for _, rb := range b {
				for j := 0; j+1 < len(rb); j++ {
					if boxesMeet(ra[i], ra[i+1], rb[j], rb[j+1]) && segmentsCross(ra[i], ra[i+1], rb[j], rb[j+1]) {
						return crossing(ra[i], ra[i+1], rb[j], rb[j+1]), true
					}
				}
			}
		}
	}
	for _, pair := range [2][2]orb.Polygon{{a, b}, {b, a}} {
		x, y := pair[0], pair[1]
		yb := y.Bound()
		for _, r := range x {
			for i := 0; i+1 < len(r); i++ {
				mid := orb.Point{(r[i].X() + r[i+1].X()) / 2, (r[i].Y() + r[i+1].Y()) / 2}
				for _, q := range [2]orb.Point{r[i], mid} {
					if yb.Contains(q) && polygonContainsStrictly(y, q) {
						return q, true
					}
				}
			}
		}
		if c, ok := interiorPoint(newPolyIndex(x)); ok && polygonContainsStrictly(y, c) {
			return c, true
		}
	}
	return orb.Point{}, false
}

// randomRing returns a star-shaped ring of n vertices around c, snapped
// to a grid of step 0.5 so that rings share vertices, edges and
// collinear runs often; some rings cross themselves after snapping.
func randomRing(rng *rand.Rand, c orb.Point, n int) orb.Ring {
	r := make(orb.Ring, 0, n+1)
	for k := range n {
		a := 2 * math.Pi * (float64(k) + rng.Float64()*0.8) / float64(n)
		d := 1 + rng.Float64()*3
		r = append(r, orb.Point{math.Round((c[0]+d*math.Cos(a))*2) / 2, math.Round((c[1]+d*math.Sin(a))*2) / 2})
	}
	return append(r, r[0])
}

// TestIndexedOverlapMatchesPlain compares the indexed overlap check and
// the plain loops on thousands of random pairs of polygons (with holes
// sometimes): the same answer and the same point every time.
func TestIndexedOverlapMatchesPlain(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 1))
	overlaps := 0
	for k := range 4000 {
		poly := func() orb.Polygon {
			c := orb.Point{float64(rng.IntN(12)), float64(rng.IntN(12))}
			pg := orb.Polygon{randomRing(rng, c, 3+rng.IntN(40))}
			if rng.IntN(4) == 0 {
				pg = append(pg, randomRing(rng, c, 3+rng.IntN(6)))
			}
			return pg
		}
		a, b := poly(), poly()
		switch k % 5 {
		case 0:
			b = orb.Polygon{a[0]} // identical outer rings
		case 1:
			// Neighbouring cells sharing an edge, one with vertices along
			// it that the other lacks: they touch, and overlap only when
			// the second is shifted into the first.
			x, y := float64(rng.IntN(4)), float64(rng.IntN(4))
			shift := float64(rng.IntN(2)) * 0.25
			a = orb.Polygon{{{x, y}, {x + 1, y}, {x + 1, y + 0.25}, {x + 1, y + 0.5}, {x + 1, y + 1}, {x, y + 1}, {x, y}}}
			b = orb.Polygon{{{x + 1 - shift, y}, {x + 2, y}, {x + 2, y + 1}, {x + 1 - shift, y + 1}, {x + 1 - shift, y}}}
		}
		wantP, want := plainPolygonsOverlap(a, b)
		gotP, got := polygonsOverlap(a, b)
		if got != want || gotP != wantP {
			t.Fatalf("pair %d: indexed %v %v, plain %v %v\na = %v\nb = %v", k, got, gotP, want, wantP, a, b)
		}
		if got {
			overlaps++
		}
	}
	if overlaps < 400 || overlaps > 3600 {
		t.Errorf("%d of 4000 pairs overlap: the sample does not test both answers", overlaps)
	}
}

// TestRingProblemMatchesPairs compares ringProblem's sweep with the
// comparison of every pair of edges on random rings, many of which cross
// or touch themselves.
func TestRingProblemMatchesPairs(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 2))
	bad := 0
	for k := range 4000 {
		r := randomRing(rng, orb.Point{0, 0}, 4+rng.IntN(60))
		if k%2 == 0 {
			// A few points anywhere: usually crossing itself.
			r = r[:0]
			for range 3 + rng.IntN(6) {
				r = append(r, orb.Point{float64(rng.IntN(9)) / 2, float64(rng.IntN(9)) / 2})
			}
			r = append(r, r[0])
		}
		if dup := slicesHasRepeat(r); dup {
			continue // ringProblem reports those before comparing edges
		}
		want := ringPairProblem(r)
		if got := ringProblem(r); got != want {
			t.Fatalf("ring %d: ringProblem %q, every pair %q\n%v", k, got, want, r)
		}
		if want != "" {
			bad++
		}
	}
	if bad < 500 {
		t.Errorf("only %d bad rings: the sample does not test the fallback", bad)
	}
}

// slicesHasRepeat reports whether ring r repeats a position in a row.
func slicesHasRepeat(r orb.Ring) bool {
	for i := 0; i+1 < len(r); i++ {
		if r[i] == r[i+1] {
			return true
		}
	}
	return false
}

// TestRingIndexStaysLinear: a ring whose every edge spans its whole
// height (a zigzag) gets few bands, not one entry per edge and band, and
// still answers as the plain loops.
func TestRingIndexStaysLinear(t *testing.T) {
	var r orb.Ring
	for i := range 2001 {
		r = append(r, orb.Point{float64(i), float64(i % 2 * 10)})
	}
	r = append(r, orb.Point{2000, -1}, orb.Point{0, -1}, r[0])
	ix := newRingIndex(r)
	entries := 0
	for _, b := range ix.bands {
		entries += len(b)
	}
	if edges := len(r) - 1; entries > maxBandEntries*edges {
		t.Errorf("%d entries for %d edges", entries, edges)
	}
	for _, p := range []orb.Point{{0.5, 1}, {0.5, 9}, {1000.25, 5}, {3, -0.5}, {3, 11}, {0, 0}} {
		if got, want := ix.contains(p), ringContains(r, p); got != want {
			t.Errorf("%v: contains %v, ringContains %v", p, got, want)
		}
	}
}
