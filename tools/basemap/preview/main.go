// Command preview renders the embedded basemap alone for a bound to a PNG,
// through geo's own renderer, so the generated data can be looked at:
//
//	go run ./tools/basemap/preview -bbox 9,19,26,34 -size 1920x1080 -o /tmp/libya.png
package main

import (
	"flag"
	"fmt"
	"image/png"
	"log"
	"os"

	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/geo"
	"github.com/briefmap/briefmap/geo/basemap"
)

func main() {
	bbox := flag.String("bbox", "9,19,26,34", "W,S,E,N in degrees")
	size := flag.String("size", "1920x1080", "WxH pixels")
	focus := flag.String("focus", "LBY", "ISO3 of the country drawn as the focus (empty: none)")
	out := flag.String("o", "basemap-preview.png", "output PNG")
	flag.Parse()
	log.SetFlags(0)
	var w, s, e, n float64
	var W, H int
	if _, err := fmt.Sscanf(*bbox, "%g,%g,%g,%g", &w, &s, &e, &n); err != nil {
		log.Fatalf("preview: -bbox %q: %v", *bbox, err)
	}
	if _, err := fmt.Sscanf(*size, "%dx%d", &W, &H); err != nil {
		log.Fatalf("preview: -size %q: %v", *size, err)
	}
	b, err := basemap.Load()
	if err != nil {
		log.Fatal(err)
	}
	m := &geo.Map{Width: W, Height: H, Basemap: b, Style: geo.DefaultBasemapStyle(*focus), ScaleBar: true}
	m.Fit(orb.Bound{Min: orb.Point{w, s}, Max: orb.Point{e, n}}, 0)
	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	if err := png.Encode(f, m.Render()); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}
