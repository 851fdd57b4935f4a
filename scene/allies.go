package scene

import (
	"cmp"
	"slices"
	"strings"

	"github.com/paulmach/orb/planar"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/geo"
)

// Zones are filled in the colour of their controller's side, so two
// controllers on one side (the Government of National Accord and the
// South Protection Force that holds Murzuq for it) share a colour. The
// legend then keys them in one entry ("Held by Government of National
// Accord or South Protection Force"), and the map writes the name of the
// lesser one in its zones, so the two read apart.

// controllerGroups returns the controllers of zones grouped by the colour
// their zones are filled with: in each group the controller holding the
// largest area first, then by first appearance; groups in order of their
// first controller's first appearance.
func (r *Renderer) controllerGroups(zones []*data.Zone) [][]string {
	var order []string
	area := map[string]float64{}
	for _, z := range zones {
		if z.Contested() {
			continue
		}
		if _, ok := area[z.Controller]; !ok {
			order = append(order, z.Controller)
		}
		area[z.Controller] += planar.Area(z.Geometry)
	}
	var groups [][]string
	for _, id := range order {
		c := ActorColour(r.b, id)
		i := slices.IndexFunc(groups, func(g []string) bool { return ActorColour(r.b, g[0]) == c })
		if i < 0 {
			groups = append(groups, []string{id})
			continue
		}
		groups[i] = append(groups[i], id)
	}
	for _, g := range groups {
		slices.SortStableFunc(g, func(a, b string) int { return cmp.Compare(area[b], area[a]) })
	}
	return groups
}

// heldByLabel returns the legend label of a group of controllers:
// "Held by Libyan National Army", "Held by A or B", "Held by A, B or C".
func heldByLabel(b *data.Briefing, group []string) string {
	names := make([]string, len(group))
	for i, id := range group {
		names[i] = b.Name(id)
	}
	if len(names) == 1 {
		return "Held by " + names[0]
	}
	return "Held by " + strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// allyLabels returns the labels that name the controller in each zone of
// zones held by an actor who shares the colour of a side's larger holder.
func (r *Renderer) allyLabels(zones []*data.Zone, ratio float64) []geo.Object {
	lesser := map[string]bool{}
	for _, g := range r.controllerGroups(zones) {
		for _, id := range g[1:] {
			lesser[id] = true
		}
	}
	var out []geo.Object
	for _, z := range zones {
		if z.Contested() || !lesser[z.Controller] {
			continue
		}
		out = append(out, &zoneName{Label: geo.Label{
			Key: refOf(data.KindZone, z.ID), Point: interiorPoint(z.Geometry), Text: r.b.Name(z.Controller),
			Style: allyLabelStyle(ratio), Priority: allyLabelPriority,
			Positions: []geo.Position{geo.Below, geo.Above, geo.Centre, geo.BelowRight, geo.BelowLeft},
		}, gap: allyLabelGap * ratio})
	}
	return out
}

// zoneName is a label written in a zone, gap pixels clear of its anchor
// (the zone's interior point, where a town's symbol often is).
type zoneName struct {
	geo.Label
	gap float64
}

// LabelRequests implements geo.LabelSource.
func (z *zoneName) LabelRequests(c geo.Surface, t *geo.Transformer) []geo.LabelRequest {
	reqs := z.Label.LabelRequests(c, t)
	for i := range reqs {
		reqs[i].Gap, reqs[i].Owner = z.gap, z
	}
	return reqs
}
