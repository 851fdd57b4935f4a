package slide

import (
	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/data"
)

// fixture returns a small briefing with the shape of the Libya one: two
// sides, a leader, backers, two zones, a contested strip, places,
// deployments and events, and excerpts from two sources.
func fixture() *data.Briefing {
	box := func(w, s, e, n float64) orb.MultiPolygon {
		return orb.MultiPolygon{{{{w, s}, {e, s}, {e, n}, {w, n}, {w, s}}}}
	}
	pt := func(lon, lat float64) *orb.Point { p := orb.Point{lon, lat}; return &p }
	from := data.Period{From: data.MustDate("2019-04-04"), To: data.MustDate("2020-06-04")}
	b := &data.Briefing{
		ID:          "testland",
		Title:       "Testland: who holds what",
		Subtitle:    "Territorial control, oil and foreign forces",
		DefaultDate: data.MustDate("2020-01-19"),
		BBox:        orb.Bound{Min: orb.Point{9, 19}, Max: orb.Point{26, 34.5}},
		Sides:       []data.Side{{ID: "west", Name: "Western government"}, {ID: "east", Name: "Eastern army"}},
		Notes:       "Boundaries are approximate. Background facts are marked as such.",
		Sources: []data.Source{
			{ID: "paper-a", Publisher: "The Daily Paper", Title: "A war of many sponsors", Date: data.MustDate("2020-01-19")},
			{ID: "paper-b", Publisher: "The Weekly", Title: "The spoiler", Date: data.MustDate("2020-01-23")},
			{ID: "site-c", Publisher: "News site", Title: "Later news", Date: data.MustDate("2023-09-30"), DateApproximate: true},
		},
		Excerpts: []data.Excerpt{
			{ID: "x-east-most", Source: "paper-b", Text: "the warlord who controls most of the country", About: []string{"east-army", "warlord", "z-east"}},
			{ID: "x-mercs", Source: "paper-b", Text: "hundreds of mercenaries from a private military company fight for the eastern army", About: []string{"mercs", "d-mercs"}},
			{ID: "x-drones", Source: "paper-a", Text: "drones sent by the northern ally have a range of less than 200km", About: []string{"ally", "d-drones", "west-gov"}},
			{ID: "x-blockade", Source: "paper-a", Text: "forces loyal to the warlord shut down the main oil ports", About: []string{"terminal", "east-army"}},
			{ID: "x-later", Source: "site-c", Text: "the envoy warned leaders about foreign ties", About: []string{"west-gov"}},
			{ID: "x-treaty", Source: "paper-a", Text: "leaders met abroad to sign a peace treaty in the capital", About: []string{"e-treaty-sourced"}},
		},
		Actors: []data.Actor{
			{ID: "west-gov", Name: "Western Government", Aliases: []string{"WG"}, Kind: data.Faction, Side: "west", Backers: []string{"ally"}},
			{ID: "east-army", Name: "Eastern Army", Aliases: []string{"EA", "Eastern Forces"}, Kind: data.Faction, Side: "east", Backers: []string{"mercs", "patron"},
				Sourced: data.Sourced{"backers": {"x-mercs"}}},
			{ID: "warlord", Name: "The Warlord", Kind: data.Person, Side: "east", Leads: "east-army", Sourced: data.Sourced{"leads": {"x-east-most"}}},
			{ID: "ally", Name: "Northern Ally", Kind: data.State, Side: "west"},
			{ID: "mercs", Name: "Mercenary Company", Kind: data.ArmedGroup, Side: "east"},
			{ID: "patron", Name: "Gulf Patron", Kind: data.State, Side: "east"},
		},
		Zones: []data.Zone{
			{ID: "z-west", Name: "North-west", Controller: "west-gov", Valid: from, Confidence: data.Medium, Geometry: box(9.5, 29, 15, 33.5)},
			{ID: "z-east", Name: "East and south", Controller: "east-army", Valid: from, Confidence: data.High,
				Sourced: data.Sourced{"controller": {"x-east-most"}}, Geometry: box(15, 19.5, 25, 33)},
			{ID: "z-front", Name: "Front", ContestedBy: []string{"west-gov", "east-army"}, Valid: from, Confidence: data.Low, Geometry: box(14, 29, 16, 33)},
		},
		Places: []data.Place{
			{ID: "terminal", Name: "Es Sider", Kind: data.OilTerminal, Point: orb.Point{18.35, 30.63}, Importance: 1,
				Statuses: []data.PlaceStatus{{Status: "blockaded", Valid: data.Period{From: data.MustDate("2020-01-18")}, Sourced: data.Sourced{"status": {"x-blockade"}}}}},
			{ID: "airbase", Name: "Al Jufra", Kind: data.Airbase, Point: orb.Point{16.4, 29.2}, Importance: 1},
			{ID: "capital", Name: "Tripoli", Kind: data.City, Point: orb.Point{13.19, 32.89}, Importance: 1},
		},
		Deployments: []data.Deployment{
			{ID: "d-mercs", Name: "Mercenaries", Actor: "mercs", Supports: "east-army", What: "mercenaries", Places: []string{"airbase"},
				Strength: "hundreds", Valid: from, Confidence: data.Medium, Sourced: data.Sourced{"strength": {"x-mercs"}}},
			{ID: "d-drones", Name: "Northern Ally drones", Actor: "ally", Supports: "west-gov", What: "drones", Point: pt(13.2, 32.7),
				RangeKM: 200, Valid: from, Confidence: data.High, Sourced: data.Sourced{"range_km": {"x-drones"}}},
			{ID: "d-advisers", Name: "Patron advisers", Actor: "patron", Supports: "east-army", What: "advisers", Point: pt(20.1, 32.1),
				Valid: from, Confidence: data.Low},
		},
		// An event on the map two days before the default date, and two
		// abroad (off the map).
		Events: []data.Event{
			{ID: "e-port-strike", Title: "Oil ports shut", Kind: data.Blockade, Date: data.MustDate("2020-01-17"), DateTo: data.MustDate("2020-01-18"),
				Point: pt(23, 27), Actors: []string{"east-army"}, ShowDays: 60, Confidence: data.High},
			{ID: "e-treaty", Title: "Peace treaty signed", Kind: data.Agreement, Date: data.MustDate("2020-01-12"), DateApproximate: true,
				Point: pt(13.4, 52.5), ShowDays: 60, Confidence: data.Medium},
			{ID: "e-treaty-sourced", Title: "Peace treaty in the capital", Kind: data.Agreement, Date: data.MustDate("2020-01-12"),
				Point: pt(13.4, 52.5), Actors: []string{"west-gov", "east-army"}, ShowDays: 60, Confidence: data.Medium,
				Sourced: data.Sourced{"title": {"x-treaty"}}},
		},
	}
	b.Reindex()
	return b
}
