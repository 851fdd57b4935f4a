package slide

import (
	"cmp"
	"slices"
	"strings"

	"github.com/briefmap/briefmap/data"
)

// actorLine is one entry of the key-actors list.
type actorLine struct {
	ID     string
	Leader string // the person named in Detail as leading the actor
	Name   string
	Parts  []cited // the line under the name, fact by fact
	Detail string  // Parts as plain text
	Side   int     // index in Briefing.Sides; len(Sides) when none
	Rank   int     // 0 for the most important; fewer actors keep the lowest ranks
}

// topActors returns the n most important of ls, in ls's order.
func topActors(ls []actorLine, n int) []actorLine {
	var out []actorLine
	for _, a := range ls {
		if a.Rank < n {
			out = append(out, a)
		}
	}
	return out
}

// actorsOf returns the actors a focus is about on date d: an actor itself,
// a zone's controller or contenders, a deployment's actor and the side it
// supports, the controllers of the zones holding a place and the actors
// deployed there, an event's actors and who holds where it took place, an
// excerpt's actors.
func (ix *index) actorsOf(f data.Ref, d data.Date) []string {
	var out []string
	add := func(ids ...string) {
		for _, id := range ids {
			if id != "" && ix.actor(id) != nil && !slices.Contains(out, id) {
				out = append(out, id)
			}
		}
	}
	switch f.Kind {
	case data.KindActor:
		add(f.ID)
	case data.KindZone:
		if z := ix.zone(f.ID); z != nil {
			add(z.Controller)
			add(z.ContestedBy...)
		}
	case data.KindDeployment:
		if dp := ix.deployment(f.ID); dp != nil {
			add(dp.Actor, dp.Supports)
		}
	case data.KindPlace:
		if p := ix.place(f.ID); p != nil {
			for _, z := range ix.b.ZonesAt(p.Point, d) {
				add(z.Controller)
				add(z.ContestedBy...)
			}
			for _, dp := range ix.b.DeploymentsOn(d) {
				if slices.Contains(dp.Places, p.ID) {
					add(dp.Actor, dp.Supports)
				}
			}
		}
	case data.KindEvent:
		if e, ok := ix.b.Event(f.ID); ok {
			add(e.Actors...)
			if p, ok := ix.b.EventPoint(e); ok {
				h := ix.b.HolderAt(p, d)
				add(h.Holder)
				add(h.ContestedBy...)
			}
		}
	case data.KindExcerpt:
		if e := ix.excerpt(f.ID); e != nil {
			for _, id := range e.About {
				if ix.actor(id) != nil {
					add(id)
				} else if r, ok := ix.b.Ref(id); ok {
					add(ix.actorsOf(r, d)...)
				}
			}
		}
	}
	return out
}

// chooseActors returns the key actors. With a focus: the focus's actors,
// then the actors they lead or are led by, then their backers. Without one:
// actors weighted by what they hold on the map (3 per zone controlled, 1 per
// zone contested, 2 per deployment, 1 per deployment supported). A person
// who leads a listed actor is named in that actor's line instead of on
// their own. At most maxActors, ordered by side, then weight, then id.
func (ix *index) chooseActors(d data.Date, focus data.Ref, focusActors []string, zones []*data.Zone, deps []*data.Deployment) []actorLine {
	weight := map[string]float64{}
	var order []string // first-seen order, for determinism
	bump := func(id string, w float64) {
		if id == "" || ix.actor(id) == nil {
			return
		}
		if _, ok := weight[id]; !ok {
			order = append(order, id)
		}
		weight[id] += w
	}
	if !focus.IsZero() {
		for i, id := range focusActors {
			bump(id, 1000-float64(i))
		}
		for i, id := range focusActors {
			a := ix.actor(id)
			bump(a.Leads, 500-float64(i))
			for _, other := range ix.b.Actors {
				if other.Leads == id {
					bump(other.ID, 500-float64(i))
				}
			}
			for j, bk := range a.Backers {
				bump(bk, 100-float64(i)-float64(j)/100)
			}
		}
	} else {
		for _, z := range zones {
			bump(z.Controller, 3)
			for _, id := range z.ContestedBy {
				bump(id, 1)
			}
		}
		for _, dp := range deps {
			bump(dp.Actor, 2)
			bump(dp.Supports, 1)
		}
	}
	// A person who leads a ranked actor folds into that actor's line.
	leaderOf := map[string]string{} // led actor -> person
	for _, a := range ix.b.Actors {
		if a.Kind == data.Person && a.Leads != "" && leaderOf[a.Leads] == "" {
			if _, ok := weight[a.Leads]; ok {
				leaderOf[a.Leads] = a.ID
			}
		}
	}
	var ranked []string
	for _, id := range order {
		if a := ix.actor(id); a.Kind == data.Person && leaderOf[a.Leads] == id {
			continue
		}
		ranked = append(ranked, id)
	}
	slices.SortStableFunc(ranked, func(a, b string) int {
		return cmp.Or(cmp.Compare(weight[b], weight[a]), cmp.Compare(a, b))
	})
	if len(ranked) > maxActors {
		ranked = ranked[:maxActors]
	}
	lines := make([]actorLine, 0, len(ranked))
	for i, id := range ranked {
		al := ix.actorLine(id, leaderOf[id], d)
		al.Rank = i
		lines = append(lines, al)
	}
	if focus.IsZero() {
		slices.SortStableFunc(lines, func(a, b actorLine) int {
			return cmp.Or(cmp.Compare(a.Side, b.Side), cmp.Compare(weight[b.ID], weight[a.ID]), cmp.Compare(a.ID, b.ID))
		})
	}
	return lines
}

// actorLine describes actor id: its side, its leader and its backers,
// each a fact marked "†" when no excerpt backs it (the leader: the
// person's "leads"; the backers: the actor's "backers"), else citing its
// sources nearest date d.
func (ix *index) actorLine(id, leader string, d data.Date) actorLine {
	a := ix.actor(id)
	l := actorLine{ID: id, Leader: leader, Name: a.Name, Side: len(ix.b.Sides)}
	var parts []cited
	sep := func() {
		if len(parts) > 0 {
			parts = append(parts, cited{Text: " · "})
		}
	}
	for i, s := range ix.b.Sides {
		if s.ID == a.Side {
			l.Side = i
			parts = append(parts, cited{Text: s.Name})
		}
	}
	if leader != "" {
		sep()
		parts = append(parts, ix.fact("led by "+ix.actorName(leader), ix.actor(leader).Sourced["leads"], d))
	}
	if len(a.Backers) > 0 {
		names := make([]string, len(a.Backers))
		for i, bk := range a.Backers {
			names[i] = ix.actorName(bk)
		}
		sep()
		parts = append(parts, ix.fact("backed by "+strings.Join(names, ", "), a.Sourced["backers"], d))
	}
	if len(parts) == 0 && a.Description != "" {
		parts = append(parts, ix.fact(a.Description, a.Sourced["description"], d))
	}
	if len(parts) > 0 {
		parts[0].Text = capitalise(parts[0].Text)
	}
	l.Parts, l.Detail = parts, plainText(parts)
	return l
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = []rune(strings.ToUpper(string(r[0])))[0]
	return string(r)
}
