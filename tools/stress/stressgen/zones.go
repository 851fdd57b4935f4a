package stressgen

import (
	"fmt"
	"slices"

	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/data"
)

// piece is one generated zone: a Libya zone's record and one polygon of
// its area (or the whole area, for a zone left whole).
type piece struct {
	from *data.Zone
	geom orb.MultiPolygon
	// whole: the zone was not cut (its id is kept).
	whole bool
}

// cutZones cuts the controlled zones of b until there are want zones in
// all: each step cuts the zone whose bounding box is largest, across its
// longer side, into the pieces on each side of the middle line. Contested
// zones, and zones of several polygons or with holes, stay whole. It
// fails when the zones cannot be cut into exactly want pieces.
func cutZones(zones []data.Zone, want int) ([]piece, error) {
	ps := make([]piece, len(zones))
	for i := range zones {
		ps[i] = piece{from: &zones[i], geom: zones[i].Geometry, whole: true}
	}
	stuck := map[int]bool{}
	for len(ps) < want {
		best, bestArea := -1, 0.0
		for i, p := range ps {
			if stuck[i] || !cuttable(p) {
				continue
			}
			b := p.geom.Bound()
			if a := (b.Max[0] - b.Min[0]) * (b.Max[1] - b.Min[1]); a > bestArea {
				best, bestArea = i, a
			}
		}
		if best < 0 {
			return nil, fmt.Errorf("cut zones: only %d zones, want %d", len(ps), want)
		}
		p := ps[best]
		ring := p.geom[0][0]
		b := ring.Bound()
		axis := 0
		if b.Max[1]-b.Min[1] > b.Max[0]-b.Min[0] {
			axis = 1
		}
		rings, err := cutRing(ring, axis, cutLine(ring, b, axis))
		if err != nil || len(rings) < 2 || len(ps)+len(rings)-1 > want {
			stuck[best] = true
			continue
		}
		parts := make([]piece, len(rings))
		for k, r := range rings {
			parts[k] = piece{from: p.from, geom: orb.MultiPolygon{{r}}}
		}
		ps = slices.Replace(ps, best, best+1, parts...)
		// Indexes after best moved: forget which were stuck.
		clear(stuck)
	}
	return ps, nil
}

// cuttable reports whether a piece may be cut: a controlled zone of one
// polygon without holes.
func cuttable(p piece) bool {
	return !p.from.Contested() && len(p.geom) == 1 && len(p.geom[0]) == 1
}

// densifyPieces densifies every ring of ps so that they hold about
// vertices positions in all.
func densifyPieces(ps []piece, vertices int) {
	var rings []orb.Ring
	for _, p := range ps {
		for _, pg := range p.geom {
			rings = append(rings, pg...)
		}
	}
	// Which ring belongs to which piece, to weld only zones valid together.
	var owner []int
	for i, p := range ps {
		for _, pg := range p.geom {
			for range pg {
				owner = append(owner, i)
			}
		}
	}
	weld(rings, func(i, j int) bool {
		a, b := ps[owner[i]].from.Valid, ps[owner[j]].from.Valid
		return (b.To.IsZero() || !a.From.After(b.To)) && (a.To.IsZero() || !b.From.After(a.To))
	})
	k := 0
	for i := range ps {
		for _, pg := range ps[i].geom {
			for j := range pg {
				pg[j] = rings[k]
				k++
			}
		}
	}
	step := stepFor(rings, vertices)
	for i := range ps {
		mp := make(orb.MultiPolygon, len(ps[i].geom))
		for k, pg := range ps[i].geom {
			mp[k] = make(orb.Polygon, len(pg))
			for j, r := range pg {
				mp[k][j] = densifyRing(r, step)
			}
		}
		ps[i].geom = mp
	}
}

// zoneIDs names the pieces: a zone left whole keeps its id; the pieces of
// a cut zone are its id followed by -1, -2, … in order.
func zoneIDs(ps []piece) []string {
	ids := make([]string, len(ps))
	count := map[string]int{}
	for i, p := range ps {
		if p.whole {
			ids[i] = p.from.ID
			continue
		}
		count[p.from.ID]++
		ids[i] = fmt.Sprintf("%s-%d", p.from.ID, count[p.from.ID])
	}
	return ids
}

// ringCovers reports whether p lies in ring r (even-odd rule; points on
// the boundary may go either way).
func ringCovers(r orb.Ring, p orb.Point) bool {
	in := false
	for i, j := 0, len(r)-1; i < len(r); j, i = i, i+1 {
		a, b := r[i], r[j]
		if (a[1] > p[1]) != (b[1] > p[1]) && p[0] < (b[0]-a[0])*(p[1]-a[1])/(b[1]-a[1])+a[0] {
			in = !in
		}
	}
	return in
}

// covers reports whether multipolygon mp holds p (outer rings minus holes).
func covers(mp orb.MultiPolygon, p orb.Point) bool {
	for _, pg := range mp {
		if len(pg) == 0 || !ringCovers(pg[0], p) {
			continue
		}
		hole := false
		for _, h := range pg[1:] {
			hole = hole || ringCovers(h, p)
		}
		if !hole {
			return true
		}
	}
	return false
}
