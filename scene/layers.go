package scene

import (
	"cmp"
	"math"
	"slices"
	"strconv"

	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/assets"
	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/geo"
)

func mustFonts() *assets.Fonts {
	f, err := assets.LoadFonts()
	if err != nil {
		panic(err) // the embedded fonts are checked by assets' tests
	}
	return f
}

// placePriority orders labels: the main cities first (a reader finds
// their way by them), then terminals, airbases and fields, then small towns.
func placePriority(p *data.Place) int {
	rank := 3 - min(max(p.Importance, 1), 3) // 2 for the most important
	switch p.Kind {
	case data.City, data.Port, data.OtherPlace:
		return 40 + 30*rank
	}
	return 45 + 15*rank
}

// deploymentLabelPriority is below every place's: a force's name gives way.
const deploymentLabelPriority = 20

// layers builds the overlay of what Shown lists, bottom to top: zones,
// contested zones, range rings, events, places, deployments, callouts.
// Event pins lie under the places: a pin's tip tucks under the symbol of
// the place it points at, its head stands clear above. The emphasis
// (highlight, hover, selection) goes on top: see emphasis.
func (r *Renderer) layers(t *geo.Transformer, o Options) []geo.Layer {
	b, d, ratio := r.b, o.Date, o.Ratio()
	shown := r.Shown(o)
	var zones, contested, rings, events, places, deps []geo.Object

	for _, z := range shown.Zones {
		if a := r.zoneArea(z, ratio); z.Contested() {
			contested = append(contested, a)
		} else {
			zones = append(zones, a)
		}
	}
	for _, p := range r.declutter(t, drawingOrder(shown.Places), o) {
		m := &geo.Marker{Key: refOf(data.KindPlace, p.ID), Name: p.Name, Point: p.Point, Style: placeStyleOn(p, d, ratio)}
		if o.Layers.Labels {
			m.Label, m.LabelStyle, m.LabelPriority = p.Name, placeLabelStyle(p, ratio), placePriority(p)
		}
		places = append(places, m)
	}
	for _, dep := range shown.Ranges {
		key := refOf(data.KindDeployment, dep.ID)
		for _, p := range b.DeploymentPoints(dep) {
			// The tint is not pickable: a click inside the ring means the
			// zone under it; only the ring line picks the deployment.
			rings = append(rings,
				&geo.Circle{Centre: p, RadiusKm: dep.RangeKM, Style: rangeTint(b, dep)},
				&geo.Circle{Key: key, Name: dep.Name, Centre: p, RadiusKm: dep.RangeKM, Style: rangeLine(b, dep, ratio)})
			if dep.RangeMax && o.Layers.Labels {
				rings = append(rings, r.rangeBoundLabel(key, p, dep, ratio))
			}
		}
	}
	for _, e := range shown.Events {
		if pin := r.eventPin(e, o); pin != nil {
			events = append(events, pin)
		}
	}
	if o.Layers.Labels {
		zones = append(zones, r.allyLabels(shown.Zones, ratio)...)
	}
	for _, dep := range shown.Deployments {
		key := refOf(data.KindDeployment, dep.ID)
		if len(dep.Area) > 0 {
			deps = append(deps, &geo.Area{Key: key, Name: dep.Name, Geometry: dep.Area, Style: deploymentAreaStyle(b, dep, ratio)})
		}
		for i, p := range r.forcePoints(t, dep, ratio) {
			m := &geo.Marker{Key: key, Name: dep.Name, Point: p, Style: deploymentStyle(b, dep, ratio)}
			if o.Layers.Labels && i == 0 {
				m.Label, m.LabelStyle, m.LabelPriority = deploymentLabel(b, dep), deploymentLabelStyle(ratio), deploymentLabelPriority
			}
			deps = append(deps, m)
		}
	}
	return r.withCompare(t, o, []geo.Layer{
		{Name: "zones", Objects: zones},
		{Name: "contested", Objects: contested},
		{Name: "ranges", Objects: rings},
		{Name: "events", Objects: events},
		{Name: "places", Objects: places},
		{Name: "deployments", Objects: deps},
		{Name: "callouts", Objects: r.callouts(t, o, places, append(slices.Clone(deps), events...))},
	})
}

// rangeBoundLabel is the label of the ring of a range that is an upper
// bound: "< 200 km", centred on the dotted line due south of its centre
// (inland on a coast facing north), else on the first point round the ring
// that lies inside the briefing's bounding box.
func (r *Renderer) rangeBoundLabel(key string, centre orb.Point, dep *data.Deployment, ratio float64) *geo.Label {
	ring := geo.GeodesicCircle(centre, dep.RangeKM*1000, 8) // bearings 0, 45, … 315
	at := ring[4]
	for _, i := range []int{4, 3, 5, 2, 6, 1, 7, 0} {
		if r.b.BBox.Contains(ring[i]) {
			at = ring[i]
			break
		}
	}
	return &geo.Label{Key: key, Point: at, Text: RangeText(dep, true), Style: rangeBoundStyle(ratio),
		Priority: rangeLabelPriority, Positions: []geo.Position{geo.Centre}}
}

// RangeText returns a force's range as the map, the cards and the legend
// write it: "200 km", or for an upper bound "less than 200 km" ("< 200 km"
// when short, on the map).
func RangeText(dep *data.Deployment, short bool) string {
	km := strconv.FormatFloat(dep.RangeKM, 'f', -1, 64) + " km"
	switch {
	case !dep.RangeMax:
		return km
	case short:
		return "< " + km
	}
	return "less than " + km
}

// refOf returns the map key of record id of kind k.
func refOf(k data.Kind, id string) string { return data.Ref{Kind: k, ID: id}.String() }

// deploymentLabel is a force's label on the map: the name of the actor
// that sent it (its own name when the actor is unknown).
func deploymentLabel(b *data.Briefing, dep *data.Deployment) string {
	if name := b.Name(dep.Actor); name != "" {
		return name
	}
	return dep.Name
}

// zoneArea returns the (cached) area that draws zone z.
func (r *Renderer) zoneArea(z *data.Zone, ratio float64) *geo.Area {
	k := zoneKey{z.ID, ratio}
	if a, ok := r.zones[k]; ok {
		return a
	}
	a := &geo.Area{Key: refOf(data.KindZone, z.ID), Name: z.Name, Geometry: z.Geometry, Style: zoneStyle(r.b, z, ratio)}
	r.zones[k] = a
	return a
}

// drawingOrder returns places least important first, so that important
// symbols are drawn on top.
func drawingOrder(places []*data.Place) []*data.Place {
	out := slices.Clone(places)
	slices.SortStableFunc(out, func(a, b *data.Place) int { return cmp.Compare(b.Importance, a.Importance) })
	return out
}

// declutter drops the symbols of places that would sit on a more important
// place's symbol at this zoom (Mitiga airport on Tripoli at national scale),
// the cartographer's generalisation: they come back as the user zooms in.
// A place that is selected, hovered, highlighted or called out always
// stays, as does one compare mode rings.
// The result keeps places' order.
func (r *Renderer) declutter(t *geo.Transformer, places []*data.Place, o Options) []*data.Place {
	keep := map[string]bool{}
	for _, ref := range append(append([]data.Ref{o.Selected, o.Hovered}, o.Highlight...), o.Callouts...) {
		if ref.Kind == data.KindPlace {
			keep[ref.ID] = true
		}
	}
	for _, id := range r.changedPlaces(o) {
		keep[id] = true
	}
	byPriority := slices.Clone(places)
	slices.SortStableFunc(byPriority, func(a, b *data.Place) int {
		if ka, kb := keep[a.ID], keep[b.ID]; ka != kb {
			if ka {
				return -1
			}
			return 1
		}
		return cmp.Compare(placePriority(b), placePriority(a))
	})
	type disc struct{ x, y, r float64 }
	var kept []disc
	drop := map[string]bool{}
	ratio := o.Ratio()
	for _, p := range byPriority {
		x, y := t.ToPixel(p.Point)
		rad := placeStyleOn(p, o.Date, ratio).Size / 2
		clash := slices.ContainsFunc(kept, func(k disc) bool { return math.Hypot(x-k.x, y-k.y) < 0.8*(rad+k.r) })
		if clash && !keep[p.ID] {
			drop[p.ID] = true
			continue
		}
		kept = append(kept, disc{x, y, rad})
	}
	return slices.DeleteFunc(slices.Clone(places), func(p *data.Place) bool { return drop[p.ID] })
}
