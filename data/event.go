package data

import (
	"cmp"
	"slices"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geo"
	"gopkg.in/yaml.v3"
)

// EventKind is what sort of thing an Event is.
type EventKind string

// Event kinds.
const (
	Battle     EventKind = "battle"
	Offensive  EventKind = "offensive"
	Agreement  EventKind = "agreement"
	Ceasefire  EventKind = "ceasefire"
	Conference EventKind = "conference"
	Blockade   EventKind = "blockade"
	Disaster   EventKind = "disaster"
	Visit      EventKind = "visit"
	Vote       EventKind = "vote"
	Political  EventKind = "political"
	OtherEvent EventKind = "other"
)

// DefaultShowDays is how many days an event stays on the map after its
// last day when events.yaml does not say.
const DefaultShowDays = 60

// Event is something that happened on a day or over a few days, at a place
// or a point: a battle, a conference, a blockade, a flood.
type Event struct {
	ID              string
	Title           string
	Kind            EventKind
	Date            Date // the first day
	DateTo          Date // the last day of a range; zero for a single day
	DateApproximate bool // only the month, or roughly, is known
	Place           string
	Point           *orb.Point // its own point, if given (else the place's)
	Actors          []string
	ShowDays        int // days it stays on the map after its last day
	Confidence      Confidence
	Sourced         Sourced
	Note            string
}

// LastDay returns the event's last day: DateTo, or Date for a single day.
func (e *Event) LastDay() Date {
	if e.DateTo.IsZero() {
		return e.Date
	}
	return e.DateTo
}

// ShownOn reports whether the event is "on" date d: from its first day to
// ShowDays days after its last day, both included.
func (e *Event) ShownOn(d Date) bool {
	if d.Before(e.Date) {
		return false
	}
	until := e.LastDay().Time().AddDate(0, 0, e.ShowDays)
	return !d.Time().After(until)
}

// Field names an event's sourced map may use.
var eventFields = []string{"title", "kind", "date", "date_to", "place", "lonlat", "actors"}

// eventKinds are the allowed event kinds.
var eventKinds = []string{string(Battle), string(Offensive), string(Agreement), string(Ceasefire), string(Conference),
	string(Blockade), string(Disaster), string(Visit), string(Vote), string(Political), string(OtherEvent)}

func (l *loader) decodeEvent(f *yamlFile, n *yaml.Node) {
	fs := f.mapping(n, "events", []string{"id", "title", "kind", "date", "date_to", "date_approximate", "place", "lonlat",
		"actors", "show_days", "confidence", "sourced", "note"})
	if fs == nil {
		l.broken[f.name] = true
		return
	}
	e := Event{
		ID:              l.define(fs, KindEvent),
		Title:           fs.str("title", true),
		Kind:            EventKind(enum(fs, "kind", true, eventKinds)),
		Date:            fs.date("date", true),
		DateTo:          fs.date("date_to", false),
		DateApproximate: fs.boolean("date_approximate"),
		Place:           fs.str("place", false),
		Confidence:      Confidence(enum(fs, "confidence", true, confidences)),
		ShowDays:        DefaultShowDays,
		Note:            fs.str("note", false),
	}
	if !e.Date.IsZero() && !e.DateTo.IsZero() && e.DateTo.Before(e.Date) {
		l.ps.add(f.name, fs.line("date_to"), "date_to", "%s is before date %s", e.DateTo, e.Date)
	}
	l.ref(fs, "place", fs.line("place"), e.Place, KindPlace)
	// An event's point may lie outside the briefing's bbox (a conference
	// in Berlin, a vote in Ankara): the map lists what it cannot show. A
	// point whose swap lies inside the bbox is still refused.
	if e.Point = fs.lonlat("lonlat", false); e.Point != nil {
		l.addOffMapPoint(fs, "lonlat", e.Point)
	}
	if e.Place == "" && !fs.has("lonlat") {
		l.ps.add(f.name, fs.node.Line, "place", "an event needs a place or a lonlat")
	}
	e.Actors = l.refList(fs, "actors", false, KindActor)
	if dup := firstDuplicate(e.Actors); dup != "" {
		l.ps.add(f.name, fs.line("actors"), "actors", "%q listed twice", dup)
	}
	if v, ok := fs.scalar("show_days", false); ok {
		x, num := scalarNumber(v)
		if !num || x < 0 || x != float64(int(x)) || x > 36500 {
			l.ps.add(f.name, v.Line, "show_days", "%q is not a whole number of days from 0 to 36500", v.Value)
		} else {
			e.ShowDays = int(x)
		}
	}
	e.Sourced = l.addSourced(fs, e.ID, eventFields)
	l.b.Events = append(l.b.Events, e)
}

// Event returns the event with id, and whether there is one.
func (b *Briefing) Event(id string) (*Event, bool) {
	i, ok := b.ix().events[id]
	if !ok {
		return nil, false
	}
	return &b.Events[i], true
}

// EventPoint returns where an event is drawn: its own point, else its
// place's; ok is false when it has neither (an unknown place).
func (b *Briefing) EventPoint(e *Event) (orb.Point, bool) {
	if e.Point != nil {
		return *e.Point, true
	}
	if p, ok := b.Place(e.Place); ok {
		return p.Point, true
	}
	return orb.Point{}, false
}

// byDate sorts events by first day, then last day, keeping file order
// among equals.
func byDate(es []*Event) []*Event {
	slices.SortStableFunc(es, func(a, c *Event) int {
		return cmp.Or(a.Date.Compare(c.Date), a.LastDay().Compare(c.LastDay()))
	})
	return es
}

// EventsOn returns the events shown on date d (see Event.ShownOn), by date.
func (b *Briefing) EventsOn(d Date) []*Event {
	var out []*Event
	for i := range b.Events {
		if b.Events[i].ShownOn(d) {
			out = append(out, &b.Events[i])
		}
	}
	return byDate(out)
}

// EventsOf returns every event at place id, at any date, by date.
func (b *Briefing) EventsOf(placeID string) []*Event {
	var out []*Event
	for i := range b.Events {
		if b.Events[i].Place == placeID {
			out = append(out, &b.Events[i])
		}
	}
	return byDate(out)
}

// EventDistance is an event and its great-circle distance from a point.
type EventDistance struct {
	Event *Event
	KM    float64
}

// EventsNear returns the events shown on date d within km kilometres of p,
// nearest first, then by date.
func (b *Briefing) EventsNear(p orb.Point, km float64, d Date) []EventDistance {
	var out []EventDistance
	for _, e := range b.EventsOn(d) {
		pt, ok := b.EventPoint(e)
		if !ok {
			continue
		}
		if dist := geo.Distance(p, pt) / 1000; dist <= km {
			out = append(out, EventDistance{Event: e, KM: dist})
		}
	}
	slices.SortStableFunc(out, func(a, c EventDistance) int { return cmp.Compare(a.KM, c.KM) })
	return out
}
