package scene

import (
	"bytes"
	"image"
	"math"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/data/libya"
	"github.com/briefmap/briefmap/geo"
	"github.com/briefmap/briefmap/geo/basemap"
	"github.com/briefmap/briefmap/internal/goldenfile"
	"github.com/briefmap/briefmap/internal/goldenimage"
)

var (
	d2020 = data.MustDate("2020-01-19")
	d2023 = data.MustDate("2023-09-30")
)

var fixture = sync.OnceValues(func() (*data.Briefing, *basemap.Basemap) {
	b, err := libya.Load()
	if err != nil {
		panic(err)
	}
	base, err := basemap.Load()
	if err != nil {
		panic(err)
	}
	return b, base
})

func newRenderer(t testing.TB) *Renderer {
	t.Helper()
	b, base := fixture()
	return NewRenderer(b, base)
}

// TestPickAgreesWithZonesAt checks that a click anywhere in Libya, away
// from symbols, picks the zone the data query says holds that point.
func TestPickAgreesWithZonesAt(t *testing.T) {
	r := newRenderer(t)
	const w, h = 1280, 800
	v := r.HomeView(w, h)
	for _, d := range []data.Date{d2020, d2023} {
		o := Options{Date: d, Layers: Layers{Zones: true}}
		for _, p := range []orb.Point{{22, 28}, {14, 30.5}, {12, 26}, {20.5, 31.5}, {23, 22}, {11, 31.2}} {
			x, y := v.ToPixel(w, h, p)
			ref, ok := r.Pick(w, h, v, o, x, y)
			zs := r.Briefing().ZonesAt(p, d)
			if len(zs) == 0 {
				t.Fatalf("%v on %s: ZonesAt finds no zone", p, d)
			}
			// Contested zones are drawn above the zones they overlap.
			want := zs[0].ID
			for _, z := range zs {
				if z.Contested() {
					want = z.ID
				}
			}
			if !ok || ref != (data.Ref{Kind: data.KindZone, ID: want}) {
				t.Errorf("%v on %s: Pick = %v, %v; want zone %s", p, d, ref, ok, want)
			}
		}
	}
}

func TestPickPlaceAndNothing(t *testing.T) {
	r := newRenderer(t)
	const w, h = 1280, 800
	v := r.HomeView(w, h)
	o := Options{Date: d2020, Layers: AllLayers()}
	p, _ := r.Briefing().Place("sabha")
	x, y := v.ToPixel(w, h, p.Point)
	if ref, ok := r.Pick(w, h, v, o, x, y); !ok || ref != (data.Ref{Kind: data.KindPlace, ID: "sabha"}) {
		t.Errorf("Pick at Sabha = %v, %v", ref, ok)
	}
	// Far out at sea nothing is picked.
	x, y = v.ToPixel(w, h, orb.Point{18, 34.2})
	if ref, ok := r.Pick(w, h, v, o, x, y); ok {
		t.Errorf("Pick at sea = %v", ref)
	}
	// With the cities layer off the same click falls through to the zone.
	o.Layers.Cities = false
	x, y = v.ToPixel(w, h, p.Point)
	if ref, ok := r.Pick(w, h, v, o, x, y); !ok || ref.Kind != data.KindZone {
		t.Errorf("Pick at Sabha without cities = %v, %v; want a zone", ref, ok)
	}
}

func TestLegendFollowsDateAndLayers(t *testing.T) {
	r := newRenderer(t)
	labels := func(o Options) string {
		var s []string
		for _, e := range r.Legend(o) {
			s = append(s, e.Label)
		}
		return strings.Join(s, "|")
	}
	l2020 := labels(Options{Date: d2020, Layers: AllLayers()})
	l2023 := labels(Options{Date: d2023, Layers: AllLayers()})
	for _, want := range []string{"Contested / front line", "Oil terminal, blockaded", "Airbase", "Range"} {
		if !strings.Contains(l2020, want) {
			t.Errorf("2020 legend lacks %q: %s", want, l2020)
		}
	}
	if !strings.Contains(l2020, "Government of National Accord") || strings.Contains(l2020, "Government of National Unity") {
		t.Errorf("2020 legend names the wrong Tripoli government: %s", l2020)
	}
	if !strings.Contains(l2023, "Government of National Unity") || strings.Contains(l2023, "blockaded") || strings.Contains(l2023, "Contested") {
		t.Errorf("2023 legend: %s", l2023)
	}
	if got := labels(Options{Date: d2020, Layers: Layers{Airbases: true}}); got != "Airbase" {
		t.Errorf("airbases-only legend = %q", got)
	}
}

func TestExtent(t *testing.T) {
	r := newRenderer(t)
	for _, tc := range []struct {
		ref    data.Ref
		inside orb.Point
	}{
		{data.Ref{Kind: data.KindPlace, ID: "tripoli"}, orb.Point{13.19, 32.89}},
		{data.Ref{Kind: data.KindZone, ID: "z2020-lna-east"}, orb.Point{20.07, 32.12}},
		{data.Ref{Kind: data.KindActor, ID: "lna"}, orb.Point{20.07, 32.12}},
		{data.Ref{Kind: data.KindActor, ID: "wagner"}, orb.Point{15.95, 29.15}},
	} {
		b, ok := r.Extent(tc.ref, d2020)
		if !ok || !b.Pad(0.3).Contains(tc.inside) {
			t.Errorf("Extent(%v) = %v, %v; want it to cover %v", tc.ref, b, ok, tc.inside)
		}
	}
	if _, ok := r.Extent(data.Ref{Kind: data.KindZone, ID: "nope"}, d2020); ok {
		t.Error("Extent of an unknown zone is ok")
	}
}

func TestViewZoomAroundKeepsAnchor(t *testing.T) {
	const w, h = 1000, 700
	v := FitView(orb.Bound{Min: orb.Point{9, 19}, Max: orb.Point{26, 34}}, w, h, 10)
	for _, f := range []float64{2, 0.5, 1.25} {
		nv := v.ZoomAround(w, h, 300, 200, f)
		before := v.ToLonLat(w, h, 300, 200)
		x, y := nv.ToPixel(w, h, before)
		if math.Abs(x-300) > 1e-6 || math.Abs(y-200) > 1e-6 {
			t.Errorf("factor %g: anchor moved to %.3f,%.3f", f, x, y)
		}
		if math.Abs(nv.Zoom-v.Zoom-math.Log2(f)) > 1e-9 {
			t.Errorf("factor %g: zoom %g → %g", f, v.Zoom, nv.Zoom)
		}
	}
	p := v.Pan(40, -25)
	x, y := p.ToPixel(w, h, v.Centre)
	if math.Abs(x-w/2-40) > 1e-6 || math.Abs(y-h/2+25) > 1e-6 {
		t.Errorf("Pan(40,-25) moved the old centre to %.3f,%.3f", x, y)
	}
}

// renderHome returns a renderer of the Libya briefing that has drawn its
// w×h home view on date d with every layer, the view, the options and the
// frame.
func renderHome(t *testing.T, w, h int, d data.Date) (*Renderer, View, Options, *image.RGBA) {
	r := newRenderer(t)
	v := r.HomeView(w, h)
	o := Options{Date: d, Layers: AllLayers()}
	return r, v, o, r.Render(w, h, v, o)
}

func TestSelectionIsDrawnAndDeterministic(t *testing.T) {
	const w, h = 800, 500
	r, v, o, plain := renderHome(t, w, h, d2020)
	again := NewRenderer(r.Briefing(), r.Basemap()).Render(w, h, v, o)
	if !bytes.Equal(plain.Pix, again.Pix) {
		t.Fatal("two renderers draw the same map differently")
	}
	o.Selected = data.Ref{Kind: data.KindZone, ID: "z2020-lna-east"}
	sel := r.Render(w, h, v, o)
	if bytes.Equal(plain.Pix, sel.Pix) {
		t.Fatal("selecting a zone changes nothing")
	}
}

// TestGoldenLibya compares the full Libya map on both snapshot dates with
// testdata/libya-*.png (go test ./scene -update rewrites them).
func TestGoldenLibya(t *testing.T) {
	r := newRenderer(t)
	for _, tc := range []struct {
		name string
		d    data.Date
	}{{"libya-2020-01-19", d2020}, {"libya-2023-09-30", d2023}} {
		checkGoldenMap(t, r, tc.name, Options{Date: tc.d, Layers: AllLayers(), ScaleBar: true})
	}
}

// checkGoldenMap renders r's home view at 1280×800 with o and compares the
// image with testdata/NAME.png (tolerance: a level of 8 on 0.2% of the
// pixels); with -update it rewrites the file instead.
func checkGoldenMap(t *testing.T, r *Renderer, name string, o Options) {
	t.Helper()
	const w, h = 1280, 800
	img := r.Render(w, h, r.HomeView(w, h), o)
	goldenimage.Check(t, filepath.Join("testdata", name+".png"), img, goldenfile.Update(), goldenimage.Tolerance{Level: 8, MaxFraction: 0.002})
}

func BenchmarkRenderLibya1920(b *testing.B) {
	r := newRenderer(b)
	v := r.HomeView(1920, 1080)
	o := Options{Date: d2020, Layers: AllLayers(), ScaleBar: true}
	b.ReportAllocs()
	for b.Loop() {
		r.cache, r.frame, r.last = &geo.BaseCache{}, nil, nil
		r.Render(1920, 1080, v, o)
	}
}

// rendered returns a renderer that has drawn the Libya map of 19 January
// 2020 with every layer at 1280×800 once, its view and its options.
func rendered(b *testing.B) (*Renderer, View, Options) {
	r := newRenderer(b)
	v := r.HomeView(1280, 800)
	o := Options{Date: d2020, Layers: AllLayers()}
	r.Render(1280, 800, v, o)
	b.ReportAllocs()
	return r, v, o
}

// BenchmarkRenderSelectionChange measures a redraw after the selection
// changed: the basemap raster comes from the cache.
func BenchmarkRenderSelectionChange1280(b *testing.B) {
	r, v, o := rendered(b)
	refs := []data.Ref{{Kind: data.KindZone, ID: "z2020-lna-east"}, {Kind: data.KindPlace, ID: "tripoli"}, {Kind: data.KindDeployment, ID: "d2020-wagner"}}
	i := 0
	for b.Loop() {
		o.Selected = refs[i%len(refs)]
		i++
		r.Render(1280, 800, v, o)
	}
}

func BenchmarkPick(b *testing.B) {
	r, v, o := rendered(b)
	x, y := v.ToPixel(1280, 800, orb.Point{22, 28})
	for b.Loop() {
		r.Pick(1280, 800, v, o, x, y)
	}
}

func TestDeclutterDropsSymbolsOnMoreImportantOnes(t *testing.T) {
	r := newRenderer(t)
	const w, h = 1280, 800
	names := func(v View, o Options) map[string]bool {
		got := map[string]bool{}
		for _, p := range r.declutter(v.transformer(w, h), drawingOrder(r.Shown(o).Places), o) {
			got[p.ID] = true
		}
		return got
	}
	o := Options{Date: d2020, Layers: AllLayers()}
	home := names(r.HomeView(w, h), o)
	if !home["tripoli"] || home["mitiga"] {
		t.Errorf("national view: tripoli %v, mitiga %v; want Tripoli kept over Mitiga", home["tripoli"], home["mitiga"])
	}
	p, _ := r.Briefing().Place("tripoli")
	close := names(View{Centre: p.Point, Zoom: 10}, o)
	if !close["tripoli"] || !close["mitiga"] {
		t.Errorf("zoomed in: tripoli %v, mitiga %v; want both", close["tripoli"], close["mitiga"])
	}
	o.Selected = data.Ref{Kind: data.KindPlace, ID: "mitiga"}
	if sel := names(r.HomeView(w, h), o); !sel["mitiga"] {
		t.Error("a selected place is decluttered away")
	}
}

func TestLegendInListsOnlyWhatIsInView(t *testing.T) {
	r := newRenderer(t)
	o := Options{Date: d2020, Layers: AllLayers()}
	all := len(r.Legend(o))
	if n := len(r.LegendIn(o, r.Briefing().BBox)); n != all {
		t.Errorf("LegendIn(the whole briefing) has %d entries, Legend %d", n, all)
	}
	// The deep south-east (Kufra): LNA land and a town, no terminals, no
	// airbase, no GNA, no front, no forces.
	var got []string
	for _, e := range r.LegendIn(o, orb.Bound{Min: orb.Point{22.5, 23.5}, Max: orb.Point{24, 25}}) {
		got = append(got, e.Label)
	}
	if s := strings.Join(got, "|"); s != "Held by Libyan National Army|City or town" {
		t.Errorf("legend of the Kufra view = %q", s)
	}
}

// TestRangeRingPicksOnlyOnItsLine: a click inside a drone range ring, away
// from symbols, picks the zone beneath; a click on the ring's line picks the
// deployment.
func TestRangeRingPicksOnlyOnItsLine(t *testing.T) {
	const w, h = 1280, 800
	r, v, o, _ := renderHome(t, w, h, d2020)
	inside := orb.Point{13.6, 31.9} // ~110 km from Mitiga, inside the 200 km ring
	x, y := v.ToPixel(w, h, inside)
	if ref, ok := r.Pick(w, h, v, o, x, y); !ok || ref.Kind != data.KindZone {
		t.Errorf("click inside the ring picked %v, %v; want the zone beneath", ref, ok)
	}
	dep, _ := r.Briefing().Deployment("d2020-turkey-drones")
	centre := r.Briefing().DeploymentPoints(dep)[0]
	ring := geo.GeodesicCircle(centre, dep.RangeKM*1000, 64)
	// A point of the ring line that lies over the sea, south-west of nothing.
	found := false
	for _, p := range ring {
		x, y := v.ToPixel(w, h, p)
		if ref, ok := r.Pick(w, h, v, o, x, y); ok && ref == (data.Ref{Kind: data.KindDeployment, ID: dep.ID}) {
			found = true
			break
		}
	}
	if !found {
		t.Error("no point of the ring line picks the drone deployment")
	}
}

// TestEmphasisReusesTheFrame checks that a hover or selection change
// redraws over the cached frame and that the result matches a full render
// where nothing is emphasised.
func TestEmphasisReusesTheFrame(t *testing.T) {
	const w, h = 640, 400
	r, v, o, plain := renderHome(t, w, h, d2020)
	frame := r.last // a new map is built for every full render
	o.Hovered = data.Ref{Kind: data.KindPlace, ID: "sabha"}
	hovered := r.Render(w, h, v, o)
	if r.last != frame {
		t.Fatal("a hover change re-rendered the frame")
	}
	if bytes.Equal(plain.Pix, hovered.Pix) {
		t.Fatal("the hover outline is not drawn")
	}
	o.Hovered = data.Ref{}
	if again := r.Render(w, h, v, o); !bytes.Equal(plain.Pix, again.Pix) {
		t.Fatal("clearing the hover does not give the plain frame back")
	}
	o.Layers.Labels = false
	r.Render(w, h, v, o)
	if r.last == frame {
		t.Fatal("a layer change did not re-render the frame")
	}
}

// BenchmarkRenderAfterPan1280 redraws the whole map after a pan: a new view,
// so the basemap is rasterised again.
func BenchmarkRenderAfterPan1280(b *testing.B) {
	r := newRenderer(b)
	v := r.HomeView(1280, 800)
	o := Options{Date: d2020, Layers: AllLayers()}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		r.Render(1280, 800, v.Pan(float64(i%7)*3+1, 2), o)
	}
}

// TestSelectionRingIsNoLabelObstacle: the ring around a selected place is
// drawn, but the map's label placement does not treat it as an obstacle
// (the slide draws the selection through Map, labels and all).
func TestSelectionRingIsNoLabelObstacle(t *testing.T) {
	r := newRenderer(t)
	const w, h = 800, 500
	v := r.HomeView(w, h)
	o := Options{Date: d2020, Layers: AllLayers(), Selected: data.Ref{Kind: data.KindPlace, ID: "sirte"}}
	m := r.Map(w, h, v, o)
	em := m.Layers[len(m.Layers)-1]
	if em.Name != "emphasis" || len(em.Objects) == 0 {
		t.Fatalf("no emphasis layer with the selection: %+v", em)
	}
	for _, obj := range em.Objects {
		if _, ok := obj.(geo.ObstacleSource); ok {
			t.Errorf("emphasis object %T is a label obstacle", obj)
		}
		if _, ok := obj.(geo.LabelSource); ok {
			t.Errorf("emphasis object %T carries labels", obj)
		}
	}
}
