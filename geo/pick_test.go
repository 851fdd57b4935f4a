package geo

import (
	"image/color"
	"testing"

	"github.com/paulmach/orb"
)

// pickMap is a small map without basemap: area "a" (a square with a
// square hole, plus a second part), area "b" over a's corner, an
// undecorated area, a path, a marker, a ring and a label.
func pickMap() *Map {
	fill := AreaStyle{Fill: color.NRGBA{0, 0, 255, 100}}
	a := &Area{Key: "a", Style: fill, Geometry: orb.MultiPolygon{
		{rect(0, 0, 4, 4), rect(1, 1, 3, 3)},
		{rect(6, 0, 7, 1)},
	}}
	b := &Area{Key: "b", Style: fill, Geometry: orb.MultiPolygon{{rect(3, 3, 5, 5)}}}
	plain := &Area{Style: fill, Geometry: orb.MultiPolygon{{rect(-3, -3, -1, -1)}}}
	path := &Path{Key: "road", Geometry: orb.MultiLineString{{{-4, 2}, {-1, 2}}},
		Style: LineStyle{Line: Stroke{Color: color.NRGBA{0, 0, 0, 255}, Width: 2}}}
	mk := &Marker{Key: "town", Point: orb.Point{6, 4}, Style: MarkerStyle{Symbol: SymbolCircle, Size: 10, Fill: color.NRGBA{0, 0, 0, 255}}}
	ring := &Circle{Key: "ring", Centre: orb.Point{0, -5}, RadiusKm: 100,
		Style: RingStyle{Stroke: Stroke{Color: color.NRGBA{0, 0, 0, 255}, Width: 1}}}
	lbl := &Label{Key: "name", Point: orb.Point{-3, 4}, Text: "Name", Style: TextStyle{Size: 12}}
	m := &Map{Width: 800, Height: 600, Layers: []Layer{
		{Name: "areas", Objects: []Object{plain, a, b}},
		{Name: "lines", Objects: []Object{path, ring}},
		{Name: "points", Objects: []Object{mk, lbl}},
	}}
	m.Fit(orb.Bound{Min: orb.Point{-5, -7}, Max: orb.Point{8, 6}}, 10)
	return m
}

func TestPick(t *testing.T) {
	m := pickMap()
	tr := m.Transformer()
	ringEast := GeodesicCircle(orb.Point{0, -5}, 100000, 4)[1]

	tests := []struct {
		name   string
		p      orb.Point // geographic probe
		dx, dy float64   // pixel offset from it
		want   string    // "" = nothing
	}{
		{"area body", orb.Point{0.5, 2}, 0, 0, "a"},
		{"hole misses", orb.Point{2, 2}, 0, 0, ""},
		{"second part", orb.Point{6.5, 0.5}, 0, 0, "a"},
		{"overlap: topmost wins", orb.Point{3.5, 3.5}, 0, 0, "b"},
		{"b alone", orb.Point{4.5, 4.5}, 0, 0, "b"},
		{"undecorated area is not pickable", orb.Point{-2, -2}, 0, 0, ""},
		{"marker centre", orb.Point{6, 4}, 0, 0, "town"},
		{"marker within 6px of its edge", orb.Point{6, 4}, 5 + 5.5, 0, "town"},
		{"marker beyond tolerance", orb.Point{6, 4}, 5 + 7, 0, ""},
		{"path on the line", orb.Point{-2.5, 2}, 0, 0, "road"},
		{"path within 4px", orb.Point{-2.5, 2}, 0, 1 + 3.5, "road"},
		{"path beyond tolerance", orb.Point{-2.5, 2}, 0, 1 + 5, ""},
		{"ring line", ringEast, 0, 0, "ring"},
		{"ring within 4px", ringEast, 4, 0, "ring"},
		{"inside an unfilled ring misses", orb.Point{0, -5}, 0, 0, ""},
		{"label anchor", orb.Point{-3, 4}, 3, 0, "name"},
		{"sea", orb.Point{-4.5, 5.5}, 0, 0, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x, y := tr.ToPixel(tc.p)
			x, y = x+tc.dx, y+tc.dy
			o, ok := m.Pick(x, y)
			if ok != (tc.want != "") || (ok && o.ID() != tc.want) || (!ok && o != nil) {
				id := "<nil>"
				if o != nil {
					id = o.ID()
				}
				t.Errorf("Pick(%.1f, %.1f) = %s, %v; want %q", x, y, id, ok, tc.want)
			}
		})
	}
}

func TestPickAll(t *testing.T) {
	m := pickMap()
	x, y := m.Transformer().ToPixel(orb.Point{3.5, 3.5})
	all := m.PickAll(x, y)
	if len(all) != 2 || all[0].ID() != "b" || all[1].ID() != "a" {
		ids := []string{}
		for _, o := range all {
			ids = append(ids, o.ID())
		}
		t.Fatalf("PickAll = %v, want [b a]", ids)
	}
}

func TestPickFilledRing(t *testing.T) {
	m := pickMap()
	ring := m.Layers[1].Objects[1].(*Circle)
	ring.Style.Fill = color.NRGBA{0, 0, 255, 30}
	x, y := m.Transformer().ToPixel(orb.Point{0, -5})
	if o, ok := m.Pick(x, y); !ok || o.ID() != "ring" {
		t.Fatalf("inside a filled ring: got %v, %v", o, ok)
	}
}

// TestPickPlacedLabel: after a render, a click on a marker's label picks
// the marker.
func TestPickPlacedLabel(t *testing.T) {
	fonts, _ := loadFixtures(t)
	m := pickMap()
	m.Faces = NewFaceCache(fonts)
	mk := m.Layers[2].Objects[0].(*Marker)
	mk.Label = "Town of Somewhere"
	mk.LabelStyle = TextStyle{Size: 14, Color: InkColor}
	mx, my := m.Transformer().ToPixel(mk.Point)
	probe := mx + 5 + 2 + 60 // inside the label if placed on the right
	if o, ok := m.Pick(probe, my); ok {
		t.Fatalf("before rendering, Pick found %s on empty sea", o.ID())
	}
	m.Render()
	if len(m.lastLabels) == 0 {
		t.Fatal("no label placed")
	}
	b := m.lastLabels[0].box
	o, ok := m.Pick((b.X0+b.X1)/2, (b.Y0+b.Y1)/2)
	if !ok || o.ID() != "town" {
		t.Fatalf("click on the label: got %v, %v; want the town", o, ok)
	}
	// After a pan, the stale placement no longer counts.
	m.Centre[0] += 1
	if o, ok := m.Pick((b.X0+b.X1)/2, (b.Y0+b.Y1)/2); ok && o.ID() == "town" {
		t.Fatal("a stale label placement was picked after the view changed")
	}
}
