package basemap

import (
	"math/rand/v2"
	"testing"

	"github.com/paulmach/orb"
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
