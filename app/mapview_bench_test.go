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
	b.ReportAllocs()
	b.ResetTimer()
	defer cputime.Report(b, cputime.Used())
	for i := 0; b.Loop(); i++ {
		if i%2 == 0 {
			m.Pan(5, 0)
		} else {
			m.Pan(-5, 0)
		}
	}
}

// benchmarkDragFrame is one frame of a drag: a 5-logical-pixel motion,
// right then left, drawn as a draft (the last frame shifted, the exposed
// strip rasterised, the old frame handed back).
func benchmarkDragFrame(b *testing.B, m *MapView) {
	b.ReportAllocs()
	b.ResetTimer()
	defer cputime.Report(b, cputime.Used())
	for i := 0; b.Loop(); i++ {
		dx := float32(5)
		if i%2 == 1 {
			dx = -5
		}
		m.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: dx, DY: 1}})
	}
}

// BenchmarkMapViewDragFrame1280 is one drag frame at 1280×800. Goal: ≤ 6 ms.
func BenchmarkMapViewDragFrame1280(b *testing.B) {
	m, _ := newBenchMap(b)
	benchmarkDragFrame(b, m)
}

// BenchmarkMapViewDragFrame2560 is one drag frame at 2560×1600 device
// pixels (canvas scale 2). Goal: ≤ 16 ms.
func BenchmarkMapViewDragFrame2560(b *testing.B) {
	benchmarkDragFrame(b, newBenchMapScaled(b, 1280, 800))
}

// benchmarkWheelFrame is the frame drawn at once on a wheel step (half a
// level in, then out): the last frame scaled about the pointer.
func benchmarkWheelFrame(b *testing.B, m *MapView) {
	pos := fyne.NewPos(400, 300)
	b.ReportAllocs()
	b.ResetTimer()
	defer cputime.Report(b, cputime.Used())
	for i := 0; b.Loop(); i++ {
		dy := float32(25)
		if i%2 == 1 {
			dy = -25
		}
		m.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: pos}, Scrolled: fyne.Delta{DY: dy}})
	}
}

func BenchmarkMapViewWheelFrame1280(b *testing.B) {
	m, _ := newBenchMap(b)
	benchmarkWheelFrame(b, m)
}

func BenchmarkMapViewWheelFrame2560(b *testing.B) {
	benchmarkWheelFrame(b, newBenchMapScaled(b, 1280, 800))
}

// benchmarkRefine is the full frame drawn when a drag ends: a drag motion
// then its end, minus the motion (measured by the drag frame benchmark).
func benchmarkRefine(b *testing.B, m *MapView) {
	b.ReportAllocs()
	b.ResetTimer()
	defer cputime.Report(b, cputime.Used())
	for i := 0; b.Loop(); i++ {
		dx := float32(5)
		if i%2 == 1 {
			dx = -5
		}
		m.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: dx, DY: 1}})
		m.DragEnd()
	}
}

// BenchmarkMapViewDragEnd1280 is a drag frame and the full frame that
// follows at the drag's end, 1280×800.
func BenchmarkMapViewDragEnd1280(b *testing.B) {
	m, _ := newBenchMap(b)
	benchmarkRefine(b, m)
}

// BenchmarkMapViewDragEnd2560 is the same at 2560×1600 (scale 2).
func BenchmarkMapViewDragEnd2560(b *testing.B) {
	benchmarkRefine(b, newBenchMapScaled(b, 1280, 800))
}

// BenchmarkMapViewRedrawAfterHover is one frame after the hovered record
// changes (same view: the cached basemap is reused). Goal: ≤ 5 ms.
func BenchmarkMapViewRedrawAfterHover(b *testing.B) {
	m, br := newBenchMap(b)
	refs := []data.Ref{{Kind: data.KindZone, ID: br.Zones[0].ID}, {Kind: data.KindPlace, ID: br.Places[0].ID}}
	b.ReportAllocs()
	b.ResetTimer()
	defer cputime.Report(b, cputime.Used())
	for i := 0; b.Loop(); i++ {
		m.opts.Hovered = refs[i%2]
		m.requestRender()
	}
}

// BenchmarkMapViewRedrawAfterSelect is one frame after a new selection.
func BenchmarkMapViewRedrawAfterSelect(b *testing.B) {
	m, br := newBenchMap(b)
	refs := []data.Ref{{Kind: data.KindZone, ID: br.Zones[0].ID}, {Kind: data.KindZone, ID: br.Zones[1].ID}}
	b.ReportAllocs()
	b.ResetTimer()
	defer cputime.Report(b, cputime.Used())
	for i := 0; b.Loop(); i++ {
		m.Select(refs[i%2])
	}
}
