package data

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/paulmach/orb"
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
		{"no geometry", `{"type": "Feature", "properties": {"id": "z"}}`, false},
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

// decodeBoth reads b as zones.geojson with the fast reader and with
// encoding/json only, and fails when they differ in features, lines,
// geometry or problems.
func decodeBoth(t *testing.T, b []byte) {
	t.Helper()
	fast, plain := newLoader(), newLoader()
	plain.plainJSON = true
	fast.decodeGeometry(b)
	plain.decodeGeometry(b)
	if !reflect.DeepEqual(sortProblems(fast.ps.list), sortProblems(plain.ps.list)) {
		t.Fatalf("problems differ:\nfast  %v\nplain %v", fast.ps.list, plain.ps.list)
	}
	if !slices.Equal(fast.featOrder, plain.featOrder) || fast.geometryRead != plain.geometryRead {
		t.Fatalf("features differ: fast %v %v, plain %v %v", fast.featOrder, fast.geometryRead, plain.featOrder, plain.geometryRead)
	}
	for id, f := range plain.features {
		g := fast.features[id]
		if g.line != f.line || g.bad != f.bad || !sameGeometry(g.geom, f.geom) {
			t.Fatalf("feature %q differs: fast line %d bad %v %v, plain line %d bad %v %v", id, g.line, g.bad, g.geom, f.line, f.bad, f.geom)
		}
	}
}

// sameGeometry compares two multipolygons position by position (an empty
// ring and a nil one are the same).
func sameGeometry(a, b orb.MultiPolygon) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if len(a[i]) != len(b[i]) {
			return false
		}
		for j := range a[i] {
			if !slices.Equal(a[i][j], b[i][j]) {
				return false
			}
		}
	}
	return true
}

// TestFastGeometryMatchesPlain reads Libya's zones.geojson and the bad
// test packages' both ways.
func TestFastGeometryMatchesPlain(t *testing.T) {
	files := []string{libyaDir + "/zones.geojson", "testdata/good/zones.geojson"}
	bad, _ := filepath.Glob("testdata/bad/*/zones.geojson")
	for _, name := range append(files, bad...) {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(name, func(t *testing.T) { decodeBoth(t, b) })
	}
}

// FuzzFastGeometry: whatever zones.geojson holds, the fast reader and
// encoding/json find the same features and the same problems.
func FuzzFastGeometry(f *testing.F) {
	for _, name := range []string{libyaDir + "/zones.geojson", "testdata/bad/bad-geojson-features/zones.geojson", "testdata/bad/bad-ring/zones.geojson"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"id": "a"}, "geometry": {"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,1],[0,0]]]}}]}`))
	f.Fuzz(func(t *testing.T, b []byte) { decodeBoth(t, b) })
}
