package app

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/scene"
)

var (
	d2020 = data.MustDate("2020-01-19")
	d2023 = data.MustDate("2023-09-30")
)

// selectAndRead selects ref on date d and returns the Selection tab's card
// as text.
func selectAndRead(t *testing.T, w *window, d data.Date, ref data.Ref) string {
	t.Helper()
	w.SetDate(d)
	w.Select(ref)
	if w.shown != ref {
		t.Fatalf("selected %v, the Selection tab shows %v", ref, w.shown)
	}
	return w.cardText()
}

func wantLines(t *testing.T, card string, want ...string) {
	t.Helper()
	for _, s := range want {
		if !strings.Contains(card, s) {
			t.Errorf("card lacks %q:\n%s", s, card)
		}
	}
}

// TestPlaceCardShowsHolderAndStatus: a terminal's card says who holds it
// on the date on screen (and that this rests on the zone, background
// here), and its status on that date; both follow the date.
func TestPlaceCardShowsHolderAndStatus(t *testing.T) {
	w, _ := newTestWindow(t)
	ref := data.Ref{Kind: data.KindPlace, ID: "es-sider"}
	card := selectAndRead(t, w, d2020, ref)
	h, _ := w.b.PlaceHolder("es-sider", d2020)
	wantLines(t, card,
		"On 19 January 2020: Held by Libyan National Army — zone “"+h.Zone.Name+"” show the zone [BACKGROUND]",
		"Status on 19 January 2020: blockaded")
	card = selectAndRead(t, w, d2023, ref)
	wantLines(t, card, "On 30 September 2023: Held by Libyan National Army", "Status on 30 September 2023: operating")
	// The link opens the zone's card, which says what the holding rests on.
	findLink(t, w.selection.card, "show the zone").OnTapped()
	if w.shown.Kind != data.KindZone {
		t.Errorf("the zone link selected %v", w.shown)
	}
}

// TestPlaceOnTheCoastlineSaysNearestZone: Brega lies just outside the
// zones drawn; its card says it is held by the nearest zone's controller,
// and how far that zone is.
func TestPlaceOnTheCoastlineSaysNearestZone(t *testing.T) {
	w, _ := newTestWindow(t)
	card := selectAndRead(t, w, d2020, data.Ref{Kind: data.KindPlace, ID: "brega"})
	wantLines(t, card, "On 19 January 2020: Held by Libyan National Army — nearest zone, ", " km away: “", "on the coastline or a border")
}

// TestPlaceCardListsItsEvents: Sirte's card lists the events at Sirte, at
// any date, each tagged and a link to the event.
func TestPlaceCardListsItsEvents(t *testing.T) {
	w, logs := newTestWindow(t)
	card := selectAndRead(t, w, d2020, data.Ref{Kind: data.KindPlace, ID: "sirte"})
	wantLines(t, card, "Events at Sirte:", "  6 January 2020 · The LNA takes Sirte [BACKGROUND]",
		"  10–15 March 2021 · Parliament approves the Government of National Unity [BACKGROUND]")
	findLink(t, w.selection.card, "6 January 2020").OnTapped()
	if want := (data.Ref{Kind: data.KindEvent, ID: "e2020-sirte-taken"}); w.shown != want || w.mapView.Selected() != want {
		t.Errorf("the event link selected %v (map: %v)", w.shown, w.mapView.Selected())
	}
	sels := logLines(t, logs, "selected")
	if last := sels[len(sels)-1]; last["kind"] != "event" || last["id"] != "e2020-sirte-taken" {
		t.Errorf("last selected line %v", last)
	}
}

// TestEventCard: an event's card gives its title, kind, date, place or
// point, actors as links, how long it is on the map and its confidence,
// each field sourced (with its quote) or background (with the note).
func TestEventCard(t *testing.T) {
	w, _ := newTestWindow(t)
	card := selectAndRead(t, w, d2020, data.Ref{Kind: data.KindEvent, ID: "e2020-berlin-conference"})
	wantLines(t, card,
		"Berlin conference on Libya\nEvent · Conference\n",
		"What happened: Berlin conference on Libya [SOURCED]",
		"Kind: Conference [SOURCED]",
		"Date: 19 January 2020 [SOURCED]",
		"Where: Germany, 52.52°N 13.40°E — outside the map [BACKGROUND]",
		"Actors: Germany, Russia, Turkey, United Nations, European Union [SOURCED]",
		"On the map: not drawn: it took place outside the map",
		"Confidence: high",
		"Note: The Libyan leaders were in Berlin",
		"“On January 19th the parties in Libya’s civil war gathered in Berlin for a peace conference.”")
	// Off the map: selected, but nothing is outlined and the map stays.
	if got := w.mapView.Options().Selected; got.ID != "e2020-berlin-conference" {
		t.Errorf("map selection %v", got)
	}
	// The actors are links to their cards.
	findLink(t, w.selection.card, "Russia").OnTapped()
	if w.shown != (data.Ref{Kind: data.KindActor, ID: "russia"}) {
		t.Errorf("the actor link showed %v", w.shown)
	}

	card = selectAndRead(t, w, d2023, data.Ref{Kind: data.KindEvent, ID: "e2023-derna-floods"})
	wantLines(t, card, "Date: 10–11 September 2023 [BACKGROUND]", "Where: Derna [BACKGROUND]",
		"On the map: 10 September 2023 – 10 December 2023 (drawn on 30 September 2023)", "Note: Background: Storm Daniel")

	// An approximate date is written "c." and said to be approximate.
	b := *w.b
	b.Events = slices.Clone(b.Events)
	for i := range b.Events {
		if b.Events[i].ID == "e2023-haftar-moscow" {
			b.Events[i].DateApproximate = true
		}
	}
	b.Reindex()
	c, ok := buildCard(scene.NewRenderer(&b, w.base), data.Ref{Kind: data.KindEvent, ID: "e2023-haftar-moscow"}, d2023)
	if !ok {
		t.Fatal("no card")
	}
	wantLines(t, c.text(&b), "Date: c. 26–28 September 2023 (approximate) [BACKGROUND]", "Where: Russia, 55.76°N 37.62°E — outside the map")
}

// TestEventsTabListsAndSelects: the Events tab lists the events of the
// date, those on the map first, then the others with where they took
// place; clicking one selects it.
func TestEventsTabListsAndSelects(t *testing.T) {
	w, logs := newTestWindow(t)
	w.SetDate(d2023)
	w.tabs.Select(w.events.item)
	var texts []string
	for _, o := range w.events.box.Objects {
		if l, ok := o.(*widget.Label); ok {
			texts = append(texts, l.Text)
		}
	}
	on, off := slices.Index(texts, "On the map"), slices.Index(texts, "Elsewhere (not on the map)")
	if on < 0 || off < on {
		t.Fatalf("sections %q", texts)
	}
	for _, id := range []string{"e2023-russian-delegation", "e2023-derna-floods", "e2023-prigozhin-death", "e2023-haftar-moscow"} {
		if w.events.links[id] == nil {
			t.Errorf("%s is not listed on %s", id, d2023)
		}
	}
	if len(w.events.links) != 4 {
		t.Errorf("%d events listed, want 4", len(w.events.links))
	}
	for _, id := range []string{"e2023-derna-floods", "e2023-haftar-moscow"} {
		w.tabs.Select(w.events.item)
		test.TapAt(w.events.links[id], fyne.NewPos(20, 12)) // on the link's text
		ref := data.Ref{Kind: data.KindEvent, ID: id}
		if w.shown != ref || w.mapView.Selected() != ref {
			t.Errorf("clicking %s: shown %v, map %v", id, w.shown, w.mapView.Selected())
		}
		if w.tabs.Selected() != w.selection.item {
			t.Errorf("clicking %s did not show its card", id)
		}
		sels := logLines(t, logs, "selected")
		if last := sels[len(sels)-1]; last["kind"] != "event" || last["id"] != id {
			t.Errorf("last selected line %v", last)
		}
	}
	if !strings.Contains(w.cardText(), "Where: Russia, 55.76°N 37.62°E — outside the map") {
		t.Errorf("the card of Haftar's visit to Moscow does not say where it took place:\n%s", w.cardText())
	}
	// The list follows the date: off screen, once the tab is shown again.
	w.SetDate(d2020)
	if !w.events.fill.stale() {
		t.Error("the Events tab was rebuilt off screen")
	}
	w.tabs.Select(w.events.item)
	if w.events.links["e2023-derna-floods"] != nil || w.events.links["e2020-berlin-conference"] == nil {
		t.Errorf("on %s the tab lists %v", d2020, w.events.links)
	}
}

// TestEventsLayerToggle: the Events layer is on by default and its switch
// takes the pins and their legend entries away.
func TestEventsLayerToggle(t *testing.T) {
	w, _ := newTestWindow(t)
	i := slices.IndexFunc(layerToggles, func(l layerToggle) bool { return l.Key == "events" })
	if i < 0 || !w.layers.Events || !w.left.checks[i].Checked {
		t.Fatalf("no Events layer switched on by default (index %d)", i)
	}
	legend := func() string {
		var s []string
		for _, e := range w.r.Legend(w.options()) {
			s = append(s, e.Label)
		}
		return strings.Join(s, "|")
	}
	if !strings.Contains(legend(), "Event: battle or offensive") {
		t.Errorf("legend without events: %s", legend())
	}
	test.Tap(w.left.checks[i])
	if w.layers.Events || w.mapView.Options().Layers.Events {
		t.Fatal("the switch did not turn the events off")
	}
	if strings.Contains(legend(), "Event:") {
		t.Errorf("events off, legend %s", legend())
	}
}

// TestDeploymentCardRangeUpperBound: a range stated as an upper bound
// reads "less than".
func TestDeploymentCardRangeUpperBound(t *testing.T) {
	w, _ := newTestWindow(t)
	card := selectAndRead(t, w, d2020, data.Ref{Kind: data.KindDeployment, ID: "d2020-turkey-drones"})
	wantLines(t, card, "Range: less than 200 km [SOURCED]")
}

// findLink returns the hyperlink with text s on rt.
func findLink(t *testing.T, rt *widget.RichText, s string) *widget.HyperlinkSegment {
	t.Helper()
	for _, seg := range rt.Segments {
		if l, ok := seg.(*widget.HyperlinkSegment); ok && l.Text == s {
			return l
		}
	}
	t.Fatalf("no link %q on the card:\n%s", s, richText(rt))
	return nil
}

// TestSlideOfASelectedEvent: the slide of what is on screen describes the
// selected event, unless it is not shown on the date on screen.
func TestSlideOfASelectedEvent(t *testing.T) {
	w, _ := newTestWindow(t)
	w.SetDate(d2023)
	ref := data.Ref{Kind: data.KindEvent, ID: "e2023-derna-floods"}
	w.Select(ref)
	if got := w.slideSpec().Focus; got != ref {
		t.Errorf("slide focus %v, want the selected event", got)
	}
	w.SetDate(d2020)
	if s := w.slideSpec(); !s.Focus.IsZero() || !s.Options.Selected.IsZero() {
		t.Errorf("the 2020 slide focuses the 2023 floods: %v", s.Focus)
	}
}
