package slide

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"strings"

	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/geo"
	"github.com/briefmap/briefmap/internal/bigimage"
	"github.com/briefmap/briefmap/scene"
)

// layout holds one slide being composed: the target surface (and, for a
// PNG, its image), the pen, the scale from the 1920×1080 design grid to
// pixels and what has been placed.
type layout struct {
	s     Spec
	ix    *index
	dst   *image.RGBA // the raster target; nil when drawing vectors
	surf  geo.Surface
	pen   *pen
	scale float64
	W, H  float64
	opts  scene.Options

	// Filled in by compose, for tests.
	runs     []textRun
	mapRect  rect
	view     scene.View
	callouts []callout
	actors   []actorLine
	quotes   []*data.Excerpt
	sources  []string
	// changeLines are the compare slide's changes shown (compare.go).
	changeLines []changeLine
}

// textRun is one line of text placed on the slide: its ink box and the
// box it must stay inside.
type textRun struct {
	Text   string
	Box    rect // the glyphs' ink
	Within rect
}

// newLayout returns the layout of s drawn into a new image (vector false)
// or on a new vector surface (vector true).
func newLayout(s Spec, vector bool) (*layout, error) {
	if s.Briefing == nil || s.Renderer == nil {
		return nil, errNoBriefing
	}
	if s.Size == (image.Point{}) {
		s.Size = HD
	}
	if s.Size.X*9 != s.Size.Y*16 || s.Size.X < 960 || s.Size.X > 7680 {
		return nil, fmt.Errorf("slide: size %dx%d is not 16:9 between 960x540 and 7680x4320", s.Size.X, s.Size.Y)
	}
	o := s.Options
	if o.Date.IsZero() {
		o.Date = s.Briefing.DefaultDate
	}
	if !o.Since.IsZero() {
		if err := s.Briefing.CheckDates(o.Since, o.Date); err != nil {
			return nil, fmt.Errorf("slide: compare: %w", err)
		}
	}
	o.ScaleBar = true
	o.Hovered = data.Ref{}
	o.PixelRatio = float64(s.Size.X) / float64(HD.X)
	if !s.Focus.IsZero() && o.Selected.IsZero() {
		o.Selected = s.Focus
	}
	l := &layout{
		s: s, ix: newIndex(s.Briefing),
		scale: float64(s.Size.X) / float64(HD.X), W: float64(s.Size.X), H: float64(s.Size.Y), opts: o,
	}
	faces := rendererFaces(s.Renderer)
	if vector {
		l.surf = geo.NewVector(l.W, l.H, faces)
		l.surf.Clear(scene.PaperColour)
	} else {
		l.dst = bigimage.NewRGBA(image.Rectangle{Max: s.Size}) // huge pages: fewer page faults
		fill(l.dst, scene.PaperColour)
		l.surf = geo.NewCanvasFaces(l.dst, faces)
	}
	l.pen = newPen(l.surf, l.scale)
	return l, nil
}

// u converts design units (1920×1080 grid) to pixels.
func (l *layout) u(v float64) float64 { return v * l.scale }

func (l *layout) style(w weight, size float64, c color.NRGBA) textStyle {
	return textStyle{Weight: w, Size: l.u(size), Colour: c}
}

// Design grid (1920×1080 units).
const (
	margin        = 56.0
	mapWidth      = 820.0
	keyGap        = 28.0
	keyWidth      = 290.0
	columnGap     = 40.0
	keyLabelLines = 3
	focusPadding  = 90 // around a focus's extent: room for its symbols, labels and callouts
	sourceLines   = 3  // footer lines for the sources, at most
	noteLines     = 3  // footer lines for the notes, at most
)

// text draws one line with its top-left ink corner at (x, top) and records
// it; it returns the baseline.
func (l *layout) text(x, top float64, s string, st textStyle, within rect) float64 {
	base := top + l.pen.ascent(st)
	ink := l.pen.inkBox(s, st)
	// Glyphs that hang beyond their advance (a "J" at the start of a line,
	// an italic "f" at its end) are nudged back inside the box.
	if over := within.X0 - (x + ink.X0); over > 0 {
		x += over
	} else if over := x + ink.X1 - within.X1; over > 0 {
		x -= math.Min(over, x+ink.X0-within.X0)
	}
	l.pen.text(x, base, s, st)
	l.runs = append(l.runs, textRun{Text: s, Box: rect{x + ink.X0, base + ink.Y0, x + ink.X1, base + ink.Y1}, Within: within})
	return base
}

// lines draws lines one under another from top and returns the y below them.
func (l *layout) lines(x, top float64, ls []string, st textStyle, within rect) float64 {
	lh := l.pen.lineHeight(st)
	for i, s := range ls {
		l.text(x, top+float64(i)*lh, s, st, within)
	}
	return top + float64(len(ls))*lh
}

func (l *layout) compose() {
	if l.opts.CompareOn() {
		l.composeCompare()
		return
	}
	sub := l.s.Briefing.Subtitle
	if !l.s.Focus.IsZero() {
		if name := l.focusName(); name != "" {
			sub = strings.TrimSuffix("Focus: "+name+". "+sub, " ")
		}
	}
	bodyTop := l.header(sub)
	footSt, footerTop := l.footerSpace()
	mapCol, keyCol, side := l.columns(bodyTop, footerTop-l.u(18))
	view, entries := l.placeMap(mapCol, keyCol)
	frame := newMapFrame(l.s.Renderer, int(l.mapRect.W()), int(l.mapRect.H()), view, l.opts)
	c := chooseContent(l.ix, frame, l.opts, l.s.Focus)
	l.side(side, c)
	l.opts.Callouts = l.opts.Callouts[:0:0]
	for _, cl := range l.callouts {
		l.opts.Callouts = append(l.opts.Callouts, cl.Ref)
	}
	l.mapKeyFooter(keyCol, entries, rect{l.u(margin), footerTop, l.W - l.u(margin), l.H - l.u(20)}, footSt)
}

// mapKeyFooter draws the map, its key in keyCol and the footer in foot.
// On a raster slide the map is drawn on another core meanwhile: it writes
// only the pixels of l.mapRect, which nothing else draws on, and has its
// own face cache (the slide's is not safe for concurrent use); its glyphs
// are the same, so are the pixels.
func (l *layout) mapKeyFooter(keyCol rect, entries []scene.LegendEntry, foot rect, footSt textStyle) {
	if l.dst == nil {
		l.legend(keyCol, entries)
		l.drawMap()
		l.footer(foot, footSt)
		return
	}
	m := l.mapToDraw()
	m.Faces = nil // its own, over freshly parsed fonts
	done := make(chan struct{})
	go func() {
		defer close(done)
		m.RenderTo(l.dst.SubImage(l.mapRect.image()).(*image.RGBA))
	}()
	l.legend(keyCol, entries)
	l.footer(foot, footSt)
	<-done
	l.mapFrame()
}

// header draws the red rule and tag, the title (see titleLines) and the
// subtitle sub on one line, and returns the top of the body below them.
func (l *layout) header(sub string) float64 {
	W := l.W
	// Accent: a red rule across the top and a red tag under it.
	l.pen.fillRect(rect{0, 0, W, l.u(6)}, scene.AccentColour)
	l.pen.fillRect(rect{l.u(margin), 0, l.u(margin + 84), l.u(18)}, scene.AccentColour)
	inner := rect{l.u(margin), 0, W - l.u(margin), l.H}
	titleSt := l.style(bold, 50, scene.InkColour)
	tl := l.titleLines(titleSt, inner.W())
	y := l.lines(inner.X0, l.u(38), tl, titleSt, inner)
	subSt := l.style(regular, 26, scene.MutedInkColour)
	if sub != "" {
		y = l.lines(inner.X0, y+l.u(2), []string{l.pen.ellipsize(sub, subSt, inner.W())}, subSt, inner)
	}
	return y + l.u(18)
}

// footerSpace returns the footer's text style and its top: room for every
// source of the briefing (an upper bound), the notes and the padding.
func (l *layout) footerSpace() (textStyle, float64) {
	b := l.s.Briefing
	footSt := l.style(regular, 17, scene.MutedInkColour)
	flh := l.pen.lineHeight(footSt)
	allSources := make([]string, len(b.Sources))
	for i := range b.Sources {
		allSources[i] = b.Sources[i].ID
	}
	src, notes := l.footerLines(allSources, true, footSt, l.W-2*l.u(margin))
	return footSt, l.H - l.u(26) - float64(len(src)+len(notes))*flh - l.u(14)
}

// columns returns the body's three columns between top and bottom: the
// map (about square, the shape of a country at national scale), its key,
// the side column.
func (l *layout) columns(top, bottom float64) (mapCol, keyCol, side rect) {
	x0, x1 := l.u(margin), l.W-l.u(margin)
	mapCol = rect{x0, top, x0 + l.u(mapWidth), bottom}
	keyCol = rect{mapCol.X1 + l.u(keyGap), top, mapCol.X1 + l.u(keyGap+keyWidth), bottom}
	side = rect{keyCol.X1 + l.u(columnGap), top, x1, bottom}
	return mapCol, keyCol, side
}

// placeMap sets the map's rectangle and view in mapCol and returns the
// view and the key's entries: the scene's legend of what lies in view, at
// the slide's pixel ratio. With nothing to key, the map takes the key's
// column too.
func (l *layout) placeMap(mapCol, keyCol rect) (scene.View, []scene.LegendEntry) {
	l.mapRect = rect{math.Round(mapCol.X0), math.Round(mapCol.Y0), math.Round(mapCol.X1), math.Round(mapCol.Y1)}
	view, bounds := l.frame(l.mapRect)
	entries := l.s.Renderer.LegendIn(l.opts, bounds)
	if len(entries) == 0 {
		mapCol.X1 = keyCol.X1
		l.mapRect = rect{math.Round(mapCol.X0), math.Round(mapCol.Y0), math.Round(mapCol.X1), math.Round(mapCol.Y1)}
		view, _ = l.frame(l.mapRect)
	}
	l.prepareBasemap(view)
	return view, entries
}

// prepareBasemap assembles the basemap's simplified level for the map's
// view on another core while the side column is laid out (geo asks the
// basemap for a tolerance of 360° / the world's width in pixels); the map
// then finds it ready.
func (l *layout) prepareBasemap(v scene.View) {
	base := l.s.Renderer.Basemap()
	if base == nil {
		return
	}
	t := geo.NewTransformer(int(l.mapRect.W()), int(l.mapRect.H()), v.Centre, v.Zoom)
	go base.Prepare(360 / t.WorldSize())
}

// frame returns the map view for a map of r's size, and the bounds it shows.
func (l *layout) frame(r rect) (scene.View, orb.Bound) {
	w, h := int(math.Round(r.W())), int(math.Round(r.H()))
	rd := l.s.Renderer
	var v scene.View
	switch {
	case l.s.Bounds.Max[0] > l.s.Bounds.Min[0] && l.s.Bounds.Max[1] > l.s.Bounds.Min[1]:
		v = scene.FitView(l.s.Bounds, w, h, 0)
	case !l.s.Focus.IsZero():
		if ext, ok := l.focusExtent(); ok {
			v = scene.FitView(ext, w, h, l.u(focusPadding))
		} else {
			v = rd.HomeView(w, h)
		}
	default:
		v = rd.HomeView(w, h)
	}
	// Keep the same geographic view at any slide scale: the zoom limits
	// apply to the 1920×1080 design, one level more at 2×.
	dz := math.Log2(l.scale)
	v.Zoom = math.Max(scene.MinZoom+dz, math.Min(scene.MaxZoom+dz, v.Zoom))
	l.view = v
	return v, v.Bounds(w, h)
}

// focusExtent returns the focus's extent on the date, widened to at least
// three degrees so a point is shown in its surroundings.
func (l *layout) focusExtent() (orb.Bound, bool) {
	ext, ok := l.s.Renderer.Extent(l.s.Focus, l.opts.Date)
	if !ok {
		return orb.Bound{}, false
	}
	const minSpan = 3.0
	c := ext.Center()
	if ext.Max[0]-ext.Min[0] < minSpan {
		ext.Min[0], ext.Max[0] = c[0]-minSpan/2, c[0]+minSpan/2
	}
	if ext.Max[1]-ext.Min[1] < minSpan {
		ext.Min[1], ext.Max[1] = c[1]-minSpan/2, c[1]+minSpan/2
	}
	return ext, true
}

// rendererFaces returns the font faces the renderer draws the map with, so
// the slide shares their parsed glyph and kerning caches.
func rendererFaces(r *scene.Renderer) *geo.FaceCache { return r.Faces() }

// fill paints every pixel of dst with c, by doubling copies.
func fill(dst *image.RGBA, c color.NRGBA) {
	pix := dst.Pix
	if len(pix) < 4 {
		return
	}
	pix[0], pix[1], pix[2], pix[3] = c.R, c.G, c.B, c.A // c is opaque: premultiplied alike
	for n := 4; n < len(pix); n *= 2 {
		copy(pix[n:], pix[:n])
	}
}

// drawMap draws the map straight into the slide, through the same
// geo.Map the window draws, and its frame.
func (l *layout) drawMap() {
	m := l.mapToDraw()
	if l.dst != nil {
		m.RenderTo(l.dst.SubImage(l.mapRect.image()).(*image.RGBA))
	} else {
		m.DrawTo(l.surf.Sub(l.mapRect.image()))
	}
	l.mapFrame()
}

// mapToDraw returns the slide's map, to be drawn once: without the
// renderer's basemap cache, which would allocate and copy the map's pixels
// (and evict the window's cached basemap, whose size differs).
func (l *layout) mapToDraw() *geo.Map {
	r := l.mapRect
	m := l.s.Renderer.Map(int(r.W()), int(r.H()), l.view, l.opts)
	m.Cache = nil
	return m
}

// mapFrame draws a hairline frame around the map.
func (l *layout) mapFrame() {
	r := l.mapRect
	t := math.Max(1, math.Round(l.u(1)))
	l.pen.fillRect(rect{r.X0 - t, r.Y0 - t, r.X1 + t, r.Y0}, scene.HairlineColour)
	l.pen.fillRect(rect{r.X0 - t, r.Y1, r.X1 + t, r.Y1 + t}, scene.HairlineColour)
	l.pen.fillRect(rect{r.X0 - t, r.Y0, r.X0, r.Y1}, scene.HairlineColour)
	l.pen.fillRect(rect{r.X1, r.Y0, r.X1 + t, r.Y1}, scene.HairlineColour)
}

// focusName names the focus in the subtitle as its callout would (without
// citations), saying where an event the map cannot draw took place.
func (l *layout) focusName() string {
	name := plainText(l.ix.calloutLabel(l.s.Focus, l.opts.Date))
	if l.s.Focus.Kind != data.KindEvent {
		return name
	}
	e, ok := l.s.Briefing.Event(l.s.Focus.ID)
	if !ok || l.s.Renderer.OnMap(e) {
		return name
	}
	where := "outside the map"
	if p, ok := l.s.Briefing.EventPoint(e); ok {
		if c := l.s.Renderer.CountryAt(p); c != "" {
			where = "in " + c + ", outside the map"
		}
	}
	return name + ", " + where
}
