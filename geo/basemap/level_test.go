package basemap

import (
	"math/rand/v2"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// pointsBound gives orb's bound of a ring or line, whatever its points.
func TestPointsBound(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	cases := [][]orb.Point{
		{{1, 2}},
		{{1, 2}, {-3, 5}},
		{{-180, -90}, {180, 90}, {0, 0}},
		{{10, 30}, {12, 31}, {11, 29}, {10, 30}}, // a ring, closed
	}
	for range 50 {
		pts := make([]orb.Point, 1+rng.IntN(300))
		for i := range pts {
			pts[i] = orb.Point{360*rng.Float64() - 180, 180*rng.Float64() - 90}
		}
		cases = append(cases, pts)
	}
	for i, pts := range cases {
		if got, want := pointsBound(pts), orb.MultiPoint(pts).Bound(); got != want {
			t.Errorf("case %d (%d points): pointsBound = %v, orb says %v", i, len(pts), got, want)
		}
	}
}

// ringArea is planar.Area to the bit, on rings of every winding and size.
func TestRingArea(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	rings := []orb.Ring{nil, {{1, 1}}, {{0, 0}, {1, 0}, {0, 1}, {0, 0}}, {{0, 0}, {0, 1}, {1, 0}, {0, 0}}}
	for range 200 {
		r := make(orb.Ring, 3+rng.IntN(100))
		for i := range r {
			r[i] = orb.Point{10 + rng.Float64(), 30 + rng.Float64()}
		}
		rings = append(rings, append(r, r[0]))
	}
	for i, r := range rings {
		if got, want := ringArea(r), planar.Area(r); got != want {
			t.Errorf("ring %d (%d points): ringArea = %v, planar.Area = %v", i, len(r), got, want)
		}
	}
}
