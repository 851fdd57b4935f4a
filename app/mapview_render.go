package app

import (
	"context"
	"image"
	"log/slog"
	"math"
	"runtime"
	"time"

	"fyne.io/fyne/v2"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/scene"
)

// requestRender asks for a full frame of the current state.
func (m *MapView) requestRender() { m.request(false) }

// requestDraft asks for a draft of the current state (a drag or a wheel
// step: the last frame shifted or scaled) and for a full frame once the
// pointer rests.
func (m *MapView) requestDraft() {
	m.drafted = true
	m.restartRest()
	m.request(true)
}

// request asks for a frame of the current state, a draft or full.
func (m *MapView) request(draft bool) {
	if m.devW <= 0 || m.devH <= 0 || m.holdReady && m.sync {
		return // no size yet, or a transient layout before the window shows
	}
	if !draft {
		m.drafted = false
	}
	o := m.drawOptions()
	o.Highlight = append([]data.Ref(nil), o.Highlight...)
	// Before the window shows (holdReady), the worker draws the frame of
	// the size laid out last while the window opens: it is not shown, but
	// when the window shows at that size, the first frame is a copy. The
	// layouts of the window's construction come in a burst: only one that
	// stays aheadDelay is drawn.
	req := renderRequest{w: m.devW, h: m.devH, view: m.view, opts: o, draft: draft && !m.holdReady, ahead: m.holdReady}
	if m.sync {
		start := time.Now()
		frame := m.render(req)
		m.show(req, frame, time.Since(start))
		return
	}
	m.qmu.Lock()
	m.pending = &req
	m.qmu.Unlock()
	if req.ahead {
		if m.aheadTimer == nil {
			m.aheadTimer = time.AfterFunc(aheadDelay, m.poke)
		} else {
			m.aheadTimer.Reset(aheadDelay)
		}
		return
	}
	m.poke()
}

// aheadDelay is how long a layout must stay before the window shows for
// its frame to be drawn ahead.
const aheadDelay = 30 * time.Millisecond

// restartRest (re)arms the rest timer: after restDelay without another
// draft, refine posts a full frame to the UI thread.
func (m *MapView) restartRest() {
	if m.restDelay <= 0 {
		return
	}
	if m.rest != nil {
		m.rest.Reset(m.restDelay)
		return
	}
	m.rest = time.AfterFunc(m.restDelay, func() {
		select {
		case <-m.done:
		default:
			m.post(m.refine)
		}
	})
}

// refine draws the full frame of the current state if the last one asked
// for was a draft (the pointer has rested, or the drag ended).
func (m *MapView) refine() {
	if m.rest != nil {
		m.rest.Stop()
	}
	if m.drafted {
		m.requestRender()
	}
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
	if req.draft {
		return m.r.RenderDraft(req.w, req.h, req.view, req.opts)
	}
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
	if req.ahead {
		m.log.Debug("map frame ahead", "w", req.w, "h", req.h, "render_ms", float64(d.Microseconds())/1000)
		m.r.Recycle(frame)
		return
	}
	old, _ := m.img.Image.(*image.RGBA)
	m.img.Image = frame
	m.img.Refresh()
	if old != nil && old != frame && old.Rect == frame.Rect {
		// The canvas draws the new frame from now on (frames are shown
		// and painted on the UI thread): the old one's memory takes a
		// later frame. The renderer may be another since (SetRenderer):
		// any renderer takes it.
		m.r.Recycle(old)
	}
	m.shown++
	m.lastReq = req
	if m.shown == 1 && m.clock != nil {
		m.log.Debug("first frame", "elapsed_ms", m.clock(), "w", req.w, "h", req.h)
	}
	m.log.Debug("map frame", "w", req.w, "h", req.h, "zoom", req.view.Zoom, "draft", req.draft,
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
	var elapsed []any
	if m.clock != nil {
		elapsed = []any{"elapsed_ms", m.clock()}
	}
	m.log.Info("map ready", append(elapsed,
		"map_x", int(math.Round(float64(pos.X*s))), "map_y", int(math.Round(float64(pos.Y*s))),
		"map_w", req.w, "map_h", req.h,
		"west", b.Min[0], "south", b.Min[1], "east", b.Max[0], "north", b.Max[1])...)
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
