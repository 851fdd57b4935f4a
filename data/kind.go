package data

import "strings"

// Kind is what sort of record an id names.
type Kind string

// Record kinds, as KindOf returns them.
const (
	KindActor      = Kind("actor")
	KindZone       = Kind("zone")
	KindPlace      = Kind("place")
	KindDeployment = Kind("deployment")
	KindExcerpt    = Kind("excerpt")
	KindSource     = Kind("source")
	KindEvent      = Kind("event")
)

// Ref names one record of a briefing by its kind and id. The zero Ref names
// nothing.
type Ref struct {
	Kind Kind
	ID   string
}

// IsZero reports whether r names nothing.
func (r Ref) IsZero() bool { return r.ID == "" }

// String returns "kind:id", the form ParseRef reads (and the key of r's
// objects on a drawn map).
func (r Ref) String() string { return string(r.Kind) + ":" + r.ID }

// ParseRef is the inverse of Ref.String; ok is false for an empty or
// malformed string. It does not check that the record exists.
func ParseRef(s string) (r Ref, ok bool) {
	kind, id, ok := strings.Cut(s, ":")
	if !ok || kind == "" || id == "" {
		return Ref{}, false
	}
	return Ref{Kind: Kind(kind), ID: id}, true
}

// Ref returns the Ref of the record with id, and whether there is one.
func (b *Briefing) Ref(id string) (Ref, bool) {
	k := b.KindOf(id)
	if k == "" {
		return Ref{}, false
	}
	return Ref{Kind: k, ID: id}, true
}

// joinKinds returns kinds joined with ", ".
func joinKinds(kinds []Kind) string {
	s := make([]string, len(kinds))
	for i, k := range kinds {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}
