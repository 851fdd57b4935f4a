// Package data holds the briefing model: sources, verbatim excerpts, actors,
// zones of control, places and foreign deployments, each with a validity
// period. It loads and validates briefing packages (see FORMAT.md), answers
// queries by point and date, and matches actor and place aliases in text.
// It knows nothing of drawing.
package data

import (
	"github.com/paulmach/orb"
)

// Confidence is how sure the briefing is of a record.
type Confidence string

// Confidence levels.
const (
	High   Confidence = "high"
	Medium Confidence = "medium"
	Low    Confidence = "low"
)

// Sourced maps a record's field name to the ids of the excerpts that back it.
// A field that is not a key is background knowledge.
type Sourced map[string][]string

// Briefing is one loaded, validated briefing package.
type Briefing struct {
	ID          string
	Title       string
	Subtitle    string
	Region      string
	CountryISO  string
	DefaultDate Date
	Snapshots   []Snapshot
	BBox        orb.Bound
	Sides       []Side
	Notes       string
	// Blockers are names that contain an alias but mean something else
	// ("Gulf of Sidra", "Khaled Haftar"): an alias inside one does not
	// match (see Matcher).
	Blockers []string

	Sources     []Source
	Excerpts    []Excerpt
	Actors      []Actor
	Zones       []Zone
	Places      []Place
	Deployments []Deployment
	Events      []Event

	// TextChecks says, per source, whether its excerpts were verified
	// against the article's text when the package was loaded (Load fills
	// it; a bad text or anchor makes Load fail instead).
	TextChecks []TextCheck

	// index holds the lookup tables built by Load (see Reindex).
	index *index
}

// Snapshot is a date the app offers in its date switch.
type Snapshot struct {
	Date  Date
	Label string
}

// Side groups actors that fight on the same side; its order sets palette order.
type Side struct {
	ID   string
	Name string
}

// Source is a published article the excerpts are taken from.
type Source struct {
	ID              string
	Publisher       string
	Title           string
	Date            Date
	DateApproximate bool
	URL             string
	File            string // the article text's file name, in the package's sources/ folder
	SHA256          string // lower-case hex SHA-256 of the article's normalised text (see NormaliseText)
}

// Excerpt is a verbatim quote from a source, and the records it backs or
// mentions. Prefix, Suffix, Start and End anchor it in the source's
// normalised text (see Anchor).
type Excerpt struct {
	ID     string
	Source string
	Text   string // as displayed: typographic punctuation kept
	Prefix string
	Suffix string
	Start  int
	End    int
	About  []string
}

// Anchor returns the excerpt's anchor in its source's normalised text.
func (e *Excerpt) Anchor() Anchor {
	return Anchor{Prefix: e.Prefix, Suffix: e.Suffix, Start: e.Start, End: e.End}
}

// Alias is an alias written with options in actors.yaml or places.yaml
// (`{name: Turkey, match_case: true}`); an alias written as a plain string
// has none.
type Alias struct {
	Name      string
	MatchCase bool   // match only with exactly this capitalisation
	Valid     Period // match only in texts matched at a date in this period (zero ends: open)
}

// ActorKind is what sort of actor an Actor is.
type ActorKind string

// Actor kinds.
const (
	Faction      ActorKind = "faction"
	State        ActorKind = "state"
	ArmedGroup   ActorKind = "armed-group"
	Person       ActorKind = "person"
	Organisation ActorKind = "organisation"
)

// Actor is a faction, state, armed group, person or organisation.
type Actor struct {
	ID      string
	Name    string
	Aliases []string // every alias, as written, for display and search
	// AliasOptions holds the aliases written with options, in file order;
	// an alias of Aliases not listed here (and the name, unless listed
	// here) matches at any date, case-insensitively.
	AliasOptions []Alias
	Kind         ActorKind
	Side         string
	Backers      []string
	Leads        string
	Description  string
	Sourced      Sourced
	Note         string
}

// Zone is an area under one actor's control, or contested between several,
// during a validity period.
type Zone struct {
	ID          string
	Name        string
	Controller  string
	ContestedBy []string
	Valid       Period
	Confidence  Confidence
	Approximate bool
	Sourced     Sourced
	Note        string
	Geometry    orb.MultiPolygon
}

// Contested reports whether the zone is a contested area (no controller).
func (z Zone) Contested() bool { return z.Controller == "" }

// PlaceKind is what sort of place a Place is.
type PlaceKind string

// Place kinds.
const (
	OilTerminal PlaceKind = "oil-terminal"
	OilField    PlaceKind = "oil-field"
	Airbase     PlaceKind = "airbase"
	City        PlaceKind = "city"
	Port        PlaceKind = "port"
	OtherPlace  PlaceKind = "other"
)

// Place is a named point: a terminal, field, airbase, city.
type Place struct {
	ID           string
	Name         string
	Aliases      []string // every alias, as written
	AliasOptions []Alias  // the aliases written with options (see Actor.AliasOptions)
	Kind         PlaceKind
	Point        orb.Point
	Importance   int
	Statuses     []PlaceStatus
	Sourced      Sourced
	Note         string
}

// PlaceStatus is a place's state (e.g. "blockaded") during a period.
type PlaceStatus struct {
	Status  string
	Valid   Period
	Sourced Sourced
	Note    string
}

// Deployment is a foreign or allied force at places, a point or an area.
type Deployment struct {
	ID         string
	Name       string
	Actor      string
	Supports   string
	What       string
	Places     []string
	Point      *orb.Point
	Area       orb.MultiPolygon
	Strength   string
	RangeKM    float64
	RangeMax   bool // RangeKM is an upper bound ("a range of less than 200km")
	Valid      Period
	Confidence Confidence
	Sourced    Sourced
	Note       string
}
