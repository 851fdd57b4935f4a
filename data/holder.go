package data

import (
	"math"
	"slices"

	"github.com/paulmach/orb"
)

// NearestZoneKM is how far from a point in no zone (a town on the
// coastline, a border post) HolderAt looks for the zone that holds it.
const NearestZoneKM = 5

// kmPerDegree is the length of a degree of latitude (mean Earth radius
// 6371.0088 km).
const kmPerDegree = 6371.0088 * math.Pi / 180

// Holding is who holds a point on a date (see HolderAt).
type Holding struct {
	// Holder is the actor id of the controller of the zone the point lies
	// in; "" when no controlled zone holds it.
	Holder string
	// ContestedBy lists the actors contesting the point (the contested
	// zones it lies in), in file order without duplicates; nil when none.
	ContestedBy []string
	// Zone is the zone that gives the answer: the controlled zone of
	// Holder, else the contested zone; nil when the point is in no zone
	// and none lies within NearestZoneKM.
	Zone *Zone
	// Nearest is true when the point lies in no zone and Zone is the
	// nearest one, DistanceKM away (at most NearestZoneKM).
	Nearest    bool
	DistanceKM float64
}

// Known reports whether the point has a holder or is contested.
func (h Holding) Known() bool { return h.Holder != "" || len(h.ContestedBy) > 0 }

// HolderAt returns who holds point p on date d: the controller of the
// controlled zone p lies in, with the actors of any contested zone it also
// lies in as ContestedBy; for a point only in contested zones, no holder
// and their contesters; for a point in no zone (a town on the coastline),
// the answer of the nearest zone valid on d within NearestZoneKM, with
// Nearest set and its distance; else the zero Holding.
func (b *Briefing) HolderAt(p orb.Point, d Date) Holding {
	var h Holding
	zs := b.ZonesAt(p, d)
	for _, z := range zs {
		switch {
		case !z.Contested() && h.Holder == "":
			h.Holder, h.Zone = z.Controller, z
		case z.Contested():
			if h.Zone == nil {
				h.Zone = z
			}
			h.ContestedBy = appendNew(h.ContestedBy, z.ContestedBy...)
		}
	}
	if len(zs) > 0 {
		return h
	}
	best, bestKM := (*Zone)(nil), math.Inf(1)
	margin := orb.Point{NearestZoneKM / kmPerDegree / math.Max(0.01, math.Cos(p.Lat()*math.Pi/180)), NearestZoneKM / kmPerDegree}
	for _, z := range b.ZonesOn(d) {
		bound := z.Geometry.Bound()
		bound = orb.Bound{Min: orb.Point{bound.Min.X() - margin.X(), bound.Min.Y() - margin.Y()},
			Max: orb.Point{bound.Max.X() + margin.X(), bound.Max.Y() + margin.Y()}}
		if len(z.Geometry) == 0 || !bound.Contains(p) {
			continue
		}
		if km := distanceKM(p, z.Geometry); km < bestKM {
			best, bestKM = z, km
		}
	}
	if best == nil || bestKM > NearestZoneKM {
		return Holding{}
	}
	h = Holding{Zone: best, Nearest: true, DistanceKM: bestKM}
	if best.Contested() {
		h.ContestedBy = slices.Clone(best.ContestedBy)
	} else {
		h.Holder = best.Controller
	}
	return h
}

// PlaceHolder returns who holds place id on date d (see HolderAt); ok is
// false for an unknown place.
func (b *Briefing) PlaceHolder(id string, d Date) (h Holding, ok bool) {
	p, ok := b.Place(id)
	if !ok {
		return Holding{}, false
	}
	return b.HolderAt(p.Point, d), true
}

// appendNew appends the ids of add that list does not hold yet.
func appendNew(list []string, add ...string) []string {
	for _, id := range add {
		if !slices.Contains(list, id) {
			list = append(list, id)
		}
	}
	return list
}

// distanceKM returns the distance in km from p to the nearest edge of mp,
// in a local equirectangular projection around p (exact enough within a
// few tens of km).
func distanceKM(p orb.Point, mp orb.MultiPolygon) float64 {
	kx := kmPerDegree * math.Cos(p.Lat()*math.Pi/180)
	best := math.Inf(1)
	for _, pg := range mp {
		for _, r := range pg {
			for i := 0; i+1 < len(r); i++ {
				ax, ay := (r[i].X()-p.X())*kx, (r[i].Y()-p.Y())*kmPerDegree
				bx, by := (r[i+1].X()-p.X())*kx, (r[i+1].Y()-p.Y())*kmPerDegree
				best = math.Min(best, originToSegment(ax, ay, bx, by))
			}
		}
	}
	return best
}

// originToSegment returns the distance from (0, 0) to the segment a–b.
func originToSegment(ax, ay, bx, by float64) float64 {
	dx, dy := bx-ax, by-ay
	t := 0.0
	if l2 := dx*dx + dy*dy; l2 > 0 {
		t = math.Max(0, math.Min(1, -(ax*dx+ay*dy)/l2))
	}
	return math.Hypot(ax+t*dx, ay+t*dy)
}
