package data

import (
	"cmp"
	"slices"
	"unicode/utf8"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geo"
)

// index holds a briefing's lookup tables: positions of records in the
// slices of Briefing, keyed by id. Load builds it; see Reindex.
type index struct {
	kind        map[string]string
	actors      map[string]int
	zones       map[string]int
	places      map[string]int
	deployments map[string]int
	excerpts    map[string]int
	sources     map[string]int
	events      map[string]int
	about       map[string][]int // record id → excerpts whose About names it, file order
	ledBy       map[string][]string
	zoneBounds  []orb.Bound
	polyBounds  [][]orb.Bound       // zone index → bound of each of its polygons
	pos         map[string]position // record id → where it was written (Load only)
	aboutLine   map[string]int      // excerpt id → line of its about (Load only)
}

// buildIndex indexes b's records by id.
func buildIndex(b *Briefing) *index {
	ix := &index{
		kind:        map[string]string{},
		actors:      make(map[string]int, len(b.Actors)),
		zones:       make(map[string]int, len(b.Zones)),
		places:      make(map[string]int, len(b.Places)),
		deployments: make(map[string]int, len(b.Deployments)),
		excerpts:    make(map[string]int, len(b.Excerpts)),
		sources:     make(map[string]int, len(b.Sources)),
		events:      make(map[string]int, len(b.Events)),
		about:       map[string][]int{},
		ledBy:       map[string][]string{},
		zoneBounds:  make([]orb.Bound, len(b.Zones)),
		polyBounds:  make([][]orb.Bound, len(b.Zones)),
		pos:         map[string]position{},
		aboutLine:   map[string]int{},
	}
	put := func(m map[string]int, kind, id string, i int) {
		if _, dup := ix.kind[id]; dup {
			return
		}
		ix.kind[id] = kind
		m[id] = i
	}
	for i, s := range b.Sources {
		put(ix.sources, KindSource, s.ID, i)
	}
	for i, e := range b.Excerpts {
		put(ix.excerpts, KindExcerpt, e.ID, i)
		for _, id := range e.About {
			if list := ix.about[id]; len(list) == 0 || list[len(list)-1] != i {
				ix.about[id] = append(list, i)
			}
		}
	}
	for i, a := range b.Actors {
		put(ix.actors, KindActor, a.ID, i)
		if a.Leads != "" {
			ix.ledBy[a.Leads] = append(ix.ledBy[a.Leads], a.ID)
		}
	}
	for i, z := range b.Zones {
		put(ix.zones, KindZone, z.ID, i)
		ix.zoneBounds[i] = z.Geometry.Bound()
		for _, pg := range z.Geometry {
			ix.polyBounds[i] = append(ix.polyBounds[i], pg.Bound())
		}
	}
	for i, p := range b.Places {
		put(ix.places, KindPlace, p.ID, i)
	}
	for i, d := range b.Deployments {
		put(ix.deployments, KindDeployment, d.ID, i)
	}
	for i, e := range b.Events {
		put(ix.events, KindEvent, e.ID, i)
	}
	return ix
}

// Reindex rebuilds the lookup tables after the caller built a Briefing by
// hand or changed its records. Load calls it; without it, queries still
// answer correctly but index the briefing again on every call.
func (b *Briefing) Reindex() {
	pos, lines := map[string]position{}, map[string]int{}
	if b.index != nil {
		pos, lines = b.index.pos, b.index.aboutLine
	}
	b.index = buildIndex(b)
	b.index.pos, b.index.aboutLine = pos, lines
}

// ix returns b's index, building a throwaway one when b was not loaded.
func (b *Briefing) ix() *index {
	if b.index != nil && len(b.index.zoneBounds) == len(b.Zones) && len(b.index.events) == len(b.Events) {
		return b.index
	}
	return buildIndex(b)
}

// Actor returns the actor with id, and whether there is one.
func (b *Briefing) Actor(id string) (*Actor, bool) {
	i, ok := b.ix().actors[id]
	if !ok {
		return nil, false
	}
	return &b.Actors[i], true
}

// Zone returns the zone with id, and whether there is one.
func (b *Briefing) Zone(id string) (*Zone, bool) {
	i, ok := b.ix().zones[id]
	if !ok {
		return nil, false
	}
	return &b.Zones[i], true
}

// Place returns the place with id, and whether there is one.
func (b *Briefing) Place(id string) (*Place, bool) {
	i, ok := b.ix().places[id]
	if !ok {
		return nil, false
	}
	return &b.Places[i], true
}

// Deployment returns the deployment with id, and whether there is one.
func (b *Briefing) Deployment(id string) (*Deployment, bool) {
	i, ok := b.ix().deployments[id]
	if !ok {
		return nil, false
	}
	return &b.Deployments[i], true
}

// Excerpt returns the excerpt with id, and whether there is one.
func (b *Briefing) Excerpt(id string) (*Excerpt, bool) {
	i, ok := b.ix().excerpts[id]
	if !ok {
		return nil, false
	}
	return &b.Excerpts[i], true
}

// Source returns the source with id, and whether there is one.
func (b *Briefing) Source(id string) (*Source, bool) {
	i, ok := b.ix().sources[id]
	if !ok {
		return nil, false
	}
	return &b.Sources[i], true
}

// KindOf returns what sort of record id names: KindActor ("actor"),
// KindZone, KindPlace, KindDeployment, KindEvent, KindExcerpt, KindSource,
// or "" when no record has that id.
func (b *Briefing) KindOf(id string) string { return b.ix().kind[id] }

// excerptNameLen is how many characters of an excerpt Name shows.
const excerptNameLen = 60

// Where returns the package file and line where record id is defined, for
// messages that send the user to fix it; ok is false for an unknown id or a
// briefing that was not loaded by Load.
func (b *Briefing) Where(id string) (file string, line int, ok bool) {
	if b.index == nil {
		return "", 0, false
	}
	at, ok := b.index.pos[id]
	return at.File, at.Line, ok
}

// Name returns the display name of the record id: an actor's, zone's,
// place's or deployment's name, an event's title, a source's publisher, an excerpt's text
// shortened to about 60 characters with "…"; "" for an unknown id.
func (b *Briefing) Name(id string) string {
	ix := b.ix()
	switch ix.kind[id] {
	case KindActor:
		return b.Actors[ix.actors[id]].Name
	case KindZone:
		return b.Zones[ix.zones[id]].Name
	case KindPlace:
		return b.Places[ix.places[id]].Name
	case KindDeployment:
		return b.Deployments[ix.deployments[id]].Name
	case KindEvent:
		return b.Events[ix.events[id]].Title
	case KindSource:
		return b.Sources[ix.sources[id]].Publisher
	case KindExcerpt:
		return shorten(b.Excerpts[ix.excerpts[id]].Text, excerptNameLen)
	}
	return ""
}

// shorten cuts s to at most n runes at a word boundary, ending in "…".
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut, runes, lastSpace := 0, 0, 0
	for i, r := range s {
		if runes == n-1 {
			cut = i
			break
		}
		if r == ' ' {
			lastSpace = i
		}
		runes++
	}
	if lastSpace > cut/2 {
		cut = lastSpace
	}
	return s[:cut] + "…"
}

// ZonesAt returns the zones valid on d whose area contains p (holes
// excluded): controlled zones first, then contested ones, each in file order.
func (b *Briefing) ZonesAt(p orb.Point, d Date) []*Zone {
	ix := b.ix()
	var controlled, contested []*Zone
	for i := range b.Zones {
		z := &b.Zones[i]
		if !z.Valid.Contains(d) || !ix.zoneBounds[i].Contains(p) || !multiPolygonCovers(z.Geometry, ix.polyBounds[i], p) {
			continue
		}
		if z.Contested() {
			contested = append(contested, z)
		} else {
			controlled = append(controlled, z)
		}
	}
	return append(controlled, contested...)
}

// multiPolygonCovers reports whether p lies in one of mp's polygons (on its
// boundary included, outside its holes); bounds are the polygons' bounds.
func multiPolygonCovers(mp orb.MultiPolygon, bounds []orb.Bound, p orb.Point) bool {
	for k, pg := range mp {
		if len(pg) == 0 || !bounds[k].Contains(p) || !ringCovers(pg[0], p) {
			continue
		}
		inHole := false
		for _, h := range pg[1:] {
			if ringContains(h, p) {
				inHole = true
				break
			}
		}
		if !inHole {
			return true
		}
	}
	return false
}

// PlaceDistance is a place and its great-circle distance from a point.
type PlaceDistance struct {
	Place *Place
	KM    float64
}

// PlacesNear returns the places within km kilometres of p (great-circle
// distance), nearest first; ties by id.
func (b *Briefing) PlacesNear(p orb.Point, km float64) []PlaceDistance {
	var out []PlaceDistance
	for i := range b.Places {
		d := geo.Distance(p, b.Places[i].Point) / 1000
		if d <= km {
			out = append(out, PlaceDistance{Place: &b.Places[i], KM: d})
		}
	}
	slices.SortStableFunc(out, func(a, c PlaceDistance) int {
		return cmp.Or(cmp.Compare(a.KM, c.KM), cmp.Compare(a.Place.ID, c.Place.ID))
	})
	return out
}

// ZonesOn returns the zones valid on d, in file order.
func (b *Briefing) ZonesOn(d Date) []*Zone {
	var out []*Zone
	for i := range b.Zones {
		if b.Zones[i].Valid.Contains(d) {
			out = append(out, &b.Zones[i])
		}
	}
	return out
}

// DeploymentsOn returns the deployments valid on d, in file order.
func (b *Briefing) DeploymentsOn(d Date) []*Deployment {
	var out []*Deployment
	for i := range b.Deployments {
		if b.Deployments[i].Valid.Contains(d) {
			out = append(out, &b.Deployments[i])
		}
	}
	return out
}

// StatusOn returns the place's status valid on d, and whether it has one.
func (p *Place) StatusOn(d Date) (PlaceStatus, bool) {
	for _, s := range p.Statuses {
		if s.Valid.Contains(d) {
			return s, true
		}
	}
	return PlaceStatus{}, false
}

// sourcedIDs returns every excerpt id named in record id's sourced maps
// (a place's statuses included).
func (b *Briefing) sourcedIDs(id string) []string {
	var maps []Sourced
	if a, ok := b.Actor(id); ok {
		maps = append(maps, a.Sourced)
	}
	if z, ok := b.Zone(id); ok {
		maps = append(maps, z.Sourced)
	}
	if p, ok := b.Place(id); ok {
		maps = append(maps, p.Sourced)
		for _, s := range p.Statuses {
			maps = append(maps, s.Sourced)
		}
	}
	if d, ok := b.Deployment(id); ok {
		maps = append(maps, d.Sourced)
	}
	if e, ok := b.Event(id); ok {
		maps = append(maps, e.Sourced)
	}
	var out []string
	for _, m := range maps {
		for _, ids := range m {
			out = append(out, ids...)
		}
	}
	return out
}

// ExcerptsFor returns the excerpts about record id: those whose About names
// it and those its sourced maps cite, in file order, without duplicates.
func (b *Briefing) ExcerptsFor(id string) []*Excerpt {
	ix := b.ix()
	idxs := slices.Clone(ix.about[id])
	for _, eid := range b.sourcedIDs(id) {
		if i, ok := ix.excerpts[eid]; ok {
			idxs = append(idxs, i)
		}
	}
	slices.Sort(idxs)
	idxs = slices.Compact(idxs)
	out := make([]*Excerpt, len(idxs))
	for k, i := range idxs {
		out[k] = &b.Excerpts[i]
	}
	return out
}

// SnapshotFor returns the snapshot of date d, or a Snapshot of d without a
// label when the briefing offers none for that date.
func (b *Briefing) SnapshotFor(d Date) Snapshot {
	for _, s := range b.Snapshots {
		if s.Date == d {
			return s
		}
	}
	return Snapshot{Date: d}
}

// SourcesOf returns the ids of the sources of excerpts, without duplicates,
// in first-seen order.
func (b *Briefing) SourcesOf(excerpts []*Excerpt) []string {
	var out []string
	for _, e := range excerpts {
		if !slices.Contains(out, e.Source) {
			out = append(out, e.Source)
		}
	}
	return out
}
