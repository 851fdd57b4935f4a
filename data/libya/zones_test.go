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

// grid returns the points of a gridStep grid over bound that lie in mp.
func grid(bound orb.Bound, mp orb.MultiPolygon) []orb.Point {
	var out []orb.Point
	for y := math.Ceil(bound.Min[1]/gridStep) * gridStep; y <= bound.Max[1]; y += gridStep {
		for x := math.Ceil(bound.Min[0]/gridStep) * gridStep; x <= bound.Max[0]; x += gridStep {
			if p := (orb.Point{x, y}); planar.MultiPolygonContains(mp, p) {
				out = append(out, p)
			}
		}
	}
	return out
}

type boundedZone struct {
	*data.Zone
	bound orb.Bound
}

func contains(z boundedZone, p orb.Point) bool {
	return z.bound.Contains(p) && planar.MultiPolygonContains(z.Geometry, p)
}

// TestZoneCoverage samples a fine grid over Libya's 10m border and checks,
// for each snapshot date and a date between them, that at least 99% of the
// points lie in exactly one non-contested zone and that none lies in two.
// Contested zones must lie inside Libya and overlap a controlled zone.
func TestZoneCoverage(t *testing.T) {
	b := load(t)
	libya := border(t)
	points := grid(libya.Bound(), libya)
	if len(points) < 50000 {
		t.Fatalf("only %d grid points inside Libya: the border file looks wrong", len(points))
	}
	for _, d := range []data.Date{berlin, interval, moscow} {
		var held, contested []boundedZone
		for _, z := range b.ZonesOn(d) {
			bz := boundedZone{z, z.Geometry.Bound()}
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
			pts := grid(c.bound, c.Geometry)
			for _, p := range pts {
				if planar.MultiPolygonContains(libya, p) {
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
	golden := filepath.Join("testdata", "zones.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(sb.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got := sb.String(); got != string(want) {
		t.Errorf("zones changed; if on purpose, run go test ./data/libya -update\n got:\n%s\nwant:\n%s", got, want)
	}
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
