package libya

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geo"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/planar"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/internal/goldenfile"
)

// border returns Libya's Natural Earth 10m polygon, written by tools/zones.
func border(t testing.TB) orb.MultiPolygon {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "libya-ne10m.geojson"))
	if err != nil {
		t.Fatal(err)
	}
	fc, err := geojson.UnmarshalFeatureCollection(raw)
	if err != nil {
		t.Fatalf("libya-ne10m.geojson: %v", err)
	}
	if len(fc.Features) != 1 {
		t.Fatalf("libya-ne10m.geojson: %d features, want 1", len(fc.Features))
	}
	switch g := fc.Features[0].Geometry.(type) {
	case orb.Polygon:
		return orb.MultiPolygon{g}
	case orb.MultiPolygon:
		return g
	default:
		t.Fatalf("libya-ne10m.geojson: geometry %T", g)
	}
	return nil
}

// gridStep is the spacing of the sample grid in degrees (about 5 km).
const gridStep = 0.05

// area is a multipolygon with its polygons' bounds computed once: orb's
// planar.MultiPolygonContains recomputes every ring's bound on every call,
// which made the grid sampling below ten times slower.
type area struct {
	mp     orb.MultiPolygon
	bounds []orb.Bound
	bound  orb.Bound
}

func newArea(mp orb.MultiPolygon) area {
	a := area{mp: mp, bound: mp.Bound()}
	for _, p := range mp {
		a.bounds = append(a.bounds, p.Bound())
	}
	return a
}

// contains reports whether p is inside a (even-odd rule over all rings of a
// polygon, so holes are excluded). Points exactly on an edge may go either
// way, which does not matter for sampling.
func (a area) contains(p orb.Point) bool {
	if !a.bound.Contains(p) {
		return false
	}
	for i, poly := range a.mp {
		if !a.bounds[i].Contains(p) {
			continue
		}
		in := false
		for _, r := range poly {
			for j, k := 0, len(r)-1; j < len(r); k, j = j, j+1 {
				u, v := r[j], r[k]
				if (u[1] > p[1]) != (v[1] > p[1]) && p[0] < (v[0]-u[0])*(p[1]-u[1])/(v[1]-u[1])+u[0] {
					in = !in
				}
			}
		}
		if in {
			return true
		}
	}
	return false
}

// grid returns the points of a gridStep grid over a's bound that lie in a.
func grid(a area) []orb.Point {
	var out []orb.Point
	for y := math.Ceil(a.bound.Min[1]/gridStep) * gridStep; y <= a.bound.Max[1]; y += gridStep {
		for x := math.Ceil(a.bound.Min[0]/gridStep) * gridStep; x <= a.bound.Max[0]; x += gridStep {
			if p := (orb.Point{x, y}); a.contains(p) {
				out = append(out, p)
			}
		}
	}
	return out
}

type boundedZone struct {
	*data.Zone
	area
}

func contains(z boundedZone, p orb.Point) bool { return z.area.contains(p) }

// TestAreaContains checks the sampling helper against orb/planar on points
// spread over Libya and its neighbours.
func TestAreaContains(t *testing.T) {
	libya := border(t)
	a := newArea(libya)
	for y := 18.0; y < 35; y += 0.37 {
		for x := 8.0; x < 27; x += 0.41 {
			p := orb.Point{x, y}
			if got, want := a.contains(p), planar.MultiPolygonContains(libya, p); got != want {
				t.Errorf("contains(%v) = %v, planar says %v", p, got, want)
			}
		}
	}
}

// TestZoneCoverage samples a fine grid over Libya's 10m border and checks,
// for each snapshot date and a date between them, that at least 99% of the
// points lie in exactly one non-contested zone and that none lies in two.
// Contested zones must lie inside Libya and overlap a controlled zone.
func TestZoneCoverage(t *testing.T) {
	b := load(t)
	libya := newArea(border(t))
	points := grid(libya)
	if len(points) < 50000 {
		t.Fatalf("only %d grid points inside Libya: the border file looks wrong", len(points))
	}
	for _, d := range []data.Date{data.MustDate("2019-10-01"), berlin, interval, moscow} {
		var held, contested []boundedZone
		for _, z := range b.ZonesOn(d) {
			bz := boundedZone{z, newArea(z.Geometry)}
			if z.Contested() {
				contested = append(contested, bz)
			} else {
				held = append(held, bz)
			}
		}
		if len(held) < 2 {
			t.Errorf("%v: %d controlled zones", d, len(held))
			continue
		}
		once, twice, none := 0, 0, 0
		var firstTwice, firstNone orb.Point
		for _, p := range points {
			n := 0
			for _, z := range held {
				if contains(z, p) {
					n++
				}
			}
			switch n {
			case 0:
				if none == 0 {
					firstNone = p
				}
				none++
			case 1:
				once++
			default:
				if twice == 0 {
					firstTwice = p
				}
				twice++
			}
		}
		share := float64(once) / float64(len(points))
		t.Logf("%v: %d zones; %d of %d points in exactly one (%.3f%%), %d in none, %d in several",
			d, len(held), once, len(points), 100*share, none, twice)
		if share < 0.99 {
			t.Errorf("%v: only %.2f%% of Libya lies in exactly one zone (first uncovered point %v)", d, 100*share, firstNone)
		}
		if twice > 0 {
			t.Errorf("%v: %d points lie in two zones, the first at %v", d, twice, firstTwice)
		}
		for _, c := range contested {
			inside, overlaps := 0, 0
			pts := grid(c.area)
			for _, p := range pts {
				if libya.contains(p) {
					inside++
				}
				for _, z := range held {
					if contains(z, p) {
						overlaps++
						break
					}
				}
			}
			if len(pts) == 0 || float64(inside) < 0.99*float64(len(pts)) || overlaps == 0 {
				t.Errorf("%v: contested %s: %d sample points, %d inside Libya, %d in controlled zones", d, c.ID, len(pts), inside, overlaps)
			}
		}
	}
}

// TestNoGapsInTime checks, day by day from the first zone (27 June 2019) to
// the end of 2024, that the controlled zones valid on each day add up to
// Libya's area: a gap or an overlap between two periods' validity shows up
// as a day with too little or too much.
func TestNoGapsInTime(t *testing.T) {
	b := load(t)
	libya := geo.Area(border(t))
	areas := map[string]float64{}
	for _, z := range b.Zones {
		areas[z.ID] = geo.Area(z.Geometry)
	}
	for day := data.MustDate("2019-06-27").Time(); day.Year() < 2025; day = day.AddDate(0, 0, 1) {
		d := data.Date{Year: day.Year(), Month: day.Month(), Day: day.Day()}
		sum := 0.0
		for _, z := range b.ZonesOn(d) {
			if !z.Contested() {
				sum += areas[z.ID]
			}
		}
		if math.Abs(sum/libya-1) > 0.005 {
			t.Errorf("%v: controlled zones cover %.1f%% of Libya's area", d, 100*sum/libya)
		}
	}
}

// TestZonesGolden pins each zone's area and vertex count, so that a change
// of the generated geometry is seen in review. Run with -update after
// rerunning tools/zones on purpose.
func TestZonesGolden(t *testing.T) {
	b := load(t)
	var sb strings.Builder
	sb.WriteString("# zone: valid period, controller, area (km², spherical), polygons, vertices\n")
	for _, z := range b.Zones {
		vertices := 0
		for _, p := range z.Geometry {
			for _, r := range p {
				vertices += len(r)
			}
		}
		who := z.Controller
		if z.Contested() {
			who = "contested:" + strings.Join(z.ContestedBy, "+")
		}
		fmt.Fprintf(&sb, "%s %s..%s %s %.0f %d %d\n", z.ID, z.Valid.From, z.Valid.To, who,
			geo.Area(z.Geometry)/1e6, len(z.Geometry), vertices)
	}
	goldenfile.Check(t, filepath.Join("testdata", "zones.golden"), []byte(sb.String()))
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkZonesAt(b *testing.B) {
	br := load(b)
	p := orb.Point{13.19, 32.89}
	b.ReportAllocs()
	for b.Loop() {
		if len(br.ZonesAt(p, berlin)) == 0 {
			b.Fatal("no zone at Tripoli")
		}
	}
}
