// Command preview renders the embedded basemap's View for a bound to a PNG
// (Web Mercator, land filled in one pass, coast and borders stroked as
// thin lines), so the generated data can be looked at:
//
//	go run ./tools/basemap/preview -bbox 9,19,26,34 -size 1920x1080 -o /tmp/libya.png
package main

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"log"
	"math"
	"os"

	"github.com/briefmap/briefmap/geo/basemap"
	"github.com/paulmach/orb"
	"golang.org/x/image/vector"
)

func main() {
	bbox := flag.String("bbox", "9,19,26,34", "W,S,E,N in degrees")
	size := flag.String("size", "1920x1080", "WxH pixels")
	out := flag.String("o", "basemap-preview.png", "output PNG")
	labels := flag.Bool("labels", true, "mark label points")
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
	merc := func(p orb.Point) (float64, float64) {
		return p[0] * math.Pi / 180, math.Log(math.Tan(math.Pi/4 + p[1]*math.Pi/360))
	}
	x0, y0 := merc(orb.Point{w, s})
	x1, y1 := merc(orb.Point{e, n})
	scale := math.Min(float64(W)/(x1-x0), float64(H)/(y1-y0))
	cx, cy := (x0+x1)/2, (y0+y1)/2
	px := func(p orb.Point) (float32, float32) {
		x, y := merc(p)
		return float32(float64(W)/2 + (x-cx)*scale), float32(float64(H)/2 - (y-cy)*scale)
	}
	// Degrees per pixel at the centre, and the bound actually on screen.
	tol := 180 / math.Pi / scale * math.Cos(math.Atan(math.Sinh(cy)))
	unproj := func(x, y float64) orb.Point {
		mx, my := cx+(x-float64(W)/2)/scale, cy-(y-float64(H)/2)/scale
		return orb.Point{mx * 180 / math.Pi, math.Atan(math.Sinh(my)) * 180 / math.Pi}
	}
	view := orb.Bound{Min: unproj(0, float64(H)), Max: unproj(float64(W), 0)}
	v := b.View(view, tol)

	img := image.NewRGBA(image.Rect(0, 0, W, H))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.RGBA{0xc6, 0xdd, 0xee, 0xff}), image.Point{}, draw.Src)
	fill := func(mp orb.MultiPolygon, c color.Color) {
		r := vector.NewRasterizer(W, H)
		for _, p := range mp {
			for _, ring := range p {
				for i, pt := range ring {
					x, y := px(pt)
					if i == 0 {
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
	stroke := func(mls orb.MultiLineString, width float32, c color.Color) {
		r := vector.NewRasterizer(W, H)
		for _, ls := range mls {
			for i := 1; i < len(ls); i++ {
				ax, ay := px(ls[i-1])
				bx, by := px(ls[i])
				dx, dy := bx-ax, by-ay
				l := float32(math.Hypot(float64(dx), float64(dy)))
				if l == 0 {
					continue
				}
				nx, ny := -dy/l*width/2, dx/l*width/2
				r.MoveTo(ax+nx, ay+ny)
				r.LineTo(bx+nx, by+ny)
				r.LineTo(bx-nx, by-ny)
				r.LineTo(ax-nx, ay-ny)
				r.ClosePath()
			}
		}
		r.Draw(img, img.Bounds(), image.NewUniform(c), image.Point{})
	}
	fill(v.Land, color.RGBA{0xf2, 0xef, 0xe6, 0xff})
	if lby, ok := b.Country("LBY"); ok {
		_ = lby
		for _, c := range v.Countries {
			if c.ISO3 == "LBY" {
				fill(c.Geometry, color.RGBA{0xe8, 0xdc, 0xc0, 0xff})
			}
		}
	}
	stroke(v.Coastline, 1.2, color.RGBA{0x5a, 0x7d, 0x9a, 0xff})
	stroke(v.Borders, 1.2, color.RGBA{0x80, 0x70, 0x80, 0xff})
	if *labels {
		var pts orb.MultiLineString
		for _, c := range v.Countries {
			x, y := c.Label[0], c.Label[1]
			d := 3 * tol
			pts = append(pts, orb.LineString{{x - d, y}, {x + d, y}}, orb.LineString{{x, y - d}, {x, y + d}})
		}
		stroke(pts, 2, color.RGBA{0xd0, 0x20, 0x20, 0xff})
	}
	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	if err := png.Encode(f, img); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
	verts := 0
	for _, p := range v.Land {
		for _, r := range p {
			verts += len(r)
		}
	}
	log.Printf("%s: tolerance %.5f° (level %.4f), %d countries, %d land vertices, %d borders, %d coast lines", *out, tol, v.Tolerance, len(v.Countries), verts, len(v.Borders), len(v.Coastline))
}
