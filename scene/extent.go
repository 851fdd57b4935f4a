package scene

import (
	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/data"
)

// Extent returns the geographic bounds of what ref names on date d: a zone's
// area, a place's point, a deployment's points and area, an event's point
// when the map can draw it, an actor's zones and deployments, an excerpt's
// records. ok is false when ref names nothing
// with a position on d.
func (r *Renderer) Extent(ref data.Ref, d data.Date) (orb.Bound, bool) {
	var pts []orb.Point
	r.collectExtent(ref, d, &pts, 0)
	if len(pts) == 0 {
		return orb.Bound{}, false
	}
	b := orb.MultiPoint(pts).Bound()
	return b, true
}

func (r *Renderer) collectExtent(ref data.Ref, d data.Date, pts *[]orb.Point, depth int) {
	if depth > 2 {
		return
	}
	switch ref.Kind {
	case data.KindZone:
		if z, ok := r.b.Zone(ref.ID); ok {
			bd := z.Geometry.Bound()
			*pts = append(*pts, bd.Min, bd.Max)
		}
	case data.KindPlace:
		if p, ok := r.b.Place(ref.ID); ok {
			*pts = append(*pts, p.Point)
		}
	case data.KindDeployment:
		if dep, ok := r.b.Deployment(ref.ID); ok {
			*pts = append(*pts, r.b.DeploymentPoints(dep)...)
			if len(dep.Area) > 0 {
				bd := dep.Area.Bound()
				*pts = append(*pts, bd.Min, bd.Max)
			}
		}
	case data.KindEvent:
		// Only an event the map can draw has an extent: the map cannot
		// pan to Berlin.
		if e, ok := r.b.Event(ref.ID); ok && r.OnMap(e) {
			p, _ := r.b.EventPoint(e)
			*pts = append(*pts, p)
		}
	case data.KindActor:
		for _, z := range r.b.ActorZones(ref.ID, d) {
			r.collectExtent(data.Ref{Kind: data.KindZone, ID: z.ID}, d, pts, depth+1)
		}
		for _, dep := range r.b.ActorDeployments(ref.ID, d) {
			r.collectExtent(data.Ref{Kind: data.KindDeployment, ID: dep.ID}, d, pts, depth+1)
		}
	case data.KindExcerpt:
		ex, ok := r.b.Excerpt(ref.ID)
		if !ok {
			return
		}
		for _, id := range ex.About {
			kind := r.b.KindOf(id)
			if kind == data.KindZone {
				// A zone of another date is not what the reader sees now.
				if z, ok := r.b.Zone(id); ok && !z.Valid.Contains(d) {
					continue
				}
			}
			if kind == data.KindDeployment {
				if dep, ok := r.b.Deployment(id); ok && !dep.Valid.Contains(d) {
					continue
				}
			}
			if kind == data.KindEvent {
				if e, ok := r.b.Event(id); ok && !e.ShownOn(d) {
					continue
				}
			}
			r.collectExtent(data.Ref{Kind: kind, ID: id}, d, pts, depth+1)
		}
	}
}
