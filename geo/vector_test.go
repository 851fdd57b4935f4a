package geo

import (
	"image"
	"image/color"
	"slices"
	"testing"
)

// placed returns the boxes and names of the labels the last render placed.
func placed(m *Map) []placedLabel { return slices.Clone(m.lastLabels) }

// The vector back end places every label where the raster one does, with
// or without the basemap cache, and records each as a text op: both lay
// out through the same code and measure through the same FaceCache.
func TestDrawToPlacesLabelsAsRenderTo(t *testing.T) {
	for _, cached := range []bool{false, true} {
		m := fixtureMap(t, 1280, 800)
		if cached {
			m.Cache = &BaseCache{}
			m.CachedLayers = 1
		}
		m.Render()
		raster := placed(m)
		v := NewVector(1400, 900, m.Faces)
		m.DrawTo(v.Sub(image.Rect(60, 50, 60+1280, 50+800)))
		vector := placed(m)
		if len(raster) == 0 || !slices.Equal(raster, vector) {
			t.Fatalf("cached %v: vector labels %v, raster %v", cached, vector, raster)
		}
		texts := 0
		for _, op := range v.Ops() {
			if op.Kind == OpText {
				texts++
				if op.Clip == 0 {
					t.Errorf("text %q is not clipped to the map", op.Text)
				}
			}
		}
		if texts < len(raster) {
			t.Errorf("cached %v: %d text ops for %d placed labels", cached, texts, len(raster))
		}
	}
}

// A Sub surface draws in its own coordinates, offset on the page, and
// clips to its rectangle: geometry far outside is cut down to a margin,
// geometry wholly outside is dropped, text baselines snap as a Canvas's.
func TestVectorSubClipsAndOffsets(t *testing.T) {
	v := NewVector(400, 300, NewFaceCache(nil))
	s := v.Sub(image.Rect(100, 50, 300, 250))
	if f := s.Frame(); f != (Box{X1: 200, Y1: 200}) {
		t.Errorf("sub frame %v", f)
	}
	red := color.NRGBA{0xff, 0, 0, 0xff}
	var p PixelPath
	p.AddRect(Box{X0: -1000, Y0: 10, X1: 50, Y1: 20})
	s.FillPath(&p, red)
	var far PixelPath
	far.AddRect(Box{X0: 500, Y0: 500, X1: 600, Y1: 600})
	s.FillPath(&far, red)
	var line PixelPath
	line.MoveTo(-5000, 100)
	line.LineTo(5000, 100)
	s.StrokePath(&line, Stroke{Color: red, Width: 2})
	ops := v.Ops()
	if len(ops) != 2 {
		t.Fatalf("%d ops, want 2 (the far square dropped)", len(ops))
	}
	if c := v.Clips()[ops[0].Clip]; c != (Box{100, 50, 300, 250}) {
		t.Errorf("clip %v, want the sub's rectangle on the page", c)
	}
	bb := ops[0].Path.Bounds()
	if bb.X0 < 100-3 || bb.X1 != 150 || bb.Y0 != 60 || bb.Y1 != 70 {
		t.Errorf("clipped fill spans %v, want x from about 98 to 150, y 60 to 70", bb)
	}
	if lb := ops[1].Path.Bounds(); lb.X0 < 100-4 || lb.X1 > 300+4 || lb.Y0 != 150 {
		t.Errorf("clipped line spans %v", lb)
	}
	if ops[0].HatchOrigin[0] != 100 || ops[0].HatchOrigin[1] != 50 {
		t.Errorf("hatch origin %v, want the sub's corner", ops[0].HatchOrigin)
	}
	// Nested subs intersect their clips; an empty one draws nothing.
	inner := s.Sub(image.Rect(150, 150, 400, 400))
	if c := v.Clips()[len(v.Clips())-1]; c != (Box{250, 200, 300, 250}) {
		t.Errorf("nested clip %v", c)
	}
	before := len(v.Ops())
	var q PixelPath
	q.AddRect(Box{X0: 100, Y0: 100, X1: 120, Y1: 120}) // page (350, 300): outside
	inner.FillPath(&q, red)
	if len(v.Ops()) != before {
		t.Error("a fill outside the nested clip was recorded")
	}
}

// Text ops keep their position as a Canvas draws it (whole-pixel
// baseline) and are dropped when wholly outside the clip.
func TestVectorText(t *testing.T) {
	fonts, _ := loadFixtures(t)
	v := NewVector(400, 300, NewFaceCache(fonts))
	s := v.Sub(image.Rect(100, 100, 200, 200))
	st := TextStyle{Size: 12, Color: color.NRGBA{0, 0, 0, 0xff}}
	s.Text(10.3, 20.6, "Sirte", st)
	s.Text(500, 20, "far away", st)
	s.Text(10, 20, "", st)
	ops := v.Ops()
	if len(ops) != 1 {
		t.Fatalf("%d text ops, want 1", len(ops))
	}
	if op := ops[0]; op.X != 110.296875 || op.Y != 121 || op.Text != "Sirte" {
		t.Errorf("text op at (%v, %v) %q, want (110.296875, 121) Sirte (x to a 64th of a pixel)", op.X, op.Y, op.Text)
	}
	gs := v.Faces().Glyphs("AV", st)
	if len(gs) != 2 || gs[0].X != 0 || gs[1].X <= 0 {
		t.Errorf("Glyphs(AV) = %v", gs)
	}
	if w, _, _ := v.MeasureText("AV", st); gs[1].X >= w {
		t.Errorf("second glyph at %v, past the advance %v", gs[1].X, w)
	}
}
