package data

import (
	"io/fs"
	"slices"
	"strings"

	"github.com/paulmach/orb"
	"gopkg.in/yaml.v3"
)

// position is where a record was written in its package.
type position struct {
	File string
	Line int
}

// idDef is a defined record id.
type idDef struct {
	kind Kind
	at   position
}

// idRef is a reference to a record id, to be resolved once every file is read.
type idRef struct {
	at    position
	field string
	id    string
	kinds []Kind // the kinds the id may have
}

// sourcedCheck is one excerpt named in a record's sourced map: the excerpt
// must exist and list the record in its about.
type sourcedCheck struct {
	at             position
	field, excerpt string
	record         string
}

// pointCheck is a point that must lie inside the briefing's bbox, or, when
// offMap is set (an event abroad), whose lon and lat must not look swapped.
type pointCheck struct {
	at     position
	field  string
	p      orb.Point
	offMap bool
}

// loader accumulates a package's records and problems while it is read.
type loader struct {
	ps        problems
	b         Briefing
	haveBBox  bool
	ids       map[string]idDef
	refs      []idRef
	sourced   []sourcedCheck
	points    []pointCheck
	sideRefs  []idRef
	aboutLine map[string]int // excerpt id → line of its about
	features  map[string]feature
	featOrder []string
	areas     map[string]bool // deployments that declared area: true
	// geometryRead is true once zones.geojson was read without malformed
	// JSON, so that a missing feature is worth reporting.
	geometryRead bool
	// root is the package's file system (for its sources/ texts); opts
	// are the options it is loaded with.
	root fs.FS
	opts LoadOptions
	// sourceLines holds, per source id, the line of its mapping ("") and
	// of its fields; excerptLines the lines of each excerpt's anchors.
	sourceLines  map[string]map[string]int
	excerptLines map[string]excerptLines
	// broken names the files that are missing or could not be parsed:
	// references into them are not reported, as they would only echo
	// the first problem.
	broken map[string]bool
	// plainJSON makes decodeGeometry read zones.geojson with encoding/json
	// only, never the fast reader (the tests compare the two).
	plainJSON bool
}

func newLoader() *loader {
	return &loader{
		ids:       map[string]idDef{},
		aboutLine: map[string]int{},
		features:  map[string]feature{},
		areas:     map[string]bool{},
		broken:    map[string]bool{},

		sourceLines:  map[string]map[string]int{},
		excerptLines: map[string]excerptLines{},
	}
}

// Field names a record's sourced map may use, per record kind.
var (
	actorFields      = []string{"name", "aliases", "kind", "side", "backers", "leads", "description"}
	zoneFields       = []string{"name", "controller", "contested_by", "valid_from", "valid_to", "confidence", "geometry"}
	placeFields      = []string{"name", "aliases", "kind", "lonlat"}
	statusFields     = []string{"status", "valid_from", "valid_to"}
	deploymentFields = []string{"name", "actor", "supports", "what", "places", "lonlat", "area", "strength", "range_km", "valid_from", "valid_to", "confidence"}
)

// Enumerations.
var (
	confidences     = []string{string(High), string(Medium), string(Low)}
	actorKinds      = []string{string(Faction), string(State), string(ArmedGroup), string(Person), string(Organisation)}
	placeKinds      = []string{string(OilTerminal), string(OilField), string(Airbase), string(City), string(Port), string(OtherPlace)}
	deploymentWhats = []string{"mercenaries", "fighters", "drones", "air-defence", "troops", "advisers", "aircraft"}
)

// kindFile is the file that defines records of each kind.
var kindFile = map[Kind]string{
	KindActor: fileActors, KindZone: fileZones, KindPlace: filePlaces,
	KindDeployment: fileDeployments, KindExcerpt: fileExcerpts, KindSource: fileSources,
	KindEvent: fileEvents,
}

// define registers a record id, checking its syntax and that it is unique
// across the package. It returns the id, or "" when it is missing.
func (l *loader) define(fs *fields, kind Kind) string {
	id := fs.str("id", true)
	if id == "" {
		l.broken[fs.f.name] = true // references to it cannot be checked
		return ""
	}
	at := position{fs.f.name, fs.line("id")}
	if !idPattern.MatchString(id) {
		l.ps.add(at.File, at.Line, "id", "%q is not a valid id (lower-case letters, digits and -, starting with a letter or digit)", id)
	}
	if prev, dup := l.ids[id]; dup {
		l.ps.add(at.File, at.Line, "id", "duplicate id %q (already used by the %s at %s:%d)", id, prev.kind, prev.at.File, prev.at.Line)
		return id
	}
	l.ids[id] = idDef{kind: kind, at: at}
	return id
}

// ref records a reference from fs's key to id, to resolve later.
func (l *loader) ref(fs *fields, key string, line int, id string, kinds ...Kind) {
	if id == "" {
		return
	}
	l.refs = append(l.refs, idRef{at: position{fs.f.name, line}, field: key, id: id, kinds: kinds})
}

// refList records references from each item of the list key.
func (l *loader) refList(fs *fields, key string, required bool, kinds ...Kind) []string {
	ids := fs.strList(key, required)
	items := fs.list(key, false)
	for i, id := range ids {
		line := fs.line(key)
		if len(items) == len(ids) {
			line = items[i].Line
		}
		l.ref(fs, key, line, id, kinds...)
	}
	return ids
}

// enum returns key's value, checking it is one of allowed.
func enum(fs *fields, key string, required bool, allowed []string) string {
	s := fs.str(key, required)
	if s != "" && !slices.Contains(allowed, s) {
		fs.f.ps.add(fs.f.name, fs.line(key), key, "%q is not one of %s", s, strings.Join(allowed, ", "))
	}
	return s
}

// addSourced records the sourced checks of record id.
func (l *loader) addSourced(fs *fields, id string, allowed []string) Sourced {
	s, refs := fs.sourced("sourced", allowed)
	for _, r := range refs {
		l.sourced = append(l.sourced, sourcedCheck{
			at: position{fs.f.name, r.line}, field: "sourced." + r.field, excerpt: r.excerpt, record: id,
		})
	}
	return s
}

// addPoint records a point to check against the bbox.
func (l *loader) addPoint(fs *fields, key string, p *orb.Point) {
	if p != nil {
		l.points = append(l.points, pointCheck{at: position{fs.f.name, fs.line(key)}, field: key, p: *p})
	}
}

// addOffMapPoint records a point that may lie outside the bbox but must not
// be the swap of a point inside it.
func (l *loader) addOffMapPoint(fs *fields, key string, p *orb.Point) {
	if p != nil {
		l.points = append(l.points, pointCheck{at: position{fs.f.name, fs.line(key)}, field: key, p: *p, offMap: true})
	}
}

func (l *loader) decodeBriefing(f *yamlFile, root *yaml.Node) {
	fs := f.mapping(root, "", []string{"id", "title", "subtitle", "region", "country_iso", "default_date", "snapshots", "bbox", "sides", "notes", "blockers"})
	if fs == nil {
		return
	}
	b := &l.b
	b.ID = fs.str("id", true)
	if b.ID != "" && !idPattern.MatchString(b.ID) {
		l.ps.add(f.name, fs.line("id"), "id", "%q is not a valid id (lower-case letters, digits and -)", b.ID)
	}
	b.Title = fs.str("title", true)
	b.Subtitle = fs.str("subtitle", false)
	b.Region = fs.str("region", true)
	b.CountryISO = fs.str("country_iso", false)
	if iso := b.CountryISO; iso != "" && (len(iso) != 3 || strings.ToUpper(iso) != iso) {
		l.ps.add(f.name, fs.line("country_iso"), "country_iso", "%q is not an ISO 3166-1 alpha-3 code", iso)
	}
	b.DefaultDate = fs.date("default_date", true)
	b.Notes = fs.str("notes", false)
	b.Blockers = fs.strList("blockers", false)
	if xs, ok := fs.numbers("bbox", 4, true); ok {
		w, s, e, n := xs[0], xs[1], xs[2], xs[3]
		switch {
		case w < -180 || e > 180 || s < -90 || n > 90:
			l.ps.add(f.name, fs.line("bbox"), "bbox", "[%g %g %g %g] is not west, south, east, north in degrees", w, s, e, n)
		case w >= e || s >= n:
			l.ps.add(f.name, fs.line("bbox"), "bbox", "[%g %g %g %g]: west must be less than east and south less than north", w, s, e, n)
		default:
			b.BBox = orb.Bound{Min: orb.Point{w, s}, Max: orb.Point{e, n}}
			l.haveBBox = true
		}
	}
	for _, n := range fs.list("snapshots", false) {
		sf := f.mapping(n, "snapshots", []string{"date", "label"})
		if sf == nil {
			continue
		}
		b.Snapshots = append(b.Snapshots, Snapshot{Date: sf.date("date", true), Label: sf.str("label", true)})
	}
	seen := map[string]bool{}
	for _, n := range fs.list("sides", false) {
		sf := f.mapping(n, "sides", []string{"id", "name"})
		if sf == nil {
			continue
		}
		s := Side{ID: sf.str("id", true), Name: sf.str("name", true)}
		if s.ID != "" && !idPattern.MatchString(s.ID) {
			l.ps.add(f.name, sf.line("id"), "id", "%q is not a valid side id", s.ID)
		}
		if seen[s.ID] {
			l.ps.add(f.name, sf.line("id"), "id", "duplicate side %q", s.ID)
		}
		seen[s.ID] = true
		b.Sides = append(b.Sides, s)
	}
}

func (l *loader) decodeActor(f *yamlFile, n *yaml.Node) {
	fs := f.mapping(n, "actors", []string{"id", "name", "aliases", "kind", "side", "backers", "leads", "description", "sourced", "note"})
	if fs == nil {
		l.broken[f.name] = true
		return
	}
	a := Actor{
		ID:          l.define(fs, KindActor),
		Name:        fs.str("name", true),
		Kind:        ActorKind(enum(fs, "kind", true, actorKinds)),
		Side:        fs.str("side", false),
		Description: fs.str("description", false),
		Note:        fs.str("note", false),
	}
	a.Aliases, a.AliasOptions = fs.aliases()
	if a.Side != "" {
		l.sideRefs = append(l.sideRefs, idRef{at: position{f.name, fs.line("side")}, field: "side", id: a.Side})
	}
	a.Backers = l.refList(fs, "backers", false, KindActor)
	a.Leads = fs.str("leads", false)
	l.ref(fs, "leads", fs.line("leads"), a.Leads, KindActor)
	if a.Leads != "" && a.Leads == a.ID {
		l.ps.add(f.name, fs.line("leads"), "leads", "an actor cannot lead itself")
	}
	if slices.Contains(a.Backers, a.ID) && a.ID != "" {
		l.ps.add(f.name, fs.line("backers"), "backers", "an actor cannot back itself")
	}
	a.Sourced = l.addSourced(fs, a.ID, actorFields)
	l.b.Actors = append(l.b.Actors, a)
}

func (l *loader) decodeZone(f *yamlFile, n *yaml.Node) {
	fs := f.mapping(n, "zones", []string{"id", "name", "controller", "contested_by", "valid_from", "valid_to", "confidence", "approximate", "sourced", "note"})
	if fs == nil {
		l.broken[f.name] = true
		return
	}
	z := Zone{
		ID:          l.define(fs, KindZone),
		Name:        fs.str("name", true),
		Controller:  fs.str("controller", false),
		Valid:       fs.period(true),
		Confidence:  Confidence(enum(fs, "confidence", true, confidences)),
		Approximate: fs.boolean("approximate"),
		Note:        fs.str("note", false),
	}
	l.ref(fs, "controller", fs.line("controller"), z.Controller, KindActor)
	z.ContestedBy = l.refList(fs, "contested_by", false, KindActor)
	switch {
	case z.Controller != "" && len(z.ContestedBy) > 0:
		l.ps.add(f.name, fs.line("contested_by"), "contested_by", "a zone has either a controller or contested_by, not both")
	case z.Controller == "" && len(z.ContestedBy) == 0:
		l.ps.add(f.name, fs.node.Line, "controller", "missing (or give contested_by with two or more actors for a contested zone)")
	case z.Controller == "" && len(z.ContestedBy) < 2:
		l.ps.add(f.name, fs.line("contested_by"), "contested_by", "a contested zone needs two or more actors")
	}
	if dup := firstDuplicate(z.ContestedBy); dup != "" {
		l.ps.add(f.name, fs.line("contested_by"), "contested_by", "%q listed twice", dup)
	}
	z.Sourced = l.addSourced(fs, z.ID, zoneFields)
	l.b.Zones = append(l.b.Zones, z)
}

func (l *loader) decodePlace(f *yamlFile, n *yaml.Node) {
	fs := f.mapping(n, "places", []string{"id", "name", "aliases", "kind", "lonlat", "importance", "statuses", "sourced", "note"})
	if fs == nil {
		l.broken[f.name] = true
		return
	}
	p := Place{
		ID:   l.define(fs, KindPlace),
		Name: fs.str("name", true),
		Kind: PlaceKind(enum(fs, "kind", true, placeKinds)),
		Note: fs.str("note", false),
	}
	p.Aliases, p.AliasOptions = fs.aliases()
	if pt := fs.lonlat("lonlat", true); pt != nil {
		p.Point = *pt
		l.addPoint(fs, "lonlat", pt)
	}
	p.Importance = 3
	if v, ok := fs.scalar("importance", false); ok {
		if x, num := scalarNumber(v); num && (x == 1 || x == 2 || x == 3) {
			p.Importance = int(x)
		} else {
			l.ps.add(f.name, v.Line, "importance", "%q is not 1, 2 or 3", v.Value)
		}
	}
	for _, sn := range fs.list("statuses", false) {
		sf := f.mapping(sn, "statuses", []string{"status", "valid_from", "valid_to", "sourced", "note"})
		if sf == nil {
			continue
		}
		st := PlaceStatus{Status: sf.str("status", true), Valid: sf.period(true), Note: sf.str("note", false)}
		st.Sourced = l.addSourced(sf, p.ID, statusFields)
		p.Statuses = append(p.Statuses, st)
	}
	for i := 1; i < len(p.Statuses); i++ {
		for j := range i {
			if periodsOverlap(p.Statuses[i].Valid, p.Statuses[j].Valid) {
				l.ps.add(f.name, deref(fs.list("statuses", false)[i]).Line, "statuses",
					"%s (%s) overlaps %s (%s): a place has one status at a time",
					p.Statuses[i].Status, p.Statuses[i].Valid, p.Statuses[j].Status, p.Statuses[j].Valid)
			}
		}
	}
	p.Sourced = l.addSourced(fs, p.ID, placeFields)
	l.b.Places = append(l.b.Places, p)
}

func (l *loader) decodeDeployment(f *yamlFile, n *yaml.Node) {
	fs := f.mapping(n, "deployments", []string{"id", "name", "actor", "supports", "what", "places", "lonlat", "area", "strength", "range_km", "range_max", "valid_from", "valid_to", "confidence", "sourced", "note"})
	if fs == nil {
		l.broken[f.name] = true
		return
	}
	d := Deployment{
		ID:         l.define(fs, KindDeployment),
		Name:       fs.str("name", true),
		Actor:      fs.str("actor", true),
		Supports:   fs.str("supports", false),
		What:       enum(fs, "what", true, deploymentWhats),
		Strength:   fs.str("strength", false),
		RangeKM:    fs.number("range_km"),
		RangeMax:   fs.boolean("range_max"),
		Valid:      fs.period(true),
		Confidence: Confidence(enum(fs, "confidence", true, confidences)),
		Note:       fs.str("note", false),
	}
	l.ref(fs, "actor", fs.line("actor"), d.Actor, KindActor)
	l.ref(fs, "supports", fs.line("supports"), d.Supports, KindActor)
	d.Places = l.refList(fs, "places", false, KindPlace)
	d.Point = fs.lonlat("lonlat", false)
	l.addPoint(fs, "lonlat", d.Point)
	area := fs.boolean("area")
	if area && d.ID != "" {
		l.areas[d.ID] = true
	}
	if d.RangeKM < 0 {
		l.ps.add(f.name, fs.line("range_km"), "range_km", "%g is negative", d.RangeKM)
	}
	if d.RangeMax && !(d.RangeKM > 0) {
		l.ps.add(f.name, fs.line("range_max"), "range_max", "true needs a range_km above 0 (the upper bound it qualifies)")
	}
	if len(d.Places) == 0 && d.Point == nil && !area && !fs.has("lonlat") && !fs.has("places") {
		l.ps.add(f.name, fs.node.Line, "places", "a deployment needs at least one of places, lonlat or area")
	}
	d.Sourced = l.addSourced(fs, d.ID, deploymentFields)
	l.b.Deployments = append(l.b.Deployments, d)
}

// firstDuplicate returns the first id that occurs twice in ids, or "".
func firstDuplicate(ids []string) string {
	seen := make(map[string]bool, len(ids))
	for _, id := range ids {
		if seen[id] {
			return id
		}
		seen[id] = true
	}
	return ""
}

// periodsOverlap reports whether two validity periods share a day.
func periodsOverlap(a, b Period) bool {
	if !a.To.IsZero() && !b.From.IsZero() && a.To.Before(b.From) {
		return false
	}
	if !b.To.IsZero() && !a.From.IsZero() && b.To.Before(a.From) {
		return false
	}
	return true
}
