// Command mapnikbench writes what Mapnik needs to draw the same map as
// `briefmap render` (1920×1080 by default): the briefing's features (the
// output of `briefmap geojson`), the basemap of the same view (land,
// borders, coastline and country labels, simplified as briefmap simplifies
// it for that resolution, as GeoJSON), a Mapnik XML style that draws them
// with briefmap's kind of symbols (filled and outlined zones, markers,
// labels with halos in Noto Sans), and the view's bounding box in Web
// Mercator metres:
//
//	go run ./tools/mapnikbench -geojson libya.geojson -out DIR [-size 1920x1080]
//
// run.sh builds briefmap, runs this, and times both renderers side by side
// with hyperfine; render.py is the Mapnik side. It is a measuring tool:
// Mapnik is never needed to build or test Briefmap.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"

	"github.com/briefmap/briefmap/data/libya"
	"github.com/briefmap/briefmap/geo"
	"github.com/briefmap/briefmap/geo/basemap"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

// run runs the command and returns its exit code: 0 done, 1 failed, 2 bad
// usage.
func run(args []string, stderr io.Writer) int {
	fl := flag.NewFlagSet("mapnikbench", flag.ContinueOnError)
	fl.SetOutput(stderr)
	in := fl.String("geojson", "", "the briefing's features, as `briefmap geojson` writes them (required)")
	out := fl.String("out", "", "output `folder` (required)")
	size := fl.String("size", "1920x1080", "map size `WxH`")
	briefing := fl.String("briefing", "", "briefing package (default: the embedded Libya briefing); its bounding box is the view")
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	var w, h int
	if _, err := fmt.Sscanf(*size, "%dx%d", &w, &h); err != nil || w < 16 || h < 16 || *in == "" || *out == "" || fl.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: go run ./tools/mapnikbench -geojson FILE -out DIR [-size WxH] [-briefing PATH]")
		return 2
	}
	if err := write(*in, *out, *briefing, w, h); err != nil {
		fmt.Fprintln(stderr, "mapnikbench:", err)
		return 1
	}
	return 0
}

// write writes basemap.geojson, labels.geojson, style.xml and box.txt
// into dir for a w×h map of the briefing's bounding box.
func write(in, dir, briefing string, w, h int) error {
	abs, err := filepath.Abs(in)
	if err != nil {
		return err
	}
	if _, err := os.Stat(abs); err != nil {
		return fmt.Errorf("the features: %w", err)
	}
	b, err := libya.LoadPath(briefing)
	if err != nil {
		return err
	}
	bm, err := basemap.Load()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	// The view briefmap render draws: the briefing's box, 16 px padding.
	t := geo.FitBound(w, h, b.BBox, 16)
	view := bm.View(t.Bounds(), 360/t.WorldSize())
	base := geojson.NewFeatureCollection()
	add := func(g orb.Geometry, layer string) {
		f := geojson.NewFeature(g)
		f.Properties["layer"] = layer
		base.Append(f)
	}
	add(view.Land, "land")
	add(view.Borders, "border")
	add(view.Coastline, "coast")
	labels := geojson.NewFeatureCollection()
	for _, c := range view.Countries {
		f := geojson.NewFeature(c.Label)
		f.Properties["name"] = c.Name
		labels.Append(f)
	}
	for name, fc := range map[string]*geojson.FeatureCollection{"basemap.geojson": base, "labels.geojson": labels} {
		bs, err := json.Marshal(fc)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, name), bs, 0o644); err != nil {
			return err
		}
	}
	fonts, err := filepath.Abs("assets/fonts")
	if err != nil {
		return err
	}
	style := styleXML(fonts, filepath.Join(dir, "basemap.geojson"), filepath.Join(dir, "labels.geojson"), abs)
	if err := os.WriteFile(filepath.Join(dir, "style.xml"), []byte(style), 0o644); err != nil {
		return err
	}
	bb := t.Bounds()
	x0, y0 := mercator(bb.Min)
	x1, y1 := mercator(bb.Max)
	return os.WriteFile(filepath.Join(dir, "box.txt"), fmt.Appendf(nil, "%d %d %.3f %.3f %.3f %.3f\n", w, h, x0, y0, x1, y1), 0o644)
}

// mercator returns p in Web Mercator metres (EPSG:3857).
func mercator(p orb.Point) (x, y float64) {
	const r = 6378137.0
	return r * p[0] * math.Pi / 180, r * math.Log(math.Tan(math.Pi/4+p[1]*math.Pi/360))
}
