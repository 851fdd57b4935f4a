package data

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	"gopkg.in/yaml.v3"
)

// yamlFile is one YAML file of a package being decoded; every problem found
// in it is recorded with its line.
type yamlFile struct {
	name string
	ps   *problems
}

// fields is one YAML mapping (a record) whose keys have been checked against
// the keys its record type allows.
type fields struct {
	f    *yamlFile
	node *yaml.Node
	vals map[string]*yaml.Node
}

// deref follows YAML aliases (*name) to the node they stand for.
func deref(n *yaml.Node) *yaml.Node {
	for depth := 0; n != nil && n.Kind == yaml.AliasNode && depth < 32; depth++ {
		n = n.Alias
	}
	return n
}

// isNull reports whether n is absent or an explicit YAML null.
func isNull(n *yaml.Node) bool {
	n = deref(n)
	return n == nil || n.Kind == 0 || (n.Kind == yaml.ScalarNode && n.Tag == "!!null")
}

// kindName returns how a node's kind reads in a message.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "empty"
		}
		return strconv.Quote(n.Value)
	}
	return "not a value"
}

// mapping checks that n is a mapping whose keys are all in allowed, and
// returns its fields; it returns nil (after recording a problem) when n is
// not a mapping. field names the value in messages.
func (f *yamlFile) mapping(n *yaml.Node, field string, allowed []string) *fields {
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		line := 0
		if n != nil {
			line = n.Line
		}
		got := "empty"
		if n != nil {
			got = kindName(n)
		}
		f.ps.add(f.name, line, field, "want a mapping of %s, got %s", strings.Join(allowed, ", "), got)
		return nil
	}
	fs := &fields{f: f, node: n, vals: make(map[string]*yaml.Node, len(n.Content)/2)}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := deref(n.Content[i]), n.Content[i+1]
		key := k.Value
		if k.Kind != yaml.ScalarNode {
			f.ps.add(f.name, k.Line, field, "keys must be plain words")
			continue
		}
		if !slices.Contains(allowed, key) {
			f.ps.add(f.name, k.Line, key, "unknown key (allowed: %s)", strings.Join(allowed, ", "))
			continue
		}
		if _, dup := fs.vals[key]; dup {
			f.ps.add(f.name, k.Line, key, "key given twice")
			continue
		}
		fs.vals[key] = v
	}
	return fs
}

// line returns the line of key's value, or the mapping's own line when key
// is absent.
func (fs *fields) line(key string) int {
	if v, ok := fs.vals[key]; ok && v != nil {
		return v.Line
	}
	return fs.node.Line
}

// has reports whether key is present and not null.
func (fs *fields) has(key string) bool { return !isNull(fs.vals[key]) }

// missing records that a required key is absent.
func (fs *fields) missing(key string) {
	fs.f.ps.add(fs.f.name, fs.node.Line, key, "missing")
}

// scalar returns key's scalar value; ok is false (after recording a problem
// when the key is required or is not a scalar) when there is none.
func (fs *fields) scalar(key string, required bool) (*yaml.Node, bool) {
	if !fs.has(key) {
		if required {
			fs.missing(key)
		}
		return nil, false
	}
	v := deref(fs.vals[key])
	if v.Kind != yaml.ScalarNode {
		fs.f.ps.add(fs.f.name, v.Line, key, "want a single value, got %s", kindName(v))
		return nil, false
	}
	return v, true
}

// str returns key's text, trimmed of surrounding space; "" when absent.
func (fs *fields) str(key string, required bool) string {
	v, ok := fs.scalar(key, required)
	if !ok {
		return ""
	}
	s := strings.TrimSpace(v.Value)
	if s == "" && required {
		fs.f.ps.add(fs.f.name, v.Line, key, "empty")
	}
	return s
}

// strList returns key's list of texts; nil when absent.
func (fs *fields) strList(key string, required bool) []string {
	items := fs.list(key, required)
	var out []string
	for _, it := range items {
		it = deref(it)
		if it.Kind != yaml.ScalarNode || it.Tag == "!!null" {
			fs.f.ps.add(fs.f.name, it.Line, key, "list items must be single values, got %s", kindName(it))
			continue
		}
		s := strings.TrimSpace(it.Value)
		if s == "" {
			fs.f.ps.add(fs.f.name, it.Line, key, "empty list item")
			continue
		}
		out = append(out, s)
	}
	if required && len(out) == 0 && len(items) == 0 && fs.has(key) {
		fs.f.ps.add(fs.f.name, fs.line(key), key, "empty list")
	}
	return out
}

// list returns the items of key's YAML sequence; nil when absent.
func (fs *fields) list(key string, required bool) []*yaml.Node {
	if !fs.has(key) {
		if required {
			fs.missing(key)
		}
		return nil
	}
	v := deref(fs.vals[key])
	if v.Kind != yaml.SequenceNode {
		fs.f.ps.add(fs.f.name, v.Line, key, "want a list, got %s", kindName(v))
		return nil
	}
	return v.Content
}

// date returns key's date; the zero Date when absent or bad.
func (fs *fields) date(key string, required bool) Date {
	v, ok := fs.scalar(key, required)
	if !ok {
		return Date{}
	}
	d, err := ParseDate(strings.TrimSpace(v.Value))
	if err != nil {
		fs.f.ps.add(fs.f.name, v.Line, key, "%v", err)
	}
	return d
}

// period returns valid_from and valid_to, checking that they do not run
// backwards.
func (fs *fields) period(fromRequired bool) Period {
	p := Period{From: fs.date("valid_from", fromRequired), To: fs.date("valid_to", false)}
	if !p.From.IsZero() && !p.To.IsZero() && p.To.Before(p.From) {
		fs.f.ps.add(fs.f.name, fs.line("valid_to"), "valid_to", "%s is before valid_from %s", p.To, p.From)
	}
	return p
}

// boolean returns key's true/false; false when absent.
func (fs *fields) boolean(key string) bool {
	v, ok := fs.scalar(key, false)
	if !ok {
		return false
	}
	var b bool
	if v.Tag != "!!bool" || v.Decode(&b) != nil {
		fs.f.ps.add(fs.f.name, v.Line, key, "want true or false, got %s", kindName(v))
	}
	return b
}

// number returns key's finite number; 0 when absent.
func (fs *fields) number(key string) float64 {
	v, ok := fs.scalar(key, false)
	if !ok {
		return 0
	}
	x, ok := scalarNumber(v)
	if !ok {
		fs.f.ps.add(fs.f.name, v.Line, key, "want a number, got %s", kindName(v))
	}
	return x
}

// scalarNumber parses an int or float YAML scalar that is finite.
func scalarNumber(v *yaml.Node) (float64, bool) {
	if v.Tag != "!!int" && v.Tag != "!!float" {
		return 0, false
	}
	var x float64
	if v.Decode(&x) != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		return 0, false
	}
	return x, true
}

// numbers returns key's list of n numbers; ok is false when absent or bad.
func (fs *fields) numbers(key string, n int, required bool) ([]float64, bool) {
	items := fs.list(key, required)
	if items == nil {
		return nil, false
	}
	if len(items) != n {
		fs.f.ps.add(fs.f.name, fs.line(key), key, "want %d numbers, got %d", n, len(items))
		return nil, false
	}
	out := make([]float64, n)
	for i, it := range items {
		x, ok := scalarNumber(deref(it))
		if !ok {
			fs.f.ps.add(fs.f.name, it.Line, key, "want a number, got %s", kindName(deref(it)))
			return nil, false
		}
		out[i] = x
	}
	return out, true
}

// lonlat returns key's [lon, lat] point; nil when absent or bad.
func (fs *fields) lonlat(key string, required bool) *orb.Point {
	xs, ok := fs.numbers(key, 2, required)
	if !ok {
		return nil
	}
	p := orb.Point{xs[0], xs[1]}
	if p.Lon() < -180 || p.Lon() > 180 || p.Lat() < -90 || p.Lat() > 90 {
		fs.f.ps.add(fs.f.name, fs.line(key), key, "(%g, %g) is not a longitude, latitude pair", p.Lon(), p.Lat())
		return nil
	}
	return &p
}

// sourcedRef is one excerpt id named in a record's sourced map, with where
// it was written.
type sourcedRef struct {
	field, excerpt string
	line           int
}

// sourced returns key's map of field name → excerpt ids and the position of
// each id. allowed lists the field names the record has.
func (fs *fields) sourced(key string, allowed []string) (Sourced, []sourcedRef) {
	if !fs.has(key) {
		return nil, nil
	}
	v := deref(fs.vals[key])
	if v.Kind != yaml.MappingNode {
		fs.f.ps.add(fs.f.name, v.Line, key, "want a mapping of field name to excerpt ids, got %s", kindName(v))
		return nil, nil
	}
	out := Sourced{}
	var refs []sourcedRef
	for i := 0; i+1 < len(v.Content); i += 2 {
		k := deref(v.Content[i])
		field := k.Value
		if !slices.Contains(allowed, field) {
			fs.f.ps.add(fs.f.name, k.Line, key, "%q is not a field of this record (fields: %s)", field, strings.Join(allowed, ", "))
			continue
		}
		if _, dup := out[field]; dup {
			fs.f.ps.add(fs.f.name, k.Line, key, "field %q given twice", field)
			continue
		}
		var ids []string
		items := deref(v.Content[i+1])
		if items.Kind != yaml.SequenceNode || len(items.Content) == 0 {
			fs.f.ps.add(fs.f.name, items.Line, key+"."+field, "want a list of excerpt ids, got %s", kindName(items))
			continue
		}
		for _, it := range items.Content {
			it = deref(it)
			if it.Kind != yaml.ScalarNode || strings.TrimSpace(it.Value) == "" || it.Tag == "!!null" {
				fs.f.ps.add(fs.f.name, it.Line, key+"."+field, "want an excerpt id, got %s", kindName(it))
				continue
			}
			id := strings.TrimSpace(it.Value)
			ids = append(ids, id)
			refs = append(refs, sourcedRef{field: field, excerpt: id, line: it.Line})
		}
		out[field] = ids
	}
	return out, refs
}
