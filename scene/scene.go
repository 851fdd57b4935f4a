// Package scene turns a briefing, an as-of date, the visible layers and the
// selection into a drawn map: geo objects, styles and a legend. It is the
// one owner of every map rule, so the window, the CLI and the slide draw
// the same map and say the same things about it. It does not import Fyne.
//
// Where each rule lives:
//
//   - inview.go: which records the map shows on a date, and which of them
//     lie in a given view (the legend and the slide list only those).
//   - style.go: the style table, every colour, symbol and size the map, its
//     legend, the app's panels and the slide draw with.
//   - layers.go: the overlay, bottom to top, and the decluttering of place
//     symbols at small scales.
//   - anchor.go: where a record's symbols and callouts are anchored (a
//     force's marker is nudged off the place it shares).
//   - callouts.go: where the numbered callout discs go.
//   - emphasis.go: the outlines of the selection, the hover and highlights.
//   - legend.go: the legend of what is shown, at the map's pixel ratio.
//   - extent.go: the geographic extent of a record, to frame or pan to it.
//   - events.go, eventpin.go: which events the map draws (and which it
//     only lists), their pins, and how an event's date is written.
//   - allies.go: the names written in the zones of allies that share a
//     side's colour.
//
// Every pickable object carries the key "kind:id" of its record (see
// data.Ref.String), so a pixel of the map leads back to one record of the
// briefing.
package scene

import (
	"image"
	"math"
	"slices"
	"sync"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/geo"
	"github.com/briefmap/briefmap/geo/basemap"
)

// Layers says which layers are visible.
type Layers struct {
	Zones       bool // control and contested zones
	Oil         bool // oil terminals and fields
	Airbases    bool
	Cities      bool
	Deployments bool
	Ranges      bool // range rings of deployments with a range
	Labels      bool
	Events      bool // events shown on the date (see OnMap)
}

// AllLayers returns every layer switched on.
func AllLayers() Layers {
	return Layers{Zones: true, Oil: true, Airbases: true, Cities: true, Deployments: true, Ranges: true, Labels: true, Events: true}
}

// Options is what to draw besides the view.
type Options struct {
	Date data.Date
	// Since, when set (before Date), turns on compare mode: the map shows
	// Date and marks what changed since then (see compare.go).
	Since data.Date
	// Change, in compare mode, outlines the area of change Change−1 of
	// the diff (Diff.Zones); 0 outlines none.
	Change    int
	Layers    Layers
	Selected  data.Ref   // outlined
	Highlight []data.Ref // emphasised (e.g. an actor's zones and deployments)
	Hovered   data.Ref   // lightly outlined
	Callouts  []data.Ref // numbered 1..n on the map, in this order (the slide)
	ScaleBar  bool
	// PixelRatio scales symbols, strokes and text for high-density output
	// (2 for a 3840×2160 slide). Zero means 1.
	PixelRatio float64
}

// Ratio returns the pixel ratio o draws at: PixelRatio, or 1 when it is not set.
func (o Options) Ratio() float64 {
	if o.PixelRatio <= 0 {
		return 1
	}
	return o.PixelRatio
}

// Renderer draws a briefing's map. It keeps the rasterised basemap per pixel
// size and view (a geo.BaseCache), and the projected geometry of every zone,
// so a change of selection or hover redraws only the overlay. A Renderer is
// not safe for concurrent use.
type Renderer struct {
	b     *data.Briefing
	base  *basemap.Basemap
	cache *geo.BaseCache
	faces *geo.FaceCache
	zones map[zoneKey]*geo.Area       // zone areas, built once per zone and ratio
	diffs map[[2]data.Date]*data.Diff // compare mode's diffs, per pair of dates (compare.go)

	// The last frame Render drew without emphasis, its spec, and its map
	// (for Pick: it knows where its labels went).
	frame     *image.RGBA
	frameSpec renderSpec
	last      *geo.Map // nil after a draft: Pick builds the map it needs
	// draft is set when frame was assembled by RenderDraft (shifted, with
	// strips): Render draws it again in full.
	draft bool
	// interactive: the window's renderer (SetInteractive, clip.go).
	interactive bool
	spares      spares // frames handed back (Recycle), to draw the next into
	strips      stripLayers
}

type zoneKey struct {
	id    string
	ratio float64
}

// renderSpec is everything that decides a rendered frame.
type renderSpec struct {
	w, h int
	v    View
	o    Options
}

func (s renderSpec) equal(t renderSpec) bool {
	return s.w == t.w && s.h == t.h && s.v == t.v && optionsEqual(s.o, t.o)
}

func optionsEqual(a, b Options) bool {
	return a.Date == b.Date && a.Since == b.Since && a.Change == b.Change && a.Layers == b.Layers && a.Selected == b.Selected &&
		a.Hovered == b.Hovered && a.ScaleBar == b.ScaleBar && a.Ratio() == b.Ratio() &&
		slices.Equal(a.Highlight, b.Highlight) && slices.Equal(a.Callouts, b.Callouts)
}

// NewRenderer returns a Renderer for briefing b on basemap base (nil: sea
// only). It loads the embedded fonts; it panics only if they are corrupt,
// which the assets tests rule out.
func NewRenderer(b *data.Briefing, base *basemap.Basemap) *Renderer {
	return &Renderer{
		b:     b,
		base:  base,
		cache: &geo.BaseCache{},
		faces: geo.NewFaceCache(mustFonts()),
		zones: map[zoneKey]*geo.Area{},
	}
}

// Briefing returns the briefing the renderer draws.
func (r *Renderer) Briefing() *data.Briefing { return r.b }

// Faces returns the renderer's font face cache, so that text drawn beside
// the map (the slide) shares its parsed faces. Not safe for concurrent use.
func (r *Renderer) Faces() *geo.FaceCache { return r.faces }

// Basemap returns the basemap the renderer draws on (may be nil).
func (r *Renderer) Basemap() *basemap.Basemap { return r.base }

// HomeView returns the view that frames the briefing's bounding box in a
// w×h map, with room around it for the labels of places on its edge.
func (r *Renderer) HomeView(w, h int) View {
	pad := math.Max(24, math.Min(float64(w), float64(h))/20)
	return FitView(r.b.BBox, w, h, pad)
}

// Map returns the geo.Map that draws view v of a w×h map with options o,
// the emphasis (highlight, hover, selection) included as its top layer.
func (r *Renderer) Map(w, h int, v View, o Options) *geo.Map {
	m := r.baseMap(w, h, v, o)
	m.Layers = append(m.Layers, geo.Layer{Name: "emphasis", Objects: r.emphasis(m.Transformer(), o)})
	return m
}

// baseMap is Map without the emphasis.
func (r *Renderer) baseMap(w, h int, v View, o Options) *geo.Map {
	m := &geo.Map{
		Width: w, Height: h,
		Centre: v.Centre, Zoom: v.Zoom,
		Basemap:    r.base,
		Style:      basemapStyle(r.b), // geo scales it by PixelRatio
		ScaleBar:   o.ScaleBar,
		PixelRatio: o.Ratio(),
		Faces:      r.faces,
		Cache:      r.cache,
	}
	m.Layers = r.layers(m.Transformer(), o)
	return m
}

// Render draws the map at w×h pixels into a new image. It keeps the last
// frame without its emphasis: when only the selection, the hover or the
// highlights change, it copies that frame and draws the outlines on top, so
// a hover costs a copy and a few strokes. A render of the same size and view
// with other layers or another date still reuses the basemap raster. After
// RenderDraft, Render of the same arguments draws the frame again in full
// (labels placed anew).
func (r *Renderer) Render(w, h int, v View, o Options) *image.RGBA {
	spec := renderSpec{w, h, v, withoutEmphasis(o)}
	if r.frame == nil || r.draft || !r.frameSpec.equal(spec) {
		r.last = r.baseMap(w, h, v, spec.o)
		r.last.FurnitureApart = r.interactive
		if r.interactive {
			r.last.HatchOrigin = hatchOrigin(r.last.Transformer())
		}
		if r.frame == nil || r.frame.Rect.Dx() != w || r.frame.Rect.Dy() != h {
			r.frame = image.NewRGBA(image.Rect(0, 0, w, h))
		}
		r.last.RenderTo(r.frame) // the callers hold copies, never r.frame
		r.frameSpec, r.draft = renderSpec{w, h, v, cloneOptions(spec.o)}, false
	}
	img := r.spares.get(r.frame.Rect)
	copy(img.Pix, r.frame.Pix)
	r.finish(img, w, h, v, o)
	return img
}

// withoutEmphasis returns o without what emphasis draws.
func withoutEmphasis(o Options) Options {
	o.Selected, o.Hovered, o.Highlight, o.Change = data.Ref{}, data.Ref{}, nil, 0
	return o
}

func cloneOptions(o Options) Options {
	o.Highlight = append([]data.Ref(nil), o.Highlight...)
	o.Callouts = append([]data.Ref(nil), o.Callouts...)
	return o
}

// Pick returns the topmost zone, place, deployment or event under pixel (x, y) of
// the w×h map of view v with options o. When that map is the one last
// rendered, a click on a placed label picks what it names.
func (r *Renderer) Pick(w, h int, v View, o Options, x, y float64) (data.Ref, bool) {
	m := r.last
	if m == nil || !r.frameSpec.equal(renderSpec{w, h, v, withoutEmphasis(o)}) {
		m = r.baseMap(w, h, v, o)
	}
	for _, obj := range m.PickAll(x, y) {
		if ref, ok := data.ParseRef(obj.ID()); ok {
			return ref, true
		}
	}
	return data.Ref{}, false
}

// Recycle hands back a frame that Render or RenderDraft returned and that
// the caller no longer reads nor shows: the next frame of its size is drawn
// in its memory instead of new memory (a 2560×1600 frame is 16 MB, whose
// first touch costs page faults). Safe to call from any goroutine.
func (r *Renderer) Recycle(img *image.RGBA) { r.spares.put(img) }

// spares keeps one frame handed back by Recycle: the window shows one
// frame while the next is drawn into the spare.
type spares struct {
	mu   sync.Mutex
	imgs []*image.RGBA
}

// get returns an image of rectangle rect with undefined pixels: a spare
// of that size, or a new one.
func (s *spares) get(rect image.Rectangle) *image.RGBA {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, img := range s.imgs {
		if img.Rect == rect {
			s.imgs = slices.Delete(s.imgs, i, i+1)
			return img
		}
	}
	return image.NewRGBA(rect)
}

func (s *spares) put(img *image.RGBA) {
	if img == nil || img.Stride != 4*img.Rect.Dx() || len(img.Pix) != img.Stride*img.Rect.Dy() {
		return // not a whole frame of ours
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.imgs) == 1 {
		s.imgs = s.imgs[1:]
	}
	s.imgs = append(s.imgs, img)
}
