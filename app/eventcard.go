package app

import (
	"fmt"
	"strings"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/scene"
)

// tagPartly marks an event some of whose fields an excerpt backs and some
// of which are background.
const tagPartly = "PARTLY SOURCED"

// eventCard returns the card of event e as of date d: what happened, its
// kind, its date (a range, "c." when approximate), where (a place, or a
// point, said to be outside the map when the map cannot draw it), its
// actors as links, how long it is on the map, its confidence, each field
// sourced or background, and the excerpts about it.
func eventCard(r *scene.Renderer, e *data.Event, d data.Date) card {
	b := r.Briefing()
	cb := newCard(b, data.Ref{Kind: data.KindEvent, ID: e.ID}, e.Title, "Event · "+scene.EventKindName(e.Kind), e.Note, e.Sourced)
	cb.field("What happened", e.Title, "title")
	cb.field("Kind", scene.EventKindName(e.Kind), "kind")
	date := scene.EventDate(e, false)
	if e.DateApproximate {
		date += " (approximate)"
	}
	cb.field("Date", date, "date", "date_to")
	cb.where(r, e)
	if len(e.Actors) > 0 {
		cb.links("Actors", "", refsOf(b, e.Actors), "actors")
	} else {
		cb.plain("Actors", "none recorded")
	}
	until := scene.ShownUntil(e)
	shown := e.Date.Long() + " – " + until.Long()
	switch {
	case !r.OnMap(e):
		cb.plain("On the map", "not drawn: it took place outside the map; listed in the Events tab from "+e.Date.Long()+" to "+until.Long())
	case e.ShownOn(d):
		cb.plain("On the map", shown+" (drawn on "+d.Long()+")")
	default:
		cb.plain("On the map", shown+" (not on "+d.Long()+")")
	}
	cb.plain("Confidence", string(e.Confidence))
	cb.shown["confidence"] = true
	cb.extras()
	return cb.card(e.ID)
}

// where adds where event e took place: its place (a link), or its point,
// with the country the basemap has there when the map cannot draw it.
func (cb *cardBuilder) where(r *scene.Renderer, e *data.Event) {
	p, ok := cb.b.EventPoint(e)
	if !ok {
		cb.plain("Where", "unknown")
		return
	}
	var value string
	var links []cardLink
	if pl, ok := cb.b.Place(e.Place); ok {
		links = append(links, cardLink{Text: pl.Name, Ref: data.Ref{Kind: data.KindPlace, ID: pl.ID}})
		if e.Point != nil {
			value = "drawn at " + lonLat(p) + ", near"
		}
	} else {
		value = lonLat(p)
	}
	if !r.OnMap(e) {
		if c := r.CountryAt(p); c != "" {
			value = c + ", " + value
		}
		value += " — outside the map"
	}
	cb.links("Where", value, links, "place", "lonlat")
}

// links adds a claim whose value names records: value, then a link to
// each.
func (cb *cardBuilder) links(label, value string, links []cardLink, keys ...string) {
	cb.field(label, value, keys...)
	cb.c.Fields[len(cb.c.Fields)-1].Links = links
}

// refsOf returns links to the records ids names (by their kind).
func refsOf(b *data.Briefing, ids []string) []cardLink {
	var out []cardLink
	for _, id := range ids {
		if ref, ok := b.Ref(id); ok {
			out = append(out, cardLink{Text: b.Name(id), Ref: ref})
		}
	}
	return out
}

// holder adds who holds place p on date d: the controller of the zone it
// lies in (sourced as that zone's controller is), with a link to the zone;
// the nearest zone when the point lies just outside the zones drawn (a
// town on the coastline); the actors contesting it.
func (cb *cardBuilder) holder(p *data.Place, d data.Date) {
	b := cb.b
	h := b.HolderAt(p.Point, d)
	label := "On " + d.Long()
	if !h.Known() {
		cb.plain(label, fmt.Sprintf("Held by nobody the briefing knows: no zone covers this point or lies within %d km of it", data.NearestZoneKM))
		return
	}
	// The zone's name is text (it may be long; a link does not wrap), and
	// a short link opens its card, which says what the holding rests on.
	zone := "zone “" + h.Zone.Name + "”"
	if h.Nearest {
		zone = fmt.Sprintf("nearest zone, %.1f km away: “%s” (the point lies just outside the zones drawn, on the coastline or a border)", h.DistanceKM, h.Zone.Name)
	}
	open := []cardLink{{Text: "show the zone", Ref: data.Ref{Kind: data.KindZone, ID: h.Zone.ID}}}
	if h.Holder != "" {
		cb.c.Fields = append(cb.c.Fields, cardField{Label: label, Value: "Held by " + b.Name(h.Holder) + " — " + zone, Links: open,
			Sourced: sourcedBy(b, h.Zone.Sourced, "controller")})
	}
	if len(h.ContestedBy) > 0 {
		f := cardField{Label: label, Value: "Contested by " + names(b, h.ContestedBy)}
		for _, z := range b.ZonesAt(p.Point, d) {
			if z.Contested() {
				f.Sourced = append(f.Sourced, sourcedBy(b, z.Sourced, "contested_by")...)
			}
		}
		if h.Holder == "" {
			f.Value += " — " + zone
			f.Links = open
		}
		cb.c.Fields = append(cb.c.Fields, f)
	}
}

// placeEvents adds the list of the events at place p, at any date, each a
// link to its card.
func (cb *cardBuilder) placeEvents(p *data.Place) {
	es := cb.b.EventsOf(p.ID)
	if len(es) == 0 {
		return
	}
	l := cardList{Title: "Events at " + p.Name}
	for _, e := range es {
		l.Items = append(l.Items, cardItem{
			cardLink: cardLink{Text: scene.EventDate(e, false), Ref: data.Ref{Kind: data.KindEvent, ID: e.ID}},
			Rest:     strings.TrimSpace(e.Title),
			Tag:      eventTag(e),
		})
	}
	cb.c.Lists = append(cb.c.Lists, l)
}

// eventTag says how much of event e excerpts back: its title and date
// both (SOURCED), one of them or another field (PARTLY SOURCED), nothing
// (BACKGROUND).
func eventTag(e *data.Event) string {
	title, date := len(e.Sourced["title"]) > 0, len(e.Sourced["date"]) > 0
	switch {
	case title && date:
		return tagSourced
	case len(e.Sourced) > 0:
		return tagPartly
	}
	return tagBackground
}

// eventLine is an event's line in a list: "19 January 2020 · Berlin
// conference on Libya".
func eventLine(e *data.Event) string {
	return scene.EventDate(e, false) + " · " + strings.TrimSpace(e.Title)
}
