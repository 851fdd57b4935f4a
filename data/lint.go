package data

import (
	"fmt"
	"slices"
	"strings"
)

// linked returns the ids that count as the same subject as record id when
// an excerpt's text is compared with its about list:
//
//   - an actor: itself, the actor it leads, the persons who lead it, and,
//     for an armed group, the states and others that back it ("Russian
//     mercenaries" is about Wagner and about Russia);
//   - a zone: its controller or the actors contesting it (each expanded as
//     an actor);
//   - a deployment: its actor, the actor it supports and its places;
//   - an event: its actors (each expanded as an actor) and its place;
//   - a place: itself.
func (b *Briefing) linked(id string) []string {
	out := []string{id}
	actor := func(aid string) {
		a, ok := b.Actor(aid)
		if !ok {
			return
		}
		out = append(out, b.Related(aid)...)
		if a.Kind == ArmedGroup {
			out = append(out, a.Backers...)
		}
	}
	switch b.KindOf(id) {
	case KindActor:
		actor(id)
	case KindZone:
		z, _ := b.Zone(id)
		actor(z.Controller)
		for _, c := range z.ContestedBy {
			actor(c)
		}
	case KindDeployment:
		d, _ := b.Deployment(id)
		actor(d.Actor)
		if d.Supports != "" {
			actor(d.Supports)
		}
		out = append(out, d.Places...)
	case KindEvent:
		e, _ := b.Event(id)
		for _, a := range e.Actors {
			actor(a)
		}
		if e.Place != "" {
			out = append(out, e.Place)
		}
	}
	return out
}

// Lint checks that excerpts and the records they back plausibly belong
// together, and returns warnings (not errors: the package is valid):
//
//   - every actor or place the Matcher finds in an excerpt's text should be
//     in its about, or be linked to a record there (see linked: a person and
//     the faction they lead count as one; an armed group and its backers; a
//     zone and its controller or contesters; a deployment and its actor,
//     supported actor and places). When one span of text names several
//     records, one of them suffices.
//   - every id in an excerpt's about should be named in its text (directly
//     or through a linked record), unless the record's sourced cites the
//     excerpt — which is how zones and deployments, never named in prose,
//     are backed.
//
// Warnings read "excerpts.yaml:LINE: about: …", in excerpt order.
func (b *Briefing) Lint() []Problem {
	m := NewMatcher(b)
	var out []Problem
	line := func(id string) int {
		if b.index != nil {
			return b.index.aboutLine[id]
		}
		return 0
	}
	for _, e := range b.Excerpts {
		var at Date // aliases limited to a period match at the source's date
		if s, ok := b.Source(e.Source); ok {
			at = s.Date
		}
		mentions := m.FindAt(e.Text, at)
		covered := map[string]bool{}
		for _, id := range e.About {
			for _, l := range b.linked(id) {
				covered[l] = true
			}
		}
		// Text → about.
		for i := 0; i < len(mentions); {
			j := i
			for j < len(mentions) && mentions[j].Start == mentions[i].Start {
				j++
			}
			span := mentions[i:j]
			if !slices.ContainsFunc(span, func(mn Mention) bool { return covered[mn.ID] }) {
				var ids []string
				for _, mn := range span {
					ids = append(ids, mn.ID)
				}
				out = append(out, Problem{File: fileExcerpts, Line: line(e.ID), Field: "about",
					Message: fmt.Sprintf("text mentions %q (%s) but about does not list it",
						textAround(e.Text, span[0].Start, span[0].End), strings.Join(ids, " or "))})
			}
			i = j
		}
		// About → text.
		mentioned := map[string]bool{}
		for _, mn := range mentions {
			for _, l := range b.linked(mn.ID) {
				mentioned[l] = true
			}
		}
		for _, id := range e.About {
			if b.KindOf(id) == "" {
				continue
			}
			plausible := mentioned[id] || slices.Contains(b.sourcedIDs(id), e.ID) ||
				slices.ContainsFunc(b.linked(id), func(l string) bool {
					return slices.ContainsFunc(mentions, func(mn Mention) bool { return mn.ID == l })
				})
			if !plausible {
				out = append(out, Problem{File: fileExcerpts, Line: line(e.ID), Field: "about",
					Message: fmt.Sprintf("lists %q, but the text does not name it (or a linked record) and its sourced does not cite %q", id, e.ID)})
			}
		}
	}
	return out
}
