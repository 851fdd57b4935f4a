package data

import (
	"slices"

	"github.com/paulmach/orb"
)

// actorAndLed returns actorID and, for a person, the actor they lead.
func (b *Briefing) actorAndLed(actorID string) []string {
	ids := []string{actorID}
	if a, ok := b.Actor(actorID); ok && a.Leads != "" {
		ids = append(ids, a.Leads)
	}
	return ids
}

// ActorZones returns the zones valid on d that actorID controls or contests
// (for a person, also those of the actor they lead), in file order.
func (b *Briefing) ActorZones(actorID string, d Date) []*Zone {
	ids := b.actorAndLed(actorID)
	var out []*Zone
	for _, z := range b.ZonesOn(d) {
		if slices.Contains(ids, z.Controller) || slices.ContainsFunc(z.ContestedBy, func(c string) bool { return slices.Contains(ids, c) }) {
			out = append(out, z)
		}
	}
	return out
}

// ActorDeployments returns the deployments valid on d whose actor or
// supported actor is actorID (for a person, also the actor they lead), in
// file order.
func (b *Briefing) ActorDeployments(actorID string, d Date) []*Deployment {
	ids := b.actorAndLed(actorID)
	var out []*Deployment
	for _, dep := range b.DeploymentsOn(d) {
		if slices.Contains(ids, dep.Actor) || (dep.Supports != "" && slices.Contains(ids, dep.Supports)) {
			out = append(out, dep)
		}
	}
	return out
}

// DeploymentPoints returns the points of a deployment: its own point, then
// the points of its places in order. An area-only deployment has none.
func (b *Briefing) DeploymentPoints(dep *Deployment) []orb.Point {
	var out []orb.Point
	if dep.Point != nil {
		out = append(out, *dep.Point)
	}
	for _, id := range dep.Places {
		if p, ok := b.Place(id); ok {
			out = append(out, p.Point)
		}
	}
	return out
}

// Related returns the ids that count as one with actorID when linking text
// to records: the actor itself, the actor it leads, and the persons who lead
// it.
func (b *Briefing) Related(actorID string) []string {
	ids := b.actorAndLed(actorID)
	return append(ids, b.ix().ledBy[actorID]...)
}
