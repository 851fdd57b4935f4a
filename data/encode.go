package data

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	"gopkg.in/yaml.v3"
)

// Encode returns the files of a package that Load reads back as b (FORMAT.md):
// briefing.yaml, the seven record files and zones.geojson, by file name.
// Each YAML file opens with header as a comment, when header is not "".
// The article texts of a sources/ folder are not part of a Briefing and
// are not written. Encode assumes b is valid, as Load returns it: ids,
// dates and references are written as they are, not checked.
//
// Fields are written in FORMAT.md's order; a field at its zero value is
// left out where the format allows it (an empty note, a false flag, no
// end date), so that a package reads as one written by hand would.
func Encode(b *Briefing, header string) (map[string][]byte, error) {
	geometry, err := encodeGeometry(b)
	if err != nil {
		return nil, fmt.Errorf("encode %s: %w", fileGeometry, err)
	}
	files := map[string][]byte{fileGeometry: geometry}
	docs := map[string]*yaml.Node{fileBriefing: briefingNode(b)}
	lists := []struct {
		kind  Kind
		items []*yaml.Node
	}{
		{KindSource, nodes(b.Sources, sourceNode)},
		{KindExcerpt, nodes(b.Excerpts, excerptNode)},
		{KindActor, nodes(b.Actors, actorNode)},
		{KindZone, nodes(b.Zones, zoneNode)},
		{KindPlace, nodes(b.Places, placeNode)},
		{KindDeployment, nodes(b.Deployments, deploymentNode)},
		{KindEvent, nodes(b.Events, eventNode)},
	}
	for _, l := range lists {
		file, key, _ := RecordFile(l.kind)
		docs[file] = mappingNode(key, sequence(l.items...))
	}
	for file, doc := range docs {
		out, err := encodeYAML(header, doc)
		if err != nil {
			return nil, fmt.Errorf("encode %s: %w", file, err)
		}
		files[file] = out
	}
	return files, nil
}

// encodeYAML writes doc, after header as comment lines.
func encodeYAML(header string, doc *yaml.Node) ([]byte, error) {
	var buf bytes.Buffer
	if header != "" {
		for line := range strings.SplitSeq(header, "\n") {
			buf.WriteString(strings.TrimRight("# "+line, " ") + "\n")
		}
	}
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// nodes returns the node of each record of rs.
func nodes[R any](rs []R, node func(*R) *yaml.Node) []*yaml.Node {
	out := make([]*yaml.Node, len(rs))
	for i := range rs {
		out[i] = node(&rs[i])
	}
	return out
}

func briefingNode(b *Briefing) *yaml.Node {
	snapshots := make([]*yaml.Node, len(b.Snapshots))
	for i, s := range b.Snapshots {
		snapshots[i] = mappingNode("date", s.Date, "label", s.Label)
	}
	sides := make([]*yaml.Node, len(b.Sides))
	for i, s := range b.Sides {
		sides[i] = mappingNode("id", s.ID, "name", s.Name)
	}
	return mappingNode("id", b.ID, "title", b.Title, "subtitle", b.Subtitle, "region", b.Region,
		"country_iso", b.CountryISO, "default_date", b.DefaultDate, "snapshots", sequence(snapshots...),
		"bbox", b.BBox, "sides", sequence(sides...), "notes", b.Notes, "blockers", b.Blockers)
}

func sourceNode(s *Source) *yaml.Node {
	return mappingNode("id", s.ID, "publisher", s.Publisher, "title", s.Title, "date", s.Date,
		"date_approximate", s.DateApproximate, "url", s.URL, "file", s.File, "sha256", s.SHA256)
}

func excerptNode(e *Excerpt) *yaml.Node {
	return mappingNode("id", e.ID, "source", e.Source, "text", e.Text, "prefix", exactText(e.Prefix), "suffix", exactText(e.Suffix),
		"start", e.Start, "end", e.End, "about", idList(e.About))
}

func actorNode(a *Actor) *yaml.Node {
	return mappingNode("id", a.ID, "name", a.Name, "aliases", aliasesNode(a.Aliases, a.AliasOptions),
		"kind", string(a.Kind), "side", a.Side, "backers", idList(a.Backers), "leads", a.Leads,
		"description", a.Description, "sourced", a.Sourced, "note", a.Note)
}

func zoneNode(z *Zone) *yaml.Node {
	return mappingNode("id", z.ID, "name", z.Name, "controller", z.Controller, "contested_by", idList(z.ContestedBy),
		"valid_from", z.Valid.From, "valid_to", z.Valid.To, "confidence", string(z.Confidence),
		"approximate", z.Approximate, "sourced", z.Sourced, "note", z.Note)
}

func placeNode(p *Place) *yaml.Node {
	statuses := make([]*yaml.Node, len(p.Statuses))
	for i, s := range p.Statuses {
		statuses[i] = mappingNode("status", s.Status, "valid_from", s.Valid.From, "valid_to", s.Valid.To,
			"sourced", s.Sourced, "note", s.Note)
	}
	return mappingNode("id", p.ID, "name", p.Name, "aliases", aliasesNode(p.Aliases, p.AliasOptions),
		"kind", string(p.Kind), "lonlat", p.Point, "importance", p.Importance, "statuses", sequence(statuses...),
		"sourced", p.Sourced, "note", p.Note)
}

func deploymentNode(d *Deployment) *yaml.Node {
	return mappingNode("id", d.ID, "name", d.Name, "actor", d.Actor, "supports", d.Supports, "what", d.What,
		"places", idList(d.Places), "lonlat", d.Point, "area", len(d.Area) > 0, "strength", d.Strength,
		"range_km", d.RangeKM, "range_max", d.RangeMax, "valid_from", d.Valid.From, "valid_to", d.Valid.To,
		"confidence", string(d.Confidence), "sourced", d.Sourced, "note", d.Note)
}

func eventNode(e *Event) *yaml.Node {
	return mappingNode("id", e.ID, "title", e.Title, "kind", string(e.Kind), "date", e.Date, "date_to", e.DateTo,
		"date_approximate", e.DateApproximate, "place", e.Place, "lonlat", e.Point, "actors", idList(e.Actors),
		"show_days", e.ShowDays, "confidence", string(e.Confidence), "sourced", e.Sourced, "note", e.Note)
}

// idList is a list of record ids, written on one line ([a, b]).
type idList []string

// exactText is a text written as it is, even when empty (an anchor's
// prefix or suffix: its spaces count, and it may not be left out).
type exactText string

// aliasesNode returns a record's aliases: each name of names as written,
// a mapping for those of opts (which holds, in the same order, the names
// written with options); nil when there are none.
func aliasesNode(names []string, opts []Alias) *yaml.Node {
	items := make([]*yaml.Node, 0, len(names))
	for _, n := range names {
		if len(opts) > 0 && opts[0].Name == n {
			o := opts[0]
			opts = opts[1:]
			items = append(items, mappingNode("name", o.Name, "match_case", o.MatchCase,
				"valid_from", o.Valid.From, "valid_to", o.Valid.To))
			continue
		}
		items = append(items, scalar("!!str", n))
	}
	return sequence(items...)
}

// mappingNode returns a block mapping of kvs, pairs of a key and its value
// in order. A value is written by its type: a string, an int, a float64,
// a bool, a Date, []string (a block list), idList, exactText, orb.Point,
// *orb.Point, orb.Bound (west, south, east, north), Sourced or a
// *yaml.Node. A value of none ("", false, 0.0, a zero date, an empty list,
// a nil pointer, map or node) is left out; an int and an exactText are
// always written (an excerpt may start at 0, at the start of its article
// with an empty prefix), and so is an empty Sourced that is not nil
// (sourced: {}).
func mappingNode(kvs ...any) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode}
	for i := 0; i+1 < len(kvs); i += 2 {
		if v := valueNode(kvs[i+1]); v != nil {
			m.Content = append(m.Content, scalar("!!str", kvs[i].(string)), v)
		}
	}
	return m
}

// valueNode returns v's node (see mappingNode), nil for a value left out.
func valueNode(v any) *yaml.Node {
	switch v := v.(type) {
	case string:
		if v != "" {
			return scalar("!!str", v)
		}
	case exactText:
		return scalar("!!str", string(v))
	case int:
		return scalar("!!int", strconv.Itoa(v))
	case float64:
		if v != 0 {
			return floatNode(v)
		}
	case bool:
		if v {
			return scalar("!!bool", "true")
		}
	case Date:
		// Quoted ("2020-01-19"): yaml.v3 reads a plain date as a
		// timestamp, which costs the stress package's Load 3 % more
		// time and 11,000 more allocations.
		if !v.IsZero() {
			return scalar("!!str", v.String())
		}
	case []string:
		items := make([]*yaml.Node, len(v))
		for i, s := range v {
			items[i] = scalar("!!str", s)
		}
		return sequence(items...)
	case idList:
		if n := valueNode([]string(v)); n != nil {
			n.Style = yaml.FlowStyle
			return n
		}
	case orb.Point:
		return flowNumbers(v[0], v[1])
	case *orb.Point:
		if v != nil {
			return flowNumbers(v[0], v[1])
		}
	case orb.Bound:
		return flowNumbers(v.Min[0], v.Min[1], v.Max[0], v.Max[1])
	case Sourced:
		if v == nil {
			return nil
		}
		m := &yaml.Node{Kind: yaml.MappingNode}
		for _, f := range slices.Sorted(maps.Keys(v)) {
			m.Content = append(m.Content, scalar("!!str", f), valueNode(idList(v[f])))
		}
		if len(v) == 0 {
			m.Style = yaml.FlowStyle // sourced: {}, every field background
		}
		return m
	case *yaml.Node:
		return v
	default:
		panic(fmt.Sprintf("data: Encode cannot write a %T", v))
	}
	return nil
}

// sequence returns a block list of items; nil when there are none.
func sequence(items ...*yaml.Node) *yaml.Node {
	if len(items) == 0 {
		return nil
	}
	return &yaml.Node{Kind: yaml.SequenceNode, Content: items}
}

// scalar returns a scalar of tag; the encoder quotes a !!str value only
// where it would read as another type.
func scalar(tag, value string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: value}
}

// floatNode returns x in the shortest form that reads back as the same
// float64, tagged as YAML reads it (9 an int, 9.5 a float) so that the
// encoder writes no tag.
func floatNode(x float64) *yaml.Node {
	s := strconv.FormatFloat(x, 'g', -1, 64)
	if _, err := strconv.ParseInt(s, 10, 64); err == nil {
		return scalar("!!int", s)
	}
	return scalar("!!float", s)
}

// flowNumbers returns xs as a list on one line.
func flowNumbers(xs ...float64) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, x := range xs {
		n.Content = append(n.Content, floatNode(x))
	}
	return n
}

// encodeGeometry writes zones.geojson: a feature for each zone and each
// deployment with an area, one feature a line (Load reports a feature's
// problems at its line), coordinates as encoding/json writes a float64:
// the shortest form that reads back as the same number.
func encodeGeometry(b *Briefing) ([]byte, error) {
	type area struct {
		id   string
		geom orb.MultiPolygon
	}
	var areas []area
	for _, z := range b.Zones {
		areas = append(areas, area{z.ID, z.Geometry})
	}
	for _, d := range b.Deployments {
		if len(d.Area) > 0 {
			areas = append(areas, area{d.ID, d.Area})
		}
	}
	var buf bytes.Buffer
	buf.WriteString("{\"type\": \"FeatureCollection\", \"features\": [\n")
	for i, a := range areas {
		id, err := json.Marshal(a.id)
		if err != nil {
			return nil, err
		}
		coords, err := json.Marshal(a.geom)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", a.id, err)
		}
		fmt.Fprintf(&buf, "{\"type\": \"Feature\", \"properties\": {\"id\": %s}, \"geometry\": {\"type\": \"MultiPolygon\", \"coordinates\": %s}}", id, coords)
		if i+1 < len(areas) {
			buf.WriteByte(',')
		}
		buf.WriteByte('\n')
	}
	buf.WriteString("]}\n")
	return buf.Bytes(), nil
}
