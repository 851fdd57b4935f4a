package polylabel

import (
	"math"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

func TestFind(t *testing.T) {
	square := orb.Ring{{0, 0}, {2, 0}, {2, 2}, {0, 2}, {0, 0}}
	for _, c := range []struct {
		name string
		poly orb.Polygon
		want orb.Point
		tol  float64
	}{
		{"square", orb.Polygon{square}, orb.Point{1, 1}, 0.02},
		// An L: the pole lies in the thick corner, not at the bound's centre
		// (which is outside the L).
		{"L", orb.Polygon{{{0, 0}, {4, 0}, {4, 1}, {1, 1}, {1, 4}, {0, 4}, {0, 0}}}, orb.Point{0.5, 0.5}, 0.15},
		// A hole in the middle pushes the pole into a corner of the frame,
		// where the distances to the outer edges and to the hole's corner
		// are equal: x = √2(1-x), x = 2-√2.
		{"square with hole", orb.Polygon{{{0, 0}, {4, 0}, {4, 4}, {0, 4}, {0, 0}}, {{1, 1}, {1, 3}, {3, 3}, {3, 1}, {1, 1}}}, orb.Point{4 - (2 - math.Sqrt2), 2 - math.Sqrt2}, 0.02},
		// Open rings work the same.
		{"open square", orb.Polygon{square[:4]}, orb.Point{1, 1}, 0.02},
	} {
		got := Find(c.poly, 0.001)
		if math.Abs(got[0]-c.want[0]) > c.tol || math.Abs(got[1]-c.want[1]) > c.tol {
			t.Errorf("%s: Find = %v, want %v ± %g", c.name, got, c.want, c.tol)
		}
		if !planar.PolygonContains(c.poly, got) {
			t.Errorf("%s: %v is not inside", c.name, got)
		}
	}
	if got := Find(nil, 1); got != (orb.Point{}) {
		t.Errorf("Find(nil) = %v", got)
	}
	line := orb.Polygon{{{1, 1}, {3, 1}, {1, 1}}}
	if got := Find(line, 0.1); got != (orb.Point{2, 1}) {
		t.Errorf("degenerate: Find = %v, want the bound's centre {2 1}", got)
	}
}

// TestFindLatitude checks the east–west scaling: at 60°N a degree of
// longitude is half a degree of latitude, so a 2°×1° box is square on the
// ground and its pole is its centre however the search runs.
func TestFindLatitude(t *testing.T) {
	p := orb.Polygon{{{10, 59.5}, {12, 59.5}, {12, 60.5}, {10, 60.5}, {10, 59.5}}}
	got := Find(p, 0.001)
	if math.Abs(got[0]-11) > 0.02 || math.Abs(got[1]-60) > 0.02 {
		t.Errorf("Find = %v, want {11 60}", got)
	}
}

func BenchmarkFind(b *testing.B) {
	var r orb.Ring
	for i := 0; i <= 1000; i++ {
		a := 2 * math.Pi * float64(i) / 1000
		rad := 5 + math.Sin(7*a)
		r = append(r, orb.Point{20 + rad*math.Cos(a), 27 + rad*math.Sin(a)})
	}
	p := orb.Polygon{r}
	b.ReportAllocs()
	for b.Loop() {
		Find(p, 0.01)
	}
}
