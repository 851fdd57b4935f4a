package stressgen

import (
	"cmp"
	"errors"
	"math"
	"slices"

	"github.com/paulmach/orb"
)

// This file cuts zones into pieces along axis-parallel lines and densifies
// their edges, so that a partition of the country stays a partition: the
// pieces of a zone share their cut edges exactly, and an edge two zones
// share gets the same new vertices in both (they are computed from the
// edge's endpoints in a canonical order).

// cutPoint returns where edge p–q crosses the line where coordinate axis
// equals c (p and q lie strictly on either side). The point is computed
// from the endpoints in lexicographic order, so both zones that share the
// edge get the same float values.
func cutPoint(p, q orb.Point, axis int, c float64) orb.Point {
	if lexLess(q, p) {
		p, q = q, p
	}
	other := 1 - axis
	t := (c - p[axis]) / (q[axis] - p[axis])
	var out orb.Point
	out[axis] = c
	out[other] = p[other] + t*(q[other]-p[other])
	return out
}

// lexLess orders points by x, then y.
func lexLess(p, q orb.Point) bool {
	return p[0] < q[0] || (p[0] == q[0] && p[1] < q[1])
}

// node is a vertex of a ring being cut: an original vertex, or a crossing
// of the cut line (cross ≥ 0, its index among the crossings).
type node struct {
	p     orb.Point
	side  int // -1 or +1 for a vertex, 0 for a crossing
	cross int
}

// errCut says a ring could not be cut consistently at a line (it should
// not happen for a simple ring; the caller then leaves the zone whole).
var errCut = errors.New("cut: inconsistent crossings")

// cutRing cuts the simple closed ring r (no holes) along the line where
// coordinate axis equals c into the rings on each side of it. No vertex
// may lie on the line. It returns the pieces below c, then those above.
func cutRing(r orb.Ring, axis int, c float64) ([]orb.Ring, error) {
	n := len(r) - 1 // r is closed
	var nodes []node
	var crossings []int // node index of each crossing
	side := func(p orb.Point) int {
		if p[axis] < c {
			return -1
		}
		return 1
	}
	for i := 0; i < n; i++ {
		p, q := r[i], r[i+1]
		if p[axis] == c {
			return nil, errCut
		}
		nodes = append(nodes, node{p: p, side: side(p), cross: -1})
		if side(p) != side(q) {
			crossings = append(crossings, len(nodes))
			nodes = append(nodes, node{p: cutPoint(p, q, axis, c), cross: len(crossings) - 1})
		}
	}
	if len(crossings) == 0 || len(crossings)%2 != 0 {
		return nil, errCut
	}
	// Pair the crossings along the line: between the 1st and 2nd, 3rd and
	// 4th, … the line runs inside the ring.
	order := make([]int, len(crossings))
	for i := range order {
		order[i] = i
	}
	other := 1 - axis
	slices.SortFunc(order, func(a, b int) int {
		return cmp.Compare(nodes[crossings[a]].p[other], nodes[crossings[b]].p[other])
	})
	partner := make([]int, len(crossings))
	for k := 0; k < len(order); k += 2 {
		a, b := order[k], order[k+1]
		if nodes[crossings[a]].p == nodes[crossings[b]].p {
			return nil, errCut
		}
		partner[a], partner[b] = b, a
	}
	var pieces []orb.Ring
	for _, s := range []int{-1, 1} {
		visited := make([]bool, len(nodes))
		for start := range nodes {
			if nodes[start].side != s || visited[start] {
				continue
			}
			var ring orb.Ring
			i := start
			for steps := 0; ; steps++ {
				if steps > 2*len(nodes) {
					return nil, errCut
				}
				nd := nodes[i]
				ring = append(ring, nd.p)
				visited[i] = true
				if nd.cross < 0 {
					i = (i + 1) % len(nodes)
					if i == start {
						break
					}
					continue
				}
				// A crossing reached from side s: follow the line to its
				// partner, then back into side s.
				j := crossings[partner[nd.cross]]
				ring = append(ring, nodes[j].p)
				i = (j + 1) % len(nodes)
				if nodes[i].side != s {
					return nil, errCut
				}
				if i == start {
					break
				}
			}
			ring = append(ring, ring[0])
			pieces = append(pieces, ring)
		}
	}
	return pieces, nil
}

// cutLine returns a value near the middle of bound b along axis at which
// no vertex of r lies.
func cutLine(r orb.Ring, b orb.Bound, axis int) float64 {
	lo, hi := b.Min[axis], b.Max[axis]
	for k := 0; ; k++ {
		c := lo + (hi-lo)*(0.5+0.013*float64(k))
		if !slices.ContainsFunc(r, func(p orb.Point) bool { return p[axis] == c }) {
			return c
		}
	}
}

// densifyRing returns r with each edge cut into ceil(length/step) equal
// parts. The new points of an edge are computed from its endpoints in
// lexicographic order, so an edge shared by two rings gets the same points
// in both.
func densifyRing(r orb.Ring, step float64) orb.Ring {
	out := make(orb.Ring, 0, len(r))
	for i := 0; i+1 < len(r); i++ {
		p, q := r[i], r[i+1]
		out = append(out, p)
		k := edgeParts(p, q, step)
		if k < 2 {
			continue
		}
		a, b := p, q
		rev := lexLess(q, p)
		if rev {
			a, b = q, p
		}
		mids := make([]orb.Point, 0, k-1)
		for j := 1; j < k; j++ {
			t := float64(j) / float64(k)
			mids = append(mids, orb.Point{a[0] + t*(b[0]-a[0]), a[1] + t*(b[1]-a[1])})
		}
		if rev {
			slices.Reverse(mids)
		}
		out = append(out, mids...)
	}
	return append(out, r[len(r)-1])
}

// edgeParts is how many parts densifyRing cuts edge p–q into.
func edgeParts(p, q orb.Point, step float64) int {
	return max(1, int(math.Ceil(math.Hypot(q[0]-p[0], q[1]-p[1])/step)))
}

// stepFor returns the edge step at which densifying every ring of rings
// gives about want vertices in all (counting each ring's closing point).
func stepFor(rings []orb.Ring, want int) float64 {
	count := func(step float64) int {
		n := 0
		for _, r := range rings {
			n++ // the closing point
			for i := 0; i+1 < len(r); i++ {
				n += edgeParts(r[i], r[i+1], step)
			}
		}
		return n
	}
	lo, hi := 1e-6, 100.0 // degrees
	for range 60 {
		mid := math.Sqrt(lo * hi)
		if count(mid) > want {
			lo = mid
		} else {
			hi = mid
		}
	}
	return hi
}

// collinearTolerance is data's: a point within about 1e-10 of an edge's
// length from it counts as on it.
const collinearTolerance = 1e-10

// onEdge reports whether c lies on segment a–b, other than at its ends,
// as data's validation sees it (within collinearTolerance).
func onEdge(a, b, c orb.Point) bool {
	if c == a || c == b {
		return false
	}
	if c[0] < min(a[0], b[0]) || c[0] > max(a[0], b[0]) || c[1] < min(a[1], b[1]) || c[1] > max(a[1], b[1]) {
		return false
	}
	abx, aby := b[0]-a[0], b[1]-a[1]
	acx, acy := c[0]-a[0], c[1]-a[1]
	v := abx*acy - aby*acx
	return v*v <= collinearTolerance*collinearTolerance*(abx*abx+aby*aby)*(acx*acx+acy*acy)
}

// weld inserts into each ring the vertices of the other rings that lie on
// its edges (a border one zone draws as p–q and its neighbour as p–v–q),
// until none is left, so that shared borders have the same vertices on
// both sides and densify to the same points. rings[i] may be welded only
// to the rings of near[i].
func weld(rings []orb.Ring, near func(i, j int) bool) {
	for changed := true; changed; {
		changed = false
		for i := range rings {
			bi := rings[i].Bound()
			var out orb.Ring
			for e := 0; e+1 < len(rings[i]); e++ {
				a, b := rings[i][e], rings[i][e+1]
				out = append(out, a)
				var ins []orb.Point
				for j := range rings {
					if j == i || !near(i, j) || !rings[j].Bound().Intersects(bi) {
						continue
					}
					for _, v := range rings[j] {
						if onEdge(a, b, v) && !slices.Contains(ins, v) {
							ins = append(ins, v)
						}
					}
				}
				if len(ins) == 0 {
					continue
				}
				changed = true
				slices.SortFunc(ins, func(p, q orb.Point) int {
					return cmp.Compare(math.Hypot(p[0]-a[0], p[1]-a[1]), math.Hypot(q[0]-a[0], q[1]-a[1]))
				})
				out = append(out, ins...)
			}
			rings[i] = append(out, rings[i][len(rings[i])-1])
		}
	}
}
