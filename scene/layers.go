package scene

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"sort"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"github.com/briefmap/briefmap/assets"
	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/geo"
)

// Colours of the overlay that are not a side's.
var (
	contestedColour = geo.OkabeVermillion
	selectColour    = geo.InkColor
	white           = color.NRGBA{0xff, 0xff, 0xff, 0xff}
	neutralColour   = color.NRGBA{0x6b, 0x6b, 0x6b, 0xff}
)

// sidePalette is the Okabe–Ito order sides take colours in: blue and orange
// first (the pair that stays apart under every common colour-vision
// deficiency), then bluish green and reddish purple.
var sidePalette = [...]color.NRGBA{geo.OkabeBlue, geo.OkabeOrange, geo.OkabeBluishGreen, geo.OkabeReddishPurple, geo.OkabeSkyBlue}

func mustFonts() *assets.Fonts {
	f, err := assets.LoadFonts()
	if err != nil {
		panic(err) // the embedded fonts are checked by assets' tests
	}
	return f
}

// SideColour returns the colour of side id: the briefing's sides take the
// palette in order; an unknown side is neutral grey.
func SideColour(b *data.Briefing, side string) color.NRGBA {
	for i, s := range b.Sides {
		if s.ID == side {
			return sidePalette[i%len(sidePalette)]
		}
	}
	return neutralColour
}

// ActorColour returns the colour of the side actor id is on.
func ActorColour(b *data.Briefing, id string) color.NRGBA {
	if a, ok := b.Actor(id); ok {
		return SideColour(b, a.Side)
	}
	return neutralColour
}

// deploymentColour is the colour of the side a deployment fights for.
func deploymentColour(b *data.Briefing, dep *data.Deployment) color.NRGBA {
	if dep.Supports != "" {
		return ActorColour(b, dep.Supports)
	}
	return ActorColour(b, dep.Actor)
}

// zoneStyle is how zone z is filled: its controller's side colour, hatched
// when confidence is low; a contested zone is vermillion hatching over what
// lies beneath.
func zoneStyle(b *data.Briefing, z *data.Zone, ratio float64) geo.AreaStyle {
	if z.Contested() {
		return geo.AreaStyle{
			Fill:   geo.WithAlpha(contestedColour, 0.12),
			Hatch:  geo.Hatch{Angle: 45, Spacing: 7 * ratio, Width: 1.6 * ratio, Color: geo.WithAlpha(contestedColour, 0.85)},
			Stroke: geo.Stroke{Color: contestedColour, Width: 1.2 * ratio, Dash: []float64{5 * ratio, 3 * ratio}},
		}
	}
	c := ActorColour(b, z.Controller)
	st := geo.AreaStyle{
		Fill:   geo.WithAlpha(c, 0.34),
		Stroke: geo.Stroke{Color: geo.WithAlpha(c, 0.9), Width: 0.9 * ratio},
	}
	if z.Confidence == data.Low {
		st.Hatch = geo.Hatch{Angle: -45, Spacing: 6 * ratio, Width: 1.2 * ratio, Color: geo.WithAlpha(c, 0.7)}
	}
	return st
}

// placeLayer says which layer shows places of kind k.
func placeLayer(l Layers, k data.PlaceKind) bool {
	switch k {
	case data.OilTerminal, data.OilField:
		return l.Oil
	case data.Airbase:
		return l.Airbases
	}
	return l.Cities
}

// placeStyle is the symbol of place p on date d: terminals are filled
// vermillion while blockaded.
func placeStyle(p *data.Place, d data.Date, ratio float64) geo.MarkerStyle {
	switch p.Kind {
	case data.OilTerminal:
		fill := white
		if blockaded(p, d) {
			fill = contestedColour
		}
		return geo.MarkerStyle{Symbol: geo.SymbolOilTerminal, Size: 15 * ratio, Fill: fill, Stroke: geo.InkColor, StrokeWidth: 1.2 * ratio}
	case data.OilField:
		return geo.MarkerStyle{Symbol: geo.SymbolOilField, Size: 14 * ratio, Fill: geo.InkColor, Stroke: white, StrokeWidth: 1 * ratio}
	case data.Airbase:
		return geo.MarkerStyle{Symbol: geo.SymbolAirbase, Size: 16 * ratio, Fill: white, Stroke: geo.InkColor, StrokeWidth: 1.2 * ratio}
	}
	size := 7.0
	if p.Importance == 1 {
		size = 9
	}
	return geo.MarkerStyle{Symbol: geo.SymbolSquare, Size: size * ratio, Fill: geo.InkColor, Stroke: white, StrokeWidth: 1 * ratio}
}

func blockaded(p *data.Place, d data.Date) bool {
	st, ok := p.StatusOn(d)
	return ok && st.Status == "blockaded"
}

// whatSymbols are the deployment symbols by what is deployed.
var whatSymbols = map[string]geo.Symbol{
	"drones":      geo.SymbolTriangle,
	"aircraft":    geo.SymbolTriangle,
	"air-defence": geo.SymbolDiamond,
	"troops":      geo.SymbolSquare,
	"advisers":    geo.SymbolSquare,
}

// whatNames are the legend names of what is deployed.
var whatNames = map[string]string{
	"drones":      "Drones and aircraft",
	"aircraft":    "Drones and aircraft",
	"air-defence": "Air defence",
	"troops":      "Troops and advisers",
	"advisers":    "Troops and advisers",
	"mercenaries": "Mercenaries and fighters",
	"fighters":    "Mercenaries and fighters",
}

func deploymentStyle(b *data.Briefing, dep *data.Deployment, ratio float64) geo.MarkerStyle {
	sym, ok := whatSymbols[dep.What]
	if !ok {
		sym = geo.SymbolCircle
	}
	return geo.MarkerStyle{Symbol: sym, Size: 14 * ratio, Fill: deploymentColour(b, dep), Stroke: white, StrokeWidth: 1.5 * ratio}
}

func labelStyle(size float64, weight geo.Weight, ratio float64) geo.TextStyle {
	return geo.TextStyle{Size: size * ratio, Weight: weight, Color: geo.InkColor, Halo: geo.HaloColor, HaloWidth: 2 * ratio}
}

// placePriority orders labels: the main cities first (a reader finds
// their way by them), then terminals, airbases and fields, then small towns.
func placePriority(p *data.Place) int {
	rank := 3 - clampInt(p.Importance, 1, 3) // 2 for the most important
	switch p.Kind {
	case data.City, data.Port, data.OtherPlace:
		return 40 + 30*rank
	}
	return 45 + 15*rank
}

func clampInt(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

// layers builds the overlay, bottom to top: zones, contested zones, range
// rings, places, deployments, callouts. The emphasis (highlight, hover,
// selection) goes on top: see emphasis.
func (r *Renderer) layers(t *geo.Transformer, o Options) []geo.Layer {
	b, d, ratio := r.b, o.Date, o.ratio()
	var zones, contested, rings, places, deps, callouts []geo.Object

	if o.Layers.Zones {
		for _, z := range b.ZonesOn(d) {
			a := r.zoneArea(z, ratio)
			if z.Contested() {
				contested = append(contested, a)
			} else {
				zones = append(zones, a)
			}
		}
	}
	for _, p := range r.declutter(t, r.visiblePlaces(o), o) {
		m := &geo.Marker{Key: data.Ref{Kind: data.KindPlace, ID: p.ID}.String(), Name: p.Name, Point: p.Point, Style: placeStyle(p, d, ratio)}
		if o.Layers.Labels {
			m.Label = p.Name
			weight := geo.Regular
			size := 12.0
			if p.Importance == 1 {
				weight, size = geo.Bold, 13
			}
			m.LabelStyle = labelStyle(size, weight, ratio)
			m.LabelPriority = placePriority(p)
		}
		places = append(places, m)
	}
	if o.Layers.Deployments || o.Layers.Ranges {
		for _, dep := range b.DeploymentsOn(d) {
			pts := r.deploymentPoints(t, dep, ratio)
			key := data.Ref{Kind: data.KindDeployment, ID: dep.ID}.String()
			if o.Layers.Ranges && dep.RangeKM > 0 {
				c := deploymentColour(b, dep)
				for _, p := range b.DeploymentPoints(dep) {
					// The tint is not pickable: a click inside the ring
					// means the zone under it; only the ring line picks the
					// deployment.
					rings = append(rings,
						&geo.Circle{Centre: p, RadiusKm: dep.RangeKM, Style: geo.RingStyle{Fill: geo.WithAlpha(c, 0.05)}},
						&geo.Circle{Key: key, Name: dep.Name, Centre: p, RadiusKm: dep.RangeKM,
							Style: geo.RingStyle{Stroke: geo.Stroke{Color: c, Width: 1.4 * ratio, Dash: []float64{6 * ratio, 4 * ratio}}}})
				}
			}
			if !o.Layers.Deployments {
				continue
			}
			if len(dep.Area) > 0 {
				c := deploymentColour(b, dep)
				deps = append(deps, &geo.Area{Key: key, Name: dep.Name, Geometry: dep.Area, Style: geo.AreaStyle{
					Hatch:  geo.Hatch{Angle: 0, Spacing: 6 * ratio, Width: 1 * ratio, Color: geo.WithAlpha(c, 0.6)},
					Stroke: geo.Stroke{Color: c, Width: 1.2 * ratio, Dash: []float64{3 * ratio, 3 * ratio}},
				}})
			}
			for i, p := range pts {
				m := &geo.Marker{Key: key, Name: dep.Name, Point: p, Style: deploymentStyle(b, dep, ratio)}
				if o.Layers.Labels && i == 0 {
					m.Label = deploymentLabel(b, dep)
					m.LabelStyle = labelStyle(11, geo.Italic, ratio)
					m.LabelPriority = 20
				}
				deps = append(deps, m)
			}
		}
	}
	callouts = r.callouts(t, o, places, deps)
	return []geo.Layer{
		{Name: "zones", Objects: zones},
		{Name: "contested", Objects: contested},
		{Name: "ranges", Objects: rings},
		{Name: "places", Objects: places},
		{Name: "deployments", Objects: deps},
		{Name: "callouts", Objects: callouts},
	}
}

// callouts returns the numbered discs of o.Callouts. Each sits beside its
// anchor on the first of eight spots (up-right first) that keeps clear of
// place and force symbols, of earlier callouts, and of the space above the
// main cities where their names go; when none is clear, up-right.
func (r *Renderer) callouts(t *geo.Transformer, o Options, places, deps []geo.Object) []geo.Object {
	ratio := o.ratio()
	size := 22 * ratio
	var busy []geo.Box
	for _, objs := range [][]geo.Object{places, deps} {
		for _, obj := range objs {
			if os, ok := obj.(geo.ObstacleSource); ok {
				busy = append(busy, os.Obstacles(t)...)
			}
		}
	}
	// Room for the names above the main cities (about 70 px at 13 px):
	// a callout may cover a symbol's edge before it hides a capital's name.
	var names []geo.Box
	for _, obj := range places {
		m, ok := obj.(*geo.Marker)
		if !ok || m.Label == "" || m.LabelPriority < placePriority(&data.Place{Kind: data.City, Importance: 1}) {
			continue
		}
		x, y := t.ToPixel(m.Point)
		names = append(names, geo.Box{X0: x - 36*ratio, Y0: y - 26*ratio, X1: x + 36*ratio, Y1: y - 4*ratio})
	}
	spots := [][2]float64{{1, -1}, {1, 0}, {1, 1}, {-1, -1}, {-1, 0}, {-1, 1}, {0, -1.3}, {0, 1.3}}
	frame := t.Frame()
	clearOf := func(b geo.Box, boxes ...[]geo.Box) bool {
		for _, set := range boxes {
			for _, o := range set {
				if b.Overlaps(o) {
					return false
				}
			}
		}
		return true
	}
	var placed []geo.Box
	var out []geo.Object
	for i, ref := range o.Callouts {
		p, ok := r.anchor(t, ref, o, ratio)
		if !ok {
			continue
		}
		x, y := t.ToPixel(p)
		box := func(sp [2]float64) geo.Box {
			qx, qy := x+sp[0]*16*ratio, y+sp[1]*16*ratio
			return geo.Box{X0: qx - size/2, Y0: qy - size/2, X1: qx + size/2, Y1: qy + size/2}
		}
		chosen, found := box(spots[0]), false
		// First a spot clear of everything, then one that only keeps off
		// the cities' names and the other callouts.
		for pass := 0; pass < 2 && !found; pass++ {
			for _, sp := range spots {
				b := box(sp)
				if !b.Inside(frame) {
					continue
				}
				if (pass == 0 && clearOf(b, busy, names, placed)) || (pass == 1 && clearOf(b, names, placed)) {
					chosen, found = b, true
					break
				}
			}
		}
		placed = append(placed, chosen)
		cx, cy := (chosen.X0+chosen.X1)/2, (chosen.Y0+chosen.Y1)/2
		out = append(out, &geo.Marker{Name: fmt.Sprint(i + 1), Point: t.ToLonLat(cx, cy), Number: i + 1,
			Style: geo.MarkerStyle{Symbol: geo.SymbolCallout, Size: size, Fill: geo.InkColor, Stroke: white, StrokeWidth: 1.5 * ratio}})
	}
	return out
}

// outlineRing is a ring drawn around a selected or hovered symbol. It draws
// like its marker but, unlike a marker, is no obstacle to labels: the name
// of the selected place must still find its spot beside it.
type outlineRing struct{ m *geo.Marker }

func (o outlineRing) ID() string                                           { return "" }
func (o outlineRing) Bounds() orb.Bound                                    { return o.m.Bounds() }
func (o outlineRing) Margin() float64                                      { return o.m.Margin() }
func (o outlineRing) Draw(c *geo.Canvas, t *geo.Transformer)               { o.m.Draw(c, t) }
func (o outlineRing) Hit(t *geo.Transformer, x, y, tolerance float64) bool { return false }

// emphasis returns the unpickable outlines drawn over everything else:
// highlights (dashed), the hovered record (thin) and the selection (thick,
// on a white casing).
func (r *Renderer) emphasis(t *geo.Transformer, o Options) []geo.Object {
	ratio := o.ratio()
	var out []geo.Object
	for _, ref := range o.Highlight {
		out = append(out, r.outline(t, ref, o, geo.Stroke{Color: selectColour, Width: 2 * ratio, Dash: []float64{6 * ratio, 3 * ratio}}, ratio)...)
	}
	if !o.Hovered.IsZero() && o.Hovered != o.Selected {
		out = append(out, r.outline(t, o.Hovered, o, geo.Stroke{Color: geo.WithAlpha(selectColour, 0.7), Width: 1.5 * ratio}, ratio)...)
	}
	if !o.Selected.IsZero() {
		out = append(out, r.outline(t, o.Selected, o, geo.Stroke{Color: white, Width: 5.5 * ratio}, ratio)...)
		out = append(out, r.outline(t, o.Selected, o, geo.Stroke{Color: selectColour, Width: 2.5 * ratio}, ratio)...)
	}
	return out
}

// deploymentLabel is a short map label: the actor's name and what it sent.
func deploymentLabel(b *data.Briefing, dep *data.Deployment) string {
	name := b.Name(dep.Actor)
	if name == "" {
		name = dep.Name
	}
	return name
}

// zoneArea returns the (cached) area that draws zone z.
func (r *Renderer) zoneArea(z *data.Zone, ratio float64) *geo.Area {
	k := zoneKey{z.ID, ratio}
	if a, ok := r.zones[k]; ok {
		return a
	}
	a := &geo.Area{Key: data.Ref{Kind: data.KindZone, ID: z.ID}.String(), Name: z.Name, Geometry: z.Geometry, Style: zoneStyle(r.b, z, ratio)}
	r.zones[k] = a
	return a
}

// visiblePlaces returns the places the layers of o show, least important
// first so that important symbols are drawn on top.
func (r *Renderer) visiblePlaces(o Options) []*data.Place {
	var out []*data.Place
	for i := range r.b.Places {
		p := &r.b.Places[i]
		if placeLayer(o.Layers, p.Kind) {
			out = append(out, p)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Importance > out[j].Importance })
	return out
}

// declutter drops the symbols of places that would sit on a more important
// place's symbol at this zoom (Mitiga airport on Tripoli at national scale),
// the cartographer's generalisation: they come back as the user zooms in.
// A place that is selected, hovered, highlighted or called out always stays.
// The result keeps places' order.
func (r *Renderer) declutter(t *geo.Transformer, places []*data.Place, o Options) []*data.Place {
	keep := map[string]bool{}
	for _, ref := range append(append([]data.Ref{o.Selected, o.Hovered}, o.Highlight...), o.Callouts...) {
		if ref.Kind == data.KindPlace {
			keep[ref.ID] = true
		}
	}
	byPriority := append([]*data.Place(nil), places...)
	sort.SliceStable(byPriority, func(i, j int) bool {
		pi, pj := keep[byPriority[i].ID], keep[byPriority[j].ID]
		if pi != pj {
			return pi
		}
		return placePriority(byPriority[i]) > placePriority(byPriority[j])
	})
	type disc struct{ x, y, r float64 }
	var kept []disc
	drop := map[string]bool{}
	ratio := o.ratio()
	for _, p := range byPriority {
		x, y := t.ToPixel(p.Point)
		rad := placeStyle(p, o.Date, ratio).Size / 2
		clash := false
		for _, k := range kept {
			if math.Hypot(x-k.x, y-k.y) < 0.8*(rad+k.r) {
				clash = true
				break
			}
		}
		if clash && !keep[p.ID] {
			drop[p.ID] = true
			continue
		}
		kept = append(kept, disc{x, y, rad})
	}
	out := places[:0:0]
	for _, p := range places {
		if !drop[p.ID] {
			out = append(out, p)
		}
	}
	return out
}

// deploymentPoints returns where deployment dep's markers go: its points,
// each nudged off the place symbol it shares (several deployments at one
// airbase fan out around it).
func (r *Renderer) deploymentPoints(t *geo.Transformer, dep *data.Deployment, ratio float64) []orb.Point {
	pts := r.b.DeploymentPoints(dep)
	out := make([]orb.Point, 0, len(pts))
	for _, p := range pts {
		slot := r.slotAt(dep, p)
		angle := (-20 - 50*float64(slot)) * math.Pi / 180 // below-right, then round underneath: labels go above
		x, y := t.ToPixel(p)
		rad := 15 * ratio
		out = append(out, t.ToLonLat(x+rad*math.Cos(angle), y-rad*math.Sin(angle)))
	}
	return out
}

// slotAt numbers the deployments valid on the same dates that share point p,
// in briefing order, so each gets its own place around p.
func (r *Renderer) slotAt(dep *data.Deployment, p orb.Point) int {
	slot := 0
	for i := range r.b.Deployments {
		other := &r.b.Deployments[i]
		if other.ID == dep.ID {
			return slot
		}
		if !periodsOverlap(other.Valid, dep.Valid) {
			continue
		}
		for _, q := range r.b.DeploymentPoints(other) {
			if q == p {
				slot++
				break
			}
		}
	}
	return slot
}

func periodsOverlap(a, b data.Period) bool {
	if !a.To.IsZero() && !b.From.IsZero() && a.To.Before(b.From) {
		return false
	}
	if !b.To.IsZero() && !a.From.IsZero() && b.To.Before(a.From) {
		return false
	}
	return true
}

// outline returns unpickable objects that outline what ref names with st:
// a zone's border, a ring around a place or each deployment marker, and for
// an actor or an excerpt, everything it names that is shown.
func (r *Renderer) outline(t *geo.Transformer, ref data.Ref, o Options, st geo.Stroke, ratio float64) []geo.Object {
	b := r.b
	ring := func(p orb.Point, size float64) geo.Object {
		return outlineRing{&geo.Marker{Point: p, Style: geo.MarkerStyle{Symbol: geo.SymbolCircle, Size: size * ratio, Stroke: st.Color, StrokeWidth: st.Width}}}
	}
	switch ref.Kind {
	case data.KindZone:
		if z, ok := b.Zone(ref.ID); ok && z.Valid.Contains(o.Date) {
			return []geo.Object{&geo.Area{Name: z.Name, Geometry: z.Geometry, Style: geo.AreaStyle{Stroke: st}}}
		}
	case data.KindPlace:
		if p, ok := b.Place(ref.ID); ok {
			return []geo.Object{ring(p.Point, 26)}
		}
	case data.KindDeployment:
		dep, ok := b.Deployment(ref.ID)
		if !ok || !dep.Valid.Contains(o.Date) {
			return nil
		}
		var out []geo.Object
		for _, p := range r.deploymentPoints(t, dep, ratio) {
			out = append(out, ring(p, 26))
		}
		if len(dep.Area) > 0 {
			out = append(out, &geo.Area{Geometry: dep.Area, Style: geo.AreaStyle{Stroke: st}})
		}
		return out
	case data.KindActor:
		var out []geo.Object
		for _, z := range b.ActorZones(ref.ID, o.Date) {
			out = append(out, r.outline(t, data.Ref{Kind: data.KindZone, ID: z.ID}, o, st, ratio)...)
		}
		for _, dep := range b.ActorDeployments(ref.ID, o.Date) {
			out = append(out, r.outline(t, data.Ref{Kind: data.KindDeployment, ID: dep.ID}, o, st, ratio)...)
		}
		return out
	case data.KindExcerpt:
		ex, ok := b.Excerpt(ref.ID)
		if !ok {
			return nil
		}
		var out []geo.Object
		for _, id := range ex.About {
			if k := b.KindOf(id); k == data.KindZone || k == data.KindPlace || k == data.KindDeployment {
				out = append(out, r.outline(t, data.Ref{Kind: k, ID: id}, o, st, ratio)...)
			}
		}
		return out
	}
	return nil
}

// anchor returns the point a callout for ref points at: a place's point, a
// deployment's first marker, a zone's interior point, an actor's first zone.
func (r *Renderer) anchor(t *geo.Transformer, ref data.Ref, o Options, ratio float64) (orb.Point, bool) {
	b := r.b
	switch ref.Kind {
	case data.KindPlace:
		if p, ok := b.Place(ref.ID); ok {
			return p.Point, true
		}
	case data.KindDeployment:
		if dep, ok := b.Deployment(ref.ID); ok {
			if pts := r.deploymentPoints(t, dep, ratio); len(pts) > 0 {
				return pts[0], true
			}
			if len(dep.Area) > 0 {
				return InteriorPoint(dep.Area), true
			}
		}
	case data.KindZone:
		if z, ok := b.Zone(ref.ID); ok {
			return InteriorPoint(z.Geometry), true
		}
	case data.KindActor:
		if zs := b.ActorZones(ref.ID, o.Date); len(zs) > 0 {
			return InteriorPoint(zs[0].Geometry), true
		}
		if ds := b.ActorDeployments(ref.ID, o.Date); len(ds) > 0 {
			return r.anchor(t, data.Ref{Kind: data.KindDeployment, ID: ds[0].ID}, o, ratio)
		}
	}
	return orb.Point{}, false
}

// Legend returns the legend of what o shows, in drawing order: the zones'
// controllers, contested and low-confidence areas, place symbols, deployment
// symbols by side and kind, range rings.
func (r *Renderer) Legend(o Options) []LegendEntry { return r.legend(o, nil) }

// LegendIn is Legend limited to what lies in view: a zone whose bounds meet
// it, a place inside it, a deployment with a point or area in it, a range
// ring that reaches it.
func (r *Renderer) LegendIn(o Options, view orb.Bound) []LegendEntry { return r.legend(o, &view) }

func (r *Renderer) legend(o Options, view *orb.Bound) []LegendEntry {
	b, d := r.b, o.Date
	meets := func(bd orb.Bound) bool { return view == nil || view.Intersects(bd) }
	depIn := func(dep *data.Deployment, padKM float64) bool {
		if view == nil {
			return true
		}
		if len(dep.Area) > 0 && meets(dep.Area.Bound()) {
			return true
		}
		for _, p := range b.DeploymentPoints(dep) {
			if meets(orb.Bound{Min: p, Max: p}.Pad(padKM / 111)) {
				return true
			}
		}
		return false
	}
	var out []LegendEntry
	if o.Layers.Zones {
		var controllers []string
		seen := map[string]bool{}
		lowConf, contested := false, false
		for _, z := range b.ZonesOn(d) {
			if !meets(z.Geometry.Bound()) {
				continue
			}
			if z.Contested() {
				contested = true
				continue
			}
			if z.Confidence == data.Low {
				lowConf = true
			}
			if !seen[z.Controller] {
				seen[z.Controller] = true
				controllers = append(controllers, z.Controller)
			}
		}
		for _, id := range controllers {
			z := &data.Zone{Controller: id, Confidence: data.High}
			out = append(out, LegendEntry{Label: "Held by " + b.Name(id), Item: geo.LegendItem{Kind: geo.LegendSwatch, Area: zoneStyle(b, z, 1)}})
		}
		if lowConf && len(controllers) > 0 {
			z := &data.Zone{Controller: controllers[0], Confidence: data.Low}
			out = append(out, LegendEntry{Label: "Low confidence (hatched)", Item: geo.LegendItem{Kind: geo.LegendHatch, Area: zoneStyle(b, z, 1)}})
		}
		if contested {
			out = append(out, LegendEntry{Label: "Contested / front line", Item: geo.LegendItem{Kind: geo.LegendHatch, Area: zoneStyle(b, &data.Zone{}, 1)}})
		}
	}
	kinds := map[data.PlaceKind]bool{}
	anyBlockaded := false
	for _, p := range r.visiblePlaces(o) {
		if !meets(orb.Bound{Min: p.Point, Max: p.Point}) {
			continue
		}
		kinds[p.Kind] = true
		if p.Kind == data.OilTerminal && blockaded(p, d) {
			anyBlockaded = true
		}
	}
	symbol := func(label string, st geo.MarkerStyle) {
		out = append(out, LegendEntry{Label: label, Item: geo.LegendItem{Kind: geo.LegendSymbol, Marker: st}})
	}
	if kinds[data.OilTerminal] {
		symbol("Oil terminal", placeStyle(&data.Place{Kind: data.OilTerminal}, d, 1))
		if anyBlockaded {
			symbol("Oil terminal, blockaded", geo.MarkerStyle{Symbol: geo.SymbolOilTerminal, Size: 15, Fill: contestedColour, Stroke: geo.InkColor, StrokeWidth: 1.2})
		}
	}
	if kinds[data.OilField] {
		symbol("Oil field", placeStyle(&data.Place{Kind: data.OilField}, d, 1))
	}
	if kinds[data.Airbase] {
		symbol("Airbase", placeStyle(&data.Place{Kind: data.Airbase}, d, 1))
	}
	if kinds[data.City] || kinds[data.Port] || kinds[data.OtherPlace] {
		symbol("City or town", placeStyle(&data.Place{Kind: data.City, Importance: 1}, d, 1))
	}
	if o.Layers.Deployments {
		// One entry per kind of force, in grey: the colour of a force's
		// symbol is the side it backs, as in the zones' entries above.
		seen := map[string]bool{}
		for _, dep := range b.DeploymentsOn(d) {
			if !depIn(dep, 0) {
				continue
			}
			what := whatNames[dep.What]
			if what == "" {
				what = "Other forces"
			}
			if seen[what] {
				continue
			}
			seen[what] = true
			st := deploymentStyle(b, dep, 1)
			st.Fill = neutralColour
			symbol(what, st)
		}
	}
	if o.Layers.Ranges {
		for _, dep := range b.DeploymentsOn(d) {
			if dep.RangeKM > 0 && depIn(dep, dep.RangeKM) {
				c := deploymentColour(b, dep)
				out = append(out, LegendEntry{Label: fmt.Sprintf("Range, %s (%g km)", deploymentLabel(b, dep), dep.RangeKM),
					Item: geo.LegendItem{Kind: geo.LegendRing, Ring: geo.RingStyle{Stroke: geo.Stroke{Color: c, Width: 1.4, Dash: []float64{6, 4}}}}})
			}
		}
	}
	return out
}

// Swatch draws a legend entry's swatch in a transparent px×px image, with
// the same styles the map uses.
func Swatch(e LegendEntry, px int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, px, px))
	c := geo.NewCanvas(img, nil)
	geo.DrawLegendSwatch(c, e.Item, c.Frame().Inset(1))
	return img
}

// InteriorPoint returns a point inside mp's largest polygon, for callouts:
// the centroid when it falls inside, else the middle of the widest
// horizontal run through the polygon at the centroid's latitude.
func InteriorPoint(mp orb.MultiPolygon) orb.Point {
	var best orb.Polygon
	bestArea := -1.0
	for _, p := range mp {
		if a := planar.Area(p); a > bestArea {
			best, bestArea = p, a
		}
	}
	if len(best) == 0 || len(best[0]) == 0 {
		return orb.Point{}
	}
	c, _ := planar.CentroidArea(best)
	if planar.PolygonContains(best, c) {
		return c
	}
	y := c[1]
	var xs []float64
	for _, ring := range best {
		for i := 0; i+1 < len(ring); i++ {
			a, b := ring[i], ring[i+1]
			if (a[1] > y) != (b[1] > y) {
				xs = append(xs, a[0]+(y-a[1])*(b[0]-a[0])/(b[1]-a[1]))
			}
		}
	}
	sort.Float64s(xs)
	bestW, bestX := -1.0, c[0]
	for i := 0; i+1 < len(xs); i += 2 {
		if w := xs[i+1] - xs[i]; w > bestW {
			bestW, bestX = w, (xs[i]+xs[i+1])/2
		}
	}
	return orb.Point{bestX, y}
}
