package geo

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"math"
	"math/rand/v2"
	"testing"
)

// TestCoverageTableNoOverflow composites every colour alpha and coverage
// over extreme backgrounds: no channel may wrap into its neighbour, the
// result must be within 1 of the exact value, and opaque stays opaque.
func TestCoverageTableNoOverflow(t *testing.T) {
	for _, a := range []uint8{1, 64, 127, 128, 200, 254, 255} {
		for _, v := range []uint8{0, 1, 128, 254, 255} {
			for _, bgA := range []uint8{v, 255} {
				col := color.NRGBA{255, 0, 128, a}
				var tab coverageTable
				tab.set(col)
				for m := 0; m < 256; m++ {
					p := uint32(v) | uint32(v)<<8 | uint32(v)<<16 | uint32(bgA)<<24
					out := tab.blendPixel(p, uint8(m))
					alpha := float64(a) / 255 * float64(m) / 255
					for ch, src := range []float64{255, 0, 128 * float64(a) / 255 / (float64(a) / 255)} {
						got := float64(out >> (8 * ch) & 0xff)
						want := float64(v)*(1-alpha) + src*alpha
						if got+1.5 < want || got > want+1.5 || got > 255 {
							t.Fatalf("a=%d v=%d m=%d channel %d: got %v, want %.2f", a, v, m, ch, got, want)
						}
					}
					gotA := float64(out >> 24)
					wantA := float64(bgA)*(1-alpha) + 255*alpha
					if gotA+1.5 < wantA || gotA > wantA+1.5 || (bgA == 255 && gotA != 255) {
						t.Fatalf("alpha a=%d bg=%d m=%d: got %v, want %.2f", a, bgA, m, gotA, wantA)
					}
				}
			}
		}
	}
}

// TestFillClipsToImage fills shapes partly or wholly outside the image,
// and far beyond it: nothing panics and only the inside is painted.
func TestFillClipsToImage(t *testing.T) {
	img, c := newTestCanvas(40, 30)
	red := color.NRGBA{255, 0, 0, 255}
	for _, b := range []Box{{-10, -10, 10, 10}, {30, 20, 80, 90}, {-1e6, 5, 1e6, 6}, {100, 100, 200, 200}, {-50, -50, -40, -40}} {
		var p PixelPath
		p.AddRect(b)
		c.FillPath(&p, red)
		c.StrokePath(&p, Stroke{Color: red, Width: 3})
		c.HatchPath(&p, Hatch{Angle: 30, Spacing: 4, Width: 1, Color: red})
	}
	if got := img.RGBAAt(5, 5); got != (color.RGBA{255, 0, 0, 255}) {
		t.Errorf("pixel (5,5) = %v, want red", got)
	}
	if got := img.RGBAAt(20, 15); got.A != 0 {
		t.Errorf("pixel (20,15) = %v, want untouched", got)
	}
	if got := img.RGBAAt(20, 5); got.R == 0 {
		t.Errorf("pixel (20,5) = %v, want the long thin bar", got)
	}
	// A sub-image canvas draws in local coordinates.
	sub := img.SubImage(image.Rect(20, 10, 40, 30)).(*image.RGBA)
	sc := NewCanvas(sub, nil)
	blue := color.NRGBA{0, 0, 255, 255}
	sc.FillRect(Box{0, 0, 2, 2}, blue)
	if got := img.RGBAAt(20, 10); got != (color.RGBA{0, 0, 255, 255}) {
		t.Errorf("sub-image pixel = %v, want blue", got)
	}
	var p PixelPath
	p.AddCircle(1, 1, 5)
	sc.FillPath(&p, blue)
	if got := img.RGBAAt(19, 10); got.B == 255 {
		t.Errorf("sub-image fill leaked outside the sub-image: %v", got)
	}
}

// TestStrokeTranslucentOverlap strokes a polyline that doubles back on
// itself with a translucent colour: the overlap must not be darker.
func TestStrokeTranslucentOverlap(t *testing.T) {
	img, c := newTestCanvas(60, 20)
	c.StrokePath(polyline(5, 10, 55, 10, 30, 10.5), Stroke{Color: color.NRGBA{0, 0, 0, 128}, Width: 4})
	a, b := img.RGBAAt(15, 10), img.RGBAAt(40, 10)
	if a != b || a.A < 120 || a.A > 136 {
		t.Errorf("alpha at single (%v) and double (%v) coverage should both be ≈128", a, b)
	}
}

func TestDash(t *testing.T) {
	img, c := newTestCanvas(100, 10)
	c.StrokePath(polyline(0, 5, 100, 5), Stroke{Color: color.NRGBA{0, 0, 0, 255}, Width: 2, Dash: []float64{10, 10}})
	for x, want := range map[int]bool{5: true, 15: false, 25: true, 35: false, 95: false} {
		if got := img.RGBAAt(x, 5).A > 200; got != want {
			t.Errorf("x=%d: inked=%v, want %v", x, got, want)
		}
	}
}

// TestPaintCoveragePairs: the two-pixel path gives the same pixels as the
// one-pixel path.
func TestPaintCoveragePairs(t *testing.T) {
	for _, col := range []color.NRGBA{{10, 200, 30, 255}, {200, 100, 50, 77}, {0, 0, 0, 1}} {
		img := image.NewRGBA(image.Rect(0, 0, 9, 3))
		for i := range img.Pix {
			img.Pix[i] = uint8(i * 37)
		}
		for y := 0; y < 3; y++ {
			img.Pix[y*img.Stride+3] = 0xff // pixel (0,y) opaque
			img.Pix[y*img.Stride+7] = 0xff // pixel (1,y) opaque
		}
		want := image.NewRGBA(img.Rect)
		var tab coverageTable
		tab.set(col)
		for i := 0; i < len(img.Pix); i += 4 {
			p := binary.LittleEndian.Uint32(img.Pix[i:])
			binary.LittleEndian.PutUint32(want.Pix[i:], tab.blendPixel(p, 0xff))
			if col.A == 0xff {
				copy(want.Pix[i:], []uint8{col.R, col.G, col.B, 0xff})
			}
		}
		c := NewCanvas(img, nil)
		c.mask = alphaScratch(nil, 9, 3)
		for i := range c.mask.Pix {
			c.mask.Pix[i] = 0xff
		}
		c.paintCoverage(img.Rect, col, &tab)
		for i := range img.Pix {
			if img.Pix[i] != want.Pix[i] {
				t.Fatalf("colour %v: byte %d = %d, want %d", col, i, img.Pix[i], want.Pix[i])
			}
		}
	}
}

func TestRoundedRect(t *testing.T) {
	img, c := newTestCanvas(40, 30)
	var p PixelPath
	p.AddRoundedRect(Box{0, 0, 40, 30}, 10)
	if s := shoelace(p.pts); s <= 0 {
		t.Errorf("rounded rect winds negatively (%v)", s)
	}
	c.FillPath(&p, color.NRGBA{0, 0, 0, 255})
	if a := img.RGBAAt(0, 0).A; a != 0 {
		t.Errorf("corner pixel covered (%d): not rounded", a)
	}
	if a := img.RGBAAt(20, 15).A; a != 255 {
		t.Errorf("centre pixel alpha %d, want 255", a)
	}
	if a := img.RGBAAt(20, 0).A; a < 250 {
		t.Errorf("top edge pixel alpha %d, want covered", a)
	}
}

// TestFillTilesSeamless: a big translucent polygon spanning many of
// fillBands' tiles has a uniform interior and the same edge as one drawn
// whole (no seams at tile boundaries).
func TestFillTilesSeamless(t *testing.T) {
	img, c := newTestCanvas(1300, 200)
	p := polyline(3.3, 10.7, 1290.2, 20.1, 1100.5, 190.4, 10.1, 150.9)
	p.Close()
	c.FillPath(p, color.NRGBA{0, 100, 200, 128})
	want := img.RGBAAt(600, 100)
	for y := 40; y < 140; y++ {
		for x := 30; x < 1090; x++ {
			if got := img.RGBAAt(x, y); got != want {
				t.Fatalf("pixel (%d,%d) = %v, interior is %v", x, y, got, want)
			}
		}
	}
	// The top edge's antialiasing is continuous across the column seams
	// at x = 512 and 1024.
	for _, x := range []int{511, 512, 1023, 1024} {
		col := func(x int) (s int) {
			for y := 0; y < 40; y++ {
				s += int(img.RGBAAt(x, y).A)
			}
			return s
		}
		if d := col(x) - col(x+1); d < -3 || d > 3 {
			t.Errorf("coverage jumps by %d at column %d", d, x)
		}
	}
}

// TestFillEdgeOrder: a fill does not depend on the order of the path's
// edges (fillBands activates them band by band, in no order within a
// band), for random polygons running above, below and across the image,
// whose height is not a multiple of the band; and a polygon around the
// whole image covers every pixel.
func TestFillEdgeOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	const w, h = 150, 77
	col := color.NRGBA{30, 120, 200, 255}
	for n := range 60 {
		pts := make([]float64, 2*(3+rng.IntN(40)))
		for i := 0; i < len(pts); i += 2 {
			pts[i], pts[i+1] = -30+rng.Float64()*(w+60), -40+rng.Float64()*(h+80)
		}
		var rotated, reversed []float64
		k := 2 * rng.IntN(len(pts)/2)
		rotated = append(append(rotated, pts[k:]...), pts[:k]...)
		for i := len(pts) - 2; i >= 0; i -= 2 {
			reversed = append(reversed, pts[i], pts[i+1])
		}
		var imgs []*image.RGBA
		for _, xy := range [][]float64{pts, rotated, reversed} {
			img, c := newTestCanvas(w, h)
			p := polyline(xy...)
			p.Close()
			c.FillPath(p, col)
			imgs = append(imgs, img)
		}
		for i, img := range imgs[1:] {
			if !bytes.Equal(img.Pix, imgs[0].Pix) {
				t.Fatalf("polygon %d: the fill with its points %s differs", n, [...]string{"rotated", "reversed"}[i])
			}
		}
	}
	img, c := newTestCanvas(w, h)
	p := polyline(-10, -50, w/2, -3, w+10, -60, w+3, h/2, w+20, h+70, w/2, h+2, -15, h+40, -2, h/2)
	p.Close()
	c.FillPath(p, col)
	for y := range h {
		for x := range w {
			if got := img.RGBAAt(x, y); got.A != 0xff {
				t.Fatalf("pixel (%d,%d) = %v, want covered", x, y, got)
			}
		}
	}
}

// TestHatchMatchesReference compares paintHatch, which visits only the
// pixels near each line, with the direct formula (every pixel takes its
// nearest line) at several angles, spacings and widths.
func TestHatchMatchesReference(t *testing.T) {
	for _, h := range []Hatch{
		{Angle: 45, Spacing: 7, Width: 1.6},
		{Angle: -45, Spacing: 9, Width: 1.2},
		{Angle: 0, Spacing: 6, Width: 1},
		{Angle: 90, Spacing: 5, Width: 2},
		{Angle: 30, Spacing: 3, Width: 2.5}, // lines wider than half the gap
		{Angle: 135, Spacing: 11, Width: 0.5},
		{Angle: 89.99, Spacing: 8, Width: 1.5},
	} {
		h.Color = color.NRGBA{200, 30, 60, 220}
		img, c := newTestCanvas(70, 50)
		var p PixelPath
		p.AddRect(Box{3.5, 2.25, 66.5, 47.75})
		c.HatchPath(&p, h)

		// Reference: coverage by the old per-pixel formula, composited
		// with the same arithmetic.
		ref := image.NewRGBA(img.Rect)
		rc := NewCanvas(ref, nil)
		rc.fillBands(&p, func(b image.Rectangle) {
			a := h.Angle * math.Pi / 180
			nx, ny := math.Sin(a), math.Cos(a)
			cr, cg, cb, ca := premul(h.Color)
			for y := b.Min.Y; y < b.Max.Y; y++ {
				for x := b.Min.X; x < b.Max.X; x++ {
					m := rc.mask.Pix[(y-b.Min.Y)*rc.mask.Stride+x-b.Min.X]
					if m == 0 {
						continue
					}
					d := float64(x)*nx + float64(y)*ny // top-left corners, as paintHatch
					f := d - h.Spacing*math.Floor(d/h.Spacing)
					cov := h.Width/2 + 0.5 - math.Min(f, h.Spacing-f)
					if cov <= 0 {
						continue
					}
					blend(ref.Pix[ref.PixOffset(x, y):], cr, cg, cb, ca, uint32(math.Min(cov, 1)*float64(m)*257))
				}
			}
		})
		bad := 0
		for i := range img.Pix {
			if d := int(img.Pix[i]) - int(ref.Pix[i]); d < -2 || d > 2 {
				bad++
			}
		}
		if bad > 0 {
			t.Errorf("hatch %+v: %d bytes differ from the reference", h, bad)
		}
	}
}

// FuzzCanvasPath draws arbitrary polygons (any coordinates, including NaN,
// infinities and huge values, as bad geometry from outside may carry)
// filled, hatched, stroked and dashed: nothing may panic or write outside
// the sub-image drawn into.
func FuzzCanvasPath(f *testing.F) {
	f.Add([]byte{10, 10, 200, 20, 100, 90}, 2.0, 45.0)
	f.Add([]byte{0, 0, 255, 255, 0, 255, 255, 0}, 0.5, -30.0)
	f.Fuzz(func(t *testing.T, data []byte, width, angle float64) {
		if len(data) > 400 {
			return
		}
		img := image.NewRGBA(image.Rect(0, 0, 64, 48))
		sub := img.SubImage(image.Rect(8, 8, 56, 40)).(*image.RGBA)
		c := NewCanvas(sub, nil)
		var p PixelPath
		scale := []float64{1, 0.25, 1e6, math.Inf(1), math.NaN(), -3}
		for i := 0; i+1 < len(data); i += 2 {
			k := scale[int(data[i]^data[i+1])%len(scale)]
			x, y := (float64(data[i])-64)*k, (float64(data[i+1])-48)*k
			if i%6 == 0 {
				p.MoveTo(x, y)
			} else {
				p.LineTo(x, y)
			}
		}
		p.Close()
		col := color.NRGBA{200, 0, 0, 180}
		c.FillPathHatched(&p, col, Hatch{Angle: angle, Spacing: 3, Width: width, Color: col})
		c.StrokePath(&p, Stroke{Color: col, Width: width, Dash: []float64{width, 2}})
		c.StrokePath(&p, Stroke{Color: color.NRGBA{0, 0, 0, 255}, Width: width, Round: true})
		for y := 0; y < 48; y++ {
			for x := 0; x < 64; x++ {
				if (x < 8 || x >= 56 || y < 8 || y >= 40) && img.RGBAAt(x, y).A != 0 {
					t.Fatalf("pixel (%d,%d) outside the sub-image was drawn", x, y)
				}
			}
		}
	})
}

// TestDashFromFarOff: a dashed line that starts far off the canvas keeps
// its phase on it, and costs nothing for the part off it.
func TestDashFromFarOff(t *testing.T) {
	for _, start := range []float64{-1000, -1e9 - 1000} {
		img, c := newTestCanvas(100, 10)
		c.StrokePath(polyline(start, 5, 100, 5), Stroke{Color: color.NRGBA{0, 0, 0, 255}, Width: 2, Dash: []float64{10, 10}})
		for x, want := range map[int]bool{5: true, 15: false, 25: true, 35: false, 85: true, 95: false} {
			if got := img.RGBAAt(x, 5).A > 200; got != want {
				t.Errorf("start %g, x=%d: inked=%v, want %v", start, x, got, want)
			}
		}
	}
}

// newTestCanvas returns a transparent w×h image and a canvas on it.
// polyline returns the open path through the points x0, y0, x1, y1, …
func polyline(xy ...float64) *PixelPath {
	var p PixelPath
	p.MoveTo(xy[0], xy[1])
	for i := 2; i+1 < len(xy); i += 2 {
		p.LineTo(xy[i], xy[i+1])
	}
	return &p
}

func newTestCanvas(w, h int) (*image.RGBA, *Canvas) {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	return img, NewCanvas(img, nil)
}

// TestCoverageTablesKept: the tables a canvas keeps per colour are the
// tables set up afresh, through evictions (more colours than it keeps)
// and returns to a colour.
func TestCoverageTablesKept(t *testing.T) {
	var ts coverageTables
	for round := range 3 {
		for i := range 40 {
			col := color.NRGBA{uint8(i * 6), uint8(255 - i), uint8(i * 3), uint8(40 + i*5)}
			var want coverageTable
			want.set(col)
			if got := ts.get(col); *got != want {
				t.Fatalf("round %d, colour %d: the kept table differs from a fresh one", round, i)
			}
			if i%4 == 0 { // and at once again: the same entry
				if got := ts.get(col); *got != want {
					t.Fatalf("round %d, colour %d asked twice: the table differs", round, i)
				}
			}
		}
	}
}
