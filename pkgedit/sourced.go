package pkgedit

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/internal/yamledit"
)

// Target is a field of a record that an excerpt can back: a field of an
// actor, zone, place, deployment or event, or of one of a place's
// statuses.
type Target struct {
	Ref    data.Ref
	Status int // for a place: the index of the status, or -1 for the place itself
	Field  string
}

// String returns "zone z2020-lna-east: controller" or "place es-sider,
// status 2: status".
func (t Target) String() string {
	if t.Ref.Kind == data.KindPlace && t.Status >= 0 {
		return fmt.Sprintf("%s %s, status %d: %s", t.Ref.Kind, t.Ref.ID, t.Status+1, t.Field)
	}
	return fmt.Sprintf("%s %s: %s", t.Ref.Kind, t.Ref.ID, t.Field)
}

// sourcedOf returns the sourced map of the target's record (or status);
// ok is false when the record or status does not exist.
func sourcedOf(b *data.Briefing, t Target) (data.Sourced, bool) {
	switch t.Ref.Kind {
	case data.KindActor:
		if a, ok := b.Actor(t.Ref.ID); ok {
			return a.Sourced, true
		}
	case data.KindZone:
		if z, ok := b.Zone(t.Ref.ID); ok {
			return z.Sourced, true
		}
	case data.KindPlace:
		if pl, ok := b.Place(t.Ref.ID); ok {
			if t.Status < 0 {
				return pl.Sourced, true
			}
			if t.Status < len(pl.Statuses) {
				return pl.Statuses[t.Status].Sourced, true
			}
		}
	case data.KindDeployment:
		if d, ok := b.Deployment(t.Ref.ID); ok {
			return d.Sourced, true
		}
	case data.KindEvent:
		for i := range b.Events {
			if b.Events[i].ID == t.Ref.ID {
				return b.Events[i].Sourced, true
			}
		}
	}
	return nil, false
}

// Targets returns every field of the record ref an excerpt could back,
// with for each whether excerpt already does; for a place, its own fields
// and then those of each status.
func Targets(b *data.Briefing, ref data.Ref, excerpt string) (ts []Target, backed []bool) {
	add := func(t Target) {
		s, ok := sourcedOf(b, t)
		if !ok {
			return
		}
		for _, f := range data.SourcedFields(ref.Kind, t.Status >= 0) {
			t.Field = f
			ts = append(ts, t)
			backed = append(backed, slices.Contains(s[f], excerpt))
		}
	}
	add(Target{Ref: ref, Status: -1})
	if pl, ok := b.Place(ref.ID); ok && ref.Kind == data.KindPlace {
		for i := range pl.Statuses {
			add(Target{Ref: ref, Status: i})
		}
	}
	return ts, backed
}

// Citing returns every field whose sourced map cites excerpt id.
func Citing(b *data.Briefing, id string) []Target {
	var out []Target
	check := func(t Target, s data.Sourced) {
		for _, f := range slices.Sorted(maps.Keys(s)) {
			if slices.Contains(s[f], id) {
				t.Field = f
				out = append(out, t)
			}
		}
	}
	for _, a := range b.Actors {
		check(Target{Ref: data.Ref{Kind: data.KindActor, ID: a.ID}, Status: -1}, a.Sourced)
	}
	for _, z := range b.Zones {
		check(Target{Ref: data.Ref{Kind: data.KindZone, ID: z.ID}, Status: -1}, z.Sourced)
	}
	for _, pl := range b.Places {
		ref := data.Ref{Kind: data.KindPlace, ID: pl.ID}
		check(Target{Ref: ref, Status: -1}, pl.Sourced)
		for i, st := range pl.Statuses {
			check(Target{Ref: ref, Status: i}, st.Sourced)
		}
	}
	for _, d := range b.Deployments {
		check(Target{Ref: data.Ref{Kind: data.KindDeployment, ID: d.ID}, Status: -1}, d.Sourced)
	}
	for _, ev := range b.Events {
		check(Target{Ref: data.Ref{Kind: data.KindEvent, ID: ev.ID}, Status: -1}, ev.Sourced)
	}
	return out
}

// Attach makes excerpt id back field t of its record: the excerpt's id is
// added to the field's list in the record's sourced map, and the record
// to the excerpt's about when it is not there (the loader requires it).
// The field turns from background to sourced in the record's card.
func (p *Package) Attach(b *data.Briefing, id string, t Target) (*Change, error) {
	ex, ok := b.Excerpt(id)
	if !ok {
		return nil, fmt.Errorf("there is no excerpt %s", id)
	}
	s, ok := sourcedOf(b, t)
	if !ok {
		return nil, fmt.Errorf("there is no %s", strings.TrimSuffix(t.String(), ": "+t.Field))
	}
	if !slices.Contains(data.SourcedFields(t.Ref.Kind, t.Status >= 0), t.Field) {
		return nil, fmt.Errorf("%s: a %s has no field %q an excerpt can back", t, t.Ref.Kind, t.Field)
	}
	if slices.Contains(s[t.Field], id) {
		return nil, fmt.Errorf("%s already cites %s", t, id)
	}
	e := p.begin(fmt.Sprintf("attach %s to %s", id, t))
	if !slices.Contains(ex.About, t.Ref.ID) {
		doc, it, err := e.excerptItem(id)
		if err != nil {
			return nil, err
		}
		doc.Set(it, "", []yamledit.KV{{Key: "about", Value: yamledit.FlowList(append(slices.Clone(ex.About), t.Ref.ID))}})
		e.put("excerpts.yaml", doc.Bytes())
	}
	if err := e.editSourced(b, t, id, true); err != nil {
		return nil, err
	}
	return e.commit()
}

// Detach stops excerpt id backing field t (the excerpt stays about the
// record).
func (p *Package) Detach(b *data.Briefing, id string, t Target) (*Change, error) {
	s, ok := sourcedOf(b, t)
	if !ok || !slices.Contains(s[t.Field], id) {
		return nil, fmt.Errorf("%s does not cite %s", t, id)
	}
	e := p.begin(fmt.Sprintf("detach %s from %s", id, t))
	if err := e.editSourced(b, t, id, false); err != nil {
		return nil, err
	}
	return e.commit()
}

// editSourced adds excerpt id to (or removes it from) the list of field
// t.Field in the sourced map of t's record, in its file.
func (e *edit) editSourced(b *data.Briefing, t Target, id string, add bool) error {
	file, listKey, ok := data.RecordFile(t.Ref.Kind)
	if !ok {
		return fmt.Errorf("a %s has no sourced fields", t.Ref.Kind)
	}
	doc, err := e.doc(file, listKey)
	if err != nil {
		return err
	}
	m := item(doc, t.Ref.ID)
	if m == nil {
		return fmt.Errorf("there is no %s %s in %s", t.Ref.Kind, t.Ref.ID, file)
	}
	if t.Status >= 0 {
		st := yamledit.Value(m, "statuses")
		if st == nil || st.Kind != yaml.SequenceNode || t.Status >= len(st.Content) || st.Content[t.Status].Kind != yaml.MappingNode {
			return fmt.Errorf("%s: place %s has no status %d", file, t.Ref.ID, t.Status+1)
		}
		m = st.Content[t.Status]
	}
	if err := setSourced(doc, m, t.Field, id, add); err != nil {
		return fmt.Errorf("%s:%d: %w", file, m.Line, err)
	}
	e.put(file, doc.Bytes())
	return nil
}

// setSourced edits the sourced map of mapping m (a record or a status,
// in block or flow style) in doc, changing as little text as it can: one
// field's list, a new field after the last, a new sourced key before
// note.
func setSourced(doc *yamledit.Doc, m *yaml.Node, field, id string, add bool) error {
	s := yamledit.Value(m, "sourced")
	if s != nil && s.Kind == yaml.ScalarNode && s.Tag == "!!null" {
		s = nil
	}
	if s != nil && s.Kind != yaml.MappingNode {
		return errors.New("sourced: want a mapping of field name to excerpt ids")
	}
	var keys []string
	lists := map[string][]string{}
	if s != nil {
		for i := 0; i+1 < len(s.Content); i += 2 {
			k := s.Content[i].Value
			keys = append(keys, k)
			for _, c := range s.Content[i+1].Content {
				lists[k] = append(lists[k], c.Value)
			}
		}
	}
	old, had := lists[field]
	if add {
		if !had {
			keys = append(keys, field)
		}
		lists[field] = append(slices.Clone(old), id)
	} else {
		lists[field] = slices.DeleteFunc(slices.Clone(old), func(x string) bool { return x == id })
		if len(lists[field]) == 0 {
			keys = slices.DeleteFunc(keys, func(k string) bool { return k == field })
		}
	}
	flow := renderSourced(keys, lists)
	flowRecord := m.Style&yaml.FlowStyle != 0
	switch {
	case s == nil && flowRecord:
		if note, _ := keyNode(m, "note"); note != nil {
			doc.InsertAt(note.Line, note.Column, "sourced: "+flow+", ")
			return nil
		}
		l, at, ok := doc.FlowEnd(m.Line, m.Column)
		if !ok {
			return errors.New("cannot find the end of this record")
		}
		doc.InsertAtByte(l, at-1, ", sourced: "+flow)
	case s == nil && yamledit.Value(m, "sourced") != nil:
		if flowRecord {
			return errors.New("sourced: write {} for an empty map in a record written in flow style")
		}
		doc.Set(m, "", []yamledit.KV{{Key: "sourced", Value: flow}})
	case s == nil:
		doc.SetBefore(m, "note", yamledit.KV{Key: "sourced", Value: flow})
	case s.Style&yaml.FlowStyle != 0:
		l, at, ok := doc.FlowEnd(s.Line, s.Column)
		if !ok {
			return errors.New("cannot find the end of sourced")
		}
		doc.ReplaceSpan(s.Line, s.Column, l, at, flow)
	case len(keys) == 0:
		doc.Set(m, "", []yamledit.KV{{Key: "sourced", Value: "{}"}})
	case len(lists[field]) == 0:
		doc.RemoveKey(s, field)
	case had:
		v := yamledit.Value(s, field)
		if v.Style&yaml.FlowStyle != 0 {
			if l, at, ok := doc.FlowEnd(v.Line, v.Column); ok {
				doc.ReplaceSpan(v.Line, v.Column, l, at, yamledit.FlowList(lists[field]))
				return nil
			}
		}
		doc.Set(s, "", []yamledit.KV{{Key: field, Value: yamledit.FlowList(lists[field])}})
	default:
		doc.Set(s, s.Content[len(s.Content)-2].Value, []yamledit.KV{{Key: field, Value: yamledit.FlowList(lists[field])}})
	}
	return nil
}

// renderSourced writes a sourced map in flow style: "{controller: [a]}".
func renderSourced(keys []string, lists map[string][]string) string {
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, k+": "+yamledit.FlowList(lists[k]))
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// keyNode returns key's node in mapping m and its index.
func keyNode(m *yaml.Node, name string) (*yaml.Node, int) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == name {
			return m.Content[i], i
		}
	}
	return nil, -1
}
