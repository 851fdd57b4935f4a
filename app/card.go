package app

import (
	"fmt"
	"slices"
	"strings"

	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/scene"
)

// cardField is one line of a card: a labelled value and, when excerpts
// back it, those excerpts (Sourced); otherwise it is background knowledge.
type cardField struct {
	Label   string
	Value   string
	Links   []cardLink      // records named after Value, each a link to its card
	Sourced []*data.Excerpt // nil: background
	Plain   bool            // not a claim (a name, an alias list): no sourced/background tag
}

// cardLink is a record named on a card, a link that selects it.
type cardLink struct {
	Text string
	Ref  data.Ref
}

// text returns the field's value as read: Value, then its links' texts.
func (f cardField) text() string {
	parts := make([]string, 0, len(f.Links))
	for _, l := range f.Links {
		parts = append(parts, l.Text)
	}
	links := strings.Join(parts, ", ")
	switch {
	case links == "":
		return f.Value
	case f.Value == "":
		return links
	}
	return f.Value + " " + links
}

// cardList is a titled list of records on a card (the events at a
// place), each a link with its sourced/background tag.
type cardList struct {
	Title string
	Items []cardItem
}

// cardItem is one line of a cardList: a link (short: links do not wrap),
// then the rest of the line.
type cardItem struct {
	cardLink
	Rest string
	Tag  string // tagSourced, tagPartly or tagBackground
}

// text returns the item as read: "6 January 2020 · The LNA takes Sirte".
func (it cardItem) text() string {
	if it.Rest == "" {
		return it.Text
	}
	return it.Text + " · " + it.Rest
}

// card is what the Selection and Actors tabs show about one record.
type card struct {
	Ref      data.Ref
	Title    string
	Kind     string // what the record is, e.g. "Zone of control"
	Fields   []cardField
	Lists    []cardList
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
		fmt.Fprintf(&sb, "%s: %s%s\n", f.Label, f.text(), tag)
		for _, e := range f.Sourced {
			fmt.Fprintf(&sb, "  “%s” %s\n", e.Text, citation(b, e))
		}
	}
	for _, l := range c.Lists {
		fmt.Fprintf(&sb, "%s:\n", l.Title)
		for _, it := range l.Items {
			fmt.Fprintf(&sb, "  %s [%s]\n", it.text(), it.Tag)
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
	slices.Sort(keys)
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

// cardBuilder builds one record's card: it adds fields, tagging each one
// sourced or background from the record's sourced map, and keeps track of
// the sourced keys it showed so that extras adds the others.
type cardBuilder struct {
	b     *data.Briefing
	src   data.Sourced
	shown map[string]bool
	c     card
}

func newCard(b *data.Briefing, ref data.Ref, title, kind, note string, src data.Sourced) *cardBuilder {
	return &cardBuilder{b: b, src: src, shown: map[string]bool{}, c: card{Ref: ref, Title: title, Kind: kind, Note: note}}
}

// field adds a claim whose sourced keys are keys.
func (cb *cardBuilder) field(label, value string, keys ...string) {
	for _, k := range keys {
		cb.shown[k] = true
	}
	cb.c.Fields = append(cb.c.Fields, cardField{Label: label, Value: value, Sourced: sourcedBy(cb.b, cb.src, keys...)})
}

// plain adds a field that is no claim (a name, a list of aliases).
func (cb *cardBuilder) plain(label, value string) {
	cb.c.Fields = append(cb.c.Fields, cardField{Label: label, Value: value, Plain: true})
}

// aliases adds the other spellings of a name, if any.
func (cb *cardBuilder) aliases(as []string) {
	if len(as) > 0 {
		cb.plain("Also written", strings.Join(as, ", "))
	}
}

// validity adds a record's validity period and confidence.
func (cb *cardBuilder) validity(p data.Period, conf data.Confidence) {
	cb.field("Valid", periodText(p), "valid", "valid_from", "valid_to")
	cb.plain("Confidence", string(conf))
	cb.shown["confidence"] = true
}

// extras adds a field for every sourced key not shown yet, so no sourced
// claim is left off a card.
func (cb *cardBuilder) extras() {
	cb.c.Fields = append(cb.c.Fields, extraFields(cb.b, cb.src, cb.shown)...)
}

// card returns the card, with every excerpt about record id.
func (cb *cardBuilder) card(id string) card {
	cb.c.Excerpts = cb.b.ExcerptsFor(id)
	return cb.c
}

// kindNames names the kinds of places and actors for people.
var kindNames = map[string]string{
	string(data.OilTerminal): "Oil terminal", string(data.OilField): "Oil field", string(data.Airbase): "Airbase",
	string(data.City): "City", string(data.Port): "Port", string(data.OtherPlace): "Place",
	string(data.Faction): "Faction", string(data.State): "State", string(data.ArmedGroup): "Armed group",
	string(data.Person): "Person", string(data.Organisation): "Organisation",
}

// kindName returns the name of place or actor kind k for people: its
// kindNames entry, or k made readable.
func kindName[K ~string](k K) string {
	if n := kindNames[string(k)]; n != "" {
		return n
	}
	return humanField(string(k))
}

// lonLat returns "32.89°N 13.19°E".
func lonLat(p orb.Point) string { return fmt.Sprintf("%.2f°N %.2f°E", p[1], p[0]) }

// buildCard returns the card of ref on date d, of the briefing r draws
// (r says which events the map can draw, and where those it cannot took
// place); ok is false when the briefing has no such record.
func buildCard(r *scene.Renderer, ref data.Ref, d data.Date) (card, bool) {
	b := r.Briefing()
	switch ref.Kind {
	case data.KindEvent:
		if e, ok := b.Event(ref.ID); ok {
			return eventCard(r, e, d), true
		}
	case data.KindZone:
		if z, ok := b.Zone(ref.ID); ok {
			return zoneCard(b, z), true
		}
	case data.KindPlace:
		if p, ok := b.Place(ref.ID); ok {
			return placeCard(r, p, d), true
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
	cb := newCard(b, data.Ref{Kind: data.KindZone, ID: z.ID}, z.Name, "Zone of control", z.Note, z.Sourced)
	if z.Contested() {
		cb.c.Kind = "Contested zone"
		cb.field("Contested by", names(b, z.ContestedBy), "contested_by")
	} else {
		cb.field("Controlled by", b.Name(z.Controller), "controller")
	}
	cb.field("Valid", periodText(z.Valid), "valid", "valid_from", "valid_to")
	extent := "as drawn"
	if z.Approximate {
		extent = "approximate (hand-drawn at national scale)"
	}
	cb.field("Boundary", extent, "geometry", "extent", "boundary", "area")
	cb.plain("Confidence", string(z.Confidence))
	cb.shown["confidence"] = true
	cb.extras()
	return cb.card(z.ID)
}

func placeCard(r *scene.Renderer, p *data.Place, d data.Date) card {
	b := r.Briefing()
	cb := newCard(b, data.Ref{Kind: data.KindPlace, ID: p.ID}, p.Name, kindName(p.Kind), p.Note, p.Sourced)
	cb.aliases(p.Aliases)
	cb.field("Location", lonLat(p.Point), "lonlat", "location", "point")
	cb.holder(p, d)
	if st, ok := p.StatusOn(d); ok {
		f := cardField{Label: "Status on " + d.Long(), Value: st.Status + " (" + periodText(st.Valid) + ")",
			Sourced: sourcedBy(b, st.Sourced, "status", "valid", "valid_from", "valid_to")}
		cb.c.Fields = append(cb.c.Fields, f)
		if st.Note != "" && len(f.Sourced) == 0 {
			cb.c.Note = strings.TrimSpace(cb.c.Note + " " + st.Note)
		}
	} else if p.Kind == data.OilTerminal || p.Kind == data.OilField {
		cb.plain("Status on "+d.Long(), "no status recorded")
	}
	cb.extras()
	cb.placeEvents(p)
	return cb.card(p.ID)
}

func deploymentCard(b *data.Briefing, dep *data.Deployment) card {
	cb := newCard(b, data.Ref{Kind: data.KindDeployment, ID: dep.ID}, dep.Name, "Deployment", dep.Note, dep.Sourced)
	cb.field("Force of", b.Name(dep.Actor), "actor")
	if dep.Supports != "" {
		cb.field("Fighting for", b.Name(dep.Supports), "supports")
	}
	cb.field("What", dep.What, "what")
	var where []string
	if len(dep.Places) > 0 {
		where = append(where, names(b, dep.Places))
	}
	if dep.Point != nil {
		where = append(where, lonLat(*dep.Point))
	}
	if len(dep.Area) > 0 {
		where = append(where, "an area (drawn on the map)")
	}
	cb.field("Where", strings.Join(where, "; "), "places", "lonlat", "area", "where", "location")
	if dep.Strength != "" {
		cb.field("Strength", dep.Strength, "strength")
	}
	if dep.RangeKM > 0 {
		cb.field("Range", scene.RangeText(dep, false), "range_km", "range")
	}
	cb.validity(dep.Valid, dep.Confidence)
	cb.extras()
	return cb.card(dep.ID)
}

func actorCard(b *data.Briefing, a *data.Actor, d data.Date) card {
	cb := newCard(b, data.Ref{Kind: data.KindActor, ID: a.ID}, a.Name, kindName(a.Kind), a.Note, a.Sourced)
	cb.aliases(a.Aliases)
	if a.Description != "" {
		cb.field("Who", a.Description, "description")
	}
	if a.Side != "" {
		side := a.Side
		if i := slices.IndexFunc(b.Sides, func(s data.Side) bool { return s.ID == a.Side }); i >= 0 {
			side = b.Sides[i].Name
		}
		cb.field("Side", side, "side")
	}
	if a.Leads != "" {
		cb.field("Leads", b.Name(a.Leads), "leads")
	}
	if len(a.Backers) > 0 {
		cb.field("Backed by", names(b, a.Backers), "backers")
	}
	cb.extras()
	var zones, deps []string
	for _, z := range b.ActorZones(a.ID, d) {
		zones = append(zones, z.Name)
	}
	for _, dep := range b.ActorDeployments(a.ID, d) {
		deps = append(deps, dep.Name)
	}
	if len(zones) > 0 {
		cb.plain("Holds on "+d.Long(), strings.Join(zones, "; "))
	}
	if len(deps) > 0 {
		cb.plain("Deployments on "+d.Long(), strings.Join(deps, "; "))
	}
	return cb.card(a.ID)
}

func excerptCard(b *data.Briefing, e *data.Excerpt) card {
	c := card{Ref: data.Ref{Kind: data.KindExcerpt, ID: e.ID}, Title: "Excerpt", Kind: "Verbatim quote"}
	c.Fields = append(c.Fields, cardField{Label: "About", Value: names(b, e.About), Plain: true})
	c.Excerpts = []*data.Excerpt{e}
	return c
}
