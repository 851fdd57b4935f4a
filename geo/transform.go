package geo

import (
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/project"
)

// TileSize is the width in pixels of the whole Web Mercator world at zoom 0:
// at zoom z the world is TileSize·2^z pixels wide (the convention of
// scene.View and of web map tiles).
const TileSize = 256

// earthCircumference is the length of the equator in the Web Mercator
// projection, in metres.
const earthCircumference = 2 * math.Pi * orb.EarthRadius

// mercatorUnit returns p in normalised Web Mercator coordinates: the world
// spans [0,1]×[0,1], x grows east and y grows south. Latitudes beyond
// ±85.0511° are clamped (by orb/project).
func mercatorUnit(p orb.Point) orb.Point {
	m := project.WGS84.ToMercator(p)
	return orb.Point{
		0.5 + m[0]/earthCircumference,
		0.5 - m[1]/earthCircumference,
	}
}

// unitToLonLat is the inverse of mercatorUnit.
func unitToLonLat(u orb.Point) orb.Point {
	return project.Mercator.ToWGS84(orb.Point{
		(u[0] - 0.5) * earthCircumference,
		(0.5 - u[1]) * earthCircumference,
	})
}

// Transformer converts between lon/lat and the pixels of a W×H image that
// shows the world in Web Mercator, centred on a point at a fractional zoom.
// Pixel (0, 0) is the top-left corner of the image; pixel centres lie at
// half-integers. A Transformer is an immutable value: it is safe to share.
type Transformer struct {
	w, h   int
	centre orb.Point
	zoom   float64
	scale  float64 // world width in pixels
	ox, oy float64 // x = u·scale − ox, y = v·scale − oy
}

// NewTransformer returns the Transformer of a w×h image centred on centre
// (lon, lat) at the given zoom (the world is TileSize·2^zoom pixels wide).
func NewTransformer(w, h int, centre orb.Point, zoom float64) *Transformer {
	scale := TileSize * math.Exp2(zoom)
	c := mercatorUnit(centre)
	return &Transformer{
		w: w, h: h, centre: centre, zoom: zoom, scale: scale,
		ox: c[0]*scale - float64(w)/2,
		oy: c[1]*scale - float64(h)/2,
	}
}

// MaxFitZoom caps the zoom FitBound chooses, so that a point or a tiny
// bound gives a street-level view rather than an absurd zoom.
const MaxFitZoom = 18

// FitBound returns the Transformer of a w×h image that shows bound b whole,
// centred, with at least padding pixels on every side, at the largest
// (fractional) zoom that fits, at most MaxFitZoom.
func FitBound(w, h int, b orb.Bound, padding float64) *Transformer {
	nw := mercatorUnit(orb.Point{b.Min[0], b.Max[1]})
	se := mercatorUnit(orb.Point{b.Max[0], b.Min[1]})
	aw := math.Max(float64(w)-2*padding, 1)
	ah := math.Max(float64(h)-2*padding, 1)
	zx := math.Log2(aw / TileSize / math.Max(se[0]-nw[0], 1e-12))
	zy := math.Log2(ah / TileSize / math.Max(se[1]-nw[1], 1e-12))
	c := unitToLonLat(orb.Point{(nw[0] + se[0]) / 2, (nw[1] + se[1]) / 2})
	return NewTransformer(w, h, c, math.Min(MaxFitZoom, math.Min(zx, zy)))
}

// ToPixel returns the pixel position of p (lon, lat).
func (t *Transformer) ToPixel(p orb.Point) (x, y float64) {
	u := mercatorUnit(p)
	return u[0]*t.scale - t.ox, u[1]*t.scale - t.oy
}

// unitToPixel returns the pixel position of a normalised Mercator point.
func (t *Transformer) unitToPixel(u orb.Point) (x, y float64) {
	return u[0]*t.scale - t.ox, u[1]*t.scale - t.oy
}

// pixelToUnit returns the normalised Mercator point under pixel (x, y).
func (t *Transformer) pixelToUnit(x, y float64) orb.Point {
	return orb.Point{(x + t.ox) / t.scale, (y + t.oy) / t.scale}
}

// ToLonLat returns the lon/lat under pixel (x, y).
func (t *Transformer) ToLonLat(x, y float64) orb.Point {
	return unitToLonLat(t.pixelToUnit(x, y))
}

// Bounds returns the lon/lat bounds of the whole image.
func (t *Transformer) Bounds() orb.Bound {
	nw := t.ToLonLat(0, 0)
	se := t.ToLonLat(float64(t.w), float64(t.h))
	return orb.Bound{Min: orb.Point{nw[0], se[1]}, Max: orb.Point{se[0], nw[1]}}
}

// Centre returns the lon/lat at the centre of the image.
func (t *Transformer) Centre() orb.Point { return t.centre }

// Zoom returns the fractional Web Mercator zoom.
func (t *Transformer) Zoom() float64 { return t.zoom }

// Size returns the image size in pixels.
func (t *Transformer) Size() (w, h int) { return t.w, t.h }

// WorldSize returns the width of the whole world in pixels at this zoom.
func (t *Transformer) WorldSize() float64 { return t.scale }

// MetresPerPixel returns the ground distance one pixel spans at the centre
// latitude.
func (t *Transformer) MetresPerPixel() float64 {
	return earthCircumference * math.Cos(t.centre[1]*math.Pi/180) / t.scale
}

// PixelBound returns the pixel rectangle covered by the geographic bound b
// (x0 ≤ x1, y0 ≤ y1).
func (t *Transformer) PixelBound(b orb.Bound) Box {
	x0, y1 := t.ToPixel(b.Min)
	x1, y0 := t.ToPixel(b.Max)
	return Box{X0: x0, Y0: y0, X1: x1, Y1: y1}
}

// Frame returns the image rectangle as a Box.
func (t *Transformer) Frame() Box { return Box{X1: float64(t.w), Y1: float64(t.h)} }
