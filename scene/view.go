package scene

import (
	"math"

	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/geo"
)

// View is the part of the world a map shows: a centre and a fractional Web
// Mercator zoom (the world is 256·2^Zoom pixels wide, as in geo). A View
// does not know the map's pixel size; its methods take it.
type View struct {
	Centre orb.Point
	Zoom   float64
}

// MinZoom and MaxZoom bound the zoom levels ZoomAround gives.
const (
	MinZoom = 3
	MaxZoom = 11
)

func (v View) transformer(w, h int) *geo.Transformer {
	return geo.NewTransformer(w, h, v.Centre, v.Zoom)
}

// FitView returns the view that shows bound b whole in a w×h map with
// padding pixels on every side, at the largest zoom that fits.
func FitView(b orb.Bound, w, h int, padding float64) View {
	t := geo.FitBound(w, h, b, padding)
	return View{Centre: t.Centre(), Zoom: t.Zoom()}
}

// ToPixel returns p's pixel position in a w×h map.
func (v View) ToPixel(w, h int, p orb.Point) (x, y float64) { return v.transformer(w, h).ToPixel(p) }

// ToLonLat returns the lon/lat under pixel (x, y) of a w×h map.
func (v View) ToLonLat(w, h int, x, y float64) orb.Point { return v.transformer(w, h).ToLonLat(x, y) }

// Bounds returns the lon/lat bounds a w×h map shows.
func (v View) Bounds(w, h int) orb.Bound { return v.transformer(w, h).Bounds() }

// Pan returns the view moved so that the content shifts by (dx, dy) pixels
// (a drag to the right, dx > 0, shows what lies further west). The map's
// size does not matter to a pan.
func (v View) Pan(dx, dy float64) View {
	t := v.transformer(2, 2)
	v.Centre = t.ToLonLat(1-dx, 1-dy)
	return v
}

// ZoomAround returns the view zoomed by factor (2 = one level in) keeping the
// point under pixel (x, y) of a w×h map fixed. The zoom is clamped to
// [MinZoom, MaxZoom].
func (v View) ZoomAround(w, h int, x, y, factor float64) View {
	anchor := v.ToLonLat(w, h, x, y)
	nv := View{Centre: v.Centre, Zoom: math.Max(MinZoom, math.Min(MaxZoom, v.Zoom+math.Log2(factor)))}
	ax, ay := nv.ToPixel(w, h, anchor)
	return nv.Pan(x-ax, y-ay)
}
