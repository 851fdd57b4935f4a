package slide

import (
	"slices"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/scene"
)

// Each test named TestRule… checks the rule of the package doc with that
// name, on the small fixture briefing.

// frameSize is the pixel size of the maps the rule tests choose content for.
const frameSize = 1000

// frameIn returns the frame of a frameSize² map of the whole briefing, as
// the scene draws it, that shows what lies inside bounds.
func frameIn(b *data.Briefing, o scene.Options, bounds orb.Bound) mapFrame {
	r := scene.NewRenderer(b, nil)
	v := scene.FitView(b.BBox, frameSize, frameSize, 0)
	f := newMapFrame(r, frameSize, frameSize, v, o)
	f.shown = r.InView(o, bounds)
	return f
}

// contentOf chooses the content of the whole briefing's map on o.Date.
func contentOf(b *data.Briefing, o scene.Options, focus data.Ref) *content {
	return chooseContent(newIndex(b), frameIn(b, o, b.BBox), o, focus)
}

func defaultOptions(b *data.Briefing) scene.Options {
	return scene.Options{Date: b.DefaultDate, Layers: scene.AllLayers()}
}

// calloutLines returns "id=label" for each callout.
func calloutLines(c *content) []string {
	var out []string
	for _, cl := range c.callouts {
		out = append(out, cl.Ref.ID+"="+cl.Label)
	}
	return out
}

func actorIDs(ls []actorLine) []string {
	var out []string
	for _, a := range ls {
		out = append(out, a.ID)
	}
	return out
}

func excerptIDs(es []*data.Excerpt) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.ID)
	}
	return out
}

func ref(k data.Kind, id string) data.Ref { return data.Ref{Kind: k, ID: id} }

func TestRuleShown(t *testing.T) {
	b := fixture()
	o := defaultOptions(b)
	// The east of the fixture: the eastern zone, Es Sider, the advisers and
	// the port strike; not the west, the front (14–16E), the airbase
	// (16.4E) or the forces there, nor the treaties signed abroad.
	east := orb.Bound{Min: orb.Point{16.5, 19}, Max: orb.Point{26, 34.5}}
	c := chooseContent(newIndex(b), frameIn(b, o, east), o, data.Ref{})
	if want := []string{"z-east", "terminal", "d-advisers", "e-port-strike"}; !slices.Equal(c.visible, want) {
		t.Errorf("shown %q, want %q", c.visible, want)
	}
	if want := []string{"e-port-strike=Oil ports shut (17–18 Jan 2020)†", "d-advisers=Patron advisers†", "terminal=Es Sider — EA-held, blockaded"}; !slices.Equal(calloutLines(c), want) {
		t.Errorf("callouts %q, want %q", calloutLines(c), want)
	}
	// Only what is shown weighs: the eastern army (its zone, the advisers it
	// is supported by) and the patron (the advisers); nothing of the west.
	if got, want := actorIDs(c.actors), []string{"east-army", "patron"}; !slices.Equal(got, want) {
		t.Errorf("actors %q, want %q", got, want)
	}
	// After the forces' validity, none is shown or called out; nor an
	// event after its days on the map.
	o.Date = data.MustDate("2021-01-01")
	c = contentOf(b, o, data.Ref{})
	for _, id := range c.visible {
		if k := b.KindOf(id); k == data.KindDeployment || k == data.KindZone || k == data.KindEvent {
			t.Errorf("%s %s shown after its validity", k, id)
		}
	}
	// With only the zones layer on, there is nothing to call out.
	o = scene.Options{Date: b.DefaultDate, Layers: scene.Layers{Zones: true}}
	if c := contentOf(b, o, data.Ref{}); len(c.callouts) != 0 {
		t.Errorf("callouts with only zones shown: %+v", c.callouts)
	}
}

func TestRuleCalloutOrder(t *testing.T) {
	b := fixture()
	o := defaultOptions(b)
	want := []string{
		"e-port-strike=Oil ports shut (17–18 Jan 2020)†", // a recent event
		"d-drones=Northern Ally drones",                  // high confidence
		"d-mercs=Mercenaries — Al Jufra (hundreds)",      // medium
		"d-advisers=Patron advisers†",                    // low; wholly background
		"terminal=Es Sider — EA-held, blockaded",         // importance 1 with a status
	}
	if got := calloutLines(contentOf(b, o, data.Ref{})); !slices.Equal(got, want) {
		t.Errorf("callouts\n got %q\nwant %q", got, want)
	}
	// The focus actor's forces first, before the events; a focus place or
	// force first of all.
	if c := contentOf(b, o, ref(data.KindActor, "mercs")); c.callouts[0].Ref.ID != "d-mercs" || c.callouts[1].Ref.ID != "e-port-strike" {
		t.Errorf("callouts %q, want the focus actor's deployment, then the event", calloutLines(c))
	}
	for _, f := range []data.Ref{ref(data.KindPlace, "airbase"), ref(data.KindDeployment, "d-advisers")} {
		if c := contentOf(b, o, f); c.callouts[0].Ref != f {
			t.Errorf("first callout %v, want the focus %v", c.callouts[0].Ref, f)
		}
	}
	// The caller's own callouts, in the caller's order.
	o.Callouts = []data.Ref{ref(data.KindPlace, "capital"), ref(data.KindDeployment, "d-mercs")}
	if got, want := calloutLines(contentOf(b, o, data.Ref{})), []string{"capital=Tripoli — WG-held†", "d-mercs=Mercenaries — Al Jufra (hundreds)"}; !slices.Equal(got, want) {
		t.Errorf("caller's callouts %q, want %q", got, want)
	}
}

func TestRuleCalloutOnMap(t *testing.T) {
	b := fixture()
	b.Deployments[1].Places = []string{"airbase"} // the drones: a point at 13.2E and the airbase at 16.4E
	b.Reindex()
	o := defaultOptions(b)
	// A narrow map of 15E-25E: the drones' point lies west of it, the
	// mercenaries' marker at the airbase just inside its left edge.
	const w, h = 100, 200
	r := scene.NewRenderer(b, nil)
	f := newMapFrame(r, w, h, scene.FitView(orb.Bound{Min: orb.Point{15, 19}, Max: orb.Point{25, 34.5}}, w, h, 0), o)
	if x, y, ok := f.anchor(ref(data.KindDeployment, "d-mercs")); ok || x <= 0 || x >= w || y <= 0 || y >= h {
		t.Fatalf("the mercenaries' anchor (%.0f, %.0f), ok %v: want it on the map but too near its edge", x, y, ok)
	}
	c := chooseContent(newIndex(b), f, o, data.Ref{})
	if !slices.Contains(c.visible, "d-drones") {
		t.Error("the drones, with a place on the map, are not counted as shown")
	}
	for _, cl := range c.callouts {
		if _, _, ok := f.anchor(cl.Ref); !ok {
			t.Errorf("callout for %s, whose disc would not show whole", cl.Ref.ID)
		}
		if cl.Ref.ID == "d-drones" || cl.Ref.ID == "d-mercs" {
			t.Errorf("callout for %s, anchored off the map or on its edge", cl.Ref.ID)
		}
	}
	if len(c.callouts) == 0 {
		t.Error("no callout at all")
	}
}

func TestRuleCalloutSharedSpot(t *testing.T) {
	b := fixture()
	// Put the advisers, and one more force, next to the drones.
	b.Deployments[2].Point = &orb.Point{13.25, 32.72}
	b.Deployments = append(b.Deployments, data.Deployment{ID: "d-extra", Name: "Extra", Actor: "patron", What: "troops",
		Point: &orb.Point{13.22, 32.69}, Valid: b.Deployments[2].Valid, Confidence: data.Low})
	b.Reindex()
	c := contentOf(b, defaultOptions(b), data.Ref{})
	want := []string{
		"e-port-strike=Oil ports shut (17–18 Jan 2020)†",
		"d-drones=Northern Ally drones; Patron advisers†", // two records a line at most: Extra is left out
		"d-mercs=Mercenaries — Al Jufra (hundreds)",
		"terminal=Es Sider — EA-held, blockaded",
	}
	if got := calloutLines(c); !slices.Equal(got, want) {
		t.Errorf("callouts\n got %q\nwant %q", got, want)
	}
	if refs := c.callouts[1].Refs; len(refs) != 2 || refs[1].ID != "d-advisers" {
		t.Errorf("second callout's records %v", refs)
	}
}

func TestRuleCalloutLimit(t *testing.T) {
	b := fixture()
	// Ten more forces, far apart along 24N.
	for i := range 10 {
		b.Deployments = append(b.Deployments, data.Deployment{ID: "d-" + string(rune('a'+i)), Name: "Force", Actor: "patron", What: "troops",
			Point: &orb.Point{10 + 1.5*float64(i), 24}, Valid: b.Deployments[0].Valid, Confidence: data.High})
	}
	b.Reindex()
	if c := contentOf(b, defaultOptions(b), data.Ref{}); len(c.callouts) != maxCallouts {
		t.Errorf("%d callouts, want %d", len(c.callouts), maxCallouts)
	}
}

func TestRuleCalloutLabel(t *testing.T) {
	b := fixture()
	b.Deployments = append(b.Deployments,
		data.Deployment{ID: "d-front", Name: "Front fighters", Actor: "mercs", What: "fighters", Point: &orb.Point{15, 30}, Strength: "not stated",
			Valid: b.Deployments[0].Valid},
		data.Deployment{ID: "d-garrison", Name: "Al Jufra garrison", Actor: "mercs", What: "troops", Places: []string{"airbase"},
			Valid: b.Deployments[0].Valid})
	b.Reindex()
	ix := newIndex(b)
	for _, tc := range []struct {
		ref  data.Ref
		want string
	}{
		{ref(data.KindDeployment, "d-mercs"), "Mercenaries — Al Jufra (hundreds)"}, // its place, its strength
		{ref(data.KindDeployment, "d-front"), "Front fighters — Front†"},           // the front line its point lies on; no "not stated"
		{ref(data.KindDeployment, "d-garrison"), "Al Jufra garrison†"},             // a place its name already gives
		{ref(data.KindPlace, "terminal"), "Es Sider — EA-held, blockaded"},         // its holder (by acronym) and its status on the date
		{ref(data.KindPlace, "capital"), "Tripoli — WG-held†"},                     // its holder
		{ref(data.KindEvent, "e-port-strike"), "Oil ports shut (17–18 Jan 2020)†"}, // an event's title and date
		{ref(data.KindEvent, "e-treaty"), "Peace treaty signed (c. 12 Jan 2020)†"}, // "c." when approximate
	} {
		if got := plainText(ix.calloutLabel(tc.ref, b.DefaultDate)); got != tc.want {
			t.Errorf("label of %s = %q, want %q", tc.ref.ID, got, tc.want)
		}
	}
	// Who holds a place: by acronym, else by name; the contesters of a
	// front line.
	for _, tc := range []struct {
		h    data.Holding
		want string
	}{
		{data.Holding{Holder: "east-army"}, "EA-held"},
		{data.Holding{Holder: "ally"}, "held by Northern Ally"},
		{data.Holding{ContestedBy: []string{"west-gov", "east-army"}}, "contested by WG and EA"},
		{data.Holding{ContestedBy: []string{"west-gov", "ally", "east-army"}}, "contested by WG, Northern Ally and EA"},
	} {
		if got := ix.holderPhrase(tc.h); got != tc.want {
			t.Errorf("holderPhrase(%+v) = %q, want %q", tc.h, got, tc.want)
		}
	}
}

func TestRuleBackgroundMark(t *testing.T) {
	b := fixture()
	ix := newIndex(b)
	for _, tc := range []struct {
		ref  data.Ref
		want string // the label with its citations
	}{
		{ref(data.KindDeployment, "d-advisers"), "Patron advisers†"},                   // nothing sourced
		{ref(data.KindDeployment, "d-mercs"), "Mercenaries — Al Jufra (hundreds) [2]"}, // its strength is
		{ref(data.KindPlace, "terminal"), "Es Sider — EA-held [2], blockaded [1]"},     // its zone's controller and its status are
		{ref(data.KindPlace, "capital"), "Tripoli — WG-held†"},                         // its zone's controller is not
		{ref(data.KindEvent, "e-port-strike"), "Oil ports shut (17–18 Jan 2020)†"},
		{ref(data.KindEvent, "e-treaty-sourced"), "Peace treaty in the capital [1] (12 Jan 2020)†"},
	} {
		num := func(id string) int { return slices.Index([]string{"paper-a", "paper-b", "site-c"}, id) + 1 }
		if got := withCitations(ix.calloutLabel(tc.ref, b.DefaultDate), num); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.ref.ID, got, tc.want)
		}
	}
	c := contentOf(b, defaultOptions(b), data.Ref{})
	for _, a := range c.actors {
		switch a.ID {
		case "west-gov": // backers no excerpt backs
			if !strings.HasSuffix(a.Detail, "backed by Northern Ally†") {
				t.Errorf("west-gov detail %q: unsourced backers must be marked", a.Detail)
			}
		case "east-army": // leader and backers sourced
			if strings.Contains(a.Detail, "†") {
				t.Errorf("east-army detail %q is marked", a.Detail)
			}
		}
	}
	_, l := layoutOf(t, nil)
	text := runTexts(l)
	if !strings.Contains(text, "Patron advisers†") || !strings.Contains(text, "† Background knowledge, not backed by a source excerpt.") {
		t.Errorf("the slide marks no background fact, or does not say what † means:\n%s", text)
	}
}

func TestRuleActorsFocus(t *testing.T) {
	b := fixture()
	o := defaultOptions(b)
	ix := newIndex(b)
	for _, tc := range []struct {
		focus      data.Ref
		about, all []string
	}{
		{ref(data.KindActor, "mercs"), []string{"mercs"}, []string{"mercs"}},
		// The force's actor and whom it supports, then the backers of the
		// latter (the warlord folds into the army's line).
		{ref(data.KindDeployment, "d-mercs"), []string{"mercs", "east-army"}, []string{"mercs", "east-army", "patron"}},
		// The holder of the place and the forces there; the mercenaries
		// also back the army, and so come first.
		{ref(data.KindPlace, "airbase"), []string{"east-army", "mercs"}, []string{"mercs", "east-army", "patron"}},
		// A contested zone's contenders and their backers.
		{ref(data.KindZone, "z-front"), []string{"west-gov", "east-army"}, []string{"west-gov", "east-army", "ally", "mercs", "patron"}},
		// An excerpt's actors, and those of the records it is about.
		{ref(data.KindExcerpt, "x-drones"), []string{"ally", "west-gov"}, []string{"ally", "west-gov"}},
		// An event's actors, then who holds where it took place; an event
		// with no actors, who holds the place.
		{ref(data.KindEvent, "e-treaty-sourced"), []string{"west-gov", "east-army"}, []string{"west-gov", "east-army", "ally", "mercs", "patron"}},
		{ref(data.KindEvent, "e-port-strike"), []string{"east-army"}, []string{"east-army", "mercs", "patron"}},
	} {
		if got := ix.actorsOf(tc.focus, b.DefaultDate); !slices.Equal(got, tc.about) {
			t.Errorf("actors of %s: %q, want %q", tc.focus.ID, got, tc.about)
		}
		if got := actorIDs(contentOf(b, o, tc.focus).actors); !slices.Equal(got, tc.all) {
			t.Errorf("key actors of %s: %q, want %q", tc.focus.ID, got, tc.all)
		}
	}
}

func TestRuleActorsWeight(t *testing.T) {
	b := fixture()
	// Weights: east-army 3+1+1+1 = 6, west-gov 3+1+1 = 5, ally, mercs and
	// patron 2 each; west side first, then east.
	if got, want := actorIDs(contentOf(b, defaultOptions(b), data.Ref{}).actors), []string{"west-gov", "ally", "east-army", "mercs", "patron"}; !slices.Equal(got, want) {
		t.Errorf("actors %q, want %q", got, want)
	}
}

func TestRuleLeaderFolds(t *testing.T) {
	b := fixture()
	c := contentOf(b, defaultOptions(b), ref(data.KindActor, "warlord"))
	if slices.Contains(actorIDs(c.actors), "warlord") {
		t.Errorf("the warlord has a line of his own: %q", actorIDs(c.actors))
	}
	i := slices.Index(actorIDs(c.actors), "east-army")
	if i < 0 || !strings.Contains(c.actors[i].Detail, "led by The Warlord") {
		t.Errorf("the army's line does not name its leader: %+v", c.actors)
	}
}

func TestRuleActorLimit(t *testing.T) {
	b := fixture()
	b.Actors = append(b.Actors, data.Actor{ID: "a1", Name: "First", Kind: data.ArmedGroup, Side: "east"}, data.Actor{ID: "a2", Name: "Second", Kind: data.ArmedGroup, Side: "east"})
	for _, id := range []string{"a1", "a2"} {
		b.Deployments = append(b.Deployments, data.Deployment{ID: "d-" + id, Name: id, Actor: id, What: "troops", Point: &orb.Point{22, 25}, Valid: b.Deployments[0].Valid})
	}
	b.Reindex()
	c := contentOf(b, defaultOptions(b), data.Ref{})
	// east-army 6, west-gov 5, then weight 2 by id: a1, a2, ally; mercs and
	// patron are left out.
	got := actorIDs(c.actors)
	if len(got) != maxActors || slices.Contains(got, "mercs") || slices.Contains(got, "patron") || !slices.Contains(got, "a2") {
		t.Errorf("actors %q: want the five weightiest", got)
	}
	if got := actorIDs(topActors(c.actors, 2)); !slices.Equal(got, []string{"west-gov", "east-army"}) {
		t.Errorf("the two weightiest: %q", got)
	}
}

func TestRuleExcerptsFocusFirst(t *testing.T) {
	b := fixture()
	c := contentOf(b, defaultOptions(b), ref(data.KindActor, "east-army"))
	// About the army, newest source first: The Weekly (23 January) before
	// The Daily Paper (19 January).
	if got, want := excerptIDs(c.excerpts)[:3], []string{"x-east-most", "x-mercs", "x-blockade"}; !slices.Equal(got, want) {
		t.Errorf("first excerpts %q, want %q", got, want)
	}
	if c := contentOf(b, defaultOptions(b), ref(data.KindActor, "mercs")); c.excerpts[0].ID != "x-mercs" {
		t.Errorf("first excerpt %q, want the focus's", c.excerpts[0].ID)
	}
}

func TestRuleExcerptsCover(t *testing.T) {
	b := fixture()
	// x-drones (ally, d-drones, west-gov) and x-east-most (east-army, the
	// warlord named in its line, z-east) back three shown records each:
	// x-drones's source is nearer the date. Then x-mercs (mercs, d-mercs),
	// x-blockade (terminal); x-later backs nothing new.
	if got, want := excerptIDs(contentOf(b, defaultOptions(b), data.Ref{}).excerpts), []string{"x-drones", "x-east-most", "x-mercs", "x-blockade"}; !slices.Equal(got, want) {
		t.Errorf("excerpts %q, want %q", got, want)
	}
}

func TestRuleStaleStatus(t *testing.T) {
	b := fixture()
	b.Places[0].Statuses[0].Valid.To = data.MustDate("2020-09-18")
	b.Places[0].Statuses = append(b.Places[0].Statuses, data.PlaceStatus{Status: "operating", Valid: data.Period{From: data.MustDate("2020-09-19")}})
	b.Reindex()
	ix := newIndex(b)
	e := ix.excerpt("x-blockade")
	for _, tc := range []struct {
		id   string
		date string
		want bool
	}{
		{"terminal", "2020-01-19", true},
		{"terminal", "2021-01-01", false},
		{"east-army", "2021-01-01", true}, // not a place: no status to be stale
	} {
		if got := ix.backsOn(e, tc.id, data.MustDate(tc.date)); got != tc.want {
			t.Errorf("backsOn(x-blockade, %s, %s) = %v, want %v", tc.id, tc.date, got, tc.want)
		}
	}
	o := defaultOptions(b)
	o.Date = data.MustDate("2021-01-01")
	if got := excerptIDs(contentOf(b, o, data.Ref{}).excerpts); slices.Contains(got, "x-blockade") {
		t.Errorf("excerpts %q quote the lifted blockade", got)
	}
}

func TestRuleContemporaryFirst(t *testing.T) {
	b := fixture()
	// A 2023 excerpt about the terminal, which the 2020 one also backs.
	b.Excerpts = append(b.Excerpts, data.Excerpt{ID: "x-terminal-2023", Source: "site-c", Text: "the terminal is shut", About: []string{"terminal"}})
	b.Reindex()
	o := defaultOptions(b)
	if got := excerptIDs(contentOf(b, o, data.Ref{}).excerpts); slices.Index(got, "x-blockade") < 0 || slices.Contains(got, "x-terminal-2023") {
		t.Errorf("2020 excerpts %q: want the 2020 source on the terminal, not the 2023 one", got)
	}
	o.Date = data.MustDate("2023-09-30")
	if got := excerptIDs(contentOf(b, o, data.Ref{}).excerpts); len(got) == 0 || got[0] != "x-terminal-2023" {
		t.Errorf("2023 excerpts %q: want the 2023 source first", got)
	}
}

func TestRuleQuotesWhole(t *testing.T) {
	long := strings.Repeat("a very long quotation that goes on and on about the war ", 20)
	_, l := layoutOf(t, func(b *data.Briefing) { b.Excerpts[0].Text = long }) // about east-army and z-east: ranks high
	for _, q := range l.quotes {
		if q.Text == long {
			t.Errorf("the %d-character excerpt was shown", len(long))
		}
	}
	if n := len(l.quotes); n < minExcerpts || n > maxExcerpts {
		t.Errorf("%d excerpts shown, want %d to %d", n, minExcerpts, maxExcerpts)
	}
	if text := runTexts(l); strings.Contains(text, "…") {
		t.Errorf("a quote was cut:\n%s", text)
	}
}

func TestRuleSacrifice(t *testing.T) {
	// Excerpts of four lines or so: two fit only once some actors go.
	b, l := layoutOf(t, func(b *data.Briefing) {
		for i := range b.Excerpts {
			b.Excerpts[i].Text += strings.Repeat(", which the reporters heard from several officials on the ground", 3)
		}
	})
	c := contentOf(b, defaultOptions(b), data.Ref{})
	if len(l.actors) >= len(c.actors) || len(l.actors) < 2 {
		t.Errorf("%d of %d actors shown: want some, not all", len(l.actors), len(c.actors))
	}
	if len(l.callouts) != len(c.callouts) {
		t.Errorf("%d of %d callouts shown: actors go first", len(l.callouts), len(c.callouts))
	}
	if len(l.quotes) < 2 || strings.Contains(runTexts(l), "…") {
		t.Errorf("%d quotes shown, or one was cut:\n%s", len(l.quotes), runTexts(l))
	}
	if got, want := actorIDs(l.actors), actorIDs(topActors(c.actors, len(l.actors))); !slices.Equal(got, want) {
		t.Errorf("actors kept %q, want the weightiest %q", got, want)
	}
}

func TestRuleSourcesListed(t *testing.T) {
	_, l := layoutOf(t, func(b *data.Briefing) {
		for i := range b.Sources {
			b.Sources[i].Title = strings.Repeat("An extremely long headline about the war ", 6)
		}
	})
	text := runTexts(l)
	for i := range l.sources {
		if !strings.Contains(text, "["+string(rune('1'+i))+"] ") {
			t.Errorf("source [%d] is not listed:\n%s", i+1, text)
		}
	}
	if len(l.sources) < 2 || !strings.Contains(text, "…") {
		t.Errorf("%d sources; want their long titles shortened:\n%s", len(l.sources), text)
	}
}
