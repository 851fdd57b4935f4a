package app

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/data"
)

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
	m.selAt, m.selAtOK = m.view.ToLonLat(m.devW, m.devH, x, y), ok
	if m.OnSelect != nil {
		m.OnSelect(ref)
	}
}

// Select outlines ref (the zero Ref clears the selection) and clears the
// highlight. It does not call OnSelect.
func (m *MapView) Select(ref data.Ref) {
	m.opts.Selected = ref
	m.opts.Highlight, m.opts.Change = nil, 0
	m.selAtOK = false
	m.requestRender()
}

// SelectedAt returns the point that was clicked to select what is
// selected; ok is false when the selection was not made by a click.
func (m *MapView) SelectedAt() (p orb.Point, ok bool) { return m.selAt, m.selAtOK }

// DoubleTapped implements fyne.DoubleTappable: zoom in around the pointer.
func (m *MapView) DoubleTapped(e *fyne.PointEvent) {
	x, y := m.device(e.Position)
	m.zoomAround(x, y, 2)
}

// Scrolled implements fyne.Scrollable: the wheel zooms around the pointer.
// The last frame is shown scaled at once (a draft); the full frame follows
// when the wheel rests.
func (m *MapView) Scrolled(e *fyne.ScrollEvent) {
	if e.Scrolled.DY == 0 {
		return
	}
	x, y := m.device(e.Position)
	m.zoom(x, y, math.Exp2(float64(e.Scrolled.DY)/wheelStep), true)
}

func (m *MapView) zoomAround(x, y, factor float64) { m.zoom(x, y, factor, false) }

// zoom zooms by factor around device pixel (x, y), drawing a draft first
// when draft is set.
func (m *MapView) zoom(x, y, factor float64, draft bool) {
	if m.devW <= 0 || m.devH <= 0 {
		return
	}
	m.view = m.view.ZoomAround(m.devW, m.devH, x, y, factor)
	m.atHome = false
	if draft {
		m.requestDraft()
	} else {
		m.requestRender()
	}
	m.notifyView()
}

// Dragged implements fyne.Draggable: the map follows the pointer by whole
// device pixels (the rest is carried to the next motion), so each frame of
// the drag is a draft — the last frame shifted, only the strips that came
// into view drawn — and the full frame follows when the pointer rests or
// the drag ends.
func (m *MapView) Dragged(e *fyne.DragEvent) {
	s := float64(m.scale())
	dx := float64(e.Dragged.DX)*s + m.panRest[0]
	dy := float64(e.Dragged.DY)*s + m.panRest[1]
	ix, iy := math.Round(dx), math.Round(dy)
	m.panRest = [2]float64{dx - ix, dy - iy}
	if ix == 0 && iy == 0 {
		return
	}
	m.pan(ix, iy, true)
}

// DragEnd implements fyne.Draggable: the frame is drawn in full.
func (m *MapView) DragEnd() {
	m.panRest = [2]float64{}
	m.refine()
	m.notifyView()
}

// Pan moves the content by (dx, dy) device pixels and draws the full frame.
func (m *MapView) Pan(dx, dy float64) { m.pan(dx, dy, false) }

// pan moves the content by (dx, dy) device pixels, drawing a draft first
// (refined when the map rests) when draft is set.
func (m *MapView) pan(dx, dy float64, draft bool) {
	m.view = m.view.Pan(dx, dy)
	m.atHome = false
	if draft {
		m.requestDraft()
	} else {
		m.requestRender()
	}
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
	default:
		if m.OnTypedRune != nil {
			m.OnTypedRune(r)
		}
	}
}

// TypedKey implements fyne.Focusable: arrows pan (a draft at once, the
// full frame when the keys rest), Esc clears the selection.
func (m *MapView) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyLeft:
		m.pan(keyPanPixels, 0, true)
	case fyne.KeyRight:
		m.pan(-keyPanPixels, 0, true)
	case fyne.KeyUp:
		m.pan(0, keyPanPixels, true)
	case fyne.KeyDown:
		m.pan(0, -keyPanPixels, true)
	case fyne.KeyEscape:
		if !m.opts.Selected.IsZero() || len(m.opts.Highlight) > 0 {
			m.Select(data.Ref{})
			if m.OnSelect != nil {
				m.OnSelect(data.Ref{})
			}
		}
		return
	default:
		if m.OnTypedKey != nil {
			m.OnTypedKey(e)
		}
		return
	}
	m.notifyView()
}
