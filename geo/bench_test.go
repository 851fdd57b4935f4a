package geo

import (
	"bytes"
	"image"
	"image/png"
	"math/rand/v2"
	"testing"

	"github.com/briefmap/briefmap/internal/cputime"
)

func benchRender(b *testing.B, w, h int) {
	m := fixtureMap(b, w, h)
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	m.RenderTo(dst)
	b.ReportAllocs()
	b.ResetTimer()
	cputime.Loop(b, func() { m.RenderTo(dst) })
}

// BenchmarkRender1920 renders the Libya-like fixture (basemap, six areas
// with a hole and hatching, a front line, a range ring, twenty labelled
// points) at 1920×1080 from scratch.
func BenchmarkRender1920(b *testing.B) { benchRender(b, 1920, 1080) }

// BenchmarkRender1280 is BenchmarkRender1920 at 1280×800.
func BenchmarkRender1280(b *testing.B) { benchRender(b, 1280, 800) }

// BenchmarkRenderOverlay1920 redraws the overlay over a cached basemap, as
// after a selection change.
func BenchmarkRenderOverlay1920(b *testing.B) { benchRedraw(b, 0) }

// benchRedraw measures redraws of the 1920×1080 fixture map over a cached
// basemap and its first cachedLayers layers, after one full render.
func benchRedraw(b *testing.B, cachedLayers int) {
	m := fixtureMap(b, 1920, 1080)
	m.Cache, m.CachedLayers = &BaseCache{}, cachedLayers
	dst := image.NewRGBA(image.Rect(0, 0, 1920, 1080))
	m.RenderTo(dst)
	b.ReportAllocs()
	b.ResetTimer()
	cputime.Loop(b, func() { m.RenderTo(dst) })
}

// BenchmarkRenderSelection1920 redraws after a selection change when the
// basemap and the zones layer are cached (Map.CachedLayers = 1): the
// markers, ring, front line and labels are redrawn.
func BenchmarkRenderSelection1920(b *testing.B) { benchRedraw(b, 1) }

// BenchmarkBasemap1920 draws the basemap alone at 1920×1080.
func BenchmarkBasemap1920(b *testing.B) {
	m := fixtureMap(b, 1920, 1080)
	m.Layers = nil
	dst := image.NewRGBA(image.Rect(0, 0, 1920, 1080))
	b.ReportAllocs()
	b.ResetTimer()
	cputime.Loop(b, func() { m.RenderTo(dst) })
}

// BenchmarkPick picks at a spread of pixels of the 1920×1080 fixture.
func BenchmarkPick(b *testing.B) {
	m := fixtureMap(b, 1920, 1080)
	m.Render()
	r := rand.New(rand.NewPCG(1, 2))
	pts := make([][2]float64, 256)
	for i := range pts {
		pts[i] = [2]float64{r.Float64() * 1920, r.Float64() * 1080}
	}
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	cputime.Loop(b, func() {
		p := pts[i%len(pts)]
		m.Pick(p[0], p[1])
		i++
	})
}

// BenchmarkPlaceLabels places 100 random labels in a 1920×1080 frame with
// 100 obstacles.
func BenchmarkPlaceLabels(b *testing.B) {
	reqs, obstacles := randomLabels(rand.New(rand.NewPCG(3, 4)), 100, 1920, 1080)
	frame := Box{X1: 1920, Y1: 1080}
	b.ReportAllocs()
	b.ResetTimer()
	cputime.Loop(b, func() { PlaceLabels(reqs, frame, obstacles) })
}

func benchPNG(b *testing.B, level png.CompressionLevel) {
	m := fixtureMap(b, 1920, 1080)
	img := m.Render()
	enc := png.Encoder{CompressionLevel: level}
	var buf bytes.Buffer
	b.ReportAllocs()
	b.ResetTimer()
	cputime.Loop(b, func() {
		buf.Reset()
		if err := enc.Encode(&buf, img); err != nil {
			b.Fatal(err)
		}
	})
	b.ReportMetric(float64(buf.Len()), "bytes")
}

// BenchmarkPNGDefault encodes the 1920×1080 fixture map at the default
// compression.
func BenchmarkPNGDefault(b *testing.B) { benchPNG(b, png.DefaultCompression) }

// BenchmarkPNGBestSpeed encodes it at png.BestSpeed.
func BenchmarkPNGBestSpeed(b *testing.B) { benchPNG(b, png.BestSpeed) }

// BenchmarkText draws a 13 px label with a 2 px halo.
func BenchmarkText(b *testing.B) {
	fonts, _ := loadFixtures(b)
	dst := image.NewRGBA(image.Rect(0, 0, 400, 100))
	c := NewCanvas(dst, fonts)
	st := TextStyle{Size: 13, Color: InkColor, Halo: HaloColor, HaloWidth: 2}
	c.Text(10, 50, "Ras Lanuf terminal", st)
	b.ReportAllocs()
	b.ResetTimer()
	cputime.Loop(b, func() { c.Text(10, 50, "Ras Lanuf terminal", st) })
}
