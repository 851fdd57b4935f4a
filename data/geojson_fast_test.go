package data

import (
	"encoding/json"
	"os"
	"testing"
)

// TestFastFeature: the fast reader takes a plainly shaped feature as
// encoding/json reads it, and gives up on every other shape, for
// encoding/json to read and report.
func TestFastFeature(t *testing.T) {
	cases := []struct {
		name, raw string
		ok        bool
	}{
		{"plain", `{"type": "Feature", "properties": {"id": "z1"}, "geometry": {"type": "Polygon", "coordinates": [[[1,2],[3,4]]]}}`, true},
		{"keys in another order, other members", `{"geometry": {"coordinates": [], "bbox": [1, 2], "type": "MultiPolygon"}, "id": 7, "properties": {"name": "a \"b\"", "id": "z-2", "n": {"x": [1, {"y": null}]}}, "type": "Feature"}`, true},
		{"escaped id", `{"type": "Feature", "properties": {"id": "z\u0031"}, "geometry": {"type": "Polygon", "coordinates": []}}`, false},
		{"id not a string", `{"type": "Feature", "properties": {"id": 1}, "geometry": {"type": "Polygon", "coordinates": []}}`, false},
		{"no id", `{"type": "Feature", "properties": {"ID": "z"}, "geometry": {"type": "Polygon", "coordinates": []}}`, false},
		{"id twice", `{"type": "Feature", "properties": {"id": "a", "id": "b"}, "geometry": {"type": "Polygon", "coordinates": []}}`, false},
		{"key in capitals", `{"Type": "Feature", "properties": {"id": "z"}, "geometry": {"type": "Polygon", "coordinates": []}}`, false},
		{"not a Feature", `{"type": "Point", "properties": {"id": "z"}, "geometry": {"type": "Polygon", "coordinates": []}}`, false},
		{"null geometry", `{"type": "Feature", "properties": {"id": "z"}, "geometry": null}`, false},
		{"no coordinates", `{"type": "Feature", "properties": {"id": "z"}, "geometry": {"type": "Polygon"}}`, false},
		{"coordinates not a list", `{"type": "Feature", "properties": {"id": "z"}, "geometry": {"type": "Polygon", "coordinates": 3}}`, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			id, g, ok := fastFeature([]byte(c.raw))
			if ok != c.ok {
				t.Fatalf("ok = %v, want %v", ok, c.ok)
			}
			if !ok {
				return
			}
			var f rawFeature
			if err := json.Unmarshal([]byte(c.raw), &f); err != nil {
				t.Fatal(err)
			}
			want, _ := f.Properties["id"].(string)
			if id != want || g.Type != f.Geometry.Type || string(g.Coordinates) != string(f.Geometry.Coordinates) {
				t.Errorf("fast %q %q %s, encoding/json %q %q %s", id, g.Type, g.Coordinates, want, f.Geometry.Type, f.Geometry.Coordinates)
			}
		})
	}
}

// TestFastFeatures: the fast reader splits Libya's zones.geojson into the
// features, at the lines, that encoding/json finds, and gives up on a
// collection it does not plainly understand.
func TestFastFeatures(t *testing.T) {
	b, err := os.ReadFile(libyaDir + "/zones.geojson")
	if err != nil {
		t.Fatal(err)
	}
	raws, ok := fastFeatures(b)
	if !ok {
		t.Fatal("Libya's zones.geojson: the fast reader gave up")
	}
	var fc struct{ Features []json.RawMessage }
	if err := json.Unmarshal(b, &fc); err != nil {
		t.Fatal(err)
	}
	if len(raws) != len(fc.Features) {
		t.Fatalf("%d features, encoding/json %d", len(raws), len(fc.Features))
	}
	for i, r := range raws {
		if string(r.raw) != string(fc.Features[i]) || r.line != lineAt(b, offsetOf(b, r.raw)) {
			t.Errorf("feature %d differs or is not at line %d", i, r.line)
		}
	}
	for _, bad := range []string{
		`{"type": "FeatureCollection", "features": [], "type": "FeatureCollection"}`,
		`{"type": "Collection", "features": []}`,
		`{"type": "FeatureCollection", "features": {}}`,
		`{"type": "FeatureCollection", "features": [1]}`,
		`{"features": []}`,
		`{"type": "FeatureCollection", "features": [}`,
	} {
		if _, ok := fastFeatures([]byte(bad)); ok {
			t.Errorf("%s: the fast reader did not give up", bad)
		}
	}
}

// offsetOf returns the offset of sub, a subslice of b, in b.
func offsetOf(b, sub []byte) int {
	for i := range b {
		if &b[i] == &sub[0] {
			return i
		}
	}
	return -1
}
