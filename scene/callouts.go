package scene

import (
	"fmt"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/geo"
)

// calloutSpots are where a callout's disc may sit around its anchor, in
// units of calloutOffset, in order of preference: up-right first.
var calloutSpots = [...][2]float64{{1, -1}, {1, 0}, {1, 1}, {-1, -1}, {-1, 0}, {-1, 1}, {0, -1.3}, {0, 1.3}}

// callouts returns the numbered discs of o.Callouts. Each sits beside its
// anchor on the first of calloutSpots that keeps clear of place and force
// symbols, of earlier callouts, and of the space above the main cities
// where their names go; when none is clear, up-right.
func (r *Renderer) callouts(t *geo.Transformer, o Options, places, deps []geo.Object) []geo.Object {
	if len(o.Callouts) == 0 {
		return nil
	}
	ratio := o.Ratio()
	style := CalloutStyle(ratio)
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
	capital := placePriority(&data.Place{Kind: data.City, Importance: 1})
	for _, obj := range places {
		m, ok := obj.(*geo.Marker)
		if !ok || m.Label == "" || m.LabelPriority < capital {
			continue
		}
		x, y := t.ToPixel(m.Point)
		names = append(names, geo.Box{X0: x - 36*ratio, Y0: y - 26*ratio, X1: x + 36*ratio, Y1: y - 4*ratio})
	}
	frame := t.Frame()
	clearOf := func(b geo.Box, sets ...[]geo.Box) bool {
		for _, set := range sets {
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
		p, ok := r.anchor(t, ref, o)
		if !ok {
			continue
		}
		x, y := t.ToPixel(p)
		box := func(sp [2]float64) geo.Box {
			qx, qy := x+sp[0]*calloutOffset*ratio, y+sp[1]*calloutOffset*ratio
			return geo.Box{X0: qx - style.Size/2, Y0: qy - style.Size/2, X1: qx + style.Size/2, Y1: qy + style.Size/2}
		}
		chosen, found := box(calloutSpots[0]), false
		// First a spot clear of everything, then one that only keeps off
		// the cities' names and the other callouts.
		for pass := 0; pass < 2 && !found; pass++ {
			for _, sp := range calloutSpots {
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
		out = append(out, &geo.Marker{Name: fmt.Sprint(i + 1), Point: t.ToLonLat(cx, cy), Number: i + 1, Style: style})
	}
	return out
}
