package main

import (
	"math"

	"github.com/briefmap/briefmap/geo/basemap/polylabel"
	"github.com/paulmach/orb"
)

// labelPoint returns the pole of inaccessibility of the country's largest
// polygon (by area on the grid), to within 0.01°, on the output grid.
func labelPoint(polys [][][]pt) orb.Point {
	best, bestArea := -1, int64(0)
	for i, p := range polys {
		if a := ringArea2(p[0]); a > bestArea {
			best, bestArea = i, a
		}
	}
	if best < 0 {
		return orb.Point{}
	}
	poly := make(orb.Polygon, len(polys[best]))
	for i, r := range polys[best] {
		ring := make(orb.Ring, len(r))
		for j, p := range r {
			ring[j] = p.toDegrees()
		}
		poly[i] = ring
	}
	l := polylabel.Find(poly, 0.01)
	return orb.Point{math.Round(l[0]*quantum) / quantum, math.Round(l[1]*quantum) / quantum}
}
