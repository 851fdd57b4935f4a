package app

import (
	"bytes"
	"image"
	"math"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/data/libya"
	"github.com/briefmap/briefmap/geo/basemap"
	"github.com/briefmap/briefmap/scene"
)

// newLibyaMap returns a synchronous MapView of the Libya briefing on the
// real renderer, w×h logical pixels at canvas scale 1, its first frame
// drawn, and the briefing.
func newLibyaMap(tb testing.TB, w, h float32) (*MapView, *data.Briefing) {
	tb.Helper()
	test.NewTempApp(tb)
	br, err := libya.Load()
	if err != nil {
		tb.Fatal(err)
	}
	base, err := basemap.Load()
	if err != nil {
		tb.Fatal(err)
	}
	o := scene.Options{Date: br.DefaultDate, Layers: scene.AllLayers(), ScaleBar: true}
	m := NewMapView(scene.NewRenderer(br, base), o, nil, true)
	win := test.NewWindow(nil)
	win.SetPadded(false)
	win.Resize(fyne.NewSize(w, h))
	win.SetContent(m)
	tb.Cleanup(func() { m.Close(); win.Close() })
	if dw, dh := m.DeviceSize(); dw != int(w) || dh != int(h) {
		tb.Fatalf("map is %dx%d, want %vx%v", dw, dh, w, h)
	}
	return m, br
}

// uiQueue makes m post to a queue the test runs (the rest timer's refine)
// and returns a function that runs the next posted call, failing after 10 s.
func uiQueue(t *testing.T, m *MapView) func() {
	ui := make(chan func(), 16)
	m.post = func(fn func()) { ui <- fn }
	return func() {
		t.Helper()
		select {
		case fn := <-ui:
			fn()
		case <-time.After(10 * time.Second):
			t.Fatal("nothing was posted to the UI thread in 10 s")
		}
	}
}

// lastRender returns the fake's render count, draft count and last view.
func (f *fakeRenderer) lastRender() (renders, drafts int, v scene.View) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.renders, f.drafts, f.views[len(f.views)-1]
}

// TestMapViewDragDraftsThenRefines: every motion of a drag draws a draft;
// the full frame of the final view follows on drag end, or when the
// pointer has rested (the rest timer posts it to the UI thread).
func TestMapViewDragDraftsThenRefines(t *testing.T) {
	for _, tc := range []struct {
		name   string
		finish func(m *MapView, runUI func())
	}{
		{"drag end", func(m *MapView, _ func()) { m.DragEnd() }},
		{"rest", func(_ *MapView, runUI func()) { runUI() }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := &fakeRenderer{}
			m, _, _ := newTestMap(t, f)
			runUI := uiQueue(t, m)
			m.restDelay = 5 * time.Millisecond
			r0, d0, _ := f.lastRender()
			for range 3 {
				m.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: 10, DY: 3}})
			}
			r1, d1, v1 := f.lastRender()
			if r1-r0 != 3 || d1-d0 != 3 || v1 != m.View() {
				t.Fatalf("after 3 motions: %d frames, %d drafts, last of %v; want 3 drafts of the view %v", r1-r0, d1-d0, v1, m.View())
			}
			tc.finish(m, runUI)
			r2, d2, v2 := f.lastRender()
			if r2-r1 != 1 || d2 != d1 || v2 != m.View() {
				t.Errorf("after the %s: %d more frames, %d more drafts, of %v; want one full frame of %v", tc.name, r2-r1, d2-d1, v2, m.View())
			}
		})
	}
}

// TestMapViewWheelAndKeysDraftThenRefine: a wheel step or an arrow key
// draws a draft at once and the full frame when the input rests.
func TestMapViewWheelAndKeysDraftThenRefine(t *testing.T) {
	for _, tc := range []struct {
		name  string
		input func(m *MapView)
	}{
		{"wheel", func(m *MapView) {
			m.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(200, 150)}, Scrolled: fyne.Delta{DY: 25}})
		}},
		{"arrow key", func(m *MapView) { m.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft}) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := &fakeRenderer{}
			m, _, _ := newTestMap(t, f)
			runUI := uiQueue(t, m)
			m.restDelay = 5 * time.Millisecond
			r0, d0, v0 := f.lastRender()
			tc.input(m)
			if r1, d1, v1 := f.lastRender(); r1-r0 != 1 || d1-d0 != 1 || v1 != m.View() || v1 == v0 {
				t.Fatalf("after the %s: %d frames, %d drafts of %v; want one draft of the new view %v", tc.name, r1-r0, d1-d0, v1, m.View())
			}
			runUI()
			if r2, d2, v2 := f.lastRender(); r2-r0 != 2 || d2-d0 != 1 || v2 != m.View() {
				t.Errorf("after the rest: %d frames, %d drafts of %v; want a full frame of %v after the draft", r2-r0, d2-d0, v2, m.View())
			}
		})
	}
}

// TestMapViewDragMovesWholePixels: a drag by fractions of a device pixel
// (a fractional canvas scale) moves the view by whole pixels, so drafts
// can shift the frame, and loses nothing over the drag.
func TestMapViewDragMovesWholePixels(t *testing.T) {
	m, _, _ := newTestMap(t, &fakeRenderer{})
	dw, dh := m.DeviceSize()
	v0 := m.View()
	start := v0.ToLonLat(dw, dh, 300, 300)
	for range 5 {
		before := m.View()
		m.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: 0.4, DY: -0.6}})
		x, y := m.View().ToPixel(dw, dh, before.Centre)
		for _, d := range []float64{x - float64(dw)/2, y - float64(dh)/2} {
			if math.Abs(d-math.Round(d)) > 1e-6 {
				t.Fatalf("a motion moved the view by %v pixels, not a whole number", d)
			}
		}
	}
	m.DragEnd()
	if got := m.View().ToLonLat(dw, dh, 302, 297); !near(got, start, 1e-6) {
		t.Errorf("after dragging (2, −3) pixels in fifths, the point from (300, 300) is at %v, want %v", got, start)
	}
}

// shareDiffering returns the share of the pixels of a and b (same size)
// that differ by more than tol in some channel.
func shareDiffering(a, b *image.RGBA, tol int) float64 {
	diff := 0
	for i := 0; i < len(a.Pix); i += 4 {
		for k := range 4 {
			if d := int(a.Pix[i+k]) - int(b.Pix[i+k]); d > tol || d < -tol {
				diff++
				break
			}
		}
	}
	return float64(diff) / float64(len(a.Pix)/4)
}

// TestMapViewDraftOnLibya: on the real renderer, the draft shown during a
// drag is close to the full frame shown at drag end (labels aside: they
// are placed anew), a click during the drag picks the zone under it in the
// new view, and the refined frame differs from the draft (it is drawn).
func TestMapViewDraftOnLibya(t *testing.T) {
	m, br := newLibyaMap(t, 1280, 800)
	for range 4 {
		m.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: 35, DY: -12}})
	}
	p := orb.Point{14, 30.5} // in the west, away from symbols
	zs := br.ZonesAt(p, br.DefaultDate)
	if len(zs) == 0 {
		t.Fatal("no zone at the test point")
	}
	test.TapAt(m, pixelOf(m, p))
	if want := (data.Ref{Kind: data.KindZone, ID: zs[0].ID}); m.Selected() != want {
		t.Errorf("a click during the drag selected %v, want %v", m.Selected(), want)
	}
	m.Select(data.Ref{})
	for range 4 {
		m.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: 35, DY: -12}})
	}
	draft := bytes.Clone(m.Frame().Pix)
	m.DragEnd()
	full := m.Frame()
	d := shareDiffering(&image.RGBA{Pix: draft, Stride: full.Stride, Rect: full.Rect}, full, 24)
	if d > 0.04 || d == 0 {
		t.Errorf("the draft differs from the refined frame on %.2f%% of its pixels; want some (labels), at most 4%%", 100*d)
	}
}
