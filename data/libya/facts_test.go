package libya

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/briefmap/briefmap/data"
)

// TestHoldersByPeriod pins who holds the places whose holder changed, or
// was corrected, across the periods of the zones (issue 10): Murzuq,
// the LNA pocket west of Tripoli in 2020, and the coastal terminals that
// lie just outside the Natural Earth coastline.
func TestHoldersByPeriod(t *testing.T) {
	b := load(t)
	cases := []struct {
		place, date, holder string
		nearest             bool // answered by the nearest zone (a point on the coastline)
	}{
		{"murzuq", "2019-07-15", "lna", false},
		{"murzuq", "2019-08-17", "lna", false},
		{"murzuq", "2019-08-18", "spf", false},
		{"murzuq", "2020-01-19", "spf", false},
		{"murzuq", "2020-09-01", "spf", false},
		{"murzuq", "2023-09-30", "lna", false},
		{"el-feel", "2020-01-19", "lna", false},
		{"sharara", "2020-01-19", "lna", false},
		{"sabratha", "2020-01-19", "lna", false},
		{"sabratha", "2020-04-12", "lna", false},
		{"sabratha", "2020-04-13", "gna", false},
		{"al-watiya", "2020-04-13", "lna", false},
		{"al-watiya", "2020-05-17", "lna", false},
		{"al-watiya", "2020-05-18", "gna", false},
		{"sirte", "2020-01-05", "gna", false},
		{"sirte", "2020-01-06", "lna", false},
		{"tarhuna", "2020-06-04", "lna", false},
		{"tarhuna", "2020-06-05", "gna", false},
		{"tripoli", "2021-03-09", "gna", false},
		{"tripoli", "2021-03-10", "gnu", false},
		{"brega", "2020-01-19", "lna", true},
		{"brega", "2023-09-30", "lna", true},
		{"mellitah", "2020-01-19", "gna", true},
		{"mellitah", "2023-09-30", "gnu", true},
		{"es-sider", "2020-01-19", "lna", false},
		{"sarir", "2020-01-19", "lna", false},
		{"wafa", "2020-01-19", "lna", false},
		{"zelten", "2023-09-30", "lna", false},
		{"misrata-airbase", "2023-09-30", "gnu", false},
		{"al-khadim", "2023-09-30", "lna", false},
	}
	for _, c := range cases {
		d := data.MustDate(c.date)
		h, ok := b.PlaceHolder(c.place, d)
		if !ok {
			t.Errorf("no place %s", c.place)
			continue
		}
		if h.Holder != c.holder || h.Nearest != c.nearest {
			t.Errorf("%s on %s: holder %q (nearest %v, %.2f km), want %q (nearest %v)", c.place, c.date, h.Holder, h.Nearest, h.DistanceKM, c.holder, c.nearest)
		}
	}
}

// TestPlacesOnTheCoastline lists the places that lie in no zone on some
// date and are answered by the nearest zone, and checks that this stays
// the known pair (Brega and Mellitah sit on the Natural Earth coastline)
// and that they are within a kilometre of their zone.
func TestPlacesOnTheCoastline(t *testing.T) {
	b := load(t)
	var dates []data.Date
	for _, s := range b.Snapshots {
		dates = append(dates, s.Date)
	}
	for _, z := range b.Zones {
		dates = append(dates, z.Valid.From)
	}
	found := map[string]bool{}
	for _, d := range dates {
		for _, p := range b.Places {
			h, _ := b.PlaceHolder(p.ID, d)
			if !h.Known() {
				t.Errorf("%s on %s: no holder", p.ID, d)
			}
			if h.Nearest {
				found[p.ID] = true
				if h.DistanceKM > 1 {
					t.Errorf("%s on %s: %.2f km from its nearest zone, want under 1 km", p.ID, d, h.DistanceKM)
				}
			}
		}
	}
	var got []string
	for id := range found {
		got = append(got, id)
	}
	slices.Sort(got)
	if want := []string{"brega", "mellitah"}; !slices.Equal(got, want) {
		t.Errorf("places answered by the nearest zone: %v, want %v", got, want)
	}
}

// TestOilStatuses pins the closing and reopening dates of terminals and
// fields (NOC force majeure declarations and their lifting, background).
func TestOilStatuses(t *testing.T) {
	b := load(t)
	cases := []struct{ place, date, status string }{
		// The January 2020 blockade and its end, port by port.
		{"es-sider", "2020-01-17", "operating"},
		{"es-sider", "2020-01-18", "blockaded"},
		{"es-sider", "2020-09-20", "blockaded"},
		{"es-sider", "2020-10-22", "blockaded"},
		{"es-sider", "2020-10-23", "operating"},
		{"ras-lanuf", "2020-10-22", "blockaded"},
		{"ras-lanuf", "2020-10-23", "operating"},
		{"brega", "2020-09-18", "blockaded"},
		{"brega", "2020-09-19", "operating"},
		{"hariga", "2020-09-18", "blockaded"},
		{"hariga", "2020-09-19", "operating"},
		{"zueitina", "2020-09-21", "blockaded"},
		{"zueitina", "2020-09-22", "operating"},
		{"zawiya-terminal", "2020-01-20", "halted"},
		{"zawiya-terminal", "2020-10-11", "operating"},
		{"mellitah", "2020-01-20", "crude halted"},
		{"mellitah", "2020-10-26", "operating"},
		{"sharara", "2020-01-20", "shut"},
		{"sharara", "2020-06-07", "operating"},
		{"sharara", "2020-06-09", "shut"},
		{"sharara", "2020-10-10", "shut"},
		{"sharara", "2020-10-11", "operating"},
		{"el-feel", "2020-01-19", "operating"},
		{"el-feel", "2020-01-20", "shut"},
		{"el-feel", "2020-06-08", "operating"},
		{"el-feel", "2020-06-10", "shut"},
		{"el-feel", "2020-10-25", "shut"},
		{"el-feel", "2020-10-26", "operating"},
		{"sarir", "2020-09-28", "shut"},
		{"sarir", "2020-09-29", "operating"},
		{"waha", "2020-10-23", "operating"},
		// The 2022 shutdown.
		{"zueitina", "2022-04-18", "blockaded"},
		{"brega", "2022-04-19", "blockaded"},
		{"brega", "2022-07-13", "operating"},
		{"es-sider", "2022-06-30", "blockaded"},
		{"es-sider", "2022-07-15", "operating"},
		{"el-feel", "2022-04-17", "shut"},
		// Storm Daniel: four ports closed 10-12 September 2023, not Hariga.
		{"ras-lanuf", "2023-09-11", "closed"},
		{"zueitina", "2023-09-12", "closed"},
		{"brega", "2023-09-13", "operating"},
		{"hariga", "2023-09-11", "operating"},
	}
	for _, c := range cases {
		p := findPlace(t, b, c.place)
		if p == nil {
			continue
		}
		st, ok := p.StatusOn(data.MustDate(c.date))
		if !ok || st.Status != c.status {
			t.Errorf("%s on %s: status %q, want %q", c.place, c.date, st.Status, c.status)
		}
	}
	// On both main snapshot dates every terminal has a status.
	for _, p := range b.Places {
		if p.Kind != data.OilTerminal {
			continue
		}
		for _, d := range []data.Date{berlin, moscow} {
			if _, ok := p.StatusOn(d); !ok {
				t.Errorf("terminal %s has no status on %s", p.ID, d)
			}
		}
	}
}

// namedIn reports whether the excerpts name record id (or a record linked
// to it: the person who leads it, the faction a person leads).
func namedIn(b *data.Briefing, m *data.Matcher, excerpts []string, id string) bool {
	want := b.Related(id)
	for _, eid := range excerpts {
		e, _ := b.Excerpt(eid)
		for _, mn := range m.Find(e.Text) {
			if slices.Contains(want, mn.ID) || slices.Contains(b.Related(mn.ID), id) {
				return true
			}
		}
	}
	return false
}

// TestSourcedValuesAreNamed is a mechanical part of the sourcing audit:
// every actor a sourced field names (a zone's controller or contesters, a
// deployment's actor or the side it supports, an actor's backers, an
// event's actors) must be named by the words of the excerpts that field
// cites. The exceptions are listed with the words that state the fact
// without the name (a pronoun whose antecedent is in the sentence before).
func TestSourcedValuesAreNamed(t *testing.T) {
	b := load(t)
	m := data.NewMatcher(b)
	pronoun := map[string]string{
		"d2020-uae-drones supports haftar":     "'his control of the skies, which he owes to the United Arab Emirates': his = Haftar",
		"z2020-tripoli-front contested_by lna": "'Libya’s two warring factions — ... a former Libyan army general who is laying siege to the capital'",
	}
	used := map[string]bool{}
	var problems []string
	check := func(record, field string, values []string, sourced data.Sourced) {
		cites := sourced[field]
		if len(cites) == 0 {
			return
		}
		for _, v := range values {
			if v == "" || namedIn(b, m, cites, v) {
				continue
			}
			if _, ok := pronoun[record+" "+field+" "+v]; ok {
				used[record+" "+field+" "+v] = true
				continue
			}
			problems = append(problems, fmt.Sprintf("%s.%s = %s: no cited excerpt (%s) names it", record, field, v, strings.Join(cites, ", ")))
		}
	}
	for _, z := range b.Zones {
		check(z.ID, "controller", []string{z.Controller}, z.Sourced)
		check(z.ID, "contested_by", z.ContestedBy, z.Sourced)
	}
	for _, d := range b.Deployments {
		check(d.ID, "actor", []string{d.Actor}, d.Sourced)
		check(d.ID, "supports", []string{d.Supports}, d.Sourced)
	}
	for _, a := range b.Actors {
		check(a.ID, "backers", a.Backers, a.Sourced)
	}
	for _, e := range b.Events {
		check(e.ID, "actors", e.Actors, e.Sourced)
	}
	for _, p := range problems {
		t.Error(p)
	}
	for k := range pronoun {
		if !used[k] {
			t.Errorf("exception %q is no longer needed: remove it", k)
		}
	}
}

// TestIssue10Corrections pins the corrections of issue 10 that a field's
// value alone shows.
func TestIssue10Corrections(t *testing.T) {
	b := load(t)
	for _, id := range []string{"z2020-lna-east", "z2020-lna-south", "z2020-gna-west"} {
		z, _ := b.Zone(id)
		if len(z.Sourced["controller"]) > 0 {
			t.Errorf("%s: controller sourced by %v; the words name no region", id, z.Sourced["controller"])
		}
	}
	gna, _ := b.Actor("gna")
	if slices.Contains(gna.Backers, "italy") {
		t.Error("gna lists Italy as a backer on 'traditionally been closer to'")
	}
	haftar, _ := b.Actor("haftar")
	if strings.Contains(haftar.Description, "talks in Berlin") || strings.Contains(haftar.Description, "Moscow and Berlin") {
		t.Errorf("haftar's description has him walk out of talks in Berlin: %q", haftar.Description)
	}
	turkey, _ := b.Actor("turkey")
	if strings.Contains(turkey.Description, "drones") {
		t.Errorf("turkey's sourced description speaks of drones its excerpts only call Turkish-made: %q", turkey.Description)
	}
	eu, _ := b.Actor("eu")
	if !slices.Contains(eu.Sourced["description"], "nyt-eu-tacit") {
		t.Error("eu's description (members tacitly backed different sides) does not cite the words that say it")
	}
	wagner, _ := b.Deployment("d2020-wagner")
	if slices.Contains(wagner.Sourced["actor"], "nyt-putin-erdogan-mercenaries") {
		t.Error("d2020-wagner's actor rests on an excerpt that does not name Wagner")
	}
	drones, _ := b.Deployment("d2020-turkey-drones")
	if !strings.Contains(drones.Note, "upper bound") || !strings.Contains(drones.Note, "less than 200km") {
		t.Errorf("d2020-turkey-drones: the note must say that 200 km is an upper bound ('less than 200km'): %q", drones.Note)
	}
	if !drones.RangeMax || drones.RangeKM != 200 {
		t.Errorf("d2020-turkey-drones: want range_km 200 with range_max (the source says \"less than 200km\"), got %g, range_max %v", drones.RangeKM, drones.RangeMax)
	}
	// Every terminal's 2020 blockade is background: the words name no port.
	for _, p := range b.Places {
		for _, s := range p.Statuses {
			if s.Status == "blockaded" && len(s.Sourced) > 0 {
				t.Errorf("%s: %s from %s is sourced by %v; which ports were closed is background", p.ID, s.Status, s.Valid.From, s.Sourced)
			}
		}
	}
	// 2023 as it was: the eastern government, parliament, the Presidential
	// Council and their leaders, and the Russian presence.
	for _, id := range []string{"hor", "gns", "presidential-council", "aguila-saleh", "saddam-haftar", "hammad", "bashagha", "menfi", "noc", "pfg"} {
		if _, ok := b.Actor(id); !ok {
			t.Errorf("no actor %s", id)
		}
	}
	var russian, turkish []string
	for _, d := range b.DeploymentsOn(moscow) {
		switch d.Actor {
		case "wagner", "russia":
			russian = append(russian, d.Places...)
		case "turkey":
			turkish = append(turkish, d.Places...)
		}
	}
	if !slices.Contains(russian, "al-khadim") || !slices.Contains(turkish, "misrata-airbase") {
		t.Errorf("on %s: Russian presence at %v, Turkish at %v; want al-Khadim and Misrata among them", moscow, russian, turkish)
	}
	for _, id := range []string{"sarir", "messla", "nafoora", "waha", "zelten", "wafa", "hamada"} {
		if p, ok := b.Place(id); !ok || p.Kind != data.OilField || !strings.Contains(p.Note, "accurate") {
			t.Errorf("oil field %s: missing, or its note gives no accuracy", id)
		}
	}
}

// TestEventsRequired checks the events issue 10 asks for that lie inside
// the map, and that every event's background is explained.
func TestEventsRequired(t *testing.T) {
	b := load(t)
	want := map[string]string{
		"e2020-sirte-taken":        "2020-01-06",
		"e2020-blockade":           "2020-01-17",
		"e2023-derna-floods":       "2023-09-10",
		"e2020-siege-ends":         "2020-06-04",
		"e2021-gnu":                "2021-03-10",
		"e2023-russian-delegation": "2023-08-22",
	}
	for id, date := range want {
		e, ok := b.Event(id)
		if !ok {
			t.Errorf("no event %s", id)
			continue
		}
		if e.Date != data.MustDate(date) {
			t.Errorf("%s: date %s, want %s", id, e.Date, date)
		}
	}
	for _, e := range b.Events {
		if strings.TrimSpace(e.Note) == "" {
			t.Errorf("event %s: no note on what it rests on", e.ID)
		}
		if _, ok := b.EventPoint(&e); !ok {
			t.Errorf("event %s: no point", e.ID)
		}
	}
	floods, _ := b.Event("e2023-derna-floods")
	if floods != nil && !floods.ShownOn(moscow) {
		t.Errorf("the Derna floods are not on the map on %s", moscow)
	}
}
