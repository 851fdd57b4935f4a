package geo

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/paulmach/orb"
)

// sceneMercator is scene's projection (view.go), restated here: geo
// must place points on exactly the same pixels.
func sceneMercator(p orb.Point, zoom float64) (x, y float64) {
	s := 256 * math.Exp2(zoom)
	lat := math.Max(-85.05112878, math.Min(85.05112878, p[1]))
	x = (p[0] + 180) / 360 * s
	sin := math.Sin(lat * math.Pi / 180)
	y = (0.5 - math.Log((1+sin)/(1-sin))/(4*math.Pi)) * s
	return x, y
}

func TestTransformerMatchesSceneView(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 1))
	for range 1000 {
		w, h := 100+r.IntN(3000), 100+r.IntN(2000)
		c := orb.Point{r.Float64()*360 - 180, r.Float64()*160 - 80}
		z := r.Float64() * 12
		tr := NewTransformer(w, h, c, z)
		p := orb.Point{c[0] + r.Float64()*4 - 2, math.Max(-84, math.Min(84, c[1]+r.Float64()*4-2))}
		cx, cy := sceneMercator(c, z)
		px, py := sceneMercator(p, z)
		wx, wy := px-cx+float64(w)/2, py-cy+float64(h)/2
		gx, gy := tr.ToPixel(p)
		if math.Abs(gx-wx) > 1e-3 || math.Abs(gy-wy) > 1e-3 {
			t.Fatalf("ToPixel(%v) at %v z%.2f = (%.4f, %.4f), scene gives (%.4f, %.4f)", p, c, z, gx, gy, wx, wy)
		}
	}
}

func TestTransformerRoundTrip(t *testing.T) {
	tests := []struct {
		name   string
		w, h   int
		centre orb.Point
		zoom   float64
	}{
		{"libya", 1920, 1080, orb.Point{17.5, 27}, 5.6},
		{"tripoli deep", 1280, 800, orb.Point{13.19, 32.89}, 11},
		{"world", 512, 512, orb.Point{0, 0}, 1},
		{"high latitude", 800, 600, orb.Point{25, 70}, 6.3},
		{"southern", 640, 480, orb.Point{-58.4, -34.6}, 8.5},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tr := NewTransformer(tc.w, tc.h, tc.centre, tc.zoom)
			if x, y := tr.ToPixel(tc.centre); math.Abs(x-float64(tc.w)/2) > 1e-6 || math.Abs(y-float64(tc.h)/2) > 1e-6 {
				t.Errorf("centre at (%v, %v), want the middle", x, y)
			}
			for y := 0.0; y <= float64(tc.h); y += float64(tc.h) / 7 {
				for x := 0.0; x <= float64(tc.w); x += float64(tc.w) / 9 {
					p := tr.ToLonLat(x, y)
					bx, by := tr.ToPixel(p)
					if math.Abs(bx-x) > 1e-6 || math.Abs(by-y) > 1e-6 {
						t.Fatalf("pixel (%v, %v) → %v → (%v, %v)", x, y, p, bx, by)
					}
				}
			}
			b := tr.Bounds()
			if x, y := tr.ToPixel(b.Min); math.Abs(x) > 1e-6 || math.Abs(y-float64(tc.h)) > 1e-6 {
				t.Errorf("bounds' south-west corner at (%v, %v), want (0, %d)", x, y, tc.h)
			}
			if w, h := tr.Size(); w != tc.w || h != tc.h {
				t.Errorf("Size() = %d×%d", w, h)
			}
			if tr.Zoom() != tc.zoom || tr.Centre() != tc.centre {
				t.Errorf("Zoom/Centre changed")
			}
		})
	}
}

func TestFitBound(t *testing.T) {
	b := orb.Bound{Min: orb.Point{9.3, 19.5}, Max: orb.Point{25.2, 33.4}}
	for _, sz := range [][2]int{{1920, 1080}, {600, 900}, {300, 300}} {
		tr := FitBound(sz[0], sz[1], b, 20)
		pb := tr.PixelBound(b)
		if pb.X0 < 20-1e-6 || pb.Y0 < 20-1e-6 || pb.X1 > float64(sz[0])-20+1e-6 || pb.Y1 > float64(sz[1])-20+1e-6 {
			t.Errorf("%v: bound at %+v, not inside the padded frame", sz, pb)
		}
		// The fit is tight on one axis.
		if math.Abs(pb.X0-20) > 1e-6 && math.Abs(pb.Y0-20) > 1e-6 {
			t.Errorf("%v: bound at %+v touches neither padded edge", sz, pb)
		}
	}
}

func TestFitBoundPoint(t *testing.T) {
	p := orb.Point{13.19, 32.89}
	tr := FitBound(800, 600, orb.Bound{Min: p, Max: p}, 20)
	if tr.Zoom() != MaxFitZoom {
		t.Errorf("zoom %v for a point, want %v", tr.Zoom(), MaxFitZoom)
	}
	if x, y := tr.ToPixel(p); math.Abs(x-400) > 1e-6 || math.Abs(y-300) > 1e-6 {
		t.Errorf("point at (%v, %v), want the centre", x, y)
	}
}

func TestMetresPerPixel(t *testing.T) {
	// At zoom 0 on the equator one pixel spans the equator / 256.
	tr := NewTransformer(256, 256, orb.Point{0, 0}, 0)
	if got, want := tr.MetresPerPixel(), 2*math.Pi*orb.EarthRadius/256; math.Abs(got-want) > 1e-6 {
		t.Errorf("equator z0: %v m/px, want %v", got, want)
	}
	// At 60° it halves.
	tr = NewTransformer(256, 256, orb.Point{0, 60}, 0)
	if got, want := tr.MetresPerPixel(), math.Pi*orb.EarthRadius/256; math.Abs(got-want)/want > 1e-9 {
		t.Errorf("60°N z0: %v m/px, want %v", got, want)
	}
}

func TestScaleLength(t *testing.T) {
	tr := NewTransformer(1920, 1080, orb.Point{17.5, 27}, 6)
	km, px, ok := ScaleLength(tr, 200)
	if !ok {
		t.Fatal("no scale length")
	}
	if px > 200 || px < 200/2.5-1e-9 {
		t.Errorf("%v km is %v px, want at most 200 and more than 80", km, px)
	}
	mant := km / math.Pow(10, math.Floor(math.Log10(km)))
	if mant != 1 && mant != 2 && mant != 5 {
		t.Errorf("%v km is not a round length", km)
	}
	if got := px * tr.MetresPerPixel() / 1000; math.Abs(got-km) > 1e-9 {
		t.Errorf("%v px span %v km, want %v", px, got, km)
	}
}

func TestGeodesicCircle(t *testing.T) {
	// Every point of the ring lies at the radius (haversine), at any
	// latitude.
	for _, c := range []orb.Point{{12, 32.5}, {25, 70}, {-70, -50}, {0, 0}} {
		r := GeodesicCircle(c, 200000, 90)
		if len(r) != 91 || r[0] != r[90] {
			t.Fatalf("ring not closed with 91 points")
		}
		for _, p := range r {
			d := haversine(c, p)
			if math.Abs(d-200000) > 1 {
				t.Fatalf("centre %v: point %v at %.1f m, want 200 km", c, p, d)
			}
		}
	}
}

func haversine(a, b orb.Point) float64 {
	la1, la2 := a[1]*math.Pi/180, b[1]*math.Pi/180
	dla, dlo := la2-la1, (b[0]-a[0])*math.Pi/180
	h := math.Sin(dla/2)*math.Sin(dla/2) + math.Cos(la1)*math.Cos(la2)*math.Sin(dlo/2)*math.Sin(dlo/2)
	return 2 * orb.EarthRadius * math.Asin(math.Sqrt(h))
}
