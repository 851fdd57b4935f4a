package app

import (
	"context"
	"image"
	"log/slog"
	"math"
	"runtime"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/scene"
)

// mapRenderer is what MapView needs of a *scene.Renderer: drawing and
// hit-testing. It is an interface so tests can count calls.
type mapRenderer interface {
	Render(w, h int, v scene.View, o scene.Options) *image.RGBA
	Pick(w, h int, v scene.View, o scene.Options, x, y float64) (data.Ref, bool)
	HomeView(w, h int) scene.View
}

// Zoom steps of the map's interactions.
const (
	wheelStep    = 50.0 // scroll units per zoom level: a wheel notch (25 on Linux and Windows) is half a level
	keyZoom      = 2.0  // +/− zoom factor
	keyPanPixels = 100  // arrow-key pan, in device pixels
)

// renderRequest is one frame to draw: a snapshot of the map's state.
type renderRequest struct {
	w, h int
	view scene.View
	opts scene.Options
}

// hoverRequest is a pending hit-test for the pointer at device pixel (x, y).
type hoverRequest struct {
	w, h int
	view scene.View
	opts scene.Options
	x, y float64
}

// MapView is the interactive map widget. It owns the view, the hovered and
// the selected refs; the rest of the drawing options (date, layers,
// highlight) are set by the window. It renders off the UI thread and shows
// the last finished frame: a burst of changes renders only the latest state.
//
// All methods must be called on the UI thread (fyne.Do from goroutines).
type MapView struct {
	widget.BaseWidget

	// OnSelect is called after a click changes the selection (the zero Ref
	// when the click cleared it).
	OnSelect func(data.Ref)
	// OnHover is called when the pointer moves: the lon/lat under it, and
	// the record under it (ok false when there is none or the pointer left).
	OnHover func(p orb.Point, ref data.Ref, ok, inside bool)
	// OnViewChange is called when the user pans or zooms (after the drag).
	OnViewChange func(scene.View)
	// OnReady is called once, after the first frame at the map's real size.
	OnReady func()
	// OnFrame is called on the UI thread after each frame is shown, with the
	// time it took to render.
	OnFrame func(d time.Duration)

	log *slog.Logger

	// UI-thread state.
	view    scene.View
	viewSet bool // false until the view is set or the home view computed
	atHome  bool // the view is the home view: it re-fits when the map resizes
	opts    scene.Options
	devW    int
	devH    int
	img     *canvas.Image
	pointer fyne.Position // last pointer position (logical)
	inside  bool
	shown   int           // frames shown
	lastReq renderRequest // the request of the frame shown last
	// holdReady delays rendering and the "map ready" line until AllowReady
	// (the window is shown at its real size): a transient layout before
	// that is not drawn.
	holdReady bool
	ready     bool // "map ready" logged

	// sync renders and picks inline on the calling goroutine (tests).
	sync bool
	// post runs a function on the UI thread: fyne.Do, or a test's queue.
	post func(func())

	rmu sync.Mutex // guards r: a scene.Renderer is not safe for concurrent use
	r   mapRenderer

	qmu          sync.Mutex // guards the pending requests
	pending      *renderRequest
	pendingHover *hoverRequest
	wake         chan struct{}
	done         chan struct{}
	closeOnce    sync.Once
}

// NewMapView returns a map of what r draws with drawing options o. With
// synchronous set it renders on the calling goroutine (for tests); otherwise
// a worker goroutine renders until Close.
func NewMapView(r mapRenderer, o scene.Options, log *slog.Logger, synchronous bool) *MapView {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	m := &MapView{
		r:    r,
		opts: o,
		log:  log,
		sync: synchronous,
		post: fyne.Do,
		wake: make(chan struct{}, 1),
		done: make(chan struct{}),
	}
	m.img = canvas.NewImageFromImage(image.NewRGBA(image.Rect(0, 0, 1, 1)))
	m.img.FillMode = canvas.ImageFillStretch
	m.img.ScaleMode = canvas.ImageScaleFastest
	m.ExtendBaseWidget(m)
	if !synchronous {
		go m.work()
	}
	return m
}

// Close stops the render worker. The map shows its last frame.
func (m *MapView) Close() { m.closeOnce.Do(func() { close(m.done) }) }

// CreateRenderer implements fyne.Widget.
func (m *MapView) CreateRenderer() fyne.WidgetRenderer { return &mapViewRenderer{m: m} }

// MinSize implements fyne.CanvasObject: the map can shrink to a small
// square; the layout gives it the rest of the window.
func (m *MapView) MinSize() fyne.Size { return fyne.NewSize(200, 150) }

// View returns the current view.
func (m *MapView) View() scene.View { return m.view }

// SetView sets the view and redraws.
func (m *MapView) SetView(v scene.View) {
	m.view, m.viewSet, m.atHome = clampView(v), true, false
	m.requestRender()
}

// ResetView sets the view that frames the whole briefing.
func (m *MapView) ResetView() {
	if m.devW == 0 || m.devH == 0 {
		m.viewSet = false
		return
	}
	m.rmu.Lock()
	v := m.r.HomeView(m.devW, m.devH)
	m.rmu.Unlock()
	m.SetView(v)
	m.atHome = true
	m.notifyView()
}

// Options returns the drawing options (date, layers, selection, highlight,
// hover).
func (m *MapView) Options() scene.Options { return m.opts }

// SetOptions replaces the drawing options and redraws.
func (m *MapView) SetOptions(o scene.Options) {
	m.opts = o
	m.requestRender()
}

// Selected returns the selected ref (zero when nothing is selected).
func (m *MapView) Selected() data.Ref { return m.opts.Selected }

// Hovered returns the ref under the pointer (zero when none).
func (m *MapView) Hovered() data.Ref { return m.opts.Hovered }

// SetRenderer replaces what the map draws (another briefing) and frames it.
func (m *MapView) SetRenderer(r mapRenderer) {
	m.rmu.Lock()
	m.r = r
	m.rmu.Unlock()
	m.opts.Selected, m.opts.Hovered, m.opts.Highlight = data.Ref{}, data.Ref{}, nil
	m.ResetView()
	m.requestRender()
}

// DeviceSize returns the map's size in device pixels.
func (m *MapView) DeviceSize() (w, h int) { return m.devW, m.devH }

// Bounds returns the lon/lat bounds the map shows now.
func (m *MapView) Bounds() orb.Bound { return m.view.Bounds(m.devW, m.devH) }

// FramesShown returns how many frames the map has shown.
func (m *MapView) FramesShown() int { return m.shown }

// Frame returns the last frame shown (nil before the first).
func (m *MapView) Frame() *image.RGBA {
	if m.shown == 0 {
		return nil
	}
	f, _ := m.img.Image.(*image.RGBA)
	return f
}

// scale returns the canvas scale (device pixels per logical pixel).
func (m *MapView) scale() float32 {
	if app := fyne.CurrentApp(); app != nil {
		if c := app.Driver().CanvasForObject(m); c != nil {
			if s := c.Scale(); s > 0 {
				return s
			}
		}
	}
	return 1
}

// device converts a logical position in the widget to device pixels.
func (m *MapView) device(p fyne.Position) (x, y float64) {
	s := float64(m.scale())
	return float64(p.X) * s, float64(p.Y) * s
}

// layout is called by the renderer with the widget's new size.
func (m *MapView) layout(size fyne.Size) {
	m.img.Resize(size)
	s := m.scale()
	w, h := int(math.Round(float64(size.Width*s))), int(math.Round(float64(size.Height*s)))
	if w == m.devW && h == m.devH {
		return
	}
	m.devW, m.devH = w, h
	if w <= 0 || h <= 0 {
		return
	}
	if !m.viewSet || m.atHome {
		m.rmu.Lock()
		m.view = clampView(m.r.HomeView(w, h))
		m.rmu.Unlock()
		m.viewSet, m.atHome = true, true
	}
	m.requestRender()
}

// clampView keeps the zoom within the scene's limits.
func clampView(v scene.View) scene.View {
	v.Zoom = math.Max(scene.MinZoom, math.Min(scene.MaxZoom, v.Zoom))
	return v
}

func (m *MapView) notifyView() {
	if m.OnViewChange != nil {
		m.OnViewChange(m.view)
	}
}

// drawOptions returns the options to draw and hit-test with: the map's
// options at the canvas's pixel ratio (symbols, strokes and text keep their
// size on a high-density screen).
func (m *MapView) drawOptions() scene.Options {
	o := m.opts
	if o.PixelRatio <= 0 {
		o.PixelRatio = float64(m.scale())
	}
	return o
}

// requestRender asks for a frame of the current state.
func (m *MapView) requestRender() {
	if m.devW <= 0 || m.devH <= 0 || m.holdReady {
		return // no size yet, or a transient layout before the window shows
	}
	o := m.drawOptions()
	o.Highlight = append([]data.Ref(nil), o.Highlight...)
	req := renderRequest{w: m.devW, h: m.devH, view: m.view, opts: o}
	if m.sync {
		start := time.Now()
		frame := m.render(req)
		m.show(req, frame, time.Since(start))
		return
	}
	m.qmu.Lock()
	m.pending = &req
	m.qmu.Unlock()
	m.poke()
}

func (m *MapView) poke() {
	select {
	case m.wake <- struct{}{}:
	default:
	}
}

func (m *MapView) render(req renderRequest) *image.RGBA {
	m.rmu.Lock()
	defer m.rmu.Unlock()
	return m.r.Render(req.w, req.h, req.view, req.opts)
}

// work is the render worker: it answers the latest hover hit-test, then
// draws the latest frame, and hands results to the UI thread.
func (m *MapView) work() {
	for {
		select {
		case <-m.done:
			return
		case <-m.wake:
		}
		m.qmu.Lock()
		req, hov := m.pending, m.pendingHover
		m.pending, m.pendingHover = nil, nil
		m.qmu.Unlock()
		if hov != nil {
			ref, ok := m.pick(hov.w, hov.h, hov.view, hov.opts, hov.x, hov.y)
			m.post(func() { m.hoverResult(*hov, ref, ok) })
		}
		if req != nil {
			start := time.Now()
			frame := m.render(*req)
			d := time.Since(start)
			m.post(func() { m.show(*req, frame, d) })
		}
	}
}

// show puts a finished frame on screen.
func (m *MapView) show(req renderRequest, frame *image.RGBA, d time.Duration) {
	if frame == nil {
		return
	}
	m.img.Image = frame
	m.img.Refresh()
	m.shown++
	m.lastReq = req
	m.log.Debug("map frame", "w", req.w, "h", req.h, "zoom", req.view.Zoom,
		"selected", req.opts.Selected.ID, "render_ms", float64(d.Microseconds())/1000)
	m.maybeReady()
	if m.OnFrame != nil {
		m.OnFrame(d)
	}
}

// AllowReady lets the map log "map ready" (with holdReady set, it waits
// for this call): at once if the last frame shown is of the map's current
// size, or else with the next frame that is.
func (m *MapView) AllowReady() {
	m.holdReady = false
	if m.shown == 0 || m.lastReq.w != m.devW || m.lastReq.h != m.devH {
		m.requestRender()
	}
	m.maybeReady()
}

// maybeReady logs "map ready" once: for the first frame shown at the map's
// current size after AllowReady.
func (m *MapView) maybeReady() {
	if m.ready || m.holdReady || m.shown == 0 {
		return
	}
	if m.lastReq.w != m.devW || m.lastReq.h != m.devH {
		return
	}
	m.ready = true
	m.logReady(m.lastReq)
	if m.OnReady != nil {
		m.OnReady()
	}
}

// logReady logs "map ready" with the widget's rectangle in window device
// pixels and the bounds the first frame shows.
func (m *MapView) logReady(req renderRequest) {
	var pos fyne.Position
	if app := fyne.CurrentApp(); app != nil {
		pos = app.Driver().AbsolutePositionForObject(m)
	}
	s := m.scale()
	b := req.view.Bounds(req.w, req.h)
	m.log.Info("map ready",
		"map_x", int(math.Round(float64(pos.X*s))), "map_y", int(math.Round(float64(pos.Y*s))),
		"map_w", req.w, "map_h", req.h,
		"west", b.Min[0], "south", b.Min[1], "east", b.Max[0], "north", b.Max[1])
	if m.log.Enabled(context.Background(), slog.LevelDebug) {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		m.log.Debug("memory", "go_heap_mb", float64(ms.HeapAlloc)/(1<<20), "go_sys_mb", float64(ms.Sys)/(1<<20))
	}
}

func (m *MapView) pick(w, h int, v scene.View, o scene.Options, x, y float64) (data.Ref, bool) {
	m.rmu.Lock()
	defer m.rmu.Unlock()
	return m.r.Pick(w, h, v, o, x, y)
}

// hoverResult applies a finished hover hit-test, unless the pointer has
// moved on or left since.
func (m *MapView) hoverResult(req hoverRequest, ref data.Ref, ok bool) {
	if !m.inside {
		return
	}
	if !ok {
		ref = data.Ref{}
	}
	p := req.view.ToLonLat(req.w, req.h, req.x, req.y)
	m.log.Debug("hover", "kind", ref.Kind, "id", ref.ID, "x", req.x, "y", req.y, "lon", p[0], "lat", p[1])
	if m.OnHover != nil {
		m.OnHover(p, ref, ok, true)
	}
	if ref != m.opts.Hovered {
		m.opts.Hovered = ref
		m.requestRender()
	}
}

// hoverAt starts a hit-test for the pointer at logical position pos.
func (m *MapView) hoverAt(pos fyne.Position) {
	m.pointer, m.inside = pos, true
	if m.devW <= 0 || m.devH <= 0 {
		return
	}
	x, y := m.device(pos)
	req := hoverRequest{w: m.devW, h: m.devH, view: m.view, opts: m.drawOptions(), x: x, y: y}
	if m.sync {
		ref, ok := m.pick(req.w, req.h, req.view, req.opts, x, y)
		m.hoverResult(req, ref, ok)
		return
	}
	m.qmu.Lock()
	m.pendingHover = &req
	m.qmu.Unlock()
	m.poke()
}

// MouseIn implements desktop.Hoverable.
func (m *MapView) MouseIn(e *desktop.MouseEvent) { m.hoverAt(e.Position) }

// MouseMoved implements desktop.Hoverable.
func (m *MapView) MouseMoved(e *desktop.MouseEvent) { m.hoverAt(e.Position) }

// MouseOut implements desktop.Hoverable.
func (m *MapView) MouseOut() {
	m.inside = false
	if m.OnHover != nil {
		m.OnHover(orb.Point{}, data.Ref{}, false, false)
	}
	if !m.opts.Hovered.IsZero() {
		m.opts.Hovered = data.Ref{}
		m.requestRender()
	}
}

// Tapped implements fyne.Tappable: select the topmost record under the
// pointer, or clear the selection when there is none.
func (m *MapView) Tapped(e *fyne.PointEvent) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(m); c != nil {
		c.Focus(m)
	}
	if m.devW <= 0 || m.devH <= 0 {
		return
	}
	x, y := m.device(e.Position)
	ref, ok := m.pick(m.devW, m.devH, m.view, m.drawOptions(), x, y)
	if !ok {
		ref = data.Ref{}
	}
	m.Select(ref)
	if m.OnSelect != nil {
		m.OnSelect(ref)
	}
}

// Select outlines ref (the zero Ref clears the selection) and clears the
// highlight. It does not call OnSelect.
func (m *MapView) Select(ref data.Ref) {
	m.opts.Selected = ref
	m.opts.Highlight = nil
	m.requestRender()
}

// DoubleTapped implements fyne.DoubleTappable: zoom in around the pointer.
func (m *MapView) DoubleTapped(e *fyne.PointEvent) {
	x, y := m.device(e.Position)
	m.zoomAround(x, y, 2)
}

// Scrolled implements fyne.Scrollable: the wheel zooms around the pointer.
func (m *MapView) Scrolled(e *fyne.ScrollEvent) {
	if e.Scrolled.DY == 0 {
		return
	}
	x, y := m.device(e.Position)
	m.zoomAround(x, y, math.Exp2(float64(e.Scrolled.DY)/wheelStep))
}

func (m *MapView) zoomAround(x, y, factor float64) {
	if m.devW <= 0 || m.devH <= 0 {
		return
	}
	m.view = m.view.ZoomAround(m.devW, m.devH, x, y, factor)
	m.atHome = false
	m.requestRender()
	m.notifyView()
}

// Dragged implements fyne.Draggable: the map follows the pointer.
func (m *MapView) Dragged(e *fyne.DragEvent) {
	s := float64(m.scale())
	m.Pan(float64(e.Dragged.DX)*s, float64(e.Dragged.DY)*s)
}

// DragEnd implements fyne.Draggable.
func (m *MapView) DragEnd() { m.notifyView() }

// Pan moves the content by (dx, dy) device pixels.
func (m *MapView) Pan(dx, dy float64) {
	m.view = m.view.Pan(dx, dy)
	m.atHome = false
	m.requestRender()
}

// ZoomBy zooms by factor around the map's centre.
func (m *MapView) ZoomBy(factor float64) {
	m.zoomAround(float64(m.devW)/2, float64(m.devH)/2, factor)
}

// FocusGained implements fyne.Focusable.
func (m *MapView) FocusGained() {}

// FocusLost implements fyne.Focusable.
func (m *MapView) FocusLost() {}

// TypedRune implements fyne.Focusable: + and = zoom in, - zooms out, 0
// resets the view.
func (m *MapView) TypedRune(r rune) {
	switch r {
	case '+', '=':
		m.ZoomBy(keyZoom)
	case '-', '_', '−':
		m.ZoomBy(1 / keyZoom)
	case '0':
		m.ResetView()
	}
}

// TypedKey implements fyne.Focusable: arrows pan, Esc clears the selection.
func (m *MapView) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyLeft:
		m.Pan(keyPanPixels, 0)
	case fyne.KeyRight:
		m.Pan(-keyPanPixels, 0)
	case fyne.KeyUp:
		m.Pan(0, keyPanPixels)
	case fyne.KeyDown:
		m.Pan(0, -keyPanPixels)
	case fyne.KeyEscape:
		if !m.opts.Selected.IsZero() || len(m.opts.Highlight) > 0 {
			m.Select(data.Ref{})
			if m.OnSelect != nil {
				m.OnSelect(data.Ref{})
			}
		}
		return
	default:
		return
	}
	m.notifyView()
}

// mapViewRenderer draws a MapView: the last finished frame, stretched to
// the widget (the frame is rendered at the widget's device-pixel size).
type mapViewRenderer struct{ m *MapView }

func (r *mapViewRenderer) Layout(size fyne.Size)        { r.m.layout(size) }
func (r *mapViewRenderer) MinSize() fyne.Size           { return r.m.MinSize() }
func (r *mapViewRenderer) Refresh()                     { r.m.img.Refresh() }
func (r *mapViewRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.m.img} }
func (r *mapViewRenderer) Destroy()                     {}

var (
	_ fyne.Widget         = (*MapView)(nil)
	_ desktop.Hoverable   = (*MapView)(nil)
	_ fyne.Tappable       = (*MapView)(nil)
	_ fyne.DoubleTappable = (*MapView)(nil)
	_ fyne.Scrollable     = (*MapView)(nil)
	_ fyne.Draggable      = (*MapView)(nil)
	_ fyne.Focusable      = (*MapView)(nil)
)
