// Package scene turns a briefing, an as-of date, the visible layers and the
// selection into a drawn map: geo objects, styles and a legend. It is the one
// place both the desktop app and the slide use, so the window, the CLI and the
// slide draw the same map. It does not import Fyne.
package scene

import (
	"image"
	"image/color"

	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/geo/basemap"
)

// Ref names one record of a briefing: Kind is "zone", "place",
// "deployment", "actor" or "excerpt". The zero Ref names nothing.
type Ref struct {
	Kind string
	ID   string
}

// IsZero reports whether r names nothing.
func (r Ref) IsZero() bool { return r.ID == "" }

// Layers says which layers are visible.
type Layers struct {
	Zones       bool // control and contested zones
	Oil         bool // oil terminals and fields
	Airbases    bool
	Cities      bool
	Deployments bool
	Ranges      bool // range rings of deployments with a range
	Labels      bool
}

// AllLayers returns every layer switched on.
func AllLayers() Layers { return Layers{true, true, true, true, true, true, true} }

// Options is what to draw besides the view.
type Options struct {
	Date      data.Date
	Layers    Layers
	Selected  Ref   // outlined
	Highlight []Ref // emphasised (e.g. an actor's zones and deployments)
	Hovered   Ref   // lightly outlined
	Callouts  []Ref // numbered 1..n on the map, in this order (the slide)
	ScaleBar  bool
}

// LegendKind is how a legend entry's swatch is drawn.
type LegendKind int

// Legend swatch kinds.
const (
	LegendFill   LegendKind = iota // a filled square
	LegendHatch                    // a hatched square (contested, low confidence)
	LegendSymbol                   // a point symbol
	LegendRing                     // a range ring
)

// LegendEntry is one line of the legend: a swatch and its label.
type LegendEntry struct {
	Kind   LegendKind
	Label  string
	Fill   color.NRGBA
	Stroke color.NRGBA
	Symbol string // for LegendSymbol: "oil-terminal", "oil-field", "airbase", "city", "deployment"
}

// Renderer draws a briefing's map. It caches the basemap raster per pixel
// size and view, so a change of selection or hover redraws only the
// overlay. A Renderer is not safe for concurrent use.
type Renderer struct {
	b    *data.Briefing
	base *basemap.Basemap
}

// NewRenderer returns a Renderer for briefing b on basemap base.
func NewRenderer(b *data.Briefing, base *basemap.Basemap) *Renderer {
	return &Renderer{b: b, base: base}
}

// Briefing returns the briefing the renderer draws.
func (r *Renderer) Briefing() *data.Briefing { return r.b }

// HomeView returns the view that frames the briefing's bounding box in a
// w×h map.
func (r *Renderer) HomeView(w, h int) View { return FitView(r.b.BBox, w, h, 16) }

// Render draws the map at w×h pixels.
func (r *Renderer) Render(w, h int, v View, o Options) *image.RGBA {
	return image.NewRGBA(image.Rect(0, 0, w, h)) // TODO(scene): draw through geo.
}

// Pick returns the topmost zone, place or deployment under pixel (x, y).
func (r *Renderer) Pick(w, h int, v View, o Options, x, y float64) (Ref, bool) {
	return Ref{}, false // TODO(scene)
}

// Legend returns the legend of what o shows, in drawing order.
func (r *Renderer) Legend(o Options) []LegendEntry { return nil } // TODO(scene)

// Swatch draws a legend entry's swatch in a px×px image.
func Swatch(e LegendEntry, px int) *image.RGBA {
	return image.NewRGBA(image.Rect(0, 0, px, px)) // TODO(scene)
}

// Extent returns the geographic bounds of what ref names on date d (an
// actor: all its zones and deployments; an excerpt: all it is about).
func (r *Renderer) Extent(ref Ref, d data.Date) (orb.Bound, bool) {
	return orb.Bound{}, false // TODO(scene)
}
