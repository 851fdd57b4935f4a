package stressgen

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/data"
)

// placePoint is a generated package's place: its index in gen.places and
// its point.
type placePoint struct {
	id, name string
	p        orb.Point
}

// The syllables place names are made of.
var (
	namePrefixes = []string{"Bir", "Wadi", "Ras", "Qasr", "Ain", "Sidi", "Jabal", "Hassi", "Zawiyat", "Marsa", "Bani", "Umm", "Suq", "Gasr"}
	nameOnsets   = []string{"b", "d", "f", "gh", "h", "j", "k", "kh", "l", "m", "n", "q", "r", "s", "sh", "t", "w", "z"}
	nameVowels   = []string{"a", "i", "u", "aa", "ai", "ou"}
	nameCodas    = []string{"", "", "n", "r", "l", "t", "m", "s"}
)

// the period the generated records fall in: the first day Libya's zones
// cover, to the last snapshot.
var (
	firstDay = data.MustDate("2019-06-27")
	lastDay  = data.MustDate("2023-09-30")
)

// randomName returns a place name that is not in used, and adds it.
func (g *gen) randomName(used map[string]bool) string {
	for {
		var sb strings.Builder
		for k := range 2 + g.rng.IntN(2) {
			s := nameOnsets[g.rng.IntN(len(nameOnsets))] + nameVowels[g.rng.IntN(len(nameVowels))]
			if k == 0 {
				s = strings.ToUpper(s[:1]) + s[1:]
			}
			sb.WriteString(s)
		}
		sb.WriteString(nameCodas[g.rng.IntN(len(nameCodas))])
		name := namePrefixes[g.rng.IntN(len(namePrefixes))] + " " + sb.String()
		if !used[strings.ToLower(name)] {
			used[strings.ToLower(name)] = true
			return name
		}
	}
}

// slug turns a name into an id.
func slug(name string) string {
	return strings.ToLower(strings.ReplaceAll(name, " ", "-"))
}

// dayAfter returns the date n days after d.
func dayAfter(d data.Date, n int) data.Date {
	t := d.Time().AddDate(0, 0, n)
	return data.Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}
}

// daysBetween returns the number of days from a to b.
func daysBetween(a, b data.Date) int {
	return int(b.Time().Sub(a.Time()) / (24 * time.Hour))
}

// controlledAt returns the index of the controlled zone piece valid on d
// that holds p, or -1.
func (g *gen) controlledAt(p orb.Point, d data.Date) int {
	if g.bounds == nil {
		for _, pc := range g.pieces {
			g.bounds = append(g.bounds, pc.geom.Bound())
		}
	}
	for i, pc := range g.pieces {
		if !pc.from.Contested() && pc.from.Valid.Contains(d) && g.bounds[i].Contains(p) && covers(pc.geom, p) {
			return i
		}
	}
	return -1
}

// genPlaces copies Libya's places (without sourced maps and notes, theirs
// or their statuses') and adds invented ones, each inside a zone on every
// snapshot date, until there are want.Places.
func (g *gen) genPlaces() {
	used := map[string]bool{}
	for _, a := range g.b.Actors {
		used[strings.ToLower(a.Name)] = true
	}
	for _, p := range g.b.Places {
		cp := data.Place{ID: p.ID, Name: p.Name, Aliases: p.Aliases, AliasOptions: p.AliasOptions, Kind: p.Kind, Point: p.Point, Importance: p.Importance}
		for _, s := range p.Statuses {
			cp.Statuses = append(cp.Statuses, data.PlaceStatus{Status: s.Status, Valid: s.Valid})
		}
		g.places = append(g.places, cp)
		g.points = append(g.points, placePoint{id: p.ID, name: p.Name, p: p.Point})
		used[strings.ToLower(p.Name)] = true
		for _, a := range p.Aliases {
			used[strings.ToLower(a)] = true
		}
	}
	bb := g.b.BBox
	kinds := []data.PlaceKind{data.City, data.City, data.City, data.OtherPlace, data.OtherPlace, data.OilField, data.Airbase, data.Port}
	for len(g.places) < g.want.Places {
		p := orb.Point{
			math.Round((bb.Min[0]+g.rng.Float64()*(bb.Max[0]-bb.Min[0]))*1e4) / 1e4,
			math.Round((bb.Min[1]+g.rng.Float64()*(bb.Max[1]-bb.Min[1]))*1e4) / 1e4,
		}
		inside := true
		for _, s := range g.b.Snapshots {
			inside = inside && g.controlledAt(p, s.Date) >= 0
		}
		if !inside {
			continue
		}
		name := g.randomName(used)
		imp := 3
		switch r := g.rng.IntN(20); {
		case r == 0:
			imp = 1
		case r < 5:
			imp = 2
		}
		kind := kinds[g.rng.IntN(len(kinds))]
		np := data.Place{ID: slug(name), Name: name, Kind: kind, Point: p, Importance: imp}
		if kind == data.OilField {
			a := dayAfter(firstDay, 100+g.rng.IntN(900))
			c := dayAfter(a, 30+g.rng.IntN(200))
			np.Statuses = []data.PlaceStatus{
				{Status: "operating", Valid: data.Period{From: data.MustDate("2019-01-01"), To: dayAfter(a, -1)}},
				{Status: "blockaded", Valid: data.Period{From: a, To: dayAfter(c, -1)}},
				{Status: "operating", Valid: data.Period{From: c}},
			}
		}
		g.places = append(g.places, np)
		g.points = append(g.points, placePoint{id: np.ID, name: name, p: p})
	}
}

// genDeployments copies Libya's deployments (without sourced maps, notes
// and areas) and adds invented ones modelled on them, each at one of the
// places, until there are want.Deployments.
func (g *gen) genDeployments() {
	for _, d := range g.b.Deployments {
		g.deps = append(g.deps, data.Deployment{
			ID: d.ID, Name: d.Name, Actor: d.Actor, Supports: d.Supports, What: d.What, Places: d.Places, Point: d.Point,
			Strength: d.Strength, RangeKM: d.RangeKM, RangeMax: d.RangeMax, Valid: d.Valid, Confidence: d.Confidence,
		})
	}
	strengths := []string{"", "", "dozens", "hundreds", "about 300", "up to 2,000", "a battalion"}
	confidences := []data.Confidence{data.High, data.Medium, data.Medium, data.Low}
	span := daysBetween(firstDay, lastDay)
	for k := 0; len(g.deps) < g.want.Deployments; k++ {
		t := g.b.Deployments[k%len(g.b.Deployments)]
		pl := g.points[g.rng.IntN(len(g.points))]
		from := dayAfter(firstDay, g.rng.IntN(span))
		nd := data.Deployment{
			ID: fmt.Sprintf("d-gen-%04d", k+1), Name: t.Name + " at " + pl.name, Actor: t.Actor, Supports: t.Supports, What: t.What,
			Places: []string{pl.id}, Strength: strengths[g.rng.IntN(len(strengths))],
			Valid: data.Period{From: from}, Confidence: confidences[g.rng.IntN(len(confidences))],
		}
		if g.rng.IntN(4) > 0 {
			nd.Valid.To = dayAfter(from, 30+g.rng.IntN(700))
		}
		if t.What == "drones" || t.What == "air-defence" {
			nd.RangeKM = float64(50 * (1 + g.rng.IntN(6)))
			nd.RangeMax = g.rng.IntN(2) == 0
		}
		g.deps = append(g.deps, nd)
	}
}
