package basemap

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/briefmap/briefmap/geo/basemap/topo"
	"github.com/briefmap/briefmap/internal/goldenfile"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geo"
	"github.com/paulmach/orb/planar"
)

// load returns the embedded basemap, failing the test if it does not load.
func load(tb testing.TB) *Basemap {
	tb.Helper()
	b, err := Load()
	if err != nil {
		tb.Fatalf("Load: %v", err)
	}
	return b
}

func TestLibya(t *testing.T) {
	b := load(t)
	lby, ok := b.Country("LBY")
	if !ok {
		t.Fatal(`Country("LBY") not found`)
	}
	if lby.Name != "Libya" {
		t.Errorf("LBY name = %q, want Libya", lby.Name)
	}
	// Natural Earth's Libya measures 1,626,651 km² (Lambert cylindrical
	// equal-area, R = 6371.0088 km, computed independently from the raw
	// world-atlas 10m TopoJSON); orb/geo uses R = 6378.137 km, 0.2% more.
	// The commonly quoted 1,759,540 km² is 7.6% more than Natural Earth's
	// polygon: the data, not the decoder, differ from that figure.
	km2 := geo.Area(lby.Geometry) / 1e6
	if want := 1626651.0 * math.Pow(6378.137/6371.0088, 2); math.Abs(km2-want)/want > 0.01 {
		t.Errorf("LBY area = %.0f km², want %.0f ± 1%%", km2, want)
	}
	if math.Abs(km2-1759540)/1759540 > 0.08 {
		t.Errorf("LBY area = %.0f km², more than 8%% from the official 1,759,540 km²", km2)
	}
	bound := lby.Geometry.Bound()
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"west", bound.Min[0], 9.3}, {"east", bound.Max[0], 25.2},
		{"south", bound.Min[1], 19.5}, {"north", bound.Max[1], 33.2},
	} {
		if math.Abs(c.got-c.want) > 0.1 {
			t.Errorf("LBY bound %s = %.4f, want %.1f ± 0.1", c.name, c.got, c.want)
		}
	}
	for _, c := range []struct {
		name string
		pt   orb.Point
		in   bool
	}{
		{"Tripoli", orb.Point{13.19, 32.89}, true},
		{"Benghazi", orb.Point{20.07, 32.12}, true},
		{"Sabha", orb.Point{14.43, 27.04}, true},
		{"Kufra", orb.Point{23.31, 24.18}, true},
		{"Malta", orb.Point{14.4, 35.9}, false},
		{"Tunis", orb.Point{10.18, 36.80}, false},
		{"Cairo", orb.Point{31.24, 30.04}, false},
		{"N'Djamena", orb.Point{15.04, 12.11}, false},
	} {
		if got := planar.MultiPolygonContains(lby.Geometry, c.pt); got != c.in {
			t.Errorf("LBY contains %s %v = %v, want %v", c.name, c.pt, got, c.in)
		}
	}
	if !planar.MultiPolygonContains(lby.Geometry, lby.Label) {
		t.Errorf("LBY label %v is not inside Libya", lby.Label)
	}
	if mlt, ok := b.Country("MLT"); !ok || !planar.MultiPolygonContains(mlt.Geometry, orb.Point{14.45, 35.89}) {
		t.Errorf("MLT missing or does not contain Valletta's island (ok=%v)", ok)
	}

	// Neighbours exist, touch Libya's bound and share border vertices with
	// it exactly (one topology: the same arcs).
	lbyPts := map[orb.Point]bool{}
	for _, p := range lby.Geometry {
		for _, r := range p {
			for _, pt := range r {
				lbyPts[pt] = true
			}
		}
	}
	for _, iso := range []string{"EGY", "TUN", "DZA", "NER", "TCD", "SDN"} {
		c, ok := b.Country(iso)
		if !ok {
			t.Errorf("Country(%q) not found", iso)
			continue
		}
		if !c.Geometry.Bound().Intersects(bound) {
			t.Errorf("%s bound %v does not touch Libya's %v", iso, c.Geometry.Bound(), bound)
		}
		shared := 0
		for _, p := range c.Geometry {
			for _, r := range p {
				for _, pt := range r {
					if lbyPts[pt] {
						shared++
					}
				}
			}
		}
		if shared < 2 {
			t.Errorf("%s shares %d vertices with Libya, want a common border", iso, shared)
		}
	}
	for _, iso := range []string{"ITA", "GRC", "MLT", "TUR", "ISR", "FRA", "ESP", "RUS", "USA", "AUS", "BRA", "ATA", "KOS"} {
		if _, ok := b.Country(iso); !ok {
			t.Errorf("Country(%q) not found", iso)
		}
	}
	if _, ok := b.Country("XXX"); ok {
		t.Error(`Country("XXX") found`)
	}
}

func TestCountries(t *testing.T) {
	b := load(t)
	cs := b.Countries()
	if len(cs) < 200 {
		t.Fatalf("%d countries, want at least 200", len(cs))
	}
	if !sort.SliceIsSorted(cs, func(i, j int) bool { return cs[i].ISO3 < cs[j].ISO3 }) {
		t.Error("Countries not sorted by ISO3")
	}
	seen := map[string]bool{}
	for _, c := range cs {
		if seen[c.ISO3] {
			t.Errorf("%s twice", c.ISO3)
		}
		seen[c.ISO3] = true
		if len(c.ISO3) != 3 || strings.ToUpper(c.ISO3) != c.ISO3 || c.Name == "" {
			t.Errorf("bad country code or name: %q %q", c.ISO3, c.Name)
		}
		if len(c.Geometry) == 0 {
			t.Errorf("%s: no geometry", c.ISO3)
		}
		for pi, p := range c.Geometry {
			for ri, r := range p {
				if len(r) < 4 || r[0] != r[len(r)-1] {
					t.Errorf("%s polygon %d ring %d: %d points, closed %v", c.ISO3, pi, ri, len(r), len(r) > 0 && r[0] == r[len(r)-1])
					continue
				}
				// RFC 7946: outer counter-clockwise (positive planar
				// area), holes clockwise.
				if a := planar.Area(r); (ri == 0) != (signedArea(r) > 0) {
					t.Errorf("%s polygon %d ring %d: wrong winding (area %g, signed %g)", c.ISO3, pi, ri, a, signedArea(r))
				}
				for _, pt := range r {
					if pt[0] < -180 || pt[0] > 180 || pt[1] < -90 || pt[1] > 90 {
						t.Fatalf("%s: point %v out of range", c.ISO3, pt)
					}
				}
			}
		}
	}
	// Copies: changing one does not change the basemap.
	cs[0].Geometry[0][0][0] = orb.Point{999, 999}
	if again := b.Countries(); again[0].Geometry[0][0][0] == (orb.Point{999, 999}) {
		t.Error("Countries returns geometry shared with the basemap")
	}
	lby, _ := b.Country("LBY")
	lby.Geometry[0][0][1] = orb.Point{999, 999}
	if again, _ := b.Country("LBY"); again.Geometry[0][0][1] == (orb.Point{999, 999}) {
		t.Error("Country returns geometry shared with the basemap")
	}
}

func signedArea(r orb.Ring) float64 {
	a := 0.0
	for i := 0; i+1 < len(r); i++ {
		a += r[i][0]*r[i+1][1] - r[i+1][0]*r[i][1]
	}
	return a / 2
}

func TestBound(t *testing.T) {
	b := load(t)
	want := orb.Bound{Min: orb.Point{-20, 0}, Max: orb.Point{60, 56}}
	if got := b.Bound(); got != want {
		t.Errorf("Bound() = %v, want %v", got, want)
	}
	lby, _ := b.Country("LBY")
	if !contains(b.Bound(), lby.Geometry.Bound()) {
		t.Error("Libya is not wholly inside the 10m detail bound")
	}
}

// TestEmbeddedSummary checks that the embedded file decodes to what the
// generator encoded: the counts and checksum it wrote beside the file.
func TestEmbeddedSummary(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("data", "basemap.sum.json"))
	if err != nil {
		t.Fatal(err)
	}
	var want topo.Summary
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatalf("basemap.sum.json: %v", err)
	}
	tp, err := topo.Decode(embedded)
	if err != nil {
		t.Fatal(err)
	}
	if got := tp.Summary(); got != want {
		t.Errorf("embedded data summary = %+v, generator wrote %+v", got, want)
	}
	// Re-encoding what was decoded gives the same bytes.
	var buf bytes.Buffer
	if err := topo.Encode(&buf, tp); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), embedded) {
		t.Errorf("re-encoded data differs from the embedded file (%d vs %d bytes)", buf.Len(), len(embedded))
	}
	if len(embedded) > 2<<20 {
		t.Errorf("embedded data is %d bytes, want well under 2 MiB", len(embedded))
	}
}

// TestCountryName: the name without the geometry is Country's name, for
// every country; an unknown code has none.
func TestCountryName(t *testing.T) {
	b := load(t)
	for _, c := range b.Countries() {
		if name, ok := b.CountryName(c.ISO3); !ok || name != c.Name {
			t.Errorf("CountryName(%s) = %q, %v; want %q", c.ISO3, name, ok, c.Name)
		}
	}
	if name, ok := b.CountryName("XXX"); ok || name != "" {
		t.Errorf("CountryName(XXX) = %q, %v; want none", name, ok)
	}
}

// TestLoadReadsInPlace: Load keeps the embedded arcs in the file's bytes
// (no decoded points held), and every simplification level it builds from
// them is the level built from the fully decoded topology.
func TestLoadReadsInPlace(t *testing.T) {
	b := load(t)
	if b.topo.Arcs != nil || b.topo.NumArcs() == 0 {
		t.Fatalf("Load holds %d decoded arcs of %d: want the arcs read in place", len(b.topo.Arcs), b.topo.NumArcs())
	}
	decoded, err := topo.Decode(embedded)
	if err != nil {
		t.Fatal(err)
	}
	full, err := fromTopology(decoded)
	if err != nil {
		t.Fatal(err)
	}
	for k := range b.topo.Levels {
		if got, want := b.level(k), full.level(k); !reflect.DeepEqual(got, want) {
			t.Errorf("level %d built in place differs from the level of the decoded topology", k)
		}
	}
}

// viewCase is a map view asked of the basemap: a bound and a tolerance
// (degrees per pixel).
type viewCase struct {
	name  string
	bound orb.Bound
	tol   float64
}

// viewCases are map views the tests and benchmarks use.
var viewCases = []viewCase{
	{"libya-national", orb.Bound{Min: orb.Point{8.0, 18.5}, Max: orb.Point{27.0, 34.5}}, 0.0099},
	{"tripoli", orb.Bound{Min: orb.Point{12.6, 32.5}, Max: orb.Point{13.8, 33.1}}, 0.001},
	{"sirte-basin", orb.Bound{Min: orb.Point{15.0, 27.0}, Max: orb.Point{22.0, 31.5}}, 0.0036},
	{"mediterranean", orb.Bound{Min: orb.Point{-10, 25}, Max: orb.Point{45, 48}}, 0.03},
	{"world", orb.Bound{Min: orb.Point{-180, -85}, Max: orb.Point{180, 85}}, 0.3},
	{"fiji-antimeridian", orb.Bound{Min: orb.Point{176, -20}, Max: orb.Point{180, -15}}, 0.005},
	{"open-sea", orb.Bound{Min: orb.Point{-40, -40}, Max: orb.Point{-30, -30}}, 0.01},
	{"full-detail", orb.Bound{Min: orb.Point{19.5, 31.5}, Max: orb.Point{20.5, 32.5}}, 0},
}

func TestView(t *testing.T) {
	b := load(t)
	var golden strings.Builder
	for _, c := range viewCases {
		t.Run(c.name, func(t *testing.T) {
			v := b.View(c.bound, c.tol)
			checkView(t, v, c.bound)
			if v.Tolerance > c.tol {
				t.Errorf("Tolerance %g above the requested %g", v.Tolerance, c.tol)
			}
			fmt.Fprintf(&golden, "%s: tolerance %g, %d countries, %d polygons, %d vertices, %d borders, %d coast lines\n",
				c.name, v.Tolerance, len(v.Countries), len(v.Land), vertices(v.Land), len(v.Borders), len(v.Coastline))
		})
	}
	compareGolden(t, "views.golden", golden.String())

	v := b.View(viewCases[0].bound, viewCases[0].tol)
	got := map[string]bool{}
	for _, c := range v.Countries {
		got[c.ISO3] = true
	}
	for _, iso := range []string{"LBY", "EGY", "TUN", "DZA", "NER", "TCD", "SDN"} {
		if !got[iso] {
			t.Errorf("Libya view lacks %s", iso)
		}
	}
	if got["FRA"] || got["ESP"] {
		t.Error("Libya view has countries far outside it")
	}
	if len(v.Borders) == 0 || len(v.Coastline) == 0 {
		t.Errorf("Libya view: %d borders, %d coast lines", len(v.Borders), len(v.Coastline))
	}
	if sea := b.View(viewCases[6].bound, 0.01); len(sea.Countries)+len(sea.Land)+len(sea.Borders)+len(sea.Coastline) != 0 {
		t.Errorf("open-sea view is not empty: %+v", sea)
	}
}

// checkView checks a view's invariants: every point within Clip, Clip
// around bound, rings closed, lines of two points or more, Land the
// countries' polygons.
func checkView(t *testing.T, v *View, bound orb.Bound) {
	t.Helper()
	if len(v.Countries) > 0 && !contains(v.Clip, bound) {
		t.Errorf("Clip %v does not contain the bound %v", v.Clip, bound)
	}
	in := func(p orb.Point) bool {
		const eps = 1e-9
		return p[0] >= v.Clip.Min[0]-eps && p[0] <= v.Clip.Max[0]+eps && p[1] >= v.Clip.Min[1]-eps && p[1] <= v.Clip.Max[1]+eps
	}
	polys := 0
	for _, c := range v.Countries {
		if len(c.Geometry) == 0 {
			t.Errorf("%s: in view without geometry", c.ISO3)
		}
		polys += len(c.Geometry)
		for _, p := range c.Geometry {
			for ri, r := range p {
				if len(r) < 4 || r[0] != r[len(r)-1] {
					t.Fatalf("%s ring %d: %d points, not a closed ring", c.ISO3, ri, len(r))
				}
				for _, pt := range r {
					if !in(pt) {
						t.Fatalf("%s: point %v outside clip %v", c.ISO3, pt, v.Clip)
					}
				}
			}
		}
	}
	if polys != len(v.Land) {
		t.Errorf("Land has %d polygons, countries %d", len(v.Land), polys)
	}
	for name, mls := range map[string]orb.MultiLineString{"border": v.Borders, "coast": v.Coastline} {
		for _, ls := range mls {
			if len(ls) < 2 {
				t.Fatalf("%s line of %d points", name, len(ls))
			}
			for _, pt := range ls {
				if !in(pt) {
					t.Fatalf("%s point %v outside clip %v", name, pt, v.Clip)
				}
			}
		}
	}
}

func vertices(mp orb.MultiPolygon) int {
	n := 0
	for _, p := range mp {
		for _, r := range p {
			n += len(r)
		}
	}
	return n
}

func compareGolden(t *testing.T, name, got string) {
	t.Helper()
	goldenfile.Check(t, filepath.Join("testdata", name), []byte(got))
}

// TestViewSimplifies counts the vertices inside the bound (the margin
// grows with the tolerance, so the whole view need not shrink): their
// number falls as the tolerance grows.
func TestCountryAt(t *testing.T) {
	b := load(t)
	for _, c := range []struct {
		name string
		pt   orb.Point
		want string
	}{
		{"Tripoli", orb.Point{13.19, 32.89}, "LBY"},
		{"Benghazi", orb.Point{20.07, 32.12}, "LBY"},
		{"Valletta", orb.Point{14.51, 35.90}, "MLT"},
		{"Tunis", orb.Point{10.18, 36.80}, "TUN"},
		{"Cairo", orb.Point{31.24, 30.04}, "EGY"},
		{"Niamey", orb.Point{2.11, 13.51}, "NER"},
		{"Moscow (50m)", orb.Point{37.62, 55.75}, "RUS"},
		{"Suva (across the antimeridian)", orb.Point{178.44, -18.14}, "FJI"},
		{"Brasilia (110m)", orb.Point{-47.88, -15.79}, "BRA"},
		{"Gulf of Sirte", orb.Point{18.5, 31.5}, ""},
		{"Atlantic", orb.Point{-30, 30}, ""},
	} {
		got, ok := b.CountryAt(c.pt)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("CountryAt(%s %v) = %q, %v; want %q", c.name, c.pt, got, ok, c.want)
		}
	}
}

// TestViewDeterministic: the same request gives the same geometry, whatever
// was asked before (the slide must be byte-identical run to run).
func TestViewDeterministic(t *testing.T) {
	b1, b2 := load(t), load(t)
	for _, c := range viewCases {
		b2.View(orb.Bound{Min: orb.Point{-50, -50}, Max: orb.Point{50, 50}}, c.tol*2)
	}
	for _, c := range viewCases {
		v1, v2 := b1.View(c.bound, c.tol), b2.View(c.bound, c.tol)
		if !reflect.DeepEqual(v1, v2) {
			t.Errorf("%s: two views of the same bound differ", c.name)
		}
	}
}

func TestViewSimplifies(t *testing.T) {
	b := load(t)
	for _, c := range viewCases[:4] {
		prev, prevTol := math.MaxInt, -1.0
		first := 0
		for _, tol := range []float64{0, 0.001, 0.002, 0.004, 0.008, 0.016, 0.032, 0.064, 0.128, 0.5, 2} {
			v := b.View(c.bound, tol)
			n := 0
			for _, p := range v.Land {
				for _, r := range p {
					for _, pt := range r {
						if c.bound.Contains(pt) {
							n++
						}
					}
				}
			}
			if n > prev {
				t.Errorf("%s: %d vertices at tolerance %g, more than %d at %g", c.name, n, tol, prev, prevTol)
			}
			if tol == 0 {
				first = n
			}
			prev, prevTol = n, tol
		}
		if prev*4 > first {
			t.Errorf("%s: %d vertices at 2°, %d at full detail: simplification does too little", c.name, prev, first)
		}
	}
	if got := b.Level(0.0099); got != 0.008 {
		t.Errorf("Level(0.0099) = %g, want 0.008", got)
	}
	if got := b.Level(0.0005); got != 0 {
		t.Errorf("Level(0.0005) = %g, want 0", got)
	}
	if lv := b.Levels(); len(lv) != 13 || lv[0] != 0 || lv[12] != 2.048 {
		t.Errorf("Levels() = %v", lv)
	}
}

// TestViewSharedBorders checks that simplification keeps neighbours
// together: at every level Libya's and Egypt's rings share their border
// vertices exactly.
func TestViewSharedBorders(t *testing.T) {
	b := load(t)
	bound := orb.Bound{Min: orb.Point{20, 20}, Max: orb.Point{30, 33}}
	for _, tol := range []float64{0, 0.004, 0.032, 0.256} {
		v := b.View(bound, tol)
		pts := map[string]map[orb.Point]bool{}
		for _, c := range v.Countries {
			m := map[orb.Point]bool{}
			for _, p := range c.Geometry {
				for _, r := range p {
					for _, pt := range r {
						m[pt] = true
					}
				}
			}
			pts[c.ISO3] = m
		}
		shared := 0
		for pt := range pts["LBY"] {
			if pts["EGY"][pt] {
				shared++
			}
		}
		if shared < 2 {
			t.Errorf("tolerance %g: Libya and Egypt share %d vertices", tol, shared)
		}
	}
}

func TestViewLabels(t *testing.T) {
	b := load(t)
	lby, _ := b.Country("LBY")
	// The national view keeps Libya's own label.
	v := b.View(viewCases[0].bound, viewCases[0].tol)
	for _, c := range v.Countries {
		if c.ISO3 == "LBY" && c.Label != lby.Label {
			t.Errorf("national view: LBY label %v, want %v", c.Label, lby.Label)
		}
	}
	// Zoomed on Tripoli, Libya's label moves into the visible part.
	bound := viewCases[1].bound
	v = b.View(bound, viewCases[1].tol)
	found := false
	for _, c := range v.Countries {
		if c.ISO3 != "LBY" {
			continue
		}
		found = true
		if !bound.Contains(c.Label) || !planar.MultiPolygonContains(lby.Geometry, c.Label) {
			t.Errorf("Tripoli view: LBY label %v not in view %v and in Libya", c.Label, bound)
		}
	}
	if !found {
		t.Error("Tripoli view lacks LBY")
	}
}

func TestViewBadInput(t *testing.T) {
	b := load(t)
	for _, c := range []viewCase{
		{"nan bound", orb.Bound{Min: orb.Point{math.NaN(), 0}, Max: orb.Point{10, 10}}, 0.01},
		{"inverted", orb.Bound{Min: orb.Point{10, 10}, Max: orb.Point{0, 0}}, 0.01},
		{"inf bound", orb.Bound{Min: orb.Point{math.Inf(-1), 0}, Max: orb.Point{10, 10}}, 0.01},
	} {
		v := b.View(c.bound, c.tol)
		if len(v.Countries)+len(v.Land)+len(v.Borders)+len(v.Coastline) != 0 {
			t.Errorf("%s: view not empty", c.name)
		}
	}
	for _, tol := range []float64{math.NaN(), -1, math.Inf(1), math.Inf(-1)} {
		v := b.View(viewCases[0].bound, tol)
		checkView(t, v, viewCases[0].bound)
		if len(v.Countries) == 0 {
			t.Errorf("tolerance %g: empty view", tol)
		}
	}
}

func TestViewConcurrent(t *testing.T) {
	b := load(t)
	var wg sync.WaitGroup
	want := make([]int, len(viewCases))
	for i, c := range viewCases {
		want[i] = vertices(load(t).View(c.bound, c.tol).Land)
	}
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for k := range viewCases {
				i := (k + g) % len(viewCases)
				c := viewCases[i]
				if got := vertices(b.View(c.bound, c.tol).Land); got != want[i] {
					t.Errorf("%s: %d vertices concurrently, %d alone", c.name, got, want[i])
				}
			}
		}(g)
	}
	wg.Wait()
	// Views do not disturb each other or the cache.
	for i, c := range viewCases {
		if got := vertices(b.View(c.bound, c.tol).Land); got != want[i] {
			t.Errorf("%s: %d vertices after concurrent use, %d before", c.name, got, want[i])
		}
	}
}

func FuzzView(f *testing.F) {
	b := load(f)
	for _, c := range viewCases {
		f.Add(c.bound.Min[0], c.bound.Min[1], c.bound.Max[0], c.bound.Max[1], c.tol)
	}
	f.Add(-200.0, -100.0, 200.0, 100.0, 1.0)
	f.Add(13.0, 32.0, 13.0, 32.0, 0.0)
	f.Fuzz(func(t *testing.T, w, s, e, n, tol float64) {
		bound := orb.Bound{Min: orb.Point{w, s}, Max: orb.Point{e, n}}
		if tol > 0 && (e-w)/tol > 1e5 {
			tol = (e - w) / 1e5 // keep full-detail views of the world out of the fuzz budget
		}
		v := b.View(bound, tol)
		checkView(t, v, bound)
	})
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkViewLibyaCold is the first national view after Load: it
// includes building the simplification level.
func BenchmarkViewLibyaCold(b *testing.B) {
	c := viewCases[0]
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		m := load(b)
		b.StartTimer()
		m.View(c.bound, c.tol)
	}
}

func BenchmarkViewLibyaWarm(b *testing.B)     { benchView(b, viewCases[0]) }
func BenchmarkViewTripoli(b *testing.B)       { benchView(b, viewCases[1]) }
func BenchmarkViewWorld(b *testing.B)         { benchView(b, viewCases[4]) }
func BenchmarkViewMediterranean(b *testing.B) { benchView(b, viewCases[3]) }

func benchView(b *testing.B, c struct {
	name  string
	bound orb.Bound
	tol   float64
}) {
	m := load(b)
	m.View(c.bound, c.tol)
	b.ReportAllocs()
	for b.Loop() {
		m.View(c.bound, c.tol)
	}
}

// BenchmarkDecodeEmbedded is the decoding part of Load.
func BenchmarkDecodeEmbedded(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := topo.Decode(embedded); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCountryAt(b *testing.B) {
	m := load(b)
	m.CountryAt(orb.Point{0, 0})
	b.ReportAllocs()
	for b.Loop() {
		m.CountryAt(orb.Point{20.07, 32.12})
	}
}

// Prepare assembles exactly the level View then uses (reading tolerances
// as View does), concurrently with a View, and changes nothing it returns.
func TestPrepare(t *testing.T) {
	ref := load(t)
	tests := []struct {
		name string
		tol  float64
	}{
		{"Libya", viewCases[0].tol},
		{"zero", 0},
		{"negative", -1},
		{"NaN", math.NaN()},
		{"infinite", math.Inf(1)},
	}
	for _, tc := range tests {
		b := load(t)
		k := b.levelIndex(b.clampTolerance(tc.tol))
		done := make(chan struct{})
		go func() {
			defer close(done)
			b.Prepare(tc.tol)
		}()
		got := b.View(viewCases[0].bound, tc.tol)
		<-done
		for i := range b.levels {
			if built := b.levels[i].lvl != nil; built != (i == k) {
				t.Errorf("%s: level %d assembled: %v, want %v", tc.name, i, built, i == k)
			}
		}
		if want := ref.View(viewCases[0].bound, tc.tol); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the view differs after Prepare", tc.name)
		}
	}
}
