package scene

import (
	"slices"
	"strings"
	"testing"

	"github.com/briefmap/briefmap/data"
	"github.com/briefmap/briefmap/geo"
)

// layerNamed returns the objects of ls's layer named name, and whether
// there is one.
func layerNamed(ls []geo.Layer, name string) ([]geo.Object, bool) {
	for _, l := range ls {
		if l.Name == name {
			return l.Objects, true
		}
	}
	return nil, false
}

func TestCompareLayers(t *testing.T) {
	r := newRenderer(t)
	m := r.Map(1280, 800, r.HomeView(1280, 800), Options{Date: d2023, Since: d2020, Layers: AllLayers()})
	areas, ok := layerNamed(m.Layers, "changed areas")
	if !ok {
		t.Fatal("no changed areas layer in compare mode")
	}
	d, err := r.Diff(d2020, d2023)
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, z := range d.Zones {
		if ChangedAreaMarked(z) {
			want++
		}
	}
	if len(areas) != want || want == 0 {
		t.Errorf("%d changed areas drawn, want %d (the changes of side)", len(areas), want)
	}
	names := func(ls []geo.Layer) (out []string) {
		for _, l := range ls {
			out = append(out, l.Name)
		}
		return out
	}
	if got := names(m.Layers); !slices.Equal(got[:3], []string{"zones", "contested", "changed areas"}) || !slices.Contains(got, "change marks") {
		t.Errorf("layers %v: the changed areas go above the zones, the marks above the forces", got)
	}
	marks, _ := layerNamed(m.Layers, "change marks")
	var plus, minus int
	for _, o := range marks {
		if mk, ok := o.(*geo.Marker); ok {
			switch mk.Style.Symbol {
			case geo.SymbolPlus:
				plus++
			case geo.SymbolMinus:
				minus++
			}
		}
	}
	arrived, left := 0, 0
	for _, s := range d.Spots {
		if s.Arrived {
			arrived++
		} else {
			left++
		}
	}
	if plus != arrived || minus != left {
		t.Errorf("%d + and %d − marks, want %d and %d", plus, minus, arrived, left)
	}
	for _, o := range []Options{{Date: d2023, Layers: AllLayers()}, {Date: d2020, Since: d2023, Layers: AllLayers()}, {Date: d2020, Since: d2020, Layers: AllLayers()}} {
		m := r.Map(1280, 800, r.HomeView(1280, 800), o)
		if _, ok := layerNamed(m.Layers, "changed areas"); ok {
			t.Errorf("options %v (not comparing a later date with an earlier one) draw changes", o)
		}
	}
}

func TestCompareLegend(t *testing.T) {
	r := newRenderer(t)
	var got []string
	for _, e := range r.Legend(Options{Date: d2023, Since: d2020, Layers: AllLayers()}) {
		got = append(got, e.Label)
	}
	const since = " since 19 January 2020" // d2020, the compared date
	for _, want := range []string{
		"Lost by Haftar and his backers" + since,
		"Lost by Tripoli government and its backers" + since,
		"Holder or status changed" + since,
		"Force arrived" + since,
		"Force left" + since + " (old spot, faded)",
	} {
		if !slices.Contains(got, want) {
			t.Errorf("compare legend lacks %q: %q", want, got)
		}
	}
	for _, e := range r.Legend(Options{Date: d2023, Layers: AllLayers()}) {
		if strings.Contains(e.Label, "since") {
			t.Errorf("legend outside compare mode has %q", e.Label)
		}
	}
}

// TestCompareKeepsChangedPlaces: Hariga's symbol, which sits on Tobruk's
// and is decluttered at national scale, is drawn in compare mode: its
// status changed, and the ring must not circle Tobruk alone.
func TestCompareKeepsChangedPlaces(t *testing.T) {
	r := newRenderer(t)
	has := func(o Options) bool {
		m := r.Map(1280, 800, r.HomeView(1280, 800), o)
		places, _ := layerNamed(m.Layers, "places")
		return slices.ContainsFunc(places, func(o geo.Object) bool { return o.ID() == "place:hariga" })
	}
	if has(Options{Date: d2023, Layers: AllLayers()}) {
		t.Skip("Hariga is not decluttered at this size any more: nothing to check")
	}
	if !has(Options{Date: d2023, Since: d2020, Layers: AllLayers()}) {
		t.Error("Hariga's symbol is dropped in compare mode, where it is ringed")
	}
}

func TestGoldenCompare(t *testing.T) {
	checkGoldenMap(t, newRenderer(t), "compare-2020-01-19-2023-09-30", Options{Date: d2023, Since: d2020, Layers: AllLayers(), ScaleBar: true})
}

// BenchmarkTimelineStep1280 measures one step of the timeline at 1280×800:
// the map of the next change date drawn after the previous one (the
// basemap raster and the zones' geometry come from the caches; the
// overlay of the new date is drawn).
func BenchmarkTimelineStep1280(b *testing.B) {
	r := newRenderer(b)
	v := r.HomeView(1280, 800)
	days := r.b.ChangeDates()
	o := Options{Date: days[0], Layers: AllLayers(), ScaleBar: true}
	r.Render(1280, 800, v, o)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		o.Date = days[i%len(days)]
		r.Render(1280, 800, v, o)
	}
}

// BenchmarkCompareStep1280 is a timeline step in compare mode: the diff of
// each new pair of dates is computed, then cached.
func BenchmarkCompareStep1280(b *testing.B) {
	r := newRenderer(b)
	v := r.HomeView(1280, 800)
	days := r.b.ChangeDates()
	o := Options{Date: days[1], Since: days[0], Layers: AllLayers(), ScaleBar: true}
	r.Render(1280, 800, v, o)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		o.Date = days[1+i%(len(days)-1)]
		r.Render(1280, 800, v, o)
	}
}

// TestCompareChangeOutline: a change picked in compare mode is outlined
// instead of the zone it is now part of.
func TestCompareChangeOutline(t *testing.T) {
	r := newRenderer(t)
	o := Options{Date: d2023, Since: d2020, Layers: AllLayers(), Selected: data.Ref{Kind: data.KindZone, ID: "z2021-gnu-west"}}
	d, _ := r.Diff(d2020, d2023)
	west, _ := r.b.Zone("z2021-gnu-west")
	outlines := func(o Options) (zone, change int) {
		for _, obj := range r.emphasis(nil, o) {
			if a, ok := obj.(*geo.Area); ok {
				switch {
				case len(a.Geometry) > 0 && &a.Geometry[0] == &west.Geometry[0]:
					zone++
				case len(a.Geometry) > 0 && &a.Geometry[0] == &d.Zones[0].Geometry[0]:
					change++
				}
			}
		}
		return zone, change
	}
	if z, c := outlines(o); z != 2 || c != 0 {
		t.Errorf("selection alone: %d zone and %d change outlines, want 2 and 0", z, c)
	}
	o.Change = 1
	if z, c := outlines(o); z != 0 || c != 2 {
		t.Errorf("change 1 picked: %d zone and %d change outlines, want 0 and 2", z, c)
	}
}
