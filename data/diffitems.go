package data

import (
	"fmt"
	"strings"
	"unicode"
)

// DiffItem is one change of a Diff as people read it: in the app's "What
// changed" tab, on the compare slide and in briefmap diff. Before and After
// say how things stood on each date; BeforeBy and AfterBy are the excerpts
// whose words back each side (nil: background knowledge).
type DiffItem struct {
	Kind  Kind // zone, place, deployment or event
	Ref   Ref  // what selecting the item selects on the later date's map (zero: nothing on it)
	Title string
	// Before and After say how the thing stood on Diff.From and Diff.To.
	Before, After     string
	BeforeBy, AfterBy []*Excerpt
	// AreaKM2 is the area of a change of hands (0 for other items).
	AreaKM2 float64
	// Major is true for a change of side, of status or of a force's
	// whereabouts; false for a change of controller within a side (the
	// GNA to the GNU) and for events.
	Major bool
	// Zone, Place or Spots index the Diff's lists the item comes from
	// (-1 or nil when none).
	Zone, Place int
	Spots       []int
}

// smallChangeKM2 is the area below which a change of side with no place
// inside comes after the changes of places and forces.
const smallChangeKM2 = 1000

// DiffItems returns the changes of d as items, the largest first: areas
// that changed side (largest area first), places whose status changed or
// whose holder changed outside those areas, forces that arrived or left
// (an item per actor), areas under smallChangeKM2 with no place that
// changed side, areas that changed controller within a side, then the
// events between the dates.
func (b *Briefing) DiffItems(d Diff) []DiffItem {
	var out, small, minor []DiffItem
	inZone := map[string]bool{}
	for i, z := range d.Zones {
		it := DiffItem{Kind: KindZone, Ref: Ref{Kind: KindZone, ID: z.ToZone}, AreaKM2: z.AreaKM2, Major: z.SideChanged(), Zone: i, Place: -1,
			Title:  b.zoneChangeTitle(z),
			Before: b.holdingSentence(z.FromController, z.FromContested, z.FromZone), After: b.holdingSentence(z.ToController, z.ToContested, z.ToZone),
			BeforeBy: b.holdingBacking(z.FromZone), AfterBy: b.holdingBacking(z.ToZone)}
		switch {
		case it.Major && len(z.Places) == 0 && z.AreaKM2 < smallChangeKM2:
			small = append(small, it)
		case it.Major:
			out = append(out, it)
			for _, p := range z.Places {
				inZone[p] = true
			}
		default:
			minor = append(minor, it)
		}
	}
	for i, pc := range d.Places {
		p, ok := b.Place(pc.ID)
		if !ok {
			continue
		}
		statusChanged := pc.StatusFrom != pc.StatusTo
		if !statusChanged && (inZone[pc.ID] || b.sideOf(pc.HolderFrom) == b.sideOf(pc.HolderTo) && pc.HolderFrom != "" && pc.HolderTo != "") {
			continue // told by its zone's change, or a change within a side
		}
		it := DiffItem{Kind: KindPlace, Ref: Ref{Kind: KindPlace, ID: p.ID}, Major: true, Zone: -1, Place: i, Title: p.Name}
		if statusChanged {
			it.Title += ": " + fromTo(orNone(pc.StatusFrom), orNone(pc.StatusTo))
			it.Before, it.BeforeBy = b.statusSentence(p, d.From)
			it.After, it.AfterBy = b.statusSentence(p, d.To)
		} else {
			it.Title += ": " + fromTo(b.holderShort(pc.HolderFrom, pc.ContestedFrom), b.holderShort(pc.HolderTo, pc.ContestedTo))
			it.Before, it.After = "held by "+b.holderShort(pc.HolderFrom, pc.ContestedFrom), "held by "+b.holderShort(pc.HolderTo, pc.ContestedTo)
		}
		out = append(out, it)
	}
	out = append(out, b.forceItems(d)...)
	out = append(out, small...)
	out = append(out, minor...)
	for _, id := range d.Events {
		e, ok := b.Event(id)
		if !ok {
			continue
		}
		it := DiffItem{Kind: KindEvent, Ref: Ref{Kind: KindEvent, ID: id}, Zone: -1, Place: -1,
			Title: e.Date.Long() + ": " + e.Title, After: e.Title, AfterBy: backing(b, e.Sourced, "title", "date", "kind")}
		if !e.ShownOn(d.To) {
			it.Ref = Ref{}
		}
		out = append(out, it)
	}
	return out
}

// forceItems returns an item per actor whose forces arrived somewhere or
// left somewhere between the dates, in the order of d.Spots: "Wagner
// Group: arrived at al-Qardabiya and Brak; left the Southern Tripoli front".
func (b *Briefing) forceItems(d Diff) []DiffItem {
	type group struct {
		actor           string
		arrived, left   []string
		spots           []int
		arrDep, leftDep *Deployment
	}
	var gs []*group
	at := map[string]*group{}
	for i, s := range d.Spots {
		g := at[s.Actor]
		if g == nil {
			g = &group{actor: s.Actor}
			at[s.Actor] = g
			gs = append(gs, g)
		}
		g.spots = append(g.spots, i)
		dep, _ := b.Deployment(s.Deployment)
		if s.Arrived {
			g.arrived = append(g.arrived, b.spotName(s, d.To))
			if g.arrDep == nil {
				g.arrDep = dep
			}
		} else {
			g.left = append(g.left, b.spotName(s, d.From))
			if g.leftDep == nil {
				g.leftDep = dep
			}
		}
	}
	var out []DiffItem
	for _, g := range gs {
		it := DiffItem{Kind: KindDeployment, Major: true, Zone: -1, Place: -1, Spots: g.spots}
		var parts []string
		if len(g.arrived) > 0 {
			it.After = "arrived at " + AndList(g.arrived)
			parts = append(parts, it.After)
			it.Ref = Ref{Kind: KindDeployment, ID: g.arrDep.ID}
			it.AfterBy = backing(b, g.arrDep.Sourced, "actor", "places", "lonlat", "area")
		}
		if len(g.left) > 0 {
			it.Before = "left " + AndList(g.left)
			parts = append(parts, it.Before)
			it.BeforeBy = backing(b, g.leftDep.Sourced, "actor", "places", "lonlat", "area")
		}
		it.Title = b.nameOr(g.actor) + ": " + strings.Join(parts, "; ")
		if it.Ref.IsZero() { // it only left: select what it still has on the later date, if anything
			for _, dep := range b.DeploymentsOn(d.To) {
				if dep.Actor == g.actor {
					it.Ref = Ref{Kind: KindDeployment, ID: dep.ID}
					break
				}
			}
		}
		out = append(out, it)
	}
	return out
}

// AndList returns "a", "a and b", "a, b and c".
func AndList(s []string) string {
	if len(s) <= 1 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}

// spotName returns a place's name; for a point, the contested zone it
// lies in on d ("the Southern Tripoli front"), else "32.67°N 13.16°E".
func (b *Briefing) spotName(s ForceSpot, d Date) string {
	if s.Place != "" {
		return b.nameOr(s.Place)
	}
	for _, z := range b.ZonesAt(s.Point, d) {
		if z.Contested() {
			return "the " + z.Name
		}
	}
	return fmt.Sprintf("%.2f°N %.2f°E", s.Point[1], s.Point[0])
}

func orNone(s string) string {
	if s == "" {
		return "no status recorded"
	}
	return s
}

// fromTo is "from a to b", with a comma before "to" when a has one of its
// own ("from GNA, contested by LNA, to GNU").
func fromTo(a, c string) string {
	if strings.Contains(a, ",") {
		return "from " + a + ", to " + c
	}
	return "from " + a + " to " + c
}

// zoneChangeTitle is "Tarhuna and Bani Walid: from LNA to GNU": for a
// change of side, the places in the area (at most three); else, where a
// contest began or ended, the contested zone's name and whose part of it;
// else the earlier zone's name.
func (b *Briefing) zoneChangeTitle(z ZoneChange) string {
	what := b.nameOr(z.FromZone)
	if n := len(z.Places); n > 0 && z.SideChanged() {
		var names []string
		for _, id := range z.Places[:min(n, 3)] {
			names = append(names, b.nameOr(id))
		}
		if n > 3 {
			names = append(names, fmt.Sprintf("%d more", n-3))
		}
		what = AndList(names)
	}
	if len(z.Places) == 0 && z.ContestZone != "" {
		what = b.nameOr(z.ContestZone)
		if c := z.FromController + z.ToController; c != "" && (z.FromController == "" || z.ToController == "") {
			what += " (" + b.ShortName(c) + "'s part)"
		} else if z.FromController != "" {
			what += " (" + b.ShortName(z.FromController) + "'s part)"
		}
	}
	return what + ": " + fromTo(b.holderShort(z.FromController, z.FromContested), b.holderShort(z.ToController, z.ToContested))
}

// holderShort returns "LNA", "contested (GNA, LNA)", "GNA, contested by
// LNA", or "no one".
func (b *Briefing) holderShort(controller string, contested []string) string {
	var others []string
	for _, id := range contested {
		if id != controller {
			others = append(others, b.ShortName(id))
		}
	}
	switch {
	case controller != "" && len(others) > 0:
		return b.ShortName(controller) + ", contested by " + strings.Join(others, ", ")
	case controller != "":
		return b.ShortName(controller)
	case len(others) > 0:
		return "contested (" + strings.Join(others, ", ") + ")"
	}
	return "no one"
}

// holdingSentence is "held by Libyan National Army (Tarhuna salient and
// Bani Walid corridor)".
func (b *Briefing) holdingSentence(controller string, contested []string, zone string) string {
	s := "held by " + b.holderShort(controller, contested)
	if controller != "" {
		s = "held by " + b.nameOr(controller)
		if h := b.holderShort(controller, contested); strings.Contains(h, ", contested by ") {
			s += h[strings.Index(h, ", contested by "):]
		}
	}
	return s + " (" + b.nameOr(zone) + ")"
}

// holdingBacking returns the excerpts that back zone id's controller or
// contesters; nil when they are background.
func (b *Briefing) holdingBacking(id string) []*Excerpt {
	z, ok := b.Zone(id)
	if !ok {
		return nil
	}
	return backing(b, z.Sourced, "controller", "contested_by")
}

// statusSentence returns place p's status on d as a sentence, and the
// excerpts that back it.
func (b *Briefing) statusSentence(p *Place, d Date) (string, []*Excerpt) {
	st, ok := p.StatusOn(d)
	if !ok {
		return "no status recorded", nil
	}
	return st.Status + " (" + periodLong(st.Valid) + ")", backing(b, st.Sourced, "status", "valid_from", "valid_to")
}

// backing returns the excerpts s names for fields, in order, without
// repeats; nil when none (the fields are background).
func backing(b *Briefing, s Sourced, fields ...string) []*Excerpt {
	var out []*Excerpt
	seen := map[string]bool{}
	for _, f := range fields {
		for _, id := range s[f] {
			if e, ok := b.Excerpt(id); ok && !seen[id] {
				seen[id] = true
				out = append(out, e)
			}
		}
	}
	return out
}

// ShortName returns actor id's short name: its first alias written in
// capitals of at most six characters ("LNA", "GNU", "UAE"), else its name
// (else id).
func (b *Briefing) ShortName(id string) string {
	a, ok := b.Actor(id)
	if !ok {
		return b.nameOr(id)
	}
	for _, al := range a.Aliases {
		if len(al) >= 2 && len(al) <= 6 && strings.IndexFunc(al, func(r rune) bool { return !unicode.IsUpper(r) && r != '.' }) < 0 {
			return al
		}
	}
	return a.Name
}

// AreaText returns an area for people: "17,578 km²".
func AreaText(km2 float64) string {
	s := fmt.Sprintf("%.0f", km2)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s + " km²"
}
