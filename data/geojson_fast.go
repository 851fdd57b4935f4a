package data

import (
	"strconv"

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
