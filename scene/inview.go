package scene

import (
	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/data"
)

// kmPerDegree converts a distance to degrees of latitude, to pad a point
// by a range in km (an upper bound for longitude away from the equator).
const kmPerDegree = 111.0

// InView is what a map shows of a briefing on a date, each list in
// briefing order.
type InView struct {
	// Zones are the zones valid on the date (contested ones included),
	// when the zones layer is on.
	Zones []*data.Zone
	// Places are the places whose layer is on (terminals and fields: oil;
	// airbases; every other kind: cities).
	Places []*data.Place
	// Deployments are the forces valid on the date, when the deployments
	// layer is on.
	Deployments []*data.Deployment
	// Ranges are the forces valid on the date that have a range, when the
	// range rings layer is on.
	Ranges []*data.Deployment
	// Events are the events shown on the date that the map draws (see
	// OnMap), by date, when the events layer is on.
	Events []*data.Event
}

// IDs returns the ids of the zones, places, deployments and events in v,
// in that order (not the range rings: their forces are listed by
// Deployments when that layer is on).
func (v InView) IDs() []string {
	var out []string
	for _, z := range v.Zones {
		out = append(out, z.ID)
	}
	for _, p := range v.Places {
		out = append(out, p.ID)
	}
	for _, d := range v.Deployments {
		out = append(out, d.ID)
	}
	for _, e := range v.Events {
		out = append(out, e.ID)
	}
	return out
}

// placeLayerOn reports whether the layer that shows places of kind k is on.
func placeLayerOn(l Layers, k data.PlaceKind) bool {
	switch k {
	case data.OilTerminal, data.OilField:
		return l.Oil
	case data.Airbase:
		return l.Airbases
	}
	return l.Cities
}

// Shown returns everything the map shows on o.Date with o.Layers, wherever
// it lies.
func (r *Renderer) Shown(o Options) InView { return r.inView(o, nil) }

// InView returns what the map shows on o.Date with o.Layers inside bounds:
// a zone whose bounds meet it, a place inside it, a force with a point
// inside it or an area that meets it, a range ring that reaches it, and an
// event the map draws whose point lies inside it.
// The legend and the slide list these, and only these.
func (r *Renderer) InView(o Options, bounds orb.Bound) InView { return r.inView(o, &bounds) }

// inView is InView, or Shown when view is nil.
func (r *Renderer) inView(o Options, view *orb.Bound) InView {
	b, d := r.b, o.Date
	meets := func(bd orb.Bound) bool { return view == nil || view.Intersects(bd) }
	forceIn := func(dep *data.Deployment, padKM float64) bool {
		if view == nil {
			return true
		}
		if len(dep.Area) > 0 && meets(dep.Area.Bound()) {
			return true
		}
		for _, p := range b.DeploymentPoints(dep) {
			if meets(orb.Bound{Min: p, Max: p}.Pad(padKM / kmPerDegree)) {
				return true
			}
		}
		return false
	}
	var v InView
	if o.Layers.Zones {
		for _, z := range b.ZonesOn(d) {
			if meets(z.Geometry.Bound()) {
				v.Zones = append(v.Zones, z)
			}
		}
	}
	for i := range b.Places {
		if p := &b.Places[i]; placeLayerOn(o.Layers, p.Kind) && meets(orb.Bound{Min: p.Point, Max: p.Point}) {
			v.Places = append(v.Places, p)
		}
	}
	for _, dep := range b.DeploymentsOn(d) {
		if o.Layers.Deployments && forceIn(dep, 0) {
			v.Deployments = append(v.Deployments, dep)
		}
		if o.Layers.Ranges && dep.RangeKM > 0 && forceIn(dep, dep.RangeKM) {
			v.Ranges = append(v.Ranges, dep)
		}
	}
	if o.Layers.Events {
		for _, e := range b.EventsOn(d) {
			if p, ok := b.EventPoint(e); ok && r.OnMap(e) && meets(orb.Bound{Min: p, Max: p}) {
				v.Events = append(v.Events, e)
			}
		}
	}
	return v
}
