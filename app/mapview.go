package app

import (
	"image"
	"log/slog"
	"math"
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

// mapRenderer is what MapView needs of a *scene.Renderer: drawing (full
// frames, and drafts while the user drags or turns the wheel), handing
// frames back, and hit-testing. It is an interface so tests can count
// calls. A renderer that also has SetInteractive(bool) is switched to the
// window's mode (scene.Renderer.SetInteractive).
type mapRenderer interface {
	Render(w, h int, v scene.View, o scene.Options) *image.RGBA
	RenderDraft(w, h int, v scene.View, o scene.Options) *image.RGBA
	Recycle(img *image.RGBA)
	Pick(w, h int, v scene.View, o scene.Options, x, y float64) (data.Ref, bool)
	HomeView(w, h int) scene.View
}

// interactive switches r to the window's mode when it has one.
func interactive(r mapRenderer) {
	if ir, ok := r.(interface{ SetInteractive(bool) }); ok {
		ir.SetInteractive(true)
	}
}

// Zoom steps of the map's interactions.
const (
	wheelStep    = 50.0 // scroll units per zoom level: a wheel notch (25 on Linux and Windows) is half a level
	keyZoom      = 2.0  // +/− zoom factor
	keyPanPixels = 100  // arrow-key pan, in device pixels
	// restDelay is how long the pointer must rest (no drag motion, no
	// wheel) before a draft is refined with a full frame.
	restDelay = 120 * time.Millisecond
)

// renderRequest is one frame to draw: a snapshot of the map's state, and
// whether a draft will do (a drag or wheel step in progress).
type renderRequest struct {
	w, h  int
	view  scene.View
	opts  scene.Options
	draft bool
	// ahead: drawn before the window shows (holdReady), unseen, so that
	// the renderer keeps it and the first frame shown only copies it.
	ahead bool
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
	// OnTypedRune and OnTypedKey receive the runes and keys the map does
	// not use itself (the window's timeline keys).
	OnTypedRune func(rune)
	OnTypedKey  func(*fyne.KeyEvent)

	log *slog.Logger
	// clock, when set, gives the milliseconds since the process started:
	// "first frame" and "map ready" carry it as elapsed_ms.
	clock func() float64

	// UI-thread state.
	view    scene.View
	viewSet bool // false until the view is set or the home view computed
	atHome  bool // the view is the home view: it re-fits when the map resizes
	opts    scene.Options
	devW    int
	devH    int
	img     *canvas.Image
	pointer fyne.Position // last pointer position (logical)
	selAt   orb.Point     // the point clicked to select what is selected
	selAtOK bool
	inside  bool
	shown   int           // frames shown
	lastReq renderRequest // the request of the frame shown last
	// drafted: a draft was asked for since the last full frame; rest
	// refines it after restDelay without motion (0: only DragEnd does).
	drafted   bool
	rest      *time.Timer
	restDelay time.Duration
	panRest   [2]float64 // the fraction of a device pixel a drag has not moved yet
	// holdReady delays rendering and the "map ready" line until AllowReady
	// (the window is shown at its real size): a transient layout before
	// that is not drawn.
	holdReady  bool
	aheadTimer *time.Timer // pokes the worker for a frame drawn ahead
	ready      bool        // "map ready" logged

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
	if !synchronous {
		m.restDelay = restDelay
	}
	interactive(r)
	m.img = canvas.NewImageFromImage(image.NewRGBA(image.Rect(0, 0, 1, 1)))
	m.img.FillMode = canvas.ImageFillStretch
	m.img.ScaleMode = canvas.ImageScaleFastest
	m.ExtendBaseWidget(m)
	if !synchronous {
		go m.work()
	}
	return m
}

// Close stops the render worker and the rest timer. The map shows its last
// frame.
func (m *MapView) Close() {
	m.closeOnce.Do(func() {
		close(m.done)
		if m.rest != nil {
			m.rest.Stop()
		}
		if m.aheadTimer != nil {
			m.aheadTimer.Stop()
		}
	})
}

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
	interactive(r)
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
