package scene

import (
	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/geo"
)

// outlineRing is a ring drawn around a selected or hovered symbol. It draws
// like its marker but, unlike a marker, is no obstacle to labels: the name
// of the selected place must still find its spot beside it.
type outlineRing struct{ m *geo.Marker }

func (o outlineRing) ID() string                                           { return "" }
func (o outlineRing) Bounds() orb.Bound                                    { return o.m.Bounds() }
func (o outlineRing) Margin() float64                                      { return o.m.Margin() }
func (o outlineRing) Draw(c geo.Surface, t *geo.Transformer)               { o.m.Draw(c, t) }
func (o outlineRing) Hit(t *geo.Transformer, x, y, tolerance float64) bool { return false }

// emphasis returns the unpickable outlines drawn over everything else:
// highlights (dashed), the hovered record (thin) and the selection (thick,
// on a light casing), or in compare mode the change picked (Options.Change).
func (r *Renderer) emphasis(t *geo.Transformer, o Options) []geo.Object {
	ratio := o.Ratio()
	var out []geo.Object
	for _, ref := range o.Highlight {
		out = append(out, r.outline(t, ref, o, highlightStroke(ratio))...)
	}
	if !o.Hovered.IsZero() && o.Hovered != o.Selected {
		out = append(out, r.outline(t, o.Hovered, o, hoverStroke(ratio))...)
	}
	change := r.changeOutline(o)
	// A change of hands picked in compare mode is outlined instead of the
	// zone it is now part of.
	if !o.Selected.IsZero() && (len(change) == 0 || o.Selected.Kind != data.KindZone) {
		casing, line := selectionStrokes(ratio)
		out = append(out, r.outline(t, o.Selected, o, casing)...)
		out = append(out, r.outline(t, o.Selected, o, line)...)
	}
	return append(out, change...)
}

// outline returns unpickable objects that outline what ref names with st:
// a zone's border, a ring around a place, each force marker or an event's
// pin head, and for an actor or an excerpt, everything it names that is
// shown on o.Date.
func (r *Renderer) outline(t *geo.Transformer, ref data.Ref, o Options, st geo.Stroke) []geo.Object {
	b, ratio := r.b, o.Ratio()
	ring := func(p orb.Point) geo.Object {
		return outlineRing{&geo.Marker{Point: p, Style: geo.MarkerStyle{Symbol: geo.SymbolCircle, Size: outlineRingSize * ratio, Stroke: st.Color, StrokeWidth: st.Width}}}
	}
	switch ref.Kind {
	case data.KindZone:
		if z, ok := b.Zone(ref.ID); ok && z.Valid.Contains(o.Date) {
			return []geo.Object{&geo.Area{Name: z.Name, Geometry: z.Geometry, Style: geo.AreaStyle{Stroke: st}}}
		}
	case data.KindPlace:
		if p, ok := b.Place(ref.ID); ok {
			return []geo.Object{ring(p.Point)}
		}
	case data.KindDeployment:
		dep, ok := b.Deployment(ref.ID)
		if !ok || !dep.Valid.Contains(o.Date) {
			return nil
		}
		var out []geo.Object
		for _, p := range r.forcePoints(t, dep, ratio) {
			out = append(out, ring(p))
		}
		if len(dep.Area) > 0 {
			out = append(out, &geo.Area{Geometry: dep.Area, Style: geo.AreaStyle{Stroke: st}})
		}
		return out
	case data.KindEvent:
		// An event the map does not draw on the date (off the map, or not
		// shown then) has no outline.
		if e, ok := b.Event(ref.ID); ok {
			if head, ok := r.eventHead(t, e, o); ok {
				return []geo.Object{ring(head)}
			}
		}
	case data.KindActor:
		var out []geo.Object
		for _, z := range b.ActorZones(ref.ID, o.Date) {
			out = append(out, r.outline(t, data.Ref{Kind: data.KindZone, ID: z.ID}, o, st)...)
		}
		for _, dep := range b.ActorDeployments(ref.ID, o.Date) {
			out = append(out, r.outline(t, data.Ref{Kind: data.KindDeployment, ID: dep.ID}, o, st)...)
		}
		return out
	case data.KindExcerpt:
		ex, ok := b.Excerpt(ref.ID)
		if !ok {
			return nil
		}
		var out []geo.Object
		for _, id := range ex.About {
			if k := b.KindOf(id); k == data.KindZone || k == data.KindPlace || k == data.KindDeployment || k == data.KindEvent {
				out = append(out, r.outline(t, data.Ref{Kind: k, ID: id}, o, st)...)
			}
		}
		return out
	}
	return nil
}
