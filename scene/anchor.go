package scene

import (
	"math"
	"slices"
	"sort"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/geo"
)

// forcePoints returns where deployment dep's markers go: its points, each
// nudged forceOffset pixels off the place it shares (several forces at one
// airbase fan out around it).
func (r *Renderer) forcePoints(t *geo.Transformer, dep *data.Deployment, ratio float64) []orb.Point {
	pts := r.b.DeploymentPoints(dep)
	out := make([]orb.Point, 0, len(pts))
	for _, p := range pts {
		slot := r.slotAt(dep, p)
		angle := (-20 - 50*float64(slot)) * math.Pi / 180 // below-right, then round underneath: labels go above
		x, y := t.ToPixel(p)
		rad := forceOffset * ratio
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
		if periodsOverlap(other.Valid, dep.Valid) && slices.Contains(r.b.DeploymentPoints(other), p) {
			slot++
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

// anchor returns the point a callout for ref points at: a place's point, a
// force's first marker as the map draws it (or its area's interior point),
// a zone's interior point, the head of an event's pin when the map draws
// it on o.Date, an actor's first zone or force on o.Date.
func (r *Renderer) anchor(t *geo.Transformer, ref data.Ref, o Options) (orb.Point, bool) {
	b := r.b
	switch ref.Kind {
	case data.KindPlace:
		if p, ok := b.Place(ref.ID); ok {
			return p.Point, true
		}
	case data.KindDeployment:
		if dep, ok := b.Deployment(ref.ID); ok {
			if pts := r.forcePoints(t, dep, o.Ratio()); len(pts) > 0 {
				return pts[0], true
			}
			if len(dep.Area) > 0 {
				return interiorPoint(dep.Area), true
			}
		}
	case data.KindZone:
		if z, ok := b.Zone(ref.ID); ok {
			return interiorPoint(z.Geometry), true
		}
	case data.KindEvent:
		if e, ok := b.Event(ref.ID); ok {
			return r.eventHead(t, e, o)
		}
	case data.KindActor:
		if zs := b.ActorZones(ref.ID, o.Date); len(zs) > 0 {
			return interiorPoint(zs[0].Geometry), true
		}
		if ds := b.ActorDeployments(ref.ID, o.Date); len(ds) > 0 {
			return r.anchor(t, data.Ref{Kind: data.KindDeployment, ID: ds[0].ID}, o)
		}
	}
	return orb.Point{}, false
}

// CalloutAnchor returns the pixel of the w×h map of view v with options o
// that a callout for ref points at (see the callouts the map draws for
// o.Callouts). ok is false when ref has no anchor, or when its anchor lies
// so near the map's edge (or beyond it) that the callout's disc would not
// show whole.
func (r *Renderer) CalloutAnchor(w, h int, v View, o Options, ref data.Ref) (x, y float64, ok bool) {
	t := v.transformer(w, h)
	p, ok := r.anchor(t, ref, o)
	if !ok {
		return 0, 0, false
	}
	x, y = t.ToPixel(p)
	m := calloutMargin * o.Ratio()
	if x < m || x > float64(w)-m || y < m || y > float64(h)-m {
		return x, y, false
	}
	return x, y, true
}

// interiorPoint returns a point inside mp's largest polygon, for callouts:
// the centroid when it falls inside, else the middle of the widest
// horizontal run through the polygon at the centroid's latitude.
func interiorPoint(mp orb.MultiPolygon) orb.Point {
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
