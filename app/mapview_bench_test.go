package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/data/libya"
	"github.com/briefmap/briefmap/geo/basemap"
	"github.com/briefmap/briefmap/scene"
)

// newBenchMap returns a synchronous MapView of the Libya briefing, 1280×800
// device pixels, with a first frame drawn.
func newBenchMap(b *testing.B) (*MapView, *data.Briefing) {
	b.Helper()
	test.NewTempApp(b)
	br, err := libya.Load()
	if err != nil {
		b.Fatal(err)
	}
	base, err := basemap.Load()
	if err != nil {
		b.Fatal(err)
	}
	o := scene.Options{Date: br.DefaultDate, Layers: scene.AllLayers()}
	m := NewMapView(scene.NewRenderer(br, base), o, nil, true)
	w := test.NewWindow(nil)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(1280, 800))
	w.SetContent(m)
	b.Cleanup(func() { m.Close(); w.Close() })
	if dw, dh := m.DeviceSize(); dw != 1280 || dh != 800 {
		b.Fatalf("map is %dx%d, want 1280x800", dw, dh)
	}
	return m, br
}

// BenchmarkMapViewRedrawAfterPan is one frame after a 5-pixel pan (the
// basemap must be redrawn for the new view). Goal: ≤ 16 ms.
func BenchmarkMapViewRedrawAfterPan(b *testing.B) {
	m, _ := newBenchMap(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if i%2 == 0 {
			m.Pan(5, 0)
		} else {
			m.Pan(-5, 0)
		}
	}
}

// BenchmarkMapViewRedrawAfterHover is one frame after the hovered record
// changes (same view: the cached basemap is reused). Goal: ≤ 5 ms.
func BenchmarkMapViewRedrawAfterHover(b *testing.B) {
	m, br := newBenchMap(b)
	refs := []data.Ref{{Kind: data.KindZone, ID: br.Zones[0].ID}, {Kind: data.KindPlace, ID: br.Places[0].ID}}
	b.ReportAllocs()
	b.ResetTimer()
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
	for i := 0; b.Loop(); i++ {
		m.Select(refs[i%2])
	}
}
