// Package basemap is the embedded Natural Earth geometry Briefmap draws
// under every map: country polygons, land borders and coastlines, with 10m
// detail around Libya (see Bound), 50m data in a wider ring and 110m data
// for the rest of the world, cut so the resolutions do not overlap.
//
// Geometry is in lon/lat degrees (orb.Point{lon, lat}). Polygons follow RFC
// 7946 winding in the lon/lat plane: outer rings counter-clockwise, holes
// clockwise; every ring is closed (its first point repeated at the end).
// Where a resolution boundary (or the antimeridian) cuts a country, its
// pieces meet along a seam: fill polygons without stroking their outlines,
// and draw View.Borders and View.Coastline, which never contain seams, as
// the lines. Filling all of a view's polygons in one pass (non-zero or
// accumulated coverage) leaves no hairline where pieces or neighbours meet,
// since they share their boundary vertices exactly.
package basemap

import (
	_ "embed"
	"fmt"
	"math"
	"sort"
	"sync"

	"github.com/briefmap/briefmap/geo/basemap/topo"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// Attribution is the line every export must carry.
const Attribution = "Natural Earth (public domain), via world-atlas"

//go:embed data/basemap.bin
var embedded []byte

// Country is one country (or Natural Earth admin-0 unit) of the basemap.
type Country struct {
	// ISO3 is the ISO 3166-1 alpha-3 code ("LBY"), or Natural Earth's
	// ADM0_A3 code for the few units without one ("KOS" Kosovo, "SOL"
	// Somaliland, "CYN" N. Cyprus, …).
	ISO3 string
	// Name is Natural Earth's short name ("Libya", "Central African Rep.").
	Name string
	// Geometry is the country in lon/lat, outer rings counter-clockwise,
	// holes clockwise, rings closed.
	Geometry orb.MultiPolygon
	// Label is a good label point: the pole of inaccessibility of the
	// largest polygon (in a View: of the largest visible polygon, unless the
	// country's own label is in view).
	Label orb.Point
}

// Basemap is the decoded embedded geometry. It is safe for concurrent use.
type Basemap struct {
	topo   *topo.Topology // countries sorted by ISO3
	byISO  map[string]int // ISO3 → index in topo.Countries
	levels []levelCache   // per entry of topo.Levels
}

type levelCache struct {
	once sync.Once
	lvl  *level
}

// Load opens the embedded basemap in place (topo.Open: checked whole, its
// points decoded when a level is built) and checks that its rings close.
// The simplified levels are assembled on first use by View.
func Load() (*Basemap, error) {
	t, err := topo.Open(embedded)
	if err != nil {
		return nil, fmt.Errorf("basemap: embedded data: %w", err)
	}
	return fromTopology(t)
}

// fromTopology builds a Basemap over a topology (decoded or read in
// place), checking that every ring's arcs join end to end and close.
func fromTopology(t *topo.Topology) (*Basemap, error) {
	sort.SliceStable(t.Countries, func(i, j int) bool { return t.Countries[i].ISO3 < t.Countries[j].ISO3 })
	b := &Basemap{topo: t, byISO: make(map[string]int, len(t.Countries)), levels: make([]levelCache, len(t.Levels))}
	for i, tc := range t.Countries {
		if _, dup := b.byISO[tc.ISO3]; dup {
			return nil, fmt.Errorf("basemap: country %s twice", tc.ISO3)
		}
		b.byISO[tc.ISO3] = i
		for pi, rings := range tc.Polygons {
			for ri, refs := range rings {
				if err := checkRing(t, refs); err != nil {
					return nil, fmt.Errorf("basemap: %s: polygon %d: ring %d: %w", tc.ISO3, pi, ri, err)
				}
			}
		}
	}
	return b, nil
}

// checkRing reports whether the arcs of a ring join end to end and close.
func checkRing(t *topo.Topology, refs []int) error {
	ends := func(ref int) (first, last orb.Point, n int) {
		first, last, n = t.ArcEnds(topo.ArcIndex(ref))
		if ref < 0 {
			return last, first, n
		}
		return first, last, n
	}
	n := 1
	for k, ref := range refs {
		_, last, np := ends(ref)
		n += np - 1
		next, _, _ := ends(refs[(k+1)%len(refs)])
		if last != next {
			return fmt.Errorf("arc %d ends at %v, the next starts at %v", ref, last, next)
		}
	}
	if n < 4 {
		return fmt.Errorf("%d points, need 4", n)
	}
	return nil
}

// country returns the i-th country (in ISO3 order) at full resolution,
// in newly allocated geometry.
func (b *Basemap) country(i int) Country {
	tc := b.topo.Countries[i]
	mp := make(orb.MultiPolygon, len(tc.Polygons))
	for pi, rings := range tc.Polygons {
		poly := make(orb.Polygon, len(rings))
		for ri, refs := range rings {
			poly[ri] = b.topo.Ring(refs)
		}
		mp[pi] = poly
	}
	return Country{ISO3: tc.ISO3, Name: tc.Name, Geometry: mp, Label: tc.Label}
}

// Countries returns every country at full resolution, sorted by ISO3, in
// newly allocated geometry the caller may modify.
func (b *Basemap) Countries() []Country {
	out := make([]Country, len(b.topo.Countries))
	for i := range out {
		out[i] = b.country(i)
	}
	return out
}

// Country returns the country with the given ISO 3166-1 alpha-3 code at
// full resolution (newly allocated: the caller may modify it), and whether
// it exists.
func (b *Basemap) Country(iso3 string) (Country, bool) {
	i, ok := b.byISO[iso3]
	if !ok {
		return Country{}, false
	}
	return b.country(i), true
}

// CountryName returns the name of the country with ISO 3166-1 alpha-3
// code iso3 ("LBY": "Libya"), and whether it exists, without building its
// geometry as Country does.
func (b *Basemap) CountryName(iso3 string) (string, bool) {
	i, ok := b.byISO[iso3]
	if !ok {
		return "", false
	}
	return b.topo.Countries[i].Name, true
}

// Bound returns the region where the basemap has 10m (1:10,000,000)
// detail; outside it the data is 50m, then 110m.
func (b *Basemap) Bound() orb.Bound { return b.topo.Detail }

// View is the basemap geometry to draw for one map view: simplified for
// its resolution and clipped to its bound plus a margin. Its slices may be
// shared with the Basemap's cache: treat them as read-only.
type View struct {
	// Clip is the bound everything was clipped to: the requested bound
	// expanded by a margin so that strokes do not end at the map's edge.
	Clip orb.Bound
	// Tolerance is the simplification threshold used, in degrees (at most
	// the requested one).
	Tolerance float64
	// Land is all land: every polygon of Countries together. The polygons
	// do not overlap; fill them without stroke.
	Land orb.MultiPolygon
	// Countries are the countries with something in Clip, sorted by ISO3,
	// each with the visible part of its geometry.
	Countries []Country
	// Borders are the land borders between two countries.
	Borders orb.MultiLineString
	// Coastline is the coast (and the shores of the lakes that Natural
	// Earth cuts out of countries).
	Coastline orb.MultiLineString
}

// Levels returns the Douglas–Peucker thresholds, in degrees, of the
// precomputed simplification levels, finest (0: the data as is) first.
func (b *Basemap) Levels() []float64 { return append([]float64(nil), b.topo.Levels...) }

// Level returns the simplification threshold View would use for the
// requested tolerance: the largest precomputed level not above it.
func (b *Basemap) Level(tolerance float64) float64 {
	return b.topo.Levels[b.levelIndex(tolerance)]
}

func (b *Basemap) levelIndex(tolerance float64) int {
	i := 0
	for k, t := range b.topo.Levels {
		if t <= tolerance {
			i = k
		}
	}
	return i
}

// View returns the geometry to draw for a map showing bound at a
// resolution of tolerance degrees (about one pixel): simplified with
// Douglas–Peucker at the largest precomputed level not above tolerance
// (the generator ran orb/simplify per level on every arc and recorded
// which points each level keeps; shared borders are one arc, so
// neighbours still meet), rings
// smaller than about a pixel dropped, and everything clipped to bound
// expanded by eight pixels and 1% of its size. Polygons stay closed rings;
// lines are clipped as lines. A NaN or negative tolerance counts as 0 (full
// detail); an empty or invalid bound gives an empty View.
func (b *Basemap) View(bound orb.Bound, tolerance float64) *View {
	tolerance = b.clampTolerance(tolerance)
	lvl := b.level(b.levelIndex(tolerance))
	margin := 8*tolerance + 0.01*math.Max(bound.Max[0]-bound.Min[0], bound.Max[1]-bound.Min[1])
	v := &View{Tolerance: lvl.tol}
	if !validBound(bound) || !(margin >= 0) || math.IsInf(margin, 0) {
		return v
	}
	clipB := orb.Bound{Min: orb.Point{bound.Min[0] - margin, bound.Min[1] - margin}, Max: orb.Point{bound.Max[0] + margin, bound.Max[1] + margin}}
	v.Clip = clipB
	lvl.view(v, bound, clipB)
	return v
}

// clampTolerance returns tolerance as View reads it: NaN and negative
// values as 0, +Inf as the coarsest level.
func (b *Basemap) clampTolerance(tolerance float64) float64 {
	if !(tolerance > 0) || math.IsInf(tolerance, 0) {
		if math.IsInf(tolerance, 1) {
			return b.topo.Levels[len(b.topo.Levels)-1]
		}
		return 0
	}
	return tolerance
}

// Prepare assembles the simplified level View would use for tolerance,
// if it is not yet, so that a View on another goroutine later finds it
// ready (a View meanwhile waits for it rather than assembling it twice).
// It is safe for concurrent use and changes nothing View returns.
func (b *Basemap) Prepare(tolerance float64) {
	b.level(b.levelIndex(b.clampTolerance(tolerance)))
}

// validBound reports whether b is a finite, non-inverted bound.
func validBound(b orb.Bound) bool {
	for _, f := range []float64{b.Min[0], b.Min[1], b.Max[0], b.Max[1]} {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return false
		}
	}
	return b.Min[0] <= b.Max[0] && b.Min[1] <= b.Max[1]
}

// level returns simplification level k, building it on first use.
func (b *Basemap) level(k int) *level {
	c := &b.levels[k]
	c.once.Do(func() { c.lvl = buildLevel(b.topo, k) })
	return c.lvl
}

// CountryAt returns the ISO3 code of the country whose full-resolution
// polygons contain p (lon/lat), and whether there is one: false at sea.
// A point exactly on a border may be given to either neighbour.
func (b *Basemap) CountryAt(p orb.Point) (string, bool) {
	lvl := b.level(0)
	for _, lc := range lvl.countries {
		for _, lp := range lc.polys {
			if lp.bound.Contains(p) && planar.PolygonContains(lp.poly, p) {
				return lc.iso3, true
			}
		}
	}
	return "", false
}
