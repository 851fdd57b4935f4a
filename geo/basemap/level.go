package basemap

import (
	"math"
	"sync"

	"github.com/briefmap/briefmap/geo/basemap/polylabel"
	"github.com/briefmap/briefmap/geo/basemap/topo"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/clip"
	"github.com/paulmach/orb/planar"
)

// level is the whole basemap simplified at one tolerance, with the bound of
// every polygon and line so that View can skip what is out of sight and
// share, without clipping, what is wholly inside.
type level struct {
	tol       float64
	countries []levelCountry // in the order of Basemap.countries
	borders   []levelLine
	coast     []levelLine
}

type levelCountry struct {
	iso3, name string
	label      orb.Point
	polys      []levelPolygon
}

type levelPolygon struct {
	poly  orb.Polygon
	bound orb.Bound
}

type levelLine struct {
	line  orb.LineString
	bound orb.Bound
}

// buildLevel assembles level k of t: every arc simplified as the
// generator recorded (Douglas–Peucker keeps the endpoints, and so the
// junctions between neighbours), then the rings and lines from the
// simplified arcs. A ring whose area falls below tol² (about a square
// pixel) is dropped, and with an outer ring its polygon; an island's
// coastline goes with it.
func buildLevel(t *topo.Topology, k int) *level {
	tol := t.Levels[k]
	nArcs := t.NumArcs()
	arcs := make([]orb.LineString, nArcs)
	inParts(nArcs, func(lo, hi int) {
		// One allocation of the exact size for the part's arcs.
		n := 0
		for i := lo; i < hi; i++ {
			n += t.SimplifiedLen(i, k)
		}
		slab := make([]orb.Point, 0, n)
		for i := lo; i < hi; i++ {
			start := len(slab)
			slab = t.AppendSimplified(slab, i, k)
			arcs[i] = slab[start:len(slab):len(slab)]
		}
	})
	minArea := tol * tol
	tiny := func(r orb.Ring) bool {
		return len(r) < 4 || math.Abs(ringArea(r)) <= minArea
	}
	lvl := &level{tol: tol, countries: make([]levelCountry, len(t.Countries))}
	inParts(len(t.Countries), func(lo, hi int) {
		for ci := lo; ci < hi; ci++ {
			tc := &t.Countries[ci]
			lc := levelCountry{iso3: tc.ISO3, name: tc.Name, label: tc.Label}
			for _, rings := range tc.Polygons {
				var poly orb.Polygon
				for ri, refs := range rings {
					r := topo.AssembleRing(refs, func(i int) []orb.Point { return arcs[i] })
					if tiny(r) {
						if ri == 0 {
							break
						}
						continue
					}
					poly = append(poly, r)
				}
				if len(poly) > 0 {
					lc.polys = append(lc.polys, levelPolygon{poly: poly, bound: pointsBound(poly[0])})
				}
			}
			lvl.countries[ci] = lc
		}
	})
	for i, ls := range arcs {
		if ls[0] == ls[len(ls)-1] && tiny(orb.Ring(ls)) {
			continue
		}
		switch t.ArcKind(i) {
		case topo.Border:
			lvl.borders = append(lvl.borders, levelLine{line: ls, bound: pointsBound(ls)})
		case topo.Coast:
			lvl.coast = append(lvl.coast, levelLine{line: ls, bound: pointsBound(ls)})
		}
	}
	return lvl
}

// inParts calls part with the halves of [0, n) on two goroutines, or with
// all of it on this one when n is small: building a level is the one step
// of a first render that nothing else waits with, and the two halves write
// to disjoint indexes.
func inParts(n int, part func(lo, hi int)) {
	if n < 64 {
		part(0, n)
		return
	}
	var wg sync.WaitGroup
	wg.Go(func() { part(0, n/2) })
	part(n/2, n)
	wg.Wait()
}

// ringArea returns the signed area of r as planar.Area computes it (the
// same sums in the same order, so the same float64), without the centroid
// planar.Area works out beside it.
func ringArea(r orb.Ring) float64 {
	if len(r) == 0 {
		return 0
	}
	offsetX, offsetY := r[0][0], r[0][1]
	area := 0.0
	for i := 1; i < len(r)-1; i++ {
		area += (r[i][0]-offsetX)*(r[i+1][1]-offsetY) - (r[i+1][0]-offsetX)*(r[i][1]-offsetY)
	}
	return area / 2
}

// pointsBound returns the bounding box of pts, as orb's Bound does (a
// polygon's is its outer ring's), in one loop with the min and max
// built-ins: it runs over every vertex of a level, where orb's Extend, a
// call per point, took a twentieth of a render's CPU. pts must not be
// empty.
func pointsBound(pts []orb.Point) orb.Bound {
	b := orb.Bound{Min: pts[0], Max: pts[0]}
	for _, p := range pts[1:] {
		b.Min[0], b.Max[0] = min(b.Min[0], p[0]), max(b.Max[0], p[0])
		b.Min[1], b.Max[1] = min(b.Min[1], p[1]), max(b.Max[1], p[1])
	}
	return b
}

// contains reports whether inner lies wholly inside outer.
func contains(outer, inner orb.Bound) bool {
	return inner.Min[0] >= outer.Min[0] && inner.Min[1] >= outer.Min[1] &&
		inner.Max[0] <= outer.Max[0] && inner.Max[1] <= outer.Max[1]
}

// view fills v with the level's geometry in clipB; bound is the map's own
// bound, used to keep labels on screen.
func (l *level) view(v *View, bound, clipB orb.Bound) {
	for _, lc := range l.countries {
		var mp orb.MultiPolygon
		for _, lp := range lc.polys {
			if !lp.bound.Intersects(clipB) {
				continue
			}
			if contains(clipB, lp.bound) {
				mp = append(mp, lp.poly)
				continue
			}
			if p := clipPolygon(clipB, lp.poly); p != nil {
				mp = append(mp, p)
			}
		}
		if len(mp) == 0 {
			continue
		}
		c := Country{ISO3: lc.iso3, Name: lc.name, Geometry: mp, Label: lc.label}
		if !bound.Contains(lc.label) {
			c.Label = visibleLabel(mp, bound, l.tol)
		}
		v.Countries = append(v.Countries, c)
		v.Land = append(v.Land, mp...)
	}
	v.Borders = clipLines(v.Borders, l.borders, clipB)
	v.Coastline = clipLines(v.Coastline, l.coast, clipB)
}

// clipPolygon returns p clipped to b with closed rings of at least four
// points, or nil if nothing is left. p is not modified.
func clipPolygon(b orb.Bound, p orb.Polygon) orb.Polygon {
	out := clip.Polygon(b, p.Clone())
	if len(out) == 0 || len(out[0]) < 4 {
		return nil
	}
	kept := out[:1]
	for _, r := range out[1:] {
		if len(r) >= 4 {
			kept = append(kept, r)
		}
	}
	return kept
}

// clipLines appends to dst the parts of lines inside b.
func clipLines(dst orb.MultiLineString, lines []levelLine, b orb.Bound) orb.MultiLineString {
	for _, ll := range lines {
		if !ll.bound.Intersects(b) {
			continue
		}
		if contains(b, ll.bound) {
			dst = append(dst, ll.line)
			continue
		}
		for _, part := range clip.LineString(b, ll.line) {
			if len(part) >= 2 {
				dst = append(dst, part)
			}
		}
	}
	return dst
}

// visibleLabel returns a label point inside the part of the largest
// visible polygon of mp that lies in bound: its pole of inaccessibility,
// found to about four pixels or 1/32 of its size. A visible part smaller
// than 1/16 of the view, too small to carry a label, gets the centre of
// its bound if that is inside it (else its first vertex) without the
// search. If nothing of mp is in bound it returns the centre of the first
// polygon's bound.
func visibleLabel(mp orb.MultiPolygon, bound orb.Bound, tol float64) orb.Point {
	var best orb.Polygon
	bestArea := -1.0
	for _, p := range mp {
		vis := p
		if !contains(bound, p.Bound()) {
			vis = clipPolygon(bound, p)
		}
		if vis == nil {
			continue
		}
		if a := math.Abs(planar.Area(vis[0])); a > bestArea {
			best, bestArea = vis, a
		}
	}
	if best == nil {
		return mp[0].Bound().Center()
	}
	vb := best.Bound()
	size := math.Min(vb.Max[0]-vb.Min[0], vb.Max[1]-vb.Min[1])
	view := math.Min(bound.Max[0]-bound.Min[0], bound.Max[1]-bound.Min[1])
	if size < view/16 {
		if c := vb.Center(); planar.PolygonContains(best, c) {
			return c
		}
		return best[0][0]
	}
	return polylabel.Find(best, math.Max(4*tol, size/32))
}
