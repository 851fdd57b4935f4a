package data

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// feature is one zones.geojson feature: a zone's or a deployment's area.
type feature struct {
	geom orb.MultiPolygon
	line int
	bad  bool // the geometry has problems (already reported)
}

// decodeGeometry reads zones.geojson: a FeatureCollection of Polygon or
// MultiPolygon features keyed by properties.id. Each feature's problems are
// reported at the line where the feature starts. A plainly shaped file is
// read by the fast reader (geojson_fast.go), anything else by
// encoding/json; both give the same features and problems.
func (l *loader) decodeGeometry(b []byte) {
	const file = fileGeometry
	if !l.plainJSON {
		if raws, ok := fastFeatures(b); ok {
			l.decodeFeatureList(raws)
			l.geometryRead = true
			return
		}
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	malformed := func(err error) {
		line := lineAt(b, int(dec.InputOffset()))
		var se *json.SyntaxError
		if asSyntax(err, &se) {
			line = lineAt(b, int(se.Offset))
		}
		l.ps.add(file, line, "", "malformed JSON: %v", err)
	}
	tok, err := dec.Token()
	if err != nil {
		malformed(err)
		return
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		l.ps.add(file, 1, "", "want a GeoJSON FeatureCollection object")
		return
	}
	sawType, sawFeatures := false, false
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			malformed(err)
			return
		}
		key, _ := tok.(string)
		keyLine := lineAt(b, int(dec.InputOffset()))
		switch key {
		case "type":
			var t string
			if err := dec.Decode(&t); err != nil {
				malformed(err)
				return
			}
			if t != "FeatureCollection" {
				l.ps.add(file, keyLine, "type", "%q: want FeatureCollection", t)
			}
			sawType = true
		case "features":
			sawFeatures = true
			if !l.decodeFeatures(dec, b, malformed) {
				return
			}
		default: // bbox, name, crs and foreign members are allowed by RFC 7946
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				malformed(err)
				return
			}
		}
	}
	if _, err := dec.Token(); err != nil {
		malformed(err)
		return
	}
	if !sawType {
		l.ps.add(file, 1, "type", "missing: want FeatureCollection")
	}
	if !sawFeatures {
		l.ps.add(file, 1, "features", "missing")
		return
	}
	l.geometryRead = true
}

// asSyntax is errors.As for *json.SyntaxError.
func asSyntax(err error, target **json.SyntaxError) bool {
	se, ok := err.(*json.SyntaxError)
	if ok {
		*target = se
	}
	return ok
}

// decodeFeatures reads the features array; it returns false when the JSON is
// malformed (already reported).
func (l *loader) decodeFeatures(dec *json.Decoder, b []byte, malformed func(error)) bool {
	const file = fileGeometry
	tok, err := dec.Token()
	if err != nil {
		malformed(err)
		return false
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		l.ps.add(file, lineAt(b, int(dec.InputOffset())), "features", "want a list of features")
		return false
	}
	var raws []rawAt
	for dec.More() {
		start := skipSpace(b, int(dec.InputOffset()))
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			malformed(err)
			return false
		}
		raws = append(raws, rawAt{raw, lineAt(b, start)})
	}
	if _, err := dec.Token(); err != nil {
		malformed(err)
		return false
	}
	l.decodeFeatureList(raws)
	return true
}

// decodeFeatureList decodes and checks the features on every core, each
// into a loader of its own, then keeps them in file order (a duplicate id
// is refused there, as if they were read one by one).
func (l *loader) decodeFeatureList(raws []rawAt) {
	parts := make([]*loader, len(raws))
	parallel(len(raws), func(i int) {
		parts[i] = newLoader()
		parts[i].plainJSON = l.plainJSON
		parts[i].decodeFeature(i, raws[i].raw, raws[i].line)
	})
	for _, p := range parts {
		id := ""
		if len(p.featOrder) == 1 {
			id = p.featOrder[0]
		}
		if prev, dup := l.features[id]; id != "" && dup {
			l.ps.add(fileGeometry, p.features[id].line, "properties.id", "duplicate feature %q (already at line %d)", id, prev.line)
			continue
		}
		l.ps.list = append(l.ps.list, p.ps.list...)
		if id != "" {
			l.features[id] = p.features[id]
			l.featOrder = append(l.featOrder, id)
		}
	}
}

// rawAt is a feature's JSON and the line it starts at.
type rawAt struct {
	raw  json.RawMessage
	line int
}

// rawFeature is a GeoJSON Feature as zones.geojson holds it. Its geometry is
// decoded here rather than by orb/geojson, whose orb.Point reads a position
// [1] as [1 0] without complaint: every position must have two or three
// numbers. The result is orb geometry all the same.
type rawFeature struct {
	Type       string             `json:"type"`
	Properties geojson.Properties `json:"properties"`
	Geometry   *rawGeometry       `json:"geometry"`
}

// rawGeometry is a GeoJSON geometry with its coordinates not yet decoded.
type rawGeometry struct {
	Type        string          `json:"type"`
	Coordinates json.RawMessage `json:"coordinates"`
}

// decodeFeature checks and stores one feature that starts at line
// (decodeFeatureList refuses a duplicate id).
func (l *loader) decodeFeature(i int, raw json.RawMessage, line int) {
	const file = fileGeometry
	if id, g, ok := fastFeature(raw); ok && !l.plainJSON {
		mp, ok := l.featureGeometry(g, id, line)
		l.features[id] = feature{geom: mp, line: line, bad: !ok}
		l.featOrder = append(l.featOrder, id)
		return
	}
	field := fmt.Sprintf("features[%d]", i)
	var f rawFeature
	if err := json.Unmarshal(raw, &f); err != nil {
		l.ps.add(file, line, field, "not a GeoJSON Feature: %v", err)
		return
	}
	if f.Type != "Feature" {
		l.ps.add(file, line, field, "type %q: want Feature", f.Type)
		return
	}
	id, _ := f.Properties["id"].(string)
	if id == "" {
		l.ps.add(file, line, "properties.id", "missing: every feature names its zone or deployment")
		return
	}
	mp, ok := l.featureGeometry(f.Geometry, id, line)
	l.features[id] = feature{geom: mp, line: line, bad: !ok}
	l.featOrder = append(l.featOrder, id)
}

// featureGeometry decodes and checks the geometry of feature id; ok is false
// (after recording the problems) when it is missing or bad.
func (l *loader) featureGeometry(g *rawGeometry, id string, line int) (orb.MultiPolygon, bool) {
	const file = fileGeometry
	if g == nil {
		l.ps.add(file, line, "geometry", "feature %q: missing", id)
		return nil, false
	}
	switch g.Type {
	case "Polygon":
		if rings, ok := fastPolygon(g.Coordinates); ok && !l.plainJSON {
			p, ok := l.polygonRings(rings, id, line)
			return orb.MultiPolygon{p}, ok
		}
		var c [][][]float64
		if err := json.Unmarshal(g.Coordinates, &c); err != nil {
			l.ps.add(file, line, "geometry", "feature %q: bad Polygon coordinates: %v", id, err)
			return nil, false
		}
		p, ok := l.polygon(c, id, line)
		return orb.MultiPolygon{p}, ok
	case "MultiPolygon":
		if polys, ok := fastMultiPolygon(g.Coordinates); ok && len(polys) > 0 && !l.plainJSON {
			return multiPolygon(polys, func(rings []orb.Ring) (orb.Polygon, bool) { return l.polygonRings(rings, id, line) })
		}
		var c [][][][]float64
		if err := json.Unmarshal(g.Coordinates, &c); err != nil {
			l.ps.add(file, line, "geometry", "feature %q: bad MultiPolygon coordinates: %v", id, err)
			return nil, false
		}
		if len(c) == 0 {
			l.ps.add(file, line, "geometry", "feature %q: empty MultiPolygon", id)
			return nil, false
		}
		return multiPolygon(c, func(pc [][][]float64) (orb.Polygon, bool) { return l.polygon(pc, id, line) })
	default:
		l.ps.add(file, line, "geometry", "feature %q: %s: want Polygon or MultiPolygon", id, g.Type)
		return nil, false
	}
}

// multiPolygon turns each part into a polygon with polygon and returns
// them all; ok is false when any part had a problem (polygon reported it).
func multiPolygon[P any](parts []P, polygon func(P) (orb.Polygon, bool)) (orb.MultiPolygon, bool) {
	var mp orb.MultiPolygon
	ok := true
	for _, part := range parts {
		p, pok := polygon(part)
		ok = ok && pok
		mp = append(mp, p)
	}
	return mp, ok
}

// polygon converts and checks one polygon's rings: at least 4 positions of 2
// or 3 finite numbers, closed, not self-intersecting.
func (l *loader) polygon(c [][][]float64, id string, line int) (orb.Polygon, bool) {
	const file = fileGeometry
	if len(c) == 0 {
		l.ps.add(file, line, "geometry", "feature %q: polygon without rings", id)
		return nil, false
	}
	p := make(orb.Polygon, 0, len(c))
	ok := true
	for ri, rc := range c {
		ring := make(orb.Ring, 0, len(rc))
		for _, pos := range rc {
			if len(pos) < 2 || len(pos) > 3 {
				l.ps.add(file, line, "geometry", "feature %q: ring %d: position %v: want [lon, lat]", id, ri, pos)
				return nil, false
			}
			if !finite(pos[0]) || !finite(pos[1]) {
				l.ps.add(file, line, "geometry", "feature %q: ring %d: position %v is not finite", id, ri, pos)
				return nil, false
			}
			ring = append(ring, orb.Point{pos[0], pos[1]})
		}
		if msg := ringProblem(ring); msg != "" {
			l.ps.add(file, line, "geometry", "feature %q: ring %d: %s", id, ri, msg)
			ok = false
		}
		p = append(p, ring)
	}
	return p, ok
}

// polygonRings checks one polygon's rings read by the fast path (every
// position two finite numbers): at least one ring, each of at least 4
// positions, closed, not self-intersecting. Its problems read as polygon's.
func (l *loader) polygonRings(rings []orb.Ring, id string, line int) (orb.Polygon, bool) {
	const file = fileGeometry
	if len(rings) == 0 {
		l.ps.add(file, line, "geometry", "feature %q: polygon without rings", id)
		return nil, false
	}
	ok := true
	for ri, ring := range rings {
		if msg := ringProblem(ring); msg != "" {
			l.ps.add(file, line, "geometry", "feature %q: ring %d: %s", id, ri, msg)
			ok = false
		}
	}
	return orb.Polygon(rings), ok
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
