package slide

import (
	"slices"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/data"
)

// Rules added with events, holders and the citing of every source (issue
// 10): each TestRule… checks the rule of the package doc with that name.

func TestRuleCalloutEvents(t *testing.T) {
	b := fixture()
	pt := func(lon, lat float64) *orb.Point { p := orb.Point{lon, lat}; return &p }
	b.Events = append(b.Events,
		data.Event{ID: "e-old", Title: "An old battle", Kind: data.Battle, Date: data.MustDate("2019-12-01"), Point: pt(22, 24), ShowDays: 90, Confidence: data.High},
		data.Event{ID: "e-new1", Title: "A raid", Kind: data.Offensive, Date: data.MustDate("2020-01-15"), Point: pt(24, 21), ShowDays: 60, Confidence: data.High},
		data.Event{ID: "e-new2", Title: "A vote", Kind: data.Vote, Date: data.MustDate("2020-01-18"), Point: pt(19, 22), ShowDays: 60, Confidence: data.High},
	)
	b.Reindex()
	o := defaultOptions(b)
	c := contentOf(b, o, data.Ref{})
	var events []string
	for i, cl := range c.callouts {
		if cl.Ref.Kind == data.KindEvent {
			events = append(events, cl.Ref.ID)
			if i != len(events)-1 {
				t.Errorf("event %s called out after a force or a place", cl.Ref.ID)
			}
		}
	}
	// The two newest that began at most 31 days before: not the raid (third
	// newest), not the battle of 1 December (49 days before, still a pin).
	if want := []string{"e-new2", "e-port-strike"}; !slices.Equal(events, want) {
		t.Errorf("events called out %q, want %q", events, want)
	}
	if !slices.Contains(c.visible, "e-old") {
		t.Error("the old battle is not shown")
	}
	// The focus event first, however old; a focus off the map gets no
	// callout, and the subtitle says where it took place.
	if c := contentOf(b, o, ref(data.KindEvent, "e-old")); c.callouts[0].Ref.ID != "e-old" {
		t.Errorf("first callout %v, want the focus event", c.callouts[0].Ref)
	}
	s := fixtureSpec(t, b)
	s.Focus = ref(data.KindEvent, "e-treaty")
	l := laidOut(t, s)
	for _, cl := range l.callouts {
		if cl.Ref.ID == "e-treaty" {
			t.Error("the treaty signed abroad is called out on the map")
		}
	}
	if text := runTexts(l); !strings.Contains(text, "Focus: Peace treaty signed (c. 12 Jan 2020)†, in Germany, outside the map.") {
		t.Errorf("the subtitle does not say where the focus event took place:\n%s", text)
	}
	// Long after, no event is called out.
	o.Date = data.MustDate("2020-03-10")
	for _, cl := range contentOf(b, o, data.Ref{}).callouts {
		if cl.Ref.Kind == data.KindEvent {
			t.Errorf("%s called out on %s", cl.Ref.ID, o.Date)
		}
	}
}

func TestRuleQuotesCurrent(t *testing.T) {
	b := fixture()
	// After the first period, the west holds a new zone: the western
	// government is on the map again, but the drones (and x-drones, about
	// them) belong to the period before.
	b.Zones = append(b.Zones, data.Zone{ID: "z-west-2", Name: "North-west", Controller: "west-gov",
		Valid: data.Period{From: data.MustDate("2020-06-05")}, Confidence: data.Medium, Geometry: b.Zones[0].Geometry})
	b.Reindex()
	ix := newIndex(b)
	later := data.MustDate("2020-08-01")
	if !ix.aboutAnotherTime(ix.excerpt("x-drones"), later) || ix.aboutAnotherTime(ix.excerpt("x-drones"), b.DefaultDate) {
		t.Error("x-drones: about the drones of 2019–2020, of another time on 1 August 2020 only")
	}
	if ix.aboutAnotherTime(ix.excerpt("x-later"), later) {
		t.Error("x-later is about an actor, of no time")
	}
	o := defaultOptions(b)
	o.Date = later
	got := excerptIDs(contentOf(b, o, data.Ref{}).excerpts)
	if slices.Contains(got, "x-drones") || !slices.Contains(got, "x-later") {
		t.Errorf("excerpts on %s: %q; want x-later, never x-drones", later, got)
	}
	// An event no longer shown is of another time too.
	b.Excerpts = append(b.Excerpts, data.Excerpt{ID: "x-strike", Source: "paper-b", Text: "the ports were shut", About: []string{"e-port-strike", "east-army"}})
	b.Reindex()
	if ix := newIndex(b); !ix.aboutAnotherTime(ix.excerpt("x-strike"), data.MustDate("2020-06-01")) {
		t.Error("an excerpt about an event no longer shown is not of another time")
	}

	// The Libya slide of 30 September 2023 quotes nothing about a record
	// of another period: not the Syrians Turkey sent in January 2020, nor
	// the GNA, which no longer holds ground (nor Fayez al-Sarraj, who led
	// it).
	l := laidOut(t, libyaSpec(t, "2023-09-30", data.Ref{}))
	lix := newIndex(l.s.Briefing)
	for _, tc := range []struct {
		id, date string
		past     bool
	}{
		{"gna", "2023-09-30", true}, {"sarraj", "2023-09-30", true}, {"gnu", "2020-01-19", true},
		{"gna", "2020-01-19", false}, {"gnu", "2023-09-30", false}, {"lna", "2023-09-30", false},
		{"russia", "2023-09-30", false}, {"un", "2023-09-30", false},
	} {
		if got := lix.pastActor(tc.id, data.MustDate(tc.date)); got != tc.past {
			t.Errorf("pastActor(%s, %s) = %v, want %v", tc.id, tc.date, got, tc.past)
		}
	}
	for _, e := range l.quotes {
		if lix.aboutAnotherTime(e, l.opts.Date) || e.ID == "econ-syrians-defend-tripoli" {
			t.Errorf("2023 slide quotes %s (%q), about a record of another time", e.ID, e.Text)
		}
	}
}

func TestRuleDatedCitation(t *testing.T) {
	ix := newIndex(fixture())
	for _, tc := range []struct {
		excerpt, date, want string
	}{
		{"x-drones", "2020-01-19", "[2]"},
		{"x-drones", "2020-04-19", "[2]"},                   // 91 days after
		{"x-drones", "2020-06-01", "[2, January 2020]"},     // more than three months after
		{"x-later", "2020-01-19", "[2, c. September 2023]"}, // later, and approximately dated
	} {
		if got := ix.cite(ix.excerpt(tc.excerpt), 2, data.MustDate(tc.date)); got != tc.want {
			t.Errorf("cite(%s, %s) = %q, want %q", tc.excerpt, tc.date, got, tc.want)
		}
	}
	// On a slide of late May 2020 the January quotes give their month.
	s := fixtureSpec(t, fixture())
	s.Options.Date = data.MustDate("2020-05-25")
	l := laidOut(t, s)
	assertTextFits(t, l)
	if len(l.quotes) == 0 {
		t.Fatal("no quotes")
	}
	if text := runTexts(l); strings.Count(text, ", January 2020]") != len(l.quotes) {
		t.Errorf("%d quotes; want each to cite January 2020:\n%s", len(l.quotes), text)
	}
}

func TestRuleSourcesCited(t *testing.T) {
	check := func(name string, l *layout) {
		t.Helper()
		cited := sideCitations(l)
		for i := range l.sources {
			if !slices.Contains(cited, i+1) {
				t.Errorf("%s: source [%d] %s is listed, but nothing on the slide cites it", name, i+1, l.sources[i])
			}
		}
		for _, n := range cited {
			if n < 1 || n > len(l.sources) {
				t.Errorf("%s: [%d] cited, %d sources listed", name, n, len(l.sources))
			}
		}
		// Every fact backed by an excerpt shows a citation (lines joined
		// again where they wrapped).
		flat := strings.ReplaceAll(runTexts(l), "\n", " ")
		for _, cl := range l.callouts {
			for _, p := range cl.Parts {
				if len(p.Sources) > 0 && !strings.Contains(flat, p.Text+" [") {
					t.Errorf("%s: callout fact %q backed by %v is not cited", name, p.Text, p.Sources)
				}
			}
		}
	}
	l := laidOut(t, fixtureSpec(t, fixture()))
	check("fixture", l)
	assertTextFits(t, l)
	if slices.Contains(l.sources, "site-c") {
		t.Errorf("sources %q list a source nothing on the slide cites", l.sources)
	}
	for _, date := range []string{"", "2023-09-30"} {
		check("libya "+date, laidOut(t, libyaSpec(t, date, data.Ref{})))
	}
	// A slide that cites nothing lists no source, and says so.
	b := fixture()
	b.Excerpts = nil
	for i := range b.Actors {
		b.Actors[i].Sourced = nil
	}
	for i := range b.Zones {
		b.Zones[i].Sourced = nil
	}
	for i := range b.Places {
		b.Places[i].Sourced = nil
		for j := range b.Places[i].Statuses {
			b.Places[i].Statuses[j].Sourced = nil
		}
	}
	for i := range b.Deployments {
		b.Deployments[i].Sourced = nil
	}
	for i := range b.Events {
		b.Events[i].Sourced = nil
	}
	b.Reindex()
	l = laidOut(t, fixtureSpec(t, b))
	if len(l.sources) != 0 || !strings.Contains(runTexts(l), "Sources: none cited; every fact on this slide is background knowledge (†).") {
		t.Errorf("a slide without citations lists %q:\n%s", l.sources, runTexts(l))
	}
}
