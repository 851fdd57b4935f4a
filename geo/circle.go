package geo

import (
	"image/color"
	"math"
	"sync"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// RingStyle is how a Circle is drawn.
type RingStyle struct {
	Stroke Stroke
	Fill   color.NRGBA // a light fill inside the ring; zero: none
}

// Circle is a geodesic range ring: the points RadiusKm from Centre along
// the Earth's surface (a sphere of orb.EarthRadius), so it is correct at any
// latitude (it is not a circle on the Mercator map far from the equator).
type Circle struct {
	Key      string
	Name     string
	Centre   orb.Point
	RadiusKm float64
	Style    RingStyle

	once  sync.Once
	ring  orb.Ring
	uring orb.Ring // normalised Mercator
	bnd   orb.Bound
}

// ringSides is how many points approximate a range ring.
const ringSides = 180

// Ring returns the ring's geometry (lon/lat, closed).
func (c *Circle) Ring() orb.Ring {
	c.once.Do(func() {
		if !finitePoint(c.Centre) || math.IsNaN(c.RadiusKm) || math.IsInf(c.RadiusKm, 0) {
			c.bnd = orb.Bound{Min: c.Centre, Max: c.Centre}
			return // no ring: drawn and hit nowhere
		}
		c.ring = GeodesicCircle(c.Centre, c.RadiusKm*1000, ringSides)
		c.bnd = c.ring.Bound()
		c.uring = make(orb.Ring, len(c.ring))
		for i, p := range c.ring {
			c.uring[i] = mercatorUnit(p)
		}
	})
	return c.ring
}

// GeodesicCircle returns the closed ring of n points at distance metres
// from centre (bearings 0°, 360°/n, …), by the spherical destination-point
// formula.
func GeodesicCircle(centre orb.Point, metres float64, n int) orb.Ring {
	r := make(orb.Ring, 0, n+1)
	lat1 := centre[1] * math.Pi / 180
	lon1 := centre[0] * math.Pi / 180
	d := metres / orb.EarthRadius
	for i := 0; i < n; i++ {
		th := 2 * math.Pi * float64(i) / float64(n)
		lat2 := math.Asin(math.Sin(lat1)*math.Cos(d) + math.Cos(lat1)*math.Sin(d)*math.Cos(th))
		lon2 := lon1 + math.Atan2(math.Sin(th)*math.Sin(d)*math.Cos(lat1), math.Cos(d)-math.Sin(lat1)*math.Sin(lat2))
		r = append(r, orb.Point{lon2 * 180 / math.Pi, lat2 * 180 / math.Pi})
	}
	return append(r, r[0])
}

// ID implements Object.
func (c *Circle) ID() string { return c.Key }

// Bounds implements Object.
func (c *Circle) Bounds() orb.Bound { c.Ring(); return c.bnd }

// Margin implements Object.
func (c *Circle) Margin() float64 { return c.Style.Stroke.Width/2 + 1 }

func (c *Circle) pixels(t *Transformer, out *PixelPath) {
	c.Ring()
	out.addProjectedRing(c.uring, t.unitToPixel, false, 1)
}

// Draw implements Object.
func (c *Circle) Draw(cv Surface, t *Transformer) {
	drawPixels(cv, t, c, &c.Style.Fill, c.Style.Stroke)
}

// Hit implements Object: (x, y) lies within tolerance of the ring, or
// inside it when the ring is filled.
func (c *Circle) Hit(t *Transformer, x, y, tolerance float64) bool {
	p, near := hitPixels(t, c, x, y, c.Style.Stroke.Width/2+tolerance, true)
	if near {
		return true
	}
	if c.Style.Fill.A == 0 || p.Empty() {
		return false
	}
	ring := append(orb.Ring(nil), p.pts...)
	ring = append(ring, ring[0])
	return planar.RingContains(ring, orb.Point{x, y})
}
