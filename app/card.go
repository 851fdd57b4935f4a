package app

import (
	"fmt"
	"sort"
	"strings"

	"github.com/briefmap/briefmap/data"
)

// cardField is one line of a card: a labelled value and, when excerpts
// back it, those excerpts (Sourced); otherwise it is background knowledge.
type cardField struct {
	Label   string
	Value   string
	Sourced []*data.Excerpt // nil: background
	Plain   bool            // not a claim (a name, an alias list): no sourced/background tag
}

// card is what the Selection and Actors tabs show about one record.
type card struct {
	Ref      data.Ref
	Title    string
	Kind     string // what the record is, e.g. "Zone of control"
	Fields   []cardField
	Note     string          // the basis of the background fields
	Excerpts []*data.Excerpt // every excerpt about the record
}

// text returns the card as plain text, one field a line (for tests and
// the clipboard).
func (c card) text(b *data.Briefing) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%s\n%s\n", c.Title, c.Kind)
	for _, f := range c.Fields {
		tag := ""
		switch {
		case f.Plain:
		case len(f.Sourced) > 0:
			tag = " [SOURCED]"
		default:
			tag = " [BACKGROUND]"
		}
		fmt.Fprintf(&sb, "%s: %s%s\n", f.Label, f.Value, tag)
		for _, e := range f.Sourced {
			fmt.Fprintf(&sb, "  “%s” %s\n", e.Text, citation(b, e))
		}
	}
	if c.Note != "" {
		fmt.Fprintf(&sb, "Note: %s\n", c.Note)
	}
	for _, e := range c.Excerpts {
		fmt.Fprintf(&sb, "“%s” %s\n", e.Text, citation(b, e))
	}
	return sb.String()
}

// citation returns "— Publisher, “Title”, 23 January 2020" for an
// excerpt's source (see data.Citation), or "— " and the source id when the
// briefing has no such source.
func citation(b *data.Briefing, e *data.Excerpt) string {
	s, ok := b.Source(e.Source)
	if !ok {
		return "— " + e.Source
	}
	return "— " + s.Citation().String()
}

// sourcedBy returns the excerpts that back any of fields in s, in order and
// without repeats; nil when none does (the field is background).
func sourcedBy(b *data.Briefing, s data.Sourced, fields ...string) []*data.Excerpt {
	var out []*data.Excerpt
	seen := map[string]bool{}
	for _, f := range fields {
		for _, id := range s[f] {
			if seen[id] {
				continue
			}
			seen[id] = true
			if e, ok := b.Excerpt(id); ok {
				out = append(out, e)
			}
		}
	}
	return out
}

// extraFields returns a field for every key of s that shown does not name,
// so no sourced claim is left off a card.
func extraFields(b *data.Briefing, s data.Sourced, shown map[string]bool) []cardField {
	var keys []string
	for k := range s {
		if !shown[k] {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var out []cardField
	for _, k := range keys {
		out = append(out, cardField{Label: humanField(k), Value: "(see excerpt)", Sourced: sourcedBy(b, s, k)})
	}
	return out
}

// humanField turns a field name like "valid_from" into "Valid from".
func humanField(k string) string {
	k = strings.ReplaceAll(k, "_", " ")
	if k == "" {
		return k
	}
	return strings.ToUpper(k[:1]) + k[1:]
}

// names returns the display names of ids, joined with commas.
func names(b *data.Briefing, ids []string) string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		out = append(out, b.Name(id))
	}
	return strings.Join(out, ", ")
}

// periodText returns "6 January 2020 – 4 June 2020" or "from … (still
// valid)".
func periodText(p data.Period) string {
	switch {
	case p.From.IsZero() && p.To.IsZero():
		return "always"
	case p.To.IsZero():
		return "from " + p.From.Long() + " (no end date)"
	case p.From.IsZero():
		return "until " + p.To.Long()
	}
	return p.From.Long() + " – " + p.To.Long()
}

// field builds a tagged field whose Sourced keys are keys.
func field(b *data.Briefing, s data.Sourced, shown map[string]bool, label, value string, keys ...string) cardField {
	for _, k := range keys {
		shown[k] = true
	}
	return cardField{Label: label, Value: value, Sourced: sourcedBy(b, s, keys...)}
}

// buildCard returns the card of ref on date d; ok is false when the
// briefing has no such record.
func buildCard(b *data.Briefing, ref data.Ref, d data.Date) (card, bool) {
	switch ref.Kind {
	case data.KindZone:
		if z, ok := b.Zone(ref.ID); ok {
			return zoneCard(b, z), true
		}
	case data.KindPlace:
		if p, ok := b.Place(ref.ID); ok {
			return placeCard(b, p, d), true
		}
	case data.KindDeployment:
		if dep, ok := b.Deployment(ref.ID); ok {
			return deploymentCard(b, dep), true
		}
	case data.KindActor:
		if a, ok := b.Actor(ref.ID); ok {
			return actorCard(b, a, d), true
		}
	case data.KindExcerpt:
		if e, ok := b.Excerpt(ref.ID); ok {
			return excerptCard(b, e), true
		}
	}
	return card{}, false
}

func zoneCard(b *data.Briefing, z *data.Zone) card {
	shown := map[string]bool{}
	c := card{Ref: data.Ref{Kind: data.KindZone, ID: z.ID}, Title: z.Name, Kind: "Zone of control", Note: z.Note}
	if z.Contested() {
		c.Kind = "Contested zone"
		c.Fields = append(c.Fields, field(b, z.Sourced, shown, "Contested by", names(b, z.ContestedBy), "contested_by"))
	} else {
		c.Fields = append(c.Fields, field(b, z.Sourced, shown, "Controlled by", b.Name(z.Controller), "controller"))
	}
	c.Fields = append(c.Fields,
		field(b, z.Sourced, shown, "Valid", periodText(z.Valid), "valid", "valid_from", "valid_to"))
	extent := "as drawn"
	if z.Approximate {
		extent = "approximate (hand-drawn at national scale)"
	}
	c.Fields = append(c.Fields,
		field(b, z.Sourced, shown, "Boundary", extent, "geometry", "extent", "boundary", "area"),
		cardField{Label: "Confidence", Value: string(z.Confidence), Plain: true})
	shown["confidence"] = true
	c.Fields = append(c.Fields, extraFields(b, z.Sourced, shown)...)
	c.Excerpts = b.ExcerptsFor(z.ID)
	return c
}

// placeKinds names place kinds for people.
var placeKinds = map[data.PlaceKind]string{
	data.OilTerminal: "Oil terminal",
	data.OilField:    "Oil field",
	data.Airbase:     "Airbase",
	data.City:        "City",
	data.Port:        "Port",
	data.OtherPlace:  "Place",
}

func placeCard(b *data.Briefing, p *data.Place, d data.Date) card {
	shown := map[string]bool{}
	kind := placeKinds[p.Kind]
	if kind == "" {
		kind = humanField(string(p.Kind))
	}
	c := card{Ref: data.Ref{Kind: data.KindPlace, ID: p.ID}, Title: p.Name, Kind: kind, Note: p.Note}
	if len(p.Aliases) > 0 {
		c.Fields = append(c.Fields, cardField{Label: "Also written", Value: strings.Join(p.Aliases, ", "), Plain: true})
	}
	c.Fields = append(c.Fields, field(b, p.Sourced, shown, "Location",
		fmt.Sprintf("%.2f°N %.2f°E", p.Point[1], p.Point[0]), "lonlat", "location", "point"))
	if st, ok := p.StatusOn(d); ok {
		f := cardField{Label: "Status on " + d.Long(), Value: st.Status + " (" + periodText(st.Valid) + ")",
			Sourced: sourcedBy(b, st.Sourced, "status", "valid", "valid_from", "valid_to")}
		c.Fields = append(c.Fields, f)
		if st.Note != "" && len(f.Sourced) == 0 {
			c.Note = strings.TrimSpace(c.Note + " " + st.Note)
		}
	} else {
		c.Fields = append(c.Fields, cardField{Label: "Status on " + d.Long(), Value: "no status recorded", Plain: true})
	}
	c.Fields = append(c.Fields, extraFields(b, p.Sourced, shown)...)
	c.Excerpts = b.ExcerptsFor(p.ID)
	return c
}

func deploymentCard(b *data.Briefing, dep *data.Deployment) card {
	shown := map[string]bool{}
	c := card{Ref: data.Ref{Kind: data.KindDeployment, ID: dep.ID}, Title: dep.Name, Kind: "Deployment", Note: dep.Note}
	c.Fields = append(c.Fields, field(b, dep.Sourced, shown, "Force of", b.Name(dep.Actor), "actor"))
	if dep.Supports != "" {
		c.Fields = append(c.Fields, field(b, dep.Sourced, shown, "Fighting for", b.Name(dep.Supports), "supports"))
	}
	c.Fields = append(c.Fields, field(b, dep.Sourced, shown, "What", dep.What, "what"))
	var where []string
	if len(dep.Places) > 0 {
		where = append(where, names(b, dep.Places))
	}
	if dep.Point != nil {
		where = append(where, fmt.Sprintf("%.2f°N %.2f°E", dep.Point[1], dep.Point[0]))
	}
	if len(dep.Area) > 0 {
		where = append(where, "an area (drawn on the map)")
	}
	c.Fields = append(c.Fields, field(b, dep.Sourced, shown, "Where", strings.Join(where, "; "), "places", "lonlat", "area", "where", "location"))
	if dep.Strength != "" {
		c.Fields = append(c.Fields, field(b, dep.Sourced, shown, "Strength", dep.Strength, "strength"))
	}
	if dep.RangeKM > 0 {
		c.Fields = append(c.Fields, field(b, dep.Sourced, shown, "Range", fmt.Sprintf("%g km", dep.RangeKM), "range_km", "range"))
	}
	c.Fields = append(c.Fields,
		field(b, dep.Sourced, shown, "Valid", periodText(dep.Valid), "valid", "valid_from", "valid_to"),
		cardField{Label: "Confidence", Value: string(dep.Confidence), Plain: true})
	shown["confidence"] = true
	c.Fields = append(c.Fields, extraFields(b, dep.Sourced, shown)...)
	c.Excerpts = b.ExcerptsFor(dep.ID)
	return c
}

// actorKinds names actor kinds for people.
var actorKinds = map[data.ActorKind]string{
	data.Faction:      "Faction",
	data.State:        "State",
	data.ArmedGroup:   "Armed group",
	data.Person:       "Person",
	data.Organisation: "Organisation",
}

func actorCard(b *data.Briefing, a *data.Actor, d data.Date) card {
	shown := map[string]bool{}
	kind := actorKinds[a.Kind]
	if kind == "" {
		kind = humanField(string(a.Kind))
	}
	c := card{Ref: data.Ref{Kind: data.KindActor, ID: a.ID}, Title: a.Name, Kind: kind, Note: a.Note}
	if len(a.Aliases) > 0 {
		c.Fields = append(c.Fields, cardField{Label: "Also written", Value: strings.Join(a.Aliases, ", "), Plain: true})
	}
	if a.Description != "" {
		c.Fields = append(c.Fields, field(b, a.Sourced, shown, "Who", a.Description, "description"))
	}
	if a.Side != "" {
		side := a.Side
		for _, s := range b.Sides {
			if s.ID == a.Side {
				side = s.Name
			}
		}
		c.Fields = append(c.Fields, field(b, a.Sourced, shown, "Side", side, "side"))
	}
	if a.Leads != "" {
		c.Fields = append(c.Fields, field(b, a.Sourced, shown, "Leads", b.Name(a.Leads), "leads"))
	}
	if len(a.Backers) > 0 {
		c.Fields = append(c.Fields, field(b, a.Sourced, shown, "Backed by", names(b, a.Backers), "backers"))
	}
	c.Fields = append(c.Fields, extraFields(b, a.Sourced, shown)...)
	var zones, deps []string
	for _, z := range b.ActorZones(a.ID, d) {
		zones = append(zones, z.Name)
	}
	for _, dep := range b.ActorDeployments(a.ID, d) {
		deps = append(deps, dep.Name)
	}
	if len(zones) > 0 {
		c.Fields = append(c.Fields, cardField{Label: "Holds on " + d.Long(), Value: strings.Join(zones, "; "), Plain: true})
	}
	if len(deps) > 0 {
		c.Fields = append(c.Fields, cardField{Label: "Deployments on " + d.Long(), Value: strings.Join(deps, "; "), Plain: true})
	}
	c.Excerpts = b.ExcerptsFor(a.ID)
	return c
}

func excerptCard(b *data.Briefing, e *data.Excerpt) card {
	c := card{Ref: data.Ref{Kind: data.KindExcerpt, ID: e.ID}, Title: "Excerpt", Kind: "Verbatim quote"}
	c.Fields = append(c.Fields, cardField{Label: "About", Value: names(b, e.About), Plain: true})
	c.Excerpts = []*data.Excerpt{e}
	return c
}
