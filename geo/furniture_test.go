package geo

import (
	"bytes"
	"image"
	"image/color"
	"testing"
)

// TestFurnitureApart: a map rendered with FurnitureApart, then
// DrawFurniture on top, gives the same pixels as a plain render, and
// without DrawFurniture the attribution's corner is left undrawn.
func TestFurnitureApart(t *testing.T) {
	for _, scaleBar := range []bool{false, true} {
		plain := fixtureMap(t, 640, 400)
		plain.ScaleBar = scaleBar
		want := plain.Render()

		apart := fixtureMap(t, 640, 400)
		apart.ScaleBar, apart.FurnitureApart = scaleBar, true
		got := apart.Render()
		if bytes.Equal(got.Pix, want.Pix) {
			t.Errorf("scale bar %v: FurnitureApart drew the furniture anyway", scaleBar)
		}
		apart.DrawFurniture(NewCanvasFaces(got, apart.Faces))
		if !bytes.Equal(got.Pix, want.Pix) {
			t.Errorf("scale bar %v: render + DrawFurniture differs from a plain render", scaleBar)
		}
	}
}

// TestHatchOrigin: a hatch drawn on a canvas whose origin is moved by
// (dx, dy) equals the hatch of a canvas at origin zero shifted by (dx, dy)
// — so a shifted frame and the strips drawn beside it meet.
func TestHatchOrigin(t *testing.T) {
	h := Hatch{Angle: 45, Spacing: 7, Width: 1.5, Color: color.NRGBA{0x80, 0x20, 0x20, 0xff}}
	square := func() *PixelPath {
		var p PixelPath
		p.MoveTo(-50, -50)
		p.LineTo(250, -50)
		p.LineTo(250, 250)
		p.LineTo(-50, 250)
		p.Close()
		return &p
	}
	for _, d := range []image.Point{{0, 0}, {5, 0}, {0, -3}, {13, 8}, {-700, 1234}} {
		ref := image.NewRGBA(image.Rect(0, 0, 200, 200))
		NewCanvas(ref, nil).HatchPath(square(), h)
		moved := image.NewRGBA(image.Rect(0, 0, 100, 100))
		c := NewCanvas(moved, nil)
		c.SetHatchOrigin(image.Pt(50, 50).Add(d))
		c.HatchPath(square(), h)
		// moved's pixel (x, y) is the pattern's (50+dx+x, 50+dy+y); ref
		// holds the pattern at its own coordinates for 0 ≤ x, y < 200.
		for y := range 100 {
			for x := range 100 {
				px, py := 50+d.X+x, 50+d.Y+y
				if px < 0 || py < 0 || px >= 200 || py >= 200 {
					continue
				}
				if a, b := moved.RGBAAt(x, y), ref.RGBAAt(px, py); a != b {
					t.Fatalf("origin %v: pixel (%d, %d) is %v, the pattern there is %v", d, x, y, a, b)
				}
			}
		}
	}
}
