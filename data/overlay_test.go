package data

import (
	"math"
	"testing"

	"github.com/paulmach/orb"
)

// box returns the square [x0,x1]×[y0,y1] as a one-polygon MultiPolygon,
// clockwise when cw is set (the overlay must not care).
func box(x0, y0, x1, y1 float64, cw bool) orb.MultiPolygon {
	r := orb.Ring{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}
	if cw {
		r = orb.Ring{{x0, y0}, {x0, y1}, {x1, y1}, {x1, y0}, {x0, y0}}
	}
	return orb.MultiPolygon{{r}}
}

// planarRegionArea returns the area g encloses in square degrees.
func planarRegionArea(g region) float64 {
	a := 0.0
	for _, r := range g {
		a += planarArea(r)
	}
	return a
}

func TestOverlay(t *testing.T) {
	withHole := orb.MultiPolygon{{
		{{0, 0}, {4, 0}, {4, 4}, {0, 4}, {0, 0}},
		{{1, 1}, {1, 3}, {3, 3}, {3, 1}, {1, 1}},
	}}
	tests := []struct {
		name                string
		p, q                orb.MultiPolygon
		intersect, subtract float64 // square degrees
	}{
		{"disjoint", box(0, 0, 1, 1, false), box(2, 2, 3, 3, false), 0, 1},
		{"overlapping corners", box(0, 0, 2, 2, false), box(1, 1, 3, 3, false), 1, 3},
		{"clockwise input", box(0, 0, 2, 2, true), box(1, 1, 3, 3, true), 1, 3},
		{"shared edge only", box(0, 0, 1, 1, false), box(1, 0, 2, 1, false), 0, 1},
		{"identical", box(0, 0, 2, 2, false), box(0, 0, 2, 2, false), 4, 0},
		{"inside", box(1, 1, 2, 2, false), box(0, 0, 3, 3, false), 1, 0},
		{"contains", box(0, 0, 3, 3, false), box(1, 1, 2, 2, false), 1, 8},
		{"shares part of an edge (T-junction)", box(0, 0, 2, 2, false), box(1, 0, 3, 1, false), 1, 3},
		{"half covered, shared edges", box(0, 0, 2, 2, false), box(0, 0, 1, 2, false), 2, 2},
		{"hole of p over q", withHole, box(1, 1, 3, 3, false), 0, 12},
		{"q across the hole", withHole, box(0, 1.5, 4, 2.5, false), 2, 10},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, q := regionOf(tc.p), regionOf(tc.q)
			for _, c := range []struct {
				op   overlayOp
				want float64
			}{{opIntersect, tc.intersect}, {opSubtract, tc.subtract}} {
				got := overlay(p, q, c.op)
				if a := planarRegionArea(got); math.Abs(a-c.want) > 1e-9 {
					t.Errorf("op %d: area %g, want %g (rings %v)", c.op, a, c.want, got)
				}
				// The polygons the rings make enclose the same area.
				mpA := 0.0
				for _, pg := range got.multiPolygon() {
					for _, r := range pg {
						mpA += planarArea(r)
					}
				}
				if math.Abs(mpA-c.want) > 1e-9 {
					t.Errorf("op %d: multiPolygon area %g, want %g", c.op, mpA, c.want)
				}
			}
		})
	}
}

func TestRegionAreaKM2(t *testing.T) {
	// One degree square at the equator: about 111.2 km × 111.2 km.
	got := regionOf(box(0, 0, 1, 1, false)).areaKM2()
	if math.Abs(got-12364) > 30 {
		t.Errorf("area of a 1° square at the equator = %.0f km², want about 12364", got)
	}
}

func FuzzOverlay(f *testing.F) {
	f.Add(0.0, 0.0, 2.0, 2.0, 1.0, 1.0, 3.0, 3.0)
	f.Add(0.0, 0.0, 1.0, 1.0, 1.0, 0.0, 2.0, 1.0)
	f.Fuzz(func(t *testing.T, a0, b0, a1, b1, c0, d0, c1, d1 float64) {
		for _, v := range []float64{a0, b0, a1, b1, c0, d0, c1, d1} {
			if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > 1e3 {
				return
			}
		}
		if a1-a0 < 1e-3 || b1-b0 < 1e-3 || c1-c0 < 1e-3 || d1-d0 < 1e-3 {
			return
		}
		p, q := regionOf(box(a0, b0, a1, b1, false)), regionOf(box(c0, d0, c1, d1, false))
		w := math.Max(0, math.Min(a1, c1)-math.Max(a0, c0))
		h := math.Max(0, math.Min(b1, d1)-math.Max(b0, d0))
		want := w * h
		// Vertices are snapped to snapGrid: each edge may move by that much.
		tol := 1e-9*(1+(a1-a0)*(b1-b0)+(c1-c0)*(d1-d0)) + 2*snapGrid*(a1-a0+b1-b0+c1-c0+d1-d0)
		if got := planarRegionArea(overlay(p, q, opIntersect)); math.Abs(got-want) > tol {
			t.Errorf("intersection area %g, want %g", got, want)
		}
		if got := planarRegionArea(overlay(p, q, opSubtract)); math.Abs(got-((a1-a0)*(b1-b0)-want)) > tol {
			t.Errorf("difference area %g, want %g", got, (a1-a0)*(b1-b0)-want)
		}
	})
}
