package scene

import (
	"math"
	"slices"
	"testing"

	"github.com/paulmach/orb"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/geo"
)

func ids[T any](xs []*T, id func(*T) string) []string {
	var out []string
	for _, x := range xs {
		out = append(out, id(x))
	}
	return out
}

// TestInView: what a view shows on a date, by the rules of InView.
func TestInView(t *testing.T) {
	r := newRenderer(t)
	b := r.Briefing()
	o := Options{Date: d2020, Layers: AllLayers()}
	// Around Tripoli: the Tripoli zones and front, the city and its
	// airport, the forces deployed there, and the ring of the Turkish
	// drones at Misrata (about 190 km east), which reaches it.
	tripoli := orb.Bound{Min: orb.Point{12.9, 32.6}, Max: orb.Point{13.5, 33}}
	v := r.InView(o, tripoli)
	places := ids(v.Places, func(p *data.Place) string { return p.ID })
	if !slices.Contains(places, "tripoli") || !slices.Contains(places, "mitiga") || slices.Contains(places, "benghazi") {
		t.Errorf("places around Tripoli: %q", places)
	}
	deps := ids(v.Deployments, func(d *data.Deployment) string { return d.ID })
	if !slices.Contains(deps, "d2020-turkey-troops") || slices.Contains(deps, "d2020-egypt") {
		t.Errorf("forces around Tripoli: %q", deps)
	}
	for _, z := range v.Zones {
		if !z.Valid.Contains(d2020) || !z.Geometry.Bound().Intersects(tripoli) {
			t.Errorf("zone %s is not on the map on %s", z.ID, d2020)
		}
	}
	if len(v.Ranges) == 0 || v.Ranges[0].RangeKM == 0 {
		t.Errorf("no range ring reaches Tripoli: %v", v.Ranges)
	}
	// Layers switch lists off; Shown is InView of everything.
	o.Layers.Cities, o.Layers.Deployments, o.Layers.Ranges = false, false, false
	v = r.InView(o, tripoli)
	if slices.ContainsFunc(v.Places, func(p *data.Place) bool { return p.Kind == data.City }) || len(v.Deployments)+len(v.Ranges) > 0 {
		t.Errorf("layers off, yet shown: %q %d %d", ids(v.Places, func(p *data.Place) string { return p.ID }), len(v.Deployments), len(v.Ranges))
	}
	all := r.Shown(Options{Date: d2023, Layers: AllLayers()})
	if n := len(all.Places); n != len(b.Places) {
		t.Errorf("Shown lists %d of %d places", n, len(b.Places))
	}
	for _, d := range all.Deployments {
		if !d.Valid.Contains(d2023) {
			t.Errorf("force %s shown in 2023", d.ID)
		}
	}
	if got := r.InView(o, orb.Bound{Min: orb.Point{-40, -40}, Max: orb.Point{-30, -30}}); len(got.IDs()) != 0 {
		t.Errorf("the South Atlantic shows %q", got.IDs())
	}
}

// TestCalloutAnchorIsWhereTheMapPoints: a callout's disc is drawn next to
// the anchor CalloutAnchor gives (a force's marker as drawn, not its raw
// point), and an anchor near the edge is refused.
func TestCalloutAnchorIsWhereTheMapPoints(t *testing.T) {
	r := newRenderer(t)
	const w, h = 900, 900
	v := r.HomeView(w, h)
	for _, ref := range []data.Ref{
		{Kind: data.KindDeployment, ID: "d2020-turkey-troops"}, // shares Tripoli with other forces: nudged
		{Kind: data.KindPlace, ID: "es-sider"},
		{Kind: data.KindZone, ID: "z2020-lna-east"},
	} {
		o := Options{Date: d2020, Layers: AllLayers(), Callouts: []data.Ref{ref}}
		x, y, ok := r.CalloutAnchor(w, h, v, o, ref)
		if !ok {
			t.Fatalf("%s: no anchor", ref)
		}
		m := r.Map(w, h, v, o)
		var disc *geo.Marker
		for _, l := range m.Layers {
			if l.Name == "callouts" && len(l.Objects) == 1 {
				disc = l.Objects[0].(*geo.Marker)
			}
		}
		if disc == nil {
			t.Fatalf("%s: no callout drawn", ref)
		}
		dx, dy := v.ToPixel(w, h, disc.Point)
		if d := math.Hypot(dx-x, dy-y); d > calloutOffset*1.5 {
			t.Errorf("%s: disc drawn %.0f px from the anchor", ref, d)
		}
	}
	troops, _ := r.Briefing().Deployment("d2020-turkey-troops")
	rx, ry := v.ToPixel(w, h, r.Briefing().DeploymentPoints(troops)[0])
	x, y, _ := r.CalloutAnchor(w, h, v, Options{Date: d2020}, data.Ref{Kind: data.KindDeployment, ID: troops.ID})
	if math.Hypot(rx-x, ry-y) < forceOffset/2 {
		t.Errorf("the troops' callout points at Tripoli itself, not at their marker")
	}
	// A place near the left edge of a view.
	p, _ := r.Briefing().Place("tripoli")
	edge := View{Centre: orb.Point{p.Point[0] + 1.2, p.Point[1]}, Zoom: 9} // Tripoli about 13 px from the left
	if px, _ := edge.ToPixel(w, h, p.Point); px < 0 || px > calloutMargin {
		t.Fatalf("test view: Tripoli at x=%.0f", px)
	}
	if _, _, ok := r.CalloutAnchor(w, h, edge, Options{Date: d2020}, data.Ref{Kind: data.KindPlace, ID: "tripoli"}); ok {
		t.Error("a callout whose disc would leave the map is accepted")
	}
}

// TestLegendHonoursPixelRatio: at pixel ratio 2 the legend's swatches are
// those of ratio 1 with every size, width and dash doubled.
func TestLegendHonoursPixelRatio(t *testing.T) {
	r := newRenderer(t)
	o := Options{Date: d2020, Layers: AllLayers()}
	one := r.Legend(o)
	o.PixelRatio = 2
	two := r.Legend(o)
	if len(one) != len(two) {
		t.Fatalf("%d entries at ratio 1, %d at ratio 2", len(one), len(two))
	}
	stroke := func(s geo.Stroke) geo.Stroke { return s.Scaled(2) }
	for i := range one {
		a, b := one[i].Item, two[i].Item
		want := a
		want.Area.Stroke, want.Area.Hatch = stroke(a.Area.Stroke), a.Area.Hatch.Scaled(2)
		want.Marker = a.Marker.Scaled(2)
		want.Ring.Stroke = stroke(a.Ring.Stroke)
		if b.Area.Stroke.Width != want.Area.Stroke.Width || !slices.Equal(b.Area.Stroke.Dash, want.Area.Stroke.Dash) ||
			b.Area.Hatch != want.Area.Hatch || b.Marker != want.Marker ||
			b.Ring.Stroke.Width != want.Ring.Stroke.Width || !slices.Equal(b.Ring.Stroke.Dash, want.Ring.Stroke.Dash) {
			t.Errorf("%q at ratio 2: %+v, want %+v", one[i].Label, b, want)
		}
	}
}
