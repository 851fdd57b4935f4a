package geo

import (
	"fmt"
	"image"
	"image/draw"
	"math"
	"sync"

	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/assets"
	"github.com/briefmap/briefmap/geo/basemap"
)

// Layer is a named list of objects, drawn in order (later on top).
type Layer struct {
	Name    string
	Objects []Object
}

// Map is a static map: a pixel size, a view (a centre and a fractional Web
// Mercator zoom; see Fit), a basemap and layers of objects. The zero values
// of the optional fields give a plain map: no basemap (sea only), no scale
// bar. A Map is not safe for concurrent use: RenderTo records where it put
// the labels, for Pick.
type Map struct {
	Width, Height int
	Centre        orb.Point
	Zoom          float64

	Basemap *basemap.Basemap // nil: sea only
	Style   BasemapStyle     // the zero style draws nothing but a transparent sea: see DefaultBasemapStyle
	Layers  []Layer          // bottom to top
	// CachedLayers is how many of the bottom layers are rasterised into
	// the Cache with the basemap (their labels are still placed with the
	// others at every render). Use it for layers that change less often
	// than the selection (the control zones): their objects must then not
	// be mutated; replace an object to change it (the cache is keyed by
	// the objects' identities).
	CachedLayers int

	ScaleBar      bool   // a scale bar in km, bottom left
	Attribution   string // bottom right; "" with a Basemap: basemap.Attribution
	NoAttribution bool   // draw no attribution at all
	// FurnitureApart leaves the attribution and the scale bar out of
	// RenderTo and DrawTo (labels still keep clear of where they go):
	// DrawFurniture draws them, e.g. over a frame assembled from pieces.
	FurnitureApart bool
	// PixelRatio scales what the map draws by itself for high-density
	// output — the basemap style's strokes and country names, the scale
	// bar, the attribution, label padding — and Pick's tolerances: 2 for a
	// 3840×2160 slide that looks like its 1920×1080 preview. Zero means 1.
	// Objects carry their own sizes: scale their styles (the Scaled
	// methods), and do not pre-scale Style.
	PixelRatio float64
	// HatchOrigin is where the map's top-left corner lies in the plane
	// hatch lines are laid in (see Canvas.SetHatchOrigin); RenderTo only.
	HatchOrigin image.Point

	// Faces draws the text; nil: the embedded fonts are parsed at each
	// render (about a millisecond). Keep one per goroutine.
	Faces *FaceCache
	// Cache keeps the rasterised basemap between renders of one size and
	// view, so a change of overlay (selection, hover) only copies it. nil:
	// no caching.
	Cache *BaseCache

	// PointTolerance and LineTolerance are Pick's slack for markers and
	// labels, and for lines, rings and everything else, in pixels at pixel
	// ratio 1. Zero means 6 and 4.
	PointTolerance, LineTolerance float64

	lastView   viewKey
	lastLabels []placedLabel
	scratch    *Canvas // kept between renders for its buffers
}

type placedLabel struct {
	box   Box
	owner Object
}

// Fit sets the map's centre and zoom to show b whole with padding pixels
// on every side.
func (m *Map) Fit(b orb.Bound, padding float64) {
	t := FitBound(m.Width, m.Height, b, padding)
	m.Centre, m.Zoom = t.Centre(), t.Zoom()
}

// Transformer returns the map's lon/lat ↔ pixel transform.
func (m *Map) Transformer() *Transformer {
	return NewTransformer(m.Width, m.Height, m.Centre, m.Zoom)
}

func (m *Map) ratio() float64 {
	if m.PixelRatio > 0 {
		return m.PixelRatio
	}
	return 1
}

// BaseCache keeps one rasterised basemap (and its country names' label
// requests), as runs of identical pixels: a few per cent of the memory of
// its pixels. It is safe for concurrent use; share one between the Maps of
// a window.
type BaseCache struct {
	mu     sync.Mutex
	key    string
	runs   *pixelRuns  // the raster, or nil when it is kept in raw
	encode [2][]uint32 // the buffers runs are encoded into
	raw    *image.RGBA // a raster too detailed for runs (redrawn in place when the size stays)
	labels []LabelRequest
	builds int // times the raster was drawn (tests)
}

// bytes returns the memory the kept raster takes (tests, benchmarks).
func (bc *BaseCache) bytes() int {
	bc.mu.Lock()
	defer bc.mu.Unlock()
	switch {
	case bc.runs != nil:
		return bc.runs.size()
	case bc.raw != nil:
		return len(bc.raw.Pix)
	}
	return 0
}

// Render draws the map into a new Width×Height image.
func (m *Map) Render() *image.RGBA {
	dst := image.NewRGBA(image.Rect(0, 0, max(m.Width, 0), max(m.Height, 0)))
	m.RenderTo(dst)
	return dst
}

// RenderTo draws the map into the Width×Height rectangle at dst's top-left
// corner (clipped to dst), replacing what was there.
func (m *Map) RenderTo(dst *image.RGBA) {
	r := image.Rect(0, 0, m.Width, m.Height).Add(dst.Rect.Min).Intersect(dst.Rect)
	if r.Empty() {
		return
	}
	sub := dst.SubImage(r).(*image.RGBA)
	faces := m.faces()
	if m.scratch == nil {
		m.scratch = NewCanvasFaces(sub, faces)
	}
	c := m.scratch
	c.dst, c.faces, c.hatchOrigin = sub, faces, m.HatchOrigin
	m.draw(c, c)
}

// DrawTo draws the map on s (a vector surface, or a canvas drawn without
// the basemap cache) in the Width×Height rectangle at its origin: the same
// objects, labels and furniture as RenderTo, placed at the same spots.
// Everything drawn stays inside that rectangle.
func (m *Map) DrawTo(s Surface) {
	m.draw(s.Sub(image.Rect(0, 0, m.Width, m.Height)), nil)
}

// DrawFurniture draws the map's attribution and scale bar on s, a surface
// of the map's size at its origin, where RenderTo puts them (for a map with
// FurnitureApart).
func (m *Map) DrawFurniture(s Surface) {
	t := m.Transformer()
	m.drawFurniture(s, t, m.furniture(s, t))
}

// faces returns the map's face cache, or one over freshly parsed fonts.
func (m *Map) faces() *FaceCache {
	if m.Faces != nil {
		return m.Faces
	}
	fonts, err := assets.LoadFonts()
	if err != nil {
		fonts = nil // draw without text rather than not at all
	}
	return NewFaceCache(fonts)
}

// draw draws the map on c; raster, when not nil, is c as a Canvas, whose
// basemap (and cached layers) may come from the Cache.
func (m *Map) draw(c Surface, raster *Canvas) {
	t := m.Transformer()
	furniture := m.furniture(c, t)
	cached := m.Cache != nil && raster != nil
	var names []LabelRequest
	if cached {
		names = m.drawBase(raster, t)
	} else {
		names = m.rasterBase(c, t)
	}

	frame := t.Frame()
	var obstacles []Box
	reqs := append([]LabelRequest(nil), names...)
	if !cached {
		for _, l := range m.Layers[:m.cachedLayers()] {
			m.drawLayer(c, t, l)
		}
	}
	for i, l := range m.Layers {
		if i >= m.cachedLayers() {
			m.drawLayer(c, t, l)
		}
		for _, o := range l.Objects {
			if !visible(o, t, frame) {
				continue
			}
			if os, ok := o.(ObstacleSource); ok {
				obstacles = append(obstacles, os.Obstacles(t)...)
			}
			if ls, ok := o.(LabelSource); ok {
				reqs = append(reqs, ls.LabelRequests(c, t)...)
			}
		}
	}
	if !m.FurnitureApart {
		m.drawFurniture(c, t, furniture)
	}
	obstacles = append(obstacles, furniture.boxes()...)

	pad := m.ratio()
	for i := range reqs {
		q := &reqs[i]
		if q.W == 0 && q.H == 0 && q.Text != "" {
			w, _, _ := c.MeasureText(q.Text, q.Style)
			if w > 0 {
				q.W = w + 2*q.Style.HaloWidth + 2*pad
				q.H = q.Style.Size*labelInk + 2*q.Style.HaloWidth + 2*pad
			}
		}
	}
	placed := PlaceLabels(reqs, frame.Inset(2*pad), obstacles)
	m.lastView = m.viewKey()
	m.lastLabels = m.lastLabels[:0]
	for _, p := range placed {
		q := reqs[p.Index]
		if q.Text != "" {
			DrawLabelText(c, p.Box, q.Text, q.Style)
		}
		if q.Owner != nil {
			m.lastLabels = append(m.lastLabels, placedLabel{p.Box, q.Owner})
		}
	}
}

// cachedLayers returns how many bottom layers go into the cached raster.
func (m *Map) cachedLayers() int { return max(0, min(m.CachedLayers, len(m.Layers))) }

// drawLayer draws the objects of l that may show in the frame.
func (m *Map) drawLayer(c Surface, t *Transformer, l Layer) {
	frame := t.Frame()
	for _, o := range l.Objects {
		if visible(o, t, frame) {
			o.Draw(c, t)
		}
	}
}

// labelInk is the height of a label's box in ems: from the top of the
// ascenders (0.76 em above the baseline in Noto Sans) to the bottom of the
// descenders (0.25 em below).
const labelInk = 1.01

// DrawLabelText draws text in style st in a box placed by PlaceLabels for
// a request of the size a Map computes (the text's advance and ink height
// plus its halo and equal padding on every side).
func DrawLabelText(c Surface, b Box, text string, st TextStyle) {
	w, _, _ := c.MeasureText(text, st)
	x := (b.X0+b.X1)/2 - w/2
	baseline := (b.Y0+b.Y1)/2 + st.Size*(0.76-0.25)/2
	c.Text(x, baseline, text, st)
}

// visible reports whether o may draw into frame.
func visible(o Object, t *Transformer, frame Box) bool {
	b := t.PixelBound(o.Bounds()).Inset(-o.Margin() - 1)
	return b.Overlaps(frame) || (b.W() == 0 && b.H() == 0 && frame.ContainsPoint(b.X0, b.Y0))
}

// viewKey identifies a map's size and view.
type viewKey struct {
	w, h   int
	centre orb.Point
	zoom   float64
}

func (m *Map) viewKey() viewKey { return viewKey{m.Width, m.Height, m.Centre, m.Zoom} }

// drawBase draws (or copies from the cache) the sea and the basemap and
// returns the label requests of the country names.
func (m *Map) drawBase(c *Canvas, t *Transformer) []LabelRequest {
	if m.Cache == nil {
		return m.rasterBase(c, t)
	}
	key := fmt.Sprintf("%v %p %#v %v %v", m.viewKey(), m.Basemap, m.Style, m.ratio(), m.HatchOrigin)
	for _, l := range m.Layers[:m.cachedLayers()] {
		for _, o := range l.Objects {
			key += fmt.Sprintf(" %p", o)
		}
		key += " |"
	}
	m.Cache.mu.Lock()
	defer m.Cache.mu.Unlock()
	w, h := c.dst.Rect.Dx(), c.dst.Rect.Dy()
	bc := m.Cache
	switch {
	case bc.key != key:
	case bc.runs != nil && bc.runs.w == w && bc.runs.h == h:
		bc.runs.drawTo(c.dst)
		return bc.labels
	case bc.raw != nil && bc.raw.Rect.Dx() == w && bc.raw.Rect.Dy() == h:
		draw.Draw(c.dst, c.dst.Rect, bc.raw, image.Point{}, draw.Src)
		return bc.labels
	}
	// Drawn in the frame itself, and kept from there.
	bc.key, bc.builds = "", bc.builds+1 // until it is kept
	bc.labels = m.rasterBase(c, t)
	for _, l := range m.Layers[:m.cachedLayers()] {
		m.drawLayer(c, t, l)
	}
	if runs, ok := encodeRuns(c.dst, &bc.encode); ok {
		bc.runs, bc.raw = runs, nil
	} else {
		// The same size keeps the old raster's memory: a new one (16 MB
		// at 2560×1600) costs a page fault every 4 kB.
		if bc.raw == nil || bc.raw.Rect.Dx() != w || bc.raw.Rect.Dy() != h {
			bc.raw = image.NewRGBA(image.Rect(0, 0, w, h))
		}
		draw.Draw(bc.raw, bc.raw.Rect, c.dst, c.dst.Rect.Min, draw.Src)
		bc.runs = nil
	}
	bc.key = key
	return bc.labels
}

// rasterBase draws the sea and the basemap (uncached) and returns the
// label requests of the country names.
func (m *Map) rasterBase(c Surface, t *Transformer) []LabelRequest {
	c.Clear(m.Style.Sea)
	if m.Basemap == nil {
		return nil
	}
	return drawBasemap(c, t, m.Basemap.View(t.Bounds(), 360/t.WorldSize()), m.Style, m.ratio())
}

// Pick returns the topmost pickable object under pixel (x, y): a label
// placed by the last render (it picks its owner), then the objects from
// the top layer down, markers and labels within PointTolerance, lines and
// rings within LineTolerance, areas by exact containment.
func (m *Map) Pick(x, y float64) (Object, bool) {
	var found Object
	m.pick(x, y, func(o Object) bool { found = o; return false })
	return found, found != nil
}

// PickAll returns every pickable object under pixel (x, y), topmost first,
// each once.
func (m *Map) PickAll(x, y float64) []Object {
	var all []Object
	m.pick(x, y, func(o Object) bool {
		for _, a := range all {
			if a == o {
				return true
			}
		}
		all = append(all, o)
		return true
	})
	return all
}

// pick calls yield with each hit, topmost first, until it returns false.
func (m *Map) pick(x, y float64, yield func(Object) bool) {
	if math.IsNaN(x) || math.IsNaN(y) || math.IsInf(x, 0) || math.IsInf(y, 0) {
		return
	}
	if m.lastView == m.viewKey() {
		for i := len(m.lastLabels) - 1; i >= 0; i-- {
			l := m.lastLabels[i]
			if l.owner.ID() != "" && l.box.ContainsPoint(x, y) && !yield(l.owner) {
				return
			}
		}
	}
	t := m.Transformer()
	pt, lt := m.PointTolerance, m.LineTolerance
	if pt == 0 {
		pt = 6
	}
	if lt == 0 {
		lt = 4
	}
	pt, lt = pt*m.ratio(), lt*m.ratio()
	// Pre-filter by geographic bounds without projecting each object:
	// near the click, a pixel spans degLon degrees of longitude and about
	// degLat of latitude (with slack for the variation across a margin).
	click := t.ToLonLat(x, y)
	degLon := 360 / t.WorldSize()
	degLat := degLon * math.Cos(click[1]*math.Pi/180) * 1.25
	for li := len(m.Layers) - 1; li >= 0; li-- {
		objs := m.Layers[li].Objects
		for oi := len(objs) - 1; oi >= 0; oi-- {
			o := objs[oi]
			if o.ID() == "" {
				continue
			}
			tol := lt
			switch o.(type) {
			case *Marker, *Label:
				tol = pt
			}
			b := o.Bounds()
			reach := o.Margin() + tol + 1
			if click[0] < b.Min[0]-reach*degLon || click[0] > b.Max[0]+reach*degLon ||
				click[1] < b.Min[1]-reach*degLat || click[1] > b.Max[1]+reach*degLat {
				continue
			}
			if o.Hit(t, x, y, tol) && !yield(o) {
				return
			}
		}
	}
}
