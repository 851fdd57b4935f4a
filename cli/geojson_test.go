package cli

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/internal/pkgtest"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

func TestGeoJSONGolden(t *testing.T) {
	checkGoldenRuns(t, []goldenRun{
		{"geojson-2020-01-19.geojson", []string{"geojson"}},
		{"geojson-2023-09-30.geojson", []string{"geojson", "--date", "2023-09-30"}},
	})
}

// TestGeoJSONValid reads the export back with orb/geojson and checks every
// feature carries the properties of the command-line contract (the
// product's DESIGN.md, beside the repository in shared/; gjProperties).
func TestGeoJSONValid(t *testing.T) {
	code, out, errs := run("geojson")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	fc, err := geojson.UnmarshalFeatureCollection([]byte(out))
	if err != nil {
		t.Fatalf("not a FeatureCollection: %v", err)
	}
	b := pkgtest.Load(t, "")
	d := b.DefaultDate
	want := len(b.ZonesOn(d)) + len(b.Places) + len(b.DeploymentsOn(d)) + len(b.EventsOn(d))
	if len(fc.Features) != want {
		t.Errorf("%d features, want %d (zones, deployments and events of %s, and every place)", len(fc.Features), want, d)
	}
	layers := map[string]int{}
	for _, f := range fc.Features {
		p := f.Properties
		layer := p.MustString("layer", "")
		layers[layer]++
		for _, k := range []string{"id", "layer", "name", "kind", "valid_from", "valid_to", "confidence", "excerpts"} {
			if _, ok := p[k]; !ok {
				t.Errorf("feature %v lacks %q", p["id"], k)
			}
		}
		switch layer {
		case "zone":
			if _, ok := p["controller"]; !ok {
				t.Errorf("zone %v lacks controller", p["id"])
			}
			if f.Geometry.GeoJSONType() != "Polygon" && f.Geometry.GeoJSONType() != "MultiPolygon" {
				t.Errorf("zone %v is a %s", p["id"], f.Geometry.GeoJSONType())
			}
		case "deployment":
			if p.MustString("actor", "") == "" {
				t.Errorf("deployment %v lacks actor", p["id"])
			}
		case "place":
			if f.Geometry.GeoJSONType() != "Point" {
				t.Errorf("place %v is a %s", p["id"], f.Geometry.GeoJSONType())
			}
		case "event":
			if f.Geometry.GeoJSONType() != "Point" || p.MustString("shown_until", "") == "" {
				t.Errorf("event %v is a %s, shown until %q", p["id"], f.Geometry.GeoJSONType(), p.MustString("shown_until", ""))
			}
		default:
			t.Errorf("feature %v has layer %q", p["id"], layer)
		}
		// Events abroad (the Berlin conference) keep their own point.
		if layer != "event" && (!b.BBox.Contains(f.Geometry.Bound().Min) || !b.BBox.Contains(f.Geometry.Bound().Max)) {
			t.Errorf("feature %v lies outside the briefing's bbox", p["id"])
		}
	}
	if layers["zone"] == 0 || layers["place"] == 0 || layers["deployment"] == 0 {
		t.Errorf("layers = %v, want zones, places and deployments", layers)
	}
}

// TestGeoJSONEvents checks the event layer on the test package.
func TestGeoJSONEvents(t *testing.T) {
	code, out, errs := run("geojson", "--briefing", good, "--date", "2020-01-18")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var fc struct {
		Features []struct {
			Geometry struct {
				Type        string          `json:"type"`
				Coordinates json.RawMessage `json:"coordinates"`
			} `json:"geometry"`
			Properties map[string]any `json:"properties"`
		} `json:"features"`
	}
	if err := json.Unmarshal([]byte(out), &fc); err != nil {
		t.Fatal(err)
	}
	var events []string
	for _, f := range fc.Features {
		p := f.Properties
		if p["layer"] != "event" {
			continue
		}
		events = append(events, p["id"].(string)+" "+p["valid_from"].(string)+"–"+p["valid_to"].(string)+" until "+p["shown_until"].(string))
		var pt []float64
		if f.Geometry.Type != "Point" || json.Unmarshal(f.Geometry.Coordinates, &pt) != nil || len(pt) != 2 {
			t.Errorf("event %v: geometry %+v", p["id"], f.Geometry)
		}
	}
	want := "e-sirte-taken 2020-01-06–2020-01-06 until 2020-03-06; e-blockade 2020-01-17–2020-01-18 until 2020-02-17"
	if got := strings.Join(events, "; "); got != want {
		t.Errorf("events = %s, want %s", got, want)
	}
}

func TestGeoJSONOnPackage(t *testing.T) {
	b := pkgtest.Load(t, good)
	fc := featureCollection(b, data.MustDate("2020-01-19"))
	var got []string
	for _, f := range fc.Features {
		p := f.Properties
		s := string(p.Layer) + ":" + p.ID + ":" + f.Geometry.Type
		if p.Status != nil {
			s += ":" + *p.Status
		}
		if len(p.Excerpts) > 0 {
			s += ":" + p.Excerpts[0].ID
		}
		got = append(got, s)
	}
	want := []string{
		"zone:z-east:MultiPolygon:econ-haftar-controls-most",
		"zone:z-west:Polygon:econ-sarraj",
		"zone:z-front:Polygon",
		"place:tripoli:Point:econ-sarraj",
		"place:es-sider:Point:blockaded:econ-ports",
		"place:sirte:Point",
		"place:al-jufra:Point",
		"deployment:d-wagner:Polygon:econ-wagner",
		"event:e-sirte-taken:Point",
		"event:e-blockade:Point:econ-ports",
	}
	if !slices.Equal(got, want) {
		t.Errorf("features:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Without an area, a deployment is its point and the points of its places.
	b.Deployments[0].Area = nil
	g := deploymentGeometry(b, &b.Deployments[0])
	if g.Type != "MultiPoint" || len(g.Coordinates.([][2]float64)) != 2 {
		t.Errorf("deployment without area = %+v, want a MultiPoint of 2", g)
	}
}

func TestGeoJSONFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.geojson")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := run("geojson", "-o", path)
	if code != ExitOK || out != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	_, stdout, _ := run("geojson")
	if string(got) != stdout {
		t.Error("-o wrote something else than stdout shows")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("folder holds %d files, want only out.geojson (no temporary file left)", len(entries))
	}
	// A folder that does not exist: exit 1, one line, nothing written.
	code, _, errs = run("geojson", "-o", filepath.Join(dir, "missing", "out.geojson"))
	if code != ExitInput || strings.Count(errs, "\n") != 1 || !strings.HasPrefix(errs, "briefmap: geojson: ") {
		t.Errorf("unwritable -o: exit %d, stderr %q", code, errs)
	}
}

func TestGeoJSONErrors(t *testing.T) {
	checkExits(t, []exitCase{
		{[]string{"geojson", "--date", "2020-1-19"}, ExitInput, `briefmap: geojson: --date: date "2020-1-19" is not YYYY-MM-DD`},
		{[]string{"geojson", "extra"}, ExitUsage, "briefmap: geojson takes no arguments"},
		{[]string{"geojson", "--layers", "zone"}, ExitUsage, "briefmap: geojson: flag provided but not defined: -layers"},
	})
}

func BenchmarkGeoJSON(b *testing.B) {
	br := pkgtest.Load(b, "")
	b.ReportAllocs()
	for b.Loop() {
		if err := writeFeatureCollection(io.Discard, featureCollection(br, br.DefaultDate)); err != nil {
			b.Fatal(err)
		}
	}
}

func TestPolygonalWinding(t *testing.T) {
	cw := orb.Ring{{0, 0}, {0, 1}, {1, 1}, {1, 0}, {0, 0}}
	ccwHole := orb.Ring{{0.2, 0.2}, {0.8, 0.2}, {0.8, 0.8}, {0.2, 0.8}, {0.2, 0.2}}
	g := polygonal(orb.MultiPolygon{{cw, ccwHole}})
	rings := g.Coordinates.([][][2]float64)
	if got := orb.Ring(toPoints(rings[0])).Orientation(); got != orb.CCW {
		t.Errorf("outer ring orientation %v, want CCW", got)
	}
	if got := orb.Ring(toPoints(rings[1])).Orientation(); got != orb.CW {
		t.Errorf("hole orientation %v, want CW", got)
	}
	if cw[1] != (orb.Point{0, 1}) {
		t.Error("polygonal changed its input")
	}
}

func toPoints(r [][2]float64) []orb.Point {
	out := make([]orb.Point, len(r))
	for i, p := range r {
		out[i] = p
	}
	return out
}
