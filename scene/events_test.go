package scene

import (
	"slices"
	"strings"
	"testing"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/geo"
)

// layerKeys returns the keys of the pickable objects of layer name of the
// w×h home map with options o.
func layerKeys(r *Renderer, w, h int, o Options, name string) []string {
	m := r.Map(w, h, r.HomeView(w, h), o)
	var out []string
	for _, l := range m.Layers {
		if l.Name != name {
			continue
		}
		for _, obj := range l.Objects {
			if id := obj.ID(); id != "" {
				out = append(out, id)
			}
		}
	}
	return out
}

// TestEventsOnTheirDatesOnly: the map draws an event from its first day to
// show_days after its last, never before or after, and never one whose
// point lies outside the map (those are listed by OffMapEvents).
func TestEventsOnTheirDatesOnly(t *testing.T) {
	r := newRenderer(t)
	for _, tc := range []struct {
		date   string
		drawn  []string
		offMap []string
	}{
		{"2020-01-05", nil, []string{"e2020-turkish-vote"}},
		{"2020-01-06", []string{"e2020-sirte-taken"}, []string{"e2020-turkish-vote"}},
		{"2020-01-19", []string{"e2020-sirte-taken", "e2020-blockade"},
			[]string{"e2020-turkish-vote", "e2020-moscow-talks", "e2020-berlin-conference"}},
		{"2020-03-06", []string{"e2020-sirte-taken", "e2020-blockade"}, []string{"e2020-moscow-talks", "e2020-berlin-conference"}},
		{"2020-03-07", []string{"e2020-blockade"}, []string{"e2020-moscow-talks", "e2020-berlin-conference"}},
		{"2021-12-01", nil, nil},
		{"2023-09-09", []string{"e2023-russian-delegation"}, []string{"e2023-prigozhin-death"}},
		{"2023-09-30", []string{"e2023-russian-delegation", "e2023-derna-floods"}, []string{"e2023-prigozhin-death", "e2023-haftar-moscow"}},
		{"2023-10-23", []string{"e2023-derna-floods"}, []string{"e2023-haftar-moscow"}},
		{"2023-12-10", []string{"e2023-derna-floods"}, nil}, // 11 September + 90 days
		{"2023-12-11", nil, nil},
	} {
		d := data.MustDate(tc.date)
		var want []string
		for _, id := range tc.drawn {
			want = append(want, refOf(data.KindEvent, id))
		}
		got := layerKeys(r, 1280, 800, Options{Date: d, Layers: AllLayers()}, "events")
		if !slices.Equal(got, want) {
			t.Errorf("%s: events drawn %q, want %q", tc.date, got, want)
		}
		var off []string
		for _, e := range r.OffMapEvents(d) {
			off = append(off, e.ID)
		}
		if !slices.Equal(off, tc.offMap) {
			t.Errorf("%s: off the map %q, want %q", tc.date, off, tc.offMap)
		}
		shown := r.Shown(Options{Date: d, Layers: AllLayers()}).Events
		if len(shown) != len(tc.drawn) {
			t.Errorf("%s: Shown lists %d events, the map draws %d", tc.date, len(shown), len(tc.drawn))
		}
	}
	// The layer switch hides them.
	o := Options{Date: d2020, Layers: AllLayers()}
	o.Layers.Events = false
	if got := layerKeys(r, 1280, 800, o, "events"); len(got) != 0 {
		t.Errorf("events layer off, yet drawn: %q", got)
	}
}

// TestPickEvent: a click on a pin's head picks the event; a click on its
// tip picks the place it points at; the head's outline is drawn when the
// event is selected, and no outline when the map does not draw it.
func TestPickEvent(t *testing.T) {
	const w, h = 1280, 800
	r, v, o, _ := renderHome(t, w, h, d2023)
	e, _ := r.Briefing().Event("e2023-derna-floods")
	tr := v.transformer(w, h)
	head, ok := r.eventHead(tr, e, o)
	if !ok {
		t.Fatal("no head for the Derna floods on 30 September 2023")
	}
	x, y := tr.ToPixel(head)
	if ref, ok := r.Pick(w, h, v, o, x, y); !ok || ref != (data.Ref{Kind: data.KindEvent, ID: e.ID}) {
		t.Errorf("click on the pin's head picked %v, %v", ref, ok)
	}
	derna, _ := r.Briefing().Place("derna")
	x, y = tr.ToPixel(derna.Point)
	if ref, ok := r.Pick(w, h, v, o, x, y); !ok || ref != (data.Ref{Kind: data.KindPlace, ID: "derna"}) {
		t.Errorf("click on the pin's tip picked %v, %v; want Derna", ref, ok)
	}
	o.Selected = data.Ref{Kind: data.KindEvent, ID: e.ID}
	if n := len(r.emphasis(tr, o)); n != 2 {
		t.Errorf("selected event: %d outline objects, want the casing and the line", n)
	}
	for _, sel := range []struct {
		id   string
		date data.Date
	}{{"e2023-haftar-moscow", d2023}, {"e2020-sirte-taken", d2023}} {
		o.Date, o.Selected = sel.date, data.Ref{Kind: data.KindEvent, ID: sel.id}
		if em := r.emphasis(tr, o); len(em) != 0 {
			t.Errorf("%s on %s: outlined, but the map does not draw it", sel.id, sel.date)
		}
	}
	if _, ok := r.Extent(data.Ref{Kind: data.KindEvent, ID: "e2020-berlin-conference"}, d2020); ok {
		t.Error("the Berlin conference has an extent on the map")
	}
	if b, ok := r.Extent(data.Ref{Kind: data.KindEvent, ID: "e2023-derna-floods"}, d2023); !ok || !b.Contains(derna.Point) {
		t.Errorf("Extent of the Derna floods = %v, %v", b, ok)
	}
}

// TestPinsSharingAPointLeanApart: events drawn on one date at one point
// get heads of their own.
func TestPinsSharingAPointLeanApart(t *testing.T) {
	r := newRenderer(t)
	b := *r.Briefing()
	b.Events = append(slices.Clone(b.Events), data.Event{
		ID: "e-test", Title: "Another event at Sirte", Kind: data.Vote, Date: data.MustDate("2020-01-10"),
		Place: "sirte", ShowDays: 30, Confidence: data.Low,
	})
	b.Reindex()
	rr := NewRenderer(&b, nil)
	const w, h = 1280, 800
	v := rr.HomeView(w, h)
	o := Options{Date: d2020, Layers: AllLayers()}
	tr := v.transformer(w, h)
	var heads [][2]float64
	for _, id := range []string{"e2020-sirte-taken", "e-test"} {
		e, _ := b.Event(id)
		p, ok := rr.eventHead(tr, e, o)
		if !ok {
			t.Fatalf("%s not drawn", id)
		}
		x, y := tr.ToPixel(p)
		heads = append(heads, [2]float64{x, y})
	}
	dx, dy := heads[0][0]-heads[1][0], heads[0][1]-heads[1][1]
	if dx*dx+dy*dy < 14*14 {
		t.Errorf("two events at Sirte: heads at %v, overlapping", heads)
	}
}

// TestLegendEvents: one entry per family of the events drawn, none for an
// event only listed off the map, none with the layer off.
func TestLegendEvents(t *testing.T) {
	r := newRenderer(t)
	events := func(o Options) []string {
		var out []string
		for _, e := range r.Legend(o) {
			if strings.HasPrefix(e.Label, "Event: ") {
				if e.pin == nil {
					t.Errorf("%q has no pin swatch", e.Label)
				}
				out = append(out, e.Label)
			}
		}
		return out
	}
	for _, tc := range []struct {
		date string
		want []string
	}{
		{"2020-01-19", []string{"Event: battle or offensive", "Event: blockade"}},
		{"2023-09-09", []string{"Event: visit"}}, // not "other": Prigozhin's death is off the map
		{"2023-09-30", []string{"Event: disaster", "Event: visit"}},
		{"2021-12-01", nil},
	} {
		if got := events(Options{Date: data.MustDate(tc.date), Layers: AllLayers()}); !slices.Equal(got, tc.want) {
			t.Errorf("%s: legend %q, want %q", tc.date, got, tc.want)
		}
	}
	o := Options{Date: d2020, Layers: AllLayers()}
	o.Layers.Events = false
	if got := events(o); len(got) != 0 {
		t.Errorf("events layer off: legend %q", got)
	}
	// The pin swatch draws something inside its box, nothing outside.
	for _, e := range r.Legend(Options{Date: d2020, Layers: AllLayers()}) {
		if e.pin == nil {
			continue
		}
		img := Swatch(e, 40)
		inked := 0
		for i := 3; i < len(img.Pix); i += 4 {
			if img.Pix[i] > 0 {
				inked++
			}
		}
		if inked < 100 {
			t.Errorf("%q: swatch has %d inked pixels", e.Label, inked)
		}
	}
}

// TestEventLabelsGiveWay: an event's label gives way to every place's
// and to an ally's name in its zone, and beats a force's.
func TestEventLabelsGiveWay(t *testing.T) {
	for _, k := range []data.PlaceKind{data.City, data.Port, data.OilTerminal, data.OilField, data.Airbase, data.OtherPlace} {
		if p := placePriority(&data.Place{Kind: k, Importance: 3}); eventLabelPriority >= p {
			t.Errorf("event labels (%d) do not give way to a %s's (%d)", eventLabelPriority, k, p)
		}
	}
	if eventLabelPriority >= allyLabelPriority || eventLabelPriority <= deploymentLabelPriority || rangeLabelPriority >= deploymentLabelPriority {
		t.Errorf("label priorities: event %d, ally %d, force %d, range %d", eventLabelPriority, allyLabelPriority, deploymentLabelPriority, rangeLabelPriority)
	}
}

func TestEventFamilies(t *testing.T) {
	for k, want := range map[data.EventKind]eventFamily{
		data.Battle: famFighting, data.Offensive: famFighting,
		data.Agreement: famPolitics, data.Ceasefire: famPolitics, data.Conference: famPolitics, data.Vote: famPolitics, data.Political: famPolitics,
		data.Blockade: famBlockade, data.Disaster: famDisaster, data.Visit: famVisit, data.OtherEvent: famOther, "unknown": famOther,
	} {
		if got := familyOf(k); got != want {
			t.Errorf("familyOf(%s) = %d, want %d", k, got, want)
		}
	}
	// Every family draws a glyph of its own.
	var seen [][]byte
	for f := famFighting; f <= famOther; f++ {
		img := Swatch(LegendEntry{pin: ptr(eventPinStyle(f, 2))}, 48)
		for i, s := range seen {
			if string(s) == string(img.Pix) {
				t.Errorf("families %d and %d draw the same pin", i, f)
			}
		}
		seen = append(seen, img.Pix)
	}
}

func ptr[T any](v T) *T { return &v }

func TestEventDate(t *testing.T) {
	d := data.MustDate
	for _, tc := range []struct {
		e           data.Event
		long, short string
	}{
		{data.Event{Date: d("2020-01-06")}, "6 January 2020", "6 Jan 2020"},
		{data.Event{Date: d("2020-01-17"), DateTo: d("2020-01-18")}, "17–18 January 2020", "17–18 Jan 2020"},
		{data.Event{Date: d("2020-01-17"), DateTo: d("2020-01-17")}, "17 January 2020", "17 Jan 2020"},
		{data.Event{Date: d("2019-06-26"), DateTo: d("2019-07-03")}, "26 June – 3 July 2019", "26 Jun – 3 Jul 2019"},
		{data.Event{Date: d("2019-12-30"), DateTo: d("2020-01-02")}, "30 December 2019 – 2 January 2020", "30 Dec 2019 – 2 Jan 2020"},
		{data.Event{Date: d("2023-09-26"), DateApproximate: true}, "c. 26 September 2023", "c. 26 Sep 2023"},
	} {
		if got := EventDate(&tc.e, false); got != tc.long {
			t.Errorf("EventDate(%v) = %q, want %q", tc.e.Date, got, tc.long)
		}
		if got := EventDate(&tc.e, true); got != tc.short {
			t.Errorf("EventDate(%v, short) = %q, want %q", tc.e.Date, got, tc.short)
		}
	}
	e := data.Event{Date: d("2023-09-10"), DateTo: d("2023-09-11"), ShowDays: 90}
	if got := ShownUntil(&e); got != d("2023-12-10") {
		t.Errorf("ShownUntil = %s", got)
	}
}

// TestRangeUpperBound: a range that is an upper bound is said so in the
// legend and written on its ring, and drawn dotted without a tint.
func TestRangeUpperBound(t *testing.T) {
	r := newRenderer(t)
	b := r.Briefing()
	dep, _ := b.Deployment("d2020-turkey-drones")
	if !dep.RangeMax {
		t.Fatal("d2020-turkey-drones: want range_max")
	}
	if got := RangeText(dep, false); got != "less than 200 km" {
		t.Errorf("RangeText = %q", got)
	}
	exact := *dep
	exact.RangeMax = false
	if got := RangeText(&exact, true); got != "200 km" {
		t.Errorf("RangeText of an exact range = %q", got)
	}
	o := Options{Date: d2020, Layers: AllLayers()}
	var labels []string
	for _, e := range r.Legend(o) {
		labels = append(labels, e.Label)
	}
	if !slices.Contains(labels, "Range, Turkey (less than 200 km)") {
		t.Errorf("legend %q: want the range as an upper bound", labels)
	}
	if rangeTint(b, dep).Fill.A != 0 || rangeTint(b, &exact).Fill.A == 0 {
		t.Error("an upper bound must have no tint, an exact range one")
	}
	if slices.Equal(rangeLine(b, dep, 1).Stroke.Dash, rangeLine(b, &exact, 1).Stroke.Dash) {
		t.Error("an upper bound is drawn like an exact range")
	}
	m := r.Map(1280, 800, r.HomeView(1280, 800), o)
	found := 0
	for _, l := range m.Layers {
		for _, obj := range l.Objects {
			if lb, ok := obj.(*geo.Label); ok && lb.Text == "< 200 km" && lb.Key == refOf(data.KindDeployment, dep.ID) {
				found++
			}
		}
	}
	if found != len(b.DeploymentPoints(dep)) {
		t.Errorf("%d ring labels \"< 200 km\", want one per ring", found)
	}
}

// TestAlliesShareAnEntryAndAreNamed: the South Protection Force, on the
// GNA's side, holds Murzuq in 2020 in the GNA's colour: one legend entry
// keys both, and the map writes its name in its zone.
func TestAlliesShareAnEntryAndAreNamed(t *testing.T) {
	r := newRenderer(t)
	o := Options{Date: d2020, Layers: AllLayers()}
	var labels []string
	for _, e := range r.Legend(o) {
		labels = append(labels, e.Label)
	}
	if !slices.Contains(labels, "Held by Government of National Accord or South Protection Force") ||
		slices.Contains(labels, "Held by South Protection Force") {
		t.Errorf("legend %q: want the GNA and the SPF in one entry", labels)
	}
	m := r.Map(1280, 800, r.HomeView(1280, 800), o)
	var named []string
	for _, l := range m.Layers {
		for _, obj := range l.Objects {
			if zn, ok := obj.(*zoneName); ok {
				named = append(named, zn.Key+"="+zn.Text)
			}
		}
	}
	if want := []string{"zone:z2020-murzuq=South Protection Force"}; !slices.Equal(named, want) {
		t.Errorf("zones named on the map %q, want %q", named, want)
	}
	// In 2023 the LNA holds Murzuq (low confidence): nobody to tell apart.
	o.Date = d2023
	for _, e := range r.Legend(o) {
		if strings.HasPrefix(e.Label, "Held by") && strings.Contains(e.Label, " or ") {
			t.Errorf("2023 legend: %q", e.Label)
		}
	}
}
