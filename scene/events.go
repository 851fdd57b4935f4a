package scene

import (
	"math"
	"strconv"
	"strings"

	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/geo"
)

// This file holds the map's rules for events: which events the map shows
// (those shown on the date whose point lies inside the briefing's
// bounding box; the others are listed, not drawn), where their pins go
// (fanned out when several share a point), and how an event's date is
// written on the map, in the cards and on the slide.

// OnMap reports whether the map can draw event e: it has a point and the
// point lies inside the briefing's bounding box. A conference in Berlin or
// a visit to Moscow is not on the map: the app and the slide list it.
func (r *Renderer) OnMap(e *data.Event) bool {
	p, ok := r.b.EventPoint(e)
	return ok && r.b.BBox.Contains(p)
}

// OffMapEvents returns the events shown on date d that the map cannot
// draw (see OnMap), by date.
func (r *Renderer) OffMapEvents(d data.Date) []*data.Event {
	var out []*data.Event
	for _, e := range r.b.EventsOn(d) {
		if !r.OnMap(e) {
			out = append(out, e)
		}
	}
	return out
}

// eventSlot numbers the events shown on date d that share e's point, by
// date, so that each pin leans its own way; ok is false when e is not
// shown on d.
func (r *Renderer) eventSlot(e *data.Event, d data.Date) (slot int, ok bool) {
	p, _ := r.b.EventPoint(e)
	for _, other := range r.b.EventsOn(d) {
		if other.ID == e.ID {
			return slot, true
		}
		if q, _ := r.b.EventPoint(other); q == p {
			slot++
		}
	}
	return 0, false
}

// pinLeans are the leans of the stems of the pins that share a point on a
// date (degrees from upright, positive to the right): up-left first, which
// keeps clear of the spot right of a place where its name goes first, then
// up-right, then further down each side; far enough apart that the heads
// do not overlap.
var pinLeans = [...]float64{-eventFan, eventFan - 5, -eventFan - 65, eventFan + 60}

// pinGeometry returns the lean (radians) and stem length of the pin in
// slot: past the four leans, the stems grow by a head each round.
func pinGeometry(slot int, st pinStyle) (lean, stem float64) {
	return pinLeans[slot%len(pinLeans)] * math.Pi / 180, st.Stem + float64(slot/len(pinLeans))*st.Head
}

// eventPin returns the pin that draws event e on date o.Date, with its
// label when labels are on; nil when the map does not draw e then.
func (r *Renderer) eventPin(e *data.Event, o Options) *eventPin {
	if !e.ShownOn(o.Date) || !r.OnMap(e) {
		return nil
	}
	slot, _ := r.eventSlot(e, o.Date)
	p, _ := r.b.EventPoint(e)
	st := eventPinStyle(familyOf(e.Kind), o.Ratio())
	pin := &eventPin{key: refOf(data.KindEvent, e.ID), name: e.Title, tip: p, style: st, ratio: o.Ratio()}
	pin.lean, pin.style.Stem = pinGeometry(slot, st)
	if o.Layers.Labels {
		pin.label, pin.labelStyle = EventDate(e, true), eventLabelStyle(o.Ratio())
	}
	return pin
}

// eventHead returns where the head of event e's pin is drawn on o.Date
// (a callout points there); ok is false when the map does not draw e.
func (r *Renderer) eventHead(t *geo.Transformer, e *data.Event, o Options) (orb.Point, bool) {
	pin := r.eventPin(e, o)
	if pin == nil {
		return orb.Point{}, false
	}
	x, y := pin.head(t)
	return t.ToLonLat(x, y), true
}

// EventDate returns when event e happened, as the cards, the lists and the
// slide write it: "6 January 2020", "17–18 January 2020", "26 June – 3 July
// 2019", "c. 26 September 2023" when the date is approximate. With short
// set, months are abbreviated ("17–18 Jan 2020"), as on the map.
func EventDate(e *data.Event, short bool) string {
	s := dateRange(e.Date, e.DateTo, short)
	if e.DateApproximate {
		s = "c. " + s
	}
	return s
}

// dateRange writes the days from a to b (b zero or equal: one day),
// sharing the month and year when they are the same.
func dateRange(a, b data.Date, short bool) string {
	month := func(d data.Date) string {
		m := d.Time().Month().String()
		if short {
			m = m[:3]
		}
		return m
	}
	day := func(d data.Date) string { return strconv.Itoa(d.Day) }
	full := func(d data.Date) string { return day(d) + " " + month(d) + " " + strconv.Itoa(d.Year) }
	switch {
	case b.IsZero() || b == a:
		return full(a)
	case a.Year == b.Year && a.Month == b.Month:
		return day(a) + "–" + full(b)
	case a.Year == b.Year:
		return day(a) + " " + month(a) + " – " + full(b)
	}
	return full(a) + " – " + full(b)
}

// EventKindName returns the name of event kind k for people: "Battle",
// "Conference", …
func EventKindName(k data.EventKind) string {
	s := strings.ReplaceAll(string(k), "-", " ")
	if s == "" {
		return "Event"
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// ShownUntil returns the last day event e is on the map.
func ShownUntil(e *data.Event) data.Date {
	t := e.LastDay().Time().AddDate(0, 0, e.ShowDays)
	return data.Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}
}

// CountryAt returns the name of the basemap's country at p ("Germany"),
// or "" at sea or without a basemap: where an event off the map happened.
func (r *Renderer) CountryAt(p orb.Point) string {
	if r.base == nil {
		return ""
	}
	iso, ok := r.base.CountryAt(p)
	if !ok {
		return ""
	}
	name, _ := r.base.CountryName(iso)
	return name
}
