package geo

import (
	"image"
	"math"
)

// Box is an axis-aligned rectangle in pixel coordinates, X0 ≤ X1 and Y0 ≤ Y1.
// The zero Box is empty.
type Box struct {
	X0, Y0, X1, Y1 float64
}

// BoxFromRect returns r as a Box.
func BoxFromRect(r image.Rectangle) Box {
	return Box{float64(r.Min.X), float64(r.Min.Y), float64(r.Max.X), float64(r.Max.Y)}
}

// Rect returns the smallest integer rectangle that covers b.
func (b Box) Rect() image.Rectangle {
	return image.Rect(int(math.Floor(b.X0)), int(math.Floor(b.Y0)), int(math.Ceil(b.X1)), int(math.Ceil(b.Y1)))
}

// W returns b's width.
func (b Box) W() float64 { return b.X1 - b.X0 }

// H returns b's height.
func (b Box) H() float64 { return b.Y1 - b.Y0 }

// Empty reports whether b has no area.
func (b Box) Empty() bool { return !(b.X0 < b.X1 && b.Y0 < b.Y1) }

// Overlaps reports whether b and o share an area (touching edges do not).
func (b Box) Overlaps(o Box) bool {
	return b.X0 < o.X1 && o.X0 < b.X1 && b.Y0 < o.Y1 && o.Y0 < b.Y1
}

// Inside reports whether b lies wholly within o.
func (b Box) Inside(o Box) bool {
	return b.X0 >= o.X0 && b.Y0 >= o.Y0 && b.X1 <= o.X1 && b.Y1 <= o.Y1
}

// ContainsPoint reports whether (x, y) lies within b (edges included).
func (b Box) ContainsPoint(x, y float64) bool {
	return x >= b.X0 && x <= b.X1 && y >= b.Y0 && y <= b.Y1
}

// Inset returns b shrunk by d on every side (grown when d < 0).
func (b Box) Inset(d float64) Box { return Box{b.X0 + d, b.Y0 + d, b.X1 - d, b.Y1 - d} }

// Union returns the smallest Box that covers b and o. An empty operand is
// ignored.
func (b Box) Union(o Box) Box {
	if b.Empty() {
		return o
	}
	if o.Empty() {
		return b
	}
	return Box{math.Min(b.X0, o.X0), math.Min(b.Y0, o.Y0), math.Max(b.X1, o.X1), math.Max(b.Y1, o.Y1)}
}

// Intersect returns the overlap of b and o (possibly empty).
func (b Box) Intersect(o Box) Box {
	return Box{math.Max(b.X0, o.X0), math.Max(b.Y0, o.Y0), math.Min(b.X1, o.X1), math.Min(b.Y1, o.Y1)}
}
