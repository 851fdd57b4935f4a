package main

import (
	"reflect"
	"strings"
	"testing"
)

// tinyTopo is two squares sharing arc 0, quantised with a transform, plus
// a geometry without id.
const tinyTopo = `{"type":"Topology",
 "transform":{"scale":[0.5,0.25],"translate":[10,20]},
 "arcs":[[[2,0],[0,4]], [[2,4],[-2,0],[0,-4],[2,0]], [[2,0],[2,0],[0,4],[-2,0]]],
 "objects":{"countries":{"type":"GeometryCollection","geometries":[
  {"type":"Polygon","id":"434","properties":{"name":"West"},"arcs":[[0,1]]},
  {"type":"MultiPolygon","properties":{"name":"Kosovo"},"arcs":[[[2,-1]]]},
  {"type":null,"properties":{"name":"Nothing"}}
 ]}}}`

func TestParseTopoJSON(t *testing.T) {
	fs, err := parseTopoJSON([]byte(tinyTopo), "tiny.json", "countries")
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 2 {
		t.Fatalf("%d features, want 2", len(fs))
	}
	// Arc 0 runs from (11,20) to (11,21); arc 1 from (11,21) round the
	// west square back to (11,20), which is not repeated.
	west := [][][][2]float64{{{{11, 20}, {11, 21}, {10, 21}, {10, 20}}}}
	if fs[0].ID != "434" || fs[0].Name != "West" || !reflect.DeepEqual(fs[0].Polygons, west) {
		t.Errorf("West = %+v, want polygons %v", fs[0], west)
	}
	east := [][][][2]float64{{{{11, 20}, {12, 20}, {12, 21}, {11, 21}}}}
	if fs[1].ID != "" || fs[1].Name != "Kosovo" || !reflect.DeepEqual(fs[1].Polygons, east) {
		t.Errorf("East = %+v, want polygons %v", fs[1], east)
	}
	for _, c := range []struct{ name, text, want string }{
		{"not json", `{`, "unexpected end"},
		{"not a topology", `{"type":"FeatureCollection"}`, "want Topology"},
		{"no object", `{"type":"Topology","objects":{}}`, `no object "countries"`},
		{"bad arc", `{"type":"Topology","arcs":[],"objects":{"countries":{"geometries":[{"type":"Polygon","arcs":[[3]]}]}}}`, "out of range"},
		{"short arc", `{"type":"Topology","arcs":[[]],"objects":{"countries":{"geometries":[{"type":"Polygon","arcs":[[0]]}]}}}`, "0 points"},
		{"bad type", `{"type":"Topology","arcs":[],"objects":{"countries":{"geometries":[{"type":"Point","arcs":[]}]}}}`, "unexpected type"},
	} {
		_, err := parseTopoJSON([]byte(c.text), "x.json", "countries")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one containing %q", c.name, err, c.want)
		}
	}
}

func FuzzParseTopoJSON(f *testing.F) {
	f.Add([]byte(tinyTopo))
	f.Add([]byte(`{"type":"Topology","arcs":[[[0,0]]],"objects":{"countries":{"geometries":[{"type":"Polygon","arcs":[[0,-1]]}]}}}`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		fs, err := parseTopoJSON(raw, "fuzz.json", "countries")
		if err != nil {
			return
		}
		for _, f := range fs {
			for _, p := range f.Polygons {
				for _, r := range p {
					if len(r) < 3 {
						t.Fatalf("ring of %d points", len(r))
					}
				}
			}
		}
	})
}

func TestParseTopoJSONDegenerate(t *testing.T) {
	// A one-point ring (Spain has one in countries-10m.json) is skipped;
	// a polygon whose outer ring is degenerate goes with it.
	text := `{"type":"Topology","arcs":[[[0,0],[1,0],[1,1],[0,0]],[[5,5],[5,5]]],
	 "objects":{"countries":{"geometries":[{"type":"MultiPolygon","properties":{"name":"S"},"arcs":[[[0],[1]],[[1],[0]]]}]}}}`
	fs, err := parseTopoJSON([]byte(text), "x.json", "countries")
	if err != nil {
		t.Fatal(err)
	}
	want := [][][][2]float64{{{{0, 0}, {1, 0}, {1, 1}}}}
	if len(fs) != 1 || !reflect.DeepEqual(fs[0].Polygons, want) {
		t.Errorf("polygons = %v, want %v", fs[0].Polygons, want)
	}
}
