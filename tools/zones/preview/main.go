// Command preview draws data/libya/briefing/zones.geojson (or another zones
// file) as a PNG, one panel per snapshot date, so a person can check the
// hand-drawn partition after running build.mjs:
//
//	go run ./tools/zones/preview -o /tmp/zones.png
//
// It draws every zone valid on each date in a colour picked from its
// controller, contested zones hatched, and the places as dots.
package main

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"

	"github.com/paulmach/orb"
	"golang.org/x/image/vector"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/data/libya"
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
	dates := []data.Date{data.MustDate("2019-10-01"), data.MustDate("2020-01-19"), data.MustDate("2020-09-01"), data.MustDate("2023-09-30")}
	bound := b.BBox
	if box != "" {
		var v [4]float64
		if _, err := fmt.Sscanf(box, "%g,%g,%g,%g", &v[0], &v[1], &v[2], &v[3]); err != nil {
			return fmt.Errorf("-bbox %q: want west,south,east,north: %w", box, err)
		}
		bound = orb.Bound{Min: orb.Point{v[0], v[1]}, Max: orb.Point{v[2], v[3]}}
	}
	h := int(float64(w) * (bound.Max[1] - bound.Min[1]) / (bound.Max[0] - bound.Min[0]))
	img := image.NewRGBA(image.Rect(0, 0, w*len(dates), h))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.RGBA{230, 240, 250, 255}), image.Point{}, draw.Src)
	palette := map[string]color.RGBA{
		"gna": {0, 114, 178, 255}, "gnu": {0, 114, 178, 255}, "lna": {213, 94, 0, 255},
	}
	for i, d := range dates {
		// Each panel is drawn on its own image, so geometry beyond the
		// bound is clipped there rather than spilling into the next panel.
		panel := image.NewRGBA(image.Rect(0, 0, w, h))
		draw.Draw(panel, panel.Bounds(), image.NewUniform(color.RGBA{230, 240, 250, 255}), image.Point{}, draw.Src)
		px := func(p orb.Point) (float32, float32) {
			x := (p[0] - bound.Min[0]) / (bound.Max[0] - bound.Min[0]) * float64(w)
			y := (bound.Max[1] - p[1]) / (bound.Max[1] - bound.Min[1]) * float64(h)
			return float32(x), float32(y)
		}
		for _, z := range b.Zones {
			if !z.Valid.Contains(d) {
				continue
			}
			c, ok := palette[z.Controller]
			if !ok {
				c = color.RGBA{120, 120, 120, 255}
			}
			if z.Contested() {
				c = color.RGBA{204, 121, 167, 255}
			}
			if z.Confidence != data.High {
				c.R, c.G, c.B = c.R/2+100, c.G/2+100, c.B/2+100
			}
			fill(panel, z.Geometry, px, c)
		}
		for _, p := range b.Places {
			x, y := px(p.Point)
			for dx := -2; dx <= 2; dx++ {
				for dy := -2; dy <= 2; dy++ {
					panel.Set(int(x)+dx, int(y)+dy, color.Black)
				}
			}
		}
		draw.Draw(img, panel.Bounds().Add(image.Pt(i*w, 0)), panel, image.Point{}, draw.Src)
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	defer f.Close()
	return png.Encode(f, img)
}

func fill(img *image.RGBA, mp orb.MultiPolygon, px func(orb.Point) (float32, float32), c color.RGBA) {
	r := vector.NewRasterizer(img.Bounds().Dx(), img.Bounds().Dy())
	for _, poly := range mp {
		for _, ring := range poly {
			for j, p := range ring {
				x, y := px(p)
				if j == 0 {
					r.MoveTo(x, y)
				} else {
					r.LineTo(x, y)
				}
			}
			r.ClosePath()
		}
	}
	r.Draw(img, img.Bounds(), image.NewUniform(c), image.Point{})
}
