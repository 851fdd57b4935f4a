package data

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
)

// This file reads GeoJSON coordinates without encoding/json's reflection:
// zones.geojson of a large package holds tens of thousands of positions
// (issue 14). It reads only what is plainly right — nested arrays of
// positions of exactly two JSON numbers — and gives up on anything else
// (three numbers, a malformed or out-of-range number, null), leaving the
// answer and the message to encoding/json. The numbers are parsed with
// strconv.ParseFloat, as encoding/json parses them, so the values are the
// same.

// coordReader reads a JSON array of coordinates from b.
type coordReader struct {
	b []byte
	i int
}

// space skips JSON white space.
func (r *coordReader) space() {
	for r.i < len(r.b) {
		switch r.b[r.i] {
		case ' ', '\t', '\n', '\r':
			r.i++
		default:
			return
		}
	}
}

// expect skips white space and then c; it reports whether c was there.
func (r *coordReader) expect(c byte) bool {
	r.space()
	if r.i < len(r.b) && r.b[r.i] == c {
		r.i++
		return true
	}
	return false
}

// list reads a JSON array whose elements item reads; ok is false when the
// array is not well formed or an item fails.
func (r *coordReader) list(item func() bool) bool {
	if !r.expect('[') {
		return false
	}
	if r.expect(']') {
		return true
	}
	for {
		if !item() {
			return false
		}
		if r.expect(']') {
			return true
		}
		if !r.expect(',') {
			return false
		}
	}
}

// number reads one JSON number (RFC 8259 grammar) as a float64.
func (r *coordReader) number() (float64, bool) {
	r.space()
	b, start := r.b, r.i
	i := start
	if i < len(b) && b[i] == '-' {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
			n++
		}
		return n
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case digits() == 0:
		return 0, false
	}
	if i < len(b) && b[i] == '.' {
		i++
		if digits() == 0 {
			return 0, false
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if digits() == 0 {
			return 0, false
		}
	}
	v, err := strconv.ParseFloat(string(b[start:i]), 64)
	if err != nil {
		return 0, false
	}
	r.i = i
	return v, true
}

// position reads [lon, lat].
func (r *coordReader) position() (orb.Point, bool) {
	var p orb.Point
	if !r.expect('[') {
		return p, false
	}
	var ok bool
	if p[0], ok = r.number(); !ok || !r.expect(',') {
		return p, false
	}
	if p[1], ok = r.number(); !ok || !r.expect(']') {
		return p, false
	}
	return p, true
}

// polygon reads a polygon's rings.
func (r *coordReader) polygon() ([]orb.Ring, bool) {
	var rings []orb.Ring
	ok := r.list(func() bool {
		ring := orb.Ring{}
		ok := r.list(func() bool {
			p, ok := r.position()
			ring = append(ring, p)
			return ok
		})
		rings = append(rings, ring)
		return ok
	})
	return rings, ok
}

// end reports whether only white space is left.
func (r *coordReader) end() bool {
	r.space()
	return r.i == len(r.b)
}

// fastPolygon reads a Polygon's coordinates; ok is false when they are not
// plainly well formed (see the file comment).
func fastPolygon(b []byte) ([]orb.Ring, bool) {
	r := &coordReader{b: b}
	rings, ok := r.polygon()
	return rings, ok && r.end()
}

// fastMultiPolygon reads a MultiPolygon's coordinates; ok is false when
// they are not plainly well formed (see the file comment).
func fastMultiPolygon(b []byte) ([][]orb.Ring, bool) {
	r := &coordReader{b: b}
	var polys [][]orb.Ring
	ok := r.list(func() bool {
		p, ok := r.polygon()
		polys = append(polys, p)
		return ok
	})
	return polys, ok && r.end()
}

// lineCounter gives the line of byte offsets of b asked in increasing
// order, counting each newline once.
type lineCounter struct {
	b         []byte
	off, line int
}

// at returns the 1-based line of offset off (clamped to b).
func (lc *lineCounter) at(off int) int {
	off = max(0, min(off, len(lc.b)))
	if lc.line == 0 || off < lc.off {
		lc.off, lc.line = 0, 1
	}
	lc.line += bytes.Count(lc.b[lc.off:off], []byte{'\n'})
	lc.off = off
	return lc.line
}

// skipValue skips one JSON value of a text known to be valid JSON, and
// reports whether it was an object or array (which need no more check).
func (r *coordReader) skipValue() bool {
	r.space()
	if r.i >= len(r.b) {
		return false
	}
	switch r.b[r.i] {
	case '"':
		_, ok := r.str()
		return ok || r.skipString()
	case '{', '[':
		depth := 0
		for r.i < len(r.b) {
			switch r.b[r.i] {
			case '"':
				if !r.skipString() {
					return false
				}
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					r.i++
					return true
				}
			}
			r.i++
		}
		return false
	default: // a number, true, false or null
		for r.i < len(r.b) {
			switch r.b[r.i] {
			case ',', '}', ']', ' ', '\t', '\n', '\r':
				return true
			}
			r.i++
		}
		return true
	}
}

// skipString skips a JSON string (escapes included) at r.i.
func (r *coordReader) skipString() bool {
	r.i++ // the opening quote
	for r.i < len(r.b) {
		switch r.b[r.i] {
		case '\\':
			r.i += 2
			continue
		case '"':
			r.i++
			return true
		}
		r.i++
	}
	return false
}

// str reads a JSON string without escapes; ok is false (and nothing is
// consumed) for any other value.
func (r *coordReader) str() (string, bool) {
	r.space()
	if r.i >= len(r.b) || r.b[r.i] != '"' {
		return "", false
	}
	for j := r.i + 1; j < len(r.b); j++ {
		switch r.b[j] {
		case '\\':
			return "", false
		case '"':
			s := string(r.b[r.i+1 : j])
			r.i = j + 1
			return s, true
		}
	}
	return "", false
}

// object reads a JSON object of a valid text, calling member for each key
// with r positioned at its value; member reads the value (or skips it)
// and returns false to give up. Keys with escapes, and keys that equal a
// name of known other than exactly (encoding/json matches struct fields
// case-insensitively), give up too, as does a key given twice.
func (r *coordReader) object(known []string, member func(key string) bool) bool {
	if !r.expect('{') {
		return false
	}
	if r.expect('}') {
		return true
	}
	seen := map[string]bool{}
	for {
		key, ok := r.str()
		if !ok || seen[key] || !r.expect(':') {
			return false
		}
		seen[key] = true
		for _, k := range known {
			if key != k && strings.EqualFold(key, k) {
				return false
			}
		}
		if !member(key) {
			return false
		}
		if r.expect('}') {
			return true
		}
		if !r.expect(',') {
			return false
		}
	}
}

// fastFeatures splits a valid FeatureCollection whose type is exactly
// "FeatureCollection" into its features and their first lines; ok is
// false for any other shape, which decodeGeometry's encoding/json path
// then reads and reports.
func fastFeatures(b []byte) (raws []rawAt, ok bool) {
	if !json.Valid(b) {
		return nil, false
	}
	r := &coordReader{b: b}
	lines := &lineCounter{b: b}
	sawType, sawFeatures := false, false
	ok = r.object([]string{"type", "features"}, func(key string) bool {
		switch key {
		case "type":
			t, ok := r.str()
			sawType = true
			return ok && t == "FeatureCollection"
		case "features":
			sawFeatures = true
			return r.list(func() bool {
				r.space()
				start := r.i
				if r.i >= len(r.b) || r.b[r.i] != '{' || !r.skipValue() {
					return false
				}
				raws = append(raws, rawAt{raw: b[start:r.i], line: lines.at(start)})
				return true
			})
		}
		return r.skipValue()
	})
	return raws, ok && sawType && sawFeatures && r.end()
}

// fastFeature reads a feature of a valid text that is plainly shaped:
// type "Feature", properties with a string id, and a geometry with a
// string type and coordinates (not read here). ok is false for any other
// shape, which decodeFeature's encoding/json path reads and reports.
func fastFeature(raw []byte) (id string, g *rawGeometry, ok bool) {
	r := &coordReader{b: raw}
	g = &rawGeometry{}
	sawType, sawGeometry := false, false
	ok = r.object([]string{"type", "properties", "geometry"}, func(key string) bool {
		switch key {
		case "type":
			t, ok := r.str()
			sawType = true
			return ok && t == "Feature"
		case "properties":
			return r.object(nil, func(key string) bool {
				if key != "id" {
					return r.skipValue()
				}
				var ok bool
				id, ok = r.str()
				return ok
			})
		case "geometry":
			sawGeometry = true
			sawCoords := false
			return r.object([]string{"type", "coordinates"}, func(key string) bool {
				switch key {
				case "type":
					var ok bool
					g.Type, ok = r.str()
					return ok
				case "coordinates":
					r.space()
					start := r.i
					if r.i >= len(r.b) || r.b[r.i] != '[' || !r.skipValue() {
						return false
					}
					g.Coordinates, sawCoords = raw[start:r.i], true
					return true
				}
				return r.skipValue()
			}) && sawCoords && g.Type != ""
		}
		return r.skipValue()
	})
	return id, g, ok && sawType && sawGeometry && id != "" && r.end()
}
