package data

import (
	"math"
	"slices"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geo"
)

// This file holds the rule of a selection that follows time: what the
// selection becomes when the date on screen changes.

// FollowRule names the rule Follow applied.
type FollowRule string

// The rules of Follow, in the order it tries them.
const (
	// FollowKept: the record is valid on the new date (a place is always;
	// its card shows the status of the new date).
	FollowKept FollowRule = "kept"
	// FollowNewStatus: the same place, whose status differs on the new date.
	FollowNewStatus FollowRule = "same place, new status"
	// FollowZoneAtSpot: the zone is not valid on the new date; the zone
	// valid then under the same point takes its place.
	FollowZoneAtSpot FollowRule = "zone at the same spot"
	// FollowSameForce: the deployment is not valid on the new date; the
	// same actor's deployment valid then at the same place takes its place.
	FollowSameForce FollowRule = "same actor at the same place"
	// FollowCleared: nothing of the same kind is at the same spot on the
	// new date; the selection is cleared.
	FollowCleared FollowRule = "cleared"
)

// Followed is what a selection becomes on a new date.
type Followed struct {
	Ref  Ref // the selection on the new date; zero when cleared
	Rule FollowRule
	// Reason says, in one sentence, why the selection changed or was
	// cleared; "" when it was kept.
	Reason string
}

// Follow returns what the selection ref becomes when the date changes from
// from to to: the same record when it is valid on to; else the record of the same
// kind at the same spot valid on to (for a zone, the zone under at, or
// under a point inside the old zone when at is nil or outside it; for a
// deployment, the same actor's deployment that shares the most places, or
// the same point within a kilometre); else nothing, with the reason.
// Actors, excerpts and places are always kept (a place whose status
// differs by FollowNewStatus, with the reason). The zero Ref is kept.
func (b *Briefing) Follow(ref Ref, at *orb.Point, from, to Date) Followed {
	if ref.IsZero() {
		return Followed{Rule: FollowKept}
	}
	if b.KindOf(ref.ID) != ref.Kind {
		return Followed{Rule: FollowCleared, Reason: "Selection cleared: " + ref.ID + " is not in this briefing."}
	}
	if b.ValidOn(ref, to) {
		if ref.Kind == KindPlace {
			return b.followPlace(ref.ID, from, to)
		}
		return Followed{Ref: ref, Rule: FollowKept}
	}
	name := b.nameOr(ref.ID)
	gone := name + " (" + string(ref.Kind) + ", " + b.validText(ref) + ") is not on the map on " + to.Long()
	switch ref.Kind {
	case KindZone:
		z, _ := b.Zone(ref.ID)
		if nz := b.zoneAtSpot(z, at, to); nz != nil {
			return Followed{Ref: Ref{Kind: KindZone, ID: nz.ID}, Rule: FollowZoneAtSpot,
				Reason: gone + "; showing " + nz.Name + ", the zone at the same spot (" + b.holdingText(nz) + ")."}
		}
		return Followed{Rule: FollowCleared, Reason: "Selection cleared: " + gone + ", and no zone lies at that spot then."}
	case KindDeployment:
		dep, _ := b.Deployment(ref.ID)
		if nd := b.sameForce(dep, to); nd != nil {
			return Followed{Ref: Ref{Kind: KindDeployment, ID: nd.ID}, Rule: FollowSameForce,
				Reason: gone + "; showing " + nd.Name + ", " + b.nameOr(dep.Actor) + "'s force at the same place then."}
		}
		return Followed{Rule: FollowCleared, Reason: "Selection cleared: " + gone + ", and " + b.nameOr(dep.Actor) + " has no force at the same place then."}
	}
	return Followed{Rule: FollowCleared, Reason: "Selection cleared: " + gone + "."}
}

// followPlace keeps place id: FollowNewStatus when its status on to
// differs from its status on from, else FollowKept.
func (b *Briefing) followPlace(id string, from, to Date) Followed {
	f := Followed{Ref: Ref{Kind: KindPlace, ID: id}, Rule: FollowKept}
	p, _ := b.Place(id)
	was, okWas := p.StatusOn(from)
	now, okNow := p.StatusOn(to)
	if okWas != okNow || was.Status != now.Status {
		f.Rule = FollowNewStatus
		switch {
		case okNow && okWas:
			f.Reason = p.Name + " is " + now.Status + " on " + to.Long() + " (was " + was.Status + ")."
		case okNow:
			f.Reason = p.Name + " is " + now.Status + " on " + to.Long() + "."
		default:
			f.Reason = p.Name + " has no status recorded on " + to.Long() + " (was " + was.Status + ")."
		}
	}
	return f
}

// zoneAtSpot returns the zone valid on d under at (or, when at is nil or
// not inside z, under a point inside z), preferring one that is contested
// when z is and controlled when z is; nil when none.
func (b *Briefing) zoneAtSpot(z *Zone, at *orb.Point, d Date) *Zone {
	var spot orb.Point
	switch {
	case at != nil && multiPolygonCovers(z.Geometry, polygonBounds(z.Geometry), *at):
		spot = *at
	default:
		p, ok := zoneInteriorPoint(z.Geometry)
		if !ok {
			return nil
		}
		spot = p
	}
	zs := b.ZonesAt(spot, d)
	if len(zs) == 0 {
		return nil
	}
	if i := slices.IndexFunc(zs, func(c *Zone) bool { return c.Contested() == z.Contested() }); i >= 0 {
		return zs[i]
	}
	return zs[0]
}

// polygonBounds returns the bound of each polygon of mp.
func polygonBounds(mp orb.MultiPolygon) []orb.Bound {
	out := make([]orb.Bound, len(mp))
	for i, pg := range mp {
		out[i] = pg.Bound()
	}
	return out
}

// zoneInteriorPoint returns a point inside the largest polygon of mp.
func zoneInteriorPoint(mp orb.MultiPolygon) (orb.Point, bool) {
	best, bestA := -1, 0.0
	for i, pg := range mp {
		if len(pg) == 0 || len(pg[0]) < 4 {
			continue
		}
		if a := math.Abs(planarArea(pg[0])); a > bestA {
			best, bestA = i, a
		}
	}
	if best < 0 {
		return orb.Point{}, false
	}
	return interiorPoint(newPolyIndex(mp[best]))
}

// sameForce returns the deployment of dep's actor valid on d at the same
// place: the one that shares the most places with dep, then whose point
// lies within a kilometre of dep's, then the first in briefing order; nil
// when none shares a place or a point.
func (b *Briefing) sameForce(dep *Deployment, d Date) *Deployment {
	var best *Deployment
	bestScore := 0
	for _, c := range b.DeploymentsOn(d) {
		if c.Actor != dep.Actor || c.ID == dep.ID {
			continue
		}
		score := 0
		for _, p := range c.Places {
			if slices.Contains(dep.Places, p) {
				score += 2
			}
		}
		if c.Point != nil && dep.Point != nil && geo.Distance(*c.Point, *dep.Point) <= 1000 {
			score++
		}
		if score > bestScore {
			best, bestScore = c, score
		}
	}
	return best
}
