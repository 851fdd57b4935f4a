package app

import (
	"bytes"
	"encoding/json"
	"image"
	"image/color"
	"log/slog"
	"math"
	"strings"
	"sync"
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

// fakeRenderer draws a flat colour and answers picks by longitude: west of
// 17°E is zone "west", east of it place "east". It records what it was
// asked, and when gate is set each Render waits for a value on it.
type fakeRenderer struct {
	mu      sync.Mutex
	renders int // frames, drafts included
	drafts  int
	views   []scene.View
	opts    []scene.Options
	gate    chan struct{}
	started chan struct{}
}

var fakeBBox = orb.Bound{Min: orb.Point{9, 19}, Max: orb.Point{26, 34.5}}

func (f *fakeRenderer) Render(w, h int, v scene.View, o scene.Options) *image.RGBA {
	if f.started != nil {
		f.started <- struct{}{}
	}
	if f.gate != nil {
		<-f.gate
	}
	f.mu.Lock()
	f.renders++
	f.views = append(f.views, v)
	f.opts = append(f.opts, o)
	f.mu.Unlock()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = 0x80
	}
	img.Set(0, 0, color.RGBA{255, 0, 0, 255})
	return img
}

// RenderDraft records a draft (drafts counts them) and draws as Render.
func (f *fakeRenderer) RenderDraft(w, h int, v scene.View, o scene.Options) *image.RGBA {
	f.mu.Lock()
	f.drafts++
	f.mu.Unlock()
	return f.Render(w, h, v, o)
}

func (f *fakeRenderer) Recycle(*image.RGBA) {}

func (f *fakeRenderer) Pick(w, h int, v scene.View, o scene.Options, x, y float64) (data.Ref, bool) {
	p := v.ToLonLat(w, h, x, y)
	if !fakeBBox.Contains(p) {
		return data.Ref{}, false
	}
	if p[0] < 17 {
		return data.Ref{Kind: data.KindZone, ID: "west"}, true
	}
	return data.Ref{Kind: data.KindPlace, ID: "east"}, true
}

func (f *fakeRenderer) HomeView(w, h int) scene.View { return scene.FitView(fakeBBox, w, h, 16) }

func (f *fakeRenderer) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.renders
}

// newTestMap puts a synchronous MapView on fake renderer f in an 800×600
// test window and returns it with its log.
func newTestMap(t *testing.T, f *fakeRenderer) (*MapView, fyne.Window, *bytes.Buffer) {
	t.Helper()
	test.NewTempApp(t)
	var logs bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	m := NewMapView(f, scene.Options{Layers: scene.AllLayers()}, log, true)
	w := test.NewWindow(nil)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(800, 600))
	w.SetContent(m)
	t.Cleanup(func() { m.Close(); w.Close() })
	if m.FramesShown() == 0 {
		t.Fatal("no frame after the first layout")
	}
	return m, w, &logs
}

// logLines returns the JSON log lines whose msg is msg.
func logLines(t *testing.T, logs *bytes.Buffer, msg string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
		if line == "" {
			continue
		}
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("log line %q is not JSON: %v", line, err)
		}
		if rec["msg"] == msg {
			out = append(out, rec)
		}
	}
	return out
}

// pixelOf returns the logical position of lon/lat p in the map.
func pixelOf(m *MapView, p orb.Point) fyne.Position {
	w, h := m.DeviceSize()
	x, y := m.View().ToPixel(w, h, p)
	s := m.scale()
	return fyne.NewPos(float32(x)/s, float32(y)/s)
}

func near(a, b orb.Point, tol float64) bool {
	return math.Abs(a[0]-b[0]) < tol && math.Abs(a[1]-b[1]) < tol
}

func TestMapViewFirstFrameLogsReady(t *testing.T) {
	f := &fakeRenderer{}
	m, _, logs := newTestMap(t, f)
	ready := logLines(t, logs, "map ready")
	if len(ready) != 1 {
		t.Fatalf("%d map ready lines, want 1:\n%s", len(ready), logs)
	}
	r := ready[0]
	// The test canvas reports positions relative to an inset interactive area.
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(m)
	if r["map_w"] != 800.0 || r["map_h"] != 600.0 || r["map_x"] != float64(abs.X) || r["map_y"] != float64(abs.Y) {
		t.Errorf("map rectangle = %v,%v %vx%v, want %v,%v 800x600", r["map_x"], r["map_y"], r["map_w"], r["map_h"], abs.X, abs.Y)
	}
	b := m.Bounds()
	if r["west"] != b.Min[0] || r["south"] != b.Min[1] || r["east"] != b.Max[0] || r["north"] != b.Max[1] {
		t.Errorf("logged bounds %v %v %v %v, want %v", r["west"], r["south"], r["east"], r["north"], b)
	}
	if !b.Contains(fakeBBox.Min) || !b.Contains(fakeBBox.Max) {
		t.Errorf("home view %v does not frame the briefing %v", b, fakeBBox)
	}
	if f := m.Frame(); f == nil || f.Bounds().Dx() != 800 || f.Bounds().Dy() != 600 {
		t.Errorf("frame is not 800x600 device pixels")
	}
	if n := len(logLines(t, logs, "map frame")); n == 0 {
		t.Error("no map frame line")
	}
}

func TestMapViewTap(t *testing.T) {
	tests := []struct {
		name string
		at   orb.Point
		want data.Ref
	}{
		{"zone in the west", orb.Point{13.2, 32.8}, data.Ref{Kind: data.KindZone, ID: "west"}},
		{"place in the east", orb.Point{20.1, 32.1}, data.Ref{Kind: data.KindPlace, ID: "east"}},
		{"sea outside clears", orb.Point{5, 37}, data.Ref{}},
	}
	f := &fakeRenderer{}
	m, _, logs := newTestMap(t, f)
	m.Select(data.Ref{Kind: data.KindZone, ID: "previous"})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []data.Ref
			m.OnSelect = func(r data.Ref) { got = append(got, r) }
			before := f.count()
			test.TapAt(m, pixelOf(m, tt.at))
			if m.Selected() != tt.want {
				t.Errorf("Selected = %v, want %v", m.Selected(), tt.want)
			}
			if len(got) != 1 || got[0] != tt.want {
				t.Errorf("OnSelect got %v, want [%v]", got, tt.want)
			}
			if f.count() <= before {
				t.Error("selection did not redraw")
			}
			f.mu.Lock()
			last := f.opts[len(f.opts)-1]
			f.mu.Unlock()
			if last.Selected != tt.want {
				t.Errorf("last frame drew selection %v, want %v", last.Selected, tt.want)
			}
		})
	}
	_ = logs
}

func TestMapViewScrollZoomsAroundPointer(t *testing.T) {
	tests := []struct {
		name  string
		dy    float32
		dzoom float64
	}{
		{"one notch in", 25, 0.5},
		{"two notches in", 50, 1},
		{"one notch out", -25, -0.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, _, _ := newTestMap(t, &fakeRenderer{})
			pos := fyne.NewPos(200, 150)
			dw, dh := m.DeviceSize()
			v0 := m.View()
			anchor := v0.ToLonLat(dw, dh, 200, 150)
			var changed []scene.View
			m.OnViewChange = func(v scene.View) { changed = append(changed, v) }
			m.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: pos}, Scrolled: fyne.Delta{DY: tt.dy}})
			v1 := m.View()
			if math.Abs(v1.Zoom-v0.Zoom-tt.dzoom) > 1e-9 {
				t.Errorf("zoom %v → %v, want a change of %v", v0.Zoom, v1.Zoom, tt.dzoom)
			}
			if got := v1.ToLonLat(dw, dh, 200, 150); !near(got, anchor, 1e-6) {
				t.Errorf("point under the pointer moved from %v to %v", anchor, got)
			}
			if len(changed) != 1 {
				t.Errorf("OnViewChange called %d times, want 1", len(changed))
			}
		})
	}
}

func TestMapViewDragPans(t *testing.T) {
	m, w, _ := newTestMap(t, &fakeRenderer{})
	dw, dh := m.DeviceSize()
	v0 := m.View()
	start := orb.Point{}
	start = v0.ToLonLat(dw, dh, 300, 300)
	var changed int
	m.OnViewChange = func(scene.View) { changed++ }
	test.Drag(w.Canvas(), fyne.NewPos(300, 300), 120, -40)
	v1 := m.View()
	if v1.Zoom != v0.Zoom {
		t.Errorf("drag changed the zoom: %v → %v", v0.Zoom, v1.Zoom)
	}
	if got := v1.ToLonLat(dw, dh, 420, 260); !near(got, start, 1e-6) {
		t.Errorf("the point dragged from (300,300) to (420,260) is %v there, want %v", got, start)
	}
	if changed != 1 {
		t.Errorf("OnViewChange called %d times after a drag, want 1 (on drag end)", changed)
	}
}

func TestMapViewHover(t *testing.T) {
	f := &fakeRenderer{}
	m, w, _ := newTestMap(t, f)
	type hover struct {
		p      orb.Point
		ref    data.Ref
		ok, in bool
	}
	var got []hover
	m.OnHover = func(p orb.Point, ref data.Ref, ok, in bool) { got = append(got, hover{p, ref, ok, in}) }

	at := orb.Point{13.2, 32.8}
	test.MoveMouse(w.Canvas(), pixelOf(m, at))
	if want := (data.Ref{Kind: data.KindZone, ID: "west"}); m.Hovered() != want {
		t.Fatalf("Hovered = %v, want %v", m.Hovered(), want)
	}
	if len(got) != 1 || !got[0].ok || !got[0].in || !near(got[0].p, at, 0.01) {
		t.Fatalf("OnHover got %+v, want one call at %v", got, at)
	}
	f.mu.Lock()
	drawn := f.opts[len(f.opts)-1].Hovered
	f.mu.Unlock()
	if drawn != m.Hovered() {
		t.Errorf("last frame drew hover %v, want %v", drawn, m.Hovered())
	}

	test.MoveMouse(w.Canvas(), pixelOf(m, orb.Point{20.1, 32.1}))
	if want := (data.Ref{Kind: data.KindPlace, ID: "east"}); m.Hovered() != want {
		t.Errorf("Hovered = %v, want %v", m.Hovered(), want)
	}
	renders := f.count()
	test.MoveMouse(w.Canvas(), pixelOf(m, orb.Point{20.2, 32.0}))
	if f.count() != renders {
		t.Error("moving within the same record redrew the map")
	}
	m.MouseOut()
	if !m.Hovered().IsZero() {
		t.Errorf("Hovered = %v after the pointer left, want none", m.Hovered())
	}
	if last := got[len(got)-1]; last.in {
		t.Error("OnHover not told that the pointer left")
	}
}

func TestMapViewKeys(t *testing.T) {
	m, _, _ := newTestMap(t, &fakeRenderer{})
	home := m.View()
	dw, dh := m.DeviceSize()

	m.TypedRune('+')
	if got := m.View().Zoom; math.Abs(got-home.Zoom-1) > 1e-9 {
		t.Errorf("+ zoomed to %v, want %v", got, home.Zoom+1)
	}
	m.TypedRune('-')
	if got := m.View().Zoom; math.Abs(got-home.Zoom) > 1e-9 {
		t.Errorf("- zoomed to %v, want %v", got, home.Zoom)
	}
	c := m.View().ToLonLat(dw, dh, float64(dw)/2, float64(dh)/2)
	m.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if got := m.View().ToLonLat(dw, dh, float64(dw)/2-keyPanPixels, float64(dh)/2); !near(got, c, 1e-6) {
		t.Errorf("right arrow: old centre is at %v, want %v", got, c)
	}
	m.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	m.TypedRune('0')
	if m.View() != home {
		t.Errorf("0 reset the view to %v, want %v", m.View(), home)
	}

	var cleared int
	m.OnSelect = func(r data.Ref) {
		if r.IsZero() {
			cleared++
		}
	}
	m.Select(data.Ref{Kind: data.KindZone, ID: "west"})
	m.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if !m.Selected().IsZero() || cleared != 1 {
		t.Errorf("Esc: Selected = %v, OnSelect(zero) called %d times", m.Selected(), cleared)
	}
}

func TestMapViewDoubleTapZoomsIn(t *testing.T) {
	m, _, _ := newTestMap(t, &fakeRenderer{})
	z := m.View().Zoom
	test.DoubleTap(m)
	if got := m.View().Zoom; math.Abs(got-z-1) > 1e-9 {
		t.Errorf("double tap zoomed to %v, want %v", got, z+1)
	}
}

func TestMapViewZoomIsClamped(t *testing.T) {
	m, w, _ := newTestMap(t, &fakeRenderer{})
	for range 40 {
		test.Scroll(w.Canvas(), fyne.NewPos(100, 100), 0, 40)
	}
	if got := m.View().Zoom; got != scene.MaxZoom {
		t.Errorf("zoom after many wheel steps in = %v, want %v", got, float64(scene.MaxZoom))
	}
	for range 40 {
		test.Scroll(w.Canvas(), fyne.NewPos(100, 100), 0, -40)
	}
	if got := m.View().Zoom; got != scene.MinZoom {
		t.Errorf("zoom after many wheel steps out = %v, want %v", got, float64(scene.MinZoom))
	}
}

// TestMapViewRendersOffThreadAndCoalesces drives the asynchronous worker:
// while one frame renders, a burst of pans must produce one more frame (of
// the latest view), not one per pan.
func TestMapViewRendersOffThreadAndCoalesces(t *testing.T) {
	test.NewTempApp(t)
	f := &fakeRenderer{gate: make(chan struct{}), started: make(chan struct{}, 64)}
	m := NewMapView(f, scene.Options{Layers: scene.AllLayers()}, nil, false)
	runUI := uiQueue(t, m)
	t.Cleanup(m.Close)
	w := test.NewWindow(nil)
	w.SetPadded(false)
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(640, 480))
	w.SetContent(m)

	wait := func(what string, ch <-chan struct{}) {
		t.Helper()
		select {
		case <-ch:
		case <-time.After(10 * time.Second):
			t.Fatalf("timed out waiting for %s", what)
		}
	}
	wait("the first render to start", f.started)
	if m.FramesShown() != 0 {
		t.Fatal("a frame was shown before its render finished")
	}
	var want scene.View
	for i := 0; i < 10; i++ {
		m.Pan(10, 0)
		want = m.View()
	}
	f.gate <- struct{}{} // finish the first frame
	runUI()
	if m.FramesShown() != 1 {
		t.Fatalf("frames shown = %d, want 1", m.FramesShown())
	}
	wait("the second render to start", f.started)
	f.gate <- struct{}{}
	runUI()
	if m.FramesShown() != 2 {
		t.Fatalf("frames shown = %d, want 2", m.FramesShown())
	}
	select {
	case <-f.started:
		t.Fatal("a third render started: the burst of pans was not coalesced")
	case <-time.After(200 * time.Millisecond):
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.renders != 2 || f.views[1] != want {
		t.Errorf("renders = %d, second view %v; want 2 renders, the second of %v", f.renders, f.views[len(f.views)-1], want)
	}
}

// TestMapViewHighDensity puts the map on a canvas of scale 2: frames are
// rendered at device pixels and at pixel ratio 2, and a tap at a logical
// position picks the record under the matching device pixel.
func TestMapViewHighDensity(t *testing.T) {
	test.NewTempApp(t)
	f := &fakeRenderer{}
	m := NewMapView(f, scene.Options{Layers: scene.AllLayers()}, nil, true)
	w := test.NewWindow(nil)
	w.SetPadded(false)
	w.Canvas().(interface{ SetScale(float32) }).SetScale(2)
	w.Resize(fyne.NewSize(400, 300))
	w.SetContent(m)
	t.Cleanup(func() { m.Close(); w.Close() })

	if dw, dh := m.DeviceSize(); dw != 800 || dh != 600 {
		t.Fatalf("device size %dx%d, want 800x600", dw, dh)
	}
	if fr := m.Frame(); fr == nil || fr.Bounds().Dx() != 800 {
		t.Fatal("the frame is not rendered at device pixels")
	}
	f.mu.Lock()
	ratio := f.opts[len(f.opts)-1].PixelRatio
	f.mu.Unlock()
	if ratio != 2 {
		t.Errorf("rendered at pixel ratio %v, want 2", ratio)
	}
	// pixelOf returns logical positions (device / scale).
	test.TapAt(m, pixelOf(m, orb.Point{20.1, 32.1}))
	if want := (data.Ref{Kind: data.KindPlace, ID: "east"}); m.Selected() != want {
		t.Errorf("tap selected %v, want %v", m.Selected(), want)
	}
	test.TapAt(m, pixelOf(m, orb.Point{13.2, 32.8}))
	if want := (data.Ref{Kind: data.KindZone, ID: "west"}); m.Selected() != want {
		t.Errorf("tap selected %v, want %v", m.Selected(), want)
	}
	if m.Options().PixelRatio != 0 {
		t.Error("the pixel ratio leaked into the map's own options")
	}
}

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

// uiQueue makes m post to a queue the test runs (the frames of its render
// worker, the rest timer's refine) and returns a function that runs the
// next posted call, failing after 10 s.
func uiQueue(t *testing.T, m *MapView) func() {
	ui := make(chan func(), 64)
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

// newRestingTestMap returns a map on a fake renderer (newTestMap) whose
// input rests after 5 ms, the rest timer posting its refine to a queue the
// test runs: the fake, the map and the function that runs the next posted
// call (uiQueue).
func newRestingTestMap(t *testing.T) (*fakeRenderer, *MapView, func()) {
	f := &fakeRenderer{}
	m, _, _ := newTestMap(t, f)
	runUI := uiQueue(t, m)
	m.restDelay = 5 * time.Millisecond
	return f, m, runUI
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
			f, m, runUI := newRestingTestMap(t)
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
			f, m, runUI := newRestingTestMap(t)
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
