package scene

import (
	"math"

	"github.com/paulmach/orb"
)

// tileSize is the Web Mercator world width in pixels at zoom 0.
const tileSize = 256

// View is the part of the world a map shows: a centre and a fractional Web
// Mercator zoom (the world is 256·2^Zoom pixels wide). A View does not know
// the map's pixel size; methods take it.
type View struct {
	Centre orb.Point
	Zoom   float64
}

// MinZoom and MaxZoom bound the zoom levels a View may take.
const (
	MinZoom = 3
	MaxZoom = 11
)

func worldSize(zoom float64) float64 { return tileSize * math.Exp2(zoom) }

// mercator returns p's position in world pixels at zoom.
func mercator(p orb.Point, zoom float64) (x, y float64) {
	s := worldSize(zoom)
	lat := math.Max(-85.05112878, math.Min(85.05112878, p[1]))
	x = (p[0] + 180) / 360 * s
	sin := math.Sin(lat * math.Pi / 180)
	y = (0.5 - math.Log((1+sin)/(1-sin))/(4*math.Pi)) * s
	return x, y
}

func inverseMercator(x, y, zoom float64) orb.Point {
	s := worldSize(zoom)
	lon := x/s*360 - 180
	n := math.Pi - 2*math.Pi*y/s
	lat := 180 / math.Pi * math.Atan(math.Sinh(n))
	return orb.Point{lon, lat}
}

// FitView returns the view that shows bound b whole in a w×h map with
// padding pixels on every side, at the largest zoom that fits.
func FitView(b orb.Bound, w, h int, padding float64) View {
	x0, y0 := mercator(orb.Point{b.Min[0], b.Max[1]}, 0)
	x1, y1 := mercator(orb.Point{b.Max[0], b.Min[1]}, 0)
	aw, ah := math.Max(float64(w)-2*padding, 1), math.Max(float64(h)-2*padding, 1)
	zx := math.Log2(aw / math.Max(x1-x0, 1e-9))
	zy := math.Log2(ah / math.Max(y1-y0, 1e-9))
	z := math.Min(zx, zy)
	c := inverseMercator((x0+x1)/2, (y0+y1)/2, 0)
	return View{Centre: c, Zoom: z}
}

// ToPixel returns p's pixel position in a w×h map.
func (v View) ToPixel(w, h int, p orb.Point) (x, y float64) {
	cx, cy := mercator(v.Centre, v.Zoom)
	px, py := mercator(p, v.Zoom)
	return px - cx + float64(w)/2, py - cy + float64(h)/2
}

// ToLonLat returns the lon/lat under pixel (x, y) of a w×h map.
func (v View) ToLonLat(w, h int, x, y float64) orb.Point {
	cx, cy := mercator(v.Centre, v.Zoom)
	return inverseMercator(cx+x-float64(w)/2, cy+y-float64(h)/2, v.Zoom)
}

// Bounds returns the lon/lat bounds a w×h map shows.
func (v View) Bounds(w, h int) orb.Bound {
	nw := v.ToLonLat(w, h, 0, 0)
	se := v.ToLonLat(w, h, float64(w), float64(h))
	return orb.Bound{Min: orb.Point{nw[0], se[1]}, Max: orb.Point{se[0], nw[1]}}
}

// Pan returns the view moved so that the content shifts by (dx, dy) pixels
// (a drag to the right, dx > 0, shows what lies further west).
func (v View) Pan(dx, dy float64) View {
	cx, cy := mercator(v.Centre, v.Zoom)
	v.Centre = inverseMercator(cx-dx, cy-dy, v.Zoom)
	return v
}

// ZoomAround returns the view zoomed by factor (2 = one level in) keeping the
// point under pixel (x, y) of a w×h map fixed. The zoom is clamped to
// [MinZoom, MaxZoom].
func (v View) ZoomAround(w, h int, x, y, factor float64) View {
	anchor := v.ToLonLat(w, h, x, y)
	nz := math.Max(MinZoom, math.Min(MaxZoom, v.Zoom+math.Log2(factor)))
	nv := View{Centre: v.Centre, Zoom: nz}
	ax, ay := nv.ToPixel(w, h, anchor)
	return nv.Pan(x-ax, y-ay)
}
