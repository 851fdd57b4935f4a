package geo

import (
	"image"
	"image/color"
	"testing"
)

// TestCoverageTableNoOverflow composites every colour alpha and coverage
// over extreme backgrounds: no channel may wrap, and the result must be
// within 1 of the exact value.
func TestCoverageTableNoOverflow(t *testing.T) {
	for _, a := range []uint8{1, 64, 127, 128, 200, 254, 255} {
		for _, v := range []uint8{0, 255} {
			col := color.NRGBA{255, 0, 128, a}
			var tab coverageTable
			tab.set(col)
			for m := 0; m < 256; m++ {
				k := tab.keep[m]
				got := (uint32(v)*k + tab.r[m]) >> 8
				alpha := float64(a) / 255 * float64(m) / 255
				want := float64(v)*(1-alpha) + 255*float64(a)/255*float64(m)/255
				if got > 255 || float64(got)+1.01 < want || float64(got) > want+1.01 {
					t.Fatalf("a=%d v=%d m=%d: got %d, want %.2f", a, v, m, got, want)
				}
				ga := uint32(v) + ((255-uint32(v))*tab.a[m]+128)>>8
				wantA := float64(v)*(1-alpha) + 255*alpha
				if ga > 255 || float64(ga)+1.01 < wantA || float64(ga) > wantA+1.01 || (v == 255 && ga != 255) {
					t.Fatalf("alpha a=%d v=%d m=%d: got %d, want %.2f", a, v, m, ga, wantA)
				}
			}
		}
	}
}

// TestFillClipsToImage fills shapes partly or wholly outside the image,
// and far beyond it: nothing panics and only the inside is painted.
func TestFillClipsToImage(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 40, 30))
	c := NewCanvas(img, nil)
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
	img := image.NewRGBA(image.Rect(0, 0, 60, 20))
	c := NewCanvas(img, nil)
	var p PixelPath
	p.MoveTo(5, 10)
	p.LineTo(55, 10)
	p.LineTo(30, 10.5)
	c.StrokePath(&p, Stroke{Color: color.NRGBA{0, 0, 0, 128}, Width: 4})
	a, b := img.RGBAAt(15, 10), img.RGBAAt(40, 10)
	if a != b || a.A < 120 || a.A > 136 {
		t.Errorf("alpha at single (%v) and double (%v) coverage should both be ≈128", a, b)
	}
}

func TestDash(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 100, 10))
	c := NewCanvas(img, nil)
	var p PixelPath
	p.MoveTo(0, 5)
	p.LineTo(100, 5)
	c.StrokePath(&p, Stroke{Color: color.NRGBA{0, 0, 0, 255}, Width: 2, Dash: []float64{10, 10}})
	for x, want := range map[int]bool{5: true, 15: false, 25: true, 35: false, 95: false} {
		if got := img.RGBAAt(x, 5).A > 200; got != want {
			t.Errorf("x=%d: inked=%v, want %v", x, got, want)
		}
	}
}
