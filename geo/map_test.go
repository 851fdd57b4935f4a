package geo

import (
	"bytes"
	"image"
	"image/color"
	"math"
	"sync"
	"testing"

	"github.com/paulmach/orb"
)

// TestRenderDeterministic: the same map renders to the same pixels, with
// or without the basemap cache, in parallel goroutines too.
func TestRenderDeterministic(t *testing.T) {
	ref := fixtureMap(t, 640, 400).Render()
	cached := fixtureMap(t, 640, 400)
	cached.Cache = &BaseCache{}
	for i := 0; i < 2; i++ {
		if got := cached.Render(); !bytes.Equal(got.Pix, ref.Pix) {
			t.Fatalf("cached render %d differs from the uncached one", i)
		}
	}
	var wg sync.WaitGroup
	results := make([]*image.RGBA, 4)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = fixtureMap(t, 640, 400).Render()
		}()
	}
	wg.Wait()
	for i, r := range results {
		if !bytes.Equal(r.Pix, ref.Pix) {
			t.Errorf("parallel render %d differs", i)
		}
	}
}

// TestBaseCacheOverlayChange: after a selection change (an outline added),
// the cached render equals a fresh render, and the cache was not rebuilt.
func TestBaseCacheOverlayChange(t *testing.T) {
	m := fixtureMap(t, 640, 400)
	m.Cache = &BaseCache{}
	m.Render()
	builds := m.Cache.builds
	sel := &Area{Key: "selection", Geometry: m.Layers[0].Objects[0].(*Area).Geometry,
		Style: AreaStyle{Stroke: Stroke{Color: InkColor, Width: 3}}}
	m.Layers = append(m.Layers, Layer{Name: "selection", Objects: []Object{sel}})
	got := m.Render()
	if m.Cache.builds != builds {
		t.Error("the basemap was rasterised again for an overlay change")
	}
	fresh := fixtureMap(t, 640, 400)
	fresh.Layers = m.Layers
	if want := fresh.Render(); !bytes.Equal(got.Pix, want.Pix) {
		t.Error("cached render with a selection differs from a fresh one")
	}
	// A pan invalidates the cache, and the raster drawn again in its
	// memory is the new view's.
	m.Centre[0] += 0.5
	panned := m.Render()
	if m.Cache.builds != builds+1 {
		t.Error("the cache was reused after the view changed")
	}
	fresh = fixtureMap(t, 640, 400)
	fresh.Centre, fresh.Layers = m.Centre, m.Layers
	if want := fresh.Render(); !bytes.Equal(panned.Pix, want.Pix) {
		t.Error("the render after a pan, its basemap redrawn in the cache's memory, differs from a fresh one")
	}
}

// TestRenderWithoutBasemap: a nil basemap gives the sea colour, with the
// objects over it, and no attribution.
func TestRenderWithoutBasemap(t *testing.T) {
	sea := color.NRGBA{10, 20, 30, 255}
	m := &Map{Width: 100, Height: 80, Style: BasemapStyle{Sea: sea}, Layers: []Layer{{Objects: []Object{
		&Area{Geometry: orb.MultiPolygon{{rect(-1, -1, 1, 1)}}, Style: AreaStyle{Fill: color.NRGBA{255, 0, 0, 255}}},
	}}}}
	m.Fit(orb.Bound{Min: orb.Point{-5, -4}, Max: orb.Point{5, 4}}, 0)
	img := m.Render()
	if got := img.RGBAAt(2, 2); got != (color.RGBA{10, 20, 30, 255}) {
		t.Errorf("corner = %v, want the sea", got)
	}
	if got := img.RGBAAt(50, 40); got != (color.RGBA{255, 0, 0, 255}) {
		t.Errorf("centre = %v, want the area", got)
	}
}

// TestRenderToSubImage: RenderTo draws into a sub-image at its corner and
// nowhere else.
func TestRenderToSubImage(t *testing.T) {
	dst := image.NewRGBA(image.Rect(0, 0, 300, 200))
	m := &Map{Width: 100, Height: 80, Style: BasemapStyle{Sea: SeaColor}}
	m.Fit(orb.Bound{Min: orb.Point{-5, -4}, Max: orb.Point{5, 4}}, 0)
	m.RenderTo(dst.SubImage(image.Rect(50, 60, 250, 200)).(*image.RGBA))
	if dst.RGBAAt(49, 60).A != 0 || dst.RGBAAt(150, 60).A != 0 || dst.RGBAAt(50, 140).A != 0 {
		t.Error("RenderTo drew outside its Width×Height rectangle")
	}
	if dst.RGBAAt(50, 60).A == 0 || dst.RGBAAt(149, 139).A == 0 {
		t.Error("RenderTo did not fill its rectangle")
	}
}

// TestLabelsStayInFrame: every label the fixture map places lies inside
// the frame and clear of every marker symbol.
func TestLabelsStayInFrame(t *testing.T) {
	m := fixtureMap(t, 1280, 800)
	m.Render()
	frame := m.Transformer().Frame()
	var symbols []Box
	for _, l := range m.Layers {
		for _, o := range l.Objects {
			if os, ok := o.(ObstacleSource); ok {
				symbols = append(symbols, os.Obstacles(m.Transformer())...)
			}
		}
	}
	if len(m.lastLabels) < 15 {
		t.Errorf("only %d labels placed on the fixture map", len(m.lastLabels))
	}
	for _, l := range m.lastLabels {
		if !l.box.Inside(frame) {
			t.Errorf("label of %s at %+v leaves the frame", l.owner.ID(), l.box)
		}
		for _, s := range symbols {
			if l.box.Overlaps(s) {
				t.Errorf("label of %s covers a symbol at %+v", l.owner.ID(), s)
			}
		}
	}
}

// TestCachedLayers: zones rasterised into the cache with the basemap give
// the same pixels as a plain render, and a selection change does not
// redraw them.
func TestCachedLayers(t *testing.T) {
	want := fixtureMap(t, 640, 400).Render()
	m := fixtureMap(t, 640, 400)
	m.Cache, m.CachedLayers = &BaseCache{}, 1
	if got := m.Render(); !bytes.Equal(got.Pix, want.Pix) {
		t.Fatal("render with a cached zones layer differs from a plain render")
	}
	builds := m.Cache.builds
	m.Layers = append(m.Layers, Layer{Name: "selection", Objects: []Object{&Area{Key: "sel",
		Geometry: m.Layers[0].Objects[2].(*Area).Geometry, Style: AreaStyle{Stroke: Stroke{Color: InkColor, Width: 3}}}}})
	m.Render()
	if m.Cache.builds != builds {
		t.Error("cache rebuilt for a change above the cached layers")
	}
	// Replacing a zone invalidates it.
	zones := append([]Object(nil), m.Layers[0].Objects...)
	old := zones[0].(*Area)
	zones[0] = &Area{Key: old.Key, Geometry: old.Geometry, Style: AreaStyle{Fill: InkColor}}
	m.Layers[0].Objects = zones
	m.Render()
	if m.Cache.builds == builds {
		t.Error("cache reused after a cached layer's object was replaced")
	}
}

// TestPixelRatio: a map drawn at twice the size with PixelRatio 2 (and its
// objects' styles scaled by 2) looks like the 1× map scaled up:
// downsampled, it is close to it.
func TestPixelRatio(t *testing.T) {
	small := fixtureMap(t, 640, 400)
	big := fixtureMap(t, 1280, 800)
	big.Layers = fixtureLayers(2)
	big.PixelRatio = 2
	big.Centre, big.Zoom = small.Centre, small.Zoom+1
	a, b := small.Render(), big.Render()
	var sum, n float64
	for y := 0; y < 400; y++ {
		for x := 0; x < 640; x++ {
			for ch := 0; ch < 3; ch++ {
				var v float64
				for _, d := range [4][2]int{{0, 0}, {1, 0}, {0, 1}, {1, 1}} {
					v += float64(b.Pix[b.PixOffset(2*x+d[0], 2*y+d[1])+ch])
				}
				sum += abs(v/4 - float64(a.Pix[a.PixOffset(x, y)+ch]))
				n++
			}
		}
	}
	if mean := sum / n; mean > 3 {
		t.Errorf("mean difference %.2f between the 1× map and the downsampled 2× map", mean)
	}
	// Pick's tolerance doubles too.
	mk := big.Layers[2].Objects[0].(*Marker)
	x, y := big.Transformer().ToPixel(mk.Point)
	if o, ok := big.Pick(x+mk.Style.Size/2+2*6-1, y); !ok || o != Object(mk) {
		t.Errorf("2× marker not hit at its radius plus twice the tolerance")
	}
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

// TestBadGeometry: NaN, infinite, empty and degenerate geometry draws
// nothing and does not panic; Pick on it misses.
func TestBadGeometry(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	st := AreaStyle{Fill: color.NRGBA{255, 0, 0, 255}, Hatch: Hatch{Angle: 45, Spacing: 5, Width: 1, Color: InkColor},
		Stroke: Stroke{Color: InkColor, Width: 2, Dash: []float64{3, 2}}}
	objs := []Object{
		&Area{Key: "nan", Style: st, Geometry: orb.MultiPolygon{{{{nan, 0}, {1, nan}, {2, 2}, {nan, 0}}}}},
		&Area{Key: "nan2", Style: st, Geometry: orb.MultiPolygon{{{{-1, -1}, {1, nan}, {2, 2}, {-1, -1}}}}},
		&Area{Key: "inf", Style: st, Geometry: orb.MultiPolygon{{{{-inf, 0}, {1, inf}, {2, 2}, {-inf, 0}}}}},
		&Area{Key: "empty", Style: st, Geometry: orb.MultiPolygon{{}}},
		&Area{Key: "point", Style: st, Geometry: orb.MultiPolygon{{{{1, 1}, {1, 1}, {1, 1}}}}},
		&Path{Key: "line", Geometry: orb.MultiLineString{{{nan, nan}}, {}, {{inf, 0}, {inf, 1}}, {{nan, 0}, {1, nan}}},
			Style: LineStyle{Line: Stroke{Color: InkColor, Width: 2, Dash: []float64{0, 0}}}},
		&Circle{Key: "ring", Centre: orb.Point{nan, 0}, RadiusKm: 100, Style: RingStyle{Stroke: Stroke{Color: InkColor, Width: 1}}},
		&Marker{Key: "m", Point: orb.Point{inf, nan}, Label: "x", Style: MarkerStyle{Size: 10, Fill: InkColor}},
	}
	m := &Map{Width: 200, Height: 100, Style: BasemapStyle{Sea: SeaColor}, Layers: []Layer{{Objects: objs}}}
	m.Fit(orb.Bound{Min: orb.Point{-5, -5}, Max: orb.Point{5, 5}}, 0)
	img := m.Render()
	for i := 0; i < len(img.Pix); i += 4 {
		if img.Pix[i] == 255 && img.Pix[i+1] == 0 {
			t.Fatalf("bad geometry was filled at pixel %d", i/4)
		}
	}
	for _, p := range [][2]float64{{100, 50}, {0, 0}, {nan, nan}} {
		if o, ok := m.Pick(p[0], p[1]); ok {
			t.Errorf("Pick(%v) hit %s", p, o.ID())
		}
	}
}
