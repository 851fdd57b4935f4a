package scene

import (
	"image/color"
	"slices"

	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/geo"
)

// Compare mode: with Options.Since set (before Options.Date), the map shows
// Date and marks what changed since Since (data.Briefing.Diff):
//
//   - an area that changed side (or whose contest began or ended) is
//     hatched and outlined in the colour of the side that lost it
//     (data.Briefing.LostBy), over the new holder's fill; an area that
//     passed to another actor of the same side (the GNA to the GNU) is not
//     marked: its fill says who holds it;
//   - a place whose status changed, or whose holder is now of another
//     side, is ringed;
//   - a force that arrived somewhere carries a "+" by its marker; where a
//     force left, its old symbol is drawn faded, with a "−".
//
// The diff of each pair of dates is computed once per Renderer.

// CompareOn reports whether o asks for compare mode: Since set and before
// Date.
func (o Options) CompareOn() bool { return !o.Since.IsZero() && o.Since.Before(o.Date) }

// Diff returns what changed between from and to (cached), or the error of
// data.Briefing.Diff.
func (r *Renderer) Diff(from, to data.Date) (*data.Diff, error) {
	k := [2]data.Date{from, to}
	if d, ok := r.diffs[k]; ok {
		return d, nil
	}
	d, err := r.b.Diff(from, to)
	if err != nil {
		return nil, err
	}
	if r.diffs == nil {
		r.diffs = map[[2]data.Date]*data.Diff{}
	}
	r.diffs[k] = &d
	return &d, nil
}

// compareDiff returns the diff compare mode draws for o, or nil when o is
// not in compare mode or its dates cannot be compared.
func (r *Renderer) compareDiff(o Options) *data.Diff {
	if !o.CompareOn() {
		return nil
	}
	d, err := r.Diff(o.Since, o.Date)
	if err != nil {
		return nil
	}
	return d
}

// withCompare adds compare mode's layers to ls: the changed areas above
// the zones (under the places), the rings and marks above the forces.
func (r *Renderer) withCompare(t *geo.Transformer, o Options, ls []geo.Layer) []geo.Layer {
	d := r.compareDiff(o)
	if d == nil {
		return ls
	}
	areas, marks := r.changedAreas(d, o), r.changeMarks(t, d, o)
	at := func(name string) int {
		return slices.IndexFunc(ls, func(l geo.Layer) bool { return l.Name == name }) + 1
	}
	ls = slices.Insert(ls, at("contested"), geo.Layer{Name: "changed areas", Objects: areas})
	return slices.Insert(ls, at("deployments"), geo.Layer{Name: "change marks", Objects: marks})
}

// ChangedAreaMarked reports whether compare mode marks change z on the map
// (a change of side, or of contest).
func ChangedAreaMarked(z data.ZoneChange) bool { return z.SideChanged() }

// lostColour returns the colour of the side that lost change z (neutral
// grey when no single side did).
func (r *Renderer) lostColour(z data.ZoneChange) color.NRGBA {
	if s := r.b.LostBy(z); s != "" {
		return SideColour(r.b, s)
	}
	return NeutralColour
}

func (r *Renderer) changedAreas(d *data.Diff, o Options) []geo.Object {
	if !o.Layers.Zones {
		return nil
	}
	var out []geo.Object
	for _, z := range d.Zones {
		if ChangedAreaMarked(z) {
			out = append(out, &geo.Area{Name: "changed hands: " + z.FromZone + " → " + z.ToZone, Geometry: z.Geometry, Style: changedAreaStyle(r.lostColour(z), o.Ratio())})
		}
	}
	return out
}

// placeChangeMarked reports whether compare mode rings place change p: its
// status changed, or its holder is now of another side (or it became or
// stopped being contested).
func (r *Renderer) placeChangeMarked(p data.PlaceChange) bool {
	b := r.b
	side := func(id string) string {
		if a, ok := b.Actor(id); ok {
			return a.Side
		}
		return ""
	}
	return p.StatusFrom != p.StatusTo || side(p.HolderFrom) != side(p.HolderTo) || (len(p.ContestedFrom) == 0) != (len(p.ContestedTo) == 0)
}

// changedPlaces returns the ids of the places compare mode rings for o.
func (r *Renderer) changedPlaces(o Options) []string {
	d := r.compareDiff(o)
	if d == nil {
		return nil
	}
	var out []string
	for _, pc := range d.Places {
		if r.placeChangeMarked(pc) {
			out = append(out, pc.ID)
		}
	}
	return out
}

func (r *Renderer) changeMarks(t *geo.Transformer, d *data.Diff, o Options) []geo.Object {
	b, ratio := r.b, o.Ratio()
	var out []geo.Object
	for _, pc := range d.Places {
		p, ok := b.Place(pc.ID)
		if !ok || !placeLayerOn(o.Layers, p.Kind) || !r.placeChangeMarked(pc) {
			continue
		}
		st := changeRingStroke(ratio)
		out = append(out, outlineRing{&geo.Marker{Point: p.Point, Style: geo.MarkerStyle{Symbol: geo.SymbolCircle, Size: outlineRingSize * ratio, Stroke: st.Color, StrokeWidth: st.Width}}})
	}
	if !o.Layers.Deployments {
		return out
	}
	for _, s := range d.Spots {
		dep, ok := b.Deployment(s.Deployment)
		if !ok {
			continue
		}
		p, ok := r.spotMarker(t, dep, s.Point, ratio)
		if !ok {
			continue
		}
		c := deploymentColour(b, dep)
		if !s.Arrived {
			out = append(out, &geo.Marker{Name: dep.Name + " (left)", Point: p, Style: leftForceStyle(dep.What, c, ratio)})
		}
		x, y := t.ToPixel(p)
		off := changeMarkOffset * ratio
		mark := t.ToLonLat(x+off, y-off)
		out = append(out, &geo.Marker{Point: mark, Style: changeMarkStyle(s.Arrived, c, ratio)})
	}
	return out
}

// spotMarker returns where dep's marker for its spot at point p is drawn
// (nudged off the place it shares, as forcePoints does).
func (r *Renderer) spotMarker(t *geo.Transformer, dep *data.Deployment, p orb.Point, ratio float64) (orb.Point, bool) {
	pts := r.b.DeploymentPoints(dep)
	drawn := r.forcePoints(t, dep, ratio)
	for i, q := range pts {
		if q == p && i < len(drawn) {
			return drawn[i], true
		}
	}
	if len(dep.Area) > 0 {
		return p, true
	}
	return orb.Point{}, false
}

// compareLegend returns compare mode's legend entries for o: the changed
// areas (one per side that lost some), changed places, forces that arrived
// and left.
func (r *Renderer) compareLegend(o Options) []LegendEntry {
	d := r.compareDiff(o)
	if d == nil {
		return nil
	}
	b, ratio := r.b, o.Ratio()
	since := o.Since.Long()
	var out []LegendEntry
	var lost []string
	for _, z := range d.Zones {
		if !ChangedAreaMarked(z) || !o.Layers.Zones {
			continue
		}
		if s := b.LostBy(z); !slices.Contains(lost, s) {
			lost = append(lost, s)
			label := "Lost since " + since
			if s != "" {
				label = "Lost by " + sideName(b, s) + " since " + since
			}
			out = append(out, LegendEntry{Label: label, Item: geo.LegendItem{Kind: geo.LegendHatch, Area: changedAreaStyle(r.lostColour(z), ratio)}})
		}
	}
	if slices.ContainsFunc(d.Places, r.placeChangeMarked) {
		st := changeRingStroke(ratio)
		out = append(out, LegendEntry{Label: "Holder or status changed since " + since,
			Item: geo.LegendItem{Kind: geo.LegendSymbol, Marker: geo.MarkerStyle{Symbol: geo.SymbolCircle, Size: 14 * ratio, Stroke: st.Color, StrokeWidth: st.Width}}})
	}
	if !o.Layers.Deployments {
		return out
	}
	var arrived, left bool
	for _, s := range d.Spots {
		arrived, left = arrived || s.Arrived, left || !s.Arrived
	}
	if arrived {
		out = append(out, LegendEntry{Label: "Force arrived since " + since, Item: geo.LegendItem{Kind: geo.LegendSymbol, Marker: changeMarkStyle(true, NeutralColour, ratio)}})
	}
	if left {
		out = append(out, LegendEntry{Label: "Force left since " + since + " (old spot, faded)", Item: geo.LegendItem{Kind: geo.LegendSymbol, Marker: changeMarkStyle(false, NeutralColour, ratio)}})
	}
	return out
}

// sideName returns the name of side id of b ("" sides: id).
func sideName(b *data.Briefing, id string) string {
	for _, s := range b.Sides {
		if s.ID == id && s.Name != "" {
			return s.Name
		}
	}
	return id
}

// ChangeSwatch returns the swatch of item it of diff d as the map marks it:
// a hatched square in the colour of the side that lost an area (for a
// change within a side, which the map does not mark, the new holder's
// fill), the ring of a
// changed place, the "+" of a force that arrived (else its "−"), in the
// colour of the side it fights for; an empty item for an event.
func (r *Renderer) ChangeSwatch(d *data.Diff, it data.DiffItem, ratio float64) geo.LegendItem {
	switch it.Kind {
	case data.KindZone:
		if it.Zone >= 0 && it.Zone < len(d.Zones) {
			z := d.Zones[it.Zone]
			if !ChangedAreaMarked(z) { // unmarked on the map: the new holder's fill
				return geo.LegendItem{Kind: geo.LegendSwatch, Area: zoneStyle(r.b, &data.Zone{Controller: z.ToController, Confidence: data.High}, ratio)}
			}
			return geo.LegendItem{Kind: geo.LegendHatch, Area: changedAreaStyle(r.lostColour(z), ratio)}
		}
	case data.KindPlace:
		st := changeRingStroke(ratio)
		return geo.LegendItem{Kind: geo.LegendSymbol, Marker: geo.MarkerStyle{Symbol: geo.SymbolCircle, Size: 14 * ratio, Stroke: st.Color, StrokeWidth: st.Width}}
	case data.KindDeployment:
		arrived, c := false, NeutralColour
		for _, i := range it.Spots {
			if i < 0 || i >= len(d.Spots) {
				continue
			}
			if dep, ok := r.b.Deployment(d.Spots[i].Deployment); ok {
				c = deploymentColour(r.b, dep)
			}
			arrived = arrived || d.Spots[i].Arrived
		}
		return geo.LegendItem{Kind: geo.LegendSymbol, Marker: changeMarkStyle(arrived, c, ratio)}
	}
	return geo.LegendItem{}
}

// changeOutline returns the outline of the area of change o.Change (see
// Options.Change), drawn like the selection's.
func (r *Renderer) changeOutline(o Options) []geo.Object {
	d := r.compareDiff(o)
	if d == nil || o.Change < 1 || o.Change > len(d.Zones) {
		return nil
	}
	casing, line := selectionStrokes(o.Ratio())
	g := d.Zones[o.Change-1].Geometry
	return []geo.Object{&geo.Area{Geometry: g, Style: geo.AreaStyle{Stroke: casing}}, &geo.Area{Geometry: g, Style: geo.AreaStyle{Stroke: line}}}
}
