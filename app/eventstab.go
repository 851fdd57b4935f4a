package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/scene"
)

// eventsTab is the Events tab: the events shown on the as-of date, those
// the map draws first, then those it cannot (a conference in Berlin, a
// visit to Moscow), each a link that selects it.
type eventsTab struct {
	box    *fyne.Container
	item   *container.TabItem
	onPick func(data.Ref)
	links  map[string]*widget.Hyperlink // by event id (tests)
	fill   deferredFill                 // the list waits until the tab is shown
}

// newEventsTab returns the tab; onPick is called with the event the user
// clicks.
func newEventsTab(onPick func(data.Ref)) *eventsTab {
	t := &eventsTab{box: container.NewVBox(), onPick: onPick}
	t.item = container.NewTabItem("Events", container.NewVScroll(t.box))
	return t
}

// show lists the events shown on date d of the briefing r draws: now when
// the tab is on screen, otherwise when it is next shown (showing).
func (t *eventsTab) show(r *scene.Renderer, d data.Date) {
	t.fill.run(func() { t.build(r, d) })
}

// showing is called when the tab comes on screen.
func (t *eventsTab) showing() { t.fill.showing() }

// build lists the events shown on date d of the briefing r draws.
func (t *eventsTab) build(r *scene.Renderer, d data.Date) {
	b := r.Briefing()
	var on, off []*data.Event
	for _, e := range b.EventsOn(d) {
		if r.OnMap(e) {
			on = append(on, e)
		} else {
			off = append(off, e)
		}
	}
	t.links = map[string]*widget.Hyperlink{}
	objs := []fyne.CanvasObject{
		heading("Events around " + d.Long()),
		caption("An event stays on the map for a while after it happened (its last day and the days the briefing gives it, 60 unless it says otherwise). Click one to see its card and sources."),
	}
	if len(on)+len(off) == 0 {
		objs = append(objs, widget.NewLabel("No event is shown on this date."))
	}
	section := func(title string, es []*data.Event) {
		if len(es) == 0 {
			return
		}
		objs = append(objs, widget.NewSeparator(), heading(title))
		for _, e := range es {
			objs = append(objs, t.entry(r, e))
		}
	}
	section("On the map", on)
	section("Elsewhere (not on the map)", off)
	t.box.Objects = objs
	t.box.Refresh()
}

// entry is an event's line: its date and title as a link, then its kind,
// where it took place and how far excerpts back it.
func (t *eventsTab) entry(r *scene.Renderer, e *data.Event) fyne.CanvasObject {
	ref := data.Ref{Kind: data.KindEvent, ID: e.ID}
	// A Hyperlink widget, not a RichText segment: long titles must wrap.
	link := widget.NewHyperlink(eventLine(e), nil)
	link.Wrapping = fyne.TextWrapWord
	link.OnTapped = func() { t.onPick(ref) }
	t.links[e.ID] = link
	detail := caption(scene.EventKindName(e.Kind) + " · " + eventWhere(r, e) + " · " + eventTag(e))
	return container.NewVBox(link, detail)
}

// nearPlaceKM is how near a place must be for an event's point to be
// given as near it.
const nearPlaceKM = 50

// eventWhere says briefly where event e took place: its place's name, the
// country the basemap has at its point with "outside the map", or its
// coordinates.
func eventWhere(r *scene.Renderer, e *data.Event) string {
	b := r.Briefing()
	if p, ok := b.Place(e.Place); ok {
		return p.Name
	}
	p, ok := b.EventPoint(e)
	if !ok {
		return "place unknown"
	}
	if r.OnMap(e) {
		if near := b.PlacesNear(p, nearPlaceKM); len(near) > 0 {
			return fmt.Sprintf("%s (%.0f km from %s)", lonLat(p), near[0].KM, near[0].Place.Name)
		}
		return lonLat(p)
	}
	if c := r.CountryAt(p); c != "" {
		return c + ", outside the map"
	}
	return lonLat(p) + ", outside the map"
}
