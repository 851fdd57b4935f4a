package data

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/paulmach/orb"
)

// Diff is what changed between two dates of a briefing (see
// Briefing.Diff).
type Diff struct {
	From, To Date
	// Zones are the areas that changed hands, side changes first, then
	// the largest first.
	Zones []ZoneChange
	// Places are the places whose holder, contesters or status differ,
	// in briefing order.
	Places []PlaceChange
	// Arrived are the ids of the deployments valid on To and not on From;
	// Left those valid on From and not on To; each in briefing order.
	Arrived, Left []string
	// Spots are where an actor's forces are on one date and not the other
	// (the map's "+" and "−"), in briefing order of their deployments.
	Spots []ForceSpot
	// Events are the ids of the events whose first day lies after From and
	// on or before To, by date.
	Events []string
}

// ZoneChange is an area held one way on From and another on To: where
// zone FromZone gives the holding on From (see HolderAt) and ToZone on To,
// with another controller or other contesters.
type ZoneChange struct {
	FromZone, ToZone             string
	FromController, ToController string   // "" for an area only contested
	FromContested, ToContested   []string // the contesters, where a contested zone lies
	FromSide, ToSide             string   // the controllers' sides ("" when contested or unknown)
	// ContestZone is the contested zone that lay over the area on one date
	// and not the other ("" when the contest did not change).
	ContestZone string
	AreaKM2     float64
	Places      []string // the places whose holding zone is FromZone on From and ToZone on To
	Geometry    orb.MultiPolygon
}

// SideChanged reports whether the area passed to another side or its
// contest began or ended, not only from one actor to another of the same
// side (the GNA to the GNU).
func (z ZoneChange) SideChanged() bool {
	return z.FromSide != z.ToSide || !sameSet(z.FromContested, z.ToContested)
}

// PlaceChange is a place whose holding or status differs between the dates.
type PlaceChange struct {
	ID                         string
	HolderFrom, HolderTo       string   // "" when none
	ContestedFrom, ContestedTo []string // contesters, when any
	StatusFrom, StatusTo       string   // "" when none is recorded
}

// ForceSpot is a place or point where an actor has a force on one date of
// a Diff and not on the other.
type ForceSpot struct {
	Deployment string // the deployment there (on To when Arrived, on From when not)
	Actor      string
	Place      string // the place id, or "" for a point
	Point      orb.Point
	Arrived    bool // true: there on To only; false: there on From only
}

// minChangeKM2 is the smallest area Diff reports: slivers between borders
// drawn a little differently are not changes of hands.
const minChangeKM2 = 1.0

// CheckDates returns an error unless from and to lie in the briefing's
// Range and from is before to.
func (b *Briefing) CheckDates(from, to Date) error {
	if err := b.CheckDate(from); err != nil {
		return err
	}
	if err := b.CheckDate(to); err != nil {
		return err
	}
	switch from.Compare(to) {
	case 0:
		return fmt.Errorf("both dates are %s: compare two different dates", from)
	case 1:
		return fmt.Errorf("%s is before %s: give the earlier date first", to, from)
	}
	return nil
}

// Diff returns what changed between dates from and to (see CheckDates for
// the errors): the areas that changed hands, with their area and the
// places inside; the places whose holder or status changed; the
// deployments that arrived or left, and where; the events between.
func (b *Briefing) Diff(from, to Date) (Diff, error) {
	if err := b.CheckDates(from, to); err != nil {
		return Diff{}, err
	}
	d := Diff{From: from, To: to, Zones: b.zoneChanges(from, to)}
	for i := range b.Places {
		p := &b.Places[i]
		ha, hb := b.HolderAt(p.Point, from), b.HolderAt(p.Point, to)
		sa, _ := p.StatusOn(from)
		sb, _ := p.StatusOn(to)
		if ha.Holder != hb.Holder || !sameSet(ha.ContestedBy, hb.ContestedBy) || sa.Status != sb.Status {
			d.Places = append(d.Places, PlaceChange{ID: p.ID, HolderFrom: ha.Holder, HolderTo: hb.Holder,
				ContestedFrom: ha.ContestedBy, ContestedTo: hb.ContestedBy, StatusFrom: sa.Status, StatusTo: sb.Status})
		}
	}
	for i := range b.Deployments {
		dep := &b.Deployments[i]
		switch a, c := dep.Valid.Contains(from), dep.Valid.Contains(to); {
		case c && !a:
			d.Arrived = append(d.Arrived, dep.ID)
		case a && !c:
			d.Left = append(d.Left, dep.ID)
		}
	}
	d.Spots = b.forceSpots(from, to)
	var events []*Event
	for i := range b.Events {
		if e := &b.Events[i]; e.Date.After(from) && !e.Date.After(to) {
			events = append(events, e)
		}
	}
	for _, e := range byDate(events) {
		d.Events = append(d.Events, e.ID)
	}
	return d, nil
}

// cell is a part of the map held one way on a date: by Controller (the
// controlled zone Zone), contested by Contested (a contested zone lying
// over it), or both (see HolderAt). The cells of a date do not overlap.
type cell struct {
	zone       *Zone // the zone that gives the holding: the controlled one, else the contested one
	contest    *Zone // the contested zone over it, if any
	controller string
	contested  []string
	r          region
	b          orb.Bound
}

// cells returns the cells of date d: each controlled zone split by the
// contested zones lying over it, and each contested zone's area outside
// every controlled zone.
func (b *Briefing) cells(d Date) []cell {
	var controlled, contested []*Zone
	regions := map[*Zone]region{}
	for _, z := range b.ZonesOn(d) {
		regions[z] = regionOf(z.Geometry)
		if z.Contested() {
			contested = append(contested, z)
		} else {
			controlled = append(controlled, z)
		}
	}
	var out []cell
	add := func(z, contest *Zone, r region) {
		if len(r) == 0 {
			return
		}
		c := cell{zone: z, contest: contest, controller: z.Controller, r: r, b: r.bound()}
		if contest != nil {
			c.contested = contest.ContestedBy
		}
		out = append(out, c)
	}
	for _, c := range controlled {
		rest := regions[c]
		for _, k := range contested {
			add(c, k, overlay(rest, regions[k], opIntersect))
			rest = overlay(rest, regions[k], opSubtract)
		}
		add(c, nil, rest)
	}
	for _, k := range contested {
		rest := regions[k]
		for _, c := range controlled {
			rest = overlay(rest, regions[c], opSubtract)
		}
		add(k, k, rest)
	}
	return out
}

// holds reports whether holding h is the holding of cell c.
func (c cell) holds(h Holding) bool {
	return h.Zone == c.zone && h.Holder == c.controller && sameSet(h.ContestedBy, c.contested)
}

func sameSet(a, c []string) bool {
	if len(a) != len(c) {
		return false
	}
	for _, x := range a {
		if !slices.Contains(c, x) {
			return false
		}
	}
	return true
}

func (b *Briefing) zoneChanges(from, to Date) []ZoneChange {
	ca, cb := b.cells(from), b.cells(to)
	holdFrom, holdTo := make([]Holding, len(b.Places)), make([]Holding, len(b.Places))
	for i := range b.Places {
		holdFrom[i], holdTo[i] = b.HolderAt(b.Places[i].Point, from), b.HolderAt(b.Places[i].Point, to)
	}
	var out []ZoneChange
	for _, x := range ca {
		for _, y := range cb {
			if (x.controller == y.controller && sameSet(x.contested, y.contested)) || !x.b.Intersects(y.b) {
				continue
			}
			inter := overlay(x.r, y.r, opIntersect)
			area := inter.areaKM2()
			if area < minChangeKM2 {
				continue
			}
			c := ZoneChange{FromZone: x.zone.ID, ToZone: y.zone.ID,
				FromController: x.controller, ToController: y.controller,
				FromContested: x.contested, ToContested: y.contested,
				FromSide: b.sideOf(x.controller), ToSide: b.sideOf(y.controller),
				AreaKM2: math.Round(area), Geometry: inter.multiPolygon()}
			switch {
			case x.contest != nil && (y.contest == nil || !sameSet(x.contested, y.contested)):
				c.ContestZone = x.contest.ID
			case y.contest != nil && (x.contest == nil || !sameSet(x.contested, y.contested)):
				c.ContestZone = y.contest.ID
			}
			for i := range b.Places {
				if x.holds(holdFrom[i]) && y.holds(holdTo[i]) {
					c.Places = append(c.Places, b.Places[i].ID)
				}
			}
			out = append(out, c)
		}
	}
	slices.SortStableFunc(out, func(p, q ZoneChange) int {
		if ps, qs := p.SideChanged(), q.SideChanged(); ps != qs {
			if ps {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(q.AreaKM2, p.AreaKM2), cmp.Compare(p.FromZone, q.FromZone), cmp.Compare(p.ToZone, q.ToZone))
	})
	return out
}

// LostBy returns the side that lost the area of change z: the side of its
// controller on From when it passed to another side or became contested;
// when a contest ended or began under one side, the one other side among
// the contesters; "" when no single side lost it.
func (b *Briefing) LostBy(z ZoneChange) string {
	if z.FromController != "" && z.FromSide != z.ToSide {
		return z.FromSide
	}
	var others []string
	keep := z.ToSide
	if z.FromController != "" {
		keep = z.FromSide
	}
	for _, id := range append(slices.Clone(z.FromContested), z.ToContested...) {
		if s := b.sideOf(id); s != "" && s != keep && !slices.Contains(others, s) {
			others = append(others, s)
		}
	}
	if len(others) == 1 {
		return others[0]
	}
	return ""
}

// sideOf returns the side of actor id ("" for no actor or an unknown one).
func (b *Briefing) sideOf(id string) string {
	if a, ok := b.Actor(id); ok {
		return a.Side
	}
	return ""
}

// forceSpot is a place or point of a deployment.
type forceSpot struct {
	key   string // "place:ID" or "point:LON,LAT"
	place string
	point orb.Point
}

// spotsOf returns where deployment dep is: its places, its point and the
// interior point of its area.
func (b *Briefing) spotsOf(dep *Deployment) []forceSpot {
	var out []forceSpot
	for _, id := range dep.Places {
		if p, ok := b.Place(id); ok {
			out = append(out, forceSpot{key: "place:" + id, place: id, point: p.Point})
		}
	}
	if dep.Point != nil {
		out = append(out, forceSpot{key: fmt.Sprintf("point:%.4f,%.4f", dep.Point[0], dep.Point[1]), point: *dep.Point})
	}
	if p, ok := zoneInteriorPoint(dep.Area); ok {
		out = append(out, forceSpot{key: "area:" + dep.ID, point: p})
	}
	return out
}

// forceSpots returns where each actor has a force on one date and not the
// other.
func (b *Briefing) forceSpots(from, to Date) []ForceSpot {
	at := func(d Date) map[string]bool {
		m := map[string]bool{}
		for _, dep := range b.DeploymentsOn(d) {
			for _, s := range b.spotsOf(dep) {
				m[dep.Actor+"@"+s.key] = true
			}
		}
		return m
	}
	onFrom, onTo := at(from), at(to)
	var out []ForceSpot
	seen := map[string]bool{}
	add := func(d Date, there map[string]bool, arrived bool) {
		for _, dep := range b.DeploymentsOn(d) {
			for _, s := range b.spotsOf(dep) {
				k := dep.Actor + "@" + s.key
				if there[k] || seen[k] {
					continue
				}
				seen[k] = true
				out = append(out, ForceSpot{Deployment: dep.ID, Actor: dep.Actor, Place: s.place, Point: s.point, Arrived: arrived})
			}
		}
	}
	add(from, onTo, false)
	clear(seen)
	add(to, onFrom, true)
	return out
}
