// Package slide composes Briefmap's briefing slide: a 1920×1080 (or, at
// twice the scale, 3840×2160) PNG of the map as it stood on a date, with a
// title, the map with its key, numbered callouts and a scale bar, a column
// of key actors, the callout key and verbatim excerpts with citations, and a
// footer of numbered sources, data notes and the basemap attribution. It is
// pure Go (no Fyne): the map is scene's geo.Map, drawn as the window
// draws it, and all text and shapes go through geo.Canvas.
//
// # Layout
//
// The design grid is 1920×1080; the 4K slide is the same layout at twice the
// scale (text is measured at the design size, so lines break at the same
// words). Header: a red rule and tag, the title with the as-of date (two
// lines at most; a long briefing title is shortened before the date, never
// the date) and a one-line subtitle. Body, three columns: the map (about
// square, the shape of a country), the map key (scene.Legend, swatches drawn
// by geo), the side column. Footer: the sources, the notes, the version.
//
// # What the slide says
//
// The slide shows the records visible in the map's view on the as-of date:
// the zones valid on that date whose area meets the view, the places of the
// switched-on layers inside it, and the deployments valid on that date with a
// point, place or area centre inside it.
//
// Callouts (numbered on the map and keyed in the side column): the caller's
// own Options.Callouts when given; otherwise the focus when it is a place or
// a deployment, then the deployments shown (the focus actors' first, then by
// confidence, then by number of backing excerpts, then id), then the
// importance-1 places shown that have a status on the date (a blockaded
// terminal); at most eight, and only as many as the key has room for. A
// record gets a callout only if its anchor (the point scene marks) lies
// on the map, 32 design pixels clear of its edge. Records whose anchors lie
// within 30 design pixels of each other share one number and one line of
// the key (two at most), so no disc covers another.
//
// Key actors: with a focus, the actors it is about (an actor itself; a zone's
// controller or contenders; a deployment's actor and whom it supports; the
// holders of a place and the forces deployed there; an excerpt's actors),
// then the actors they lead or are led by, then their backers. Without a
// focus, the actors weighted by what they hold on the map: 3 per zone
// controlled, 1 per zone contested, 2 per deployment, 1 per deployment
// supported. A person who leads a listed actor is named in its line ("led
// by Khalifa Haftar") rather than on a line of their own. At most five, by
// side order, then weight, then id; when the column is full the least
// weighty go first. Each carries a chip of its side's colour on the map.
//
// Excerpts: with a focus, the excerpts about the focus first, newest source
// first. Then, greedily, the excerpt that backs the most shown records
// (callouts, key actors and their leaders, zones, places, deployments) not
// yet backed by an earlier pick; an excerpt that backs only a place's status
// of another period (a blockade since lifted) does not count for that
// place. Excerpts from contemporary sources (dated within a year of the
// as-of date) come before any other, so a 2023 map quotes the 2023 article
// first; ties go to the source nearest the as-of date, then the newest
// source, then the briefing's order. The side column shows the first two to
// four that fit whole; an excerpt too long for the room left is skipped for
// the next one, so quotes are never cut. Only when not even two fit are the
// first two shortened, with "…" marking the cut and the citation kept.
//
// The side column is filled in this order of sacrifice: actors are dropped
// (down to two) and then callouts (down to four) until two whole excerpts
// fit.
//
// Citations [n] number the sources in the footer: the sources of the quoted
// excerpts in order of quotation, then the other sources that back a zone,
// place, deployment or callout shown (by date, then id). A fact no excerpt
// backs (an actor's backers or leader, a callout's record) is marked "†",
// and the footer says what "†" means. Every cited source is listed: when
// the list is too long for its three lines, source titles are shortened,
// never the list.
//
// Text never runs out of its box: it wraps, and where a line limit is reached
// it ends in "…". The same Spec gives the same bytes: nothing depends on the
// clock or on map iteration order, and the PNG holds no time or text chunk.
package slide

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/geo"
	"github.com/briefmap/briefmap/geo/basemap"
	"github.com/briefmap/briefmap/internal/atomicfile"
	"github.com/briefmap/briefmap/scene"
)

// Standard slide sizes: the layout is designed at HD and drawn at 2× for 4K.
var (
	HD  = image.Pt(1920, 1080)
	UHD = image.Pt(3840, 2160)
)

// Spec is everything a slide is drawn from.
type Spec struct {
	Briefing *data.Briefing
	Renderer *scene.Renderer
	// Bounds is what the map shows (the window's current view); when zero
	// the map frames the focus's extent, or the briefing's home view.
	Bounds orb.Bound
	// Options are the date (zero: the briefing's default), layers and
	// selection as on screen. The slide sets ScaleBar and its own
	// PixelRatio, clears Hovered, selects the focus when nothing is
	// selected, and chooses the callouts when Callouts is empty.
	Options scene.Options
	// Focus, when set, frames the map on that record and fills the side
	// column from it.
	Focus   data.Ref
	Size    image.Point // HD (the default when zero) or UHD
	Version string      // Briefmap version for the footer
}

// Colours of the slide (the map's own come from scene).
var (
	paper     = color.NRGBA{0xFF, 0xFF, 0xFF, 0xFF}
	ink       = color.NRGBA{0x12, 0x12, 0x12, 0xFF}
	greyInk   = color.NRGBA{0x55, 0x55, 0x55, 0xFF}
	hairline  = color.NRGBA{0xB8, 0xB8, 0xB8, 0xFF}
	accentRed = color.NRGBA{0xE3, 0x12, 0x0B, 0xFF}
)

// errNoBriefing is returned by Compose for a Spec without a briefing or
// renderer.
var errNoBriefing = errors.New("slide: spec has no briefing or no renderer")

// Compose draws the slide. It fails on a Spec without a briefing or
// renderer, and on a size that is not 16:9 between 960×540 and 7680×4320.
func Compose(s Spec) (*image.RGBA, error) {
	l, err := newLayout(s)
	if err != nil {
		return nil, err
	}
	l.compose()
	return l.dst, nil
}

// pngCompression is the compression level Encode uses, chosen by measuring
// size against time (BenchmarkPNG): BestSpeed.
const pngCompression = png.BestSpeed

// Encode writes img as PNG at the compression level chosen by measuring
// size against time (BenchmarkPNG): png.BestSpeed. An opaque *image.RGBA
// (every slide) is written by the package's own RGB writer (a quarter less
// CPU than image/png on slides, same size); anything else by image/png.
func Encode(w io.Writer, img image.Image) error {
	var err error
	if rgba, ok := img.(*image.RGBA); ok && rgba.Opaque() {
		err = encodeRGB(w, rgba, pngLevel(pngCompression))
	} else {
		err = (&png.Encoder{CompressionLevel: pngCompression}).Encode(w, img)
	}
	if err != nil {
		return fmt.Errorf("slide: encoding PNG: %w", err)
	}
	return nil
}

// Export composes the slide and writes it as a PNG at path atomically: to a
// temporary file in the same folder, synced, then renamed over path. On any
// error no file is left behind and an existing file at path is untouched.
func Export(path string, s Spec) error {
	img, err := Compose(s)
	if err != nil {
		return err
	}
	return atomicfile.Write(path, func(w io.Writer) error { return Encode(w, img) })
}

// DefaultFileName returns the slide's default file name for date d (the
// briefing's default date when d is zero): "libya-briefing-2020-01-19.png".
func DefaultFileName(b *data.Briefing, d data.Date) string {
	if d.IsZero() {
		d = b.DefaultDate
	}
	id := b.ID
	if id == "" {
		id = "slide"
	}
	if d.IsZero() {
		return id + "-briefing.png"
	}
	return id + "-briefing-" + d.String() + ".png"
}

// layout holds one slide being composed: the target image, the pen, the
// scale from the 1920×1080 design grid to pixels and what has been placed.
type layout struct {
	s     Spec
	ix    *index
	dst   *image.RGBA
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
}

// textRun is one line of text placed on the slide: its ink box and the
// box it must stay inside.
type textRun struct {
	Text   string
	Box    rect // the glyphs' ink
	Within rect
}

func newLayout(s Spec) (*layout, error) {
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
	o.ScaleBar = true
	o.Hovered = data.Ref{}
	o.PixelRatio = float64(s.Size.X) / float64(HD.X)
	if !s.Focus.IsZero() && o.Selected.IsZero() {
		o.Selected = s.Focus
	}
	dst := image.NewRGBA(image.Rectangle{Max: s.Size})
	l := &layout{
		s: s, ix: newIndex(s.Briefing), dst: dst, pen: newPen(dst, rendererFaces(s.Renderer), float64(s.Size.X)/float64(HD.X)),
		scale: float64(s.Size.X) / float64(HD.X), W: float64(s.Size.X), H: float64(s.Size.Y), opts: o,
	}
	fill(dst, paper)
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
	b := l.s.Briefing
	W, H := l.W, l.H
	// Accent: a red rule across the top and a red tag under it.
	l.pen.fillRect(rect{0, 0, W, l.u(6)}, accentRed)
	l.pen.fillRect(rect{l.u(margin), 0, l.u(margin + 84), l.u(18)}, accentRed)

	// Header.
	inner := rect{l.u(margin), 0, W - l.u(margin), H}
	titleSt := l.style(bold, 50, ink)
	tl := l.titleLines(titleSt, inner.W())
	y := l.lines(inner.X0, l.u(38), tl, titleSt, inner)
	sub := b.Subtitle
	if !l.s.Focus.IsZero() {
		if name, _ := l.ix.calloutLabel(l.s.Focus, l.opts.Date); name != "" {
			sub = strings.TrimSuffix("Focus: "+name+". "+sub, " ")
		}
	}
	subSt := l.style(regular, 26, greyInk)
	if sub != "" {
		y = l.lines(inner.X0, y+l.u(2), []string{l.pen.ellipsize(sub, subSt, inner.W())}, subSt, inner)
	}
	bodyTop := y + l.u(18)

	// Footer: reserve room for every source of the briefing (an upper
	// bound), the notes line and the padding.
	footSt := l.style(regular, 17, greyInk)
	flh := l.pen.lineHeight(footSt)
	allSources := make([]string, len(b.Sources))
	for i := range b.Sources {
		allSources[i] = b.Sources[i].ID
	}
	src, notes := l.footerLines(allSources, true, footSt, inner.W())
	footerTop := H - l.u(26) - float64(len(src)+len(notes))*flh - l.u(14)
	bodyBottom := footerTop - l.u(18)

	// Three columns: the map, its key, the side column. The map is about
	// square, the shape of a country at national scale.
	mapCol := rect{inner.X0, bodyTop, inner.X0 + l.u(mapWidth), bodyBottom}
	keyCol := rect{mapCol.X1 + l.u(keyGap), bodyTop, mapCol.X1 + l.u(keyGap+keyWidth), bodyBottom}
	side := rect{keyCol.X1 + l.u(columnGap), bodyTop, inner.X1, bodyBottom}
	// The legend at ratio 1, scaled here to the slide (scene's entries do
	// not follow PixelRatio).
	// Only what lies in the map's view gets a key entry; with nothing to
	// key, the map takes the key's column too.
	lo := l.opts
	lo.PixelRatio = 0
	l.mapRect = rect{math.Round(mapCol.X0), math.Round(mapCol.Y0), math.Round(mapCol.X1), math.Round(mapCol.Y1)}
	view, bounds := l.frame(l.mapRect)
	entries := l.s.Renderer.LegendIn(lo, bounds)
	if len(entries) == 0 {
		mapCol.X1 = keyCol.X1
		l.mapRect = rect{math.Round(mapCol.X0), math.Round(mapCol.Y0), math.Round(mapCol.X1), math.Round(mapCol.Y1)}
		view, bounds = l.frame(l.mapRect)
	}
	mw, mh := int(l.mapRect.W()), int(l.mapRect.H())
	c := chooseContent(l.ix, mapFrame{
		Bounds:  bounds,
		ToPixel: func(p orb.Point) (float64, float64) { return view.ToPixel(mw, mh, p) },
		W:       float64(mw), H: float64(mh),
		Margin: l.u(calloutMargin), Sep: l.u(calloutSeparation),
	}, l.opts, l.s.Focus)
	l.side(side, c)
	l.opts.Callouts = l.opts.Callouts[:0:0]
	for _, cl := range l.callouts {
		l.opts.Callouts = append(l.opts.Callouts, cl.Ref)
	}
	l.legend(keyCol, entries)
	l.drawMap()

	// Footer.
	l.footer(rect{inner.X0, footerTop, inner.X1, H - l.u(20)}, footSt)
}

// calloutStyle returns the style of a numbered callout disc of diameter d.
func (l *layout) calloutStyle(d float64) geo.MarkerStyle {
	return geo.MarkerStyle{Symbol: geo.SymbolCallout, Size: d, Fill: geo.InkColor, Stroke: paper, StrokeWidth: l.u(1.5)}
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
// geo.Map the window draws.
func (l *layout) drawMap() {
	r := l.mapRect
	w, h := int(r.W()), int(r.H())
	m := l.s.Renderer.Map(w, h, l.view, l.opts)
	m.RenderTo(l.dst.SubImage(r.image()).(*image.RGBA))
	// A hairline frame.
	t := math.Max(1, math.Round(l.u(1)))
	l.pen.fillRect(rect{r.X0 - t, r.Y0 - t, r.X1 + t, r.Y0}, hairline)
	l.pen.fillRect(rect{r.X0 - t, r.Y1, r.X1 + t, r.Y1 + t}, hairline)
	l.pen.fillRect(rect{r.X0 - t, r.Y0, r.X0, r.Y1}, hairline)
	l.pen.fillRect(rect{r.X1, r.Y0, r.X1 + t, r.Y1}, hairline)
}

// legend lists the legend entries of what the map shows down col, under a
// "MAP KEY" header: a swatch and a label wrapped to at most keyLabelLines
// lines. When the list is too long for the column it is set smaller, then
// shortened to what fits, with a last line saying how many are left out.
func (l *layout) legend(col rect, entries []scene.LegendEntry) {
	if len(entries) == 0 {
		return
	}
	st := l.sideStyles()
	top := l.u(12) + l.pen.lineHeight(st.header) + l.u(8)
	sw := l.u(22)
	gap := l.u(10)
	textCol := rect{col.X0 + sw + gap, col.Y0, col.X1, col.Y1}
	type entry struct {
		lines []string
		h     float64
	}
	var (
		es    []entry
		total float64
		est   textStyle
	)
	for _, size := range []float64{18, 16} {
		est = l.style(regular, size, ink)
		es, total = es[:0], top
		for _, e := range entries {
			ls, _ := l.pen.block(e.Label, est, textCol.W(), keyLabelLines)
			h := math.Max(sw, float64(len(ls))*l.pen.lineHeight(est)) + l.u(9)
			es = append(es, entry{ls, h})
			total += h
		}
		if total <= col.H() {
			break
		}
	}
	y := l.sectionHeader(col, col.Y0, "MAP KEY", st)
	for i, e := range entries {
		left := len(entries) - i
		if y+es[i].h > col.Y1 || left > 1 && y+es[i].h+l.pen.lineHeight(est) > col.Y1 && total > col.H() {
			more := fmt.Sprintf("(%d more on the map)", left)
			l.text(col.X0, y, l.pen.ellipsize(more, est, col.W()), est, col)
			return
		}
		geo.DrawLegendSwatch(l.pen.c, scaleLegendItem(e.Item, l.scale), geo.Box{X0: col.X0, Y0: y, X1: col.X0 + sw, Y1: y + sw}.Inset(l.u(1)))
		lh := l.pen.lineHeight(est)
		l.lines(textCol.X0, y+(math.Min(sw, lh)-lh)/2+(sw-est.Size)/2-l.u(2), es[i].lines, est, textCol)
		y += es[i].h
	}
}

// scaleLegendItem returns item with its sizes, widths and dashes times k.
func scaleLegendItem(item geo.LegendItem, k float64) geo.LegendItem {
	if k == 1 {
		return item
	}
	stroke := func(s geo.Stroke) geo.Stroke {
		s.Width *= k
		if s.Dash != nil {
			d := make([]float64, len(s.Dash))
			for i, v := range s.Dash {
				d[i] = v * k
			}
			s.Dash = d
		}
		return s
	}
	item.Area.Stroke = stroke(item.Area.Stroke)
	item.Area.Hatch.Spacing *= k
	item.Area.Hatch.Width *= k
	item.Marker.Size *= k
	item.Marker.StrokeWidth *= k
	item.Line.Line, item.Line.Casing = stroke(item.Line.Line), stroke(item.Line.Casing)
	item.Ring.Stroke = stroke(item.Ring.Stroke)
	return item
}

// titleLines returns the title on at most two lines of width w. A title too
// long for them is shortened before " — as of <date>", so the date always
// shows.
func (l *layout) titleLines(st textStyle, w float64) []string {
	b := l.s.Briefing
	ls, cut := l.pen.block(title(b, l.opts.Date), st, w, 2)
	if !cut {
		return ls
	}
	suffix := strings.TrimPrefix(title(&data.Briefing{Title: "x"}, l.opts.Date), "x")
	for room := 2 * w; room > 0; room -= w / 20 {
		t := l.pen.ellipsize(b.Title, st, room-l.pen.measure(suffix, st)) + suffix
		if ls, cut = l.pen.block(t, st, w, 2); !cut {
			return ls
		}
	}
	return ls
}

// sourceLines returns the footer's numbered list of sources ids on at most
// sourceLines lines of width w. Every source is listed: when the list is too
// long, the titles are shortened (with "…"), never the list.
func (l *layout) sourceLines(ids []string, st textStyle, w float64) []string {
	var ls []string
	for titleW := w; titleW > 0; titleW -= w / 20 {
		parts := make([]string, len(ids))
		for i, id := range ids {
			parts[i] = "[" + strconv.Itoa(i+1) + "] " + l.citation(id, st, titleW) + "."
		}
		var cut bool
		if ls, cut = l.pen.block("Sources: "+strings.Join(parts, "  "), st, w, sourceLines); !cut {
			return ls
		}
	}
	return ls
}

// citation returns source id's footer entry with its title shortened to
// titleW.
func (l *layout) citation(id string, st textStyle, titleW float64) string {
	s := l.ix.source(id)
	if s == nil || l.pen.measure(s.Title, st) <= titleW {
		return l.ix.citation(id)
	}
	c := s.Citation()
	c.Title = l.pen.ellipsize(s.Title, st, titleW)
	return c.String()
}

// footerLines returns the footer's lines: the numbered sources, then the
// notes (the briefing's data notes, what "†" means when dagger is set, the
// basemap attribution), which leave room on their last line for the
// version.
func (l *layout) footerLines(sources []string, dagger bool, st textStyle, w float64) (src, notes []string) {
	src = l.sourceLines(sources, st, w)
	n := l.s.Briefing.Notes
	if n == "" {
		n = "Boundaries approximate; background facts are marked."
	}
	if dagger {
		n += " † Background knowledge, not backed by a source excerpt."
	}
	n += " Basemap: " + basemap.Attribution + "."
	notes, _ = l.pen.block(n, st, w-l.versionWidth(st)-l.u(32), noteLines)
	return src, notes
}

func (l *layout) version() string {
	if l.s.Version == "" {
		return "Briefmap"
	}
	return "Briefmap " + l.s.Version
}

func (l *layout) versionWidth(st textStyle) float64 {
	st.Weight = bold
	return l.pen.measure(l.version(), st)
}

func (l *layout) footer(r rect, st textStyle) {
	t := math.Max(1, math.Round(l.u(1)))
	l.pen.fillRect(rect{r.X0, r.Y0, r.X1, r.Y0 + t}, hairline)
	src, notes := l.footerLines(l.sources, l.hasDagger(), st, r.W())
	y := l.lines(r.X0, r.Y0+l.u(12), src, st, r)
	y = l.lines(r.X0, y, notes, st, r)
	vst := st
	vst.Weight = bold
	l.text(r.X1-l.versionWidth(st), y-l.pen.lineHeight(st), l.version(), vst, r)
}

func (l *layout) hasDagger() bool {
	for _, r := range l.runs {
		if strings.Contains(r.Text, "†") {
			return true
		}
	}
	return false
}
