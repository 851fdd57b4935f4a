// Command preview draws the embedded Libya briefing's zones as a PNG, one
// panel per date, through scene (the renderer of the app and the
// slide), so a person can check the hand-drawn partition after running
// build.mjs and rebuilding:
//
//	go run ./tools/zones/preview -o /tmp/zones.png
//
// Each panel shows the zones valid on its date (contested ones hatched) and
// the cities.
package main

import (
	"flag"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"os"

	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/data/libya"
	"github.com/briefmap/briefmap/geo/basemap"
	"github.com/briefmap/briefmap/scene"
)

func main() {
	out := flag.String("o", "zones.png", "output PNG")
	w := flag.Int("w", 700, "panel width in pixels")
	box := flag.String("bbox", "", "west,south,east,north to draw (default: the briefing's bbox)")
	flag.Parse()
	if err := run(*out, *w, *box); err != nil {
		fmt.Fprintln(os.Stderr, "preview:", err)
		os.Exit(1)
	}
}

func run(out string, w int, box string) error {
	b, err := libya.Load()
	if err != nil {
		return err
	}
	base, err := basemap.Load()
	if err != nil {
		return err
	}
	dates := []data.Date{data.MustDate("2019-10-01"), data.MustDate("2020-01-19"), data.MustDate("2020-09-01"), data.MustDate("2023-09-30")}
	bound := b.BBox
	if box != "" {
		var v [4]float64
		if _, err := fmt.Sscanf(box, "%g,%g,%g,%g", &v[0], &v[1], &v[2], &v[3]); err != nil {
			return fmt.Errorf("-bbox %q: want west,south,east,north: %w", box, err)
		}
		bound = orb.Bound{Min: orb.Point{v[0], v[1]}, Max: orb.Point{v[2], v[3]}}
	}
	h := w * 4 / 5
	r := scene.NewRenderer(b, base)
	v := scene.FitView(bound, w, h, 8)
	img := image.NewRGBA(image.Rect(0, 0, w*len(dates), h))
	for i, d := range dates {
		panel := r.Render(w, h, v, scene.Options{Date: d, Layers: scene.Layers{Zones: true, Cities: true, Labels: true}})
		draw.Draw(img, panel.Bounds().Add(image.Pt(i*w, 0)), panel, image.Point{}, draw.Src)
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
