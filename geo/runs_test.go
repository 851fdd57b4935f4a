package geo

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"math/rand/v2"
	"testing"

	"github.com/paulmach/orb"
)

// noise is an object that sets every pixel of its frame to its own colour
// (so that a cached layer of it defeats the runs).
type noise struct{}

func (noise) ID() string                                       { return "" }
func (noise) Bounds() orb.Bound                                { return orb.Bound{Min: orb.Point{-180, -85}, Max: orb.Point{180, 85}} }
func (noise) Margin() float64                                  { return 0 }
func (noise) Hit(*Transformer, float64, float64, float64) bool { return false }
func (noise) Draw(c Surface, _ *Transformer) {
	f := c.Frame()
	for y := int(f.Y0); y < int(f.Y1); y++ {
		for x := int(f.X0); x < int(f.X1); x++ {
			c.FillRect(Box{float64(x), float64(y), float64(x + 1), float64(y + 1)}, color.NRGBA{uint8(x * 37), uint8(y * 11), uint8(x ^ y), 255})
		}
	}
}

// TestPixelRunsRoundTrip: runs give back the pixels they were made from,
// written into a frame of their size or the corner of a sub-image (another
// stride, another origin), around whatever was there; a uniform raster is
// one run a row.
func TestPixelRunsRoundTrip(t *testing.T) {
	uniform := image.NewRGBA(image.Rect(0, 0, 37, 5))
	for i := range uniform.Pix {
		uniform.Pix[i] = []byte{10, 20, 30, 255}[i%4]
	}
	stripes := image.NewRGBA(image.Rect(0, 0, 64, 9))
	for y := range 9 {
		for x := range 64 {
			stripes.SetRGBA(x, y, color.RGBA{uint8(x / 7 * 30), uint8(y), 0, 255})
		}
	}
	// Runs of 1, 2, 3… pixels, odd and even, ending at the row's end or not.
	steps := image.NewRGBA(image.Rect(0, 0, 45, 3))
	for y := range 3 {
		run, left := 1, 1
		for x := range 45 - y {
			steps.SetRGBA(x, y, color.RGBA{uint8(run), uint8(y), 9, 255})
			if left--; left == 0 {
				run++
				left = run
			}
		}
	}
	// Large enough for the two halves to be encoded apart.
	halves := image.NewRGBA(image.Rect(0, 0, 400, 301))
	for y := range 301 {
		for x := range 400 {
			halves.SetRGBA(x, y, color.RGBA{uint8((x + y) / 50), uint8(y / 100), 0, 255})
		}
	}
	big := image.NewRGBA(image.Rect(0, 0, 90, 40))
	for i := range big.Pix {
		big.Pix[i] = uint8(i / 97)
	}
	for _, tc := range []struct {
		name     string
		img      *image.RGBA
		wantRuns int // 0: not checked
	}{
		{"uniform", uniform, 5},
		{"stripes", stripes, 9 * 10},
		{"one row", image.NewRGBA(image.Rect(0, 0, 100, 1)), 1},
		{"runs of 1, 2, 3… pixels", steps, 9 + 10 + 10}, // and a transparent run after the shorter rows
		{"two halves", halves, 0},
		{"sub-image", big.SubImage(image.Rect(13, 7, 71, 33)).(*image.RGBA), 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var scratch [2][]uint32
			p, ok := encodeRuns(tc.img, &scratch)
			if !ok {
				t.Fatal("encodeRuns refused a raster of long runs")
			}
			if tc.wantRuns > 0 && len(p.runs) != 2*tc.wantRuns {
				t.Errorf("%d runs, want %d", len(p.runs)/2, tc.wantRuns)
			}
			w, h := tc.img.Rect.Dx(), tc.img.Rect.Dy()
			want := image.NewRGBA(image.Rect(0, 0, w, h))
			for y := range h {
				copy(want.Pix[y*want.Stride:], tc.img.Pix[y*tc.img.Stride:y*tc.img.Stride+4*w])
			}
			dst := image.NewRGBA(image.Rect(0, 0, w, h))
			for i := range dst.Pix {
				dst.Pix[i] = 0xAB
			}
			p.drawTo(dst)
			if !bytes.Equal(dst.Pix, want.Pix) {
				t.Error("runs written to a frame differ from the raster")
			}
			// Into the corner of a larger frame's sub-image: only the
			// runs' rectangle is written.
			frame := image.NewRGBA(image.Rect(0, 0, w+20, h+10))
			for i := range frame.Pix {
				frame.Pix[i] = 0xCD
			}
			sub := frame.SubImage(image.Rect(5, 3, w+15, h+8)).(*image.RGBA)
			p.drawTo(sub)
			for y := range h + 10 {
				for x := range w + 20 {
					got := frame.RGBAAt(x, y)
					exp := color.RGBA{0xCD, 0xCD, 0xCD, 0xCD}
					if x >= 5 && x < 5+w && y >= 3 && y < 3+h {
						exp = want.RGBAAt(x-5, y-3)
					}
					if got != exp {
						t.Fatalf("sub-image pixel %d,%d = %v, want %v", x, y, got, exp)
					}
				}
			}
		})
	}
}

// TestPixelRunsRefuseNoise: a raster whose runs would take more than half
// its pixels' memory is refused (the cache keeps it raw).
func TestPixelRunsRefuseNoise(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 50, 20))
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range img.Pix {
		img.Pix[i] = uint8(rng.Uint32())
	}
	var scratch [2][]uint32
	if _, ok := encodeRuns(img, &scratch); ok {
		t.Error("encodeRuns took a raster of noise")
	}
}

// TestBaseCacheKeepsRuns: the Libya basemap's raster is kept in a few per
// cent of its pixels' memory, and a raster too fine for runs is kept raw;
// either way a render from the cache equals an uncached render.
func TestBaseCacheKeepsRuns(t *testing.T) {
	const w, h = 1280, 800
	m := fixtureMap(t, w, h)
	m.Cache = &BaseCache{}
	m.Render()
	if got, limit := m.Cache.bytes(), w*h*4/20; got == 0 || got > limit {
		t.Errorf("the cache keeps %d bytes for a %d-byte raster, want at most %d", got, w*h*4, limit)
	}
	if m.Cache.runs == nil {
		t.Error("the Libya basemap was not kept as runs")
	}

	const nw, nh = 120, 90
	plain := fixtureMap(t, nw, nh)
	plain.Layers = append([]Layer{{Name: "noise", Objects: []Object{noise{}}}}, plain.Layers...)
	want := plain.Render()
	cached := fixtureMap(t, nw, nh)
	cached.Layers = plain.Layers
	cached.Cache, cached.CachedLayers = &BaseCache{}, 1
	for i := range 2 {
		if got := cached.Render(); !bytes.Equal(got.Pix, want.Pix) {
			t.Fatalf("render %d from a raw cache differs from an uncached render", i)
		}
	}
	if cached.Cache.runs != nil || cached.Cache.raw == nil {
		t.Error("a raster of noise was not kept raw")
	}
	if cached.Cache.builds != 1 {
		t.Errorf("the raw cache was built %d times for two renders of one view, want 1", cached.Cache.builds)
	}
}

// BenchmarkEncodeRuns measures keeping a freshly drawn basemap raster as
// runs (what a basemap cache miss adds to the render), at the window's
// sizes.
func BenchmarkEncodeRuns(b *testing.B) {
	for _, sz := range [][2]int{{1280, 800}, {2560, 1600}} {
		b.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(b *testing.B) {
			m := fixtureMap(b, sz[0], sz[1])
			m.Layers = nil
			img := m.Render()
			var scratch [2][]uint32
			b.SetBytes(int64(len(img.Pix)))
			for b.Loop() {
				encodeRuns(img, &scratch)
			}
		})
	}
}

// BenchmarkBaseCacheHit measures writing the cached basemap into a
// 1280×800 frame (what a timeline step or a layer toggle pays for the
// basemap), against copying the raster's pixels.
func BenchmarkBaseCacheHit(b *testing.B) {
	const w, h = 1280, 800
	m := fixtureMap(b, w, h)
	m.Cache = &BaseCache{}
	m.Layers = nil
	dst := m.Render()
	b.Run("runs", func(b *testing.B) {
		var scratch [2][]uint32
		p, _ := encodeRuns(dst, &scratch)
		out := image.NewRGBA(dst.Rect)
		b.SetBytes(int64(len(dst.Pix)))
		for b.Loop() {
			p.drawTo(out)
		}
	})
	b.Run("pixels", func(b *testing.B) {
		out := image.NewRGBA(dst.Rect)
		b.SetBytes(int64(len(dst.Pix)))
		for b.Loop() {
			copy(out.Pix, dst.Pix)
		}
	})
}
