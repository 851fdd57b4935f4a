package app

import (
	"testing"

	"fyne.io/fyne/v2"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/internal/cputime"
)

// newBenchMap returns a synchronous MapView of the Libya briefing, 1280×800
// device pixels, with a first frame drawn.
func newBenchMap(b *testing.B) (*MapView, *data.Briefing) {
	b.Helper()
	return newLibyaMap(b, 1280, 800)
}

// newBenchMapScaled returns the map of w×h logical pixels on a canvas of
// scale 2 (2w×2h device pixels, pixel ratio 2), its first frame drawn.
func newBenchMapScaled(b *testing.B, w, h float32) *MapView {
	b.Helper()
	m, _ := newLibyaMap(b, w, h)
	c := fyne.CurrentApp().Driver().CanvasForObject(m)
	c.(interface{ SetScale(float32) }).SetScale(2)
	m.layout(m.Size())
	if dw, dh := m.DeviceSize(); dw != int(2*w) || dh != int(2*h) {
		b.Fatalf("map is %dx%d device pixels, want %vx%v", dw, dh, 2*w, 2*h)
	}
	return m
}

// BenchmarkMapViewRedrawAfterPan is one full frame after a 5-pixel pan
// (the arrow keys' path, and the refine after a drag: the basemap is
// rasterised again for the new view).
func BenchmarkMapViewRedrawAfterPan(b *testing.B) {
	m, _ := newBenchMap(b)
	runBench(b, func(i int) { m.Pan(float64(seesaw(i, 5)), 0) })
}

// runBench runs step(i) for each iteration i of b.Loop, reporting the
// allocations and the CPU time of the loop (b's set-up done before it is
// not timed).
func runBench(b *testing.B, step func(i int)) {
	b.ReportAllocs()
	b.ResetTimer()
	defer cputime.Report(b, cputime.Used())
	for i := 0; b.Loop(); i++ {
		step(i)
	}
}

// seesaw returns d on even steps i and −d on odd ones: a move there and
// back, so that a benchmark stays where it started.
func seesaw(i int, d float32) float32 {
	if i%2 == 1 {
		return -d
	}
	return d
}

// benchAt runs step(m, i) for each iteration i of b (see runBench) on the
// Libya map of 1280×800 logical pixels at canvas scale 1 or 2.
func benchAt(b *testing.B, scale int, step func(m *MapView, i int)) {
	b.Helper()
	var m *MapView
	switch scale {
	case 1:
		m, _ = newBenchMap(b)
	case 2:
		m = newBenchMapScaled(b, 1280, 800)
	default:
		b.Fatalf("no bench map at scale %d", scale)
	}
	runBench(b, func(i int) { step(m, i) })
}

// dragFrame is one frame of a drag: a 5-logical-pixel motion, right then
// left, drawn as a draft (the last frame shifted, the exposed strip
// rasterised, the old frame handed back).
func dragFrame(m *MapView, i int) {
	m.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: seesaw(i, 5), DY: 1}})
}

// wheelFrame is the frame drawn at once on a wheel step (half a level in,
// then out): the last frame scaled about the pointer.
func wheelFrame(m *MapView, i int) {
	m.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(400, 300)}, Scrolled: fyne.Delta{DY: seesaw(i, 25)}})
}

// dragEnd is the full frame drawn when a drag ends: a drag motion then its
// end, minus the motion (measured by the drag frame benchmark).
func dragEnd(m *MapView, i int) {
	dragFrame(m, i)
	m.DragEnd()
}

// BenchmarkMapViewDragFrame1280 is one drag frame at 1280×800. Goal: ≤ 6 ms.
func BenchmarkMapViewDragFrame1280(b *testing.B) { benchAt(b, 1, dragFrame) }

// BenchmarkMapViewDragFrame2560 is one drag frame at 2560×1600 device
// pixels (canvas scale 2). Goal: ≤ 16 ms.
func BenchmarkMapViewDragFrame2560(b *testing.B) { benchAt(b, 2, dragFrame) }

// BenchmarkMapViewWheelFrame1280 is one wheel frame at 1280×800.
func BenchmarkMapViewWheelFrame1280(b *testing.B) { benchAt(b, 1, wheelFrame) }

// BenchmarkMapViewWheelFrame2560 is one wheel frame at 2560×1600 (scale 2).
func BenchmarkMapViewWheelFrame2560(b *testing.B) { benchAt(b, 2, wheelFrame) }

// BenchmarkMapViewDragEnd1280 is a drag frame and the full frame that
// follows at the drag's end, 1280×800.
func BenchmarkMapViewDragEnd1280(b *testing.B) { benchAt(b, 1, dragEnd) }

// BenchmarkMapViewDragEnd2560 is the same at 2560×1600 (scale 2).
func BenchmarkMapViewDragEnd2560(b *testing.B) { benchAt(b, 2, dragEnd) }

// BenchmarkMapViewRedrawAfterHover is one frame after the hovered record
// changes (same view: the cached basemap is reused). Goal: ≤ 5 ms.
func BenchmarkMapViewRedrawAfterHover(b *testing.B) {
	m, br := newBenchMap(b)
	refs := []data.Ref{{Kind: data.KindZone, ID: br.Zones[0].ID}, {Kind: data.KindPlace, ID: br.Places[0].ID}}
	runBench(b, func(i int) {
		m.opts.Hovered = refs[i%2]
		m.requestRender()
	})
}

// BenchmarkMapViewRedrawAfterSelect is one frame after a new selection.
func BenchmarkMapViewRedrawAfterSelect(b *testing.B) {
	m, br := newBenchMap(b)
	refs := []data.Ref{{Kind: data.KindZone, ID: br.Zones[0].ID}, {Kind: data.KindZone, ID: br.Zones[1].ID}}
	runBench(b, func(i int) { m.Select(refs[i%2]) })
}
