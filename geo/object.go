package geo

import (
	"image/color"
	"math"
	"sync"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
	"github.com/paulmach/orb/simplify"
)

// Object is something a Map draws over its basemap.
type Object interface {
	// ID names the object for Pick; empty for an undecorated object that
	// cannot be picked.
	ID() string
	// Bounds returns the object's geographic bounds.
	Bounds() orb.Bound
	// Margin returns how many pixels the object draws beyond its bounds
	// (half its stroke, its symbol), so the map can skip what is off frame.
	Margin() float64
	// Draw draws the object. Its style's sizes are pixels (for a
	// high-density image, scale the style: see the Scaled methods). Labels
	// are not drawn here: a Map places them all at once (see LabelSource).
	Draw(c Surface, t *Transformer)
	// Hit reports whether pixel (x, y) falls on the object as drawn with
	// t, allowing tolerance pixels for points and lines.
	Hit(t *Transformer, x, y, tolerance float64) bool
}

// LabelSource is implemented by objects that carry labels. A Map collects
// the requests of every object, places them without collisions and draws
// them above all objects.
type LabelSource interface {
	LabelRequests(c Surface, t *Transformer) []LabelRequest
}

// ObstacleSource is implemented by objects whose pixels labels must keep
// off (a marker's symbol).
type ObstacleSource interface {
	Obstacles(t *Transformer) []Box
}

// unitBound returns b in normalised Mercator coordinates.
func unitBound(b orb.Bound) orb.Bound {
	nw := mercatorUnit(orb.Point{b.Min[0], b.Max[1]})
	se := mercatorUnit(orb.Point{b.Max[0], b.Min[1]})
	return orb.Bound{Min: nw, Max: se}
}

// AreaStyle is how an Area is drawn: fill (its alpha is the opacity), then
// hatch, then outline.
type AreaStyle struct {
	Fill   color.NRGBA
	Hatch  Hatch
	Stroke Stroke
}

// Area is a filled (multi)polygon with holes. Geometry is lon/lat; it must
// not change after the Area is first drawn or hit (its projection is
// cached). Use *Area.
type Area struct {
	Name     string // for people (the Map does not draw it)
	Key      string // ID; empty: not pickable
	Geometry orb.MultiPolygon
	Style    AreaStyle

	once  sync.Once
	bad   bool             // geometry with NaN or infinite coordinates: drawn and hit nowhere
	unit  orb.MultiPolygon // normalised Mercator, outer rings positive, holes negative
	ubnd  orb.Bound
	geo   orb.Bound
	mu    sync.Mutex
	simpl map[int]orb.MultiPolygon // per half zoom level, for big geometries
}

// ID implements Object.
func (a *Area) ID() string { return a.Key }

func (a *Area) project() {
	a.once.Do(func() {
		a.geo = a.Geometry.Bound()
		a.unit = make(orb.MultiPolygon, 0, len(a.Geometry))
		for _, poly := range a.Geometry {
			up := make(orb.Polygon, 0, len(poly))
			for i, r := range poly {
				ur := make(orb.Ring, len(r))
				for j, p := range r {
					if !finitePoint(p) {
						a.bad = true
					}
					ur[j] = mercatorUnit(p)
				}
				if len(ur) > 1 && ur[0] != ur[len(ur)-1] {
					ur = append(ur, ur[0])
				}
				if (shoelace(ur) > 0) != (i == 0) {
					for l, k := 0, len(ur)-1; l < k; l, k = l+1, k-1 {
						ur[l], ur[k] = ur[k], ur[l]
					}
				}
				up = append(up, ur)
			}
			a.unit = append(a.unit, up)
		}
		a.ubnd = a.unit.Bound()
		a.bad = a.bad || !finiteBound(a.geo)
	})
}

// finitePoint reports whether p's coordinates are finite numbers.
func finitePoint(p orb.Point) bool {
	return !math.IsNaN(p[0]) && !math.IsNaN(p[1]) && !math.IsInf(p[0], 0) && !math.IsInf(p[1], 0)
}

// finiteBound reports whether every coordinate of b is a finite number.
func finiteBound(b orb.Bound) bool {
	for _, v := range [4]float64{b.Min[0], b.Min[1], b.Max[0], b.Max[1]} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}

// simplifyAbove is the vertex count above which geometry is simplified per
// zoom before drawing.
const simplifyAbove = 400

// unitAt returns the projected geometry to draw at zoom z: simplified to
// a quarter pixel for big geometries, cached per half zoom level.
func (a *Area) unitAt(z float64) orb.MultiPolygon {
	a.project()
	n := 0
	for _, p := range a.unit {
		for _, r := range p {
			n += len(r)
		}
	}
	if n <= simplifyAbove {
		return a.unit
	}
	k := int(math.Floor(z * 2))
	a.mu.Lock()
	defer a.mu.Unlock()
	if s, ok := a.simpl[k]; ok {
		return s
	}
	tol := 0.25 / (TileSize * math.Exp2(float64(k)/2))
	s := simplify.DouglasPeucker(tol).MultiPolygon(a.unit.Clone())
	if a.simpl == nil {
		a.simpl = make(map[int]orb.MultiPolygon)
	}
	a.simpl[k] = s
	return s
}

// Bounds implements Object.
func (a *Area) Bounds() orb.Bound { a.project(); return a.geo }

// Margin implements Object.
func (a *Area) Margin() float64 { return a.Style.Stroke.Width/2 + 1 }

// Path returns the area's outline in t's pixels, holes winding opposite to
// outer rings, appended to p.
func (a *Area) Path(p *PixelPath, t *Transformer) {
	for _, poly := range a.unitAt(t.zoom) {
		for _, r := range poly {
			p.addProjectedRing(r, t.unitToPixel, true, 1)
		}
	}
}

// Draw implements Object.
func (a *Area) Draw(c Surface, t *Transformer) {
	if a.project(); a.bad {
		return
	}
	var p PixelPath
	a.Path(&p, t)
	c.FillPathHatched(&p, a.Style.Fill, a.Style.Hatch)
	c.StrokePath(&p, a.Style.Stroke)
}

// Hit implements Object: pixel (x, y) lies inside the area (not in a
// hole). Tolerance is ignored: areas are picked by exact containment.
func (a *Area) Hit(t *Transformer, x, y, tolerance float64) bool {
	if a.project(); a.bad {
		return false
	}
	u := t.pixelToUnit(x, y)
	if !a.ubnd.Contains(u) {
		return false
	}
	for _, poly := range a.unit {
		if len(poly) > 0 && len(poly[0]) > 2 && planar.PolygonContains(poly, u) {
			return true
		}
	}
	return false
}

// LineStyle is how a Path is drawn: the casing (wider, below) then the
// line.
type LineStyle struct {
	Line   Stroke
	Casing Stroke // Width is the casing's full width; zero: none
}

// Path is a line or multiline (a front line, a route). Geometry is lon/lat.
type Path struct {
	Key      string
	Name     string
	Geometry orb.MultiLineString // must not change after first use
	Style    LineStyle

	once sync.Once
	unit orb.MultiLineString // normalised Mercator
	bnd  orb.Bound
}

func (p *Path) project() {
	p.once.Do(func() {
		p.bnd = p.Geometry.Bound()
		p.unit = make(orb.MultiLineString, len(p.Geometry))
		for i, ls := range p.Geometry {
			p.unit[i] = make(orb.LineString, 0, len(ls))
			for _, q := range ls {
				if finitePoint(q) { // a bad point breaks nothing but itself
					p.unit[i] = append(p.unit[i], mercatorUnit(q))
				}
			}
		}
	})
}

// ID implements Object.
func (p *Path) ID() string { return p.Key }

// Bounds implements Object.
func (p *Path) Bounds() orb.Bound { p.project(); return p.bnd }

// Margin implements Object.
func (p *Path) Margin() float64 { return math.Max(p.Style.Line.Width, p.Style.Casing.Width)/2 + 1 }

func (p *Path) pixels(t *Transformer, out *PixelPath) {
	p.project()
	for _, ls := range p.unit {
		out.addProjected(ls, t.unitToPixel, false)
	}
}

// Draw implements Object.
func (p *Path) Draw(c Surface, t *Transformer) {
	drawPixels(c, t, p, nil, p.Style.Casing, p.Style.Line)
}

// Hit implements Object: (x, y) lies within tolerance of the drawn line.
func (p *Path) Hit(t *Transformer, x, y, tolerance float64) bool {
	_, near := hitPixels(t, p, x, y, p.Margin()-1+tolerance, false)
	return near
}

// pixelObject is an object drawn as one pixel path (a Circle, a Path):
// pixels appends that path under t to out.
type pixelObject interface {
	pixels(t *Transformer, out *PixelPath)
}

// drawPixels draws o's pixel path under t on c: filled with *fill when
// fill is not nil, then stroked with each of strokes in order.
func drawPixels(c Surface, t *Transformer, o pixelObject, fill *color.NRGBA, strokes ...Stroke) {
	var p PixelPath
	o.pixels(t, &p)
	if fill != nil {
		c.FillPath(&p, *fill)
	}
	for _, s := range strokes {
		c.StrokePath(&p, s)
	}
}

// hitPixels returns o's pixel path under t, and whether (x, y) lies within
// d of one of its segments (closing segments included when closed is
// set).
func hitPixels(t *Transformer, o pixelObject, x, y, d float64, closed bool) (PixelPath, bool) {
	var p PixelPath
	o.pixels(t, &p)
	return p, pathNear(&p, x, y, d, closed)
}

// pathNear reports whether (x, y) lies within d of a segment of p
// (closing segments included when closed is set).
func pathNear(p *PixelPath, x, y, d float64, closed bool) bool {
	q := orb.Point{x, y}
	d2 := d * d
	for _, s := range p.subs {
		pts := p.pts[s.start:s.end]
		for i := 1; i < len(pts); i++ {
			if planar.DistanceFromSegmentSquared(pts[i-1], pts[i], q) <= d2 {
				return true
			}
		}
		if closed && len(pts) > 2 && planar.DistanceFromSegmentSquared(pts[len(pts)-1], pts[0], q) <= d2 {
			return true
		}
		if len(pts) == 1 && planar.DistanceSquared(pts[0], q) <= d2 {
			return true
		}
	}
	return false
}
